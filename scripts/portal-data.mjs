#!/usr/bin/env node
// The fictitious dataset of the local portal test server (test/portal/server.mjs): `rows` laureates in the field
// layout of the Opendatasoft dataset `plan-de-relance` (data.economie.gouv.fr, Explore API v2.1), written once as a
// SQLite database into .cache/portal/ (gitignored) and reused by every run.
//
//   node scripts/portal-data.mjs [--rows N]      (default 1 000 000)
//
// Plain Node ESM on sql.js (SQLite compiled to WebAssembly), deterministic: mulberry32 seeded from the row count, no
// Math.random, no clock. Every name says it is fictitious (« … (fictif) »). The field layout is the dataset's (its
// sixteen fields, plus `montant_investissement` and `montant_participation_etat` that some exports carry), plus
// `emplois_crees` (jobs, which the real dataset does not have: the adapters' field mapping names it when a test
// wants jobs) and `search_text`, the text the server's full-text search reads: the folded words (lower case, no
// accents, punctuation as spaces, as src/query/search.ts folds) of the name, commune, project, département, région,
// measure and sector, the text fields a portal's full-text index covers.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fold } from './portal-fold.mjs';

export { fold };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Bumped when the generated data change: a database of another version is generated anew. */
export const DATA_VERSION = 1;
export const DEFAULT_ROWS = 1_000_000;

/** The columns of table `records`, in order (the dataset's fields, then the test extras). */
export const COLUMNS = [
  'entreprise',
  'type_entreprise',
  'siren',
  'volet_relance',
  'mesure',
  'nom_departement',
  'nom_commune',
  'code_postal',
  'coordonnees_gps',
  'description_projet',
  'mesure_light',
  'mise_a_jour',
  'filiere',
  'tonnes_equivalent_co2_pour_les_projets_decarbonation',
  'code_departement',
  'nom_region',
  'montant_investissement',
  'montant_participation_etat',
  'emplois_crees',
];
/** Numeric columns (REAL or INTEGER); the others are text. */
export const NUMERIC = new Set([
  'tonnes_equivalent_co2_pour_les_projets_decarbonation',
  'montant_investissement',
  'montant_participation_etat',
  'emplois_crees',
]);

// ---------------------------------------------------------------------------------------------
function mulberry32(a) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readTerritories() {
  const text = readFileSync(resolve(ROOT, 'src/model/territories.data.ts'), 'utf8');
  const list = (name) => {
    const line = text.split('\n').find((l) => l.startsWith(`export const ${name}`));
    if (!line) throw new Error(`${name} not found in src/model/territories.data.ts`);
    return JSON.parse(line.slice(line.indexOf(' = ') + 3).replace(/;\s*$/, ''));
  };
  return { regions: list('REGION_LIST'), departements: list('DEPARTEMENT_LIST') };
}

/** Weighted choice: `[value, weight]` pairs. */
function weighted(pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const cumulative = [];
  let acc = 0;
  for (const [v, w] of pairs) cumulative.push([v, (acc += w / total)]);
  return (r) => {
    for (const [v, c] of cumulative) if (r < c) return v;
    return cumulative[cumulative.length - 1][0];
  };
}

/**
 * `type_entreprise` as the real dataset spreads it (« TPE / PME » 1 890 of 3 080 rows, « GE » 572, « ETI » 541…, empty
 * 21), plus rare labels with quotes, apostrophes and parentheses: the values an equality clause must quote.
 */
const TYPE = weighted([
  ['TPE / PME', 1890],
  ['GE', 572],
  ['ETI', 541],
  ['Association', 21],
  ['Organisme de recherche', 13],
  ['EPIC', 8],
  ['Etablissement public', 6],
  ['GIE', 3],
  ['Organisme de formation', 3],
  ['Autre', 2],
  [null, 21],
  ['Coopérative "SCOP"', 2],
  ["Société d'économie mixte (SEM)", 2],
  ['Fondation \\ reconnue', 1],
]);
const VOLETS = ['Compétitivité', 'Cohésion', 'Écologie'];
const MESURES = [
  ["Soutien à l'investissement industriel dans les territoires", 'Projets territoriaux', 1158],
  ['Relocalisation dans les secteurs critiques', 'Secteurs critiques', 600],
  ["Décarbonation de l'industrie", 'Décarbonation', 500],
  ['Modernisation des filières automobile et aéronautique', 'Automobile et aéronautique', 822],
];
const MESURE = weighted(MESURES.map((m, i) => [i, m[2]]));
const FILIERES = [
  'Agroalimentaire',
  'Automobile',
  'Aéronautique',
  'Chimie',
  'Métallurgie',
  'Santé',
  'Électronique',
  'Bois',
  'Textile',
  'Plasturgie',
];
const NAME_START = [
  'Atelier',
  "L'Atelier",
  'Forges',
  'Manufacture',
  'Usine',
  'Fonderie',
  'Scierie',
  'Laboratoire',
  'Tissage',
  'Coopérative',
  'Chaudronnerie',
  'Mécanique',
  'Verrerie',
  "L'Œuvre",
];
const NAME_END = [
  'du Val',
  'des Coteaux',
  'de la Vallée',
  'du Plateau',
  'des Quais',
  "de l'Étang",
  'du Moulin',
  'des Sources',
  'Saint-Éloi',
  'des Trois Ponts',
  'du Bocage',
  'de la Forêt',
  'Nouvelle',
  'Sainte-Barbe',
];
const SYLLABLES = [
  'ber',
  'mont',
  'ville',
  'court',
  'sur',
  'lac',
  'roche',
  'val',
  'fay',
  'mar',
  'bel',
  'champ',
  'lieu',
  'neuf',
  'bourg',
  'pré',
  'ton',
  'tel',
];
const PROJECTS = [
  'Modernisation de la ligne de production',
  "Extension de l'atelier de découpe",
  "Robotisation de l'assemblage",
  "Création d'un atelier de recyclage",
  'Décarbonation du four',
  'Relocalisation de la fabrication de composants',
  'Numérisation de la chaîne logistique',
  "Nouvelle unité d'emballage",
  'Rénovation énergétique du site',
];

function communeName(r) {
  const n = 2 + Math.floor(r() * 2);
  let name = '';
  for (let i = 0; i < n; i++) name += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
  name = name[0].toUpperCase() + name.slice(1);
  return r() < 0.2 ? `Saint-${name}` : name;
}

/** The rows, one array of column values at a time (in {@link COLUMNS} order) and its search text. */
export function* generateRows(count) {
  const r = mulberry32(0x5eed ^ count);
  const { regions, departements } = readTerritories();
  const regionName = new Map(regions.map(([code, nom]) => [code, nom.toUpperCase()]));
  // A few communes per département, named once.
  const communes = departements.map(() => Array.from({ length: 12 }, () => communeName(r)));
  for (let i = 0; i < count; i++) {
    const x = r();
    let code, depName, region;
    if (x < 0.004) [code, depName, region] = ['988', 'Nouvelle-Calédonie', 'NOUVELLE-CALÉDONIE'];
    else if (x < 0.006) [code, depName, region] = [null, null, null];
    else {
      const k = Math.floor(r() * departements.length);
      const [c, nom, reg] = departements[k];
      [code, depName, region] = [c, nom, regionName.get(reg)];
    }
    const k = code && code !== '988' ? departements.findIndex((d) => d[0] === code) : -1;
    const commune = k >= 0 ? communes[k][Math.floor(r() * 12)] : code === '988' ? 'Nouméa' : null;
    const m = MESURES[MESURE(r())];
    const entreprise = `${NAME_START[Math.floor(r() * NAME_START.length)]} ${NAME_END[Math.floor(r() * NAME_END.length)]} n°${i + 1} (fictif)`;
    const projet = `${PROJECTS[Math.floor(r() * PROJECTS.length)]} (projet fictif)`;
    const filiere = FILIERES[Math.floor(r() * FILIERES.length)];
    const investissement = Math.round(50_000 + r() ** 2 * 20_000_000);
    const participation = r() < 0.02 ? null : Math.round(investissement * (0.1 + r() * 0.4));
    const emplois = r() < 0.05 ? null : Math.floor(r() ** 2 * 120);
    const co2 = m[1] === 'Décarbonation' ? Math.round(r() * 50_000) : null;
    const lat = (42 + r() * 8).toFixed(4);
    const lon = (-4 + r() * 12).toFixed(4);
    const values = [
      entreprise,
      TYPE(r()),
      String(100_000_000 + Math.floor(r() * 899_999_999)),
      VOLETS[Math.floor(r() * VOLETS.length)],
      m[0],
      depName,
      commune,
      code
        ? `${code
            .replace(/^2[AB]$/, '20')
            .padEnd(2, '0')
            .slice(0, 3)}${String(Math.floor(r() * 999)).padStart(3, '0')}`.slice(0, 5)
        : null,
      code ? `${lat}, ${lon}` : null,
      projet,
      m[1],
      '2022-04-08',
      filiere,
      co2,
      code,
      region,
      investissement,
      participation,
      emplois,
    ];
    const search = fold([entreprise, commune, projet, depName, region, m[1], filiere].filter(Boolean).join(' '));
    yield [values, search];
  }
}

/** sql.js, initialised once (node side). */
let sqlPromise;
export function sqlJs() {
  if (!sqlPromise) {
    const require = createRequire(import.meta.url);
    const init = require('sql.js');
    sqlPromise = init({ locateFile: (f) => require.resolve(`sql.js/dist/${f}`) });
  }
  return sqlPromise;
}

/** Path of the database of `rows` rows (generated by {@link ensurePortalDb}). */
export function portalDbPath(rows = DEFAULT_ROWS, root = ROOT) {
  return resolve(root, `.cache/portal/plan-de-relance-${rows}-v${DATA_VERSION}.sqlite`);
}

/** Writes the database of `rows` rows unless it is there already; resolves to its path. */
export async function ensurePortalDb({ rows = DEFAULT_ROWS, root = ROOT, log = (s) => console.error(s) } = {}) {
  const path = portalDbPath(rows, root);
  if (existsSync(path)) return path;
  const started = Date.now();
  log(`portal-data: generating ${rows} fictitious rows into ${path}…`);
  const SQL = await sqlJs();
  const db = new SQL.Database();
  db.run('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 8192;');
  const types = COLUMNS.map((c) => `${c} ${NUMERIC.has(c) ? (c === 'emplois_crees' ? 'INTEGER' : 'REAL') : 'TEXT'}`);
  db.run(`CREATE TABLE records (${types.join(', ')}, search_text TEXT NOT NULL)`);
  db.run('BEGIN');
  const insert = db.prepare(`INSERT INTO records VALUES (${COLUMNS.map(() => '?').join(', ')}, ?)`);
  for (const [values, search] of generateRows(rows)) insert.run([...values, search]);
  insert.free();
  db.run('COMMIT');
  // Covering indexes for the grouped totals (a scan of the index instead of the table), and a full-text index of
  // `search_text` (FTS4, contentless: its tokens are the folded words) that answers a search like
  // `(' ' || search_text) LIKE '% word%'` for each word, without reading every row.
  const sums = 'montant_participation_etat, emplois_crees';
  db.run(`CREATE INDEX records_type ON records (type_entreprise, ${sums})`);
  db.run(`CREATE INDEX records_region ON records (nom_region, code_departement, ${sums})`);
  db.run(`CREATE INDEX records_departement ON records (code_departement, ${sums})`);
  db.run(`CREATE VIRTUAL TABLE records_fts USING fts4(content="", search_text)`);
  db.run('INSERT INTO records_fts (docid, search_text) SELECT rowid, search_text FROM records');
  db.run('ANALYZE');
  const data = db.export();
  db.close();
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, data);
  renameSync(`${path}.tmp`, path);
  log(
    `portal-data: ${rows} rows, ${(data.length / 2 ** 20).toFixed(0)} MB, in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return path;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const i = process.argv.indexOf('--rows');
  const rows = i > 0 ? Number(process.argv[i + 1]) : DEFAULT_ROWS;
  if (!Number.isInteger(rows) || rows <= 0) {
    console.error('Usage: node scripts/portal-data.mjs [--rows N]');
    process.exit(2);
  }
  console.log(await ensurePortalDb({ rows }));
}
