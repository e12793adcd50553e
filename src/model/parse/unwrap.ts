/**
 * The shapes a JSON value may take: an array of rows, or an object wrapping rows (`laureats`, `results`, `records`…),
 * pre-aggregated rows (`statuts`, `regions`…), metadata (`meta`) and declared totals (`totaux`).
 */
import type { Dataset, DatasetMeta } from '../types.js';
import { foldKey } from '../territory.js';
import { parseAmount, parseCount } from '../values.js';
import { ALIAS_TO_FIELD } from './columns.js';
import { isRecord } from '../values.js';

/** Keys that hold rows inside a wrapping object. */
const ROW_KEYS = ['laureats', 'laureates', 'data', 'rows', 'records', 'results', 'items'];
const AGGREGATE_KEYS = ['statuts', 'agregats', 'aggregates', 'regions', 'departements'];

function readMeta(value: Record<string, unknown>): DatasetMeta {
  const source = isRecord(value['meta']) ? value['meta'] : value;
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
  if (!isRecord(t)) return undefined;
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
export function unwrap(
  value: unknown,
):
  | { rows: unknown[]; aggregates: unknown[]; meta: DatasetMeta; declaredTotals?: Dataset['declaredTotals'] }
  | undefined {
  if (Array.isArray(value)) return { rows: value, aggregates: [], meta: {} };
  if (!isRecord(value)) return undefined;
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
  const flat = (rows ?? []).map((r) => (isRecord(r) && isRecord(r['fields']) ? r['fields'] : r));
  return declaredTotals ? { rows: flat, aggregates, meta, declaredTotals } : { rows: flat, aggregates, meta };
}
