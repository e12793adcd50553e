/**
 * The data.gouv.fr tabular API adapter against the local server: totals, key figures and pages equal SQL; the
 * resources where aggregation is refused; values it cannot carry; errors.
 */
import { expect } from '@open-wc/testing';
import type { GroupKey } from '../../src/model/aggregate.js';
import { resolveFields } from '../../src/query/portal/common.js';
import { PortalError } from '../../src/query/portal/errors.js';
import { portalSource } from '../../src/query/portal/load.js';
import { TabularSource, listValue, queryString, safeValue } from '../../src/query/portal/tabular-source.js';
import type { QueryFilter } from '../../src/query/source.js';
import {
  TABULAR_RID_NO_AGGREGATION,
  portalReady,
  referencePage,
  referenceRegions,
  referenceTotals,
  referenceTotalsBy,
  sameTotals,
  session,
  stats,
  tabularApi,
} from './helpers.js';
import { engine } from '../engine.js';

/**
 * Against the local portal server: in Chromium only (the adapters use nothing but fetch, AbortController and URL, the
 * same in every engine; the server's million rows make each run minutes long).
 */
const onServer = engine === 'chromium' ? describe : describe.skip;

const FIELDS = resolveFields({ emplois: 'emplois_crees' });
const source = (name = session('tab'), faults = '-', rid?: string) =>
  new TabularSource(new URL(tabularApi(name, faults, rid), location.href).href, FIELDS, { retries: 2, backoffMs: 20 });

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

onServer('portal: tabular API adapter (TabularSource) against SQL', function () {
  this.timeout(180_000);
  before(async function () {
    this.timeout(600_000);
    await portalReady();
  });

  const FILTERS: [string, QueryFilter][] = [
    ['no filter', {}],
    ['« autre » (empty statuses included, written as « none of the others »)', { statuts: ['autre'] }],
    ['cooperatives and foundations (quoted list values)', { statuts: ['cooperative', 'fondation'] }],
    ['région and département', { regions: ['84'], departements: ['69', '01'] }],
  ];
  for (const [label, filter] of FILTERS) {
    it(`totals by status, région and département, and key figures equal SQL: ${label}`, async () => {
      const s = source();
      for (const by of ['statut', 'region', 'departement'] as GroupKey[]) {
        const [got, want] = await Promise.all([s.totalsBy(by, filter), referenceTotalsBy(by, filter)]);
        expect([...got.value.groups.keys()].sort(), by).to.deep.equal([...want.groups.keys()].sort());
        for (const [code, t] of want.groups)
          expect(sameTotals(got.value.groups.get(code), t), `${by} ${code}`).to.equal(true);
        expect(got.value.missing).to.equal(want.missing);
      }
      const [figures, total, regions] = await Promise.all([
        s.keyFigures(filter),
        referenceTotals(filter),
        referenceRegions(filter),
      ]);
      expect(figures.value.laureats).to.equal(total.laureats);
      expect(figures.value.montant).to.be.closeTo(total.montant, 0.01);
      expect(figures.value.emplois).to.equal(total.emplois);
      expect([...(figures.value.regions ?? [])].sort()).to.deep.equal(regions);
    });
  }

  it('pages equal SQL (one API page, or several sliced), with `__id` as the row id', async () => {
    const s = source();
    const cases: [
      QueryFilter,
      { column: 'montant' | 'nom'; direction: 'ascending' | 'descending' } | undefined,
      { field: string; direction: 'ASC' | 'DESC' } | undefined,
      number,
      number,
    ][] = [
      [{}, undefined, undefined, 0, 20],
      [
        { statuts: ['entreprise'] },
        { column: 'montant', direction: 'descending' },
        { field: 'montant_participation_etat', direction: 'DESC' },
        40,
        20,
      ],
      [
        { regions: ['53'] },
        { column: 'nom', direction: 'ascending' },
        { field: 'entreprise', direction: 'ASC' },
        35,
        70,
      ],
    ];
    for (const [filter, sort, ref, offset, limit] of cases) {
      const [page, want] = await Promise.all([
        s.page({ filter, ...(sort ? { sort } : {}), offset, limit }),
        referencePage(filter, ref, offset, limit),
      ]);
      expect(page.value.total).to.equal(want.total);
      expect(page.value.rows.map((r) => r.nom)).to.deep.equal(want.names);
    }
    const first = await s.page({ filter: {}, limit: 3 });
    expect(Array.from(first.value.ids)).to.deep.equal([1, 2, 3]);
  });

  it('a resource without aggregation: key figures are the count alone; totals by status, and filters on a dimension (its raw values are learnt by grouping), a typed error', async () => {
    const s = source(session(), '-', TABULAR_RID_NO_AGGREGATION);
    const [figures, want] = await Promise.all([
      s.keyFigures({ search: 'forges' }),
      referenceTotals({ search: 'forges' }, { searchColumn: 'entreprise' }),
    ]);
    expect(figures.value).to.deep.equal({ laureats: want.laureats });
    const page = await s.page({ filter: {}, limit: 0 });
    expect(page.value.total).to.equal((await referenceTotals({})).laureats);
    expect(page.value.totals.missing.montant).to.equal(page.value.total);
    expect(((await rejection(s.totalsBy('statut', {}))) as PortalError).code).to.equal('aggregation-unavailable');
    expect(((await rejection(s.keyFigures({ statuts: ['association'] }))) as PortalError).code).to.equal(
      'aggregation-unavailable',
    );
  });

  it('values that the API would read as syntax are refused, list values quoted', () => {
    for (const bad of ['a&b', 'a=b', 'a#b', '100%', 'a+b', 'a\nb']) {
      expect(() => safeValue(bad), bad).to.throw(PortalError);
    }
    expect(listValue('Coopérative "SCOP"')).to.equal('"Coopérative \\"SCOP\\""');
    expect(listValue("Société d'économie mixte (SEM), x")).to.equal('"Société d\'économie mixte (SEM), x"');
    expect(
      queryString([
        ['a__groupby', null],
        ['b__in', '"x,y"'],
      ]),
    ).to.equal('a__groupby&b__in=%22x%2Cy%22');
  });

  it('a column the resource does not have: `unknown-field`, in French', async () => {
    const s = new TabularSource(
      new URL(tabularApi(session()), location.href).href,
      resolveFields({ montant: 'montant_inexistant' }),
      { retries: 0 },
    );
    const e = (await rejection(s.keyFigures({}))) as PortalError;
    expect(e.code).to.equal('unknown-field');
    expect(e.message).to.contain('field-montant');
  });

  it('429 then success; a permanent 500 gives `unavailable`', async () => {
    const name = session();
    const figures = await source(name, '429x1').keyFigures({ statuts: ['fondation'] });
    expect(figures.value.laureats).to.equal((await referenceTotals({ statuts: ['fondation'] })).laureats);
    const e = (await rejection(source(session(), '500').totalsBy('statut', {}))) as PortalError;
    expect(e.code).to.equal('unavailable');
    expect((await stats(name)).requests).to.be.greaterThan(1);
  });

  it('portalSource() picks the tabular adapter for …/api/resources/<rid>', async () => {
    expect(await portalSource(tabularApi(session()))).to.be.instanceOf(TabularSource);
  });
});
