import { expect } from '@open-wc/testing';
import { detectSeparator, parseInput } from './index.js';
import { groupTotals, totalOf } from '../aggregate.js';
import type { Dataset } from '../types.js';

function ok(input: unknown, format?: 'auto' | 'json' | 'csv' | 'ods'): Dataset {
  const r = parseInput(input, format ? { format } : {});
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.details}`);
  return r.dataset;
}

const OFFICIAL = [
  { statut: 'association', laureats: 31, montant: 13400000 },
  { statut: 'cooperative', laureats: 12, montant: 3200000 },
  { statut: 'fondation', laureats: 1, montant: 600000 },
];

describe('parseInput: JSON', () => {
  it('reads pre-aggregated rows by status (the official figures)', () => {
    const ds = ok(JSON.stringify(OFFICIAL));
    expect(ds.kind).to.equal('aggregates');
    expect(ds.format).to.equal('json');
    expect(ds.aggregates).to.deep.equal(OFFICIAL);
    const byStatus = groupTotals(ds, 'statut');
    expect(byStatus.get('association')?.montant).to.equal(13400000);
    expect(byStatus.get('cooperative')?.laureats).to.equal(12);
    expect(byStatus.get('fondation')?.montant).to.equal(600000);
    expect(ds.issues).to.deep.equal([]);
  });

  it('reads laureate rows, normalising statuses, places, amounts and jobs', () => {
    const ds = ok([
      {
        nom: 'Atelier fictif A',
        statut: 'Association loi 1901',
        region: 'AUVERGNE-RHÔNE-ALPES',
        departement: '69',
        montant: '1 250 000 €',
        emplois: '12',
      },
      { nom: 'Coop fictive B', statut: 'SCIC', departement: '974', montant: 350000, emplois: 4, siren: '123 456 789' },
    ]);
    expect(ds.kind).to.equal('laureates');
    expect(ds.laureates).to.deep.equal([
      {
        nom: 'Atelier fictif A',
        statut: 'association',
        statutLibelle: 'Association loi 1901',
        region: '84',
        departement: '69',
        montant: 1250000,
        emplois: 12,
      },
      {
        nom: 'Coop fictive B',
        statut: 'cooperative',
        statutLibelle: 'SCIC',
        region: '04',
        departement: '974',
        montant: 350000,
        emplois: 4,
        siren: '123456789',
      },
    ]);
  });

  it('unwraps {meta, laureats} and reads the metadata (fictitious flag, source, date)', () => {
    const ds = ok({
      meta: { source: 'Démo', updated: '2021-12-21', fictitious: true },
      laureats: [{ nom: 'X fictif', statut: 'fondation' }],
    });
    expect(ds.meta).to.deep.equal({ source: 'Démo', updated: '2021-12-21', fictitious: true });
    expect(ds.laureates).to.have.length(1);
  });

  it('reads the communiqué file: status totals and the list of régions with laureates', () => {
    const ds = ok({
      meta: { source: 'Ministère' },
      totaux: { laureats: 44 },
      statuts: OFFICIAL,
      regions: [{ region: '11' }, { region: '02' }],
    });
    expect(ds.kind).to.equal('aggregates');
    expect([...groupTotals(ds, 'statut').keys()]).to.deep.equal(['association', 'cooperative', 'fondation']);
    expect([...groupTotals(ds, 'region').keys()]).to.deep.equal(['11', '02']);
    expect(ds.declaredTotals).to.deep.equal({ laureats: 44 });
  });

  it('reports invalid JSON as a fatal error with the parser message', () => {
    const r = parseInput('[{"statut": "association",}]');
    expect(r.ok).to.equal(false);
    if (!r.ok) {
      expect(r.error.code).to.equal('invalid-json');
      expect(r.error.details).to.be.a('string').and.not.equal('');
    }
  });

  it('keeps valid rows and counts the ignored ones, per row and per field', () => {
    const ds = ok([
      { nom: 'Bon fictif', statut: 'association', montant: 1000 },
      { statut: 'association', montant: 2000 },
      { nom: '   ', montant: 3000 },
      42,
      { nom: 'Montant illisible fictif', statut: 'SCOP', montant: 'beaucoup', region: 'Atlantide', emplois: -3 },
    ]);
    expect(ds.laureates.map((l) => l.nom)).to.deep.equal(['Bon fictif', 'Montant illisible fictif']);
    expect(ds.rowCount).to.equal(5);
    expect(ds.ignoredCount).to.equal(3);
    const errors = ds.issues.filter((i) => i.level === 'error').map((i) => [i.row, i.code]);
    expect(errors).to.deep.equal([
      [2, 'missing-nom'],
      [3, 'missing-nom'],
      [4, 'not-an-object'],
    ]);
    const warnings = ds.issues.filter((i) => i.level === 'warning').map((i) => [i.row, i.field, i.code, i.value]);
    expect(warnings).to.deep.equal([
      [5, 'region', 'invalid-region', 'Atlantide'],
      [5, 'montant', 'invalid-montant', 'beaucoup'],
      [5, 'emplois', 'invalid-emplois', '-3'],
    ]);
    expect(ds.laureates[1]).to.deep.equal({
      nom: 'Montant illisible fictif',
      statut: 'cooperative',
      statutLibelle: 'SCOP',
    });
  });

  it('uses rows already in canonical form as they are (no copy), and still checks every other row', () => {
    const canonical = {
      nom: 'Fictif A',
      statut: 'association',
      region: '84',
      departement: '69',
      montant: 100,
      emplois: 2,
      siren: '990225362',
    };
    const untrimmed = { nom: ' Fictif B ', statut: 'association' };
    const mismatch = { nom: 'Fictif C', statut: 'fondation', region: '11', departement: '69' };
    const ds = ok([canonical, untrimmed, mismatch]);
    expect(ds.laureates[0]).to.equal(canonical);
    expect(ds.laureates[1]).not.to.equal(untrimmed);
    expect(ds.laureates[1]!.nom).to.equal('Fictif B');
    expect(ds.laureates[2]).to.deep.equal({ nom: 'Fictif C', statut: 'fondation', region: '84', departement: '69' });
    expect(ds.issues.map((i) => [i.row, i.code])).to.deep.equal([[3, 'region-mismatch']]);
  });

  it('uses the département’s région when the two disagree, and says so', () => {
    const ds = ok([{ nom: 'Fictif', region: '11', departement: '69' }]);
    expect(ds.laureates[0]?.region).to.equal('84');
    expect(ds.issues.map((i) => i.code)).to.deep.equal(['region-mismatch']);
  });

  it('fails clearly when nothing is usable', () => {
    for (const input of ['42', '"texte"', '{"a": 1}', 'true']) {
      const r = parseInput(input);
      expect(r.ok, input).to.equal(false);
      if (!r.ok) expect(r.error.code, input).to.equal('unusable');
    }
    const none = parseInput([{ statut: 'association', montant: 1 }, { nom: '' }]);
    expect(none.ok).to.equal(false);
    if (!none.ok) {
      expect(none.error.code).to.equal('no-valid-rows');
      expect(none.error.issues).to.have.length(2);
    }
  });

  it('treats empty input as an empty dataset, not an error', () => {
    expect(ok('').laureates).to.deep.equal([]);
    expect(ok('   ').rowCount).to.equal(0);
    expect(ok([]).rowCount).to.equal(0);
    expect(ok(null).rowCount).to.equal(0);
  });

  it('never throws, whatever the input', () => {
    const hostile: unknown[] = [
      Symbol('x'),
      () => 1,
      { laureats: 'pas un tableau' },
      [[1, 2], [null]],
      { __proto__: { nom: 'piège' } },
      '['.repeat(10000),
      [
        {
          nom: {
            toString: () => {
              throw new Error('boom');
            },
          },
        },
      ],
    ];
    for (const h of hostile) expect(() => parseInput(h)).not.to.throw();
  });
});

describe('parseInput: CSV', () => {
  it('detects the separator outside quotes', () => {
    expect(detectSeparator('a;b;c\n1;2;3')).to.equal(';');
    expect(detectSeparator('a,b,c\n1,2,3')).to.equal(',');
    expect(detectSeparator('"a;x",b,c\n')).to.equal(',');
    expect(detectSeparator('a\tb\tc\n')).to.equal('\t');
  });

  it('reads a French CSV with BOM, «;», quoted fields and amounts in words', () => {
    const csv =
      '\uFEFFNom;Statut;Région;Département;Commune;Territoire d’industrie;Projet;Montant (€);Emplois;SIREN\r\n' +
      'Atelier fictif n° 1;Association loi 1901;Auvergne-Rhône-Alpes;42;Saint-Étienne;TI fictif;"Projet ; avec ""guillemets""\r\net retour";1 250 000 €;12;990225362\r\n' +
      'Coop fictive;SCOP;Bretagne;29;Quimper;;;"1,25 M€";3;\r\n';
    const ds = ok(csv);
    expect(ds.format).to.equal('csv');
    expect(ds.laureates).to.deep.equal([
      {
        nom: 'Atelier fictif n° 1',
        statut: 'association',
        statutLibelle: 'Association loi 1901',
        region: '84',
        departement: '42',
        commune: 'Saint-Étienne',
        territoire: 'TI fictif',
        projet: 'Projet ; avec "guillemets"\r\net retour',
        montant: 1250000,
        emplois: 12,
        siren: '990225362',
      },
      {
        nom: 'Coop fictive',
        statut: 'cooperative',
        statutLibelle: 'SCOP',
        region: '53',
        departement: '29',
        commune: 'Quimper',
        montant: 1250000,
        emplois: 3,
      },
    ]);
  });

  it('reads a comma CSV without BOM, skipping blank lines', () => {
    const ds = ok('nom,statut,montant\nA fictif,coopérative,100\n\nB fictif,fondation,200\n');
    expect(ds.laureates.map((l) => [l.nom, l.statut, l.montant])).to.deep.equal([
      ['A fictif', 'cooperative', 100],
      ['B fictif', 'fondation', 200],
    ]);
  });

  it('reports extra columns and keeps the row', () => {
    const ds = ok('nom;statut\nA fictif;association;en trop\n');
    expect(ds.laureates).to.have.length(1);
    expect(ds.issues.map((i) => i.code)).to.deep.equal(['extra-columns']);
  });

  it('refuses text that has no usable header', () => {
    const r = parseInput('juste une phrase', { format: 'csv' });
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.error.code).to.equal('invalid-csv');
  });

  it('reads aggregates from CSV', () => {
    const ds = ok('statut;laureats;montant\nassociation;31;13,4 M€\ncooperative;12;3,2 M€\nfondation;1;0,6 M€\n');
    expect(ds.kind).to.equal('aggregates');
    expect(ds.aggregates.map((a) => a.montant)).to.deep.equal([13400000, 3200000, 600000]);
  });
});

describe('parseInput: Opendatasoft export of « plan-de-relance »', () => {
  const header =
    'entreprise;type_entreprise;siren;volet_relance;mesure;nom_departement;nom_commune;code_postal;coordonnees_gps;description_projet;mesure_light;mise_a_jour;filiere;tonnes_equivalent_co2_pour_les_projets_decarbonation;code_departement;nom_region;montant_investissement;montant_participation_etat';
  const rows = [
    "ENTREPRISE FICTIVE A;TPE / PME;990225362;Compétitivité;Soutien à l'investissement industriel dans les territoires;Rhône;Lyon;69001;45.76, 4.83;Modernisation fictive;Projets territoriaux;2022-04-08;Agroalimentaire;;69;AUVERGNE-RHÔNE-ALPES;2000000;400000",
    "ASSOCIATION FICTIVE B;Association;;Cohésion;Soutien à l'investissement industriel dans les territoires;La Réunion;Saint-Denis;97400;-20.88, 55.45;Atelier fictif;Projets territoriaux;2022-04-08;;;974;LA RÉUNION;500000;",
    'SOCIÉTÉ FICTIVE C;GE;;Compétitivité;Autre mesure;;Nouméa;98800;;Projet fictif;Autre;2022-04-08;;;988;NOUVELLE-CALÉDONIE;;',
  ];

  it('detects the export and maps its fields (state support, not investment)', () => {
    const ds = ok([header, ...rows].join('\n'));
    expect(ds.format).to.equal('ods');
    expect(ds.laureates[0]).to.deep.equal({
      nom: 'ENTREPRISE FICTIVE A',
      statut: 'entreprise',
      statutLibelle: 'TPE / PME',
      region: '84',
      departement: '69',
      commune: 'Lyon',
      projet: 'Modernisation fictive',
      montant: 400000,
      siren: '990225362',
    });
    expect(ds.laureates[1]).to.include({ statut: 'association', region: '04', departement: '974' });
    expect(ds.laureates[1]).not.to.have.property('montant');
    // A collectivity outside the régions keeps its row; its place is reported as unreadable.
    expect(ds.laureates[2]).to.include({ nom: 'SOCIÉTÉ FICTIVE C', commune: 'Nouméa' });
    expect(ds.laureates[2]).not.to.have.property('region');
    expect(ds.issues.filter((i) => i.row === 3).map((i) => i.code)).to.deep.equal([
      'invalid-departement',
      'invalid-region',
    ]);
  });

  it('reads the JSON API shapes (v2.1 `results`, v1 `records[].fields`) and `format="ods"`', () => {
    const record = {
      entreprise: 'FICTIVE',
      type_entreprise: 'ETI',
      nom_region: 'BRETAGNE',
      code_departement: '29',
      montant_participation_etat: 1000,
    };
    const v21 = ok({ total_count: 1, results: [record] });
    expect(v21.format).to.equal('ods');
    expect(v21.laureates[0]).to.include({ nom: 'FICTIVE', statut: 'entreprise', region: '53', montant: 1000 });
    const v1 = ok({ records: [{ recordid: 'x', fields: record }] }, 'ods');
    expect(v1.laureates[0]).to.include({ nom: 'FICTIVE', departement: '29' });
  });
});

describe('aggregates', () => {
  it('totals laureates and counts missing values', () => {
    const t = totalOf([
      { nom: 'a', statut: 'association', montant: 10, emplois: 1 },
      { nom: 'b', statut: 'association' },
    ]);
    expect(t).to.deep.equal({ laureats: 2, montant: 10, emplois: 1, missing: { laureats: 0, montant: 1, emplois: 1 } });
  });
});
