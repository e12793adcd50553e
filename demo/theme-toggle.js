// Light/dark switch for the demo pages (DSFR's own JS is not loaded): sets data-fr-theme on <html>,
// which DSFR's CSS and the widgets follow. Starts from the system preference. Classic script, loaded
// in <head> so the theme is set before the page is painted.
(function () {
  const root = document.documentElement;
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  root.setAttribute('data-fr-theme', prefersDark ? 'dark' : 'light');
  function sync(button) {
    const dark = root.getAttribute('data-fr-theme') === 'dark';
    button.setAttribute('aria-pressed', String(dark));
  }
  window.addEventListener('DOMContentLoaded', function () {
    const button = document.getElementById('theme-toggle');
    if (!button) return;
    sync(button);
    button.addEventListener('click', function () {
      root.setAttribute('data-fr-theme', root.getAttribute('data-fr-theme') === 'dark' ? 'light' : 'dark');
      sync(button);
    });
  });
})();
