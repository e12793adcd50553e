/**
 * The files the one-file bundle (`cdn/france-relance-widgets.bundle.js`) imports on demand, beside it: the map's
 * geometry code (`frw-bundle-map-engine.js`, with the first map) and the downloads' files (`frw-bundle-downloads.js`,
 * on a click on « Télécharger »). A page without a map never requests the first; when one fails the widget says so
 * in French, and the next try imports it again (a new address: Firefox keeps a failed module import failed). Run
 * against the built CDN folder (`npm test` builds it), through a path where both files fail once
 * (test/server/cdn-fail.mjs).
 */
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { GeometryErrorDetail } from '../src/components/territory-map/geometry.js';

type Widget = HTMLElement & { dataStatus?: string; geometryStatus?: string };

/** The CDN files this page requested. */
const requested = (): string[] =>
  performance
    .getEntriesByType('resource')
    .map((r) => new URL(r.name).pathname)
    .filter((p) => /\/(frw-[\w-]+\.js|france-relance-widgets[\w.]*\.js)$/.test(p))
    .map((p) => p.slice(p.lastIndexOf('/') + 1));

const ROWS = JSON.stringify([
  { nom: 'Atelier A (fictif)', statut: 'association', region: '84', montant: 100000, emplois: 3 },
  { nom: 'Coop B (fictif)', statut: 'cooperative', region: '11', montant: 50000 },
]);

const plain = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

describe('files the bundle imports on demand', () => {
  const base = `/__cdn-fail/b${Date.now()}~bundle-map-engine+bundle-downloads/`;
  let errors: sinon.SinonStub;

  before(async () => {
    await import(/* @vite-ignore */ `${base}france-relance-widgets.bundle.js`);
  });
  beforeEach(() => {
    errors = sinon.stub(console, 'error');
  });
  afterEach(() => {
    errors.restore();
    document.body.replaceChildren();
  });

  it('draws a list, a donut and key figures without the map’s geometry code', async () => {
    const widgets = ['relance-laureate-list', 'relance-funding-donut', 'relance-key-figures'].map((tag) => {
      const el = document.createElement(tag) as Widget;
      el.setAttribute('data', ROWS);
      document.body.append(el);
      return el;
    });
    await waitUntil(() => widgets.every((w) => w.dataStatus === 'ready'), 'widgets ready');
    await new Promise((r) => setTimeout(r, 200));
    expect(requested()).to.deep.equal(['france-relance-widgets.bundle.js']);
  });

  it('says in French that the map could not be loaded when its code fails, and draws it on « Réessayer »', async () => {
    const map = document.createElement('relance-territory-map') as Widget;
    map.setAttribute('data', ROWS);
    const failed = new Promise<GeometryErrorDetail>((resolve) =>
      map.addEventListener('relance-geometry-error', (e) => resolve((e as CustomEvent<GeometryErrorDetail>).detail), {
        once: true,
      }),
    );
    document.body.append(map);
    const detail = await failed;
    expect(detail.code).to.equal('network');
    expect(detail.details).to.contain("The map's code could not be loaded");
    await waitUntil(() => map.shadowRoot?.querySelector('[part="retry"]'), 'retry shown');
    expect(map.geometryStatus).to.equal('error');
    expect(plain(map.shadowRoot!.querySelector('[role="alert"]')?.textContent)).to.contain(
      'Le fond de carte n’a pas pu être chargé (réseau indisponible ou adresse refusée).',
    );
    // The data table (every région) stands in for the map.
    expect(map.shadowRoot!.querySelectorAll('[part="table"] tbody tr')).to.have.length(18);
    expect(errors.calledWithMatch(/relance-territory-map/)).to.equal(true);
    expect(requested()).to.include('frw-bundle-map-engine.js');

    map.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    await waitUntil(() => map.shadowRoot!.querySelectorAll('path.t').length === 18, 'map drawn after the retry', {
      timeout: 10_000,
    });
    expect(map.geometryStatus).to.equal('ready');
    expect(map.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
  });

  it('says in the menu when the downloads’ file fails, and downloads on the next click', async () => {
    const saved = sinon.stub(HTMLAnchorElement.prototype, 'click');
    try {
      const donut = document.createElement('relance-funding-donut');
      donut.setAttribute('data', ROWS);
      document.body.append(donut);
      await waitUntil(() => donut.shadowRoot?.querySelector('[part~="download-csv"]'), 'menu rendered');
      const menu = donut.shadowRoot!.querySelector<HTMLDetailsElement>('[part~="downloads"]')!;
      menu.open = true;
      const csv = donut.shadowRoot!.querySelector<HTMLButtonElement>('[part~="download-csv"]')!;
      csv.click();
      await waitUntil(() => menu.querySelector('.downloads-failed'), 'failure shown');
      expect(menu.querySelector('.downloads-failed')!.textContent).to.equal(
        'Le fichier n’a pas pu être préparé. Réessayez plus tard.',
      );
      expect(saved.called).to.equal(false);
      csv.click();
      await waitUntil(() => saved.called, 'file saved on the second click', { timeout: 5000 });
      expect(menu.querySelector('.downloads-failed')).to.equal(null);
      expect(requested().filter((f) => f === 'frw-bundle-downloads.js')).to.have.length(2);
    } finally {
      saved.restore();
    }
  });
});
