/**
 * One rule for every widget of a group: it applies the group's filter to the data it shows, whoever provided that
 * data (a `<relance-dataset>`, another widget, itself, or a mix), and it never shows as applied a filter it could
 * not apply (totals without the dimension): it says so in words instead.
 *
 * Every figure read here from a widget is compared with the same figure computed in the test from the rows that
 * widget was given, filtered by the group's filter.
 */
import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/all.js';
import { formatEurosShort } from '../src/i18n/format.js';
import { getGroup } from '../src/base/group.js';
import type { RelanceFundingDonut } from '../src/components/funding-donut/funding-donut.js';
import type { RelanceKeyFigures } from '../src/components/key-figures/key-figures.js';
import type { RelanceLaureateList } from '../src/components/laureate-list/laureate-list.js';
import type { RelanceTerritoryMap } from '../src/components/territory-map/territory-map.js';

const DEMO = '/data/demo/laureats-fictifs.json';
const COMMUNIQUE = '/data/communique-2021-12-21.json';
const GROUP = 'regle';
const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface Row {
  nom: string;
  statut: string;
  region?: string;
  departement?: string;
  montant?: number;
  emplois?: number;
}
interface Filter {
  statuts?: string[];
  regions?: string[];
}

type Widget = 'figures' | 'map' | 'donut' | 'list';
const TAGS: Record<Widget, string> = {
  figures: 'relance-key-figures',
  map: 'relance-territory-map',
  donut: 'relance-funding-donut',
  list: 'relance-laureate-list',
};
const WIDGETS = Object.keys(TAGS) as Widget[];

/** The rows of `rows` that pass `filter`, leaving out the dimensions the widget shows as its own selection. */
function expectedRows(rows: readonly Row[], filter: Filter, widget: Widget): Row[] {
  return rows.filter(
    (r) =>
      (widget === 'donut' || !filter.statuts?.length || filter.statuts.includes(r.statut)) &&
      (widget === 'map' || !filter.regions?.length || filter.regions.includes(r.region ?? '')),
  );
}
const sum = (rows: readonly Row[], key: 'montant' | 'emplois'): number => rows.reduce((n, r) => n + (r[key] ?? 0), 0);
const countBy = (rows: readonly Row[], key: 'statut' | 'region'): Map<string, number> => {
  const out = new Map<string, number>();
  for (const r of rows) if (r[key]) out.set(r[key], (out.get(r[key]) ?? 0) + 1);
  return out;
};

/** Checks every figure a widget shows against its rows filtered by the group's filter. */
function checkFigures(widget: Widget, el: HTMLElement, rows: readonly Row[], filter: Filter): void {
  const want = expectedRows(rows, filter, widget);
  const label = `${widget} with ${JSON.stringify(filter)}`;
  switch (widget) {
    case 'figures': {
      const f = el as RelanceKeyFigures;
      expect(f.values?.laureats, label).to.equal(want.length);
      expect(f.values?.montant, label).to.equal(sum(want, 'montant'));
      expect(f.values?.emplois, label).to.equal(sum(want, 'emplois'));
      expect(
        plain(f.shadowRoot!.querySelector('[part~="figure-laureats"] [part="value"]')?.textContent),
        label,
      ).to.equal(String(want.length));
      break;
    }
    case 'donut': {
      const got = new Map((el as RelanceFundingDonut).statusTotals.map((r) => [r.statut, r.totals.laureats]));
      expect(Object.fromEntries(got), label).to.deep.equal(Object.fromEntries(countBy(want, 'statut')));
      break;
    }
    case 'map': {
      const model = (el as RelanceTerritoryMap).territoryData!;
      const got = new Map(
        model.territories.filter((t) => t.totals && t.totals.laureats > 0).map((t) => [t.code, t.totals!.laureats]),
      );
      expect(Object.fromEntries(got), label).to.deep.equal(Object.fromEntries(countBy(want, 'region')));
      break;
    }
    case 'list': {
      const list = el as RelanceLaureateList;
      expect(list.resultCount, label).to.equal(want.length);
      expect(list.resultTotals.montant, label).to.equal(sum(want, 'montant'));
      break;
    }
  }
}

/**
 * The filter bar says what it applies (in the first widget of the group only: `applied` is undefined for the
 * others), and never shows as applied what it does not.
 */
function checkFilterBar(el: HTMLElement, applied: string | undefined, unapplied: string | undefined): void {
  const root = el.shadowRoot!;
  const bar = root.querySelector<HTMLElement>('[part="filter-bar"]');
  if (!bar) return; // The list shows the filter in its own controls.
  const label = el.localName;
  expect(bar.hidden, label).to.equal(!applied && !unapplied);
  expect(
    plain(root.querySelector('.filter-text:not(.filter-text--unapplied)')?.textContent) || undefined,
    label,
  ).to.equal(applied);
  expect(plain(root.querySelector('[part="filter-unapplied"]')?.textContent) || undefined, label).to.equal(unapplied);
}

async function settle(els: readonly HTMLElement[]): Promise<void> {
  for (let i = 0; i < 2; i++) for (const e of els) await elementUpdated(e);
}

async function selectOn(source: Widget, els: Record<Widget, HTMLElement>): Promise<Filter> {
  const root = els[source].shadowRoot!;
  if (source === 'map') {
    root.querySelector('.t[data-code="04"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    return { regions: ['04'] };
  }
  if (source === 'donut') {
    root.querySelector('[data-key="cooperative"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    return { statuts: ['cooperative'] };
  }
  const select = [...root.querySelectorAll('select')].find((s) => [...s.options].some((o) => o.value === '84'))!;
  select.value = '84';
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return { regions: ['84'] };
}

describe('a widget of a group applies the group’s filter to the data it shows, whoever provided it', () => {
  let demo: Row[];
  /** The same laureates without the fondation and the first five rows: another dataset, of other totals. */
  let other: Row[];

  before(async () => {
    demo = ((await (await fetch(DEMO)).json()) as { laureats: Row[] }).laureats;
    other = demo.slice(5).filter((r) => r.statut !== 'fondation');
  });

  afterEach(() => getGroup(GROUP).setFilter({}, undefined, 'clear', { silent: true }));

  /** Ways of giving data: which widget holds what (`src` for the demo file, `rows` for other rows). */
  const SETUPS: Record<string, { dataset: boolean; own: Partial<Record<Widget, 'src' | 'rows'>> }> = {
    'a <relance-dataset>': { dataset: true, own: {} },
    'the key figures holding the data': { dataset: false, own: { figures: 'src' } },
    'the map holding the data': { dataset: false, own: { map: 'src' } },
    'the donut holding the data': { dataset: false, own: { donut: 'src' } },
    'the list holding the data': { dataset: false, own: { list: 'src' } },
    'each widget with its own src': { dataset: false, own: { figures: 'src', map: 'src', donut: 'src', list: 'src' } },
    'a mix: a dataset, two widgets with rows of their own': { dataset: true, own: { figures: 'rows', donut: 'rows' } },
  };

  for (const [name, setup] of Object.entries(SETUPS)) {
    for (const source of ['map', 'donut', 'list'] as const) {
      it(`${name}: a selection in the ${source} gives every widget the figures of its own rows, filtered`, async () => {
        const page = await fixture(html`<div></div>`);
        if (setup.dataset) {
          const ds = document.createElement('relance-dataset');
          ds.setAttribute('group', GROUP);
          ds.setAttribute('src', DEMO);
          page.append(ds);
        }
        const els = {} as Record<Widget, HTMLElement>;
        const rowsOf = {} as Record<Widget, readonly Row[]>;
        for (const w of WIDGETS) {
          const el = document.createElement(TAGS[w]) as HTMLElement & { data?: unknown };
          el.setAttribute('group', GROUP);
          if (setup.own[w] === 'src') el.setAttribute('src', DEMO);
          if (setup.own[w] === 'rows') el.data = other;
          rowsOf[w] = setup.own[w] === 'rows' ? other : demo;
          els[w] = el;
          page.append(el);
        }
        const all = Object.values(els);
        await waitUntil(
          () =>
            all.every((e) => (e as unknown as { dataStatus: string }).dataStatus === 'ready') &&
            els.map.shadowRoot!.querySelectorAll('.t[data-code]').length >= 18,
          'widgets not ready',
          { timeout: 8000 },
        );
        await settle(all);
        for (const w of WIDGETS) checkFigures(w, els[w], rowsOf[w], {});

        const filter = await selectOn(source, els);
        await settle(all);
        expect(getGroup(GROUP).filter).to.deep.equal(filter);
        const words = filter.statuts
          ? 'Filtre : Coopératives'
          : filter.regions![0] === '04'
            ? 'Filtre : La Réunion'
            : 'Filtre : Auvergne-Rhône-Alpes';
        for (const w of WIDGETS) {
          checkFigures(w, els[w], rowsOf[w], filter);
          // One filter bar for the group's data, in the first widget that shows it; a widget with rows of another
          // provenance (the mix: rows without the demo file's metadata) shows its own.
          const first = WIDGETS.find((x) => setup.own[x] !== 'rows');
          checkFilterBar(els[w], w === first || setup.own[w] === 'rows' ? words : undefined, undefined);
        }
      });
    }
  }

  it('totals without the dimension: the widget says the filter does not apply, and shows it nowhere as applied', async () => {
    const page = await fixture(html`<div>
      <relance-dataset group=${GROUP} src=${DEMO}></relance-dataset>
      <relance-territory-map group=${GROUP}></relance-territory-map>
      <relance-key-figures group=${GROUP} src=${COMMUNIQUE}></relance-key-figures>
      <relance-funding-donut group=${GROUP} src=${COMMUNIQUE}></relance-funding-donut>
    </div>`);
    const map = page.querySelector<RelanceTerritoryMap>('relance-territory-map')!;
    const figures = page.querySelector<RelanceKeyFigures>('relance-key-figures')!;
    const donut = page.querySelector<RelanceFundingDonut>('relance-funding-donut')!;
    const all = [map, figures, donut];
    await waitUntil(
      () =>
        all.every((e) => e.dataStatus === 'ready') && map.shadowRoot!.querySelectorAll('.t[data-code]').length >= 18,
      'not ready',
      {
        timeout: 8000,
      },
    );
    await settle(all);

    // A région: the national totals by status cannot be filtered by territory.
    map.shadowRoot!.querySelector('.t[data-code="04"]')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(all);
    const notApplied =
      'Ce filtre ne s’applique pas à ces données : La Réunion. Les chiffres affichés ne sont pas filtrés.';
    expect(figures.values).to.include({ laureats: 44, montant: 17_200_000, emplois: 521 });
    expect(donut.statusTotals.map((r) => r.totals.laureats)).to.deep.equal([31, 12, 1]);
    checkFilterBar(figures, undefined, notApplied);
    checkFilterBar(donut, undefined, notApplied);
    checkFilterBar(map, 'Filtre : La Réunion', undefined);

    // A status as well: the key figures apply it (totals by status), not the région.
    donut
      .shadowRoot!.querySelector('[data-key="association"]')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle(all);
    expect(getGroup(GROUP).filter).to.deep.equal({ statuts: ['association'], regions: ['04'] });
    expect(figures.values).to.include({ laureats: 31, montant: 13_400_000 });
    checkFilterBar(figures, 'Filtre : Associations', notApplied);
    checkFilterBar(donut, 'Filtre : Associations', notApplied);
    checkFigures('map', map, demo, { statuts: ['association'], regions: ['04'] });
    checkFilterBar(map, 'Filtre : La Réunion · Associations', undefined);

    // In English too.
    figures.lang = 'en';
    await settle(all);
    expect(plain(figures.shadowRoot!.querySelector('[part="filter-unapplied"]')?.textContent)).to.equal(
      'This filter does not apply to this data: La Réunion. The figures shown are not filtered.',
    );
  });

  it('texts agree with the numbers after a data change under an active filter (figures, centre, count, legend, table)', async () => {
    const page = await fixture(html`<div>
      <relance-dataset group=${GROUP} src=${DEMO}></relance-dataset>
      <relance-key-figures group=${GROUP}></relance-key-figures>
      <relance-territory-map group=${GROUP} show-table></relance-territory-map>
      <relance-funding-donut group=${GROUP} metric="montant"></relance-funding-donut>
      <relance-laureate-list group=${GROUP}></relance-laureate-list>
    </div>`);
    const ds = page.querySelector('relance-dataset') as HTMLElement & { data?: unknown; dataStatus: string };
    const els = {
      figures: page.querySelector<RelanceKeyFigures>('relance-key-figures')!,
      map: page.querySelector<RelanceTerritoryMap>('relance-territory-map')!,
      donut: page.querySelector<RelanceFundingDonut>('relance-funding-donut')!,
      list: page.querySelector<RelanceLaureateList>('relance-laureate-list')!,
    };
    const all = Object.values(els);
    await waitUntil(
      () =>
        all.every((e) => e.dataStatus === 'ready') &&
        els.map.shadowRoot!.querySelectorAll('.t[data-code]').length >= 18,
      'not ready',
      {
        timeout: 8000,
      },
    );
    const texts = (rows: readonly Row[], filter: Filter): void => {
      for (const w of WIDGETS) checkFigures(w, els[w], rows, filter);
      const donutRows = expectedRows(rows, filter, 'donut');
      expect(plain(els.donut.shadowRoot!.querySelector('[part="centre"]')?.textContent)).to.equal(
        plain(formatEurosShort(sum(donutRows, 'montant'))),
      );
      const listRows = expectedRows(rows, filter, 'list');
      expect(plain(els.list.shadowRoot!.querySelector('[part="count"]')?.textContent)).to.match(
        new RegExp(`^${listRows.length} `),
      );
      // The map's table: the « Lauréats » column of every territory, and its total.
      const byRegion = countBy(expectedRows(rows, filter, 'map'), 'region');
      const table = els.map.shadowRoot!.querySelector('table')!;
      const col = [...table.querySelectorAll('thead th')].findIndex((th) => plain(th.textContent) === 'Lauréats');
      expect(col).to.be.greaterThan(0);
      const names = new Map(els.map.territoryData!.territories.map((t) => [t.name, t.code]));
      const bodyRows = [...table.querySelectorAll('tbody tr')];
      expect(bodyRows.length).to.equal(18);
      for (const tr of bodyRows) {
        const cells = [...tr.children].map((c) => plain(c.textContent));
        expect(cells[col], cells[0]).to.equal(String(byRegion.get(names.get(cells[0]!)!) ?? 0));
      }
      const foot = [...table.querySelectorAll('tfoot tr > *')].map((c) => plain(c.textContent));
      expect(foot[col]).to.equal(String(expectedRows(rows, filter, 'map').length));
    };
    await settle(all);
    texts(demo, {});
    await selectOn('donut', els);
    await settle(all);
    texts(demo, { statuts: ['cooperative'] });
    ds.data = other;
    await waitUntil(
      () => els.figures.values?.laureats === expectedRows(other, { statuts: ['cooperative'] }, 'figures').length,
      'new data not shown',
      {
        timeout: 4000,
      },
    );
    await settle(all);
    texts(other, { statuts: ['cooperative'] });
    expect(getGroup(GROUP).filter).to.deep.equal({ statuts: ['cooperative'] });
  });
});
