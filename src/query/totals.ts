import type { ListIndex, IndexState } from './list-index.js';

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

/** Totals of the rows at `indices` (e.g. the result of {@link queryList}). */
export function totals(index: ListIndex, indices: ArrayLike<number>): ListTotals {
  const state = index as IndexState;
  const result: ListTotals = { count: indices.length, montant: 0, emplois: 0, montantCount: 0, emploisCount: 0 };
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j]!;
    const m = state.montant[i]!;
    if (!Number.isNaN(m)) {
      result.montant += m;
      result.montantCount++;
    }
    const e = state.emplois[i]!;
    if (!Number.isNaN(e)) {
      result.emplois += e;
      result.emploisCount++;
    }
  }
  return result;
}
