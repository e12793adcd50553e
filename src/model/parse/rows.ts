/**
 * One source row to one laureate or one pre-aggregated row, field by field: a row without a name is ignored (an
 * `error` issue), an unreadable value is dropped from its row (a `warning` issue).
 */
import type { AggregateRow, Laureate, Statut } from '../types.js';
import { DEPARTEMENTS, REGIONS, foldKey, normalizeDepartement, normalizeRegion } from '../territory.js';
import { STATUTS } from '../types.js';
import {
  MAX_TEXT_LENGTH,
  cleanText,
  normalizeStatut,
  parseAmount,
  parseCount,
  parseSiren,
  preview,
} from '../values.js';
import type { ColumnPlan, Field } from './columns.js';
import { firstValue } from './columns.js';
import type { IssueLog } from './issues.js';

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
    else
      log.add({
        level: 'warning',
        row: rowNumber,
        field: 'departement',
        value: preview(rawDep),
        code: 'invalid-departement',
      });
  }
  const rawRegion = firstValue(row, plan.get('region'));
  if (rawRegion !== undefined) {
    const region = regionOf(rawRegion);
    if (region) place.region = region;
    else
      log.add({ level: 'warning', row: rowNumber, field: 'region', value: preview(rawRegion), code: 'invalid-region' });
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
  return label && (label.length > 200 || foldedOf(label) !== statut)
    ? { statut, statutLibelle: label.slice(0, 200) }
    : { statut };
}

const CANONICAL_KEYS: ReadonlySet<string> = new Set([
  'nom',
  'statut',
  'statutLibelle',
  'region',
  'departement',
  'commune',
  'territoire',
  'projet',
  'montant',
  'emplois',
  'siren',
]);
const STATUT_KEYS: ReadonlySet<string> = new Set(STATUTS);

/** A non-empty string within `max`, with no space or control character at either end. */
function cleanString(v: unknown, max: number): boolean {
  return (
    typeof v === 'string' && v.length > 0 && v.length <= max && v.charCodeAt(0) > 32 && v.charCodeAt(v.length - 1) > 32
  );
}

/**
 * Fast path for rows already in canonical form (what `parseInput` itself produces, or a well-made
 * JSON file): every key canonical, every value valid and trimmed. Such a row is used as is, not
 * copied, which halves the memory of large datasets (control characters inside its texts are not
 * scanned for: they only ever reach the page as text). Anything else goes through `toLaureate`.
 */
export function canonicalLaureate(row: Record<string, unknown>): Laureate | undefined {
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
  if (
    montant !== undefined &&
    !(typeof montant === 'number' && Number.isFinite(montant) && montant >= 0 && montant <= 1e15)
  )
    return undefined;
  if (
    emplois !== undefined &&
    !(typeof emplois === 'number' && Number.isInteger(emplois) && emplois >= 0 && emplois <= 1e12)
  )
    return undefined;
  if (siren !== undefined && !(typeof siren === 'string' && /^\d{9}$/.test(siren))) return undefined;
  return row as unknown as Laureate;
}

export function toLaureate(
  row: Record<string, unknown>,
  plan: ColumnPlan,
  rowNumber: number,
  log: IssueLog,
): Laureate | undefined {
  const rawNom = firstValue(row, plan.get('nom'));
  const nom = rawNom === undefined ? undefined : cleanText(rawNom);
  if (!nom) {
    log.add({ level: 'error', row: rowNumber, field: 'nom', value: preview(rawNom ?? ''), code: 'missing-nom' });
    return undefined;
  }
  if (nom.length > 500)
    log.add({ level: 'warning', row: rowNumber, field: 'nom', value: preview(nom), code: 'text-truncated' });
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

export function toAggregate(
  row: Record<string, unknown>,
  plan: ColumnPlan,
  rowNumber: number,
  log: IssueLog,
): AggregateRow | undefined {
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
