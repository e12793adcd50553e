import type { Metric } from '../model/types.js';

export type SelectDimension = 'statut' | 'region' | 'departement' | 'laureat';

/** Detail of `relance-select`. */
export interface RelanceSelectDetail {
  /** What was selected. */
  dimension: SelectDimension;
  /** Its code: a status key, an INSEE code, or a laureate's index. */
  code: string;
  /** Its name, in the widget's language. */
  label: string;
  /** True when selected, false when the user cleared the selection. */
  selected: boolean;
  /**
   * Totals of the selection, in every widget the same: a metric is present only when it is known (a status whose
   * rows give no jobs has no `emplois`, never `emplois: 0`).
   */
  values: Partial<Record<Metric, number>>;
  /** Share of the total for the widget's metric, between 0 and 1, when meaningful. */
  share?: number;
}

/**
 * `relance-select`: the user selected or unselected a status, a région, a département or a row (never fired for
 * programmatic changes).
 */
export class RelanceSelectEvent extends CustomEvent<RelanceSelectDetail> {
  static readonly type = 'relance-select';
  constructor(detail: RelanceSelectDetail) {
    super(RelanceSelectEvent.type, { detail, bubbles: true, composed: true });
  }
}
