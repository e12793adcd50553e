import { expect } from '@open-wc/testing';
import { groupLaureates, totalOf } from '../model/aggregate.js';
import type { Dataset, Laureate } from '../model/types.js';
import { MemorySource, memorySource } from './memory-source.js';
import type { Answer, RowPage } from './source.js';
import { filterKey, filterWithout } from './source.js';
import { laureatesDataset } from '../test-helpers/dataset.js';

const row = (nom: string, extra: Partial<Laureate> = {}): Laureate => ({ nom, statut: 'entreprise', ...extra });
const ROWS: Laureate[] = [
  row('Atelier Bois', {
    statut: 'cooperative',
    region: '84',
    departement: '42',
    commune: 'Saint-Étienne',
    montant: 100,
    emplois: 2,
  }),
  row('Zèbre', { statut: 'association', region: '11', departement: '75', montant: 50 }),
  row('Lin Local', { statut: 'cooperative', region: '84', departement: '69', projet: 'menuiserie bois', emplois: 4 }),
  row('Sans lieu', { statut: 'autre', montant: 7.5 }),
];
const now = <T>(reply: Answer<T> | Promise<Answer<T>>): T => {
  if (reply instanceof Promise) throw new Error('expected an answer at once');
  expect(reply.final).to.equal(true);
  return reply.value;
};

describe('query/memory-source', () => {
  it('is one source per dataset', () => {
    const ds = laureatesDataset(ROWS);
    expect(memorySource(ds)).to.equal(memorySource(ds));
    expect(memorySource(laureatesDataset(ROWS))).not.to.equal(memorySource(ds));
  });

  it('answers a page for a filter, sort and search, with the count and totals of every page', () => {
    const source = new MemorySource(laureatesDataset(ROWS));
    const all = now(source.page({ filter: {} }));
    expect(all.rows).to.deep.equal(ROWS);
    expect(Array.from(all.ids)).to.deep.equal([0, 1, 2, 3]);
    expect(all.totals).to.deep.equal(totalOf(ROWS));
    const page: RowPage = now(
      source.page({
        filter: { statuts: ['cooperative', 'association'] },
        sort: { column: 'montant', direction: 'descending' },
        offset: 1,
        limit: 1,
      }),
    );
    expect(page.total).to.equal(3);
    expect(page.rows.map((r) => r.nom)).to.deep.equal(['Zèbre']);
    expect(Array.from(page.ids)).to.deep.equal([1]);
    expect(page.totals).to.deep.equal(totalOf(ROWS, [0, 1, 2]));
    const search = now(source.page({ filter: { search: 'bois saint-etienne' } }));
    expect(search.rows.map((r) => r.nom)).to.deep.equal(['Atelier Bois']);
    // The names of the région and département are searchable.
    expect(now(source.page({ filter: { search: 'ile-de-france' } })).rows.map((r) => r.nom)).to.deep.equal(['Zèbre']);
    expect(now(source.page({ filter: {}, limit: 0 })).rows).to.deep.equal([]);
    expect(now(source.page({ filter: {}, offset: 9 })).total).to.equal(4);
  });

  it('sorts statuses by their label in the language asked', () => {
    const source = new MemorySource(
      laureatesDataset([
        row('A', { statut: 'entreprise' }),
        row('B', { statut: 'autre' }),
        row('C', { statut: 'association' }),
      ]),
    );
    const names = (lang: 'fr' | 'en') =>
      now(source.page({ filter: {}, sort: { column: 'statut', direction: 'ascending' }, lang })).rows.map((r) => r.nom);
    const fr = names('fr');
    const en = names('en');
    expect(fr).to.have.length(3);
    expect(names('fr')).to.deep.equal(fr);
    expect(en).to.have.length(3);
    expect(names('en')).to.deep.equal(en);
  });

  it('answers totals by status and territory for a filter, and the rows without the territory', () => {
    const source = new MemorySource(laureatesDataset(ROWS));
    const byRegion = now(source.totalsBy('region', { statuts: ['cooperative', 'autre'] }));
    expect([...byRegion.groups.keys()]).to.deep.equal(['84']);
    expect(byRegion.groups.get('84')).to.deep.equal(groupLaureates([ROWS[0]!, ROWS[2]!], 'region').get('84'));
    expect(byRegion.missing).to.equal(1);
    // The same question twice: the same answer (widgets of a group ask the same).
    expect(now(source.totalsBy('region', { statuts: ['cooperative', 'autre'] }))).to.equal(byRegion);
    expect(now(source.totalsBy('statut', {})).groups).to.deep.equal(groupLaureates(ROWS, 'statut'));
  });

  it('answers key figures of laureates and of pre-aggregated totals', () => {
    const source = new MemorySource(laureatesDataset(ROWS));
    expect(now(source.keyFigures({ regions: ['84'] }))).to.deep.equal({
      laureats: 2,
      montant: 100,
      emplois: 6,
      regions: ['84'],
    });
    expect(now(source.keyFigures({ search: 'aucun' }))).to.deep.equal({
      laureats: 0,
      montant: 0,
      emplois: 0,
      regions: [],
    });
    const aggregates: Dataset = {
      ...laureatesDataset([]),
      kind: 'aggregates',
      aggregates: [
        { statut: 'association', laureats: 3, montant: 30 },
        { statut: 'cooperative', laureats: 2 },
        { region: '84', laureats: 5 },
      ],
      declaredTotals: { laureats: 5, montant: 30 },
    };
    const totals = new MemorySource(aggregates);
    expect(now(totals.keyFigures({}))).to.deep.equal({ laureats: 5, montant: 30, regions: ['84'] });
    expect(now(totals.keyFigures({ statuts: ['cooperative'], regions: ['11'] }))).to.deep.equal({ laureats: 2 });
    // Totals are narrowed on the dimension they are grouped by only.
    expect([
      ...now(totals.totalsBy('statut', { statuts: ['cooperative'], regions: ['11'] })).groups.keys(),
    ]).to.deep.equal(['cooperative']);
    expect([...now(totals.totalsBy('region', { statuts: ['cooperative'] })).groups.keys()]).to.deep.equal(['84']);
    expect(now(totals.page({ filter: {} })).total).to.equal(0);
  });

  it('prepares its search index in steps, and a search before that is exact', () => {
    const rows = Array.from({ length: 3000 }, (_, i) =>
      row(`Lauréat ${i}`, { commune: i % 3 ? 'Lyon' : 'Brest', montant: i }),
    );
    const source = new MemorySource(laureatesDataset(rows));
    expect(source.searchReady).to.equal(false);
    expect(source.preparing).to.equal(true);
    let steps = 0;
    while (source.prepare(0) && steps < 10_000) steps++;
    expect(steps).to.be.above(1);
    expect(source.searchReady).to.equal(true);
    expect(source.preparing).to.equal(false);
    const fresh = new MemorySource(laureatesDataset(rows));
    expect(now(fresh.page({ filter: { search: 'brest' }, limit: 0 })).total).to.equal(1000);
    expect(fresh.searchReady).to.equal(true);
    expect(new MemorySource(laureatesDataset([])).preparing).to.equal(false);
  });

  it('keys filters by what they select, and leaves out dimensions', () => {
    expect(filterKey({})).to.equal('');
    expect(filterKey({ statuts: [], search: '  ' })).to.equal('');
    expect(filterKey({ search: 'Saint-Étienne' })).to.equal(filterKey({ search: 'saint etienne' }));
    expect(filterKey({ regions: ['84'] })).not.to.equal(filterKey({ departements: ['84'] }));
    const f = { statuts: ['association'], regions: ['84'] };
    expect(filterWithout(f, [])).to.equal(f);
    expect(filterWithout(f, ['regions'])).to.deep.equal({ statuts: ['association'] });
    expect(f).to.deep.equal({ statuts: ['association'], regions: ['84'] });
  });
});
