// france-relance-widgets: sizes each <iframe> showing embed.html to the height its page reports (postMessage).
// Load once on the page that holds the iframes: <script src="/chemin/vers/resize.js" defer></script>
window.addEventListener('message', function (event) {
  var data = event.data;
  if (!data || data.type !== 'france-relance-widgets:height' || typeof data.height !== 'number') return;
  if (!(data.height > 0 && data.height < 20000)) return;
  document.querySelectorAll('iframe').forEach(function (frame) {
    if (frame.contentWindow === event.source) frame.style.height = Math.ceil(data.height) + 'px';
  });
});
