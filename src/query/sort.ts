/**
 * Sorting rows of a {@link ListIndex}: French collation for text, numeric order for amounts and jobs, missing values
 * last, stable; and sorting names without a collator.
 */
import type { Laureate } from '../model/types.js';
import type { ListColumn, ListSort } from './columns.js';
import { NUMERIC_COLUMNS } from './columns.js';
import type { IndexState, ListIndex } from './list-index.js';
import { foldText } from './search.js';

let collator: Intl.Collator | undefined;
/**
 * French collation, numbers inside text compared as numbers (« Lot 2 » < « Lot 10 »). Created on first use, not when
 * the module loads: creating the first `Intl.Collator` of a page costs 15 to 25 ms (collation data), which every
 * page would pay before its first paint, sort or not.
 */
export function frenchCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator('fr', { sensitivity: 'base', numeric: true }));
}

/**
 * Sorts names (of régions, départements…) in French order without the collator: by their folded form (no accents,
 * no case, punctuation as spaces), then as written. The same order as {@link frenchCollator} for the names of every
 * région and département (checked in the tests), so that filter lists need no collator before the first paint.
 */
export function sortByName<T extends { name: string }>(items: T[]): T[] {
  const key = new Map(items.map((item) => [item, foldText(item.name)]));
  return items.sort((a, b) => {
    const ka = key.get(a)!;
    const kb = key.get(b)!;
    return ka < kb ? -1 : ka > kb ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}
/**
 * Forgets the cached sort ranks of a column (or of every column), e.g. when the labels given
 * by `sortText` change with the language. They are computed again at the next sort.
 */
export function clearSortRanks(index: ListIndex, column?: ListColumn): void {
  const state = index as IndexState;
  if (column) state.ranks.delete(column);
  else state.ranks.clear();
}

function defaultSortText(row: Laureate, column: ListColumn): string | undefined {
  const value: unknown = row[column];
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- cells are strings, numbers or booleans
  return typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value);
}

/** Ranks of every row for a column: equal values share a rank; -1 for a missing value. */
function columnRanks(state: IndexState, column: ListColumn): { ranks: Int32Array; distinct: number } {
  const cached = state.ranks.get(column);
  if (cached) return cached;
  const n = state.rows.length;
  const ranks = new Int32Array(n);
  let distinct = 0;
  if (NUMERIC_COLUMNS.has(column)) {
    const values = column === 'montant' ? state.montant : state.emplois;
    // Distinct values, ascending; a row's rank is the position of its value (binary search).
    const sorted = values.filter((v) => !Number.isNaN(v)).sort();
    for (let k = 0; k < sorted.length; k++) {
      if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k]!;
    }
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) {
        ranks[i] = -1;
        continue;
      }
      let low = 0;
      let high = distinct - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle]! < v) low = middle + 1;
        else high = middle;
      }
      ranks[i] = low;
    }
  } else {
    const sortText = state.options.sortText;
    const keys = new Array<string | undefined>(n);
    const rankOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const row = state.rows[i]!;
      let key = sortText?.(row, column) ?? defaultSortText(row, column);
      if (key !== undefined) {
        key = key.trim();
        if (key === '') key = undefined;
        else rankOf.set(key, 0);
      }
      keys[i] = key;
    }
    const compare = frenchCollator().compare;
    const values = [...rankOf.keys()].sort(compare);
    for (let k = 0; k < values.length; k++) {
      if (k > 0 && compare(values[k - 1]!, values[k]!) !== 0) distinct++;
      rankOf.set(values[k]!, distinct);
    }
    if (values.length > 0) distinct++;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      ranks[i] = key === undefined ? -1 : rankOf.get(key)!;
    }
  }
  const entry = { ranks, distinct };
  state.ranks.set(column, entry);
  return entry;
}

/**
 * Sorts row indices by a column: French collation (`Intl.Collator('fr', {sensitivity: 'base',
 * numeric: true})`) for text columns, numeric order for `montant` and `emplois`. Missing values
 * (absent, empty text, non-finite number) come last in both directions; ties keep the order of
 * `indices` (dataset order for {@link queryList}) in both directions.
 * The first sort by a column ranks every row once (cached in the index); later sorts are a
 * linear counting sort by rank. Returns a new array.
 */
export function sortIndices(index: ListIndex, indices: ArrayLike<number>, sort: ListSort): Int32Array {
  const state = index as IndexState;
  const { ranks, distinct } = columnRanks(state, sort.column);
  const m = indices.length;
  const descending = sort.direction === 'descending';
  // Bucket per rank, missing values in the last bucket (`distinct`).
  const buckets = new Int32Array(m);
  const starts = new Int32Array(distinct + 2);
  for (let j = 0; j < m; j++) {
    const r = ranks[indices[j]!]!;
    const bucket = r < 0 ? distinct : descending ? distinct - 1 - r : r;
    buckets[j] = bucket;
    starts[bucket + 1]!++;
  }
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const out = new Int32Array(m);
  for (let j = 0; j < m; j++) out[starts[buckets[j]!]!++] = indices[j]!;
  return out;
}
