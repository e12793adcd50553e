/**
 * The shipped CDN build (the widgets' files that `cdn/france-relance-widgets.js`, the loader, imports; minified:
 * terser and the template minifier, as is the one-file `france-relance-widgets.bundle.js`) says exactly what the
 * source says. Each widget is rendered twice with the same inputs: from the bundle (`relance-*` tags) and
 * from the TypeScript classes (the same classes under `src-*` tags); their texts and accessible names must be equal.
 *
 * Why: the other tests run the source, and a minifier that removes whitespace between a binding and an element
 * changes what readers see (« Aucun lauréat· 3 régions », « ParisClasse 1 sur 5 ») without any test of the source
 * failing. `npm test` builds the bundle before the browser tests.
 */
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { RelanceFundingDonut } from '../src/components/funding-donut/funding-donut.js';
import { RelanceKeyFigures } from '../src/components/key-figures/key-figures.js';
import { RelanceLaureateList } from '../src/components/laureate-list/laureate-list.js';
import { RelanceTerritoryMap } from '../src/components/territory-map/territory-map.js';

const BUNDLE = '/cdn/france-relance-widgets.js';
const SOURCES = {
  'relance-funding-donut': RelanceFundingDonut,
  'relance-key-figures': RelanceKeyFigures,
  'relance-laureate-list': RelanceLaureateList,
  'relance-territory-map': RelanceTerritoryMap,
} as const;
type Tag = keyof typeof SOURCES;

/** The same inputs for both copies: official figures, demo laureates (with a filter), a URL that fails. */
const CASES: { name: string; tag: Tag; attributes: Record<string, string> }[] = [
  {
    name: 'donut, official figures',
    tag: 'relance-funding-donut',
    attributes: { src: '/data/communique-2021-12-21.json', caption: 'Statuts' },
  },
  {
    name: 'donut, demo laureates, English',
    tag: 'relance-funding-donut',
    attributes: { src: '/data/demo/laureats-fictifs.json', lang: 'en', metric: 'laureats' },
  },
  {
    name: 'key figures, demo laureates',
    tag: 'relance-key-figures',
    attributes: { src: '/data/demo/laureats-fictifs.json' },
  },
  {
    name: 'key figures, official figures, English',
    tag: 'relance-key-figures',
    attributes: { src: '/data/communique-2021-12-21.json', lang: 'en' },
  },
  {
    name: 'list, demo laureates, one région',
    tag: 'relance-laureate-list',
    attributes: { src: '/data/demo/laureats-fictifs.json', region: '84', caption: 'Lauréats' },
  },
  {
    name: 'list, English cards',
    tag: 'relance-laureate-list',
    attributes: { src: '/data/demo/laureats-fictifs.csv', lang: 'en', layout: 'cards' },
  },
  {
    name: 'list, a file that is not there',
    tag: 'relance-laureate-list',
    attributes: { src: '/data/introuvable.json' },
  },
  {
    name: 'map by région, amounts and jobs',
    tag: 'relance-territory-map',
    attributes: { src: '/data/demo/laureats-fictifs.json', metric: 'montant', symbols: 'emplois', 'show-table': '' },
  },
  {
    name: 'map by département, English',
    tag: 'relance-territory-map',
    attributes: { src: '/data/demo/laureats-fictifs.json', level: 'departement', lang: 'en' },
  },
];

/** Text of a shadow tree as a reader gets it: text nodes and accessible names, whitespace collapsed to one space. */
function readable(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof Element) {
      if (node.localName === 'style') return;
      for (const name of ['aria-label', 'aria-description', 'title', 'placeholder', 'alt']) {
        const value = node.getAttribute(name);
        if (value) parts.push(` [${name}=${value}] `);
      }
      // An element boundary is not a space: « Paris<span>Classe</span> » reads « ParisClasse ».
      const shadow = node.shadowRoot;
      if (shadow) walk(shadow);
    }
    node.childNodes.forEach(walk);
  };
  walk(root);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Settled: data loaded (or failed), geometry drawn (or failed), and no render pending. */
async function settled(el: HTMLElement): Promise<void> {
  const widget = el as HTMLElement & { dataStatus?: string; geometryStatus?: string; updateComplete: Promise<boolean> };
  await waitUntil(() => widget.dataStatus === 'ready' || widget.dataStatus === 'error', `${el.localName}: data`, {
    timeout: 10_000,
  });
  if (el.localName.endsWith('territory-map')) {
    await waitUntil(() => widget.geometryStatus !== 'loading', `${el.localName}: geometry`, { timeout: 10_000 });
  }
  for (let i = 0; i < 5 && !(await widget.updateComplete); i++);
  // Two frames: a ResizeObserver reports after layout, in a frame, and the widget re-renders at its width in the next
  // one (src/controllers/width.ts). Firefox and WebKit are seen between the two more often than Chromium.
  for (let frame = 0; frame < 2; frame++) {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    await widget.updateComplete;
  }
}

describe('the CDN bundle says what the source says', () => {
  before(async () => {
    const url = BUNDLE;
    const loader = (await import(/* @vite-ignore */ url)) as { loadWidget(tag: string): Promise<void> };
    // Each widget's file, through the loader (what a page with the widget's tag gets).
    await Promise.all(Object.keys(SOURCES).map((tag) => loader.loadWidget(tag)));
    for (const [tag, source] of Object.entries(SOURCES)) {
      customElements.define(tag.replace(/^relance-/, 'src-'), class extends (source as typeof RelanceFundingDonut) {});
    }
  });

  it('defines every widget from the bundle, not from the source', () => {
    for (const [tag, source] of Object.entries(SOURCES)) {
      const bundled = customElements.get(tag);
      expect(bundled, tag).to.be.a('function');
      expect(bundled === source || bundled!.prototype instanceof source, tag).to.equal(false);
    }
  });

  for (const c of CASES) {
    it(`renders the same text and names: ${c.name}`, async () => {
      const stage = document.createElement('div');
      stage.style.width = c.attributes['layout'] === 'cards' ? '360px' : '1000px';
      document.body.append(stage);
      // A file that is not there is reported in the console by both copies: expected here, checked below.
      const errors = sinon.stub(console, 'error');
      try {
        const make = (tag: string): HTMLElement => {
          const el = document.createElement(tag);
          for (const [k, v] of Object.entries(c.attributes)) el.setAttribute(k, v);
          stage.append(el);
          return el;
        };
        const bundled = make(c.tag);
        const source = make(c.tag.replace(/^relance-/, 'src-'));
        await Promise.all([settled(bundled), settled(source)]);
        const a = readable(bundled.shadowRoot!);
        const b = readable(source.shadowRoot!);
        expect(a.length, 'text rendered').to.be.above(40);
        // Element ids differ per instance (uid): compare without them.
        const ids = (s: string): string => s.replace(/relance-\d+|src-\d+|r\d+-[\w-]+/g, '#');
        expect(ids(a)).to.equal(ids(b));
        const failing = c.attributes['src']?.includes('introuvable');
        expect(errors.callCount, 'console errors').to.equal(failing ? 2 : 0);
      } finally {
        errors.restore();
        stage.remove();
      }
    });
  }
});
