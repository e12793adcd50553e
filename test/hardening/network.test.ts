/**
 * Network faults, through the real network stack (the `/__faults/` middleware of `test/server/faults.mjs`):
 * 404, 500, timeout, wrong content type (an HTML error page), truncated body (JSON cut in the middle, CSV cut in a
 * row), connection cut, and a slow response overtaken by a newer `src`. For `src` on every widget, and for the map's
 * geometry. Each gives its French message and event, and its retry works (the next attempt succeeds).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/funding-donut/relance-funding-donut.js';
import '../../src/components/key-figures/relance-key-figures.js';
import '../../src/components/laureate-list/relance-laureate-list.js';
import '../../src/components/territory-map/relance-territory-map.js';
import type { RelanceDataElement } from '../../src/base/data-element.js';
import type { DataErrorDetail, DataLoadDetail } from '../../src/base/data-source.js';
import type { GeometryErrorDetail } from '../../src/components/territory-map/geometry.js';
import { clearGeometryCache } from '../../src/components/territory-map/geometry.js';
import type { RelanceTerritoryMap } from '../../src/components/territory-map/territory-map.js';
import { mapMessages } from '../../src/components/territory-map/territory-map.messages.js';
import { messages } from '../../src/i18n/messages.js';
import { PageErrors, citizenError, debugDetail, plain } from './helpers.js';

const JSON_FILE = 'data/demo/laureats-fictifs.json';
const CSV_FILE = 'data/demo/laureats-fictifs.csv';
const GEO_FILE = 'geo/france-regions.topo.json';
const WIDGETS = ['relance-laureate-list', 'relance-funding-donut', 'relance-key-figures', 'relance-territory-map'];
/** Short time limit for the timeout tests (the default is 20 s). */
const TIMEOUT_MS = 800;
let run = 0;
/** A fault URL; `once-…` and `twice-…` faults get a key unique to this run (the server counts requests by key). */
const fault = (kind: string, arg: string, file: string): string =>
  `/__faults/${kind}/${/^(once|twice)-/.test(kind) ? `t${Date.now()}-${++run}~` : ''}${arg}/${file}`;

const errorTitle = (el: Element): string =>
  plain(el.shadowRoot!.querySelector('[part="error"] .notice__title')?.textContent);
const retry = (el: Element): HTMLButtonElement | null =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry"]');

/** An element of the tag loading `src` (with a short time limit for the timeout tests). */
async function widget(tag: string, src: string, timeout?: number): Promise<RelanceDataElement> {
  const el = await fixture<RelanceDataElement>(html`<div style="width: 1000px"></div>`).then((box) => {
    const w = document.createElement(tag) as RelanceDataElement;
    if (timeout) (w as unknown as { dataSource: { timeout: number } }).dataSource.timeout = timeout;
    box.append(w);
    return w;
  });
  el.src = src;
  return el;
}

/** Waits for the next data event of the element. */
function nextDataEvent(el: Element): Promise<CustomEvent<DataLoadDetail | DataErrorDetail>> {
  return new Promise((resolve) => {
    const done = (e: Event): void => {
      el.removeEventListener('relance-data-load', done);
      el.removeEventListener('relance-data-error', done);
      resolve(e as CustomEvent<DataLoadDetail | DataErrorDetail>);
    };
    el.addEventListener('relance-data-load', done);
    el.addEventListener('relance-data-error', done);
  });
}

function rowCount(el: RelanceDataElement): number {
  return el.loadedData?.laureates.length ?? -1;
}

describe('hardening: network faults', function () {
  this.timeout(20_000);
  const errors = new PageErrors();
  const { error } = console;
  beforeEach(() => {
    errors.start();
    console.error = () => undefined;
  });
  afterEach(() => {
    console.error = error;
    errors.stop();
    expect(errors.take(), 'uncaught errors').to.deep.equal([]);
  });

  const fr = messages('fr');
  const cases: { name: string; url: () => string; code: string; status?: number }[] = [
    { name: '404', url: () => fault('once-status', '404', JSON_FILE), code: 'http', status: 404 },
    { name: '500', url: () => fault('once-status', '500', JSON_FILE), code: 'http', status: 500 },
    { name: 'timeout', url: () => fault('once-hang', '-', JSON_FILE), code: 'timeout' },
    {
      name: 'wrong content type (HTML error page)',
      url: () => fault('once-type', 'text~html', JSON_FILE),
      code: 'content-type',
    },
    { name: 'truncated JSON body', url: () => fault('once-truncate', '5000', JSON_FILE), code: 'invalid-json' },
    { name: 'connection cut during the body', url: () => fault('once-cut', '5000', JSON_FILE), code: 'network' },
  ];
  for (const tag of WIDGETS) {
    describe(`<${tag}> src`, () => {
      for (const c of cases) {
        it(`${c.name}: « ${fr.dataError({ code: c.code, status: c.status })} », then a working retry`, async () => {
          const url = c.url();
          const el = await widget(tag, url, c.code === 'timeout' ? TIMEOUT_MS : undefined);
          const failed = await nextDataEvent(el);
          expect(failed.type).to.equal('relance-data-error');
          expect(failed.detail).to.deep.include({ code: c.code, origin: 'src' });
          if (c.status) expect((failed.detail as DataErrorDetail).status).to.equal(c.status);
          await el.updateComplete;
          expect(el.dataStatus).to.equal('error');
          expect(errorTitle(el)).to.equal(plain(citizenError(c.code, tag)));
          expect(debugDetail(el, 'error')).to.equal(plain(fr.dataError({ code: c.code, status: c.status })));
          expect((failed.detail as DataErrorDetail).message).to.equal(fr.dataError({ code: c.code, status: c.status }));
          const loaded = nextDataEvent(el);
          retry(el)!.click();
          expect((await loaded).type).to.equal('relance-data-load');
          await el.updateComplete;
          expect(el.dataStatus).to.equal('ready');
          expect(rowCount(el)).to.equal(44);
          expect(Boolean(el.shadowRoot!.querySelector('[part="error"]'))).to.equal(false);
        });
      }

      it('CSV cut in a row: the rows read are shown, the cut row is counted as ignored, and a retry loads the whole file', async () => {
        const full = await (await fetch(`/${CSV_FILE}`)).text();
        // Cut in the middle of the 10th data row (no line break after it).
        const lines = full.split('\n');
        const cut = new TextEncoder().encode(`${lines.slice(0, 10).join('\n')}\n${lines[10]!.slice(0, 30)}`).length;
        const el = await widget(tag, fault('once-truncate', String(cut), CSV_FILE));
        const partial = await nextDataEvent(el);
        expect(partial.type).to.equal('relance-data-load');
        const detail = partial.detail as DataLoadDetail;
        expect(detail.ignored).to.equal(1);
        expect(detail.issues.map((i) => i.code)).to.deep.equal(['truncated-row']);
        await el.updateComplete;
        // Every complete row is shown (some project descriptions span several lines).
        expect(rowCount(el)).to.equal(detail.rows - 1);
        expect(rowCount(el)).to.be.greaterThan(5);
        const warning = plain(el.shadowRoot!.querySelector('[part="warning"]')?.textContent);
        expect(warning).to.contain('1 ligne ignorée');
        expect(warning).to.contain(`ligne ${detail.rows} : dernière ligne incomplète (fichier tronqué ?)`);
        const loaded = nextDataEvent(el);
        retry(el)!.click();
        expect((await loaded).detail).to.deep.include({ rows: 44, ignored: 0 });
        await el.updateComplete;
        expect(rowCount(el)).to.equal(44);
        expect(Boolean(el.shadowRoot!.querySelector('[part="warning"]'))).to.equal(false);
      });

      it('a slow response overtaken by a newer src never wins', async () => {
        const el = await widget(tag, fault('slow', '600', 'data/communique-2021-12-21.json'));
        const events: string[] = [];
        el.addEventListener('relance-data-load', () => events.push('load'));
        el.addEventListener('relance-data-error', () => events.push('error'));
        await new Promise((resolve) => setTimeout(resolve, 50));
        el.src = `/${JSON_FILE}`;
        await waitUntil(() => el.dataStatus === 'ready', 'newer src', { timeout: 5000 });
        expect(rowCount(el)).to.equal(44);
        // The older response arrives (600 ms): ignored.
        await new Promise((resolve) => setTimeout(resolve, 900));
        expect(el.loadedData!.kind).to.equal('laureates');
        expect(rowCount(el)).to.equal(44);
        expect(events).to.deep.equal(['load']);
        // And a slow newer src after a fast one: the newer, once it arrives.
        el.src = fault('slow', '300', 'data/communique-2021-12-21.json');
        await el.updateComplete;
        expect(el.dataStatus).to.equal('loading');
        await waitUntil(() => el.dataStatus === 'ready', 'slow newer src', { timeout: 5000 });
        expect(el.loadedData!.kind).to.equal('aggregates');
      });
    });
  }

  describe('<relance-territory-map> geometry', () => {
    const m = mapMessages('fr');
    beforeEach(() => clearGeometryCache());
    const geoCases: { name: string; url: () => string; code: GeometryErrorDetail['code']; status?: number }[] = [
      { name: '404', url: () => fault('once-status', '404', GEO_FILE), code: 'http', status: 404 },
      // A server error is retried once automatically: it takes two to show the message.
      { name: '500 (twice)', url: () => fault('twice-status', '500', GEO_FILE), code: 'http', status: 500 },
      { name: 'timeout', url: () => fault('once-hang', '-', GEO_FILE), code: 'timeout' },
      {
        name: 'wrong content type (HTML error page)',
        url: () => fault('once-type', 'text~html', GEO_FILE),
        code: 'content-type',
      },
      { name: 'truncated body', url: () => fault('once-truncate', '20000', GEO_FILE), code: 'invalid-json' },
    ];
    for (const c of geoCases) {
      it(`${c.name}: « ${m.geometryError(c.code, c.status)} », the table still there, then a working retry`, async () => {
        const box = await fixture<HTMLElement>(html`<div style="width: 800px"></div>`);
        const el = document.createElement('relance-territory-map') as RelanceTerritoryMap;
        if (c.code === 'timeout')
          (el as unknown as { dataSource: { timeout: number } }).dataSource.timeout = TIMEOUT_MS;
        el.geometry = c.url();
        const failed = new Promise<CustomEvent<GeometryErrorDetail>>((resolve) =>
          el.addEventListener('relance-geometry-error', (e) => resolve(e as CustomEvent<GeometryErrorDetail>), {
            once: true,
          }),
        );
        box.append(el);
        el.src = `/${JSON_FILE}`;
        const ev = await failed;
        expect(ev.detail.code).to.equal(c.code);
        if (c.status) expect(ev.detail.status).to.equal(c.status);
        await waitUntil(() => el.dataStatus === 'ready', 'data', { timeout: 5000 });
        await el.updateComplete;
        expect(el.geometryStatus).to.equal('error');
        expect(errorTitle(el)).to.equal(plain(m.geometryError(c.code, c.status)));
        // The data table is shown instead of the map.
        expect(el.shadowRoot!.querySelectorAll('[part="table"] tbody tr')).to.have.length(18);
        retry(el)!.click();
        await waitUntil(
          () => el.shadowRoot!.querySelectorAll('.t[role="option"]').length === 18,
          'map drawn after retry',
          { timeout: 5000 },
        );
        expect(el.geometryStatus).to.equal('ready');
        expect(Boolean(el.shadowRoot!.querySelector('[part="error"]'))).to.equal(false);
      });
    }

    it('a slow geometry overtaken by a newer one never wins', async () => {
      const box = await fixture<HTMLElement>(html`<div style="width: 800px"></div>`);
      const el = document.createElement('relance-territory-map') as RelanceTerritoryMap;
      const geoErrors: string[] = [];
      el.addEventListener('relance-geometry-error', (e) =>
        geoErrors.push((e as CustomEvent<GeometryErrorDetail>).detail.code),
      );
      // The older answer is slow and broken: if it won, the map would show an error.
      el.geometry = fault('slow', '600', 'data/demo/laureats-fictifs.csv');
      el.src = `/${JSON_FILE}`;
      box.append(el);
      await new Promise((resolve) => setTimeout(resolve, 50));
      el.geometry = `/${GEO_FILE.replace('geo/', 'src/geo/')}`;
      await waitUntil(() => el.shadowRoot!.querySelectorAll('.t[role="option"]').length === 18, 'newer geometry', {
        timeout: 5000,
      });
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(el.geometryStatus).to.equal('ready');
      expect(geoErrors).to.deep.equal([]);
      expect(el.shadowRoot!.querySelectorAll('.t[role="option"]')).to.have.length(18);
    });
  });
});
