/**
 * Totals by status or territory, from laureate rows or from pre-aggregated rows.
 */
import type { AggregateRow, Dataset, Laureate, Metric } from './types.js';

/** Totals of one group. `missing` counts the rows whose value is unknown for that measure. */
export interface Totals {
  laureats: number;
  montant: number;
  emplois: number;
  missing: Record<Metric, number>;
}

export type GroupKey = 'statut' | 'region' | 'departement';

export function emptyTotals(): Totals {
  return { laureats: 0, montant: 0, emplois: 0, missing: { laureats: 0, montant: 0, emplois: 0 } };
}

function addLaureate(t: Totals, l: Laureate): void {
  t.laureats += 1;
  if (l.montant === undefined) t.missing.montant++;
  else t.montant += l.montant;
  if (l.emplois === undefined) t.missing.emplois++;
  else t.emplois += l.emplois;
}

function addAggregate(t: Totals, a: AggregateRow): void {
  for (const m of ['laureats', 'montant', 'emplois'] as const) {
    const v = a[m];
    if (v === undefined) t.missing[m]++;
    else t[m] += v;
  }
}

/** Totals of laureate rows grouped by a key; rows without that key are left out. */
export function groupLaureates(rows: readonly Laureate[], by: GroupKey): Map<string, Totals> {
  const groups = new Map<string, Totals>();
  for (const l of rows) {
    const key = l[by];
    if (key === undefined) continue;
    let t = groups.get(key);
    if (!t) groups.set(key, (t = emptyTotals()));
    addLaureate(t, l);
  }
  return groups;
}

/**
 * Totals grouped by a key, from a dataset of either kind. For aggregates, only rows that carry the
 * key and no finer key are used (a row for « association » in « 84 » does not count twice).
 */
export function groupTotals(dataset: Dataset, by: GroupKey): Map<string, Totals> {
  if (dataset.kind === 'laureates') return groupLaureates(dataset.laureates, by);
  const groups = new Map<string, Totals>();
  for (const a of dataset.aggregates) {
    const key = a[by];
    if (key === undefined) continue;
    let t = groups.get(key);
    if (!t) groups.set(key, (t = emptyTotals()));
    addAggregate(t, a);
  }
  return groups;
}

/** Grand totals of laureate rows. */
export function totalOf(rows: readonly Laureate[]): Totals {
  const t = emptyTotals();
  for (const l of rows) addLaureate(t, l);
  return t;
}

/** Sum of several totals. */
export function sumTotals(parts: Iterable<Totals>): Totals {
  const t = emptyTotals();
  for (const p of parts) {
    t.laureats += p.laureats;
    t.montant += p.montant;
    t.emplois += p.emplois;
    for (const m of ['laureats', 'montant', 'emplois'] as const) t.missing[m] += p.missing[m];
  }
  return t;
}
