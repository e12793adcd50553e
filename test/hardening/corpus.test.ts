/**
 * The hostile-input corpus (`corpus.ts`) through the parser, then through every widget and every input channel:
 * the `data` attribute, the `.data` property, a `<script type="application/json">` / `text/csv` child and `src`
 * (a stubbed `fetch` serving the case as a file). For each: no uncaught error, no script run, no element created
 * from the data, a visible message (fatal errors) or the valid rows intact with the ignored rows counted.
 *
 * Elements are created once (4 widgets × 4 channels) and reused: each case replaces their data.
 */
import { expect, html } from '@open-wc/testing';
import { render } from 'lit';
import sinon from 'sinon';
import '../../src/components/funding-donut/relance-funding-donut.js';
import '../../src/components/key-figures/relance-key-figures.js';
import '../../src/components/laureate-list/relance-laureate-list.js';
import '../../src/components/territory-map/relance-territory-map.js';
import type { RelanceDataElement } from '../../src/base/data-element.js';
import { datasetLoad } from '../../src/model/parse/progressive.js';
import type { DataErrorDetail, DataLoadDetail } from '../../src/base/data-source.js';
import type { RelanceFundingDonut } from '../../src/components/funding-donut/funding-donut.js';
import type { RelanceKeyFigures } from '../../src/components/key-figures/key-figures.js';
import type { RelanceLaureateList } from '../../src/components/laureate-list/laureate-list.js';
import type { RelanceTerritoryMap } from '../../src/components/territory-map/territory-map.js';
import { messages } from '../../src/i18n/messages.js';
import { parseInput } from '../../src/model/parse/index.js';
import type { HardeningCase } from './corpus.js';
import { CATEGORIES, CORPUS, EXPECTED_CODES, PAYLOADS, valueCases } from './corpus.js';
import {
  PageErrors,
  citizenError,
  citizenIncomplete,
  debugDetail,
  expectParse,
  injected,
  nextTask,
  plain,
  short,
} from './helpers.js';

const WIDGETS = [
  'relance-laureate-list',
  'relance-funding-donut',
  'relance-key-figures',
  'relance-territory-map',
] as const;
type Widget = (typeof WIDGETS)[number];
const CHANNELS = ['attribute', 'property', 'script', 'src'] as const;
type Channel = (typeof CHANNELS)[number];
const fr = messages('fr');

/** The `.data` property of a case: its value, or its JSON parsed (an array or object), or its text. */
function propertyValue(c: HardeningCase): unknown {
  if (c.value !== undefined) return c.value;
  if (c.type === 'json') {
    try {
      const v: unknown = JSON.parse(c.text!.replace(/^\uFEFF/, ''));
      if (typeof v === 'object' && v !== null) return v;
    } catch {
      // not JSON: the text itself
    }
  }
  return c.text;
}

describe('hardening: corpus of hostile inputs', () => {
  it('has at least 200 distinct text inputs, in every category of the issue', () => {
    const texts = new Set(CORPUS.map((c) => c.text));
    expect(texts.size).to.be.at.least(200);
    const counts = Object.fromEntries(CATEGORIES.map((k) => [k, CORPUS.filter((c) => c.category === k).length]));
    for (const k of CATEGORIES) expect(counts[k], k).to.be.greaterThan(0);
    expect(CORPUS.filter((c) => c.category === 'large').every((c) => c.text!.length >= 5_000_000)).to.equal(true);
    // The counts quoted in the README (« Sécurité et robustesse »).
    console.log(`corpus: ${CORPUS.length} text cases + ${valueCases().length} value cases; ${JSON.stringify(counts)}`);
  });

  describe('parser', () => {
    for (const c of CORPUS) {
      it(c.name, () => {
        const r = parseInput(c.text);
        expectParse(r, c.expect, `${c.name} (text)`, c.names);
        const codes = EXPECTED_CODES[c.name];
        if (codes && r.ok)
          expect(r.dataset.issues.map((i) => i.code).sort(), `${c.name}: issues`).to.deep.equal([...codes].sort());
        const value = c.heavy ? undefined : propertyValue(c);
        if (value !== undefined && typeof value === 'object')
          expectParse(parseInput(value), c.expect, `${c.name} (value)`, c.names);
      });
    }
    for (const c of valueCases()) it(c.name, () => expectParse(parseInput(c.value), c.expect, c.name));
  });
});

describe('hardening: every widget through every channel', function () {
  this.timeout(60_000);
  const errors = new PageErrors();
  const bodies = new Map<string, { body: BodyInit; type: string }>();
  const lastEvent = new Map<Element, { type: string; detail: DataLoadDetail | DataErrorDetail }>();
  let els: Record<Widget, Record<Channel, RelanceDataElement>>;
  let page: HTMLElement;

  before(async () => {
    errors.start();
    // Silenced without recording (a sinon stub would keep every logged dataset alive).
    console.error = () => undefined;
    console.warn = () => undefined;
    const realFetch = window.fetch.bind(window);
    sinon.stub(window, 'fetch').callsFake(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const file = bodies.get(url.pathname);
      if (file) return new Response(file.body, { status: 200, headers: { 'content-type': file.type } });
      return realFetch(input, init);
    });
    // Not a fixture: open-wc removes fixtures after each test, and these elements serve every case.
    page = document.createElement('div');
    page.style.width = '1200px';
    document.body.append(page);
    render(
      html`
      ${WIDGETS.map((w) =>
        CHANNELS.map((ch) => {
          const script = ch === 'script' ? html`<script type="application/json"></script>` : '';
          switch (w) {
            case 'relance-laureate-list':
              return html`<relance-laureate-list data-channel=${ch} layout="table" columns="nom statut region departement commune territoire projet montant emplois siren">${script}</relance-laureate-list>`;
            case 'relance-funding-donut':
              return html`<relance-funding-donut data-channel=${ch}>${script}</relance-funding-donut>`;
            case 'relance-key-figures':
              return html`<relance-key-figures data-channel=${ch}>${script}</relance-key-figures>`;
            default:
              return html`<relance-territory-map data-channel=${ch}>${script}</relance-territory-map>`;
          }
        }),
      )}`,
      page,
    );
    await nextTask();
    els = Object.fromEntries(
      WIDGETS.map((w) => [
        w,
        Object.fromEntries(
          CHANNELS.map((ch) => [ch, page.querySelector(`${w}[data-channel="${ch}"]`) as RelanceDataElement]),
        ),
      ]),
    ) as typeof els;
    for (const type of ['relance-data-load', 'relance-data-error']) {
      page.addEventListener(type, (e) =>
        lastEvent.set(e.target as Element, { type, detail: (e as CustomEvent).detail }),
      );
    }
    // The map's geometry, once for the page.
    const map = els['relance-territory-map'].property as RelanceTerritoryMap;
    await new Promise<void>((resolve) => {
      const poll = (): void => (map.geometryStatus === 'loading' ? void setTimeout(poll, 20) : resolve());
      poll();
    });
  });

  const { error, warn } = console;
  after(() => {
    console.error = error;
    console.warn = warn;
    page.remove();
    errors.stop();
    sinon.restore();
    window.__pwned = undefined;
  });

  /** Gives the case to one element through one channel and waits until it has rendered the outcome. */
  async function apply(
    el: RelanceDataElement,
    channel: Channel,
    c: HardeningCase,
    index: number,
    value: unknown,
  ): Promise<void> {
    lastEvent.delete(el);
    switch (channel) {
      case 'attribute':
        el.setAttribute('data', c.text!);
        break;
      case 'property':
        el.data = value;
        break;
      case 'script': {
        const script = el.querySelector('script')!;
        script.type = c.type === 'csv' ? 'text/csv' : 'application/json';
        script.textContent = c.text!;
        await nextTask(); // the element's MutationObserver
        break;
      }
      case 'src': {
        const path = `/__corpus/${index}.${c.type}`;
        bodies.clear();
        bodies.set(path, {
          body: (c.bytes as BodyInit | undefined) ?? c.text!,
          type: c.type === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
        });
        el.src = path;
        break;
      }
    }
    for (let i = 0; i < 2000; i++) {
      await el.updateComplete;
      if (el.dataStatus !== 'loading') {
        // A large input is read progressively: its report is complete once every row is read.
        const load = el.loadedData && datasetLoad(el.loadedData);
        if (load) {
          await new Promise<void>((resolve) => load.whenDone(resolve));
          await el.updateComplete;
        }
        return;
      }
      await nextTask();
    }
    throw new Error(`${c.name}: still loading`);
  }

  /** What every widget must show for the case. */
  function check(el: RelanceDataElement, widget: Widget, channel: Channel, c: HardeningCase): void {
    const label = `${c.name} — <${widget}> ${channel}`;
    expect(window.__pwned, `${label}: script run`).to.equal(undefined);
    expect(injected(el), `${label}: elements from the data`).to.deep.equal([]);
    const root = el.shadowRoot!;
    const e = c.expect;
    const event = lastEvent.get(el);
    if ('error' in e) {
      expect(el.dataStatus, label).to.equal('error');
      expect(plain(root.querySelector('[part="error"] .notice__title')?.textContent), label).to.equal(
        plain(citizenError(e.error, widget)),
      );
      expect(debugDetail(el, 'error'), `${label}: details`).to.equal(plain(fr.dataError({ code: e.error })));
      expect(Boolean(root.querySelector('[part="error"] [part="retry"]')), `${label}: retry`).to.equal(
        channel === 'src',
      );
      expect(event?.type, `${label}: event`).to.equal('relance-data-error');
      expect((event?.detail as DataErrorDetail).code, label).to.equal(e.error);
      return;
    }
    // Booleans and short texts only in assertions: a DOM node in a failed assertion is serialised whole.
    expect(plain(root.querySelector('[part="error"]')?.textContent), `${label}: error shown`).to.equal('');
    if (e.rows === 0) {
      expect(el.dataStatus, label).to.be.oneOf(['ready', 'empty']);
      if (widget !== 'relance-key-figures' && widget !== 'relance-territory-map')
        expect(plain(root.textContent), label).to.contain(fr.empty);
      return;
    }
    expect(el.dataStatus, label).to.equal('ready');
    const ds = el.loadedData!;
    expect(ds.kind === 'laureates' ? ds.laureates.length : ds.aggregates.length, `${label}: valid rows`).to.equal(
      e.rows,
    );
    expect(ds.ignoredCount, `${label}: ignored rows`).to.equal(e.ignored);
    expect(event?.type, `${label}: event`).to.equal('relance-data-load');
    expect((event?.detail as DataLoadDetail).ignored, label).to.equal(e.ignored);
    if (e.ignored > 0) {
      expect(plain(root.querySelector('[part="warning"] .notice__title')?.textContent), label).to.equal(
        plain(citizenIncomplete(widget)),
      );
      expect(debugDetail(el, 'warning'), `${label}: details`).to.contain(plain(fr.ignoredRows(e.ignored)));
    }
    if (ds.kind !== 'laureates') return;
    switch (widget) {
      case 'relance-laureate-list': {
        const list = el as RelanceLaureateList;
        expect(list.resultCount, `${label}: rows listed`).to.equal(e.rows);
        if (c.names)
          expect(
            list.currentRows.map((r) => short(r.nom)),
            `${label}: names`,
          ).to.deep.equal(c.names.map(short));
        if (e.montant !== undefined)
          expect(list.resultTotals.montant, `${label}: total`).to.be.closeTo(e.montant, 1e-6);
        const text = root.textContent ?? '';
        for (const v of c.visible ?? []) expect(text.includes(v), `${label}: shows ${v}`).to.equal(true);
        break;
      }
      case 'relance-key-figures': {
        const values = (el as RelanceKeyFigures).values!;
        expect(values.laureats, `${label}: laureates`).to.equal(e.rows);
        if (e.montant !== undefined) expect(values.montant, `${label}: total`).to.be.closeTo(e.montant, 1e-6);
        break;
      }
      case 'relance-funding-donut':
        expect(
          (el as RelanceFundingDonut).statusTotals.reduce((s, r) => s + r.totals.laureats, 0),
          `${label}: laureates`,
        ).to.equal(e.rows);
        break;
      default: {
        const model = (el as RelanceTerritoryMap).territoryData!;
        expect(model.total.laureats + model.missingLevel, `${label}: laureates`).to.equal(e.rows);
      }
    }
    if (c.visible && c.name.includes('every text field (JSON)')) {
      // The source of the metadata is in every footer, as text.
      const payload = c.visible[c.visible.length - 1]!;
      expect(root.querySelector('[part="footer"]')?.textContent?.includes(payload), `${label}: footer`).to.equal(true);
    }
  }

  let started = 0;
  before(() => {
    started = performance.now();
  });
  CORPUS.forEach((c, index) => {
    it(`${c.category}: ${c.name}`, async () => {
      const value = propertyValue(c);
      for (const widget of WIDGETS) {
        // 10 MB inputs: every channel on the list, the property on the other widgets.
        const channels = c.heavy && widget !== 'relance-laureate-list' ? (['property'] as const) : CHANNELS;
        for (const channel of channels) {
          const el = els[widget][channel];
          await apply(el, channel, c, index, value);
          check(el, widget, channel, c);
          expect(errors.take(), `${c.name} — <${widget}> ${channel}: uncaught errors`).to.deep.equal([]);
        }
      }
    });
  });

  valueCases().forEach((c, index) => {
    it(`value: ${c.name}`, async () => {
      for (const widget of WIDGETS) {
        const el = els[widget].property;
        await apply(el, 'property', c, CORPUS.length + index, c.value);
        check(el, widget, 'property', c);
        expect(errors.take(), `${c.name}: uncaught errors`).to.deep.equal([]);
      }
    });
  });

  it('ran no payload, even later (image errors and toggles are asynchronous)', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(window.__pwned).to.equal(undefined);
    expect(errors.take()).to.deep.equal([]);
    console.log(`corpus through the widgets: ${Math.round((performance.now() - started) / 1000)} s`);
  });

  it('would have noticed a payload that ran (control: the same markup parsed as HTML)', async () => {
    const probe = document.createElement('div');
    probe.innerHTML = PAYLOADS[0]!;
    document.body.append(probe);
    await new Promise((resolve) => setTimeout(resolve, 300));
    probe.remove();
    expect(window.__pwned).to.equal(1);
    window.__pwned = undefined;
  });
});
