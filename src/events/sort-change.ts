import type { LaureateListColumn, SortDirection } from '../components/laureate-list/laureate-list.messages.js';

/** Detail of `relance-sort-change`. */
export interface RelanceSortChangeDetail {
  /** The sorted column, or `''` for the data order. */
  column: LaureateListColumn | '';
  direction: SortDirection;
}

/** `relance-sort-change`: the reader sorted the list (a column header or the sort menu). */
export class RelanceSortChangeEvent extends CustomEvent<RelanceSortChangeDetail> {
  static readonly type = 'relance-sort-change';
  constructor(detail: RelanceSortChangeDetail) {
    super(RelanceSortChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}
