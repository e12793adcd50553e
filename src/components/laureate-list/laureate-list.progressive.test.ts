import { elementUpdated, expect, fixture, html, waitUntil } from '@open-wc/testing';
import './relance-laureate-list.js';
import type { DataLoadDetail } from '../../base/data-source.js';
import { parseInput } from '../../model/parse/index.js';
import { generatedRows } from '../../model/parse/generated-rows.fixture.js';
import { datasetLoad } from '../../model/parse/progressive.js';
import { MemorySource } from '../../query/memory-source.js';

const $ = <T extends Element = Element>(el: Element, sel: string): T | null => el.shadowRoot!.querySelector<T>(sel);
const plain = (s: string | null | undefined): string =>
  (s ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The synchronous answers to a filter: count and totals. */
function exact(rows: unknown[], filter: { search?: string; statuts?: string[] }) {
  const sync = parseInput(rows);
  if (!sync.ok) throw new Error('parse failed');
  const source = new MemorySource(sync.dataset);
  while (source.prepare(50));
  const reply = source.page({ filter, limit: 0 });
  if (reply instanceof Promise) throw new Error('expected an answer at once');
  return { dataset: sync.dataset, total: reply.value.total, totals: reply.value.totals };
}

async function mount(rows: unknown[]) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1100px"></div>`);
  const el = document.createElement('relance-laureate-list');
  const loads: DataLoadDetail[] = [];
  const warnings: DataLoadDetail[] = [];
  el.addEventListener('relance-data-load', (e) => loads.push((e as CustomEvent<DataLoadDetail>).detail));
  el.addEventListener('relance-data-warning', (e) => warnings.push((e as CustomEvent<DataLoadDetail>).detail));
  wrapper.append(el);
  el.data = rows;
  await elementUpdated(el);
  return { el, loads, warnings };
}

describe('relance-laureate-list, progressive (100 000 rows)', () => {
  const rows = generatedRows(100_000);

  it('paints its first page from the first rows, says it is still counting, then shows the final count and totals, and reports the ignored rows once, complete', async () => {
    const want = exact(rows, {});
    const { el, loads, warnings } = await mount(rows);
    // First page from the first rows: the data is still being read.
    expect(el.loadedData && datasetLoad(el.loadedData)).to.not.equal(undefined);
    expect(el.shadowRoot!.querySelectorAll('tbody tr:not(.detail)').length).to.equal(20);
    expect(plain($(el, '.count')?.textContent)).to.contain('calcul en cours');
    expect($(el, '.count')?.getAttribute('role')).to.equal(null);
    expect($(el, '.count')?.getAttribute('aria-live')).to.equal(null);
    expect(loads.length).to.equal(0);
    await waitUntil(() => !datasetLoad(el.loadedData!), 'every row read', { timeout: 20_000 });
    await elementUpdated(el);
    await waitUntil(() => !plain($(el, '.count')?.textContent).includes('calcul'), 'final count', { timeout: 5_000 });
    expect(el.resultCount).to.equal(want.total);
    expect(el.resultTotals.count).to.equal(want.totals.laureats);
    expect(el.resultTotals.montant).to.equal(want.totals.montant);
    expect(el.resultTotals.emplois).to.equal(want.totals.emplois);
    // One load event and one warning, with the complete report.
    expect(loads.length).to.equal(1);
    expect(warnings.length).to.equal(1);
    expect(loads[0]!.rows).to.equal(want.dataset.rowCount);
    expect(loads[0]!.ignored).to.equal(want.dataset.ignoredCount);
    expect(loads[0]!.issues).to.deep.equal(want.dataset.issues);
  });

  it('gives the exact result to a search typed while the rows are still being read', async () => {
    const filter = { search: 'saint etienne' };
    const want = exact(rows, filter);
    const { el } = await mount(rows);
    expect(datasetLoad(el.loadedData!)).to.not.equal(undefined);
    const input = $<HTMLInputElement>(el, 'input[type="search"]')!;
    input.value = 'saint etienne';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await elementUpdated(el);
    expect(el.resultCount).to.be.greaterThan(0);
    await waitUntil(() => el.searchReady, 'search index built', { timeout: 30_000 });
    await waitUntil(
      () => el.resultCount === want.total && !plain($(el, '.count')?.textContent).includes('calcul'),
      'exact result',
      { timeout: 5_000 },
    );
    expect(el.resultTotals.montant).to.equal(want.totals.montant);
  });
});
