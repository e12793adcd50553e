import { aTimeout, elementUpdated, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import './relance-funding-donut.js';
import type { RelanceFundingDonut } from './funding-donut.js';
import type { RelanceSelectDetail } from '../../events.js';
import { donutContrasts } from '../../test-helpers/contrast.js';
import {
  canEmulateForcedColors,
  canSetPhoneViewport,
  emulateForcedColors,
  setViewportSize,
} from '../../../test/engine.js';

const OFFICIAL = JSON.stringify([
  { statut: 'association', laureats: 31, montant: 13400000 },
  { statut: 'cooperative', laureats: 12, montant: 3200000 },
  { statut: 'fondation', laureats: 1, montant: 600000 },
]);
const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const $ = <T extends Element = Element>(el: Element, sel: string): T | null => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = Element>(el: Element, sel: string): T[] => [...el.shadowRoot!.querySelectorAll<T>(sel)];

async function donut(tpl: ReturnType<typeof html>): Promise<RelanceFundingDonut> {
  const el = await fixture<RelanceFundingDonut>(tpl);
  await elementUpdated(el);
  return el;
}

describe('<relance-funding-donut>', () => {
  let consoleError: sinon.SinonStub;
  beforeEach(() => {
    consoleError = sinon.stub(console, 'error');
  });
  afterEach(() => {
    consoleError.restore();
    sinon.restore();
    document.documentElement.removeAttribute('data-fr-theme');
  });

  it('draws three slices and « 17,2 M€ » from the official figures in the data attribute', async () => {
    const el = await donut(html`<relance-funding-donut data=${OFFICIAL}></relance-funding-donut>`);
    const slices = $$(el, '.slice');
    expect(slices.map((s) => s.getAttribute('data-key'))).to.deep.equal(['association', 'cooperative', 'fondation']);
    expect(plain($(el, '[part~="centre"]')?.textContent)).to.equal('17,2 M€');
    expect(plain($(el, '.legend')?.textContent)).to.contain('Associations 13,4 M€ 77,9 % · 31 lauréats');
    expect(consoleError.called).to.equal(false);
    // No attribute added to the host but the resolved theme: an empty `lang` would mark the content
    // as of unknown language for screen readers.
    expect(el.getAttributeNames().sort()).to.deep.equal(['data', 'data-relance-theme']);
  });

  it('is accessible (axe), with formatted values in the names of the slices', async () => {
    const el = await donut(
      html`<relance-funding-donut caption="Soutien par statut" data=${OFFICIAL}></relance-funding-donut>`,
    );
    await expect(el).to.be.accessible();
    const names = $$(el, '.slice').map((s) => plain(s.getAttribute('aria-label')));
    expect(names[0]).to.equal('Associations : 13,4 M€, 77,9 % du total, 31 lauréats');
    expect(names[2]).to.equal('Fondation : 0,6 M€, 3,5 % du total, 1 lauréat');
    const listbox = $(el, '[role="listbox"]')!;
    expect(plain(listbox.getAttribute('aria-label'))).to.equal(
      'Soutien par statut – Soutien de l’État par statut juridique (Total 17,2 M€)',
    );
    // With the tooltip open over a slice (it has its own opaque background), and in the dark theme.
    ($(el, '[data-key="cooperative"]') as SVGElement).focus();
    await elementUpdated(el);
    expect($(el, '.tooltip')).to.exist;
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await elementUpdated(el);
    await expect(el).to.be.accessible();
  });

  it('is operable with the keyboard: Tab, arrows, Enter, Escape; relance-select only for user actions', async () => {
    const el = await donut(html`<relance-funding-donut data=${OFFICIAL}></relance-funding-donut>`);
    const events: RelanceSelectDetail[] = [];
    el.addEventListener('relance-select', (e) => events.push(e.detail));
    el.selected = 'cooperative'; // programmatic: no event
    await elementUpdated(el);
    expect(events).to.have.length(0);
    el.selected = undefined;
    await elementUpdated(el);

    const before = document.createElement('button');
    before.textContent = 'avant';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('association');
    expect($$(el, '.slice[tabindex="0"]')).to.have.length(1);
    await sendKeys({ press: 'ArrowRight' });
    await elementUpdated(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('cooperative');
    // The tooltip follows keyboard focus.
    expect(plain($(el, '.tooltip')?.textContent)).to.contain('Coopératives');
    await sendKeys({ press: 'Enter' });
    await elementUpdated(el);
    expect(el.selected).to.equal('cooperative');
    expect(el.getAttribute('selected')).to.equal('cooperative');
    expect($(el, '[data-key="cooperative"]')!.getAttribute('aria-selected')).to.equal('true');
    expect(events).to.have.length(1);
    expect(events[0]).to.deep.include({
      dimension: 'statut',
      code: 'cooperative',
      label: 'Coopératives',
      selected: true,
    });
    // The official totals give no jobs by status: `emplois` is absent (unknown), not 0.
    expect(events[0]!.values).to.deep.equal({ laureats: 12, montant: 3200000 });
    expect(events[0]!.share).to.be.closeTo(3.2 / 17.2, 1e-9);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await elementUpdated(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('fondation');
    await sendKeys({ press: 'Home' });
    await elementUpdated(el);
    expect(el.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('association');
    await sendKeys({ press: ' ' });
    await elementUpdated(el);
    expect(el.selected).to.equal('association');
    await sendKeys({ press: 'Escape' }); // closes the tooltip
    await elementUpdated(el);
    expect($(el, '.tooltip')).to.equal(null);
    await sendKeys({ press: 'Escape' }); // clears the selection
    await elementUpdated(el);
    expect(el.selected).to.equal(undefined);
    expect(events.map((e) => [e.code, e.selected])).to.deep.equal([
      ['cooperative', true],
      ['association', true],
      ['association', false],
    ]);
    // Tab leaves the chart (one tab stop for the slices).
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('table-toggle');
    before.remove();
  });

  describe('colours against what they touch (WCAG 1.4.11)', () => {
    const SIX = JSON.stringify([
      { statut: 'association', laureats: 3, montant: 300 },
      { statut: 'cooperative', laureats: 2, montant: 200 },
      { statut: 'fondation', laureats: 2, montant: 200 },
      { statut: 'mutuelle', laureats: 2, montant: 150 },
      { statut: 'entreprise', laureats: 2, montant: 150 },
      { statut: 'autre', laureats: 1, montant: 100 },
    ]);
    const KEYS = ['association', 'cooperative', 'fondation', 'mutuelle', 'entreprise', 'autre'];

    /** Selects `selected` with a click, then focuses the first slice with the keyboard (a visible focus ring). */
    async function focusAndSelect(el: RelanceFundingDonut, selected: string): Promise<void> {
      ($(el, `[data-key="${selected}"]`) as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await elementUpdated(el);
      const before = document.createElement('button');
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      await elementUpdated(el);
      before.remove();
    }
    function expectContrasts(el: RelanceFundingDonut, label: string): void {
      const pairs = donutContrasts(el);
      const low = pairs.filter((p) => p.ratio < 3);
      expect(low, `${label}: ${JSON.stringify(low)}`).to.deep.equal([]);
      const names = pairs.map((p) => p.what);
      for (const k of KEYS) {
        for (const what of [`slice ${k} / background`, `focus ring / slice ${k}`, `selection outline / slice ${k}`])
          expect(names, `${label}: ${what}`).to.include(what);
      }
      for (const what of ['focus ring ring / its halo', 'selection outline ring / its halo'])
        expect(names, `${label}: ${what}`).to.include(what);
      expect(
        names.filter((n) => n.startsWith('legend swatch')),
        label,
      ).to.have.length(6);
    }

    it('gives every slice (dimmed too), swatch, the focus ring and the selection 3:1 against what they touch, light and dark', async () => {
      const el = await donut(html`<relance-funding-donut data=${SIX}></relance-funding-donut>`);
      await focusAndSelect(el, 'fondation');
      expect($(el, 'svg[part="chart"]')!.classList.contains('dimmed')).to.equal(true);
      expect(el.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('fondation');
      // The focus ring sits on the selected slice: move it to another one with the keyboard.
      await sendKeys({ press: 'ArrowRight' });
      await elementUpdated(el);
      expect($$(el, '.focus-ring')).to.have.length(1);
      expect($$(el, '.select-ring')).to.have.length(1);
      expectContrasts(el, 'light');
      document.documentElement.setAttribute('data-fr-theme', 'dark');
      await waitUntil(() => el.getAttribute('data-relance-theme') === 'dark');
      await elementUpdated(el);
      expectContrasts(el, 'dark');
    });

    it('keeps them on a DSFR page, light and dark', async () => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = '/node_modules/@gouvfr/dsfr/dist/dsfr.min.css';
      const loaded = new Promise((resolve) => link.addEventListener('load', resolve));
      document.head.append(link);
      await loaded;
      try {
        const el = await donut(html`<relance-funding-donut data=${SIX}></relance-funding-donut>`);
        await focusAndSelect(el, 'autre');
        await sendKeys({ press: 'ArrowRight' });
        await elementUpdated(el);
        expectContrasts(el, 'DSFR, light');
        document.documentElement.setAttribute('data-fr-theme', 'dark');
        await waitUntil(() => el.getAttribute('data-relance-theme') === 'dark');
        await elementUpdated(el);
        expectContrasts(el, 'DSFR, dark');
      } finally {
        link.remove();
      }
    });

    it('draws the focus ring only for keyboard focus, over the slices', async () => {
      const el = await donut(html`<relance-funding-donut data=${SIX}></relance-funding-donut>`);
      ($(el, '[data-key="mutuelle"]') as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await elementUpdated(el);
      expect($$(el, '.focus-ring')).to.have.length(0);
      const ring = $(el, '.select-ring')!;
      // After every slice in the document: painted over them.
      for (const slice of $$(el, '.slice'))
        expect(slice.compareDocumentPosition(ring) & Node.DOCUMENT_POSITION_FOLLOWING).not.to.equal(0);
      expect(ring.getAttribute('d')).to.equal($(el, '[data-key="mutuelle"]')!.getAttribute('d'));
    });
  });

  // Excluded in WebKit: WebKitWebDriver cannot turn forced colours on (test/engine.ts).
  (canEmulateForcedColors ? it : it.skip)(
    'draws slices, focus and selection in system colours in forced colours, each status its own texture',
    async () => {
      const system = (name: string) => {
        const probe = document.createElement('div');
        probe.style.forcedColorAdjust = 'none';
        probe.style.color = name;
        document.body.append(probe);
        const c = getComputedStyle(probe).color;
        probe.remove();
        return c;
      };
      const el = await donut(html`<relance-funding-donut patterns data=${OFFICIAL}></relance-funding-donut>`);
      ($(el, '[data-key="fondation"]') as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true }));
      await elementUpdated(el);
      const before = document.createElement('button');
      el.before(before);
      before.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'ArrowRight' });
      await elementUpdated(el);
      before.remove();
      const painted = () =>
        $$(el, 'svg[part="chart"] *, .swatch rect')
          .flatMap((e) => [getComputedStyle(e).fill, getComputedStyle(e).stroke])
          .filter((c) => c.startsWith('rgb'));
      const own = new Set(painted());
      await emulateForcedColors(true);
      try {
        const [canvas, text, highlight] = ['Canvas', 'CanvasText', 'Highlight'].map(system);
        const fills = $$(el, '.slice').map((p) => getComputedStyle(p).fill);
        expect(fills).to.deep.equal(['url("#fc-association")', 'url("#fc-cooperative")', 'url("#fc-fondation")']);
        expect($$(el, '.swatch rect:not(.pattern-fill)').map((r) => getComputedStyle(r).fill)).to.deep.equal(fills);
        // CanvasText lines over the Canvas of the page, distinct for each status.
        for (const key of ['association', 'cooperative', 'fondation'])
          expect(getComputedStyle($(el, `pattern#fc-${key} path`)!).stroke).to.equal(text);
        expect(new Set($$(el, 'pattern path').map((p) => p.getAttribute('d'))).size).to.equal(6);
        expect(getComputedStyle($(el, '.slice')!).stroke).to.equal(text);
        expect(getComputedStyle($(el, '.focus-ring')!).stroke).to.equal(highlight);
        expect(getComputedStyle($(el, '.focus-halo')!).stroke).to.equal(canvas);
        expect(getComputedStyle($(el, '.select-ring')!).stroke).to.equal(text);
        expect(getComputedStyle($(el, '.select-halo')!).stroke).to.equal(canvas);
        // The white texture of the patterns attribute is not drawn over them; dimming is off.
        expect(getComputedStyle($(el, '.pattern-fill')!).display).to.equal('none');
        expect(getComputedStyle($(el, '.slice[data-key="association"]')!).opacity).to.equal('1');
        const left = painted().filter((c) => own.has(c) && ![canvas, text, highlight].includes(c));
        expect(left).to.deep.equal([]);
      } finally {
        await emulateForcedColors(false);
      }
    },
  );

  // Excluded in WebKit: MiniBrowser's window cannot be narrower than 447 px (test/engine.ts); placeTooltip, which
  // places the tooltip, is tested on its own in every engine (src/layout/tooltip-layout.test.ts).
  (canSetPhoneViewport ? it : it.skip)(
    'keeps its tooltip inside the viewport, and closes it with Escape wherever the focus is',
    async () => {
      const initial = [innerWidth, innerHeight] as const;
      await setViewportSize(320, 480);
      try {
        const el = await donut(html`<relance-funding-donut data=${OFFICIAL}></relance-funding-donut>`);
        await waitUntil(() => Number($(el, 'svg[part="chart"]')?.getAttribute('width')) <= 320, 'narrow');
        for (const slice of $$(el, '.slice')) {
          slice.dispatchEvent(new PointerEvent('pointerenter', { pointerType: 'mouse' }));
          await elementUpdated(el);
          const tip = $(el, '.tooltip')!.getBoundingClientRect();
          const where = `${slice.getAttribute('data-key')}: ${JSON.stringify(tip)}`;
          expect(tip.left, where).to.be.at.least(0);
          expect(tip.right, where).to.be.at.most(document.documentElement.clientWidth);
          expect(tip.top, where).to.be.at.least(0);
          expect(tip.bottom, where).to.be.at.most(innerHeight);
        }
        const outside = document.createElement('button');
        outside.textContent = 'ailleurs';
        document.body.append(outside);
        outside.focus();
        expect($(el, '.tooltip')).not.to.equal(null);
        await sendKeys({ press: 'Escape' });
        await elementUpdated(el);
        expect($(el, '.tooltip')).to.equal(null);
        outside.remove();
      } finally {
        await setViewportSize(...initial);
      }
    },
  );

  it('selects with a click (tap) and shows the tooltip', async () => {
    const el = await donut(html`<relance-funding-donut data=${OFFICIAL}></relance-funding-donut>`);
    setTimeout(() =>
      ($(el, '[data-key="fondation"]') as SVGElement).dispatchEvent(new MouseEvent('click', { bubbles: true })),
    );
    const ev = await oneEvent(el, 'relance-select');
    expect(ev.detail.code).to.equal('fondation');
    await elementUpdated(el);
    expect(plain($(el, '.tooltip')?.textContent)).to.contain('Fondation');
    expect(plain($(el, '.tooltip')?.textContent)).to.contain('600 000 €');
  });

  it('shows the number of laureates with metric="laureats"', async () => {
    const el = await donut(html`<relance-funding-donut metric="laureats" data=${OFFICIAL}></relance-funding-donut>`);
    expect(plain($(el, '[part~="centre"]')?.textContent)).to.equal('44');
    expect(plain($(el, '.centre-label')?.textContent)).to.equal('lauréats');
    expect(plain($$(el, '.slice')[0]!.getAttribute('aria-label'))).to.equal(
      'Associations : 31 lauréats, 70,5 % du total, 13,4 M€',
    );
  });

  it('speaks English with lang="en" (own attribute or inherited)', async () => {
    const wrapper = await fixture(
      html`<div lang="en-GB"><relance-funding-donut data=${OFFICIAL}></relance-funding-donut></div>`,
    );
    const el = wrapper.querySelector('relance-funding-donut')!;
    await elementUpdated(el);
    expect(plain($(el, '[part~="centre"]')?.textContent)).to.equal('€17.2M');
    expect(plain($$(el, '.slice')[1]!.getAttribute('aria-label'))).to.equal(
      'Cooperatives: €3.2M, 18.6% of the total, 12 laureates',
    );
    expect(plain($(el, '[part="table-toggle"]')?.textContent)).to.equal('Show data table');
    el.setAttribute('lang', 'fr');
    await elementUpdated(el);
    expect(plain($(el, '[part~="centre"]')?.textContent)).to.equal('17,2 M€');
  });

  it('has a data table the user can show, with totals', async () => {
    const el = await donut(html`<relance-funding-donut data=${OFFICIAL}></relance-funding-donut>`);
    const toggle = $<HTMLButtonElement>(el, '[part="table-toggle"]')!;
    const wrap = $(el, '.table-wrap')!;
    expect(wrap.hasAttribute('hidden')).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(wrap.id);
    // Rendered when opened, not before (a hidden table would delay the chart's first paint).
    expect($(el, '[part="table"]')).to.equal(null);
    toggle.click();
    await elementUpdated(el);
    expect(wrap.hasAttribute('hidden')).to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const rows = $$(el, 'tbody tr').map((r) => [...r.children].map((c) => plain(c.textContent)));
    expect(rows).to.deep.equal([
      ['Associations', '31', '13 400 000 €', '77,9 %'],
      ['Coopératives', '12', '3 200 000 €', '18,6 %'],
      ['Fondation', '1', '600 000 €', '3,5 %'],
    ]);
    expect([...$(el, 'tfoot tr')!.children].map((c) => plain(c.textContent))).to.deep.equal([
      'Total',
      '44',
      '17 200 000 €',
      '100 %',
    ]);
    expect($$(el, 'tbody th[scope="row"]')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('shows its data table from the start with show-table', async () => {
    const el = await donut(html`<relance-funding-donut show-table data=${OFFICIAL}></relance-funding-donut>`);
    const toggle = $<HTMLButtonElement>(el, '[part="table-toggle"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect($(el, '.table-wrap')!.hasAttribute('hidden')).to.equal(false);
    expect($$(el, 'tbody tr')).to.have.length(3);
    toggle.click();
    await elementUpdated(el);
    expect($(el, '.table-wrap')!.hasAttribute('hidden')).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('shows source, date and the fictitious-data notice', async () => {
    const data = JSON.stringify({
      meta: { fictitious: true, source: 'Démo' },
      laureats: [{ nom: 'Fictif', statut: 'association', montant: 5 }],
    });
    const el = await donut(
      html`<relance-funding-donut data=${data} updated="2021-12-21" source-url="https://www.planderelance.gouv.fr"></relance-funding-donut>`,
    );
    expect(plain($(el, '[part="fictitious"]')?.textContent)).to.equal('Données fictives de démonstration');
    const footer = plain($(el, '[part="footer"]')?.textContent);
    expect(footer).to.contain('Source : Démo');
    expect(footer).to.contain('Mise à jour : 21 décembre 2021');
    expect($(el, '[part="footer"] a')!.getAttribute('href')).to.equal('https://www.planderelance.gouv.fr');
  });

  it('never links to a javascript: URL given as source-url', async () => {
    const el = await donut(
      html`<relance-funding-donut data=${OFFICIAL} source="X" source-url="javascript:alert(1)"></relance-funding-donut>`,
    );
    expect($(el, '[part="footer"] a')).to.equal(null);
    expect(plain($(el, '[part="footer"]')?.textContent)).to.contain('Source : X');
  });

  it('shows a French error, emits relance-data-error and logs details for invalid JSON, without throwing', async () => {
    const el = document.createElement('relance-funding-donut') as RelanceFundingDonut;
    el.setAttribute('data', '[{"statut": "association", "montant": 1,}]');
    const event = oneEvent(el, 'relance-data-error');
    document.body.append(el);
    const ev = await event;
    await elementUpdated(el);
    expect(ev.detail.code).to.equal('invalid-json');
    expect(ev.detail.origin).to.equal('attribute');
    const alert = $(el, '[role="alert"]');
    expect(plain(alert?.textContent)).to.contain('Les données ne sont pas du JSON valide');
    expect(consoleError.calledOnce).to.equal(true);
    expect(String(consoleError.firstCall.args[0])).to.contain('<relance-funding-donut>');
    expect($$(el, '.slice')).to.have.length(0);
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('keeps valid rows and lists the ignored ones', async () => {
    const rows = [
      { nom: 'A fictif', statut: 'association', montant: 100 },
      { statut: 'association', montant: 50 },
      { nom: 'B fictif', statut: 'fondation', montant: 'beaucoup' },
    ];
    const el = await donut(html`<relance-funding-donut .data=${rows}></relance-funding-donut>`);
    expect($$(el, '.slice')).to.have.length(1);
    const warning = plain($(el, '[part="warning"]')?.textContent);
    expect(warning).to.contain('1 ligne ignorée · 1 valeur ignorée');
    expect(warning).to.contain('ligne 2 : nom manquant, ligne ignorée');
    expect(warning).to.contain('ligne 3 : montant « beaucoup » illisible, valeur ignorée');
    expect(plain($(el, '[part="footer"]')?.textContent)).to.contain(
      '1 lauréat sans montant, non compté dans le graphique.',
    );
    // An unknown amount is not shown as 0 €.
    expect(plain($$(el, '.legend li')[1]?.textContent)).to.contain('Fondation non renseigné');
    expect(consoleError.calledOnce).to.equal(true);
  });

  it('reads a <script type="application/json"> child, and follows its changes', async () => {
    const el = await donut(html`<relance-funding-donut
      ><script type="application/json">
        ${OFFICIAL}
      </script></relance-funding-donut
    >`);
    expect($$(el, '.slice')).to.have.length(3);
    el.querySelector('script')!.textContent = JSON.stringify([{ statut: 'association', montant: 1 }]);
    await waitUntil(() => $$(el, '.slice').length === 1, 'script change not picked up');
  });

  it('loads a CSV from src (the fictitious laureates), with a loading state', async () => {
    const el = document.createElement('relance-funding-donut') as RelanceFundingDonut;
    el.src = '/data/demo/laureats-fictifs.csv';
    el.fictitious = true;
    const loaded = oneEvent(el, 'relance-data-load');
    document.body.append(el);
    await elementUpdated(el);
    expect(plain($(el, '[part="loading"]')?.textContent)).to.equal('Chargement des données…');
    const ev = await loaded;
    expect(ev.detail).to.deep.include({ origin: 'src', format: 'csv', rows: 44, ignored: 0 });
    await elementUpdated(el);
    expect(plain($(el, '[part~="centre"]')?.textContent)).to.equal('17,2 M€');
    expect(el.statusTotals.map((r) => [r.statut, r.totals.laureats, r.totals.montant])).to.deep.equal([
      ['association', 31, 13400000],
      ['cooperative', 12, 3200000],
      ['fondation', 1, 600000],
    ]);
    el.remove();
  });

  it('shows an error with a working retry when src fails', async () => {
    const realFetch = window.fetch.bind(window);
    let calls = 0;
    sinon.stub(window, 'fetch').callsFake(async (input, init) => {
      calls++;
      if (calls === 1) return new Response('nope', { status: 404, statusText: 'Not Found' });
      return realFetch(input, init);
    });
    const el = document.createElement('relance-funding-donut') as RelanceFundingDonut;
    el.src = '/data/communique-2021-12-21.json';
    const failed = oneEvent(el, 'relance-data-error');
    document.body.append(el);
    const ev = await failed;
    expect(ev.detail).to.deep.include({ code: 'http', status: 404, origin: 'src' });
    await elementUpdated(el);
    expect(plain($(el, '[role="alert"]')?.textContent)).to.contain(
      'Le fichier de données n’a pas pu être chargé (erreur HTTP 404)',
    );
    const loaded = oneEvent(el, 'relance-data-load');
    $<HTMLButtonElement>(el, '[part="retry"]')!.click();
    await loaded;
    await elementUpdated(el);
    expect($$(el, '.slice')).to.have.length(3);
    expect($(el, '[role="alert"]')).to.equal(null);
    el.remove();
  });

  it('refuses an HTML page served instead of data', async () => {
    sinon
      .stub(window, 'fetch')
      .resolves(new Response('<html>erreur</html>', { headers: { 'content-type': 'text/html' } }));
    const el = document.createElement('relance-funding-donut') as RelanceFundingDonut;
    el.src = '/quelque-part.json';
    const failed = oneEvent(el, 'relance-data-error');
    document.body.append(el);
    expect((await failed).detail.code).to.equal('content-type');
    el.remove();
  });

  it('ignores a slow response overtaken by a newer src', async () => {
    let releaseSlow: (r: Response) => void = () => undefined;
    sinon.stub(window, 'fetch').callsFake((input) => {
      const url = String(input);
      if (url.includes('lent')) return new Promise<Response>((resolve) => (releaseSlow = resolve));
      return Promise.resolve(
        new Response(JSON.stringify([{ statut: 'fondation', montant: 1 }]), {
          headers: { 'content-type': 'application/json' },
        }),
      );
    });
    const el = document.createElement('relance-funding-donut') as RelanceFundingDonut;
    el.src = '/lent.json';
    document.body.append(el);
    await elementUpdated(el);
    el.src = '/rapide.json';
    await waitUntil(() => $$(el, '.slice').length === 1);
    releaseSlow(new Response(OFFICIAL, { headers: { 'content-type': 'application/json' } }));
    await aTimeout(50);
    await elementUpdated(el);
    expect($$(el, '.slice').map((s) => s.getAttribute('data-key'))).to.deep.equal(['fondation']);
    el.remove();
  });

  it('follows the DSFR theme on <html> and a forced theme', async () => {
    const el = await donut(html`<relance-funding-donut data=${OFFICIAL}></relance-funding-donut>`);
    expect(el.getAttribute('data-relance-theme')).to.equal('light');
    const light = getComputedStyle($(el, '.slice')!).fill;
    document.documentElement.setAttribute('data-fr-theme', 'dark');
    await waitUntil(() => el.getAttribute('data-relance-theme') === 'dark');
    await elementUpdated(el);
    const dark = getComputedStyle($(el, '.slice')!).fill;
    expect(dark).not.to.equal(light);
    expect(dark).to.equal('rgb(122, 177, 232)');
    el.theme = 'light';
    await elementUpdated(el);
    expect(el.getAttribute('data-relance-theme')).to.equal('light');
    expect(getComputedStyle($(el, '.slice')!).fill).to.equal('rgb(53, 88, 162)');
  });

  it('sizes itself to its container, from a 280 px phone to a desktop', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 280px"><relance-funding-donut data=${OFFICIAL}></relance-funding-donut></div>`,
    );
    const el = wrapper.querySelector('relance-funding-donut')!;
    await waitUntil(() => Number($(el, 'svg[part="chart"]')?.getAttribute('width')) === 280);
    expect($$(el, '.outer-label')).to.have.length(0);
    expect($$(el, '.inner-label').length).to.be.greaterThan(0);
    expect(el.scrollWidth).to.be.at.most(280);
    wrapper.style.width = '1000px';
    await waitUntil(() => Number($(el, 'svg[part="chart"]')?.getAttribute('width')) > 400, 'wide layout');
    // The legend names the slices (no callouts beside it), unless callouts are asked for.
    expect($$(el, '.outer-label')).to.have.length(0);
    expect($(el, '[part="legend"]')).not.to.equal(null);
    el.setAttribute('labels', 'callouts');
    await waitUntil(() => $$(el, '.outer-label').length === 3, 'outer labels on a wide container');
    expect($(el, '[part="legend"]')).to.equal(null);
  });

  it('shows either callouts or a legend, never both, at every width', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 280px"><relance-funding-donut data=${OFFICIAL}></relance-funding-donut></div>`,
    );
    const el = wrapper.querySelector('relance-funding-donut') as RelanceFundingDonut;
    for (const labels of ['legend', 'callouts']) {
      el.setAttribute('labels', labels);
      for (const width of [280, 360, 480, 640, 1000, 1280]) {
        wrapper.style.width = `${width}px`;
        await waitUntil(
          () =>
            Number($(el, 'svg[part="chart"]')?.getAttribute('width')) ===
            Math.min(width, el.shadowRoot!.querySelector('.chart')!.getBoundingClientRect().width),
          `${labels} ${width}`,
        );
        await elementUpdated(el);
        const callouts = $$(el, '.outer-label').length;
        const legend = $(el, '[part="legend"]') !== null;
        expect(callouts > 0 !== legend, `${labels} at ${width} px: ${callouts} callouts, legend ${legend}`).to.equal(
          true,
        );
        if (labels === 'legend') expect(legend, `${width}`).to.equal(true);
        if (labels === 'callouts' && width >= 480) expect(callouts, `${width}`).to.equal(3);
      }
    }
  });

  it('lays its labels out from measured text, with the WCAG text spacing: callouts inside the chart, shares inside their slices', async () => {
    const spacing = document.createElement('style');
    spacing.textContent =
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }';
    const SIX = JSON.stringify([
      { statut: 'association', montant: 300 },
      { statut: 'cooperative', montant: 200 },
      { statut: 'fondation', montant: 200 },
      { statut: 'mutuelle', montant: 150 },
      { statut: 'entreprise', montant: 150 },
      { statut: 'autre', montant: 100 },
    ]);
    try {
      for (const spaced of [false, true]) {
        if (spaced) document.head.append(spacing);
        for (const [width, labels, data] of [
          [320, 'legend', OFFICIAL],
          [480, 'callouts', OFFICIAL],
          [480, 'callouts', SIX],
          [1280, 'callouts', SIX],
          [360, 'legend', SIX],
        ] as const) {
          const wrapper = await fixture<HTMLDivElement>(
            html`<div style="width: ${width}px"><relance-funding-donut labels=${labels} data=${data}></relance-funding-donut></div>`,
          );
          const el = wrapper.querySelector('relance-funding-donut') as RelanceFundingDonut;
          await waitUntil(() => $$(el, '.slice').length > 0, 'drawn');
          await aTimeout(50);
          await elementUpdated(el);
          const label = `${width} px, ${labels}, ${data === SIX ? 'six' : 'three'} statuses${spaced ? ', text spacing' : ''}`;
          const svg = $(el, 'svg[part="chart"]')!.getBoundingClientRect();
          const callouts = $$<SVGTextElement>(el, '.outer-label').map((t) => t.getBoundingClientRect());
          // Callouts where they fit (the legend instead where the measured texts leave too small a donut).
          expect(callouts.length > 0 !== ($(el, '[part="legend"]') !== null), label).to.equal(true);
          if (labels === 'callouts' && (width >= 1000 || !spaced)) expect(callouts.length, label).to.be.greaterThan(0);
          callouts.forEach((r, i) => {
            expect(
              r.left >= svg.left - 0.5 &&
                r.right <= svg.right + 0.5 &&
                r.top >= svg.top - 0.5 &&
                r.bottom <= svg.bottom + 0.5,
              `${label}: callout ${i} ${JSON.stringify(r)} in ${JSON.stringify(svg)}`,
            ).to.equal(true);
            for (let j = 0; j < i; j++) {
              const o = callouts[j]!;
              expect(
                r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom,
                `${label}: callouts ${j} and ${i}`,
              ).to.equal(false);
            }
          });
          for (const t of $$<SVGTextElement>(el, '.inner-label')) {
            if (getComputedStyle(t).visibility === 'hidden') continue;
            const slice = $(el, `.slice[data-key="${t.getAttribute('data-key')}"]`) as SVGPathElement;
            const b = t.getBBox();
            for (const [x, y] of [
              [b.x, b.y],
              [b.x + b.width, b.y],
              [b.x, b.y + b.height],
              [b.x + b.width, b.y + b.height],
            ]) {
              expect(slice.isPointInFill(new DOMPoint(x, y)), `${label}: ${t.textContent} inside its slice`).to.equal(
                true,
              );
            }
          }
          // The total and its label in the hole of the ring: no corner on a slice (the label left out where it cannot fit).
          expect(getComputedStyle($(el, '.centre-value')!).visibility, label).to.equal('visible');
          if (labels === 'callouts' || width >= 320)
            expect(getComputedStyle($(el, '.centre-label')!).visibility, label).to.equal('visible');
          for (const text of $$<SVGTextElement>(el, '.centre-value, .centre-label')) {
            if (getComputedStyle(text).visibility === 'hidden') continue;
            const b = text.getBBox();
            for (const slice of $$<SVGPathElement>(el, '.slice')) {
              for (const [x, y] of [
                [b.x, b.y],
                [b.x + b.width, b.y],
                [b.x, b.y + b.height],
                [b.x + b.width, b.y + b.height],
              ]) {
                expect(slice.isPointInFill(new DOMPoint(x, y)), `${label}: ${text.textContent} off the ring`).to.equal(
                  false,
                );
              }
            }
          }
          wrapper.remove();
        }
      }
    } finally {
      spacing.remove();
    }
  });

  it('rounds shares the same way on the slices, in the legend, the callouts, the tooltip and the table', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 360px"><relance-funding-donut show-table data=${OFFICIAL}></relance-funding-donut></div>`,
    );
    const el = wrapper.querySelector('relance-funding-donut') as RelanceFundingDonut;
    await waitUntil(() => $$(el, '.inner-label').length > 0, 'inner labels');
    const onSlices = $$(el, '.inner-label').map((t) => plain(t.textContent));
    expect(onSlices).to.deep.equal(['77,9 %', '18,6 %']);
    const inLegend = $$(el, '.legend .detail').map((d) => plain(d.textContent).split(' · ')[0]);
    expect(inLegend).to.deep.equal(['77,9 %', '18,6 %', '3,5 %']);
    expect($$(el, 'tbody tr').map((r) => plain(r.lastElementChild!.textContent))).to.deep.equal(inLegend);
    ($(el, '[data-key="association"]') as SVGElement).focus();
    await elementUpdated(el);
    expect(plain($(el, '.tooltip')?.textContent)).to.contain('77,9 % du total');
    // Each share inside its slice, all four corners of its text.
    $$<SVGTextElement>(el, '.inner-label').forEach((t, i) => {
      const slice = $$<SVGPathElement>(el, '.slice')[i]!;
      const b = t.getBBox();
      for (const [x, y] of [
        [b.x, b.y],
        [b.x + b.width, b.y],
        [b.x, b.y + b.height],
        [b.x + b.width, b.y + b.height],
      ]) {
        expect(slice.isPointInFill(new DOMPoint(x, y)), `${t.textContent} at ${x},${y}`).to.equal(true);
      }
    });
    el.setAttribute('labels', 'callouts');
    wrapper.style.width = '800px';
    await waitUntil(() => $$(el, '.outer-label').length === 3, 'callouts');
    expect($$(el, '.outer-label').map((t) => plain(t.lastElementChild!.textContent).split(' · ')[0])).to.deep.equal(
      inLegend,
    );
  });

  it('adds textures with the patterns attribute', async () => {
    const el = await donut(html`<relance-funding-donut patterns data=${OFFICIAL}></relance-funding-donut>`);
    expect($$(el, '.pattern-fill').length).to.equal(6); // 3 slices + 3 legend swatches
    expect($$(el, 'pattern')).to.have.length(6);
    // In the background colour, over the slices.
    expect(getComputedStyle($(el, 'pattern path')!).stroke).to.equal('rgb(255, 255, 255)');
    // No share written over the textures (the legend gives them).
    expect($$(el, '.inner-label')).to.have.length(0);
    el.patterns = false;
    await elementUpdated(el);
    expect($$(el, '.pattern-fill')).to.have.length(0);
    expect($$(el, '.inner-label').length).to.be.greaterThan(0);
  });

  it('says when there is nothing to show', async () => {
    const el = await donut(html`<relance-funding-donut></relance-funding-donut>`);
    expect(plain($(el, '.empty')?.textContent)).to.equal('Aucune donnée à afficher.');
    const noJobs = await donut(html`<relance-funding-donut metric="emplois" data=${OFFICIAL}></relance-funding-donut>`);
    expect(plain($(noJobs, '.empty')?.textContent)).to.equal('Aucune valeur de « Emplois » dans les données.');
  });
});
