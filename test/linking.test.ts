/**
 * The linked page of issue 5: every widget of a group reaches the others with the right filter,
 * clearing works, and the whole page has no axe violation.
 */
import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/all.js';
import type { RelanceFundingDonut } from '../src/components/funding-donut/funding-donut.js';
import type { RelanceKeyFigures } from '../src/components/key-figures/key-figures.js';
import type { RelanceLaureateList } from '../src/components/laureate-list/laureate-list.js';
import type { RelanceTerritoryMap } from '../src/components/territory-map/territory-map.js';
import { getGroup } from '../src/base/group.js';

const DEMO = '/data/demo/laureats-fictifs.json';
const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const figure = (el: RelanceKeyFigures, key: string): string =>
  plain(el.shadowRoot!.querySelector(`[part~="figure-${key}"] [part="value"]`)?.textContent);

interface Demo {
  laureats: { statut: string; region: string; departement: string; montant: number }[];
}

describe('a linked page: dataset, key figures, map, donut and list in one group', () => {
  let demo: Demo;
  let page: HTMLElement;
  let map: RelanceTerritoryMap;
  let donut: RelanceFundingDonut;
  let figures: RelanceKeyFigures;
  let list: RelanceLaureateList;

  before(async () => {
    demo = (await (await fetch(DEMO)).json()) as Demo;
  });

  beforeEach(async () => {
    page = await fixture(html`<div>
      <relance-dataset group="page" src=${DEMO}></relance-dataset>
      <relance-key-figures group="page" caption="Chiffres"></relance-key-figures>
      <relance-territory-map group="page" caption="Carte" metric="montant"></relance-territory-map>
      <relance-funding-donut group="page" caption="Statuts"></relance-funding-donut>
      <relance-laureate-list group="page" caption="Lauréats"></relance-laureate-list>
    </div>`);
    map = page.querySelector('relance-territory-map')!;
    donut = page.querySelector('relance-funding-donut')!;
    figures = page.querySelector('relance-key-figures')!;
    list = page.querySelector('relance-laureate-list')!;
    await waitUntil(
      () =>
        [map, donut, figures, list].every((e) => e.dataStatus === 'ready') &&
        map.shadowRoot!.querySelectorAll('[data-code]').length >= 18,
      'page not ready',
      { timeout: 8000 },
    );
    for (const e of [map, donut, figures, list]) await elementUpdated(e);
  });

  afterEach(() => getGroup('page').setFilter({}, undefined, 'clear', { silent: true }));

  it('has no axe violation, with and without a filter', async () => {
    await expect(page).to.be.accessible();
    (map.shadowRoot!.querySelector('.t[data-code="04"]') as SVGElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    for (const e of [map, donut, figures, list]) await elementUpdated(e);
    await expect(page).to.be.accessible();
  });

  it('a région selected on the map filters the list, the donut and the key figures; the clear button clears all', async () => {
    (map.shadowRoot!.querySelector('.t[data-code="04"]') as SVGElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    for (const e of [map, donut, figures, list]) await elementUpdated(e);
    const reunion = demo.laureats.filter((l) => l.region === '04');
    expect(map.selected).to.equal('04');
    expect(list.resultCount).to.equal(reunion.length);
    expect(list.region).to.equal('04');
    expect(figure(figures, 'laureats')).to.equal(String(reunion.length));
    expect(donut.statusTotals.reduce((n, r) => n + r.totals.laureats, 0)).to.equal(reunion.length);
    // The filter shows once, in the first widget of the group (the key figures); the others show their selection.
    expect(plain(figures.shadowRoot!.querySelector('.filter-text')?.textContent)).to.equal('Filtre : La Réunion');
    for (const e of [map, donut])
      expect(e.shadowRoot!.querySelector<HTMLElement>('[part="filter-bar"]')!.hidden, e.localName).to.equal(true);
    // The list shows the filter in its own controls.
    const regionSelect = [...list.shadowRoot!.querySelectorAll('select')].find((s) =>
      [...s.options].some((o) => o.value === '04'),
    )!;
    expect(regionSelect.value).to.equal('04');
    // The map keeps every région and shows the selection.
    expect(map.shadowRoot!.querySelectorAll('.t[role="option"]').length).to.equal(18);
    (figures.shadowRoot!.querySelector('[part="filter-clear"]') as HTMLButtonElement).click();
    for (const e of [map, donut, figures, list]) await elementUpdated(e);
    expect(map.selected).to.equal(undefined);
    expect(list.resultCount).to.equal(44);
    expect(figure(figures, 'laureats')).to.equal('44');
  });

  it('a status selected on the donut recolours the map and filters the list', async () => {
    const before = map.territoryData!.territories.find((t) => t.code === '84')!.value;
    (donut.shadowRoot!.querySelector('[data-key="cooperative"]') as SVGElement).dispatchEvent(
      new MouseEvent('click', { bubbles: true }),
    );
    for (const e of [map, donut, figures, list]) await elementUpdated(e);
    const coopsIn84 = demo.laureats.filter((l) => l.statut === 'cooperative' && l.region === '84');
    const after = map.territoryData!.territories.find((t) => t.code === '84')!;
    expect(after.value ?? 0).to.equal(coopsIn84.reduce((s, l) => s + l.montant, 0));
    expect(after.value ?? 0).to.be.lessThan(before!);
    expect(list.resultCount).to.equal(12);
  });

  it('a région chosen in the list’s filter selects it on the map (keyboard)', async () => {
    const select = [...list.shadowRoot!.querySelectorAll('select')].find((s) =>
      [...s.options].some((o) => o.value === '53'),
    )!;
    select.focus();
    select.value = '53';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    for (const e of [map, donut, figures, list]) await elementUpdated(e);
    expect(getGroup('page').filter.regions).to.deep.equal(['53']);
    expect(map.selected).to.equal('53');
    expect(figure(figures, 'laureats')).to.equal(String(demo.laureats.filter((l) => l.region === '53').length));
    // Keyboard on the map: Escape clears the selection for the whole group.
    (map.shadowRoot!.querySelector('.t[role="option"][tabindex="0"]') as SVGElement).focus();
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    for (const e of [map, list]) await elementUpdated(e);
    expect(getGroup('page').filter).to.deep.equal({});
    expect(list.resultCount).to.equal(44);
  });
});
