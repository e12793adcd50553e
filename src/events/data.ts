import type { DataErrorDetail, DataLoadDetail } from '../base/data-source.js';

/** `relance-data-load`: the data was read (with the number of rows, of ignored rows, and issues). */
export class RelanceDataLoadEvent extends CustomEvent<DataLoadDetail> {
  static readonly type = 'relance-data-load';
  constructor(detail: DataLoadDetail) {
    super(RelanceDataLoadEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** `relance-data-warning`: some rows or values were ignored (same detail as `relance-data-load`). */
export class RelanceDataWarningEvent extends CustomEvent<DataLoadDetail> {
  static readonly type = 'relance-data-warning';
  constructor(detail: DataLoadDetail) {
    super(RelanceDataWarningEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** `relance-data-error`: the data could not be used; the widget shows the message. */
export class RelanceDataErrorEvent extends CustomEvent<DataErrorDetail> {
  static readonly type = 'relance-data-error';
  constructor(detail: DataErrorDetail) {
    super(RelanceDataErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}
