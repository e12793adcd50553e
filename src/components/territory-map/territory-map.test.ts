import { aTimeout, elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import './relance-territory-map.js';
import '../dataset/relance-dataset.js';
import '../funding-donut/relance-funding-donut.js';
import type { RelanceFundingDonut } from '../funding-donut/funding-donut.js';
import type { RelanceFilterChangeDetail as FilterChangeDetail } from '../../events.js';
import type { RelanceTerritoryMap } from './territory-map.js';
import { keyboardNeighbours } from '../../layout/map/neighbours.js';
import type { RelanceSelectDetail } from '../../events.js';
import { defaultGeometryUrl } from '../../geo-url.js';
import {
  canEmulateForcedColors,
  canEmulateMedia,
  canSetPhoneViewport,
  emulateForcedColors,
  emulateMediaType,
  engine,
  setViewportSize,
} from '../../../test/engine.js';
import { DEPARTEMENT_LIST, REGION_LIST } from '../../model/territories.data.js';
import { deltaE, MAP_RAMPS, oklab, parseColour } from '../../layout/colour.js';
import { backgroundOf, mapContrasts } from '../../test-helpers/contrast.js';

const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const $ = <T extends Element = Element>(el: Element, sel: string): T | null => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = Element>(el: Element, sel: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(sel)];
const options = (el: Element) => $$<SVGPathElement>(el, '.t[role="option"]');
const option = (el: Element, code: string) => $<SVGPathElement>(el, `.t[role="option"][data-code="${code}"]`)!;
const focused = (el: Element) => el.shadowRoot!.activeElement?.getAttribute('data-code');
/** Text of an SVG label, one space between its lines (tspans). */
const label = (t: Element) =>
  plain(
    [...t.childNodes]
      .filter((n) => n.nodeType !== Node.COMMENT_NODE)
      .map((n) => n.textContent)
      .join(' '),
  );

const DROM_REGIONS = ['Guadeloupe', 'Martinique', 'Guyane', 'La Réunion', 'Mayotte'];

let demo: unknown;
let communique: Record<string, unknown>;

async function map(tpl: ReturnType<typeof html>): Promise<RelanceTerritoryMap> {
  const root = await fixture<HTMLElement>(tpl);
  const el = (
    root.localName === 'relance-territory-map' ? root : root.querySelector('relance-territory-map')!
  ) as RelanceTerritoryMap;
  await waitUntil(
    () =>
      el.dataStatus === 'error' || el.dataStatus === 'empty' || el.geometryStatus === 'error' || options(el).length > 0,
    'map not drawn',
    { timeout: 5000 },
  );
  await elementUpdated(el);
  return el;
}

describe('<relance-territory-map>', () => {
  let consoleError: sinon.SinonStub;
  before(async () => {
    demo = await (await fetch('/data/demo/laureats-fictifs.json')).json();
    communique = (await (await fetch('/data/communique-2021-12-21.json')).json()) as Record<string, unknown>;
  });
  beforeEach(() => {
    consoleError = sinon.stub(console, 'error');
  });
  afterEach(async () => {
    consoleError.restore();
    sinon.restore();
    document.documentElement.removeAttribute('data-fr-theme');
    await emulateMediaType('screen');
  });

  describe('geometry and layout', () => {
    it('loads the default geometry (projected at build time) lazily from the package folder and draws the 18 régions with their INSEE codes', async () => {
      expect(defaultGeometryUrl('region')).to.equal(
        new URL('/src/geo/france-regions.projected.json', location.href).href,
      );
      expect(defaultGeometryUrl('departement')).to.equal(
        new URL('/src/geo/france-departements.projected.json', location.href).href,
      );
      const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
      expect(el.geometryStatus).to.equal('ready');
      expect(
        options(el)
          .map((p) => p.getAttribute('data-code'))
          .sort(),
      ).to.deep.equal(REGION_LIST.map(([c]) => c).sort());
      for (const [code, nom] of REGION_LIST)
        expect(plain(option(el, code).getAttribute('aria-label'))).to.match(new RegExp(`^${nom} : `));
      expect(options(el).every((p) => (p.getAttribute('d') ?? '').length > 20)).to.equal(true);
      expect(consoleError.called).to.equal(false);
    });

    it('draws the 101 départements, and Paris with the petite couronne in a zoom inset that is not a second tab stop', async () => {
      // At a set width: the layout (and the zoom's scale) depends on it, and each engine's default viewport differs.
      const el = await map(
        html`<div style="width: 760px"><relance-territory-map level="departement" .data=${demo}></relance-territory-map></div>`,
      );
      expect(
        options(el)
          .map((p) => p.getAttribute('data-code'))
          .sort(),
      ).to.deep.equal(DEPARTEMENT_LIST.map(([c]) => c).sort());
      const copies = $$(el, '.t:not([role])');
      expect(copies.map((p) => p.getAttribute('data-code'))).to.deep.equal(['75', '92', '93', '94']);
      expect(copies.every((p) => !p.hasAttribute('tabindex') && p.closest('[aria-hidden="true"]'))).to.equal(true);
      const labels = $$(el, '.inset-label').map(label);
      expect(labels).to.deep.equal([...DROM_REGIONS, 'Paris et petite couronne']);
      // The zoom is enlarged: Paris is much bigger in the inset than on the mainland.
      const [mainParis, zoomParis] = $$<SVGPathElement>(el, '.t[data-code="75"]');
      expect(zoomParis!.getBBox().width).to.be.greaterThan(4 * mainParis!.getBBox().width);
    });

    it('shows each overseas région in a labelled inset, large enough to hover and tap (≥ 40 px) even at 320 px', async () => {
      for (const width of [320, 1000]) {
        const el = await map(
          html`<div style="width: ${width}px"><relance-territory-map .data=${demo}></relance-territory-map></div>`,
        );
        const frames = $$<SVGRectElement>(el, 'rect.inset');
        expect(frames).to.have.length(5);
        expect($$(el, '.inset-label').map(label)).to.deep.equal(DROM_REGIONS);
        for (const [i, code] of ['01', '02', '03', '04', '06'].entries()) {
          const box = option(el, code).getBBox();
          const frame = frames[i]!.getBBox();
          expect(Math.max(box.width, box.height), `${code} at ${width}px`).to.be.at.least(40);
          expect(Math.min(box.width, box.height), `${code} at ${width}px`).to.be.at.least(30);
          expect(box.x).to.be.at.least(frame.x);
          expect(box.x + box.width).to.be.at.most(frame.x + frame.width);
          expect(box.y + box.height).to.be.at.most(frame.y + frame.height);
        }
        el.parentElement!.remove();
      }
    });

    it('keeps its data table usable on a phone: a wide table scrolls and can be reached with the keyboard', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 300px"><relance-territory-map show-table .data=${demo}></relance-territory-map></div>`,
      );
      const el = wrapper.querySelector('relance-territory-map') as RelanceTerritoryMap;
      await waitUntil(() => options(el).length === 18);
      await elementUpdated(el);
      const wrap = $<HTMLElement>(el, '.table-wrap')!;
      expect(wrap.scrollWidth).to.be.greaterThan(wrap.clientWidth);
      expect(wrap.getAttribute('tabindex')).to.equal('0');
      expect(el.scrollWidth).to.be.at.most(300);
      await expect(el).to.be.accessible();
    });

    it('fits its container: rows of insets at 360 px, legend beside the map on a wide page', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 360px"><relance-territory-map .data=${demo}></relance-territory-map></div>`,
      );
      const el = wrapper.querySelector('relance-territory-map') as RelanceTerritoryMap;
      await waitUntil(() => options(el).length === 18);
      expect(Number($(el, 'svg.chart')!.getAttribute('width'))).to.equal(360);
      expect(el.mapLayout!.arrangement).to.equal('rows');
      expect(el.scrollWidth).to.be.at.most(360);
      expect($(el, '.body')!.classList.contains('side')).to.equal(false);
      const d = option(el, '53').getAttribute('d');
      wrapper.style.width = '1100px';
      await waitUntil(() => Number($(el, 'svg.chart')!.getAttribute('width')) === 780, 'wide layout');
      expect(el.mapLayout!.arrangement).to.equal('column');
      expect($(el, '.body')!.classList.contains('side')).to.equal(true);
      expect(option(el, '53').getAttribute('d')).not.to.equal(d);
    });

    it('shares one request per geometry URL between maps, and accepts a TopoJSON object', async () => {
      const spy = sinon.spy(window, 'fetch');
      const url = '/src/geo/france-regions.topo.json?shared';
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <relance-territory-map geometry=${url} .data=${demo}></relance-territory-map>
        <relance-territory-map geometry=${url} .data=${demo}></relance-territory-map>
      </div>`);
      const [a, b] = [...wrapper.querySelectorAll('relance-territory-map')] as RelanceTerritoryMap[];
      await waitUntil(() => options(a!).length === 18 && options(b!).length === 18);
      expect(spy.getCalls().filter((c) => String(c.args[0]).includes('?shared'))).to.have.length(1);
      const topology = await (await fetch('/src/geo/france-departements.topo.json')).json();
      const el = await map(
        html`<relance-territory-map level="departement" .geometry=${topology} .data=${demo}></relance-territory-map>`,
      );
      expect(options(el)).to.have.length(101);
    });

    it('shows one région alone with region="…" (a prefecture page): its départements only, table included', async () => {
      const el = await map(
        html`<relance-territory-map level="departement" region="Auvergne-Rhône-Alpes" show-table .data=${demo}></relance-territory-map>`,
      );
      const codes = options(el)
        .map((o) => o.getAttribute('data-code'))
        .sort();
      expect(codes).to.deep.equal(['01', '03', '07', '15', '26', '38', '42', '43', '63', '69', '73', '74']);
      expect($$(el, '[part="inset"]')).to.have.length(0);
      expect(el.territoryData!.territories.map((t) => t.code).sort()).to.deep.equal(codes);
      expect($$(el, '[part="table"] tbody tr')).to.have.length(12);
      await expect(el).to.be.accessible();
    });

    it('shows the attribution of the geometry in the footer', async () => {
      const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
      expect(plain($(el, '[part="attribution"]')?.textContent)).to.equal(
        'Contours : IGN – ADMIN EXPRESS COG (édition 2018), via gregoiredavid/france-geojson, simplifiés ; Licence Ouverte 2.0',
      );
    });
  });

  describe('colours, legend and symbols', () => {
    it('keeps values, colours, legend and table consistent', async () => {
      const el = await map(html`<relance-territory-map show-table .data=${demo}></relance-territory-map>`);
      const model = el.territoryData!;
      expect(model.metric).to.equal('montant');
      const scale = model.scale!;
      const legend = $$(el, '[part="legend-item"][data-class]:not([data-class="none"])');
      expect(legend.map((li) => plain(li.textContent))).to.deep.equal([
        'moins de 0,5 M€ · 2 régions',
        'de 0,5 à moins de 0,7 M€ · 5 régions',
        'de 0,7 à moins de 1,5 M€ · 2 régions',
        'de 1,5 à moins de 2 M€ · 4 régions',
        '2 M€ ou plus · 2 régions',
      ]);
      // The legend says how the classes are made.
      expect(plain($(el, '[part="legend-method"]')?.textContent)).to.equal(
        'Classes par quantiles : à peu près autant de régions dans chaque classe, limites arrondies.',
      );
      const tableClass = new Map(
        $$(el, 'tbody tr').map((r) => [plain(r.children[0]!.textContent), plain(r.lastElementChild!.textContent)]),
      );
      for (const d of model.territories.filter((t) => t.state === 'value')) {
        const path = option(el, d.code);
        const cls = scale.classes[d.classIndex!]!;
        expect(d.value!).to.be.at.least(cls.from);
        expect(d.value!).to.be.below(cls.to);
        const swatch = legend[cls.index]!.querySelector('.swatch rect')!;
        expect(getComputedStyle(path).fill, d.name).to.equal(getComputedStyle(swatch).fill);
        expect(tableClass.get(d.name)).to.equal(plain(legend[cls.index]!.textContent).replace(/ · .*$/, ''));
        expect(plain(path.getAttribute('aria-label'))).to.contain(
          `classe ${cls.index + 1} sur 5 (${tableClass.get(d.name)})`,
        );
      }
      // The ramp of DSFR blues: lightest and darkest classes (#7a79e9, blue-france sun 113).
      expect(getComputedStyle(option(el, '02')).fill).to.equal('rgb(122, 121, 233)');
      expect(getComputedStyle(option(el, '84')).fill).to.equal('rgb(0, 0, 145)');
    });

    it('marks territories without laureates in a flat grey with an outline, one legend entry and « aucun lauréat »', async () => {
      const el = await map(html`<relance-territory-map show-table .data=${demo}></relance-territory-map>`);
      const none = $(el, '[part="legend-item"][data-class="none"]')!;
      const swatch = getComputedStyle(none.querySelector('rect')!);
      for (const code of ['01', '03', '06']) {
        const path = option(el, code);
        expect(path.hasAttribute('fill')).to.equal(false);
        expect(path.classList.contains('none')).to.equal(true);
        expect(plain(path.getAttribute('aria-label'))).to.match(/ : aucun lauréat$/);
        // Flat (no pattern), the same grey and outline as its legend entry.
        expect(getComputedStyle(path).fill).to.match(/^rgb\(/);
        expect(getComputedStyle(path).fill).to.equal(swatch.fill);
        expect(getComputedStyle(path).stroke).to.equal(swatch.stroke);
      }
      expect(plain(none.textContent)).to.equal('Aucun lauréat · 3 régions');
      expect($$(el, '[part="legend-item"][data-class="none"]')).to.have.length(1);
      const guyane = $$(el, 'tbody tr').find((r) => plain(r.children[0]!.textContent) === 'Guyane')!;
      expect(plain(guyane.lastElementChild!.textContent)).to.equal('Aucun lauréat');
      // Coloured territories are not hatched.
      expect(option(el, '84').hasAttribute('fill')).to.equal(false);
    });

    it('names each territory with its values and class, e.g. « Martinique : 1 lauréat, 0,18 M€ »', async () => {
      const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
      expect(plain(option(el, '02').getAttribute('aria-label'))).to.equal(
        'Martinique : 1 lauréat, 0,18 M€, 8 emplois ; classe 1 sur 5 (moins de 0,5 M€)',
      );
      expect(plain(option(el, '84').getAttribute('aria-label'))).to.equal(
        'Auvergne-Rhône-Alpes : 5 lauréats, 2,65 M€, 70 emplois ; classe 5 sur 5 (2 M€ ou plus)',
      );
    });

    it('classes by equal intervals or by given thresholds', async () => {
      const el = await map(
        html`<relance-territory-map scale="equal" classes="3" .data=${demo}></relance-territory-map>`,
      );
      const labels = () =>
        $$(el, '[part="legend-item"][data-class]:not([data-class="none"])').map((li) => plain(li.textContent));
      expect(labels()).to.deep.equal([
        'moins de 1 M€ · 8 régions',
        'de 1 à moins de 2 M€ · 5 régions',
        '2 M€ ou plus · 2 régions',
      ]);
      expect(plain($(el, '[part="legend-method"]')?.textContent)).to.equal('Classes d’égale amplitude (1 M€).');
      el.setAttribute('thresholds', '500000 1000000 2000000');
      await elementUpdated(el);
      expect(labels()).to.deep.equal([
        'moins de 0,5 M€ · 2 régions',
        'de 0,5 à moins de 1 M€ · 6 régions',
        'de 1 à moins de 2 M€ · 5 régions',
        '2 M€ ou plus · 2 régions',
      ]);
      expect(plain($(el, '[part="legend-method"]')?.textContent)).to.equal('Classes selon des seuils fixés.');
      expect(option(el, '84').classList.contains('c5')).to.equal(true);
      expect(option(el, '02').classList.contains('c1')).to.equal(true);
    });

    it('writes classes of counts as whole ranges with their unit, in French and in English', async () => {
      const el = await map(html`<relance-territory-map metric="laureats" .data=${demo}></relance-territory-map>`);
      const labels = () =>
        $$(el, '[part="legend-item"][data-class]:not([data-class="none"])').map((li) => plain(li.textContent));
      expect(el.territoryData!.scale!.breaks).to.deep.equal([2, 3, 5]);
      expect(labels()).to.deep.equal([
        '1 lauréat · 2 régions',
        '2 lauréats · 4 régions',
        'de 3 à 4 lauréats · 6 régions',
        '5 lauréats · 3 régions',
      ]);
      el.lang = 'en';
      await elementUpdated(el);
      expect(labels()).to.deep.equal([
        '1 laureate · 2 regions',
        '2 laureates · 4 regions',
        '3 to 4 laureates · 6 regions',
        '5 laureates · 3 regions',
      ]);
      expect(plain($(el, '[part="legend-method"]')?.textContent)).to.equal(
        'Quantile classes: about as many regions in each class, rounded limits.',
      );
      el.setAttribute('thresholds', '2 5');
      await elementUpdated(el);
      expect(labels()).to.deep.equal([
        '1 laureate · 2 regions',
        '2 to 4 laureates · 10 regions',
        '5 laureates · 3 regions',
      ]);
    });

    it('adds proportional symbols for a second measure, sized by area, with their own legend', async () => {
      const el = await map(html`<relance-territory-map symbols="emplois" .data=${demo}></relance-territory-map>`);
      const circles = $$<SVGCircleElement>(el, 'circle.symbol[data-code]');
      expect(circles).to.have.length(15);
      const r = (code: string) => Number(circles.find((c) => c.getAttribute('data-code') === code)!.getAttribute('r'));
      // Area, not radius, is proportional to the value: 70 jobs (84) against 8 (02), 72 (76) against 10 (04).
      expect(r('84') ** 2 / r('02') ** 2).to.be.closeTo(70 / 8, 0.15);
      expect(r('76') ** 2 / r('04') ** 2).to.be.closeTo(72 / 10, 0.1);
      // Drawn at the anchor of the territory, not focusable, above the shapes.
      const centroid = el.mapLayout!.features.find((f) => f.code === '84')!.centroid;
      const c84 = circles.find((c) => c.getAttribute('data-code') === '84')!;
      expect([Number(c84.getAttribute('cx')), Number(c84.getAttribute('cy'))]).to.deep.equal(centroid);
      expect(c84.closest('[aria-hidden="true"]')).not.to.equal(null);
      const legend = $(el, '[part="symbol-legend"]')!;
      expect(plain(legend.querySelector('.legend__title')!.textContent)).to.equal('Cercles : emplois');
      const refs = [...legend.querySelectorAll('circle')].map((c) => Number(c.getAttribute('r')));
      expect([...legend.querySelectorAll('li')].map((li) => plain(li.textContent))).to.deep.equal([
        '50 emplois',
        '20 emplois',
        '5 emplois',
      ]);
      expect(refs[0]! ** 2 / refs[1]! ** 2).to.be.closeTo(50 / 20, 0.05);
      // Same scale as the map: 50 jobs in the legend is between the circles of 45 (94) and 51 (27) jobs.
      expect(refs[0]).to.be.within(r('94'), r('27'));
      // The colour still says the amount: both measures are in the name.
      expect(plain(option(el, '04').getAttribute('aria-label'))).to.equal(
        'La Réunion : 1 lauréat, 0,35 M€, 10 emplois ; classe 1 sur 5 (moins de 0,5 M€)',
      );
    });

    it('lays the symbol legend and the inset labels out from measured text, with the WCAG text spacing, from 320 to 1280 px', async () => {
      // WCAG 1.4.12: the spacing a reader may force (inherited into the shadow tree through the host).
      const spacing = document.createElement('style');
      spacing.textContent =
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';
      const overlap = (a: DOMRect, b: DOMRect) =>
        a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      const inside = (a: DOMRect, b: DOMRect) =>
        a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
      for (const spaced of [false, true]) {
        if (spaced) document.head.append(spacing);
        for (const [width, level] of [
          [320, 'region'],
          [360, 'departement'],
          [1280, 'region'],
          [1280, 'departement'],
        ] as const) {
          const wrapper = await fixture<HTMLDivElement>(
            html`<div style="width: ${width}px"><relance-territory-map level=${level} symbols="emplois" .data=${demo}></relance-territory-map></div>`,
          );
          const el = wrapper.querySelector('relance-territory-map') as RelanceTerritoryMap;
          await waitUntil(() => options(el).length > 0 && $(el, '[part="symbol-legend"]'), 'drawn', { timeout: 5000 });
          await elementUpdated(el);
          const label = `${width} px, ${level}${spaced ? ', text spacing' : ''}`;
          const block = $(el, '[part="symbol-legend"]')!.getBoundingClientRect();
          const items = $$(el, '[part="symbol-legend"] li');
          expect(items.length, label).to.be.at.least(2);
          const boxes = items.map((li) => [li, ...li.children].map((c) => c.getBoundingClientRect()));
          boxes.forEach((b, i) => {
            // The value and its circle inside the legend, the value under its circle, no two values overlapping.
            for (const r of b) expect(inside(r, block), `${label}: item ${i} inside the legend`).to.equal(true);
            expect(b[2]!.top, label).to.be.at.least(b[1]!.bottom - 0.5);
            for (let j = 0; j < i; j++)
              for (const r of b)
                for (const o of boxes[j]!) expect(overlap(r, o), `${label}: items ${j} and ${i}`).to.equal(false);
          });
          // Inset labels: 12 px or more, each line inside its frame.
          const frames = $$<SVGRectElement>(el, 'rect.inset');
          $$<SVGTextElement>(el, '.inset-label').forEach((t, i) => {
            expect(parseFloat(getComputedStyle(t).fontSize), label).to.be.at.least(12);
            expect(
              inside(t.getBoundingClientRect(), frames[i]!.getBoundingClientRect()),
              `${label}: ${t.textContent}`,
            ).to.equal(true);
          });
          expect(el.scrollWidth, label).to.be.at.most(width);
          wrapper.remove();
        }
      }
      spacing.remove();
      // Spacing applied once the map is drawn (a bookmarklet, a user style): the insets follow on the next frame.
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="width: 360px"><relance-territory-map level="departement" .data=${demo}></relance-territory-map></div>`,
      );
      const el = wrapper.querySelector('relance-territory-map') as RelanceTerritoryMap;
      await waitUntil(() => options(el).length > 0, 'drawn', { timeout: 5000 });
      await elementUpdated(el);
      const paris = () => $$<SVGTextElement>(el, '.inset-label').at(-1)!;
      const before = el.mapLayout;
      document.head.append(spacing);
      await waitUntil(() => el.mapLayout !== before, 'laid out again');
      await elementUpdated(el);
      const frame = $$<SVGRectElement>(el, 'rect.inset').at(-1)!.getBoundingClientRect();
      expect(inside(paris().getBoundingClientRect(), frame), 'after the spacing changed').to.equal(true);
      spacing.remove();
      wrapper.remove();
    });

    it('shows the official presence map from the press release: 15 régions with laureates, no invented numbers', async () => {
      const el = await map(html`<relance-territory-map show-table .data=${communique}></relance-territory-map>`);
      const model = el.territoryData!;
      expect(model.mode).to.equal('presence');
      expect(options(el).filter((p) => p.classList.contains('present'))).to.have.length(15);
      expect(
        options(el)
          .filter((p) => p.classList.contains('none'))
          .map((p) => p.getAttribute('data-code')),
      ).to.deep.equal(['01', '03', '06']);
      expect(plain(option(el, '02').getAttribute('aria-label'))).to.equal('Martinique : lauréats présents');
      expect(plain(option(el, '03').getAttribute('aria-label'))).to.equal('Guyane : aucun lauréat');
      expect($$(el, '[part="legend-item"]').map((li) => plain(li.textContent))).to.deep.equal([
        'Lauréats présents · 15 régions',
        'Aucun lauréat · 3 régions',
      ]);
      expect(plain($(el, '.legend .note')?.textContent)).to.equal(
        'Les données indiquent où se trouvent des lauréats, sans chiffres par territoire.',
      );
      expect($$(el, 'thead th').map((th) => plain(th.textContent))).to.deep.equal(['Région', 'Lauréats']);
      expect(plain($(el, 'tbody')!.textContent)).not.to.match(/\d/);
      expect(plain($(el, '[part="footer"]')?.textContent)).to.contain('communiqué de presse n° 1843');
    });

    it('takes values given directly, keyed by code, or as rows by région', async () => {
      const el = await map(html`<relance-territory-map data='{"84": 3, "93": 1, "02": 2}'></relance-territory-map>`);
      expect(el.territoryData!.mode).to.equal('direct');
      expect(plain(option(el, '84').getAttribute('aria-label'))).to.equal(
        'Auvergne-Rhône-Alpes : 3 lauréats ; classe 3 sur 3 (3 lauréats)',
      );
      expect(plain(option(el, '53').getAttribute('aria-label'))).to.equal('Bretagne : aucun lauréat');
      el.setAttribute('data', '[{"region":"84","laureats":3},{"region":"02","laureats":2,"montant":400000}]');
      await elementUpdated(el);
      expect(el.territoryData!.mode).to.equal('values');
      expect(el.territoryData!.metric).to.equal('laureats');
      expect(plain(option(el, '02').getAttribute('aria-label'))).to.equal(
        'Martinique : 2 lauréats, 0,4 M€ ; classe 1 sur 2 (2 lauréats)',
      );
      expect(consoleError.called).to.equal(false);
    });

    it('re-colours on a data change without recomputing the projected paths', async () => {
      const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
      const layout = el.mapLayout;
      const d = option(el, '84').getAttribute('d');
      el.data = { '84': 1, '53': 9 };
      await elementUpdated(el);
      expect(el.mapLayout).to.equal(layout);
      expect(option(el, '84').getAttribute('d')).to.equal(d);
      expect(option(el, '53').classList.contains('c5')).to.equal(true);
      expect(option(el, '84').classList.contains('c1')).to.equal(true);
      expect(option(el, '02').classList.contains('none')).to.equal(true);
    });

    it('follows the DSFR dark theme', async () => {
      const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
      document.documentElement.setAttribute('data-fr-theme', 'dark');
      await waitUntil(() => el.getAttribute('data-relance-theme') === 'dark');
      await elementUpdated(el);
      // More is always more contrast with the background: the darkest class becomes the lightest blue (blue-france 950).
      expect(getComputedStyle(option(el, '84')).fill).to.equal('rgb(236, 236, 254)');
      expect(getComputedStyle(option(el, '02')).fill).to.equal('rgb(97, 95, 232)');
    });
  });

  describe('colours against what they touch (WCAG 1.4.11)', () => {
    /** Focuses the first territory with the keyboard (a visible focus ring) and selects `selected` with a click. */
    async function focusAndSelect(el: RelanceTerritoryMap, selected: string): Promise<void> {
      option(el, selected).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await elementUpdated(el);
      const before = document.createElement('button');
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      await elementUpdated(el);
      before.remove();
      expect($$(el, '.hl--focus'), 'focus ring').to.have.length(1);
      expect($$(el, '.hl--selected').length, 'selection outline').to.be.greaterThan(0);
    }
    /** Every measured pair at 3:1 or more, and the pairs that must be there are there. */
    function expectContrasts(el: RelanceTerritoryMap, label: string, classes: number): void {
      const pairs = mapContrasts(el);
      const low = pairs.filter((p) => p.ratio < 3);
      expect(low, `${label}: ${JSON.stringify(low)}`).to.deep.equal([]);
      const names = pairs.map((p) => p.what);
      for (let step = 1; step <= 5; step++) {
        if (step > 1 && classes < 5) continue;
        for (const what of [
          `class ${step} / background`,
          `class ${step} / border`,
          `focus ring / class ${step}`,
          `selection outline / class ${step}`,
        ]) {
          expect(names, `${label}: ${what}`).to.include(what);
        }
      }
      for (const what of [
        'class 1 / no laureate',
        'no laureate outline / background',
        'focus ring ring / its halo',
        'focus ring / no laureate',
        'selection outline ring / its halo',
      ]) {
        expect(names, `${label}: ${what}`).to.include(what);
      }
      expect(
        names.filter((n) => n.startsWith('legend swatch')),
        label,
      ).to.have.length(classes + 1);
    }

    it('gives every class, the outline of « aucun lauréat », the focus ring and the selection 3:1 against what they touch, light and dark', async () => {
      for (const level of ['region', 'departement']) {
        const el = await map(html`<relance-territory-map level=${level} .data=${demo}></relance-territory-map>`);
        await focusAndSelect(el, level === 'region' ? '84' : '69');
        expectContrasts(el, `${level}, light`, 5);
        document.documentElement.setAttribute('data-fr-theme', 'dark');
        await waitUntil(() => el.getAttribute('data-relance-theme') === 'dark');
        await elementUpdated(el);
        expect(
          backgroundOf($(el, 'svg.chart')!)
            .slice(0, 3)
            .map((v) => Math.round(v * 255)),
        ).to.deep.equal([22, 22, 22]);
        expectContrasts(el, `${level}, dark`, 5);
        document.documentElement.removeAttribute('data-fr-theme');
      }
    });

    it('keeps them on a DSFR page, light and dark', async () => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/node_modules/@gouvfr/dsfr/dist/dsfr.min.css';
      const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
      document.head.append(link);
      await loaded;
      try {
        const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
        await focusAndSelect(el, '84');
        expectContrasts(el, 'DSFR, light', 5);
        document.documentElement.setAttribute('data-fr-theme', 'dark');
        await waitUntil(() => el.getAttribute('data-relance-theme') === 'dark');
        await elementUpdated(el);
        // The page's own background (DSFR's), under a transparent widget.
        expect(
          backgroundOf($(el, 'svg.chart')!)
            .slice(0, 3)
            .map((v) => Math.round(v * 255)),
        ).to.deep.equal([22, 22, 22]);
        expectContrasts(el, 'DSFR, dark', 5);
      } finally {
        link.remove();
      }
    });

    it('spaces the classes evenly in OKLab lightness, from the palette made by MAP_RAMPS, the darkest apart', async () => {
      const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
      const fills = () =>
        $$(el, '[part="legend-item"][data-class]:not([data-class="none"]) rect').map((r) =>
          parseColour(getComputedStyle(r).fill)!,
        );
      for (const theme of ['light', 'dark'] as const) {
        el.theme = theme;
        await elementUpdated(el);
        const colours = fills();
        expect(colours).to.have.length(5);
        const hex = colours.map(
          (c) =>
            `#${c
              .slice(0, 3)
              .map((v) =>
                Math.round(v * 255)
                  .toString(16)
                  .padStart(2, '0'),
              )
              .join('')}`,
        );
        expect(hex, theme).to.deep.equal(MAP_RAMPS[theme]());
        // Lightness moves one way, away from the background, by equal steps (±10 %).
        const L = colours.map((c) => oklab(c)[0]);
        const steps = L.slice(1).map((l, i) => (theme === 'light' ? L[i]! - l : l - L[i]!));
        const mean = steps.reduce((a, b) => a + b) / steps.length;
        for (const d of steps) expect(d, `${theme}: ${steps}`).to.be.within(mean * 0.9, mean * 1.1);
        // Successive classes far apart (ΔEOK, a just noticeable difference is about 0.02), the darkest too.
        const gaps = colours.slice(1).map((c, i) => deltaE(c, colours[i]!));
        for (const g of gaps) expect(g, `${theme}: ${gaps}`).to.be.at.least(0.08);
      }
    });

    it('parts neighbouring territories by borders of the background colour, also where a coloured territory meets an outlined one', async () => {
      const el = await map(
        html`<relance-territory-map level="departement" selected="69" .data=${demo}></relance-territory-map>`,
      );
      const paths = $$<SVGPathElement>(el, '.t');
      const coloured = paths.filter((p) => !p.classList.contains('none') && !p.classList.contains('unknown'));
      const edges = $$<SVGElement>(el, '.edge');
      expect(edges.map((u) => u.getAttribute('href') ?? `#${u.getAttribute('data-for')}`)).to.deep.equal(
        coloured.map((p) => `#${p.id}`),
      );
      // The copy of the tab stop is a path, not a <use> (which would copy its tabindex: a second tab stop).
      const tabStop = $(el, '.t[tabindex="0"]')!;
      expect(tabStop.getAttribute('data-code')).to.equal('69');
      expect(coloured).to.include(tabStop);
      expect($(el, `path.edge[data-for="${tabStop.id}"]`)!.getAttribute('d')).to.equal(tabStop.getAttribute('d'));
      expect($$(el, 'use.edge').every((u) => u.getAttribute('href') !== `#${tabStop.id}`)).to.equal(true);
      // Painted after (over) every territory, in the border colour, without fill or pointer events.
      const last = paths.at(-1)!;
      for (const u of edges) expect(last.compareDocumentPosition(u) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      const border = getComputedStyle(coloured[0]!).stroke;
      expect(getComputedStyle(edges[0]!).stroke).to.equal(border);
      expect(getComputedStyle(edges[0]!).fill).to.equal('none');
      expect(getComputedStyle(edges[0]!).pointerEvents).to.equal('none');
      const outlined = paths.find((p) => p.classList.contains('none'))!;
      expect(getComputedStyle(outlined).stroke).not.to.equal(border);
      // Each shape's border at least 0.75 px.
      expect(parseFloat(getComputedStyle(coloured[0]!).strokeWidth)).to.be.at.least(0.75);
    });

    it('hatches only the territories whose value is not given, with their own legend entry', async () => {
      const rows = [
        { nom: 'A fictif', statut: 'association', region: '84', montant: 500000 },
        { nom: 'B fictif', statut: 'association', region: '53' },
        { nom: 'C fictif', statut: 'association', region: '11', montant: 900000 },
      ];
      const el = await map(html`<relance-territory-map metric="montant" .data=${rows}></relance-territory-map>`);
      const bretagne = option(el, '53');
      expect(bretagne.classList.contains('unknown')).to.equal(true);
      const fill = bretagne.getAttribute('fill')!;
      expect(fill).to.match(/^url\(#relance-\d+-hatch\)$/);
      expect($(el, `pattern#${fill.slice(5, -1)}`)).not.to.equal(null);
      const entry = $(el, '[part="legend-item"][data-class="unknown"]')!;
      expect(plain(entry.textContent)).to.equal('Valeur non renseignée · 1 région');
      expect(entry.querySelector('rect')!.getAttribute('fill')).to.equal(fill);
      // « Aucun lauréat » is not hatched.
      expect(option(el, '24').hasAttribute('fill')).to.equal(false);
      expect(mapContrasts(el).filter((p) => p.ratio < 3)).to.deep.equal([]);
      expect(mapContrasts(el).map((p) => p.what)).to.include('value not given hatch / background');
    });
  });

  describe('forced colours', () => {
    /** A system colour as the browser resolves it now. */
    const system = (name: string) => {
      const probe = document.createElement('div');
      probe.style.forcedColorAdjust = 'none';
      probe.style.color = name;
      document.body.append(probe);
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    };

    // Excluded in WebKit: WebKitWebDriver cannot turn forced colours on (test/engine.ts).
    (canEmulateForcedColors ? it : it.skip)(
      'draws classes, « aucun lauréat », borders, focus and selection in system colours, classes told apart by patterns',
      async () => {
        const el = await map(html`<relance-territory-map symbols="emplois" .data=${demo}></relance-territory-map>`);
        option(el, '84').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        await elementUpdated(el);
        const before = document.createElement('button');
        el.before(before);
        before.focus();
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'ArrowDown' });
        await elementUpdated(el);
        before.remove();
        const painted = () =>
          $$(el, 'svg.chart *, .swatch rect')
            .flatMap((e) => [getComputedStyle(e).fill, getComputedStyle(e).stroke])
            .filter((c) => c.startsWith('rgb'));
        const own = new Set(painted());
        await emulateForcedColors(true);
        try {
          const [canvas, text, highlight] = ['Canvas', 'CanvasText', 'Highlight'].map(system);
          const byClass = [1, 2, 3, 4, 5].map(
            (k) => getComputedStyle($(el, `[part="legend-item"][data-class] .c${k}`)!).fill,
          );
          expect(byClass).to.deep.equal(['url("#fc-1")', 'url("#fc-2")', 'url("#fc-3")', 'url("#fc-4")', text]);
          // The territories as their legend entries.
          for (const p of options(el).filter((o) => /\bc\d\b/.test(o.getAttribute('class')!))) {
            expect(getComputedStyle(p).fill).to.equal(
              byClass[Number(/\bc(\d)\b/.exec(p.getAttribute('class')!)![1]) - 1],
            );
          }
          // The patterns: CanvasText over the page's Canvas, found in the map's own tree.
          for (const k of [1, 2, 3, 4]) {
            const ink = $(el, `pattern#fc-${k}`)!.firstElementChild!;
            expect(
              ink.classList.contains('fc-ink') ? getComputedStyle(ink).fill : getComputedStyle(ink).stroke,
            ).to.equal(text);
          }
          const none = option(el, '01');
          expect([getComputedStyle(none).fill, getComputedStyle(none).stroke]).to.deep.equal([canvas, text]);
          // Borders: Canvas margins around a CanvasText line.
          expect(getComputedStyle(option(el, '84')).stroke).to.equal(canvas);
          expect(getComputedStyle($(el, '.edge')!).stroke).to.equal(text);
          expect(getComputedStyle($(el, '.hl--focus')!).stroke).to.equal(highlight);
          expect(getComputedStyle($(el, '.hl--focus-halo')!).stroke).to.equal(canvas);
          expect(getComputedStyle($(el, '.hl--selected')!).stroke).to.equal(text);
          expect(getComputedStyle($(el, '.hl--halo')!).stroke).to.equal(canvas);
          expect(getComputedStyle($(el, 'circle.symbol')!).fill).to.equal(canvas);
          // Nothing keeps the widget's own colours.
          const left = painted().filter((c) => own.has(c) && ![canvas, text, highlight].includes(c));
          expect(left).to.deep.equal([]);
          // Highlight against Canvas is the reader's palette, not ours: checked with Chromium's forced-colours palette.
          // Firefox takes Highlight from the desktop theme (GTK's blue here, 2.9:1 against white): not asserted there.
          const ring = mapContrasts(el).find((p) => p.what === 'focus ring ring / its halo')!;
          if (engine === 'chromium') expect(ring.ratio).to.be.at.least(3);
        } finally {
          await emulateForcedColors(false);
        }
      },
    );
  });

  describe('interaction and accessibility', () => {
    it('is accessible (axe) at région and département level', async () => {
      const el = await map(
        html`<relance-territory-map caption="Soutien par région" symbols="emplois" .data=${demo}></relance-territory-map>`,
      );
      await expect(el).to.be.accessible();
      const listbox = $(el, '[role="listbox"]')!;
      expect(plain(listbox.getAttribute('aria-label'))).to.equal(
        'Soutien par région – Carte des régions, soutien de l’état par région',
      );
      expect(plain($(el, `#${listbox.getAttribute('aria-describedby')}`)?.textContent)).to.contain('Flèches');
      const dep = await map(
        html`<relance-territory-map level="departement" show-table .data=${demo}></relance-territory-map>`,
      );
      await expect(dep).to.be.accessible();
    });

    it('walks the map with the keyboard: one tab stop, arrows to neighbours, Home/End, Enter, Escape', async () => {
      const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
      const events: RelanceSelectDetail[] = [];
      el.addEventListener('relance-select', (e) => events.push(e.detail));
      const before = document.createElement('button');
      before.textContent = 'avant';
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      // The first territory in INSEE order (Guadeloupe, région 01) is the tab stop.
      expect(focused(el)).to.equal('01');
      expect($$(el, '.t[tabindex="0"]')).to.have.length(1);
      await elementUpdated(el);
      // The focused territory shows a focus ring and its tooltip.
      expect($$(el, '.hl--focus')).to.have.length(1);
      expect(plain($(el, '.tooltip strong')?.textContent)).to.equal('Guadeloupe');
      const layout = el.mapLayout!;
      const index = (code: string) => layout.features.findIndex((f) => f.code === code);
      const press = async (key: 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown') => {
        const from = focused(el)!;
        const dir = ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' } as const)[key];
        await sendKeys({ press: key });
        await elementUpdated(el);
        expect(focused(el)).to.equal(layout.features[layout.neighbours[index(from)]![dir]]!.code);
        expect($$(el, '.t[tabindex="0"]').map((p) => p.getAttribute('data-code'))).to.deep.equal([focused(el)]);
        return focused(el)!;
      };
      // Down the column of overseas insets, then into the mainland.
      const walk = [
        await press('ArrowDown'),
        await press('ArrowDown'),
        await press('ArrowDown'),
        await press('ArrowUp'),
      ];
      expect(walk).to.deep.equal(['02', '03', '04', '03']);
      const mainland = [
        await press('ArrowRight'),
        await press('ArrowUp'),
        await press('ArrowRight'),
        await press('ArrowRight'),
      ];
      expect(mainland).to.deep.equal(['75', '52', '24', '27']);
      await sendKeys({ press: 'End' });
      expect(focused(el)).to.equal('94');
      await sendKeys({ press: 'Home' });
      expect(focused(el)).to.equal('01');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal('04');
      await sendKeys({ press: 'Enter' });
      await elementUpdated(el);
      expect(el.selected).to.equal('04');
      expect(el.getAttribute('selected')).to.equal('04');
      expect(option(el, '04').getAttribute('aria-selected')).to.equal('true');
      expect($$(el, '.hl--selected')).to.have.length(1);
      option(el, '11').focus();
      await elementUpdated(el);
      await sendKeys({ press: ' ' });
      await elementUpdated(el);
      expect(el.selected).to.equal('11');
      await sendKeys({ press: 'Escape' }); // closes the tooltip
      await elementUpdated(el);
      expect($(el, '.tooltip')).to.equal(null);
      await sendKeys({ press: 'Escape' }); // clears the selection
      await elementUpdated(el);
      expect(el.selected).to.equal(undefined);
      expect(el.hasAttribute('selected')).to.equal(false);
      expect(events.map((e) => [e.code, e.selected])).to.deep.equal([
        ['04', true],
        ['11', true],
        ['11', false],
      ]);
      expect(events[0]).to.deep.equal({
        dimension: 'region',
        code: '04',
        label: 'La Réunion',
        selected: true,
        values: { montant: 350000, laureats: 1, emplois: 10 },
        share: 350000 / 17200000,
      });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('table-toggle');
      before.remove();
    });

    it('reaches every département with the arrow keys, never the copies of the Paris zoom', async () => {
      const el = await map(html`<relance-territory-map level="departement" .data=${demo}></relance-territory-map>`);
      const layout = el.mapLayout!;
      const graph = keyboardNeighbours(layout);
      const seen = new Set([0]);
      const queue = [0];
      while (queue.length) {
        const i = queue.shift()!;
        for (const j of Object.values(graph[i]!)) {
          if (j >= 0 && !seen.has(j)) {
            expect(layout.features[j]!.group).not.to.equal('paris');
            seen.add(j);
            queue.push(j);
          }
        }
      }
      expect(seen.size).to.equal(101);
      option(el, '29').focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(['22', '56']).to.include(focused(el));
      // Every arrow key follows the graph, from the mainland, Corse, the overseas insets and the petite couronne.
      const keys = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const;
      for (const code of ['01', '2A', '33', '59', '67', '75', '92', '971', '974', '976']) {
        for (const [key, dir] of Object.entries(keys)) {
          option(el, code).focus();
          await sendKeys({ press: key });
          await elementUpdated(el);
          const from = layout.features.findIndex((f) => f.code === code && f.group !== 'paris');
          const to = graph[from]![dir];
          expect(focused(el), `${code} ${key}`).to.equal(to >= 0 ? layout.features[to]!.code : code);
        }
      }
    });

    it('selects with a click or a tap (also on the Paris zoom), shows the tooltip, and highlights both copies', async () => {
      const el = await map(html`<relance-territory-map level="departement" .data=${demo}></relance-territory-map>`);
      const copy = $$<SVGPathElement>(el, '.t[data-code="75"]')[1]!;
      setTimeout(() => copy.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
      const ev = await oneEvent(el, 'relance-select');
      expect(ev.detail).to.deep.include({ dimension: 'departement', code: '75', label: 'Paris', selected: true });
      await elementUpdated(el);
      expect($$(el, '.hl--selected')).to.have.length(2);
      expect(plain($(el, '.tooltip')?.textContent)).to.match(/^Paris /);
      setTimeout(() => option(el, '75').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true })));
      expect((await oneEvent(el, 'relance-select')).detail.selected).to.equal(false);
    });

    it('shows a tooltip on hover, and hides it when the pointer leaves', async () => {
      const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
      const path = option(el, '53');
      path.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));
      await elementUpdated(el);
      expect([...$(el, '.tooltip')!.children].map((c) => plain(c.textContent))).to.deep.equal([
        'Bretagne',
        'Classe 2 sur 5 (de 0,5 à moins de 0,7 M€)',
        '2 lauréats',
        '0,63 M€ (629 000 €)',
        '15 emplois',
      ]);
      expect($$(el, '.hl--hover')).to.have.length(1);
      path.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, pointerType: 'mouse' }));
      await waitUntil(() => $(el, '.tooltip') === null, 'tooltip hidden');
      // A touch does not open the tooltip on pointerover (the tap does, through click).
      path.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'touch' }));
      await elementUpdated(el);
      expect($(el, '.tooltip')).to.equal(null);
    });

    // Excluded in WebKit: MiniBrowser's window cannot be narrower than 447 px (test/engine.ts); placeTooltip, which
    // places the tooltip, is tested on its own in every engine (src/layout/tooltip-layout.test.ts).
    (canSetPhoneViewport ? it : it.skip)(
      'keeps every tooltip inside the viewport, on a phone and on a scrolled page',
      async () => {
        const initial = [innerWidth, innerHeight] as const;
        await setViewportSize(360, 640);
        try {
          const page = await fixture<HTMLDivElement>(
            html`<div><relance-territory-map level="departement" .data=${demo}></relance-territory-map><div style="height: 1500px"></div></div>`,
          );
          const el = page.querySelector('relance-territory-map') as RelanceTerritoryMap;
          await waitUntil(() => options(el).length === 101, 'drawn', { timeout: 5000 });
          for (const scroll of [0, 260]) {
            window.scrollTo(0, scroll);
            let checked = 0;
            for (const path of $$<SVGPathElement>(el, '.t')) {
              const box = path.getBoundingClientRect();
              if (box.bottom < 0 || box.top > innerHeight) continue;
              path.dispatchEvent(
                new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }),
              );
              await elementUpdated(el);
              const tip = $(el, '.tooltip')!.getBoundingClientRect();
              const where = `${path.getAttribute('data-code')} scrolled ${scroll}: ${JSON.stringify(tip)}`;
              expect(tip.left, where).to.be.at.least(0);
              expect(tip.right, where).to.be.at.most(document.documentElement.clientWidth);
              expect(tip.top, where).to.be.at.least(0);
              expect(tip.bottom, where).to.be.at.most(innerHeight);
              // Beside the territory, not over its middle, when there is room for it.
              if (box.top > tip.height + 20 || innerHeight - box.bottom > tip.height + 20) {
                expect(tip.bottom <= box.top + 1 || tip.top >= box.bottom - 1, where).to.equal(true);
              }
              path.dispatchEvent(
                new PointerEvent('pointerout', { bubbles: true, composed: true, pointerType: 'mouse' }),
              );
              checked++;
            }
            expect(checked).to.be.greaterThan(20);
          }
        } finally {
          window.scrollTo(0, 0);
          await setViewportSize(...initial);
        }
      },
    );

    it('closes a tooltip shown on hover with Escape, wherever the focus is', async () => {
      const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
      const outside = document.createElement('button');
      outside.textContent = 'ailleurs';
      document.body.append(outside);
      outside.focus();
      option(el, '53').dispatchEvent(
        new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }),
      );
      await elementUpdated(el);
      expect($(el, '.tooltip')).not.to.equal(null);
      await sendKeys({ press: 'Escape' });
      await elementUpdated(el);
      expect($(el, '.tooltip')).to.equal(null);
      expect($$(el, '.hl--hover')).to.have.length(0);
      // The selection is not cleared by it, and the tooltip comes back on the next territory.
      option(el, '84').dispatchEvent(
        new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }),
      );
      await elementUpdated(el);
      expect(plain($(el, '.tooltip strong')?.textContent)).to.equal('Auvergne-Rhône-Alpes');
      outside.remove();
    });

    it('reflects the selected attribute without emitting, and makes it the tab stop', async () => {
      const el = await map(html`<relance-territory-map selected="53" .data=${demo}></relance-territory-map>`);
      const spy = sinon.spy();
      el.addEventListener('relance-select', spy);
      expect(option(el, '53').getAttribute('aria-selected')).to.equal('true');
      expect(option(el, '53').getAttribute('tabindex')).to.equal('0');
      el.selected = '94';
      await elementUpdated(el);
      expect(option(el, '94').getAttribute('aria-selected')).to.equal('true');
      expect(option(el, '53').getAttribute('aria-selected')).to.equal('false');
      expect(spy.called).to.equal(false);
    });

    it('speaks English with lang="en"', async () => {
      const el = await map(
        html`<relance-territory-map lang="en" level="departement" .data=${demo}></relance-territory-map>`,
      );
      expect(plain(option(el, '972').getAttribute('aria-label'))).to.equal(
        'Martinique: 1 laureate, €0.18M, 8 jobs; class 1 of 5 (under €0.2M)',
      );
      expect(plain(option(el, '15').getAttribute('aria-label'))).to.equal('Cantal: no laureate');
      expect($$(el, '.inset-label').map(label).at(-1)).to.equal('Paris and inner suburbs');
      expect(plain($(el, '[data-class="none"]')?.textContent)).to.equal('No laureate · 57 departments');
      expect(plain($(el, '.legend__title')?.textContent)).to.equal('State support by department');
      expect(plain($(el, '[part="table-toggle"]')?.textContent)).to.equal('Show data table');
      expect(plain($(el, '[part="attribution"]')?.textContent)).to.match(/^Boundaries: IGN/);
      // The table is rendered when opened (not before: it would delay the map's first paint).
      const toggle = $<HTMLButtonElement>(el, '[part="table-toggle"]')!;
      const wrap = $<HTMLElement>(el, '.table-wrap')!;
      expect(toggle.getAttribute('aria-controls')).to.equal(wrap.id);
      expect(wrap.hidden).to.equal(true);
      expect($(el, '[part="table"]')).to.equal(null);
      toggle.click();
      await elementUpdated(el);
      expect(wrap.hidden).to.equal(false);
      expect(plain(toggle.textContent)).to.equal('Hide data table');
      expect($$(el, 'thead th').map((th) => plain(th.textContent))).to.deep.equal([
        'Department',
        'Laureates',
        'State support',
        'Jobs',
        'Class',
      ]);
      expect($$(el, 'tbody tr')).to.have.length(101);
      await expect(el).to.be.accessible();
    });

    // Excluded in WebKit: WebKitWebDriver (classic WebDriver) cannot emulate the print media type (test/engine.ts).
    (canEmulateMedia ? it : it.skip)(
      'prints as a static map with its legend and table, without buttons or tooltip',
      async () => {
        const el = await map(html`<relance-territory-map .data=${demo}></relance-territory-map>`);
        option(el, '53').focus();
        await elementUpdated(el);
        expect($(el, '.tooltip')).not.to.equal(null);
        // The hidden table is rendered just before printing if it is not yet.
        window.dispatchEvent(new Event('beforeprint'));
        await elementUpdated(el);
        expect($$(el, 'tbody tr')).to.have.length(18);
        expect(await emulateMediaType('print'), 'print media emulated').to.equal(true);
        expect(getComputedStyle($(el, '.table-wrap')!).display).to.equal('block');
        expect(getComputedStyle($(el, '[part="table-toggle"]')!).display).to.equal('none');
        expect(getComputedStyle($(el, '.tooltip')!).display).to.equal('none');
        expect(getComputedStyle($(el, '[part="legend"]')!).display).not.to.equal('none');
      },
    );
  });

  describe('linked widgets', () => {
    it('filters its group with the selected territory, and follows the other widgets’ selections', async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <relance-dataset group="carte" src="/data/demo/laureats-fictifs.json"></relance-dataset>
        <relance-territory-map group="carte"></relance-territory-map>
        <relance-funding-donut group="carte"></relance-funding-donut>
      </div>`);
      const el = page.querySelector('relance-territory-map') as RelanceTerritoryMap;
      const donut = page.querySelector('relance-funding-donut') as RelanceFundingDonut;
      await waitUntil(() => options(el).length === 18 && donut.dataStatus === 'ready', 'group ready', {
        timeout: 5000,
      });
      await elementUpdated(el);
      expect(el.territoryData!.total.laureats).to.equal(44);
      const changes: FilterChangeDetail[] = [];
      page.addEventListener('relance-filter-change', (e) =>
        changes.push((e as unknown as CustomEvent<FilterChangeDetail>).detail),
      );
      option(el, '84').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await elementUpdated(donut);
      expect(changes).to.deep.equal([
        { group: 'carte', filter: { statuts: [], regions: ['84'], departements: [], search: '' }, cause: 'select' },
      ]);
      expect(donut.statusTotals.reduce((n, r) => n + r.totals.laureats, 0)).to.equal(5);
      await elementUpdated(el);
      expect(plain($(el, '.filter-text')?.textContent)).to.equal('Filtre : Auvergne-Rhône-Alpes');
      // The map keeps showing every région (its own dimension), with the selection.
      expect(el.territoryData!.total.laureats).to.equal(44);
      expect(option(el, '84').getAttribute('aria-selected')).to.equal('true');
      // A status chosen in the donut filters the map's values; the clear button clears the whole filter.
      (donut.shadowRoot!.querySelector('[data-key="fondation"]') as SVGElement).dispatchEvent(
        new MouseEvent('click', { bubbles: true }),
      );
      await elementUpdated(el);
      expect(el.territoryData!.total.laureats).to.equal(1);
      expect(options(el).filter((p) => !p.classList.contains('none'))).to.have.length(1);
      $<HTMLButtonElement>(el, '[part="filter-clear"]')!.click();
      await elementUpdated(el);
      expect(el.selected).to.equal(undefined);
      expect(el.territoryData!.total.laureats).to.equal(44);
    });
  });

  describe('errors', () => {
    it('says clearly when the geometry URL is missing, while the data table still works', async () => {
      const el = document.createElement('relance-territory-map') as RelanceTerritoryMap;
      el.setAttribute('geometry', '/src/geo/introuvable.topo.json');
      el.data = demo;
      const failed = oneEvent(el, 'relance-geometry-error');
      document.body.append(el);
      const ev = await failed;
      expect(ev.detail).to.deep.include({ code: 'http', status: 404 });
      await elementUpdated(el);
      expect(plain($(el, '[role="alert"]')?.textContent)).to.equal(
        'Le fond de carte n’a pas pu être chargé (erreur HTTP 404). Les données restent consultables dans le tableau ci-dessous. Réessayer',
      );
      expect(options(el)).to.have.length(0);
      const wrap = $(el, '.table-wrap')!;
      expect(wrap.hasAttribute('hidden')).to.equal(false);
      expect($$(el, 'tbody tr')).to.have.length(18);
      const martinique = $$(el, 'tbody tr').find((r) => plain(r.children[0]!.textContent) === 'Martinique')!;
      expect([...martinique.children].map((c) => plain(c.textContent))).to.deep.equal([
        'Martinique',
        '1',
        '180 000 €',
        '8',
        'moins de 0,5 M€',
      ]);
      expect($(el, '[part="legend"]')).not.to.equal(null);
      // The legend's colours do not depend on the map being drawn.
      expect(parseColour(getComputedStyle($(el, '[data-class="none"] rect')!).fill)?.[3]).to.equal(1);
      expect(parseColour(getComputedStyle($(el, '[data-class="0"] rect')!).fill)?.[3]).to.equal(1);
      expect(String(consoleError.firstCall.args[0])).to.contain('<relance-territory-map>');
      await expect(el).to.be.accessible();
      // Retry: the same URL now answers.
      const realFetch = window.fetch.bind(window);
      sinon
        .stub(window, 'fetch')
        .callsFake((input, init) => realFetch(String(input).replace('introuvable', 'france-regions'), init));
      $<HTMLButtonElement>(el, '[part="retry"]')!.click();
      await waitUntil(() => options(el).length === 18, 'retry');
      expect($(el, '[role="alert"]')).to.equal(null);
      el.remove();
    });

    it('retries a geometry request once after a network failure', async () => {
      const realFetch = window.fetch.bind(window);
      let calls = 0;
      sinon.stub(window, 'fetch').callsFake((input, init) => {
        if (!String(input).includes('?flaky')) return realFetch(input, init);
        calls++;
        return calls === 1
          ? Promise.reject(new TypeError('Failed to fetch'))
          : realFetch(String(input).replace('?flaky', ''), init);
      });
      const el = await map(
        html`<relance-territory-map geometry="/src/geo/france-regions.topo.json?flaky" .data=${demo}></relance-territory-map>`,
      );
      expect(calls).to.equal(2);
      expect(options(el)).to.have.length(18);
      expect(consoleError.called).to.equal(false);
    });

    it('refuses a broken geometry: not TopoJSON, HTML instead of JSON, or the wrong level', async () => {
      const el = await map(
        html`<relance-territory-map .geometry=${{ type: 'FeatureCollection', features: [] }} .data=${demo}></relance-territory-map>`,
      );
      expect(el.geometryStatus).to.equal('error');
      expect(plain($(el, '[role="alert"]')?.textContent)).to.contain(
        'Le fond de carte n’est pas un fichier TopoJSON utilisable pour ce niveau.',
      );
      expect(String(consoleError.firstCall.args[1].details)).to.contain('this looks like GeoJSON');
      sinon
        .stub(window, 'fetch')
        .resolves(new Response('<html>erreur</html>', { headers: { 'content-type': 'text/html' } }));
      const html2 = await map(
        html`<relance-territory-map geometry="/ailleurs/carte.json" .data=${demo}></relance-territory-map>`,
      );
      expect(plain($(html2, '[role="alert"]')?.textContent)).to.contain(
        'Le fichier reçu pour le fond de carte n’est pas du JSON.',
      );
      sinon.restore();
      consoleError = sinon.stub(console, 'error');
      const topology = await (await fetch('/src/geo/france-regions.topo.json')).json();
      const wrongLevel = await map(
        html`<relance-territory-map level="departement" .geometry=${topology} .data=${demo}></relance-territory-map>`,
      );
      expect(wrongLevel.geometryStatus).to.equal('error');
      expect(String(consoleError.firstCall.args[1].details)).to.contain('Missing objects.departements');
    });

    it('shows data errors from the shared pipeline, and says when the data has no territory of the level', async () => {
      const el = await map(html`<relance-territory-map data='{"84": 3,}'></relance-territory-map>`);
      expect(plain($(el, '[role="alert"]')?.textContent)).to.contain('Les données ne sont pas du JSON valide');
      const dep = await map(
        html`<relance-territory-map level="departement" .data=${communique}></relance-territory-map>`,
      );
      expect(plain($(dep, '[part="warning"]')?.textContent)).to.equal(
        'Les données ne précisent pas le département des lauréats : la carte ne peut pas les placer.',
      );
      const rows = [
        { nom: 'A fictif', statut: 'association', region: '84', montant: 5 },
        { nom: 'B fictif', statut: 'association', montant: 7 },
      ];
      const missing = await map(html`<relance-territory-map .data=${rows}></relance-territory-map>`);
      expect(plain($(missing, '[part="footer"]')?.textContent)).to.contain(
        '1 lauréat sans région, non compté sur la carte.',
      );
    });
  });

  // Last: the policy stays on the page.
  describe('strict CSP', () => {
    it('writes no style attribute (blocked by a CSP without unsafe-inline), while hovering, focusing and loading', async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} ${e.sample}`),
      );
      const meta = document.createElement('meta');
      meta.httpEquiv = 'Content-Security-Policy';
      meta.content = "style-src-attr 'none'";
      document.head.append(meta);
      // The policy is in force: a style attribute is refused.
      const probe = document.createElement('div');
      probe.setAttribute('style', 'color: red');
      document.body.append(probe);
      await waitUntil(() => violations.length === 1, 'the CSP of this test is not enforced');
      probe.remove();
      const el = await map(
        html`<relance-territory-map level="departement" symbols="emplois" selected="69" .data=${demo}></relance-territory-map>`,
      );
      option(el, '13').dispatchEvent(
        new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }),
      );
      await elementUpdated(el);
      expect(getComputedStyle($(el, '.tooltip')!).left).not.to.equal('auto');
      option(el, '29').focus();
      await elementUpdated(el);
      $<HTMLButtonElement>(el, '[part="table-toggle"]')!.click();
      await elementUpdated(el);
      const failed = await map(
        html`<relance-territory-map geometry="/src/geo/absente.topo.json" .data=${demo}></relance-territory-map>`,
      );
      expect(getComputedStyle($(failed, '.placeholder')!).minHeight).not.to.equal('0px');
      await aTimeout(50);
      expect(violations.slice(1)).to.deep.equal([]);
    });
  });
});
