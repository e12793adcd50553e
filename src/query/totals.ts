/**
 * Totals as the list shows them (count, sums, how many rows had each value): a view of {@link Totals}, computed by
 * the one totals function of the model ({@link totalOf}).
 */
import type { Totals } from '../model/aggregate.js';
import { totalOf } from '../model/aggregate.js';
import type { ListIndex } from './list-index.js';

/** Totals of a set of rows. */
export interface ListTotals {
  /** Number of rows. */
  count: number;
  /** Sum of `montant` (euros) over the rows that have one. */
  montant: number;
  /** Sum of `emplois` over the rows that have one. */
  emplois: number;
  /** Number of rows with a `montant`. */
  montantCount: number;
  /** Number of rows with `emplois`. */
  emploisCount: number;
}

/** The list's view of totals. */
export function toListTotals(t: Totals): ListTotals {
  return {
    count: t.laureats,
    montant: t.montant,
    emplois: t.emplois,
    montantCount: t.laureats - t.missing.montant,
    emploisCount: t.laureats - t.missing.emplois,
  };
}

/** Totals of the rows at `indices` (e.g. the result of {@link queryList}). */
export function totals(index: ListIndex, indices: ArrayLike<number>): ListTotals {
  return toListTotals(totalOf(index.rows, indices));
}
