/**
 * The widgets on a portal's data (`api`), against the local Explore API (test/portal/server.mjs, 1 000 000 fictitious
 * rows in SQLite): a group of a dataset and four widgets shows the figures SQL gives, stays consistent after a selection
 * on the map and a search in the list; a 429 then success shows the figures; a permanent 500 shows the citizen's
 * message with « Réessayer »; a slow older answer is discarded; only http(s) addresses are accepted.
 */
import { expect } from '@open-wc/testing';
import '../../src/components/dataset/relance-dataset.js';
import '../../src/components/key-figures/relance-key-figures.js';
import '../../src/components/funding-donut/relance-funding-donut.js';
import '../../src/components/territory-map/relance-territory-map.js';
import '../../src/components/laureate-list/relance-laureate-list.js';
import { getGroup } from '../../src/base/group.js';
import type { Totals } from '../../src/model/aggregate.js';
import type { QueryFilter } from '../../src/query/source.js';
import { filterWithout } from '../../src/query/source.js';
import {
  closeTo,
  odsApi,
  portalReady,
  referenceTotals,
  referenceTotalsBy,
  sameTotals,
  session,
  stats,
} from './helpers.js';
import { engine } from '../engine.js';

/** In Chromium only (a million rows on the local server: minutes per engine). */
const onServer = engine === 'chromium' ? describe : describe.skip;

type Any = any;

const $ = (el: Element, sel: string): Element | null => el.shadowRoot!.querySelector(sel);

async function until(condition: () => boolean | Promise<boolean>, timeout = 30_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let groups = 0;

/** A group of a dataset with `api` and the four widgets, in the page. */
function dashboard(api: string): { wrapper: HTMLElement; group: string; kf: Any; donut: Any; map: Any; list: Any } {
  const group = `portal${groups++}`;
  const wrapper = document.createElement('div');
  wrapper.style.width = '900px';
  // Built with the DOM (no HTML from strings): the address is an attribute.
  const make = (tag: string, attrs: Record<string, string> = {}): HTMLElement => {
    const el = document.createElement(tag);
    el.setAttribute('group', group);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    wrapper.append(el);
    return el;
  };
  make('relance-dataset', { api, 'field-emplois': 'emplois_crees', fictitious: '' });
  const kf = make('relance-key-figures', { figures: 'laureats montant emplois regions' });
  const donut = make('relance-funding-donut', { metric: 'laureats' });
  const map = make('relance-territory-map', { level: 'region' });
  const list = make('relance-laureate-list');
  document.body.append(wrapper);
  return { wrapper, group, kf, donut, map, list };
}

async function settled(...els: Any[]): Promise<void> {
  await until(
    () =>
      els.every(
        (el) =>
          el.dataStatus === 'ready' &&
          !el._questions.waiting &&
          [...el._questions._slots.values()].every((s: Any) => !s._pending),
      ),
    60_000,
    'answers',
  );
  for (const el of els) await el.updateComplete;
}

/** Every figure of the four widgets equals SQL for the group's filter. */
async function expectConsistent(d: ReturnType<typeof dashboard>): Promise<void> {
  await settled(d.kf, d.donut, d.map, d.list);
  const filter: QueryFilter = getGroup(d.group).filter;
  // Key figures: the whole filter.
  const all = await referenceTotals(filter);
  const values = d.kf._values;
  expect(values.laureats).to.equal(all.laureats);
  expect(closeTo(values.montant, all.montant), `montant ${values.montant} vs ${all.montant}`).to.equal(true);
  expect(closeTo(values.emplois, all.emplois)).to.equal(true);
  const text = $(d.kf, '[part~="figures"]')!.textContent.replace(/\s/g, '');
  expect(text).to.include(all.laureats.toLocaleString('fr-FR').replace(/\s/g, ''));
  // The list: its count.
  expect(d.list.resultCount).to.equal(all.laureats);
  // The donut: totals by status, without the status filter (its selection).
  const byStatus = await referenceTotalsBy('statut', filterWithout(filter, ['statuts']));
  const rows = d.donut._rows as { statut: string; totals: Totals }[];
  expect(rows.length).to.be.greaterThan(0);
  for (const r of rows) expect(sameTotals(r.totals, byStatus.groups.get(r.statut)), `donut ${r.statut}`).to.equal(true);
  // The map: totals by région, without the territory filter (its selection).
  const byRegion = await referenceTotalsBy('region', filterWithout(filter, ['regions', 'departements']));
  const shown = (d.map._model.territories as { code: string; totals?: Totals }[]).filter((t) => t.totals);
  expect(shown.length).to.be.greaterThan(0);
  for (const t of shown) expect(sameTotals(t.totals, byRegion.groups.get(t.code)), `map ${t.code}`).to.equal(true);
}

onServer('widgets on a portal (api)', function () {
  this.timeout(180_000);

  before(async function () {
    this.timeout(300_000);
    await portalReady();
  });

  afterEach(() => {
    for (const w of document.querySelectorAll('body > div')) w.remove();
  });

  it('a group of four widgets shows the figures of SQL, after a selection on the map and a search in the list', async () => {
    const name = session('wid');
    const d = dashboard(odsApi(name));
    await expectConsistent(d);
    // The provenance of the dataset element: the fictitious-data badge, once (in the group's first widget).
    expect($(d.kf, '[part~="fictitious"]')).to.not.equal(null);
    expect($(d.list, '[part~="fictitious"]')).to.equal(null);
    // Nothing downloaded: aggregates and one page, not rows.
    const before = await stats(name);
    expect(before.bytes).to.be.lessThan(200_000);

    // A selection on the map: the group's filter, one where clause for every widget.
    const option = $(d.map, '.t[role="option"][data-code="84"]')!;
    option.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await until(() => (getGroup(d.group).filter.regions ?? []).includes('84'), 10_000, 'map selection');
    await expectConsistent(d);

    // A search in the list, typed: debounced (one question once the reader stops typing).
    await settled(d.list);
    const input = $(d.list, 'input[type="search"]') as HTMLInputElement;
    for (const text of ['a', 'at', 'ate', 'atel', 'atelier']) {
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    }
    expect(getGroup(d.group).filter.search ?? '').to.equal('');
    await until(() => getGroup(d.group).filter.search === 'atelier', 5_000, 'debounced search');
    await expectConsistent(d);
    const searches = (await stats(name)).urls.filter((u) => /atel/.test(decodeURIComponent(u)));
    expect(searches.some((u) => /"a\*"|'a\*'|\ba\*/.test(decodeURIComponent(u)))).to.equal(false);

    // The CSV download asks the portal's export for the current filter.
    const url = (await d.list.getCsvUrl()) as string;
    expect(url).to.match(/\/exports\/csv\?/);
    expect(decodeURIComponent(url)).to.include('atelier');
  });

  it('shows the figures after a 429 then success', async () => {
    const name = session('r429');
    const d = dashboard(odsApi(name, '429x1'));
    await expectConsistent(d);
    expect($(d.kf, '[part~="error"]')).to.equal(null);
  });

  it("a permanent 500 shows the citizen's message with « Réessayer », which asks again", async () => {
    const name = session('r500');
    const errors: Any[] = [];
    const listen = (e: Event) => errors.push((e as CustomEvent).detail);
    document.addEventListener('relance-data-error', listen);
    const d = dashboard(odsApi(name, '500'));
    try {
      await until(() => !!$(d.kf, '[part~="error"]'), 60_000, 'error notice');
      const notice = $(d.kf, '[part~="error"]')!;
      expect(notice.textContent).to.include('momentanément indisponibles');
      const retry = $(d.kf, '[part~="retry"]') as HTMLButtonElement;
      expect(retry.textContent).to.include('Réessayer');
      expect(errors.length).to.be.greaterThan(0);
      expect(errors[0].code).to.equal('network');
      const asked = (await stats(name)).requests;
      retry.click();
      await until(async () => (await stats(name)).requests > asked, 10_000, 'asked again');
      await until(() => !!$(d.kf, '[part~="error"]'), 60_000, 'error notice again');
    } finally {
      document.removeEventListener('relance-data-error', listen);
    }
  });

  it('discards a slow older answer', async () => {
    const name = session('slow');
    const group = `slow${groups++}`;
    const wrapper = document.createElement('div');
    const ds = document.createElement('relance-dataset');
    ds.setAttribute('group', group);
    ds.setAttribute('api', odsApi(name, 'slow1500x1'));
    const kf = document.createElement('relance-key-figures') as Any;
    kf.setAttribute('group', group);
    kf.setAttribute('figures', 'laureats');
    wrapper.append(ds, kf);
    document.body.append(wrapper);
    // The first question (no filter) is on its way, slow; a selection asks a newer one, answered at once.
    await until(async () => (await stats(name)).requests >= 1, 30_000, 'first request');
    getGroup(group).setFilter({ regions: ['84'] }, undefined, 'select');
    const filtered = await referenceTotals({ regions: ['84'] });
    await until(() => kf._values?.laureats === filtered.laureats, 30_000, 'filtered figures');
    await new Promise((r) => setTimeout(r, 2_000));
    await kf.updateComplete;
    expect(kf._values.laureats).to.equal(filtered.laureats);
  });

  it('a dataset with api and region asks every question within the région', async () => {
    const name = session('scope');
    const group = `scope${groups++}`;
    const wrapper = document.createElement('div');
    const ds = document.createElement('relance-dataset');
    ds.setAttribute('group', group);
    ds.setAttribute('api', odsApi(name));
    ds.setAttribute('region', '84');
    const kf = document.createElement('relance-key-figures') as Any;
    kf.setAttribute('group', group);
    kf.setAttribute('figures', 'laureats montant');
    wrapper.append(ds, kf);
    document.body.append(wrapper);
    const within = await referenceTotals({ regions: ['84'] });
    await until(() => kf._values?.laureats === within.laureats, 60_000, 'figures of the région');
    expect(closeTo(kf._values.montant, within.montant)).to.equal(true);
    // A filter on another région: nothing (the scope and the filter together).
    getGroup(group).setFilter({ regions: ['11'] }, undefined, 'select');
    await until(() => kf._values?.laureats === 0, 30_000, 'nothing outside the région');
  });

  it('a page past the 10 000th record says so in the list, pointing to the download', async () => {
    const list = document.createElement('relance-laureate-list') as Any;
    list.setAttribute('api', odsApi(session('deep')));
    list.setAttribute('page-size', '20');
    const wrapper = document.createElement('div');
    wrapper.append(list);
    document.body.append(wrapper);
    await settled(list);
    expect(list.resultCount).to.equal(1_000_000);
    list.page = 600;
    await until(() => !!$(list, '.too-deep'), 30_000, 'too-deep message');
    expect($(list, '.too-deep')!.textContent).to.include('téléchargez le fichier CSV');
    expect($(list, '[part~="error"]')).to.equal(null);
    expect(list.page).to.equal(600);
  });

  it('accepts only http(s) addresses: a javascript: api shows « ne peuvent pas être affichées » and an event', async () => {
    const kf = document.createElement('relance-key-figures') as Any;
    const errors: Any[] = [];
    kf.addEventListener('relance-data-error', (e: Event) => errors.push((e as CustomEvent).detail));
    kf.setAttribute('api', 'javascript:alert(1)');
    const wrapper = document.createElement('div');
    wrapper.append(kf);
    document.body.append(wrapper);
    await until(() => errors.length > 0, 5_000, 'event');
    await kf.updateComplete;
    expect(errors[0].code).to.equal('invalid-url');
    expect($(kf, '[part~="error"]')!.textContent).to.include('ne peuvent pas être affichées');
    expect($(kf, '[part~="retry"]')).to.equal(null);
  });
});
