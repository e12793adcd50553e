import { expect } from '@open-wc/testing';
import { MemorySource } from '../../query/memory-source.js';
import type { Answer } from '../../query/source.js';
import type { Dataset } from '../types.js';
import { parseInput } from './index.js';
import { generatedRows } from './generated-rows.fixture.js';
import { datasetLoad, parseProgressive } from './progressive.js';

/** Runs the slices of a progressive parse one by one (no timers). */
function manualScheduler() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (run: () => void) => tasks.push(run),
    runAll(): number {
      let n = 0;
      while (tasks.length) {
        tasks.shift()!();
        n++;
      }
      return n;
    },
    runOne(): boolean {
      const task = tasks.shift();
      task?.();
      return task !== undefined;
    },
  };
}

const value = <T>(reply: Answer<T> | Promise<Answer<T>>): Answer<T> => {
  if (reply instanceof Promise) throw new Error('expected an answer at once');
  return reply;
};

function expectSameDataset(progressive: Dataset, sync: Dataset): void {
  expect(progressive.laureates.length).to.equal(sync.laureates.length);
  expect(progressive.laureates).to.deep.equal(sync.laureates);
  expect(progressive.aggregates).to.deep.equal(sync.aggregates);
  expect(progressive.issues).to.deep.equal(sync.issues);
  expect(progressive.ignoredCount).to.equal(sync.ignoredCount);
  expect(progressive.rowCount).to.equal(sync.rowCount);
  expect(progressive.kind).to.equal(sync.kind);
  expect(progressive.format).to.equal(sync.format);
  expect(progressive.meta).to.deep.equal(sync.meta);
}

describe('model/parse/progressive', () => {
  it('reads a small input at once, as parseInput does', () => {
    const rows = generatedRows(500);
    const result = parseProgressive(rows);
    const sync = parseInput(rows);
    expect(result.ok && sync.ok).to.equal(true);
    if (!result.ok || !sync.ok) return;
    expect(datasetLoad(result.dataset)).to.equal(undefined);
    expectSameDataset(result.dataset, sync.dataset);
  });

  it('reads 100 000 rows in slices: the first rows at once, then the same dataset as the synchronous parse', () => {
    const rows = generatedRows(100_000);
    const sync = parseInput(rows);
    const scheduler = manualScheduler();
    const result = parseProgressive(rows, { schedule: scheduler.schedule, sliceMs: 2 });
    expect(result.ok && sync.ok).to.equal(true);
    if (!result.ok || !sync.ok) return;
    const load = datasetLoad(result.dataset)!;
    expect(load).to.not.equal(undefined);
    expect(load.read).to.equal(2_000);
    expect(result.dataset.laureates.length).to.be.within(1_000, 2_000);
    let done = 0;
    load.whenDone(() => done++);
    const slices = scheduler.runAll();
    expect(slices).to.be.greaterThan(1);
    expect(done).to.equal(1);
    expect(datasetLoad(result.dataset)).to.equal(undefined);
    expectSameDataset(result.dataset, sync.dataset);
    expect(sync.dataset.ignoredCount).to.be.greaterThan(1_000);
  });

  it('reads the demo data progressively into the same dataset (JSON and CSV)', async () => {
    for (const file of ['laureats-fictifs.json', 'laureats-fictifs.csv']) {
      const text = await (await fetch(`/data/demo/${file}`)).text();
      const sync = parseInput(text);
      const scheduler = manualScheduler();
      const result = parseProgressive(text, { schedule: scheduler.schedule, minRows: 0, firstRows: 5, sliceMs: 0 });
      expect(result.ok && sync.ok, file).to.equal(true);
      if (!result.ok || !sync.ok) return;
      scheduler.runAll();
      expectSameDataset(result.dataset, sync.dataset);
    }
  });

  it('gives a query source whose answers are not final until every row is read, then equal to the synchronous ones', () => {
    const rows = generatedRows(100_000);
    const sync = parseInput(rows);
    const scheduler = manualScheduler();
    const result = parseProgressive(rows, { schedule: scheduler.schedule });
    if (!result.ok || !sync.ok) throw new Error('parse failed');
    const source = new MemorySource(result.dataset);
    const exact = new MemorySource(sync.dataset);
    // The synchronous source with its search index built: exact answers at once.
    while (exact.prepare(50));
    expect(exact.searchReady).to.equal(true);
    let notified = 0;
    source.subscribe(() => notified++);
    expect(source.loading).to.equal(true);
    expect(source.searchReady).to.equal(false);
    const first = value(source.page({ filter: {}, limit: 20 }));
    expect(first.final).to.equal(false);
    expect(first.value.rows).to.deep.equal(sync.dataset.laureates.slice(0, 20));
    // A search typed while the rows are read: an answer from the first rows, not final.
    const filter = { search: 'saint etienne', statuts: ['association'] };
    const early = value(source.page({ filter, limit: 20 }));
    expect(early.final).to.equal(false);
    expect(early.value.total).to.be.greaterThan(0);
    scheduler.runAll();
    expect(notified).to.equal(1);
    expect(source.loading).to.equal(false);
    // Every row read: totals are final and exact at once; a search waits for the index (built in idle time).
    for (const f of [{}, { statuts: ['association'] }, { regions: ['84'] }]) {
      const a = value(source.page({ filter: f, limit: 0 }));
      expect(a.final).to.equal(true);
      expect(a.value.total).to.equal(value(exact.page({ filter: f, limit: 0 })).value.total);
      expect(a.value.totals).to.deep.equal(value(exact.page({ filter: f, limit: 0 })).value.totals);
      expect(value(source.totalsBy('region', f)).value).to.deep.equal(value(exact.totalsBy('region', f)).value);
      expect(value(source.keyFigures(f)).value).to.deep.equal(value(exact.keyFigures(f)).value);
    }
    expect(value(source.page({ filter, limit: 20 })).final).to.equal(false);
    while (source.prepare(50));
    expect(notified).to.equal(2);
    expect(source.searchReady).to.equal(true);
    const final = value(source.page({ filter, limit: 20 }));
    const want = value(exact.page({ filter, limit: 20 })).value;
    expect(final.final).to.equal(true);
    expect(final.value.total).to.equal(want.total);
    expect(final.value.totals).to.deep.equal(want.totals);
    expect(Array.from(final.value.ids)).to.deep.equal(Array.from(want.ids));
    const sorted = value(source.page({ filter, sort: { column: 'montant', direction: 'descending' }, limit: 20 }));
    expect(Array.from(sorted.value.ids)).to.deep.equal(
      Array.from(
        value(exact.page({ filter, sort: { column: 'montant', direction: 'descending' }, limit: 20 })).value.ids,
      ),
    );
  });

  it('reads again, as parseInput does, an input whose later rows have columns the first rows do not', () => {
    const rows = generatedRows(30_000);
    rows[25_000] = { Nom: 'Tardif', Statut: 'Association', Montant: '12 €', 'Code région': '84' };
    const sync = parseInput(rows);
    const scheduler = manualScheduler();
    const result = parseProgressive(rows, { schedule: scheduler.schedule });
    if (!result.ok || !sync.ok) throw new Error('parse failed');
    expect(datasetLoad(result.dataset)).to.not.equal(undefined);
    scheduler.runAll();
    expectSameDataset(result.dataset, sync.dataset);
  });

  it('stops reading a cancelled load, and never calls its listeners', () => {
    const scheduler = manualScheduler();
    const result = parseProgressive(generatedRows(30_000), { schedule: scheduler.schedule, sliceMs: 0 });
    if (!result.ok) throw new Error('parse failed');
    const load = datasetLoad(result.dataset)!;
    let done = 0;
    load.whenDone(() => done++);
    scheduler.runOne();
    load.cancel();
    scheduler.runAll();
    expect(done).to.equal(0);
    expect(load.done).to.equal(false);
  });
});
