import { expect } from '@open-wc/testing';
import type { Laureate, Statut } from '../model/types.js';
import {
  clearSortRanks,
  createListIndex,
  createListIndexBuilder,
  csvFileName,
  foldText,
  foldWithMap,
  frenchCollator,
  highlight,
  matchesSearch,
  queryList,
  searchWords,
  slugify,
  sortByName,
  sortIndices,
  toCsv,
  totals,
  type CsvColumn,
  type HighlightSegment,
  type ListQuery,
} from './list-model.js';
import { DEPARTEMENT_LIST, REGION_LIST } from '../model/territories.data.js';

const row = (nom: string, extra: Partial<Laureate> = {}): Laureate => ({ nom, statut: 'entreprise', ...extra });

/** Names of the rows, in the order of `indices`. */
const names = (rows: readonly Laureate[], indices: ArrayLike<number>) => Array.from(indices, (i) => rows[i]!.nom);

/** Segments as compact strings: matches in [brackets]. */
const show = (segments: HighlightSegment[]) => segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('list-model: folding', () => {
  it('folds case, accents, ligatures, hyphens, apostrophes and spaces', () => {
    expect(foldText('Économie')).to.equal('economie');
    expect(foldText('Saint-Étienne')).to.equal('saint etienne');
    expect(foldText('L’Orée')).to.equal('l oree');
    expect(foldText("l'oree")).to.equal('l oree');
    expect(foldText('Main-d’Œuvre')).to.equal('main d oeuvre');
    expect(foldText('œuvre')).to.equal(foldText('oeuvre'));
    expect(foldText('Lætitia')).to.equal('laetitia');
    expect(foldText('  Côte-d’Or,   « Nièvre » !  ')).to.equal('cote d or nievre');
    expect(foldText('E\u0301cole')).to.equal('ecole'); // already decomposed (NFD) input
    expect(foldText('Saint\u00ADÉtienne')).to.equal('saintetienne'); // soft hyphen is invisible
    expect(foldText('ﬁlature n°\u00A012')).to.equal('filature n 12'); // ligature ﬁ, ° is not a letter
    expect(foldText('')).to.equal('');
    expect(foldText(undefined)).to.equal('');
  });

  it('keeps a map from folded positions to the original text', () => {
    const samples = [
      'Saint-Étienne',
      'L’Œuvre — Cœur & Lætitia',
      'E\u0301cole  d\u2019art',
      '  ...Île-de-France!! ',
      'ﬁn ½ Straße ΟΔΟΣ 𝐀𝐁 𠀀x',
      '',
      '---',
    ];
    for (const text of samples) {
      const { folded, start, end } = foldWithMap(text);
      expect(folded, text).to.equal(foldText(text));
      expect(start.length, text).to.equal(folded.length);
      expect(end.length, text).to.equal(folded.length);
    }
    const { folded, start, end } = foldWithMap('Cœur-É');
    expect(folded).to.equal('coeur e');
    // c o e u r ' ' e  ←  C œ œ u r - É
    expect(Array.from(start)).to.deep.equal([0, 1, 1, 2, 3, 4, 5]);
    expect(Array.from(end)).to.deep.equal([1, 2, 2, 3, 4, 5, 6]);
    const nfd = foldWithMap('E\u0301t');
    expect(nfd.folded).to.equal('et');
    expect(Array.from(nfd.end)).to.deep.equal([2, 3]); // the accent belongs to E
  });

  it('splits a query into distinct folded words, longest first', () => {
    expect(searchWords("  Saint-Étienne l'Orée saint ")).to.deep.equal(['etienne', 'saint', 'oree', 'l']);
    expect(searchWords(' - ’ ')).to.deep.equal([]);
  });

  it('matches accent- and case-insensitively, every word (AND)', () => {
    expect(matchesSearch('Économie sociale', 'economie')).to.equal(true);
    expect(matchesSearch('Saint-Étienne', 'saint etienne')).to.equal(true);
    expect(matchesSearch('Saint-Étienne', 'SAINT-ÉTIENNE')).to.equal(true);
    expect(matchesSearch('L’Orée du bois', "l'oree")).to.equal(true);
    expect(matchesSearch('Main-d’œuvre', 'oeuvre')).to.equal(true);
    expect(matchesSearch('Main-d’oeuvre', 'œuvre')).to.equal(true);
    expect(matchesSearch('Lætitia', 'laetitia')).to.equal(true);
    expect(matchesSearch('Saint-Étienne', 'saint lyon')).to.equal(false);
    expect(matchesSearch('Économie', 'economies')).to.equal(false);
    // A one-letter word must start a word: « l » does not match « Orée du bois ».
    expect(matchesSearch('Orée du bois', "l'oree")).to.equal(false);
    expect(matchesSearch('anything', '')).to.equal(true);
  });
});

describe('list-model: highlight', () => {
  it('marks the matching parts of the original text, accents and hyphens kept', () => {
    const text = 'Saint-Étienne Métropole';
    const segments = highlight(text, 'etienne');
    expect(segments).to.deep.equal([
      { text: 'Saint-', match: false },
      { text: 'Étienne', match: true },
      { text: ' Métropole', match: false },
    ]);
    expect(segments.map((s) => s.text).join('')).to.equal(text);
    expect(show(highlight(text, 'metro saint'))).to.equal('[Saint]-Étienne [Métro]pole');
    // The whole phrase is marked as one part, separator included.
    expect(show(highlight(text, 'saint etienne'))).to.equal('[Saint-Étienne] Métropole');
  });

  it('maps œ, æ, typographic apostrophes and decomposed accents back to the original', () => {
    expect(show(highlight('Main-d’Œuvre solidaire', 'oeuvre'))).to.equal('Main-d’[Œuvre] solidaire');
    expect(show(highlight('Cœur de Lætitia', 'coeur laetitia'))).to.equal('[Cœur] de [Lætitia]');
    expect(show(highlight('Œuf', 'oe'))).to.equal('[Œ]uf');
    expect(show(highlight('L’Orée de l’Oise', "l'oree"))).to.equal('[L’Orée] de [l]’Oise');
    const nfd = 'E\u0301cole e\u0301co';
    const segments = highlight(nfd, 'eco');
    expect(segments.map((s) => s.text).join('')).to.equal(nfd);
    expect(segments).to.deep.equal([
      { text: 'E\u0301co', match: true },
      { text: 'le ', match: false },
      { text: 'e\u0301co', match: true },
    ]);
  });

  it('always concatenates back to the original, alternating marked and unmarked parts', () => {
    const texts = ['Saint-Étienne', 'L’Œuvre — Cœur & Lætitia', 'E\u0301cole  d\u2019art', '𝐀𝐁c 𠀀x œœ', '  ...Île!! ', 'ﬁlature'];
    const queries = ['e', 'oe', 'ie', 'ecole art', 'ab', 'x', 'fi', '𠀀', 'l oeuvre', 'saint-e'];
    for (const text of texts) {
      for (const q of queries) {
        const segments = highlight(text, q);
        expect(segments.map((seg) => seg.text).join(''), `${text} / ${q}`).to.equal(text);
        for (let k = 1; k < segments.length; k++) expect(segments[k]!.match).to.not.equal(segments[k - 1]!.match);
        expect(segments.every((seg) => seg.text.length > 0)).to.equal(true);
      }
    }
    expect(show(highlight('𝐀𝐁c 𠀀x', 'ab'))).to.equal('[𝐀𝐁]c 𠀀x'); // astral letters, NFKD
    expect(show(highlight('𝐀𝐁c 𠀀x', '𠀀x'))).to.equal('𝐀𝐁c [𠀀x]');
  });

  it('returns the text unmarked without query, and nothing for an empty text', () => {
    expect(highlight('<b>Économie</b>', '')).to.deep.equal([{ text: '<b>Économie</b>', match: false }]);
    expect(show(highlight('<b>Économie</b>', 'b'))).to.equal('<[b]>Économie</[b]>');
    expect(highlight('', 'eco')).to.deep.equal([]);
    expect(highlight('Lyon', 'paris')).to.deep.equal([{ text: 'Lyon', match: false }]);
  });
});

const DATA: Laureate[] = [
  row('Ecz Industrie', { statut: 'entreprise', region: '84', departement: '42', commune: 'Saint-Étienne', montant: 120000, emplois: 5 }),
  row('Eco Textile', { statut: 'cooperative', region: '84', departement: '69', commune: 'Lyon', territoire: 'Lyon Métropole', montant: 50000 }),
  row('Zèbre Numérique', { statut: 'association', region: '11', departement: '75', commune: 'Paris', projet: 'Économie circulaire', emplois: 3 }),
  row('Éco Mécanique', { statut: 'entreprise', region: '84', departement: '42', commune: 'Firminy', territoire: 'Saint-Étienne', montant: 50000, emplois: 12 }),
  row('Île Verte', { statut: 'association', region: '53', departement: '29', commune: 'Brest', projet: 'Main-d’œuvre locale' }),
  row('Ibis Conseil', { statut: 'fondation', region: '84', commune: 'Roanne', montant: 2.5, emplois: 0 }),
  row('Isère Bois', { statut: 'entreprise', region: '84', departement: '38', commune: 'Grenoble', montant: 1_000_000 }),
  row('Lot 10', { statut: 'autre', montant: 50000 }),
  row('Lot 2', { statut: 'autre' }),
];

describe('list-model: queryList', () => {
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
    expect(query({ statuts: ['entreprise', 'cooperative'], search: 'eco' })).to.deep.equal(['Eco Textile', 'Éco Mécanique']);
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
    const sorted = names(DATA, queryList(labelled, { search: 'e', sort: { column: 'statut', direction: 'ascending' } }));
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
    expect(Array.from(sortIndices(labelled, [8, 7, 1], { column: 'nom', direction: 'ascending' }))).to.deep.equal([1, 8, 7]);
    // Ties keep the order of the given indices (rows 1, 3 and 7 all have 50 000).
    expect(Array.from(sortIndices(labelled, [7, 0, 3, 1], { column: 'montant', direction: 'descending' }))).to.deep.equal([0, 7, 3, 1]);
  });

  it('finds the same rows through the index as a brute-force search', () => {
    const texts = ['Saint-Étienne', 'L’Orée', 'Main-d’œuvre', 'Cœur', 'Lætitia', 'Ébène', 'e\u0301co', 'n°12', 'ÉCO-SYSTÈME'];
    const rows = Array.from({ length: 200 }, (_, i) =>
      row(`${texts[i % 9]} ${texts[(i * 7) % 9]}`, { commune: texts[(i * 5) % 9], projet: i % 3 ? texts[(i * 2) % 9] : undefined }),
    );
    const i = createListIndex(rows);
    for (const search of ['eco', 'e', 'l', "l'oree", 'oeuvre coeur', 'œ', 'ebene saint', 'ie', 'n 12', '12', 'x', 'co sys']) {
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
      row(`Lauréat ${i} ${i % 3 ? 'Économie' : 'Saint-Étienne'}`, { statut: i % 2 ? 'association' : 'cooperative', montant: i % 7, region: i % 5 ? '84' : '11' }),
    );
    const reference = createListIndex(rows);
    const builder = createListIndexBuilder(rows);
    expect(builder.done).to.equal(false);
    const queries: ListQuery[] = [
      { statuts: ['association'], sort: { column: 'montant', direction: 'descending' } },
      { regions: ['11'], sort: { column: 'nom', direction: 'ascending' } },
    ];
    for (const q of queries) expect(Array.from(queryList(builder.index, q))).to.deep.equal(Array.from(queryList(reference, q)));
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

describe('list-model: CSV export', () => {
  const rows: Laureate[] = [
    row('Atelier; "Le Bon" Coin', {
      statut: 'cooperative',
      commune: 'Saint-Étienne',
      montant: 1234567.5,
      emplois: 12,
      projet: 'Ligne 1\nLigne 2\r\nfin',
    }),
    row('=HYPERLINK("http://x")', { statut: 'autre', montant: -5, emplois: 0, projet: '-2+3+cmd|calc' }),
    row('@SUM', { statut: 'association', commune: '+33', projet: '\tTab', montant: 0.000001 }),
    row('Sans montant', { statut: 'entreprise' }),
  ];
  const columns: CsvColumn[] = [
    { key: 'nom', label: 'Nom' },
    { key: 'statut', label: 'Statut', value: (r) => (r.statut === 'cooperative' ? 'Coopérative' : r.statut) },
    { key: 'commune', label: 'Commune' },
    { key: 'montant', label: 'Montant (€)' },
    { key: 'emplois', label: 'Emplois' },
    { key: 'projet', label: 'Projet' },
  ];

  it('writes French CSV byte for byte: BOM, ;, quoting, CRLF, decimal comma, formulas neutralised', () => {
    const csv = toCsv(rows, columns);
    expect(csv).to.equal(
      '\uFEFF' +
        'Nom;Statut;Commune;Montant (€);Emplois;Projet\r\n' +
        '"Atelier; ""Le Bon"" Coin";Coopérative;Saint-Étienne;1234567,5;12;"Ligne 1\nLigne 2\r\nfin"\r\n' +
        '"\'=HYPERLINK(""http://x"")";autre;;-5;0;\'-2+3+cmd|calc\r\n' +
        "'@SUM;association;'+33;0,000001;;'\tTab\r\n" +
        'Sans montant;entreprise;;;;\r\n',
    );
    expect(csv.charCodeAt(0)).to.equal(0xfeff);
  });

  it('uses a decimal dot with the comma separator, and can omit the BOM and select rows', () => {
    const csv = toCsv(rows, columns.slice(0, 5), { separator: ',', bom: false, indices: [3, 0] });
    expect(csv).to.equal(
      'Nom,Statut,Commune,Montant (€),Emplois\r\n' +
        'Sans montant,entreprise,,,\r\n' +
        '"Atelier; ""Le Bon"" Coin",Coopérative,Saint-Étienne,1234567.5,12\r\n',
    );
    const tsv = toCsv([row('a\tb', { montant: 1e21, emplois: 1.5 })], columns.slice(3, 5).concat(columns[0]!), {
      separator: '\t',
      bom: false,
    });
    expect(tsv).to.equal('Montant (€)\tEmplois\tNom\r\n1000000000000000000000\t1,5\t"a\tb"\r\n');
  });

  it('names the file with a date and a slugified filter', () => {
    const date = new Date(2026, 10, 27, 23, 59);
    expect(csvFileName('laureats-france-relance', date)).to.equal('laureats-france-relance-2026-11-27.csv');
    expect(csvFileName('laureats-france-relance', date, 'Auvergne-Rhône-Alpes')).to.equal(
      'laureats-france-relance-2026-11-27-auvergne-rhone-alpes.csv',
    );
    expect(csvFileName('Lauréats France Relance', new Date(2021, 0, 5), '  ')).to.equal('laureats-france-relance-2021-01-05.csv');
    expect(slugify('Côte-d’Or / Œuvres « 2021 »')).to.equal('cote-d-or-oeuvres-2021');
  });
});

describe('list-model: timing (100 000 synthetic rows)', () => {
  it('prints index build, keystroke query and sort times', function () {
    this.timeout(60000);
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const syllables = ['ma', 'ré', 'tex', 'in', 'dus', 'tri', 'é', 'co', 'lo', 'gie', 'mé', 'ca', 'nique', 'œu', 'vre', 'bois', 'fer', 'lin'];
    const communes = ['Saint-Étienne', 'Lyon', 'Le Creusot', 'Château-Thierry', 'L’Île-d’Yeu', 'Besançon', 'Montbéliard', 'Épinal', 'Roubaix'];
    const statuts: Statut[] = ['association', 'cooperative', 'fondation', 'mutuelle', 'entreprise', 'autre'];
    const words = ['modernisation', 'de la ligne', 'économie circulaire', 'main-d’œuvre', 'robotisation', 'atelier', 'recyclage', 'énergie'];
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
    const [filtered] = time(() => queryList(index, { search: 'eco', regions: ['84'], statuts: ['entreprise', 'association'] }));
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
    const [csv, text] = time(() => toCsv(rows, [{ key: 'nom', label: 'Nom' }, { key: 'montant', label: 'Montant' }, { key: 'projet', label: 'Projet' }]));
    lines.push(`toCsv (3 columns, all rows): ${csv.toFixed(1)} ms, ${(text as string).length} chars`);
    const [hl] = time(() => {
      for (let i = 0; i < 100; i++) highlight(rows[i]!.projet, 'oeuvre recyclage');
    });
    lines.push(`highlight of 100 projets: ${hl.toFixed(1)} ms`);
    console.log('[list-model timing]\n  ' + lines.join('\n  '));
    expect(all.length).to.equal(100_000);
  });
});

describe('sortByName', () => {
  it('puts the names of every région and département in French order, as the collator does', () => {
    for (const list of [REGION_LIST, DEPARTEMENT_LIST]) {
      const items = list.map(([code, name]) => ({ code, name: name as string }));
      const expected = [...items].sort((a, b) => frenchCollator().compare(a.name, b.name)).map((i) => i.name);
      // From the INSEE order and from the reverse order.
      expect(sortByName([...items]).map((i) => i.name)).to.deep.equal(expected);
      expect(sortByName([...items].reverse()).map((i) => i.name)).to.deep.equal(expected);
    }
    expect(sortByName([{ name: 'Île-de-France' }, { name: 'Hauts-de-France' }, { name: 'Guyane' }]).map((i) => i.name)).to.deep.equal([
      'Guyane',
      'Hauts-de-France',
      'Île-de-France',
    ]);
  });

  it('is one collator, created on first use', () => {
    expect(frenchCollator()).to.equal(frenchCollator());
  });
});
