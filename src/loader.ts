/**
 * The one script tag of a page (`cdn/france-relance-widgets.js`): a small loader that imports each widget's code
 * when its tag first appears in the document (at load, or added later by a CMS block, a framework, a tab), with the
 * code the widgets share in one common chunk. A page with a map and nothing else downloads the loader, the common
 * chunk and the map's chunk; a tag never used loads nothing.
 *
 * - Widgets are imported relative to this file (`import()` of `./frw-<tag>.js`): it works from a copied folder, a CDN
 *   path, and under a strict Content-Security-Policy (`script-src 'self'`, or the CDN's origin).
 * - When a map is found, the request for its geometry starts at once, beside the map's code (a `<link rel=preload>`
 *   of the default file of its level), instead of after the code has run.
 * - A chunk that fails to load (network, server) leaves a French message inside each element of that tag, with a
 *   « Réessayer » button (« This content could not be loaded » when the element or page is in English).
 * - Two copies on a page (two script tags, two versions): each widget is defined once (the first wins), the second
 *   copy's loader finds the tags already defined and loads nothing.
 *
 * Pages whose policy lists scripts by hash (the embed page), and code that imports the widgets' classes, use the
 * one-file build instead: `cdn/france-relance-widgets.bundle.js` (README, « Which file »).
 */
/**
 * The default geometry file of each map level: the same names as `GEOMETRY_FILES` in src/geo-url.ts (a test checks
 * it). Copied, not imported: the loader must import nothing of the widgets' code, or it would load it all.
 */
export const LOADER_GEOMETRY_FILES = {
  region: 'france-regions.projected.json',
  departement: 'france-departements.projected.json',
} as const;

/**
 * This file's URL, in a variable: a literal `new URL(\`…\`, import.meta.url)` would make Vite treat the files as
 * assets of the build (see src/geo-url.ts).
 */
const base = import.meta.url;

/**
 * Imports a widget's file (built next to this one as `frw-<tag>.js`, see vite.config.ts), and the common chunk at
 * the same time (the widget's file imports it: fetched in parallel rather than after it).
 */
const attempts = new Map<string, number>();
const importWidget = (tag: string) => (): Promise<unknown> => {
  void import(/* @vite-ignore */ new URL('frw-common.js', base).href).catch(() => {});
  // After a failure, another address for the same file: Firefox keeps a failed module import's result for the page's
  // life (importing the same URL again fails at once, without a request; Chromium and WebKit fetch it again).
  const attempt = attempts.get(tag) ?? 0;
  attempts.set(tag, attempt + 1);
  return import(/* @vite-ignore */ new URL(`frw-${tag}.js${attempt ? `?retry=${attempt}` : ''}`, base).href);
};

const WIDGETS: Readonly<Record<string, () => Promise<unknown>>> = {
  'relance-dataset': importWidget('relance-dataset'),
  'relance-funding-donut': importWidget('relance-funding-donut'),
  'relance-key-figures': importWidget('relance-key-figures'),
  'relance-laureate-list': importWidget('relance-laureate-list'),
  'relance-territory-map': importWidget('relance-territory-map'),
};

/** The tags this loader knows. */
export const WIDGET_TAGS: readonly string[] = Object.keys(WIDGETS);
const SELECTOR = WIDGET_TAGS.join(',');

const loading = new Map<string, Promise<void>>();
const preloaded = new Set<string>();

/** Loads a widget's code (once; again after a failure); resolves when its tag is defined. */
export function loadWidget(tag: string): Promise<void> {
  const load = WIDGETS[tag];
  if (!load) return Promise.reject(new Error(`france-relance-widgets: unknown widget <${tag}>`));
  if (customElements.get(tag)) return Promise.resolve();
  let p = loading.get(tag);
  if (!p) {
    p = load().then(
      () => {
        clearFailures(tag);
      },
      (e: unknown) => {
        loading.delete(tag);
        console.error(`france-relance-widgets: the code of <${tag}> could not be loaded.`, e);
        showFailures(tag);
        throw e;
      },
    );
    loading.set(tag, p);
  }
  return p;
}

/** Every widget tag in `root` (and `root` itself) whose code is not loaded yet. */
function discover(root: Element | Document): void {
  const found = new Set<string>();
  if (root instanceof Element && root.localName in WIDGETS) found.add(root.localName);
  for (const el of root.querySelectorAll(SELECTOR)) found.add(el.localName);
  for (const tag of found) {
    if (tag === 'relance-territory-map') preloadGeometry(root);
    if (!customElements.get(tag) && !loading.has(tag)) loadWidget(tag).catch(() => {});
  }
}

/** Starts the download of each map's default geometry now (the map's code will find it in the HTTP cache). */
function preloadGeometry(root: Element | Document): void {
  const maps =
    root instanceof Element && root.localName === 'relance-territory-map'
      ? [root]
      : [...root.querySelectorAll('relance-territory-map')];
  for (const map of maps) {
    if (map.hasAttribute('geometry')) continue;
    const level = map.getAttribute('level') === 'departement' ? 'departement' : 'region';
    const href = new URL(`geo/${LOADER_GEOMETRY_FILES[level]}`, base).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.append(link);
  }
}

const FAILURE_ATTR = 'data-relance-load-error';

function isEnglish(el: Element): boolean {
  return (el.closest('[lang]')?.getAttribute('lang') ?? '').toLowerCase().startsWith('en');
}

/** A message (text only) and a retry button inside each element of the tag that could not be loaded. */
function showFailures(tag: string): void {
  for (const el of document.querySelectorAll(tag)) {
    if (el.querySelector(`:scope > [${FAILURE_ATTR}]`)) continue;
    const en = isEnglish(el);
    const box = document.createElement('div');
    box.setAttribute(FAILURE_ATTR, '');
    box.setAttribute('role', 'alert');
    const text = document.createElement('p');
    text.textContent = en ? 'This content could not be loaded.' : 'Ce contenu n’a pas pu être chargé.';
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'fr-btn fr-btn--sm fr-btn--secondary';
    retry.textContent = en ? 'Try again' : 'Réessayer';
    retry.addEventListener('click', () => {
      retry.disabled = true;
      loadWidget(tag).catch(() => {
        retry.disabled = false;
      });
    });
    box.append(text, retry);
    el.prepend(box);
  }
}

function clearFailures(tag: string): void {
  for (const box of document.querySelectorAll(`${tag} > [${FAILURE_ATTR}]`)) box.remove();
}

if (typeof document !== 'undefined') {
  discover(document);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      for (const node of r.addedNodes) if (node instanceof Element) discover(node);
    }
    // Every widget loaded: nothing left to watch.
    if (WIDGET_TAGS.every((t) => customElements.get(t))) observer.disconnect();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}
