/**
 * Events dispatched by the widgets. All bubble and are composed (they cross shadow roots).
 *
 * - `relance-select`: the user selected or unselected a status, a région, a département or a row
 *   (never fired for programmatic changes).
 * - `relance-data-load`: the data was read (with the number of rows, of ignored rows, and issues).
 * - `relance-data-warning`: some rows or values were ignored (same detail as `relance-data-load`).
 * - `relance-data-error`: the data could not be used; the widget shows the message.
 */
import type { DataErrorDetail, DataLoadDetail } from './base/data-source.js';
import type { Metric } from './model/types.js';

export type SelectDimension = 'statut' | 'region' | 'departement' | 'laureat';

export interface RelanceSelectDetail {
  /** What was selected. */
  dimension: SelectDimension;
  /** Its code: a status key, an INSEE code, or a laureate's index. */
  code: string;
  /** Its name, in the widget's language. */
  label: string;
  /** True when selected, false when the user cleared the selection. */
  selected: boolean;
  /** Totals of the selection. */
  values: Partial<Record<Metric, number>>;
  /** Share of the total for the widget's metric, between 0 and 1, when meaningful. */
  share?: number;
}

export type { DataErrorDetail, DataLoadDetail };

declare global {
  interface HTMLElementEventMap {
    'relance-select': CustomEvent<RelanceSelectDetail>;
    'relance-data-load': CustomEvent<DataLoadDetail>;
    'relance-data-warning': CustomEvent<DataLoadDetail>;
    'relance-data-error': CustomEvent<DataErrorDetail>;
  }
}
