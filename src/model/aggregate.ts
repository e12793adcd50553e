/**
 * Totals by status or territory, from laureate rows or from pre-aggregated rows. The one place where totals of
 * laureates are computed: every widget (key figures, donut, map, list) and the query engine add rows with
 * {@link addLaureate}.
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

/**
 * Adds one laureate to totals. An amount or a number of jobs counts when it is a finite number; anything else (absent,
 * or not a number in rows that did not come through the parser) is missing, never added.
 */
export function addLaureate(t: Totals, l: Laureate): void {
  t.laureats += 1;
  const montant = l.montant;
  if (typeof montant === 'number' && Number.isFinite(montant)) t.montant += montant;
  else t.missing.montant++;
  const emplois = l.emplois;
  if (typeof emplois === 'number' && Number.isFinite(emplois)) t.emplois += emplois;
  else t.missing.emplois++;
}

function addAggregate(t: Totals, a: AggregateRow): void {
  for (const m of ['laureats', 'montant', 'emplois'] as const) {
    const v = a[m];
    if (v === undefined) t.missing[m]++;
    else t[m] += v;
  }
}

/**
 * Totals of laureate rows grouped by a key; rows without that key are left out. With `indices`, only the rows at
 * those positions, in that order (the result of a query).
 */
export function groupLaureates(
  rows: readonly Laureate[],
  by: GroupKey,
  indices?: ArrayLike<number>,
): Map<string, Totals> {
  const groups = new Map<string, Totals>();
  const count = indices ? indices.length : rows.length;
  for (let j = 0; j < count; j++) {
    const l = rows[indices ? indices[j]! : j]!;
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

/** Grand totals of laureate rows (with `indices`, of the rows at those positions). */
export function totalOf(rows: readonly Laureate[], indices?: ArrayLike<number>): Totals {
  const t = emptyTotals();
  if (indices) for (let j = 0; j < indices.length; j++) addLaureate(t, rows[indices[j]!]!);
  else for (let i = 0; i < rows.length; i++) addLaureate(t, rows[i]!);
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

/** Key figures of a selection: `undefined` where the data does not tell. */
export interface KeyTotals {
  laureats?: number;
  montant?: number;
  emplois?: number;
  /** Codes of the régions reached. */
  regions?: readonly string[];
}

/**
 * Key figures of laureate rows, from their totals and the régions they reach: an amount (or jobs) is known when at
 * least one row gives it; nothing is unknown about no rows.
 */
export function keyTotalsOfLaureates(total: Totals, regions: readonly string[]): KeyTotals {
  const out: KeyTotals = { laureats: total.laureats };
  const none = total.laureats === 0;
  if (total.missing.montant < total.laureats || none) out.montant = total.montant;
  if (total.missing.emplois < total.laureats || none) out.emplois = total.emplois;
  if (regions.length > 0 || none) out.regions = regions;
  return out;
}

/**
 * Key figures of pre-aggregated data: the totals the source declares (`totaux`) when no status is chosen, else the
 * sum of its totals by status (of the chosen ones); the régions reached when no status is chosen.
 */
export function keyTotalsOfAggregates(dataset: Dataset, statuts?: readonly string[]): KeyTotals {
  const out: KeyTotals = {};
  const allStatuses = groupTotals(dataset, 'statut');
  const byStatus = statuts?.length ? new Map([...allStatuses].filter(([k]) => statuts.includes(k))) : allStatuses;
  const sum = (m: 'laureats' | 'montant' | 'emplois'): number | undefined => {
    let total = 0;
    let known = false;
    for (const t of byStatus.values()) {
      if (t.missing[m] === 0 || t[m] > 0) known = true;
      total += t[m];
    }
    return known ? total : undefined;
  };
  const declared = statuts?.length ? {} : (dataset.declaredTotals ?? {});
  for (const m of ['laureats', 'montant', 'emplois'] as const) {
    const v = declared[m] ?? sum(m);
    if (v !== undefined) out[m] = v;
  }
  const regions = [...groupTotals(dataset, 'region').keys()];
  if (regions.length > 0 && !statuts?.length) out.regions = regions;
  return out;
}
