import { expect } from '@open-wc/testing';
import type { Laureate, Statut } from '../model/types.js';
import { toCsv } from './csv-export.js';
import type { ListQuery } from './list-index.js';
import { createListIndex, createListIndexBuilder, queryList } from './list-index.js';
import { highlight, matchesSearch } from './search.js';
import { clearSortRanks, sortIndices } from './sort.js';
import { totals } from './totals.js';

const row = (nom: string, extra: Partial<Laureate> = {}): Laureate => ({ nom, statut: 'entreprise', ...extra });

/** Names of the rows, in the order of `indices`. */
const names = (rows: readonly Laureate[], indices: ArrayLike<number>) => Array.from(indices, (i) => rows[i]!.nom);

const DATA: Laureate[] = [
  row('Ecz Industrie', {
    statut: 'entreprise',
    region: '84',
    departement: '42',
    commune: 'Saint-Étienne',
    montant: 120000,
    emplois: 5,
  }),
  row('Eco Textile', {
    statut: 'cooperative',
    region: '84',
    departement: '69',
    commune: 'Lyon',
    territoire: 'Lyon Métropole',
    montant: 50000,
  }),
  row('Zèbre Numérique', {
    statut: 'association',
    region: '11',
    departement: '75',
    commune: 'Paris',
    projet: 'Économie circulaire',
    emplois: 3,
  }),
  row('Éco Mécanique', {
    statut: 'entreprise',
    region: '84',
    departement: '42',
    commune: 'Firminy',
    territoire: 'Saint-Étienne',
    montant: 50000,
    emplois: 12,
  }),
  row('Île Verte', {
    statut: 'association',
    region: '53',
    departement: '29',
    commune: 'Brest',
    projet: 'Main-d’œuvre locale',
  }),
  row('Ibis Conseil', { statut: 'fondation', region: '84', commune: 'Roanne', montant: 2.5, emplois: 0 }),
  row('Isère Bois', { statut: 'entreprise', region: '84', departement: '38', commune: 'Grenoble', montant: 1_000_000 }),
  row('Lot 10', { statut: 'autre', montant: 50000 }),
  row('Lot 2', { statut: 'autre' }),
];

describe('query/list-index: queryList', () => {
  const index = createListIndex(DATA, {
    extraText: (r) => (r.region === '84' ? 'Auvergne-Rhône-Alpes' : r.region === '11' ? 'Île-de-France' : ''),
  });
  const query = (q: ListQuery) => names(DATA, queryList(index, q));

  it('returns every row in dataset order without filters', () => {
    const all = queryList(index, {});
    expect(all).to.be.instanceOf(Int32Array);
    expect(Array.from(all)).to.deep.equal(DATA.map((_, i) => i));
  });

  it('searches every word across nom, commune, territoire, projet and extra text', () => {
    expect(query({ search: 'saint etienne' })).to.deep.equal(['Ecz Industrie', 'Éco Mécanique']);
    expect(query({ search: 'eco' })).to.deep.equal(['Eco Textile', 'Zèbre Numérique', 'Éco Mécanique']);
    // "eco" in nom, "firminy" in commune: both words, different fields.
    expect(query({ search: 'ÉCO firminy' })).to.deep.equal(['Éco Mécanique']);
    expect(query({ search: 'oeuvre' })).to.deep.equal(['Île Verte']);
    expect(query({ search: 'metropole lyon' })).to.deep.equal(['Eco Textile']);
    expect(query({ search: 'rhone grenoble' })).to.deep.equal(['Isère Bois']); // région name via extraText
    expect(query({ search: 'ile de france' })).to.deep.equal(['Zèbre Numérique']);
    expect(query({ search: 'eco paris lyon' })).to.deep.equal([]);
    expect(query({ search: '  ' })).to.have.length(DATA.length);
  });

  it('combines filters with search', () => {
    expect(query({ statuts: ['entreprise'] })).to.deep.equal(['Ecz Industrie', 'Éco Mécanique', 'Isère Bois']);
    expect(query({ statuts: ['entreprise', 'cooperative'], search: 'eco' })).to.deep.equal([
      'Eco Textile',
      'Éco Mécanique',
    ]);
    expect(query({ regions: ['84'], departements: ['42'] })).to.deep.equal(['Ecz Industrie', 'Éco Mécanique']);
    expect(query({ regions: ['84'], search: 'eco' })).to.deep.equal(['Eco Textile', 'Éco Mécanique']);
    expect(query({ departements: ['42', '75'], search: 'economie' })).to.deep.equal(['Zèbre Numérique']);
    expect(query({ statuts: [], regions: [], departements: [] })).to.have.length(DATA.length);
    expect(query({ statuts: ['mutuelle'] })).to.deep.equal([]);
  });

  it('sorts text with French collation, ascending and descending, stable, missing last', () => {
    const asc = query({ sort: { column: 'nom', direction: 'ascending' } });
    expect(asc).to.deep.equal([
      'Éco Mécanique', // « eco m » < « eco t »: the accent is ignored, not sorted after z
      'Eco Textile',
      'Ecz Industrie',
      'Ibis Conseil',
      'Île Verte',
      'Isère Bois',
      'Lot 2',
      'Lot 10',
      'Zèbre Numérique',
    ]);
    const desc = query({ sort: { column: 'nom', direction: 'descending' } });
    expect(desc).to.deep.equal([
      'Zèbre Numérique',
      'Lot 10',
      'Lot 2',
      'Isère Bois',
      'Île Verte',
      'Ibis Conseil',
      'Ecz Industrie',
      'Eco Textile',
      'Éco Mécanique',
    ]);
    // Missing département (Ibis, Lot 10, Lot 2) last in both directions, in dataset order.
    const ascDep = query({ sort: { column: 'departement', direction: 'ascending' } });
    expect(ascDep).to.deep.equal([
      'Île Verte', // 29
      'Isère Bois', // 38
      'Ecz Industrie', // 42
      'Éco Mécanique', // 42 (tie: dataset order)
      'Eco Textile', // 69
      'Zèbre Numérique', // 75
      'Ibis Conseil',
      'Lot 10',
      'Lot 2',
    ]);
    const descDep = query({ sort: { column: 'departement', direction: 'descending' } });
    expect(descDep).to.deep.equal([
      'Zèbre Numérique',
      'Eco Textile',
      'Ecz Industrie',
      'Éco Mécanique',
      'Isère Bois',
      'Île Verte',
      'Ibis Conseil',
      'Lot 10',
      'Lot 2',
    ]);
  });

  it('keeps dataset order for collation ties (Éco / Eco)', () => {
    const rows = [row('Éco'), row('Ecz'), row('eco'), row('Eco'), row('Ebc')];
    const i = createListIndex(rows);
    expect(names(rows, queryList(i, { sort: { column: 'nom', direction: 'ascending' } }))).to.deep.equal([
      'Ebc',
      'Éco',
      'eco',
      'Eco',
      'Ecz',
    ]);
    expect(names(rows, queryList(i, { sort: { column: 'nom', direction: 'descending' } }))).to.deep.equal([
      'Ecz',
      'Éco',
      'eco',
      'Eco',
      'Ebc',
    ]);
  });

  it('sorts montant and emplois numerically, missing values last both ways, stable', () => {
    const sortBy = (column: 'montant' | 'emplois', direction: 'ascending' | 'descending') =>
      query({ sort: { column, direction } });
    expect(sortBy('montant', 'ascending')).to.deep.equal([
      'Ibis Conseil', // 2.5
      'Eco Textile', // 50 000 (dataset order among ties)
      'Éco Mécanique',
      'Lot 10',
      'Ecz Industrie', // 120 000
      'Isère Bois', // 1 000 000
      'Zèbre Numérique', // missing
      'Île Verte',
      'Lot 2',
    ]);
    expect(sortBy('montant', 'descending')).to.deep.equal([
      'Isère Bois',
      'Ecz Industrie',
      'Eco Textile',
      'Éco Mécanique',
      'Lot 10',
      'Ibis Conseil',
      'Zèbre Numérique',
      'Île Verte',
      'Lot 2',
    ]);
    expect(sortBy('emplois', 'descending').slice(0, 5)).to.deep.equal([
      'Éco Mécanique',
      'Ecz Industrie',
      'Zèbre Numérique',
      'Ibis Conseil', // 0 is a value, not missing
      'Eco Textile',
    ]);
    expect(sortBy('emplois', 'ascending').slice(0, 4)).to.deep.equal([
      'Ibis Conseil',
      'Zèbre Numérique',
      'Ecz Industrie',
      'Éco Mécanique',
    ]);
  });

  it('sorts a filtered subset, and codes by the label given by sortText', () => {
    const labels: Record<Statut, string> = {
      association: 'Association',
      cooperative: 'Coopérative',
      fondation: 'Fondation',
      mutuelle: 'Mutuelle',
      entreprise: 'Entreprise',
      autre: '',
    };
    const labelled = createListIndex(DATA, {
      sortText: (r, column) => (column === 'statut' ? labels[r.statut] : undefined),
    });
    const sorted = names(
      DATA,
      queryList(labelled, { search: 'e', sort: { column: 'statut', direction: 'ascending' } }),
    );
    // « e » starts a word in: Ecz, Eco, Économie (Zèbre), Éco, Isère (Grenoble? no), …
    expect(sorted).to.deep.equal(['Zèbre Numérique', 'Eco Textile', 'Ecz Industrie', 'Éco Mécanique']);
    // Empty label = missing: last.
    const all = names(DATA, queryList(labelled, { sort: { column: 'statut', direction: 'descending' } }));
    expect(all).to.deep.equal([
      'Ibis Conseil', // Fondation
      'Ecz Industrie', // Entreprise
      'Éco Mécanique',
      'Isère Bois',
      'Eco Textile', // Coopérative
      'Zèbre Numérique', // Association
      'Île Verte',
      'Lot 10', // no label
      'Lot 2',
    ]);
    expect(Array.from(sortIndices(labelled, [8, 7, 1], { column: 'nom', direction: 'ascending' }))).to.deep.equal([
      1, 8, 7,
    ]);
    // Ties keep the order of the given indices (rows 1, 3 and 7 all have 50 000).
    expect(
      Array.from(sortIndices(labelled, [7, 0, 3, 1], { column: 'montant', direction: 'descending' })),
    ).to.deep.equal([0, 7, 3, 1]);
  });

  it('finds the same rows through the index as a brute-force search', () => {
    const texts = [
      'Saint-Étienne',
      'L’Orée',
      'Main-d’œuvre',
      'Cœur',
      'Lætitia',
      'Ébène',
      'e\u0301co',
      'n°12',
      'ÉCO-SYSTÈME',
    ];
    const rows = Array.from({ length: 200 }, (_, i) =>
      row(`${texts[i % 9]} ${texts[(i * 7) % 9]}`, {
        commune: texts[(i * 5) % 9],
        projet: i % 3 ? texts[(i * 2) % 9] : undefined,
      }),
    );
    const i = createListIndex(rows);
    for (const search of [
      'eco',
      'e',
      'l',
      "l'oree",
      'oeuvre coeur',
      'œ',
      'ebene saint',
      'ie',
      'n 12',
      '12',
      'x',
      'co sys',
    ]) {
      const expected = rows.flatMap((r, k) =>
        matchesSearch([r.nom, r.commune, r.projet].join(' '), search) ? [k] : [],
      );
      expect(Array.from(queryList(i, { search })), search).to.deep.equal(expected);
    }
    // Not vacuous: some searches keep some rows, not all.
    for (const search of ['oeuvre ebene', "l'oree", 'co sys', 'n 12']) {
      const count = queryList(i, { search }).length;
      expect(count, search).to.be.greaterThan(0).and.lessThan(rows.length);
    }
    expect(queryList(i, { search: 'x' })).to.have.length(0);
  });

  it('builds the index in steps, usable at once for filters and sorts, completed by a search', () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      row(`Lauréat ${i} ${i % 3 ? 'Économie' : 'Saint-Étienne'}`, {
        statut: i % 2 ? 'association' : 'cooperative',
        montant: i % 7,
        region: i % 5 ? '84' : '11',
      }),
    );
    const reference = createListIndex(rows);
    const builder = createListIndexBuilder(rows);
    expect(builder.done).to.equal(false);
    const queries: ListQuery[] = [
      { statuts: ['association'], sort: { column: 'montant', direction: 'descending' } },
      { regions: ['11'], sort: { column: 'nom', direction: 'ascending' } },
    ];
    for (const q of queries)
      expect(Array.from(queryList(builder.index, q))).to.deep.equal(Array.from(queryList(reference, q)));
    expect(builder.done).to.equal(false); // no search yet: the vocabulary is not needed
    builder.step(0);
    expect(builder.progress).to.be.greaterThan(0).and.lessThan(1000);
    const search: ListQuery = { search: 'saint econ', statuts: ['cooperative'] };
    const expected = Array.from(queryList(reference, { search: 'saint etienne' }));
    expect(expected.length).to.be.greaterThan(0);
    // A search completes the build first.
    expect(Array.from(queryList(builder.index, { search: 'saint etienne' }))).to.deep.equal(expected);
    expect(builder.done).to.equal(true);
    expect(builder.progress).to.equal(1000);
    expect(Array.from(queryList(builder.index, search))).to.deep.equal(Array.from(queryList(reference, search)));
    while (!createListIndexBuilder(rows).step(1000)) {
      /* one long step completes */
    }
    expect(createListIndexBuilder([]).done).to.equal(true);
  });

  it('recomputes the ranks of a column after clearSortRanks (labels that change with the language)', () => {
    let labels: Record<string, string> = { association: 'B', cooperative: 'A' };
    const rows = [row('x', { statut: 'association' }), row('y', { statut: 'cooperative' })];
    const i = createListIndex(rows, { sortText: (r, c) => (c === 'statut' ? labels[r.statut] : undefined) });
    const sorted = () => names(rows, queryList(i, { sort: { column: 'statut', direction: 'ascending' } }));
    expect(sorted()).to.deep.equal(['y', 'x']);
    labels = { association: 'A', cooperative: 'B' };
    expect(sorted()).to.deep.equal(['y', 'x']); // cached
    clearSortRanks(i, 'statut');
    expect(sorted()).to.deep.equal(['x', 'y']);
  });

  it('computes totals of a selection', () => {
    expect(totals(index, queryList(index, {}))).to.deep.equal({
      count: 9,
      montant: 1_270_002.5,
      emplois: 20,
      montantCount: 6,
      emploisCount: 4,
    });
    expect(totals(index, queryList(index, { regions: ['84'], departements: ['42'] }))).to.deep.equal({
      count: 2,
      montant: 170000,
      emplois: 17,
      montantCount: 2,
      emploisCount: 2,
    });
    expect(totals(index, [])).to.deep.equal({ count: 0, montant: 0, emplois: 0, montantCount: 0, emploisCount: 0 });
  });
});

describe('query/list-index: timing (100 000 synthetic rows)', () => {
  it('prints index build, keystroke query and sort times', function () {
    this.timeout(60000);
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const syllables = [
      'ma',
      'ré',
      'tex',
      'in',
      'dus',
      'tri',
      'é',
      'co',
      'lo',
      'gie',
      'mé',
      'ca',
      'nique',
      'œu',
      'vre',
      'bois',
      'fer',
      'lin',
    ];
    const communes = [
      'Saint-Étienne',
      'Lyon',
      'Le Creusot',
      'Château-Thierry',
      'L’Île-d’Yeu',
      'Besançon',
      'Montbéliard',
      'Épinal',
      'Roubaix',
    ];
    const statuts: Statut[] = ['association', 'cooperative', 'fondation', 'mutuelle', 'entreprise', 'autre'];
    const words = [
      'modernisation',
      'de la ligne',
      'économie circulaire',
      'main-d’œuvre',
      'robotisation',
      'atelier',
      'recyclage',
      'énergie',
    ];
    const rows: Laureate[] = [];
    for (let i = 0; i < 100_000; i++) {
      const name = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(syllables)).join('');
      rows.push({
        nom: `${name[0]!.toUpperCase()}${name.slice(1)} ${pick(['SAS', 'SARL', 'SA', 'Association', 'SCOP'])}`,
        statut: pick(statuts),
        region: pick(['84', '27', '44', '32', '11']),
        departement: String(10 + Math.floor(random() * 80)),
        commune: pick(communes),
        territoire: `Territoire ${pick(communes)}`,
        projet: Array.from({ length: 8 }, () => pick(words)).join(' '),
        ...(random() < 0.9 ? { montant: Math.round(random() * 5_000_000) } : {}),
        ...(random() < 0.7 ? { emplois: Math.floor(random() * 200) } : {}),
      });
    }
    const time = (f: () => unknown): [number, unknown] => {
      const t0 = performance.now();
      const result = f();
      return [performance.now() - t0, result];
    };
    const [build, built] = time(() => createListIndex(rows, { extraText: () => 'Auvergne-Rhône-Alpes Loire' }));
    const index = built as ReturnType<typeof createListIndex>;
    const [rebuild] = time(() => createListIndex(rows, { extraText: () => 'Auvergne-Rhône-Alpes Loire' }));
    const lines: string[] = [`index build: ${build.toFixed(1)} ms (again: ${rebuild.toFixed(1)} ms)`];
    for (const search of ['s', 'sa', 'sai', 'saint', 'saint e', 'saint etienne', 'oeuvre recyclage', 'zzz']) {
      queryList(index, { search });
      const [ms, result] = time(() => queryList(index, { search }));
      lines.push(`query "${search}": ${ms.toFixed(1)} ms (${(result as Int32Array).length} rows)`);
    }
    const [filtered] = time(() =>
      queryList(index, { search: 'eco', regions: ['84'], statuts: ['entreprise', 'association'] }),
    );
    const [filteredAgain] = time(() => queryList(index, { search: 'eco', regions: ['27'], departements: ['42'] }));
    lines.push(`query "eco" + 2 filters: ${filtered.toFixed(1)} ms (first), ${filteredAgain.toFixed(1)} ms (next)`);
    for (const column of ['montant', 'nom', 'commune'] as const) {
      const [first] = time(() => queryList(index, { sort: { column, direction: 'descending' } }));
      const [again] = time(() => queryList(index, { sort: { column, direction: 'ascending' } }));
      const [subset] = time(() => queryList(index, { search: 'eco', sort: { column, direction: 'ascending' } }));
      lines.push(
        `sort ${column} (all rows): first ${first.toFixed(1)} ms (ranking), then ${again.toFixed(1)} ms; ` +
          `"eco" + sort ${subset.toFixed(1)} ms`,
      );
    }
    const all = queryList(index, {});
    const [tot] = time(() => totals(index, all));
    lines.push(`totals (all rows): ${tot.toFixed(1)} ms`);
    const [csv, text] = time(() =>
      toCsv(rows, [
        { key: 'nom', label: 'Nom' },
        { key: 'montant', label: 'Montant' },
        { key: 'projet', label: 'Projet' },
      ]),
    );
    lines.push(`toCsv (3 columns, all rows): ${csv.toFixed(1)} ms, ${(text as string).length} chars`);
    const [hl] = time(() => {
      for (let i = 0; i < 100; i++) highlight(rows[i]!.projet, 'oeuvre recyclage');
    });
    lines.push(`highlight of 100 projets: ${hl.toFixed(1)} ms`);
    console.log('[list-model timing]\n  ' + lines.join('\n  '));
    expect(all.length).to.equal(100_000);
  });
});
