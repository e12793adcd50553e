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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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

/** Chef-lieu (préfecture) of each of the 101 départements. */
const PREFECTURES = {
  '01': 'Bourg-en-Bresse',
  '02': 'Laon',
  '03': 'Moulins',
  '04': 'Digne-les-Bains',
  '05': 'Gap',
  '06': 'Nice',
  '07': 'Privas',
  '08': 'Charleville-Mézières',
  '09': 'Foix',
  10: 'Troyes',
  11: 'Carcassonne',
  12: 'Rodez',
  13: 'Marseille',
  14: 'Caen',
  15: 'Aurillac',
  16: 'Angoulême',
  17: 'La Rochelle',
  18: 'Bourges',
  19: 'Tulle',
  21: 'Dijon',
  22: 'Saint-Brieuc',
  23: 'Guéret',
  24: 'Périgueux',
  25: 'Besançon',
  26: 'Valence',
  27: 'Évreux',
  28: 'Chartres',
  29: 'Quimper',
  '2A': 'Ajaccio',
  '2B': 'Bastia',
  30: 'Nîmes',
  31: 'Toulouse',
  32: 'Auch',
  33: 'Bordeaux',
  34: 'Montpellier',
  35: 'Rennes',
  36: 'Châteauroux',
  37: 'Tours',
  38: 'Grenoble',
  39: 'Lons-le-Saunier',
  40: 'Mont-de-Marsan',
  41: 'Blois',
  42: 'Saint-Étienne',
  43: 'Le Puy-en-Velay',
  44: 'Nantes',
  45: 'Orléans',
  46: 'Cahors',
  47: 'Agen',
  48: 'Mende',
  49: 'Angers',
  50: 'Saint-Lô',
  51: 'Châlons-en-Champagne',
  52: 'Chaumont',
  53: 'Laval',
  54: 'Nancy',
  55: 'Bar-le-Duc',
  56: 'Vannes',
  57: 'Metz',
  58: 'Nevers',
  59: 'Lille',
  60: 'Beauvais',
  61: 'Alençon',
  62: 'Arras',
  63: 'Clermont-Ferrand',
  64: 'Pau',
  65: 'Tarbes',
  66: 'Perpignan',
  67: 'Strasbourg',
  68: 'Colmar',
  69: 'Lyon',
  70: 'Vesoul',
  71: 'Mâcon',
  72: 'Le Mans',
  73: 'Chambéry',
  74: 'Annecy',
  75: 'Paris',
  76: 'Rouen',
  77: 'Melun',
  78: 'Versailles',
  79: 'Niort',
  80: 'Amiens',
  81: 'Albi',
  82: 'Montauban',
  83: 'Toulon',
  84: 'Avignon',
  85: 'La Roche-sur-Yon',
  86: 'Poitiers',
  87: 'Limoges',
  88: 'Épinal',
  89: 'Auxerre',
  90: 'Belfort',
  91: 'Évry-Courcouronnes',
  92: 'Nanterre',
  93: 'Bobigny',
  94: 'Créteil',
  95: 'Cergy',
  971: 'Basse-Terre',
  972: 'Fort-de-France',
  973: 'Cayenne',
  974: 'Saint-Denis',
  976: 'Mamoudzou',
};

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG
function hashSeed(str) {
  // FNV-1a, 32 bits
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(a) {
  return function () {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRandom(seed) {
  const next = mulberry32(seed);
  const rnd = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (arr) => arr[Math.floor(next() * arr.length)],
    normal: () => {
      const u = 1 - next();
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    shuffle: (arr) => {
      const a = arr.slice();
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    },
  };
  return rnd;
}

// ---------------------------------------------------------------------------------------------
// Helpers
/** « de » with elision / contraction before a place or noun: de Lyon, d'Angers, du Mans, de La Rochelle. */
function de(word) {
  if (word.startsWith('Le ')) return `du ${word.slice(3)}`;
  if (word.startsWith('Les ')) return `des ${word.slice(4)}`;
  if (/^[aeiouyhàâäéèêëîïôöûüAEIOUYHÀÂÉÈÊÎÔÛ]/.test(word)) return `d'${word}`;
  return `de ${word}`;
}

/** Largest-remainder split of `total` into integer parts proportional to `weights`. */
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k][1]]++;
  return parts;
}

/**
 * Adjusts integer `values` (in place) so they sum to `target`, each within [min, max], moving by `step`
 * (then by `fine`) on rows taken in a pseudo-random order. Returns false if impossible.
 */
function fixSum(values, target, min, max, steps, rnd) {
  if (values.length * min > target || values.length * max < target) return false;
  const order = rnd.shuffle(values.map((_, i) => i));
  for (const step of steps) {
    let diff = target - values.reduce((a, b) => a + b, 0);
    let idle = 0;
    for (let k = 0; Math.abs(diff) >= step && idle < order.length; k = (k + 1) % order.length) {
      const i = order[k];
      const d = diff > 0 ? step : -step;
      if (values[i] + d >= min && values[i] + d <= max) {
        values[i] += d;
        diff -= d;
        idle = 0;
      } else idle++;
    }
  }
  return values.reduce((a, b) => a + b, 0) === target;
}

/** Luhn check (the checksum of SIREN numbers). */
function luhnValid(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 9 digits that fail the Luhn check: never a real SIREN. */
function fakeSiren(rnd, used) {
  for (;;) {
    let s = String(1 + rnd.int(9));
    for (let i = 0; i < 7; i++) s += rnd.int(10);
    // the one last digit that would pass the check, then any other one
    let good = 0;
    while (!luhnValid(s + good)) good++;
    const last = (good + 1 + rnd.int(9)) % 10;
    const siren = s + last;
    if (!luhnValid(siren) && !used.has(siren)) {
      used.add(siren);
      return siren;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary (fictitious names; real communes)
const PREFIXES = {
  association: [
    'Atelier fictif',
    'Association fictive',
    'Recyclerie fictive',
    "Chantier d'insertion fictif",
    'Ressourcerie fictive',
  ],
  cooperative: ['Coopérative fictive'],
  fondation: ['Fondation fictive'],
};
const TERRITOIRES = [
  (c) => `du bassin ${de(c)}`,
  (c) => `de la vallée ${de(c)}`,
  (c) => `du pays ${de(c)}`,
  (c) => `des portes ${de(c)}`,
  (c) => `des plateaux ${de(c)}`,
  (c) => `des rives ${de(c)}`,
];
const ACTIONS = [
  "Création d'un atelier",
  "Extension de l'atelier",
  'Modernisation de la ligne',
  'Acquisition de machines pour une activité',
  "Relocalisation en France d'une activité",
  "Lancement d'une unité",
  "Montée en capacité de l'activité",
];
const ACTIVITES = [
  'recyclage de plastiques agricoles',
  'réemploi de matériaux du bâtiment',
  'menuiserie à partir de bois local',
  'confection textile à partir de tissus de récupération',
  'impression 3D de pièces détachées',
  'reconditionnement de matériel informatique',
  "réparation d'appareils électroménagers",
  'tri et valorisation de textiles usagés',
  'démantèlement de déchets électriques et électroniques',
  'fabrication de vélos cargos',
  'transformation de fruits et légumes invendus',
  'blanchisserie industrielle',
  'fabrication de mobilier en matériaux recyclés',
  'usinage et chaudronnerie',
  'recyclage de matelas',
  'sérigraphie et marquage textile',
  'valorisation de palettes en bois',
  'conditionnement et logistique pour les industriels locaux',
];
const BUTS = [
  "avec un parcours d'insertion pour des personnes éloignées de l'emploi",
  "et formation aux métiers de l'industrie",
  'pour réduire les déchets enfouis sur le territoire',
  'en partenariat avec les industriels du territoire',
  "et ouverture d'un centre de formation aux métiers de la maintenance",
  'pour approvisionner les entreprises de la région',
  'en lien avec les entreprises adaptées du bassin',
  'pour former des jeunes sans qualification aux métiers de la production',
];
const SUITES = [
  "Les équipements seront mutualisés avec d'autres structures de l'économie sociale et solidaire.",
  "Le projet prévoit l'accueil de salariés en situation de handicap.",
  'La production sera vendue en priorité aux entreprises et collectivités voisines.',
  "Un tiers des postes créés seront des postes d'encadrement technique.",
  'Les locaux, une friche industrielle, seront réhabilités.',
];
const ETAPES = [
  "formation de salariés en insertion aux métiers de l'industrie",
  'achat de deux machines à commande numérique',
  'partenariat avec un lycée professionnel voisin',
  "aménagement d'un atelier de 800 m²",
];
const SURNOMS = ['Seconde vie', 'Boucle locale', 'Fil rouge', 'Atelier ouvert', 'Main verte'];

function projet(i, rnd) {
  const activite = rnd.pick(ACTIVITES);
  const action = rnd.pick(ACTIONS);
  const but = rnd.pick(BUTS);
  if (i % 15 === 4) {
    // exercises CSV export: « ; », « " » and a line break in one value
    const suite = rnd.pick(SUITES);
    const lower = (t) => t.charAt(0).toLowerCase() + t.slice(1);
    return `Projet "${rnd.pick(SURNOMS)}" : ${lower(action)} ${de(activite)} ; ${rnd.pick(ETAPES)}.\nDeuxième phase : ${lower(suite)}`;
  }
  if (i % 44 === 11) {
    // typographic apostrophe
    return `Mise en place d’une filière ${de(activite)} à l’échelle du territoire ${but}.`.replace(/'/g, '’');
  }
  const text = `${action} ${de(activite)} ${but}.`;
  return rnd.next() < 0.4 ? `${text} ${rnd.pick(SUITES)}` : text;
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

const CSV_HEADERS = [
  'Nom',
  'Statut',
  'Région',
  'Département',
  'Commune',
  "Territoire d'industrie",
  'Projet',
  'Montant (€)',
  'Emplois',
  'SIREN',
];

function csvField(value) {
  const s = String(value);
  return /[;"\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** « 1 250 000 € », with the spaces people actually type or paste (narrow no-break, no-break, plain). */
function euros(n, i) {
  const [group, before] = [
    ['\u202f', '\u00a0'], // what Intl.NumberFormat('fr-FR') produces
    [' ', ' '],
    ['\u202f', '\u202f'],
  ][i % 3];
  return `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, group)}${before}€`;
}

function toCsv({ laureats, libelles, regionName }) {
  const lines = [CSV_HEADERS.map(csvField).join(';')];
  laureats.forEach((l, i) => {
    lines.push(
      [
        l.nom,
        libelles[i],
        regionName.get(l.region),
        l.departement,
        l.commune,
        l.territoire,
        l.projet,
        euros(l.montant, i),
        l.emplois,
        l.siren,
      ]
        .map(csvField)
        .join(';'),
    );
  });
  return `\ufeff${lines.join('\r\n')}\r\n`;
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
