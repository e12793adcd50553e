/**
 * The embed page's styles (embed.html): a plain page around the widgets, in DSFR's colours and type scale, light and
 * dark. Applied by embed.js as a constructed style sheet: the page's policy allows no style sheet of its own (in WebKit
 * a sandboxed page's `'self'` matches nothing, so a `<link rel="stylesheet">` would be refused), and no inline style.
 */
export const EMBED_CSS = `
:root {
  color-scheme: light dark;
  --embed-text: #3a3a3a;
  --embed-mention: #666;
  --embed-title: #161616;
  --embed-background: #fff;
  --embed-action: #000091;
  --embed-border: #ddd;
  --embed-error: #ce0500;
  --embed-error-background: #ffe9e9;
  font-family: Marianne, arial, sans-serif;
  font-size: 100%;
  line-height: 1.5;
  color: var(--embed-text);
  background: var(--embed-background);
}
@media (prefers-color-scheme: dark) {
  :root:not([data-fr-theme='light']) {
    --embed-text: #cecece;
    --embed-mention: #929292;
    --embed-title: #eee;
    --embed-background: #161616;
    --embed-action: #8585f6;
    --embed-border: #353535;
    --embed-error: #ff5655;
    --embed-error-background: #301f1f;
  }
}
:root[data-fr-theme='dark'] {
  color-scheme: dark;
  --embed-text: #cecece;
  --embed-mention: #929292;
  --embed-title: #eee;
  --embed-background: #161616;
  --embed-action: #8585f6;
  --embed-border: #353535;
  --embed-error: #ff5655;
  --embed-error-background: #301f1f;
}
:root[data-fr-theme='light'] {
  color-scheme: light;
}
/* The widgets follow DSFR's tokens when the page defines them. */
:root {
  --text-default-grey: var(--embed-text);
  --text-title-grey: var(--embed-title);
  --text-mention-grey: var(--embed-mention);
  --background-default-grey: var(--embed-background);
  --text-action-high-blue-france: var(--embed-action);
}
/* No margin on <body>: the height the page reports is that of its content, and nothing outside it. The scrollbar's
   room is always kept: a scrollbar that came and went with the iframe's height would change the width, so the height,
   and the iframe would never settle. */
:root {
  scrollbar-gutter: stable;
}
body {
  margin: 0;
}
.embed {
  display: flex;
  flex-direction: column;
  gap: 2rem;
  padding: 1rem 1rem 0;
}
.embed:empty {
  display: none;
}
.embed-footer {
  padding: 0.75rem 1rem 1rem;
  font-size: 0.875rem;
  line-height: 1.5rem;
  color: var(--embed-mention);
}
.embed-footer p {
  margin: 0;
}
.embed-footer:empty {
  display: none;
}
.embed-link {
  color: var(--embed-action);
  text-decoration: underline;
  text-underline-offset: 0.2em;
  overflow-wrap: anywhere;
}
.embed-link:hover {
  text-decoration-thickness: 2px;
}
.embed-link:focus-visible {
  outline: 2px solid #0a76f6;
  outline-offset: 2px;
}
.embed-alert {
  border: 1px solid var(--embed-error);
  border-left-width: 2.5rem;
  padding: 0.75rem 1rem;
  color: var(--embed-title);
}
.embed-alert__title {
  margin: 0 0 0.5rem;
  font-weight: 700;
  font-size: 1.125rem;
  line-height: 1.75rem;
}
.embed-alert ul {
  margin: 0 0 0.5rem;
  padding-left: 1.25rem;
}
.embed-alert__help {
  margin: 0;
  font-size: 0.875rem;
  color: var(--embed-mention);
}
`;
