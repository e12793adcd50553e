import { expect } from '@open-wc/testing';
import type { Laureate } from '../model/types.js';
import type { CsvColumn } from './csv-export.js';
import { csvFileName, slugify, toCsv } from './csv-export.js';

const row = (nom: string, extra: Partial<Laureate> = {}): Laureate => ({ nom, statut: 'entreprise', ...extra });

describe('query/csv-export: CSV export', () => {
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
    expect(csvFileName('Lauréats France Relance', new Date(2021, 0, 5), '  ')).to.equal(
      'laureats-france-relance-2021-01-05.csv',
    );
    expect(slugify('Côte-d’Or / Œuvres « 2021 »')).to.equal('cote-d-or-oeuvres-2021');
  });
});
