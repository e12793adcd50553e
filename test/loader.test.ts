/**
 * The loader (`cdn/france-relance-widgets.js`, src/loader.ts): a page downloads the code of the widgets it shows, when
 * their tags appear, and nothing for a tag it never uses; a widget file that fails leaves a French message with
 * « Réessayer » in the widget, and the retry renders it. Run against the built CDN folder (`npm test` builds it).
 */
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import { GEOMETRY_FILES } from '../src/geo-url.js';

interface Loader {
  loadWidget(tag: string): Promise<void>;
  WIDGET_TAGS: readonly string[];
  LOADER_GEOMETRY_FILES: Record<string, string>;
}

/** The files of the CDN folder this page requested (loader, widgets, common chunk, geometry). */
const requested = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((r) => new URL(r.name).pathname)
    .filter((p) => /\/(frw-[\w-]+\.js|france-relance-widgets[\w.]*\.js|geo\/[\w.-]+)$/.test(p))
    .map((p) => p.slice(p.lastIndexOf('/') + 1));

const ROWS = JSON.stringify([
  { nom: 'Atelier A (fictif)', statut: 'association', region: '84', montant: 100000, emplois: 3 },
  { nom: 'Coop B (fictif)', statut: 'cooperative', region: '11', montant: 50000 },
]);

describe('loader', () => {
  let loader: Loader;
  const key = `k${Date.now()}`;
  // The CDN folder through a path where the list's file and the downloads' file fail once (test/server/cdn-fail.mjs,
  // cdnFailMiddleware).
  const base = `/__cdn-fail/${key}~relance-laureate-list+downloads/`;

  before(async () => {
    loader = (await import(/* @vite-ignore */ `${base}france-relance-widgets.js`)) as Loader;
  });

  it('loads nothing for tags the page does not use, and its geometry names are the map’s', async () => {
    await new Promise((r) => setTimeout(r, 100));
    expect(requested()).to.deep.equal(['france-relance-widgets.js']);
    expect(loader.WIDGET_TAGS).to.have.length(5);
    expect(loader.LOADER_GEOMETRY_FILES).to.deep.equal(GEOMETRY_FILES);
  });

  it('loads a widget added late (and only that one, with the common chunk), which then renders its data', async () => {
    const el = document.createElement('relance-key-figures');
    el.setAttribute('data', ROWS);
    document.body.append(el);
    await waitUntil(
      () => customElements.get('relance-key-figures') && el.shadowRoot?.querySelector('[part~="figure-laureats"]'),
      'key figures rendered',
    );
    const files = requested();
    expect(files).to.include.members(['frw-relance-key-figures.js', 'frw-common.js']);
    expect(files.filter((f) => /frw-relance-(territory-map|laureate-list|funding-donut)\.js/.test(f))).to.deep.equal(
      [],
    );
    el.remove();
  });

  it('starts the geometry request of a map as soon as the tag is found', async () => {
    const map = document.createElement('relance-territory-map');
    map.setAttribute('level', 'departement');
    map.setAttribute('data', ROWS);
    document.body.append(map);
    await waitUntil(
      () => document.head.querySelector(`link[rel="preload"][href$="geo/${GEOMETRY_FILES.departement}"]`),
      'preload link',
    );
    await waitUntil(() => map.shadowRoot?.querySelector('path.t'), 'map drawn', { timeout: 10000 });
    map.remove();
  });

  it('shows a French message with « Réessayer » when a widget file fails, and renders the widget on retry', async () => {
    const errors = sinon.stub(console, 'error');
    try {
      const list = document.createElement('relance-laureate-list');
      list.setAttribute('data', ROWS);
      document.body.append(list);
      await waitUntil(() => list.querySelector('[data-relance-load-error][role="alert"]'), 'failure shown');
      expect(list.querySelector('[data-relance-load-error]')!.textContent).to.contain(
        'Ce contenu n’a pas pu être chargé.',
      );
      const retry = list.querySelector<HTMLButtonElement>('[data-relance-load-error] button')!;
      expect(retry.textContent).to.equal('Réessayer');
      expect(errors.calledWithMatch(/relance-laureate-list/)).to.equal(true);
      retry.click();
      await waitUntil(
        () =>
          customElements.get('relance-laureate-list') && list.shadowRoot?.textContent?.includes('Atelier A (fictif)'),
        'list rendered after the retry',
        { timeout: 8000 },
      );
      expect(list.querySelector('[data-relance-load-error]')).to.equal(null);
      list.remove();
    } finally {
      errors.restore();
    }
  });

  it('loads the downloads’ file on the first click, and says in the menu, in French, when it fails', async () => {
    const errors = sinon.stub(console, 'error');
    const saved = sinon.stub(HTMLAnchorElement.prototype, 'click');
    try {
      const donut = document.createElement('relance-funding-donut');
      donut.setAttribute('data', ROWS);
      document.body.append(donut);
      await waitUntil(() => donut.shadowRoot?.querySelector('[part~="download-svg"]'), 'menu rendered');
      expect(requested().filter((f) => f.includes('downloads'))).to.deep.equal([]);
      const menu = donut.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="downloads"]')!;
      menu.open = true;
      donut.shadowRoot!.querySelector<HTMLButtonElement>('[part~="download-svg"]')!.click();
      await waitUntil(() => menu.querySelector('.downloads-failed'), 'failure shown');
      const failed = menu.querySelector('.downloads-failed')!;
      expect(failed.getAttribute('role')).to.equal('alert');
      expect(failed.textContent).to.equal('Le fichier n’a pas pu être préparé. Réessayez plus tard.');
      expect(saved.called).to.equal(false);
      expect(errors.calledWithMatch(/relance-funding-donut>: the downloads could not be loaded/)).to.equal(true);
      expect(requested()).to.include('frw-downloads.js');
      donut.remove();
    } finally {
      saved.restore();
      errors.restore();
    }
  });
});
