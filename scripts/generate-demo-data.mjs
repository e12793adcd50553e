// Generates FICTITIOUS laureates (demonstration data) in the canonical record shape
// (nom, statut, region, departement, commune, territoire, projet, montant, emplois, siren).
//
//   node scripts/generate-demo-data.mjs
//       44 rows reproducing the official totals of the communiqué of 21 December 2021
//       (31 associations / 13 400 000 €, 12 coopératives / 3 200 000 €, 1 fondation / 600 000 €,
//       521 jobs, 13 metropolitan régions + Martinique + La Réunion) →
//       data/demo/laureats-fictifs.json and data/demo/laureats-fictifs.csv
//   node scripts/generate-demo-data.mjs --count N [--seed S] [--out FILE]
//       N rows with the same proportions, spread over the 18 régions when N > 44 →
//       FILE (default data/demo/laureats-fictifs-N.json; a FILE ending in .csv is written as CSV).
//
// Plain Node ESM, no dependencies, deterministic: mulberry32 seeded from (seed, N); no Math.random, no clock.
// Every name says « fictif / fictive ». SIRENs are 9 digits that FAIL the Luhn check, so none is a real company.
// Exits with code 1 if the generated rows do not reproduce the expected totals.
// The préfectures, the vocabulary, the PRNG and number helpers, the SIRENs and the CSV writer: scripts/demo-data/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toCsv } from './demo-data/csv.mjs';
import { PREFECTURES } from './demo-data/prefectures.mjs';
import { apportion, fixSum, hashSeed, makeRandom } from './demo-data/random.mjs';
import { fakeSiren, luhnValid } from './demo-data/siren.mjs';
import { PREFIXES, projet, TERRITOIRES } from './demo-data/vocabulary.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ---------------------------------------------------------------------------------------------
// Official figures (communiqué de presse n° 1843, 21/12/2021)
const OFFICIAL = {
  laureats: 44,
  emplois: 521,
  statuts: [
    { statut: 'association', laureats: 31, montant: 13_400_000 },
    { statut: 'cooperative', laureats: 12, montant: 3_200_000 },
    { statut: 'fondation', laureats: 1, montant: 600_000 },
  ],
  regions: ['02', '04', '11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'],
};
const MIN_MONTANT = 50_000;
const MAX_MONTANT = 1_500_000;
const FONDATION_MONTANT = 600_000;
const MIN_EMPLOIS = 1;
const MAX_EMPLOIS = 40;

// ---------------------------------------------------------------------------------------------
// Arguments
function parseArgs(argv) {
  const args = { count: undefined, seed: 2021, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail(`missing value after ${a}`);
      return argv[++i];
    };
    if (a === '--count') args.count = Number(next());
    else if (a === '--seed') args.seed = next();
    else if (a === '--out') args.out = next();
    else if (a === '--help' || a === '-h') {
      console.log('Usage: node scripts/generate-demo-data.mjs [--count N] [--seed S] [--out FILE]');
      process.exit(0);
    } else fail(`unknown argument ${a}`);
  }
  if (args.count !== undefined && !(Number.isInteger(args.count) && args.count >= 1)) {
    fail('--count must be a positive integer');
  }
  return args;
}

function fail(message) {
  console.error(`generate-demo-data: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Territories: read from src/model/territories.data.ts (generated from the map geometry in data/geo/)
function readTerritories() {
  const text = readFileSync(resolve(ROOT, 'src/model/territories.data.ts'), 'utf8');
  const list = (name) => {
    const line = text.split('\n').find((l) => l.startsWith(`export const ${name}`));
    if (!line) fail(`${name} not found in src/model/territories.data.ts`);
    return JSON.parse(line.slice(line.indexOf(' = ') + 3).replace(/;\s*$/, ''));
  };
  return { regions: list('REGION_LIST'), departements: list('DEPARTEMENT_LIST') };
}

// ---------------------------------------------------------------------------------------------
// Generation
function generate(count, seed, territories) {
  const rnd = makeRandom(hashSeed(`france-relance-widgets:${seed}:${count}`));
  const regionName = new Map(territories.regions);
  const depsByRegion = new Map();
  for (const [code, , region] of territories.departements) {
    if (!depsByRegion.has(region)) depsByRegion.set(region, []);
    depsByRegion.get(region).push(code);
  }

  // status counts and targets (proportions of the communiqué)
  const isOfficial = count === OFFICIAL.laureats;
  const nF = Math.round((count * 1) / 44);
  const nC = Math.round((count * 12) / 44);
  const nA = count - nF - nC;
  const round5k = (x) => Math.round(x / 5000) * 5000;
  const targets = {
    association: { laureats: nA, montant: isOfficial ? 13_400_000 : round5k((13_400_000 * nA) / 31) },
    cooperative: { laureats: nC, montant: isOfficial ? 3_200_000 : round5k((3_200_000 * nC) / 12) },
    fondation: { laureats: nF, montant: nF * FONDATION_MONTANT },
  };
  const targetEmplois = isOfficial ? OFFICIAL.emplois : Math.round((OFFICIAL.emplois * count) / 44);

  // régions: the 15 of the communiqué up to 44 rows, all 18 beyond; weighted by number of départements
  const regionCodes = count > OFFICIAL.laureats ? territories.regions.map(([c]) => c) : OFFICIAL.regions.slice();
  const weights = regionCodes.map((r) => depsByRegion.get(r).length);
  let perRegion;
  if (count >= regionCodes.length) {
    perRegion = apportion(count - regionCodes.length, weights).map((n) => n + 1);
  } else {
    // fewer rows than régions: the biggest régions get one each
    const ranked = regionCodes.map((r, i) => [weights[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    perRegion = regionCodes.map(() => 0);
    for (let k = 0; k < count; k++) perRegion[ranked[k][1]] = 1;
  }

  // slots (région, département), départements cycled in a shuffled order within each région
  const slots = [];
  regionCodes.forEach((region, ri) => {
    const deps = rnd.shuffle(depsByRegion.get(region));
    for (let k = 0; k < perRegion[ri]; k++) slots.push({ region, departement: deps[k % deps.length] });
  });
  const statuts = rnd.shuffle([
    ...Array(nA).fill('association'),
    ...Array(nC).fill('cooperative'),
    ...Array(nF).fill('fondation'),
  ]);
  slots.forEach((s, i) => (s.statut = statuts[i]));
  slots.sort(
    (a, b) =>
      a.region.localeCompare(b.region) ||
      a.departement.localeCompare(b.departement) ||
      a.statut.localeCompare(b.statut),
  );

  // amounts per status: log-normal draws scaled to the target, rounded, then adjusted to the exact sum
  const montants = new Array(slots.length);
  for (const statut of ['association', 'cooperative']) {
    const idx = slots.map((s, i) => (s.statut === statut ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const draws = idx.map(() => Math.exp(0.75 * rnd.normal()));
    const sum = draws.reduce((a, b) => a + b, 0);
    const values = draws.map((d) => {
      const x = (targets[statut].montant * d) / sum;
      const unit = x >= 500_000 ? 50_000 : x >= 200_000 ? 10_000 : rnd.next() < 0.7 ? 5_000 : 1_000;
      return Math.min(MAX_MONTANT, Math.max(MIN_MONTANT, Math.round(x / unit) * unit));
    });
    if (!fixSum(values, targets[statut].montant, MIN_MONTANT, MAX_MONTANT, [50_000, 10_000, 5_000, 1_000], rnd)) {
      fail(`cannot reach ${targets[statut].montant} € for ${idx.length} ${statut} rows`);
    }
    idx.forEach((i, k) => (montants[i] = values[k]));
  }
  slots.forEach((s, i) => s.statut === 'fondation' && (montants[i] = FONDATION_MONTANT));

  // jobs: roughly one per 33 000 €, with noise, then adjusted to the exact total
  const emplois = montants.map((m) =>
    Math.min(MAX_EMPLOIS, Math.max(MIN_EMPLOIS, Math.round((m / 33_000) * (0.6 + 0.8 * rnd.next())))),
  );
  if (!fixSum(emplois, targetEmplois, MIN_EMPLOIS, MAX_EMPLOIS, [1], rnd)) fail(`cannot reach ${targetEmplois} jobs`);

  // records
  const numero = { association: 0, cooperative: 0, fondation: 0 };
  const sirens = new Set();
  const laureats = slots.map((s, i) => {
    const commune = PREFECTURES[s.departement];
    const n = ++numero[s.statut];
    return {
      nom: `${rnd.pick(PREFIXES[s.statut])} n° ${n} – ${commune}`,
      statut: s.statut,
      region: s.region,
      departement: s.departement,
      commune,
      territoire: `Territoire d'industrie fictif ${rnd.pick(TERRITOIRES)(commune)}`,
      projet: projet(i, rnd),
      montant: montants[i],
      emplois: emplois[i],
      siren: fakeSiren(rnd, sirens),
    };
  });
  // status as people write it, for the CSV only
  const libelles = laureats.map((l) =>
    l.statut === 'association'
      ? rnd.next() < 0.8
        ? 'Association loi 1901'
        : 'Association'
      : l.statut === 'cooperative'
        ? rnd.pick(['SCOP', 'SCIC', 'Coopérative'])
        : "Fondation reconnue d'utilité publique",
  );
  return { laureats, libelles, targets, targetEmplois, regionCodes, regionName };
}

// ---------------------------------------------------------------------------------------------
// Verification and summary
function verify({ laureats, targets, targetEmplois, regionCodes }, territories) {
  const errors = [];
  const depRegion = new Map(territories.departements.map(([c, , r]) => [c, r]));
  for (const [statut, t] of Object.entries(targets)) {
    const rows = laureats.filter((l) => l.statut === statut);
    const montant = rows.reduce((a, l) => a + l.montant, 0);
    if (rows.length !== t.laureats) errors.push(`${statut}: ${rows.length} rows, expected ${t.laureats}`);
    if (montant !== t.montant) errors.push(`${statut}: ${montant} €, expected ${t.montant}`);
  }
  const emplois = laureats.reduce((a, l) => a + l.emplois, 0);
  if (emplois !== targetEmplois) errors.push(`jobs: ${emplois}, expected ${targetEmplois}`);
  const covered = new Set(laureats.map((l) => l.region));
  const expected = laureats.length >= regionCodes.length ? regionCodes : null;
  if (expected && (covered.size !== expected.length || !expected.every((r) => covered.has(r)))) {
    errors.push(`régions covered: ${[...covered].sort().join(',')}, expected ${expected.join(',')}`);
  }
  const names = new Set();
  for (const l of laureats) {
    if (depRegion.get(l.departement) !== l.region)
      errors.push(`${l.nom}: département ${l.departement} not in région ${l.region}`);
    if (!/fictif|fictive/.test(l.nom)) errors.push(`${l.nom}: name does not say it is fictitious`);
    if (names.has(l.nom)) errors.push(`duplicate name ${l.nom}`);
    names.add(l.nom);
    if (l.statut !== 'fondation' && (l.montant < MIN_MONTANT || l.montant > MAX_MONTANT || l.montant % 1000)) {
      errors.push(`${l.nom}: amount ${l.montant}`);
    }
    if (l.emplois < MIN_EMPLOIS || l.emplois > MAX_EMPLOIS) errors.push(`${l.nom}: ${l.emplois} jobs`);
    if (!/^\d{9}$/.test(l.siren) || luhnValid(l.siren)) errors.push(`${l.nom}: SIREN ${l.siren} passes Luhn`);
  }
  if (laureats.length === OFFICIAL.laureats) {
    const total = laureats.reduce((a, l) => a + l.montant, 0);
    if (total !== 17_200_000) errors.push(`total amount ${total}, expected 17200000`);
    for (const o of OFFICIAL.statuts) {
      if (targets[o.statut].laureats !== o.laureats || targets[o.statut].montant !== o.montant) {
        errors.push(`${o.statut}: targets differ from the communiqué`);
      }
    }
  }
  return errors;
}

const fmt = (n) => n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');

function summary({ laureats, regionName }, files) {
  const lines = [`${fmt(laureats.length)} fictitious laureates`];
  for (const statut of ['association', 'cooperative', 'fondation']) {
    const rows = laureats.filter((l) => l.statut === statut);
    const montant = rows.reduce((a, l) => a + l.montant, 0);
    const emplois = rows.reduce((a, l) => a + l.emplois, 0);
    lines.push(
      `  ${statut.padEnd(12)} ${fmt(rows.length).padStart(7)} laureates ${fmt(montant).padStart(16)} € ${fmt(emplois).padStart(8)} jobs`,
    );
  }
  const montant = laureats.reduce((a, l) => a + l.montant, 0);
  const emplois = laureats.reduce((a, l) => a + l.emplois, 0);
  lines.push(
    `  ${'total'.padEnd(12)} ${fmt(laureats.length).padStart(7)} laureates ${fmt(montant).padStart(16)} € ${fmt(emplois).padStart(8)} jobs`,
  );
  const perRegion = new Map();
  for (const l of laureats) perRegion.set(l.region, (perRegion.get(l.region) ?? 0) + 1);
  const regions = [...perRegion.keys()].sort();
  lines.push(
    `  ${regions.length} régions: ${regions.map((r) => `${r} ${regionName.get(r)} (${fmt(perRegion.get(r))})`).join(', ')}`,
  );
  lines.push(`  ${new Set(laureats.map((l) => l.departement)).size} départements`);
  lines.push(`  totals verified; wrote ${files.join(', ')}`);
  console.log(lines.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Output
function meta(count, seed) {
  return {
    title: 'Lauréats fictifs de démonstration',
    source: 'projet france-relance-widgets (données inventées)',
    updated: '2021-12-21',
    licence: 'Données fictives générées, sans aucune donnée réelle ; réutilisation libre',
    fictitious: true,
    notes:
      count === OFFICIAL.laureats
        ? "Lauréats FICTIFS : noms, communes d'implantation, projets, montants, emplois et SIREN sont inventés (les SIREN ne passent pas la clé de Luhn). Les totaux reproduisent exactement ceux du communiqué de presse n° 1843 du 21 décembre 2021 : 44 lauréats, 17 200 000 €, 521 emplois ; 31 associations (13 400 000 €), 12 coopératives (3 200 000 €), 1 fondation (600 000 €) ; présence dans les 13 régions métropolitaines, en Martinique et à La Réunion. La répartition par région et par département est inventée."
        : `Lauréats FICTIFS (${count} lignes) : noms, projets, montants, emplois et SIREN sont inventés (les SIREN ne passent pas la clé de Luhn). Mêmes proportions que le communiqué de presse n° 1843 du 21 décembre 2021 (statuts 31:12:1, montants et emplois à l'échelle), répartis sur les 18 régions.`,
    generator: { script: 'scripts/generate-demo-data.mjs', seed: String(seed), count },
  };
}

function write(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, 'utf8');
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

// ---------------------------------------------------------------------------------------------
const args = parseArgs(process.argv.slice(2));
const territories = readTerritories();
for (const [code] of territories.departements) if (!PREFECTURES[code]) fail(`no préfecture for département ${code}`);

const count = args.count ?? OFFICIAL.laureats;
const result = generate(count, args.seed, territories);
const errors = verify(result, territories);
if (errors.length) {
  console.error(`generate-demo-data: totals do not match:\n  ${errors.slice(0, 20).join('\n  ')}`);
  process.exit(1);
}

// one laureate per line: readable diffs for the 44-row file, compact for big ones
const json = (c) =>
  `{\n"meta": ${JSON.stringify(meta(c, args.seed), null, 1)},\n"laureats": [\n${result.laureats.map((l) => JSON.stringify(l)).join(',\n')}\n]\n}\n`;
const files = [];
if (args.count === undefined) {
  files.push(write(resolve(ROOT, 'data/demo/laureats-fictifs.json'), json(count)));
  files.push(write(resolve(ROOT, 'data/demo/laureats-fictifs.csv'), toCsv(result)));
} else {
  const out = resolve(args.out ?? resolve(ROOT, `data/demo/laureats-fictifs-${count}.json`));
  files.push(write(out, out.endsWith('.csv') ? toCsv(result) : json(count)));
}
summary(result, files);
