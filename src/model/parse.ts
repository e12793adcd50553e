/**
 * One parser for every input channel (attribute, property, JSON script child, `src` URL):
 * JSON or CSV text, or already-parsed values; canonical laureate rows, pre-aggregated rows,
 * and the Opendatasoft export of the `plan-de-relance` dataset.
 *
 * Validation is per row and per field: a row without a name is ignored (an `error` issue), an
 * unreadable value is dropped from its row (a `warning` issue). Only an input with nothing
 * usable is a fatal error. This module never throws.
 */
import type {
  AggregateRow,
  DataIssue,
  Dataset,
  DatasetMeta,
  InputFormat,
  Laureate,
  ParseResult,
  Statut,
} from './types.js';
import { DEPARTEMENTS, REGIONS, foldKey, normalizeDepartement, normalizeRegion } from './territory.js';
import { STATUTS } from './types.js';
import {
  MAX_TEXT_LENGTH,
  cleanText,
  normalizeStatut,
  parseAmount,
  parseCount,
  parseSiren,
  preview,
} from './values.js';

/** Canonical fields a source column can map to. */
type Field =
  | 'nom'
  | 'statut'
  | 'region'
  | 'departement'
  | 'commune'
  | 'territoire'
  | 'projet'
  | 'montant'
  | 'emplois'
  | 'siren'
  | 'laureats';

/**
 * Column names people use, folded with `foldKey`, for each canonical field, by priority
 * (a code column wins over a name column). Includes the Opendatasoft `plan-de-relance` fields.
 */
const FIELD_ALIASES: Record<Field, readonly string[]> = {
  nom: [
    'nom', 'name', 'laureat', 'nom du laureat', 'structure', 'nom de la structure', 'organisme',
    'raison sociale', 'denomination', 'beneficiaire', 'porteur', 'porteur de projet', 'entreprise',
  ],
  statut: [
    'statut', 'statut juridique', 'forme juridique', 'type entreprise', 'type de structure', 'type',
    'categorie juridique', 'status', 'legal status',
  ],
  region: ['region', 'code region', 'region code', 'nom region', 'code insee region', 'reg'],
  departement: [
    'departement', 'code departement', 'departement code', 'code insee departement', 'dep', 'nom departement',
    'department', 'department code',
  ],
  commune: ['commune', 'nom commune', 'ville', 'localite', 'city', 'municipality'],
  territoire: ['territoire', 'territoire d industrie', 'territoires d industrie', 'territory', 'industrial territory'],
  projet: ['projet', 'description projet', 'description', 'description du projet', 'intitule du projet', 'project', 'objet'],
  montant: [
    'montant', 'montant participation etat', 'participation etat', 'soutien', 'soutien de l etat',
    'montant de l aide', 'aide', 'aide de l etat', 'subvention', 'montant eur', 'montant euros', 'amount', 'funding',
  ],
  emplois: ['emplois', 'emplois crees', 'nombre d emplois', 'emplois prevus', 'jobs'],
  siren: ['siren', 'numero siren', 'n siren'],
  laureats: ['laureats', 'nombre de laureats', 'nb laureats', 'nombre laureats', 'count', 'laureates'],
};

const ALIAS_TO_FIELD = new Map<string, { field: Field; priority: number }>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [Field, readonly string[]][]) {
  aliases.forEach((alias, priority) => ALIAS_TO_FIELD.set(alias, { field, priority }));
}

/** Opendatasoft `plan-de-relance` fields that identify the export. */
const ODS_MARKERS = ['entreprise', 'type entreprise', 'nom region', 'code departement', 'description projet', 'mesure'];

/** Keys that hold rows inside a wrapping object. */
const ROW_KEYS = ['laureats', 'laureates', 'data', 'rows', 'records', 'results', 'items'];
const AGGREGATE_KEYS = ['statuts', 'agregats', 'aggregates', 'regions', 'departements'];

/** Longest column name that can name a field. */
const MAX_KEY_LENGTH = 200;

/** Largest number of rows read from one input. */
export const MAX_ROWS = 1_000_000;
/** Largest number of issues kept in detail (counts stay exact). */
export const MAX_ISSUES = 1000;

export interface ParseOptions {
  /** `auto` (default) detects JSON, CSV and the Opendatasoft export. */
  format?: InputFormat;
}

/** Column index plan: for each field, the source keys that feed it, best first. */
type ColumnPlan = Map<Field, string[]>;

function planColumns(keys: Iterable<string>): ColumnPlan {
  const found = new Map<Field, { key: string; priority: number }[]>();
  for (const key of keys) {
    // Column names are short: a long key is data (folding it would be slow), never a known column.
    const hit = key.length <= MAX_KEY_LENGTH ? ALIAS_TO_FIELD.get(foldKey(key)) : undefined;
    if (!hit) continue;
    const list = found.get(hit.field) ?? [];
    list.push({ key, priority: hit.priority });
    found.set(hit.field, list);
  }
  const plan: ColumnPlan = new Map();
  for (const [field, list] of found) {
    plan.set(
      field,
      list.sort((a, b) => a.priority - b.priority).map((c) => c.key),
    );
  }
  return plan;
}

function isOds(keys: Iterable<string>): boolean {
  const folded = new Set([...keys].filter((k) => k.length <= MAX_KEY_LENGTH).map(foldKey));
  return ODS_MARKERS.filter((m) => folded.has(m)).length >= 3;
}

function firstValue(row: Record<string, unknown>, keys: readonly string[] | undefined): unknown {
  if (!keys) return undefined;
  for (const key of keys) {
    const v = row[key];
    if (v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')) return v;
  }
  return undefined;
}

/** Collects issues with a cap on stored details. */
class IssueLog {
  readonly issues: DataIssue[] = [];
  errors = 0;
  warnings = 0;
  add(issue: DataIssue): void {
    if (issue.level === 'error') this.errors++;
    else this.warnings++;
    if (this.issues.length < MAX_ISSUES) this.issues.push(issue);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readText(
  row: Record<string, unknown>,
  plan: ColumnPlan,
  field: Field,
  rowNumber: number,
  log: IssueLog,
): string | undefined {
  const raw = firstValue(row, plan.get(field));
  if (raw === undefined) return undefined;
  const text = cleanText(raw);
  if (text === undefined) {
    log.add({ level: 'warning', row: rowNumber, field, value: preview(raw), code: `invalid-${field}` });
    return undefined;
  }
  if (text.length > MAX_TEXT_LENGTH) {
    log.add({ level: 'warning', row: rowNumber, field, value: preview(text), code: 'text-truncated' });
    return `${text.slice(0, MAX_TEXT_LENGTH - 1)}…`;
  }
  return text;
}

/**
 * Memoises a normaliser of raw cell values: the same few statuses, régions and départements
 * repeat over thousands of rows, and folding them (Unicode normalisation, regular expressions)
 * is the costliest part of reading a row. Same results; the cache is bounded.
 */
function memoize<R>(normalise: (value: unknown) => R): (value: unknown) => R {
  const cache = new Map<string, R>();
  return (value) => {
    if (typeof value !== 'string' || value.length > 200) return normalise(value);
    let result = cache.get(value);
    if (result === undefined && !cache.has(value)) {
      result = normalise(value);
      if (cache.size >= 4096) cache.clear();
      cache.set(value, result);
    }
    return result as R;
  };
}
const statutOf = memoize(normalizeStatut);
const regionOf = memoize(normalizeRegion);
const departementOf = memoize(normalizeDepartement);
const foldedOf = memoize((value) => foldKey(value as string));

interface Place {
  region?: string;
  departement?: string;
}

function readPlace(row: Record<string, unknown>, plan: ColumnPlan, rowNumber: number, log: IssueLog): Place {
  const place: Place = {};
  const rawDep = firstValue(row, plan.get('departement'));
  if (rawDep !== undefined) {
    const dep = departementOf(rawDep);
    if (dep) place.departement = dep;
    else log.add({ level: 'warning', row: rowNumber, field: 'departement', value: preview(rawDep), code: 'invalid-departement' });
  }
  const rawRegion = firstValue(row, plan.get('region'));
  if (rawRegion !== undefined) {
    const region = regionOf(rawRegion);
    if (region) place.region = region;
    else log.add({ level: 'warning', row: rowNumber, field: 'region', value: preview(rawRegion), code: 'invalid-region' });
  }
  if (place.departement) {
    const depRegion = DEPARTEMENTS.get(place.departement)?.region;
    if (place.region && depRegion && place.region !== depRegion) {
      log.add({
        level: 'warning',
        row: rowNumber,
        field: 'region',
        value: `${place.region} ≠ ${depRegion}`,
        code: 'region-mismatch',
      });
    }
    if (depRegion) place.region = depRegion;
  }
  return place;
}

function readNumber(
  row: Record<string, unknown>,
  plan: ColumnPlan,
  field: Field,
  parse: (v: unknown) => number | undefined,
  rowNumber: number,
  log: IssueLog,
): number | undefined {
  const raw = firstValue(row, plan.get(field));
  if (raw === undefined) return undefined;
  const value = parse(raw);
  if (value === undefined) {
    log.add({ level: 'warning', row: rowNumber, field, value: preview(raw), code: `invalid-${field}` });
  }
  return value;
}

function readStatut(
  row: Record<string, unknown>,
  plan: ColumnPlan,
  rowNumber: number,
  log: IssueLog,
): { statut?: Statut; statutLibelle?: string } {
  const raw = firstValue(row, plan.get('statut'));
  if (raw === undefined) return {};
  const statut = statutOf(raw);
  if (!statut) {
    log.add({ level: 'warning', row: rowNumber, field: 'statut', value: preview(raw), code: 'invalid-statut' });
    return {};
  }
  const label = cleanText(raw);
  return label && (label.length > 200 || foldedOf(label) !== statut) ? { statut, statutLibelle: label.slice(0, 200) } : { statut };
}

const CANONICAL_KEYS: ReadonlySet<string> = new Set([
  'nom', 'statut', 'statutLibelle', 'region', 'departement', 'commune', 'territoire', 'projet', 'montant', 'emplois', 'siren',
]);
const STATUT_KEYS: ReadonlySet<string> = new Set(STATUTS);

/** A non-empty string within `max`, with no space or control character at either end. */
function cleanString(v: unknown, max: number): boolean {
  return typeof v === 'string' && v.length > 0 && v.length <= max && v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32;
}

/**
 * Fast path for rows already in canonical form (what `parseInput` itself produces, or a well-made
 * JSON file): every key canonical, every value valid and trimmed. Such a row is used as is, not
 * copied, which halves the memory of large datasets (control characters inside its texts are not
 * scanned for: they only ever reach the page as text). Anything else goes through `toLaureate`.
 */
function canonicalLaureate(row: Record<string, unknown>): Laureate | undefined {
  for (const key in row) if (!CANONICAL_KEYS.has(key)) return undefined;
  if (!cleanString(row['nom'], 500)) return undefined;
  const statut = row['statut'];
  if (typeof statut !== 'string' || !STATUT_KEYS.has(statut)) return undefined;
  const { statutLibelle, region, departement, montant, emplois, siren } = row;
  if (statutLibelle !== undefined && !cleanString(statutLibelle, 200)) return undefined;
  if (region !== undefined && (typeof region !== 'string' || !REGIONS.has(region))) return undefined;
  if (departement !== undefined) {
    if (typeof departement !== 'string') return undefined;
    const dep = DEPARTEMENTS.get(departement);
    if (!dep || (region !== undefined && region !== dep.region) || region === undefined) return undefined;
  }
  for (const field of ['commune', 'territoire', 'projet'] as const) {
    const v = row[field];
    if (v !== undefined && !cleanString(v, MAX_TEXT_LENGTH)) return undefined;
  }
  if (montant !== undefined && !(typeof montant === 'number' && Number.isFinite(montant) && montant >= 0 && montant <= 1e15)) return undefined;
  if (emplois !== undefined && !(typeof emplois === 'number' && Number.isInteger(emplois) && emplois >= 0 && emplois <= 1e12)) return undefined;
  if (siren !== undefined && !(typeof siren === 'string' && /^\d{9}$/.test(siren))) return undefined;
  return row as unknown as Laureate;
}

function toLaureate(row: Record<string, unknown>, plan: ColumnPlan, rowNumber: number, log: IssueLog): Laureate | undefined {
  const rawNom = firstValue(row, plan.get('nom'));
  const nom = rawNom === undefined ? undefined : cleanText(rawNom);
  if (!nom) {
    log.add({ level: 'error', row: rowNumber, field: 'nom', value: preview(rawNom ?? ''), code: 'missing-nom' });
    return undefined;
  }
  if (nom.length > 500) log.add({ level: 'warning', row: rowNumber, field: 'nom', value: preview(nom), code: 'text-truncated' });
  const { statut, statutLibelle } = readStatut(row, plan, rowNumber, log);
  const laureate: Laureate = { nom: nom.length > 500 ? `${nom.slice(0, 499)}…` : nom, statut: statut ?? 'autre' };
  if (statutLibelle) laureate.statutLibelle = statutLibelle;
  const place = readPlace(row, plan, rowNumber, log);
  if (place.region) laureate.region = place.region;
  if (place.departement) laureate.departement = place.departement;
  for (const field of ['commune', 'territoire', 'projet'] as const) {
    const text = readText(row, plan, field, rowNumber, log);
    if (text !== undefined) laureate[field] = text;
  }
  const montant = readNumber(row, plan, 'montant', parseAmount, rowNumber, log);
  if (montant !== undefined) laureate.montant = montant;
  const emplois = readNumber(row, plan, 'emplois', parseCount, rowNumber, log);
  if (emplois !== undefined) laureate.emplois = emplois;
  const rawSiren = firstValue(row, plan.get('siren'));
  if (rawSiren !== undefined) {
    const siren = parseSiren(rawSiren);
    if (siren) laureate.siren = siren;
    else log.add({ level: 'warning', row: rowNumber, field: 'siren', value: preview(rawSiren), code: 'invalid-siren' });
  }
  return laureate;
}

function toAggregate(row: Record<string, unknown>, plan: ColumnPlan, rowNumber: number, log: IssueLog): AggregateRow | undefined {
  const aggregate: AggregateRow = {};
  const { statut, statutLibelle } = readStatut(row, plan, rowNumber, log);
  if (statut) aggregate.statut = statut;
  if (statutLibelle) aggregate.statutLibelle = statutLibelle;
  const place = readPlace(row, plan, rowNumber, log);
  if (place.region) aggregate.region = place.region;
  if (place.departement) aggregate.departement = place.departement;
  const laureats = readNumber(row, plan, 'laureats', parseCount, rowNumber, log);
  if (laureats !== undefined) aggregate.laureats = laureats;
  const montant = readNumber(row, plan, 'montant', parseAmount, rowNumber, log);
  if (montant !== undefined) aggregate.montant = montant;
  const emplois = readNumber(row, plan, 'emplois', parseCount, rowNumber, log);
  if (emplois !== undefined) aggregate.emplois = emplois;
  if (!aggregate.statut && !aggregate.region && !aggregate.departement) {
    log.add({ level: 'error', row: rowNumber, value: preview(row), code: 'missing-category' });
    return undefined;
  }
  return aggregate;
}

function readMeta(value: Record<string, unknown>): DatasetMeta {
  const source = isPlainObject(value['meta']) ? value['meta'] : value;
  const meta: DatasetMeta = {};
  const text = (k: string): string | undefined => {
    const v = source[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, 500) : undefined;
  };
  const title = text('title') ?? text('titre');
  if (title) meta.title = title;
  const s = text('source');
  if (s) meta.source = s;
  const url = text('sourceUrl') ?? text('source_url') ?? text('url');
  if (url) meta.sourceUrl = url;
  const updated = text('updated') ?? text('date') ?? text('mise_a_jour');
  if (updated) meta.updated = updated;
  const licence = text('licence') ?? text('license');
  if (licence) meta.licence = licence;
  const fictitious = source['fictitious'] ?? source['fictif'];
  if (fictitious === true) meta.fictitious = true;
  else if (fictitious === false) meta.fictitious = false;
  return meta;
}

/** Totals declared by the source (`{"totaux": {"laureats": 44, "montant": 17200000, "emplois": 521}}`). */
function readDeclaredTotals(value: Record<string, unknown>): Dataset['declaredTotals'] {
  const t = value['totaux'] ?? value['totals'];
  if (!isPlainObject(t)) return undefined;
  const out: NonNullable<Dataset['declaredTotals']> = {};
  const laureats = parseCount(t['laureats']);
  if (laureats !== undefined) out.laureats = laureats;
  const montant = parseAmount(t['montant']);
  if (montant !== undefined) out.montant = montant;
  const emplois = parseCount(t['emplois']);
  if (emplois !== undefined) out.emplois = emplois;
  return Object.keys(out).length ? out : undefined;
}

/** Splits a JSON value into rows to read, rows already known to be aggregates, and metadata. */
function unwrap(
  value: unknown,
): { rows: unknown[]; aggregates: unknown[]; meta: DatasetMeta; declaredTotals?: Dataset['declaredTotals'] } | undefined {
  if (Array.isArray(value)) return { rows: value, aggregates: [], meta: {} };
  if (!isPlainObject(value)) return undefined;
  const meta = readMeta(value);
  const declaredTotals = readDeclaredTotals(value);
  let rows: unknown[] | undefined;
  // An empty list under a known key (`{"statuts": []}`) is an empty dataset, not an unknown shape.
  let emptyList = false;
  for (const key of ROW_KEYS) {
    const v = value[key];
    if (Array.isArray(v)) {
      rows = v;
      break;
    }
  }
  const aggregates: unknown[] = [];
  for (const key of AGGREGATE_KEYS) {
    const v = value[key];
    if (Array.isArray(v)) {
      // One by one: spreading a very long array as arguments overflows the stack.
      for (const a of v) aggregates.push(a);
      if (v.length === 0) emptyList = true;
    }
  }
  if (!rows && aggregates.length === 0 && !emptyList) {
    // Declared totals only (`{"totaux": {...}}`): enough for key figures.
    if (declaredTotals) return { rows: [], aggregates: [], meta, declaredTotals };
    // A single record.
    if (Object.keys(value).some((k) => ALIAS_TO_FIELD.has(foldKey(k)))) return { rows: [value], aggregates: [], meta };
    return undefined;
  }
  // Opendatasoft v1 records wrap each row in `fields`.
  const flat = (rows ?? []).map((r) => (isPlainObject(r) && isPlainObject(r['fields']) ? r['fields'] : r));
  return declaredTotals ? { rows: flat, aggregates, meta, declaredTotals } : { rows: flat, aggregates, meta };
}

/** Guesses the CSV separator from the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  // The whole first line (a long one is still linear), not a fixed prefix: a long first column name would hide the
  // separators.
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** CSV text split into cells, with the rows whose quoting had to be repaired. */
interface CsvTable {
  rows: string[][];
  /** Indices (in `rows`) of rows with a quote that was not closed, or text after a closing quote. */
  badQuotes: Set<number>;
  /** Indices of rows whose unclosed quote ran to the end of the text. */
  unclosed: Set<number>;
  /** The text ends with a line break (a file cut in the middle of a row does not). */
  endsWithNewline: boolean;
}

/**
 * Splits CSV text into rows of cells: RFC 4180 (quoted fields may hold separators, line breaks and doubled quotes),
 * leniently. A quote that is never closed is read as a plain character (instead of swallowing every following row),
 * and text after a closing quote is kept (`"Les Amis" de la Terre` → `Les Amis de la Terre`); both are reported.
 * One pass, linear time.
 */
function splitCsv(text: string, separator: string): CsvTable {
  const SEP = separator.charCodeAt(0);
  let n = text.length;
  let endsWithNewline = false;
  if (text.charCodeAt(n - 1) === LF) {
    n--;
    endsWithNewline = true;
  }
  if (text.charCodeAt(n - 1) === CR) {
    n--;
    endsWithNewline = true;
  }
  const table: CsvTable = { rows: [], badQuotes: new Set(), unclosed: new Set(), endsWithNewline };
  if (n <= 0) return table;
  /** Index of the next separator or line break from `k` (or `n`). */
  const fieldEnd = (k: number): number => {
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === SEP || c === LF || c === CR) break;
      k++;
    }
    return k;
  };
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value: string;
    let end: number;
    if (text.charCodeAt(i) === QUOTE) {
      let from = i + 1;
      let closedAt = -1;
      value = '';
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0 || q >= n) break;
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        closedAt = q;
        break;
      }
      if (closedAt >= 0) {
        end = fieldEnd(closedAt + 1);
        if (end > closedAt + 1) {
          value += text.slice(closedAt + 1, end);
          table.badQuotes.add(table.rows.length);
        }
      } else {
        // Never closed: no quote follows, so reading the quote as a plain character is final.
        end = fieldEnd(i + 1);
        value = text.slice(i, end);
        table.badQuotes.add(table.rows.length);
        table.unclosed.add(table.rows.length);
      }
    } else {
      end = fieldEnd(i);
      value = text.slice(i, end);
    }
    row.push(value);
    if (end >= n) break;
    const c = text.charCodeAt(end);
    i = end + 1;
    if (c === SEP) {
      if (i >= n) {
        row.push('');
        break;
      }
      continue;
    }
    if (c === CR && text.charCodeAt(i) === LF) i++;
    table.rows.push(row);
    row = [];
    if (i >= n) return table;
  }
  table.rows.push(row);
  return table;
}

/** Reads CSV text (`,` `;` or tab; RFC 4180 quoting) into objects keyed by the header. */
function readCsv(
  text: string,
  log: IssueLog,
): { rows: Record<string, string>[]; header: string[]; numbers: number[]; dropped: number } | { error: string } {
  const separator = detectSeparator(text);
  const table = splitCsv(text, separator);
  const header = (table.rows[0] ?? []).map((h) => h.trim());
  // A header without any known column name is not a header (text, or a CSV of something else).
  if (!header.some((h) => h.length <= MAX_KEY_LENGTH && ALIAS_TO_FIELD.has(foldKey(h)))) {
    return { error: `no usable header line (read: ${preview(header.join(separator), 80)})` };
  }
  // A column name given twice: the first column is read.
  const seen = new Set<string>();
  const columns = header.map((h) => (h === '' || seen.has(h) ? undefined : (seen.add(h), h)));
  const rows: Record<string, string>[] = [];
  /** Row number in the source of each row read (blank lines are skipped but keep their number). */
  const numbers: number[] = [];
  let dropped = 0;
  const last = table.rows.length - 1;
  for (let t = 1; t <= last; t++) {
    const cells = table.rows[t]!;
    const rowNumber = t;
    if (cells.every((c) => c.trim() === '')) continue; // blank line
    // The last row of a text cut short (no final line break, missing cells or an open quote) is not trusted:
    // its last value is probably cut too (« 1 250 000 » read as « 12 »).
    if (t === last && !table.endsWithNewline && (cells.length < header.length || table.unclosed.has(t))) {
      log.add({ level: 'error', row: rowNumber, value: preview(cells.join(separator)), code: 'truncated-row' });
      dropped++;
      continue;
    }
    if (table.badQuotes.has(t)) {
      log.add({ level: 'warning', row: rowNumber, value: preview(cells.find((c) => c.includes('"')) ?? cells.join(separator)), code: 'csv-quote' });
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      log.add({ level: 'warning', row: rowNumber, value: preview(cells.slice(header.length).join(separator)), code: 'extra-columns' });
    }
    const row: Record<string, string> = {};
    columns.forEach((h, j) => {
      if (h !== undefined && cells[j] !== undefined) row[h] = cells[j] as string;
    });
    rows.push(row);
    numbers.push(rowNumber);
  }
  return { rows, header, numbers, dropped };
}

const LAUREATE_FIELDS = ['nom', 'statut', 'statutLibelle', 'region', 'departement', 'commune', 'territoire', 'projet', 'montant', 'emplois', 'siren'] as const;
const AGGREGATE_FIELDS = ['statut', 'statutLibelle', 'region', 'departement', 'laureats', 'montant', 'emplois'] as const;

/**
 * Duplicate rows. The same row twice (every field equal once read) is a copy: the second is ignored and reported
 * (`duplicate` error, `ref` = the first row), so nothing is counted twice. Two different rows with the same name and
 * the same SIREN are kept (a laureate may have two projects) and reported as a possible duplicate (`duplicate`
 * warning). Rows with the same name and no SIREN are homonyms, not duplicates.
 */
/** FNV-1a hash of a name (its first 100 characters and its length). */
function hashName(name: string): number {
  let h = 0x811c9dc5 ^ name.length;
  const n = Math.min(name.length, 100);
  for (let i = 0; i < n; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class DuplicateFinder {
  /**
   * A hash table of the rows kept, by name: `heads[bucket]` and `next[row]` hold row index + 1 (0 ends a chain).
   * Faster than a `Map` keyed by the names on large inputs, where this check must stay cheap.
   */
  private readonly _heads: Int32Array;
  private readonly next: number[] = [];
  private readonly mask: number;
  /** Rows kept so far, and their row numbers in the source. */
  private readonly rows: Laureate[];
  private readonly numbers: number[] = [];
  private readonly _aggregateKeys = new Map<string, number>();
  private readonly log: IssueLog;

  constructor(log: IssueLog, rows: Laureate[], capacity: number) {
    this.log = log;
    this.rows = rows;
    let size = 16;
    while (size < capacity * 2 && size < 1 << 22) size <<= 1;
    this._heads = new Int32Array(size);
    this.mask = size - 1;
  }

  /** Adds the row to `rows` unless it is a copy of an earlier one (then reported and left out). */
  addLaureate(row: Laureate, number: number): void {
    const bucket = hashName(row.nom) & this.mask;
    let sameSiren = -1;
    // Up to 32 earlier rows of the bucket (linear time on any input, even a name repeated thousands of times).
    for (let k = this._heads[bucket]! - 1, steps = 0; k >= 0 && steps < 32; k = this.next[k]! - 1, steps++) {
      const e = this.rows[k]!;
      if (e.nom !== row.nom) continue;
      if (LAUREATE_FIELDS.every((f) => e[f] === row[f])) {
        this.log.add({ level: 'error', row: number, ref: this.numbers[k], value: preview(row.nom), code: 'duplicate' });
        return;
      }
      if (row.siren !== undefined && e.siren === row.siren) sameSiren = k;
    }
    if (sameSiren >= 0) {
      this.log.add({ level: 'warning', row: number, ref: this.numbers[sameSiren], field: 'siren', value: row.siren, code: 'duplicate' });
    }
    const index = this.rows.length;
    this.rows.push(row);
    this.numbers.push(number);
    this.next.push(this._heads[bucket]!);
    this._heads[bucket] = index + 1;
  }

  keepAggregate(row: AggregateRow, number: number): boolean {
    const key = AGGREGATE_FIELDS.map((f) => row[f] ?? '').join('\u0001');
    const first = this._aggregateKeys.get(key);
    if (first !== undefined) {
      this.log.add({ level: 'error', row: number, ref: first, value: preview(row), code: 'duplicate' });
      return false;
    }
    this._aggregateKeys.set(key, number);
    return true;
  }
}

function emptyDataset(format: InputFormat): Dataset {
  return { kind: 'laureates', laureates: [], aggregates: [], issues: [], rowCount: 0, ignoredCount: 0, format, meta: {} };
}

/**
 * Parses any input into a validated dataset.
 * - a string is read as JSON (when it starts with `[` or `{`, or `format="json"`) or CSV;
 * - an array of objects is read as rows; an object may wrap rows (`laureats`, `results`, `records`…),
 *   aggregates (`statuts`, `regions`…) and metadata (`meta`);
 * - rows with a name (`nom` or an alias) are laureates; rows without are aggregates when they carry
 *   a status or a territory.
 */
export function parseInput(input: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parseUnsafe(input, options.format ?? 'auto');
  } catch (e) {
    return { ok: false, error: { code: 'unusable', details: e instanceof Error ? e.message : String(e) } };
  }
}

function parseUnsafe(input: unknown, format: InputFormat): ParseResult {
  const log = new IssueLog();
  if (input === undefined || input === null) return { ok: true, dataset: emptyDataset(format) };
  let value: unknown = input;
  let csvRows: Record<string, string>[] | undefined;
  let csvNumbers: number[] | undefined;
  let csvDropped = 0;
  let detected: InputFormat = format === 'auto' ? 'json' : format;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    if (text.trim() === '') return { ok: true, dataset: emptyDataset(format) };
    const looksJson = /^\s*[[{]/.test(text);
    let json: { value: unknown } | { error: string } | undefined;
    if (format !== 'csv') {
      try {
        json = { value: JSON.parse(text) };
      } catch (e) {
        json = { error: e instanceof Error ? e.message : String(e) };
      }
    }
    if (json && ('value' in json || format === 'json' || looksJson)) {
      if ('error' in json) return { ok: false, error: { code: 'invalid-json', details: json.error } };
      value = json.value;
      detected = format === 'ods' ? 'ods' : 'json';
    } else {
      const csv = readCsv(text, log);
      if ('error' in csv) return { ok: false, error: { code: 'invalid-csv', details: csv.error } };
      csvRows = csv.rows;
      csvNumbers = csv.numbers;
      csvDropped = csv.dropped;
      detected = format === 'ods' || isOds(csv.header) ? 'ods' : 'csv';
    }
  }
  const unwrapped = csvRows ? { rows: csvRows as unknown[], aggregates: [], meta: {} } : unwrap(value);
  if (!unwrapped) {
    return { ok: false, error: { code: 'unusable', details: `expected an array of rows or an object holding one, got ${preview(value, 80)}` } };
  }
  const { rows, aggregates: aggregateInputs, meta } = unwrapped;
  const declaredTotals = 'declaredTotals' in unwrapped ? unwrapped.declaredTotals : undefined;
  if (rows.length + aggregateInputs.length > MAX_ROWS) {
    return { ok: false, error: { code: 'too-large', details: `${rows.length + aggregateInputs.length} rows; at most ${MAX_ROWS}` } };
  }
  const keys = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (isPlainObject(r)) for (const k in r) keys.add(k);
  }
  if (detected === 'json' && isOds(keys)) detected = 'ods';
  const plan = planColumns(keys);
  const isLaureates = plan.has('nom');
  const laureates: Laureate[] = [];
  const aggregates: AggregateRow[] = [];
  const duplicates = new DuplicateFinder(log, laureates, isLaureates ? rows.length : 0);
  // Indexed loops, not forEach: the holes of a sparse array are rows too (reported, not skipped silently).
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const rowNumber = csvNumbers ? csvNumbers[i]! : i + 1;
    if (!isPlainObject(row)) {
      log.add({ level: 'error', row: rowNumber, value: preview(row), code: 'not-an-object' });
      continue;
    }
    if (isLaureates) {
      const l = canonicalLaureate(row) ?? toLaureate(row, plan, rowNumber, log);
      if (l) duplicates.addLaureate(l, rowNumber);
    } else {
      const a = toAggregate(row, plan, rowNumber, log);
      if (a && duplicates.keepAggregate(a, rowNumber)) aggregates.push(a);
    }
  }
  const offset = rows.length + csvDropped;
  for (let i = 0; i < aggregateInputs.length; i++) {
    const row = aggregateInputs[i];
    if (!isPlainObject(row)) {
      log.add({ level: 'error', row: offset + i + 1, value: preview(row), code: 'not-an-object' });
      continue;
    }
    const a = toAggregate(row, planColumns(Object.keys(row)), offset + i + 1, log);
    if (a && duplicates.keepAggregate(a, offset + i + 1)) aggregates.push(a);
  }
  const rowCount = rows.length + csvDropped + aggregateInputs.length;
  const dataset: Dataset = {
    kind: isLaureates ? 'laureates' : aggregates.length > 0 || rowCount === 0 ? 'aggregates' : 'laureates',
    laureates,
    aggregates,
    issues: log.issues,
    rowCount,
    ignoredCount: log.errors,
    format: detected,
    meta,
  };
  if (declaredTotals) dataset.declaredTotals = declaredTotals;
  if (rowCount > 0 && laureates.length === 0 && aggregates.length === 0) {
    return {
      ok: false,
      error: { code: isLaureates ? 'no-valid-rows' : 'unusable', details: `${rowCount} rows, none usable`, issues: log.issues },
    };
  }
  return { ok: true, dataset };
}

/**
 * The columns of an input, in order, each with the field it is read as (none: not used). For the builder's report
 * (src/builder/); the widgets do not use it (it is not in the package's main entry). Never throws.
 */
export function describeColumns(input: unknown, format: InputFormat = 'auto'): { column: string; field?: string }[] {
  try {
    let value: unknown = input;
    let rows: unknown[] | undefined;
    if (typeof input === 'string') {
      const text = input.replace(/^\uFEFF/, '');
      let json: { value: unknown } | undefined;
      if (format !== 'csv') {
        try {
          json = { value: JSON.parse(text) };
        } catch {
          json = undefined;
        }
      }
      if (json) value = json.value;
      else {
        const csv = readCsv(text, new IssueLog());
        if ('error' in csv) return [];
        rows = csv.rows;
      }
    }
    if (!rows) {
      const unwrapped = unwrap(value);
      rows = [...(unwrapped?.rows ?? []), ...(unwrapped?.aggregates ?? [])];
    }
    const keys = new Set<string>();
    for (const r of rows.slice(0, 1000)) if (isPlainObject(r)) for (const k in r) keys.add(k);
    const plan = planColumns(keys);
    const readAs = new Map<string, string>();
    for (const [field, columns] of plan) if (columns[0] !== undefined) readAs.set(columns[0], field);
    return [...keys].map((column) => (readAs.has(column) ? { column, field: readAs.get(column)! } : { column }));
  } catch {
    return [];
  }
}
