/**
 * Searches through the portal adapters return what SQL `LIKE` returns: « l'atelier » and a few hundred generated
 * strings full of quotes, parentheses and ODSQL keywords (fast-check), on the first 3 080 rows (`plan-de-relance-petit`,
 * quick), and a dozen on the million rows.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { resolveFields } from '../../src/query/portal/common.js';
import { OdsSource } from '../../src/query/portal/ods-source.js';
import { TabularSource } from '../../src/query/portal/tabular-source.js';
import { odsApi, portalReady, referenceTotals, sameTotals, session, tabularApi } from './helpers.js';
import { engine } from '../engine.js';

/**
 * Against the local portal server: in Chromium only (the adapters use nothing but fetch, AbortController and URL, the
 * same in every engine; the server's million rows make each run minutes long).
 */
const onServer = engine === 'chromium' ? describe : describe.skip;

const PIECES = [
  '"',
  "'",
  '\\',
  '(',
  ')',
  ' AND ',
  ' OR ',
  ' NOT ',
  'NOT',
  'or',
  'select',
  '*',
  '`',
  ':',
  '=',
  '%',
  '_',
  'é',
  "l'atelier",
  'L’Œuvre',
  'forges',
  'atel',
  'val',
  'saint',
  'n°1',
  '12',
  ' ',
  '-',
  'ß',
  '\n',
  '&',
  '#',
  '+',
];
const hostile = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const FIELDS = resolveFields({ emplois: 'emplois_crees' });

onServer('portal: searches return what SQL LIKE returns', function () {
  this.timeout(600_000);
  before(async function () {
    this.timeout(600_000);
    await portalReady();
  });

  it('« l’atelier » on the million rows: count and totals', async () => {
    const s = new OdsSource(new URL(odsApi(session()), location.href).href, FIELDS);
    for (const text of ["l'atelier", 'L’ATELIER', "  l'  atelier  "]) {
      const [page, want] = await Promise.all([
        s.page({ filter: { search: text }, limit: 0 }),
        referenceTotals({ search: text }),
      ]);
      expect(page.value.total, text).to.equal(want.laureats);
      expect(sameTotals(page.value.totals, want), text).to.equal(true);
    }
  });

  it('generated hostile strings (Explore API, 3 080 rows): the same counts and amounts as LIKE', async () => {
    const s = new OdsSource(new URL(odsApi(session(), '-', 'plan-de-relance-petit'), location.href).href, FIELDS);
    const strings = fc.sample(hostile, { numRuns: 250, seed: 1843 });
    let matched = 0;
    for (const text of strings) {
      const [page, want] = await Promise.all([
        s.page({ filter: { search: text }, limit: 0 }),
        referenceTotals({ search: text }, { small: true }),
      ]);
      expect(page.value.total, JSON.stringify(text)).to.equal(want.laureats);
      expect(sameTotals(page.value.totals, want), JSON.stringify(text)).to.equal(true);
      if (want.laureats > 0 && want.laureats < 3080) matched++;
    }
    // The strings do find something (not only empty answers).
    expect(matched).to.be.greaterThan(20);
  });

  it('a dozen hostile strings on the million rows, with a status filter', async () => {
    const s = new OdsSource(new URL(odsApi(session()), location.href).href, FIELDS);
    for (const text of fc.sample(hostile, { numRuns: 12, seed: 2021 })) {
      const filter = { search: text, statuts: ['entreprise'] };
      const [page, want] = await Promise.all([s.page({ filter, limit: 0 }), referenceTotals(filter)]);
      expect(page.value.total, JSON.stringify(text)).to.equal(want.laureats);
    }
  });

  it('tabular API: each word in the name column (`__contains`), as LIKE says', async () => {
    const s = new TabularSource(new URL(tabularApi(session()), location.href).href, FIELDS);
    for (const text of ["l'atelier", ...fc.sample(hostile, { numRuns: 15, seed: 5 })]) {
      const filter = { search: text, regions: ['53'] };
      const [page, want] = await Promise.all([
        s.page({ filter, limit: 0 }),
        referenceTotals(filter, { searchColumn: 'entreprise' }),
      ]);
      expect(page.value.total, JSON.stringify(text)).to.equal(want.laureats);
    }
  });
});
