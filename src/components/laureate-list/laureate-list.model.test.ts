import { expect } from '@open-wc/testing';
import { listMessages } from './laureate-list.messages.js';
import {
  announcementText,
  chooseLayout,
  csvColumns,
  csvFilterLabel,
  csvSeparator,
  departementChoices,
  effectivePageSize,
  filterOptions,
  isFiltered,
  listTotals,
  nextSort,
  pageOf,
  pageQuery,
  parseColumns,
  parseStatuts,
  queryFilterOf,
  queryKey,
  readFilter,
  readSort,
  regionChoices,
  rowViews,
} from './laureate-list.model.js';
import type { Laureate } from '../../model/types.js';
import { toCsv } from '../../query/csv-export.js';

describe('laureate-list model', () => {
  it('parses columns and statuses, and chooses the layout', () => {
    expect(parseColumns(null)).to.deep.equal(['nom', 'statut', 'region', 'lieu', 'territoire', 'montant', 'emplois']);
    expect(parseColumns('montant,nom MONTANT x')).to.deep.equal(['montant', 'nom']);
    expect(parseColumns('emplois')).to.deep.equal(['nom', 'emplois']);
    expect(parseStatuts('Coopératives, association loi 1901')).to.deep.equal(['association', 'cooperative']);
    expect(parseStatuts('autre; n-importe')).to.deep.equal(['autre']);
    expect(parseStatuts('')).to.deep.equal([]);
    const all = parseColumns(null);
    expect(chooseLayout(360, all, 'auto')).to.equal('cards');
    expect(chooseLayout(760, all, 'auto')).to.equal('cards'); // 7 columns need about 880 px
    expect(chooseLayout(900, all, 'auto')).to.equal('table');
    expect(chooseLayout(599, ['nom', 'montant'], 'auto')).to.equal('cards');
    expect(chooseLayout(600, ['nom', 'montant'], 'auto')).to.equal('table');
    expect(chooseLayout(1000, all, 'cards')).to.equal('cards');
    expect(chooseLayout(300, all, 'table')).to.equal('table');
    expect(chooseLayout(0, all, 'auto')).to.equal('table');
  });

  it('reads the page size, the sort and the filter attributes', () => {
    expect([
      effectivePageSize(20),
      effectivePageSize('12'),
      effectivePageSize(2),
      effectivePageSize(9999),
      effectivePageSize('x'),
      effectivePageSize(0),
    ]).to.deep.equal([20, 12, 5, 500, 20, 20]);
    expect(readSort('', undefined)).to.equal(undefined);
    expect(readSort('inconnu', 'ascending')).to.equal(undefined);
    expect(readSort(' Montant ', undefined)).to.deep.equal({ column: 'montant', direction: 'descending' });
    expect(readSort('nom', undefined)).to.deep.equal({ column: 'nom', direction: 'ascending' });
    expect(readSort('nom', 'descending')).to.deep.equal({ column: 'nom', direction: 'descending' });
    expect(nextSort(undefined, 'emplois')).to.equal('descending');
    expect(nextSort({ column: 'nom', direction: 'ascending' }, 'nom')).to.equal('descending');
    expect(nextSort({ column: 'nom', direction: 'descending' }, 'nom')).to.equal('ascending');
    expect(nextSort({ column: 'nom', direction: 'descending' }, 'commune')).to.equal('ascending');
    const f = readFilter(' atelier ', 'Coopératives, association', 'Auvergne-Rhône-Alpes', '42');
    expect(f).to.deep.equal({
      search: ' atelier ',
      statuts: ['association', 'cooperative'],
      region: '84',
      departement: '42',
    });
    expect(isFiltered(f)).to.equal(true);
    expect(isFiltered(readFilter('  ', '', 'Atlantide', ''))).to.equal(false);
    expect(queryFilterOf(f)).to.deep.equal({
      search: ' atelier ',
      statuts: ['association', 'cooperative'],
      regions: ['84'],
      departements: ['42'],
    });
    expect(queryFilterOf(readFilter('', '', '', ''))).to.deep.equal({
      search: '',
      statuts: [],
      regions: [],
      departements: [],
    });
  });

  it('asks the source for a page; one query key per set of rows shown, whatever the page', () => {
    const f = readFilter('Saint-Étienne', '', '', '');
    expect(queryKey(f, undefined, 'fr')).to.equal(queryKey(readFilter('saint etienne', '', '', ''), undefined, 'en'));
    expect(queryKey(f, { column: 'statut', direction: 'ascending' }, 'fr')).not.to.equal(
      queryKey(f, { column: 'statut', direction: 'ascending' }, 'en'),
    );
    expect(queryKey(f, { column: 'nom', direction: 'ascending' }, 'fr')).to.equal(
      queryKey(f, { column: 'nom', direction: 'ascending' }, 'en'),
    );
    expect(pageQuery(f, { column: 'lieu', direction: 'descending' }, 'en', 3, 20)).to.deep.equal({
      filter: { search: 'Saint-Étienne', statuts: [], regions: [], departements: [] },
      lang: 'en',
      sort: { column: 'departement', direction: 'descending' },
      offset: 40,
      limit: 20,
    });
    expect(pageQuery(f, undefined, 'fr')).to.deep.equal({
      filter: { search: 'Saint-Étienne', statuts: [], regions: [], departements: [] },
      lang: 'fr',
    });
    expect(pageOf(3, 44, 20)).to.deep.equal({ page: 3, pageCount: 3 });
    expect(pageOf(9, 44, 20)).to.deep.equal({ page: 3, pageCount: 3 });
    expect(pageOf(0.5, 0, 20)).to.deep.equal({ page: 1, pageCount: 1 });
    expect(pageOf(Number.NaN, 100, 20)).to.deep.equal({ page: 1, pageCount: 5 });
  });

  it('shows totals and rows as the list does: counts, highlights as text', () => {
    expect(listTotals(undefined)).to.deep.equal({ count: 0, montant: 0, emplois: 0, montantCount: 0, emploisCount: 0 });
    expect(
      listTotals({ laureats: 3, montant: 10, emplois: 2, missing: { laureats: 0, montant: 1, emplois: 2 } }),
    ).to.deep.equal({
      count: 3,
      montant: 10,
      emplois: 2,
      montantCount: 2,
      emploisCount: 1,
    });
    const rows: Laureate[] = [
      {
        nom: 'Atelier de Saint-Étienne',
        statut: 'cooperative',
        region: '84',
        departement: '42',
        projet: 'Économie circulaire',
      },
      { nom: 'Autre', statut: 'association' },
    ];
    const [a, b] = rowViews({ rows, ids: [7, 9] }, 'etienne eco');
    expect(a!.index).to.equal(7);
    expect(a!.nom).to.deep.equal([
      { text: 'Atelier de Saint-', match: false },
      { text: 'Étienne', match: true },
    ]);
    expect(a!.region).to.deep.equal([{ text: 'Auvergne-Rhône-Alpes', match: false }]);
    expect(a!.departement).to.deep.equal([{ text: 'Loire', match: false }]);
    expect(a!.projetMatch).to.equal(true);
    expect(b!.index).to.equal(9);
    expect(b!.commune).to.deep.equal([]);
    expect(b!.projetMatch).to.equal(false);
    // No search (spaces only): nothing marked.
    expect(rowViews({ rows, ids: [0, 1] }, '  ')[0]!.nom).to.deep.equal([
      { text: 'Atelier de Saint-Étienne', match: false },
    ]);
  });

  it('lists the filter choices the data has, in order', () => {
    const o = filterOptions(['entreprise', 'association', 'inconnu'], ['84', '11', '04'], ['69', '42', '75']);
    expect(o.statuts).to.deep.equal(['association', 'entreprise']);
    expect(o.regions.map((r) => r.code)).to.deep.equal(['84', '11', '04']);
    expect(o.regions.map((r) => r.name)).to.deep.equal(['Auvergne-Rhône-Alpes', 'Île-de-France', 'La Réunion']);
    expect(o.departements.map((d) => [d.code, d.region])).to.deep.equal([
      ['42', '84'],
      ['75', '11'],
      ['69', '84'],
    ]);
    expect(regionChoices(o.regions, '')).to.equal(o.regions);
    expect(regionChoices(o.regions, '53').map((r) => r.code)).to.deep.equal(['84', '11', '04', '53']);
    expect(departementChoices(o.departements, '84', '').map((d) => d.code)).to.deep.equal(['42', '69']);
    expect(departementChoices(o.departements, '84', '29').map((d) => d.code)).to.deep.equal(['42', '69', '29']);
  });

  it('exports with the headers of the language, and names the file after the filter', () => {
    const lm = listMessages('fr');
    const csv = toCsv(
      [{ nom: 'A', statut: 'cooperative', region: '84', departement: '42', montant: 1.5 }],
      csvColumns(lm, 'fr'),
      { separator: csvSeparator('tab'), bom: false },
    );
    expect(csv.split('\r\n')[1]).to.equal('A\tCoopérative\tAuvergne-Rhône-Alpes\t84\tLoire\t42\t\t\t\t1,5\t\t');
    expect([csvSeparator(','), csvSeparator('\t'), csvSeparator(';'), csvSeparator('x')]).to.deep.equal([
      ',',
      '\t',
      ';',
      ';',
    ]);
    expect(csvFilterLabel(readFilter('bois', 'association', '84', '42'), 'fr')).to.equal('Loire Associations bois');
    expect(csvFilterLabel(readFilter('', 'association cooperative fondation', '84', ''), 'fr')).to.equal(
      'Auvergne-Rhône-Alpes',
    );
  });
});

describe('laureate-list announcements', () => {
  it('says the count, the rows of the page, the sort', () => {
    const lm = listMessages('fr');
    const state = { count: 45, of: 100, page: 3, pages: 3, size: 20 };
    expect(announcementText(lm, 'count', state)).to.equal(lm.count(45, 100));
    expect(announcementText(lm, 'page', state)).to.equal(lm.pageStatus(3, 3, 41, 45));
    expect(announcementText(lm, 'sort', { ...state, sort: { column: 'montant', direction: 'descending' } })).to.equal(
      `${lm.count(45, 100)}, ${lm.sortedBy(lm.column.montant, 'descending', true)}`,
    );
    expect(announcementText(lm, 'sort', state)).to.equal(lm.count(45, 100));
  });
});
