/**
 * Hostile and broken inputs: hand-written and generated cases, each with a name, a category, the input (text, or a
 * value for the `.data` property) and what is expected: a fatal error code, or the number of valid rows kept and of
 * rows ignored. `test/hardening/corpus.test.ts` runs every case through the parser, and through every widget and every
 * input channel (attribute, property, JSON/CSV script child, `src`).
 *
 * All names are fictitious.
 */

export const CATEGORIES = [
  'malformed-json',
  'wrong-types',
  'missing-extra-fields',
  'empty',
  'amounts',
  'duplicates',
  'unknown-territory',
  'unknown-status',
  'nested-long',
  'large',
  'csv-broken',
  'encoding',
  'payload',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Expectation =
  /** Nothing usable: the widget shows the message of this error code. */
  | { error: string }
  /** `rows` valid rows kept (laureates or aggregates), `ignored` rows ignored. */
  | { rows: number; ignored: number; kind?: 'laureates' | 'aggregates'; montant?: number };

export interface HardeningCase {
  name: string;
  category: Category;
  /** The input as text, for every channel (the `.data` property gets the parsed JSON value when it is JSON). */
  text?: string;
  /** The input as a value, for the `.data` property only (NaN, Infinity, cyclic or deeply nested objects…). */
  value?: unknown;
  /** Bytes served by `src` when they are not the UTF-8 encoding of `text` (encodings). */
  bytes?: Uint8Array;
  /** Script child type and `src` content type. */
  type: 'json' | 'csv';
  expect: Expectation;
  /** Names of the valid rows, in data order. */
  names?: string[];
  /** Texts that the list must show literally (payloads). */
  visible?: string[];
  /** About 10 MB: every channel on the list, one channel on the other widgets. */
  heavy?: boolean;
}

/** Issue codes the corpus expects in the parser's result, by case name (checked by the parser test). */
export const EXPECTED_CODES: Record<string, string[]> = {};

const cases: HardeningCase[] = [];
function add(c: HardeningCase, codes?: string[]): void {
  if (cases.some((x) => x.name === c.name)) throw new Error(`duplicate case name ${c.name}`);
  cases.push(c);
  if (codes) EXPECTED_CODES[c.name] = codes;
}
const json = (v: unknown): string => JSON.stringify(v);

/** Valid rows, used around the broken ones. */
const A = {
  nom: 'Atelier Fictif A',
  statut: 'association',
  region: '84',
  departement: '69',
  commune: 'Lyon',
  territoire: 'Lyon Nord',
  projet: 'Un projet fictif',
  montant: 1000,
  emplois: 1,
  siren: '100000001',
};
const B = {
  nom: 'Coopérative Fictive B',
  statut: 'cooperative',
  region: '04',
  departement: '974',
  commune: 'Saint-Denis',
  montant: 2000,
  emplois: 2,
};
const C = {
  nom: 'Fondation Fictive C',
  statut: 'fondation',
  region: '11',
  departement: '75',
  montant: 3000,
  emplois: 3,
};
const VALID = [A, B, C];
const NAMES = VALID.map((r) => r.nom);
const CSV_HEAD = 'nom;statut;region;departement;commune;montant;emplois';
const csvLine = (r: Record<string, unknown>): string =>
  ['nom', 'statut', 'region', 'departement', 'commune', 'montant', 'emplois']
    .map((k) => (r[k] === undefined ? '' : String(r[k])))
    .join(';');
const CSV_VALID = VALID.map(csvLine);

// ---------------------------------------------------------------------------------------------------------------
// Malformed JSON (hand-written): every one is a fatal `invalid-json`, with a message and nothing else.

const malformed: [string, string][] = [
  ['unclosed array', '[{"nom":"Fictif"}'],
  ['unclosed object', '{"laureats":[{"nom":"Fictif"}]'],
  ['trailing comma', '[{"nom":"Fictif"},]'],
  ['single quotes', "[{'nom':'Fictif'}]"],
  ['unquoted keys', '[{nom:"Fictif"}]'],
  ['comments', '[/* commentaire */ {"nom":"Fictif"}]'],
  ['NaN literal', '[{"nom":"Fictif","montant":NaN}]'],
  ['Infinity literal', '[{"nom":"Fictif","montant":Infinity}]'],
  ['undefined literal', '[{"nom":"Fictif","montant":undefined}]'],
  ['two documents', '[{"nom":"Fictif"}][{"nom":"Autre"}]'],
  ['cut in a string', '[{"nom":"Fict'],
  ['cut after a key', '{"laureats":[{"nom":'],
  ['raw newline in a string', '[{"nom":"Fic\ntif"}]'],
  ['bad escape', '[{"nom":"Fic\\xtif"}]'],
  ['lone bracket', '['],
  ['lone brace', '{'],
  ['mismatched brackets', '[}'],
  ['JavaScript object', '[{nom: "Fictif", montant: 1e3,}]'],
  ['HTML after a bracket', '[<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>'],
  ['JSON with BOM then garbage', '\uFEFF{"laureats": [1, 2,, 3]}'],
  ['missing comma', '[{"nom":"A"} {"nom":"B"}]'],
  ['hex number', '[{"nom":"Fictif","montant":0x10}]'],
  ['leading zero', '[{"nom":"Fictif","montant":0123}]'],
  ['control character', '[{"nom":"Fic\u0001tif"}]'],
];
for (const [name, text] of malformed)
  add({
    name: `malformed JSON: ${name}`,
    category: 'malformed-json',
    text,
    type: 'json',
    expect: { error: 'invalid-json' },
  });

// ---------------------------------------------------------------------------------------------------------------
// Wrong types (generated): each field of the middle row gets a value of the wrong type. A row without a usable name
// is ignored; any other unreadable value is dropped from its row, which is kept.

const WRONG: [string, string][] = [
  ['true', 'true'],
  ['false', 'false'],
  ['null', 'null'],
  ['empty array', '[]'],
  ['array', '[1,2]'],
  ['object', '{"a":1}'],
  ['empty string', '""'],
  ['blank string', '"   "'],
  ['overflowing number', '1e400'],
];
const MIDDLE: Record<string, unknown> = {
  nom: 'Milieu Fictif',
  statut: 'association',
  region: '84',
  departement: '69',
  commune: 'Lyon',
  territoire: 'T',
  projet: 'P',
  montant: 5,
  emplois: 1,
  siren: '100000002',
};
const FIELDS = [
  'nom',
  'statut',
  'region',
  'departement',
  'commune',
  'territoire',
  'projet',
  'montant',
  'emplois',
  'siren',
];
for (const field of FIELDS) {
  for (const [label, literal] of WRONG) {
    const row = `{${FIELDS.map((f) => `"${f}":${f === field ? literal : json(MIDDLE[f])}`).join(',')}}`;
    const text = `[${json(A)},${row},${json(C)}]`;
    const nomLost = field === 'nom';
    add({
      name: `wrong type: ${field} = ${label}`,
      category: 'wrong-types',
      text,
      type: 'json',
      expect: { rows: nomLost ? 2 : 3, ignored: nomLost ? 1 : 0, kind: 'laureates' },
      names: nomLost ? [A.nom, C.nom] : [A.nom, 'Milieu Fictif', C.nom],
    });
  }
}
// Rows that are not records.
for (const [label, literal] of [
  ['number', '42'],
  ['string', '"Fictif"'],
  ['null', 'null'],
  ['array', '[1]'],
  ['nested array', '[[{"nom":"Caché"}]]'],
  ['boolean', 'true'],
] as const) {
  add({
    name: `wrong type: row is ${label}`,
    category: 'wrong-types',
    text: `[${json(A)},${literal},${json(C)}]`,
    type: 'json',
    expect: { rows: 2, ignored: 1, kind: 'laureates' },
    names: [A.nom, C.nom],
  });
}
// The whole input of the wrong type.
for (const [label, text] of [
  ['number', '42'],
  ['string', '"des lauréats"'],
  ['boolean', 'false'],
  ['object without rows', '{"a":1,"b":[1,2]}'],
  ['rows not an array', '{"laureats":{"nom":"Fictif"}}'],
] as const) {
  add({
    name: `wrong type: input is ${label}`,
    category: 'wrong-types',
    text,
    type: 'json',
    expect: { error: 'unusable' },
  });
}
add({
  name: 'wrong type: every row invalid',
  category: 'wrong-types',
  text: '[1, "x", {"statut":"association"}, {"nom":""}]',
  type: 'json',
  expect: { error: 'no-valid-rows' },
});

// ---------------------------------------------------------------------------------------------------------------
// Missing and extra fields.

add({
  name: 'missing: name only',
  category: 'missing-extra-fields',
  text: json([{ nom: 'Seul Nom Fictif' }]),
  type: 'json',
  expect: { rows: 1, ignored: 0 },
  names: ['Seul Nom Fictif'],
});
add({
  name: 'missing: name in the middle row',
  category: 'missing-extra-fields',
  text: json([A, { statut: 'association', montant: 5 }, C]),
  type: 'json',
  expect: { rows: 2, ignored: 1 },
  names: [A.nom, C.nom],
});
add({
  name: 'missing: name column in CSV, one row',
  category: 'missing-extra-fields',
  text: `${CSV_HEAD}\n${CSV_VALID[0]}\n;association;84;69;Lyon;5;1\n${CSV_VALID[2]}\n`,
  type: 'csv',
  expect: { rows: 2, ignored: 1 },
  names: [A.nom, C.nom],
});
add({
  name: 'missing: cells at the end of CSV rows',
  category: 'missing-extra-fields',
  text: `${CSV_HEAD}\nCourt Fictif;association\n${CSV_VALID[1]}\n`,
  type: 'csv',
  expect: { rows: 2, ignored: 0 },
  names: ['Court Fictif', B.nom],
});
add({
  name: 'extra: unknown fields',
  category: 'missing-extra-fields',
  text: json(VALID.map((r, i) => ({ ...r, inconnu: i, autre_champ: { x: [1] }, 'Champ avec espaces': 'x' }))),
  type: 'json',
  expect: { rows: 3, ignored: 0, montant: 6000 },
  names: NAMES,
});
add({
  name: 'extra: 2 000 unknown fields in a row',
  category: 'missing-extra-fields',
  text: json([{ ...A, ...Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`champ_${i}`, i])) }, B]),
  type: 'json',
  expect: { rows: 2, ignored: 0 },
  names: [A.nom, B.nom],
});
add({
  name: 'extra: two columns for the name (the first alias wins)',
  category: 'missing-extra-fields',
  text: json([{ nom: 'Par Nom Fictif', 'Raison sociale': 'Par Raison Fictive' }]),
  type: 'json',
  expect: { rows: 1, ignored: 0 },
  names: ['Par Nom Fictif'],
});
add({
  name: 'extra: prototype keys',
  category: 'missing-extra-fields',
  text: '[{"nom":"Proto Fictif","__proto__":{"pwned":1},"constructor":{"prototype":{"pwned":1}},"toString":"x","hasOwnProperty":1}]',
  type: 'json',
  expect: { rows: 1, ignored: 0 },
  names: ['Proto Fictif'],
});
add({
  name: 'extra: prototype columns in CSV',
  category: 'missing-extra-fields',
  text: 'nom;__proto__;constructor;toString\nProto CSV Fictif;x;y;z\n',
  type: 'csv',
  expect: { rows: 1, ignored: 0 },
  names: ['Proto CSV Fictif'],
});
add({
  name: 'extra: numeric keys',
  category: 'missing-extra-fields',
  text: '[{"0":"a","1":"b","nom":"Clés Fictives","99999999999":1}]',
  type: 'json',
  expect: { rows: 1, ignored: 0 },
  names: ['Clés Fictives'],
});
add(
  {
    name: 'extra: CSV cells beyond the header',
    category: 'missing-extra-fields',
    text: `${CSV_HEAD}\n${CSV_VALID[0]};en trop;encore\n${CSV_VALID[1]}\n`,
    type: 'csv',
    expect: { rows: 2, ignored: 0 },
    names: [A.nom, B.nom],
  },
  ['extra-columns'],
);
add({
  name: 'extra: empty and duplicated header cells',
  category: 'missing-extra-fields',
  text: 'nom;;nom;statut;\nEn-tête Fictif;x;Autre;association;y\n',
  type: 'csv',
  expect: { rows: 1, ignored: 0 },
  names: ['En-tête Fictif'],
});
add({
  name: 'extra: metadata with wrong types',
  category: 'missing-extra-fields',
  text: json({
    meta: { source: 42, sourceUrl: ['x'], updated: { y: 1 }, fictitious: 'oui', title: null },
    laureats: VALID,
  }),
  type: 'json',
  expect: { rows: 3, ignored: 0 },
  names: NAMES,
});
add({
  name: 'extra: totals with wrong types',
  category: 'missing-extra-fields',
  text: json({ totaux: { laureats: 'beaucoup', montant: -5, emplois: [1] }, laureats: VALID }),
  type: 'json',
  expect: { rows: 3, ignored: 0 },
  names: NAMES,
});
add({
  name: 'extra: aggregates without a category',
  category: 'missing-extra-fields',
  text: json({
    statuts: [
      { statut: 'association', laureats: 3 },
      { laureats: 4, montant: 5 },
    ],
  }),
  type: 'json',
  expect: { rows: 1, ignored: 1, kind: 'aggregates' },
});
add({
  name: 'extra: Opendatasoft records with broken fields',
  category: 'missing-extra-fields',
  text: json({
    records: [
      {
        fields: {
          entreprise: 'ODS Fictif',
          type_entreprise: 'ETI',
          nom_region: 'BRETAGNE',
          code_departement: '29',
          montant_participation_etat: 'x',
        },
      },
      { fields: null },
      { nofields: 1 },
    ],
  }),
  type: 'json',
  expect: { rows: 1, ignored: 2 },
  names: ['ODS Fictif'],
});

// ---------------------------------------------------------------------------------------------------------------
// Empty inputs: an empty dataset (« Aucune donnée à afficher. »), or a clear error.

const emptyOk: [string, string, 'json' | 'csv'][] = [
  ['empty string', '', 'json'],
  ['spaces', '   ', 'json'],
  ['line breaks', '\n\r\n\t', 'json'],
  ['BOM only', '\uFEFF', 'json'],
  ['empty array', '[]', 'json'],
  ['empty array with BOM', '\uFEFF[ ]', 'json'],
  ['empty rows', '{"laureats": []}', 'json'],
  ['empty aggregates', '{"statuts": []}', 'json'],
  ['CSV header only', 'nom;statut;montant\n', 'csv'],
  ['CSV header and blank lines', 'nom;statut;montant\n\n;;\n\n', 'csv'],
];
for (const [name, text, type] of emptyOk)
  add({ name: `empty: ${name}`, category: 'empty', text, type, expect: { rows: 0, ignored: 0 } });
const emptyErrors: [string, string, string][] = [
  ['empty object', '{}', 'unusable'],
  ['null', 'null', 'unusable'],
  ['array of an empty object', '[{}]', 'unusable'],
  ['array of nulls', '[null, null]', 'unusable'],
  ['array of empty arrays', '[[], []]', 'unusable'],
  ['empty quoted string', '""', 'unusable'],
  ['only empty names', '[{"nom":""},{"nom":"  "},{"nom":null}]', 'no-valid-rows'],
  ['one unknown word', 'bonjour', 'invalid-csv'],
];
for (const [name, text, error] of emptyErrors)
  add({
    name: `empty: ${name}`,
    category: 'empty',
    text,
    type: error === 'invalid-csv' ? 'csv' : 'json',
    expect: { error },
  });

// ---------------------------------------------------------------------------------------------------------------
// Amounts (generated): the middle row's amount; an unreadable or impossible one is dropped (the row is kept).

const AMOUNTS: [string, string, number | undefined][] = [
  ['negative', '-1000', undefined],
  ['negative cents', '-0.01', undefined],
  ['negative text', '"-5 000 €"', undefined],
  ['minus sign', '"−5000"', undefined],
  ['overflow', '1e400', undefined],
  ['huge', '1e16', undefined],
  ['huge text', '"9999999999999999999999"', undefined],
  ['many digits', `"${'9'.repeat(300)}"`, undefined],
  ['exponent text', '"1e5"', undefined],
  ['hex text', '"0x10"', undefined],
  ['NaN text', '"NaN"', undefined],
  ['Infinity text', '"Infinity"', undefined],
  ['words', '"beaucoup"', undefined],
  ['currency only', '"€"', undefined],
  ['two numbers', '"12 et 13"', undefined],
  ['double minus', '"--5"', undefined],
  ['arabic digits', '"١٢٣"', undefined],
  ['zero', '0', 0],
  ['french thousands', '"1 250 000 €"', 1250000],
  ['millions', '"1,25 M€"', 1250000],
  ['thousands', '"850 k€"', 850000],
  ['plus sign', '"+500"', 500],
  ['max', '1e15', 1e15],
  ['cents', '12.345', 12.345],
  ['string with spaces', '"  42  "', 42],
];
for (const [label, literal, parsed] of AMOUNTS) {
  add(
    {
      name: `amount: ${label}`,
      category: 'amounts',
      text: `[${json(A)},{"nom":"Montant Fictif","statut":"association","montant":${literal}},${json(C)}]`,
      type: 'json',
      expect: { rows: 3, ignored: 0, montant: 4000 + (parsed ?? 0) },
      names: [A.nom, 'Montant Fictif', C.nom],
    },
    parsed === undefined ? ['invalid-montant'] : [],
  );
}
const JOBS: [string, string, boolean][] = [
  ['negative jobs', '-3', false],
  ['fractional jobs', '2.5', false],
  ['huge jobs', '1e13', false],
  ['jobs in words', '"douze"', false],
  ['long jobs text', `"${'a'.repeat(20000)}1"`, false],
  ['jobs with unit', '"12 emplois"', true],
];
for (const [label, literal, valid] of JOBS) {
  add(
    {
      name: `amount: ${label}`,
      category: 'amounts',
      text: `[${json(A)},{"nom":"Emplois Fictifs","emplois":${literal}},${json(C)}]`,
      type: 'json',
      expect: { rows: 3, ignored: 0 },
      names: [A.nom, 'Emplois Fictifs', C.nom],
    },
    valid ? [] : ['invalid-emplois'],
  );
}
add(
  {
    name: 'amount: aggregates with negative and huge counts',
    category: 'amounts',
    text: json([
      { statut: 'association', laureats: -3, montant: 1e300 },
      { statut: 'cooperative', laureats: 2, montant: 100 },
    ]),
    type: 'json',
    expect: { rows: 2, ignored: 0, kind: 'aggregates' },
  },
  ['invalid-laureats', 'invalid-montant'],
);
add(
  {
    name: 'amount: CSV amounts with mixed separators',
    category: 'amounts',
    text: 'nom;montant\nUn Fictif;1.250.000,50\nDeux Fictif;"1,250,000.50"\nTrois Fictif;1 250 000,50 €\nQuatre Fictif;-1\n',
    type: 'csv',
    expect: { rows: 4, ignored: 0, montant: 3 * 1250000.5 },
  },
  ['invalid-montant'],
);

// ---------------------------------------------------------------------------------------------------------------
// Duplicate laureates. Rule: the same row twice (every field equal) is a copy, ignored and reported; two different
// rows with the same name and SIREN are both kept (two projects) and reported; homonyms without SIREN are neither.

add(
  {
    name: 'duplicate: same row twice',
    category: 'duplicates',
    text: json([A, B, A, C]),
    type: 'json',
    expect: { rows: 3, ignored: 1, montant: 6000 },
    names: NAMES,
  },
  ['duplicate'],
);
add(
  {
    name: 'duplicate: same row five times',
    category: 'duplicates',
    text: json([A, A, A, A, A]),
    type: 'json',
    expect: { rows: 1, ignored: 4, montant: 1000 },
    names: [A.nom],
  },
  ['duplicate', 'duplicate', 'duplicate', 'duplicate'],
);
add(
  {
    name: 'duplicate: same row, keys in another order',
    category: 'duplicates',
    text: json([
      A,
      {
        siren: A.siren,
        emplois: A.emplois,
        montant: A.montant,
        projet: A.projet,
        territoire: A.territoire,
        commune: A.commune,
        departement: A.departement,
        region: A.region,
        statut: A.statut,
        nom: A.nom,
      },
    ]),
    type: 'json',
    expect: { rows: 1, ignored: 1 },
    names: [A.nom],
  },
  ['duplicate'],
);
add(
  {
    name: 'duplicate: same row written differently (amount as text, status label)',
    category: 'duplicates',
    text: json([A, { ...A, montant: '1 000 €', statut: 'association', region: 'Auvergne-Rhône-Alpes' }]),
    type: 'json',
    expect: { rows: 1, ignored: 1 },
    names: [A.nom],
  },
  ['duplicate'],
);
add(
  {
    name: 'duplicate: same name and SIREN, another amount (two projects)',
    category: 'duplicates',
    text: json([A, { ...A, montant: 5000, projet: 'Un second projet fictif' }]),
    type: 'json',
    expect: { rows: 2, ignored: 0, montant: 6000 },
    names: [A.nom, A.nom],
  },
  ['duplicate'],
);
add(
  {
    name: 'duplicate: homonyms without SIREN',
    category: 'duplicates',
    text: json([
      { nom: 'Homonyme Fictif', commune: 'Lyon' },
      { nom: 'Homonyme Fictif', commune: 'Brest' },
    ]),
    type: 'json',
    expect: { rows: 2, ignored: 0 },
    names: ['Homonyme Fictif', 'Homonyme Fictif'],
  },
  [],
);
add(
  {
    name: 'duplicate: CSV line twice',
    category: 'duplicates',
    text: `${CSV_HEAD}\n${CSV_VALID[0]}\n${CSV_VALID[1]}\n${CSV_VALID[0]}\n`,
    type: 'csv',
    expect: { rows: 2, ignored: 1 },
    names: [A.nom, B.nom],
  },
  ['duplicate'],
);
add(
  {
    name: 'duplicate: aggregate row twice',
    category: 'duplicates',
    text: json([
      { statut: 'association', laureats: 31, montant: 13400000 },
      { statut: 'association', laureats: 31, montant: 13400000 },
      { statut: 'fondation', laureats: 1, montant: 600000 },
    ]),
    type: 'json',
    expect: { rows: 2, ignored: 1, kind: 'aggregates' },
  },
  ['duplicate'],
);
add({
  name: 'duplicate: 500 copies among 500 rows',
  category: 'duplicates',
  text: json(Array.from({ length: 1000 }, (_, i) => ({ nom: `Copie Fictive ${i % 500}`, montant: i % 500 }))),
  type: 'json',
  expect: { rows: 500, ignored: 500 },
});

// ---------------------------------------------------------------------------------------------------------------
// Unknown région and département codes: the value is dropped (the row is kept), a mismatch is corrected.

const REGIONS_BAD = [
  '99',
  '00',
  '5',
  '-1',
  'Atlantide',
  'FR-XXX',
  'Région',
  '84.0',
  '8 4',
  '2A',
  '974',
  'Auvergne Rhône',
  'Paris',
];
for (const r of REGIONS_BAD) {
  add(
    {
      name: `unknown région: ${r}`,
      category: 'unknown-territory',
      text: json([A, { nom: 'Région Fictive', region: r }, C]),
      type: 'json',
      expect: { rows: 3, ignored: 0 },
      names: [A.nom, 'Région Fictive', C.nom],
    },
    ['invalid-region'],
  );
}
const DEPS_BAD = ['20', '2C', '00', '975', '977', '100', '999', 'Seine-et-Oise', 'Rhône-Alpes', '69.5', '-69'];
for (const d of DEPS_BAD) {
  add(
    {
      name: `unknown département: ${d}`,
      category: 'unknown-territory',
      text: json([A, { nom: 'Département Fictif', departement: d }, C]),
      type: 'json',
      expect: { rows: 3, ignored: 0 },
      names: [A.nom, 'Département Fictif', C.nom],
    },
    ['invalid-departement'],
  );
}
add(
  {
    name: 'unknown territory: région and département disagree',
    category: 'unknown-territory',
    text: json([{ nom: 'Désaccord Fictif', region: '11', departement: '69' }]),
    type: 'json',
    expect: { rows: 1, ignored: 0 },
  },
  ['region-mismatch'],
);
add(
  {
    name: 'unknown territory: numeric codes',
    category: 'unknown-territory',
    text: json([
      { nom: 'Codes Numériques Fictifs', region: 84, departement: 1 },
      { nom: 'Code Négatif Fictif', region: -84, departement: 0 },
    ]),
    type: 'json',
    expect: { rows: 2, ignored: 0 },
  },
  ['invalid-departement', 'invalid-region'],
);
add({
  name: 'unknown territory: aggregates by unknown régions only',
  category: 'unknown-territory',
  text: json([
    { region: '99', laureats: 3 },
    { region: 'Atlantide', laureats: 2 },
  ]),
  type: 'json',
  expect: { error: 'unusable' },
});
add({
  name: 'unknown territory: map values keyed by unknown codes',
  category: 'unknown-territory',
  text: json({ '84': 3, '99': 2 }),
  type: 'json',
  expect: { error: 'unusable' },
});

// ---------------------------------------------------------------------------------------------------------------
// Unknown statuses: anything that is not recognised is « autre » (the label is kept); a non-text status is dropped.

const STATUTS_BAD: [string, string, boolean][] = [
  ['unknown word', '"Kolkhoze"', true],
  ['number', '42', false],
  ['punctuation', '"???"', false],
  ['emoji', '"🏭"', false],
  ['very long label', `"${'Statut '.repeat(2000)}"`, true],
  ['markup', '"<b>Association</b>"', true],
  ['object', '{"statut":"association"}', false],
  ['canonical in capitals', '"ASSOCIATION"', true],
];
for (const [label, literal, kept] of STATUTS_BAD) {
  add(
    {
      name: `unknown status: ${label}`,
      category: 'unknown-status',
      text: `[${json(A)},{"nom":"Statut Fictif","statut":${literal}},${json(C)}]`,
      type: 'json',
      expect: { rows: 3, ignored: 0 },
      names: [A.nom, 'Statut Fictif', C.nom],
    },
    kept ? [] : ['invalid-statut'],
  );
}
add({
  name: 'unknown status: aggregates by unknown statuses',
  category: 'unknown-status',
  text: json([
    { statut: 'Kolkhoze', laureats: 2, montant: 10 },
    { statut: 'Phalanstère', laureats: 1, montant: 5 },
  ]),
  type: 'json',
  expect: { rows: 2, ignored: 0, kind: 'aggregates' },
});

// ---------------------------------------------------------------------------------------------------------------
// Deeply nested and very long values.

const deep = (n: number, inner = '1'): string => '['.repeat(n) + inner + ']'.repeat(n);
const deepObject = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
add({
  name: 'nested: 100 000 levels as the whole input',
  category: 'nested-long',
  text: deep(100000),
  type: 'json',
  expect: { error: 'unusable' },
});
add({
  name: 'nested: 100 000 levels as a row',
  category: 'nested-long',
  text: `[${json(A)},${deep(100000)},${json(C)}]`,
  type: 'json',
  expect: { rows: 2, ignored: 1 },
  names: [A.nom, C.nom],
});
add({
  name: 'nested: 50 000 levels as a name',
  category: 'nested-long',
  text: `[${json(A)},{"nom":${deep(50000)}},${json(C)}]`,
  type: 'json',
  expect: { rows: 2, ignored: 1 },
  names: [A.nom, C.nom],
});
add(
  {
    name: 'nested: 50 000 object levels as a commune',
    category: 'nested-long',
    text: `[${json(A)},{"nom":"Profond Fictif","commune":${deepObject(50000)}},${json(C)}]`,
    type: 'json',
    expect: { rows: 3, ignored: 0 },
    names: [A.nom, 'Profond Fictif', C.nom],
  },
  ['invalid-commune'],
);
add({
  name: 'nested: 50 000 levels as meta',
  category: 'nested-long',
  text: `{"meta":${deepObject(50000)},"laureats":${json(VALID)}}`,
  type: 'json',
  expect: { rows: 3, ignored: 0 },
  names: NAMES,
});
add({
  name: 'nested: rows wrapped twice',
  category: 'nested-long',
  text: json({ laureats: { laureats: VALID } }),
  type: 'json',
  expect: { error: 'unusable' },
});
const long = (n: number, unit = 'x'): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
add(
  {
    name: 'long: 1 MB name',
    category: 'nested-long',
    text: json([A, { nom: `Long Fictif ${long(1_000_000)}` }]),
    type: 'json',
    expect: { rows: 2, ignored: 0 },
  },
  ['text-truncated'],
);
add(
  {
    name: 'long: 1 MB project',
    category: 'nested-long',
    text: json([{ ...A, projet: long(1_000_000, 'projet ') }]),
    type: 'json',
    expect: { rows: 1, ignored: 0 },
    names: [A.nom],
  },
  ['text-truncated'],
);
add(
  {
    name: 'long: 1 MB région, département, status and SIREN',
    category: 'nested-long',
    text: json([
      {
        nom: 'Champs Longs Fictifs',
        region: long(1_000_000, 'é'),
        departement: long(1_000_000, 'Rhône'),
        statut: long(1_000_000, 'association '),
        siren: long(1_000_000, ' ') + '1',
      },
    ]),
    type: 'json',
    expect: { rows: 1, ignored: 0 },
  },
  ['invalid-region', 'invalid-departement', 'invalid-siren'],
);
add(
  {
    name: 'long: 1 MB amount',
    category: 'nested-long',
    text: json([{ nom: 'Montant Long Fictif', montant: long(1_000_000, '1') }]),
    type: 'json',
    expect: { rows: 1, ignored: 0 },
  },
  ['invalid-montant'],
);
add({
  name: 'long: 1 MB column name',
  category: 'nested-long',
  text: `${long(1_000_000, 'colonne')};nom\nx;Colonne Longue Fictive\n`,
  type: 'csv',
  expect: { rows: 1, ignored: 0 },
  names: ['Colonne Longue Fictive'],
});
add({
  name: 'long: 200 000 columns',
  category: 'nested-long',
  text: `nom;${Array.from({ length: 200000 }, (_, i) => `c${i}`).join(';')}\nLarge Fictif;${long(199999, ';')}\n`,
  type: 'csv',
  expect: { rows: 1, ignored: 0 },
  names: ['Large Fictif'],
});
add({
  name: 'long: metadata of 1 MB',
  category: 'nested-long',
  text: json({
    meta: { source: long(1_000_000, 'Source '), title: long(1_000_000), updated: long(1_000_000, '2021-') },
    laureats: VALID,
  }),
  type: 'json',
  expect: { rows: 3, ignored: 0 },
  names: NAMES,
});

// ---------------------------------------------------------------------------------------------------------------
// 10 MB inputs.

function bigRows(n: number, broken = 0): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) =>
    broken && i % broken === broken - 1
      ? { statut: 'association', montant: 'x' }
      : {
          nom: `Structure Fictive ${i}`,
          statut: i % 3 ? 'association' : 'cooperative',
          region: '84',
          departement: '69',
          commune: 'Lyon',
          territoire: 'Lyon Nord',
          montant: 1000 + i,
          emplois: i % 7,
        },
  );
}
const BIG = 72_000;
add({
  name: '10 MB: JSON rows',
  category: 'large',
  text: json(bigRows(BIG)),
  type: 'json',
  expect: { rows: BIG, ignored: 0 },
  heavy: true,
});
add({
  name: '10 MB: JSON rows, one in ten broken',
  category: 'large',
  text: json(bigRows(BIG, 10)),
  type: 'json',
  expect: { rows: BIG - BIG / 10, ignored: BIG / 10 },
  heavy: true,
});
add({
  name: '10 MB: CSV rows',
  category: 'large',
  text: `${CSV_HEAD}\n${Array.from({ length: 200_000 }, (_, i) => `Structure CSV Fictive ${i};association;84;69;Lyon;${1000 + i};${i % 7}`).join('\n')}\n`,
  type: 'csv',
  expect: { rows: 200_000, ignored: 0 },
  heavy: true,
});
add(
  {
    name: '10 MB: one name',
    category: 'large',
    text: json([{ nom: `Immense Fictif ${long(10_000_000)}` }, B]),
    type: 'json',
    expect: { rows: 2, ignored: 0 },
    heavy: true,
  },
  ['text-truncated'],
);
add({
  name: '10 MB: garbage text',
  category: 'large',
  text: long(10_000_000, 'Lorem ipsum; dolor, sit amet\t'),
  type: 'csv',
  expect: { error: 'invalid-csv' },
  heavy: true,
});
add({
  name: '10 MB: JSON cut in the middle',
  category: 'large',
  text: json(bigRows(BIG)).slice(0, 5_000_000),
  type: 'json',
  expect: { error: 'invalid-json' },
  heavy: true,
});

// ---------------------------------------------------------------------------------------------------------------
// CSV with broken quoting (and other CSV accidents).

const csvCases: [string, string, number, number, string[] | undefined, string[]][] = [
  [
    'quote never closed, rows after it kept',
    `nom;commune\nQuote Fictif;"Lyon\nDeux Fictif;Paris\nTrois Fictif;Nice\n`,
    3,
    0,
    ['Quote Fictif', 'Deux Fictif', 'Trois Fictif'],
    ['csv-quote'],
  ],
  [
    'quote never closed in the name',
    `nom;commune\n"Ouvert Fictif;Lyon\nDeux Fictif;Paris\n`,
    2,
    0,
    ['"Ouvert Fictif', 'Deux Fictif'],
    ['csv-quote'],
  ],
  [
    'text after a closing quote',
    `nom;statut\n"Les Amis" de la Terre Fictifs;association\nDeux Fictif;association\n`,
    2,
    0,
    ['Les Amis de la Terre Fictifs', 'Deux Fictif'],
    ['csv-quote'],
  ],
  ['quotes inside a field', `nom;statut\nLes "Amis" Fictifs;association\n`, 1, 0, ['Les "Amis" Fictifs'], []],
  ['doubled quotes', `nom;statut\n"Les ""Amis"" Fictifs";association\n`, 1, 0, ['Les "Amis" Fictifs'], []],
  [
    'line break inside quotes',
    `nom;projet\n"Multi Fictif";"ligne 1\nligne 2"\nDeux Fictif;p\n`,
    2,
    0,
    ['Multi Fictif', 'Deux Fictif'],
    [],
  ],
  ['separator inside quotes', `nom;commune\n"Virgule; Fictif";"Lyon; 3e"\n`, 1, 0, ['Virgule; Fictif'], []],
  [
    'CR line endings',
    `nom;statut\rCR Un Fictif;association\rCR Deux Fictif;fondation\r`,
    2,
    0,
    ['CR Un Fictif', 'CR Deux Fictif'],
    [],
  ],
  [
    'CRLF line endings',
    `nom;statut\r\nCRLF Un Fictif;association\r\nCRLF Deux Fictif;fondation\r\n`,
    2,
    0,
    ['CRLF Un Fictif', 'CRLF Deux Fictif'],
    [],
  ],
  [
    'mixed line endings',
    `nom;statut\r\nMix Un Fictif;association\nMix Deux Fictif;fondation\rMix Trois Fictif;autre\n`,
    3,
    0,
    ['Mix Un Fictif', 'Mix Deux Fictif', 'Mix Trois Fictif'],
    [],
  ],
  [
    'comma separated with semicolons in text',
    `nom,commune,montant\nVirgules Fictives,"Lyon; 3e",1000\n`,
    1,
    0,
    ['Virgules Fictives'],
    [],
  ],
  ['tab separated', `nom\tstatut\tmontant\nTab Fictif\tassociation\t1000\n`, 1, 0, ['Tab Fictif'], []],
  ['quoted header', `"nom";"statut"\n"Guillemets Fictifs";"association"\n`, 1, 0, ['Guillemets Fictifs'], []],
  ['header with spaces', ` Nom ; Statut juridique \nEspaces Fictifs;association\n`, 1, 0, ['Espaces Fictifs'], []],
  [
    'last row cut, no line break',
    `nom;statut;montant\nComplet Fictif;association;1000\nCoupé Fictif;assoc`,
    1,
    1,
    ['Complet Fictif'],
    ['truncated-row'],
  ],
  [
    'last row cut inside quotes',
    `nom;projet\nComplet Fictif;p\nCoupé Fictif;"un projet coup`,
    1,
    1,
    ['Complet Fictif'],
    ['truncated-row'],
  ],
  [
    'last row complete without line break',
    `nom;statut\nUn Fictif;association\nDeux Fictif;fondation`,
    2,
    0,
    ['Un Fictif', 'Deux Fictif'],
    [],
  ],
  ['only quotes', `nom;statut\n"""""";""\n`, 1, 0, ['""'], []],
  ['stray quote at the very end', `nom;statut\nUn Fictif;association\n"`, 1, 1, ['Un Fictif'], ['truncated-row']],
  // Shown as text; rows already in canonical form keep their inner control characters (parser fast path).
  ['NUL characters', `nom;statut\nNul\u0000 Fictif;association\n`, 1, 0, ['Nul\u0000 Fictif'], []],
  ['semicolons only', `nom;statut\n;;;;;\nVrai Fictif;association\n`, 1, 0, ['Vrai Fictif'], []],
  [
    'formula injection',
    `nom;projet\n=HYPERLINK("http://exemple.invalid","clic") Fictif;+cmd|' /C calc'!A0\n`,
    1,
    0,
    ['=HYPERLINK("http://exemple.invalid","clic") Fictif'],
    [],
  ],
];
for (const [name, text, rows, ignored, names, codes] of csvCases) {
  add(
    {
      name: `CSV: ${name}`,
      category: 'csv-broken',
      text,
      type: 'csv',
      expect: { rows, ignored },
      ...(names ? { names } : {}),
    },
    codes,
  );
}
add({
  name: 'CSV: header only with broken quote',
  category: 'csv-broken',
  text: 'nom;"statut\n',
  type: 'csv',
  expect: { rows: 0, ignored: 0 },
});
add({
  name: 'CSV: single column without a known name',
  category: 'csv-broken',
  text: 'colonne\nvaleur\n',
  type: 'csv',
  expect: { error: 'invalid-csv' },
});

// ---------------------------------------------------------------------------------------------------------------
// Mixed encodings: strings as a CMS may have mangled them; bytes for `src`.

const cp1252 = (text: string): Uint8Array => {
  const table = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  return Uint8Array.from(text, (ch) => {
    const c = ch.charCodeAt(0);
    const k = table.indexOf(ch);
    return k >= 0 ? 0x80 + k : c <= 0xff ? c : 0x3f;
  });
};
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const ACCENTS =
  'nom;statut;région;commune\nÉcole Fictive;association;Auvergne-Rhône-Alpes;Saint-Étienne\nŒuvre Fictive;fondation;Île-de-France;Créteil\n';
add({
  name: 'encoding: Windows-1252 file',
  category: 'encoding',
  text: ACCENTS,
  bytes: cp1252(ACCENTS),
  type: 'csv',
  expect: { rows: 2, ignored: 0 },
  names: ['École Fictive', 'Œuvre Fictive'],
});
// (Each text differs by its trailing blank lines, so that every case is a new input for the element.)
add({
  name: 'encoding: UTF-8 and Windows-1252 lines in one file',
  category: 'encoding',
  text: `${ACCENTS}\n`,
  bytes: concat(
    utf8('nom;statut;région;commune\nÉcole Fictive;association;Auvergne-Rhône-Alpes;Saint-Étienne\n'),
    cp1252('Œuvre Fictive;fondation;Île-de-France;Créteil\n\n'),
  ),
  type: 'csv',
  expect: { rows: 2, ignored: 0 },
  names: ['École Fictive', 'Œuvre Fictive'],
});
add({
  name: 'encoding: UTF-16 with BOM',
  category: 'encoding',
  text: `${ACCENTS}\n\n`,
  bytes: concat(
    Uint8Array.from([0xff, 0xfe]),
    new Uint8Array(Uint16Array.from(`${ACCENTS}\n\n`, (c) => c.charCodeAt(0)).buffer),
  ),
  type: 'csv',
  expect: { rows: 2, ignored: 0 },
  names: ['École Fictive', 'Œuvre Fictive'],
});
add({
  name: 'encoding: UTF-8 with BOM',
  category: 'encoding',
  text: `\uFEFF${ACCENTS}`,
  type: 'csv',
  expect: { rows: 2, ignored: 0 },
  names: ['École Fictive', 'Œuvre Fictive'],
});
const MOJIBAKE = 'nom;statut;RÃ©gion;DÃ©partement\nMojibake Fictif;CoopÃ©rative;Auvergne-RhÃ´ne-Alpes;RhÃ´ne\n';
add(
  {
    name: 'encoding: UTF-8 read as Windows-1252 (column and territory names still recognised)',
    category: 'encoding',
    text: MOJIBAKE,
    type: 'csv',
    expect: { rows: 1, ignored: 0 },
    names: ['Mojibake Fictif'],
  },
  [],
);
add(
  {
    name: 'encoding: replacement characters',
    category: 'encoding',
    text: json([{ nom: 'R\uFFFDgion Fictive', region: 'Auvergne-Rh\uFFFDne-Alpes' }]),
    type: 'json',
    expect: { rows: 1, ignored: 0 },
  },
  ['invalid-region'],
);
add({
  name: 'encoding: lone surrogates',
  category: 'encoding',
  text: '[{"nom":"Surrogat \\ud800 Fictif"},{"nom":"\\udc00"}]',
  type: 'json',
  expect: { rows: 2, ignored: 0 },
});
add({
  name: 'encoding: zero-width and bidirectional controls',
  category: 'encoding',
  text: json([{ nom: 'Invisible\u200b\u200d\u2060 Fictif\u202e', commune: '\u202eLyon\u202c' }]),
  type: 'json',
  expect: { rows: 1, ignored: 0 },
});
add(
  {
    name: 'encoding: C0 and C1 controls',
    category: 'encoding',
    text: json([{ nom: 'Contrôles\u0007\u001b\u0085 Fictifs', commune: '\u0000' }]),
    type: 'json',
    expect: { rows: 1, ignored: 0 },
  },
  ['invalid-commune'],
);
add({
  name: 'encoding: non-Latin scripts and emoji',
  category: 'encoding',
  text: json([{ nom: 'Ассоциация 協会 جمعية 🏭 Fictive' }]),
  type: 'json',
  expect: { rows: 1, ignored: 0 },
  names: ['Ассоциация 協会 جمعية 🏭 Fictive'],
});
add(
  {
    name: 'encoding: decomposed accents',
    category: 'encoding',
    text: json([{ nom: 'E\u0301cole De\u0301compose\u0301e Fictive', region: 'Auvergne-Rho\u0302ne-Alpes' }]),
    type: 'json',
    expect: { rows: 1, ignored: 0 },
  },
  [],
);
add({
  name: 'encoding: binary garbage',
  category: 'encoding',
  text: String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)),
  type: 'csv',
  expect: { error: 'invalid-csv' },
});

// ---------------------------------------------------------------------------------------------------------------
// Script and markup payloads in every text field. None may run (`window.__pwned` stays unset), none may create an
// element, and each must be shown literally where the field is shown.

export const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  "'><details open ontoggle=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '${window.__pwned=1}',
  "{{constructor.constructor('window.__pwned=1')()}}",
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<svg><script>window.__pwned=1</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1>',
  '&lt;img src=x onerror=window.__pwned=1&gt;',
  '<!--<img src=x onerror=window.__pwned=1>-->',
  '<a href="javascript:window.__pwned=1">lien</a>',
  '<style>*{display:none}</style>',
  '<?lit$123$><!--?lit$123$-->',
  '<object data="javascript:window.__pwned=1"></object>',
];
PAYLOADS.forEach((p, k) => {
  const nom = `${p} Fictif ${k}`;
  add({
    name: `payload ${k}: every text field (JSON)`,
    category: 'payload',
    text: json({
      meta: { source: p, sourceUrl: p, title: p, updated: p, licence: p },
      laureats: [
        {
          nom,
          statut: p,
          region: p,
          departement: p,
          commune: p,
          territoire: p,
          projet: p,
          siren: p,
          montant: p,
          emplois: p,
        },
        B,
      ],
    }),
    type: 'json',
    expect: { rows: 2, ignored: 0 },
    names: [nom, B.nom],
    visible: [nom, p],
  });
  const cell = `"${p.replace(/"/g, '""')}"`;
  add({
    name: `payload ${k}: every text field (CSV)`,
    category: 'payload',
    text: `nom;statut;region;departement;commune;territoire;projet;${cell}\n"${nom.replace(/"/g, '""')}";${cell};${cell};${cell};${cell};${cell};${cell};x\n${B.nom};cooperative;04;974;Saint-Denis;;;\n`,
    type: 'csv',
    expect: { rows: 2, ignored: 0 },
    names: [nom, B.nom],
    visible: [nom, p],
  });
});
const TEXT_FIELDS = ['nom', 'commune', 'territoire', 'projet'] as const;
[0, 1, 2, 5, 6].forEach((k) => {
  const p = PAYLOADS[k]!;
  for (const field of TEXT_FIELDS) {
    const row: Record<string, string> = { nom: `Champ ${field} Fictif ${k}`, statut: 'association' };
    row[field] = field === 'nom' ? `${p} ${field} ${k}` : p;
    add({
      name: `payload ${k}: ${field} only`,
      category: 'payload',
      text: json([row, A]),
      type: 'json',
      expect: { rows: 2, ignored: 0 },
      names: [row['nom']!, A.nom],
      visible: [row[field]],
    });
  }
  add({
    name: `payload ${k}: as a column name`,
    category: 'payload',
    text: `nom;${p.replace(/;/g, ',')}\nColonne Fictive ${k};x\n`,
    type: 'csv',
    expect: { rows: 1, ignored: 0 },
    names: [`Colonne Fictive ${k}`],
  });
  add(
    {
      name: `payload ${k}: as an unknown région`,
      category: 'payload',
      text: json([{ nom: `Région Piégée Fictive ${k}`, region: p }]),
      type: 'json',
      expect: { rows: 1, ignored: 0 },
    },
    ['invalid-region'],
  );
});

/** Inputs that exist only as values (the `.data` property): not JSON, or not representable as text. */
export function valueCases(): HardeningCase[] {
  const cyclic: Record<string, unknown> = { nom: 'Cyclique Fictif' };
  cyclic['self'] = cyclic;
  const cyclicName: Record<string, unknown> = {};
  cyclicName['nom'] = cyclicName;
  let deepValue: unknown = 1;
  for (let i = 0; i < 100000; i++) deepValue = [deepValue];
  const throwing = Object.defineProperty({}, 'nom', {
    enumerable: true,
    get: () => {
      throw new Error('getter');
    },
  });
  const list: [string, unknown, Expectation][] = [
    ['NaN amount', [A, { nom: 'NaN Fictif', montant: NaN }], { rows: 2, ignored: 0, montant: 1000 }],
    ['Infinity amount', [A, { nom: 'Infini Fictif', montant: Infinity }], { rows: 2, ignored: 0, montant: 1000 }],
    ['negative Infinity jobs', [A, { nom: 'Infini Négatif Fictif', emplois: -Infinity }], { rows: 2, ignored: 0 }],
    ['NaN name', [A, { nom: NaN }], { rows: 1, ignored: 1 }],
    [
      'undefined fields',
      [A, { nom: 'Indéfini Fictif', montant: undefined, region: undefined }],
      { rows: 2, ignored: 0 },
    ],
    ['bigint amount', [A, { nom: 'BigInt Fictif', montant: 10n }], { rows: 2, ignored: 0 }],
    ['symbol name', [A, { nom: Symbol('x') }], { rows: 1, ignored: 1 }],
    ['function name', [A, { nom: () => 'x' }], { rows: 1, ignored: 1 }],
    [
      'Date and Map values',
      [A, { nom: 'Objets Fictifs', commune: new Date(0), projet: new Map() }],
      { rows: 2, ignored: 0 },
    ],
    ['String object name', [A, { nom: new String('Objet Chaîne') }], { rows: 1, ignored: 1 }],
    ['cyclic row', [A, cyclic], { rows: 2, ignored: 0 }],
    ['cyclic name', [A, cyclicName], { rows: 1, ignored: 1 }],
    ['100 000 levels', [A, deepValue], { rows: 1, ignored: 1 }],
    ['sparse array', Object.assign(new Array(5), { 0: A, 4: C }), { rows: 2, ignored: 3 }],
    ['frozen rows', Object.freeze([Object.freeze({ ...A })]), { rows: 1, ignored: 0 }],
    ['null-prototype rows', [Object.assign(Object.create(null), A)], { rows: 1, ignored: 0 }],
    [
      'class instance',
      [
        new (class {
          nom = 'Instance Fictive';
          statut = 'association';
        })(),
      ],
      { rows: 1, ignored: 0 },
    ],
    ['throwing getter', [throwing, A], { error: 'unusable' }],
    ['number', 42, { error: 'unusable' }],
    ['boolean', true, { error: 'unusable' }],
    ['function', () => [A], { error: 'unusable' }],
    ['Map', new Map([['nom', 'x']]), { error: 'unusable' }],
    ['typed array', new Uint8Array(10), { error: 'unusable' }],
  ];
  return list.map(([name, value, expect]) => ({
    name: `value: ${name}`,
    category: 'wrong-types',
    value,
    type: 'json' as const,
    expect,
  }));
}

/** Every text case (at least 200), in a stable order. */
export const CORPUS: readonly HardeningCase[] = cases;
