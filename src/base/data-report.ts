/**
 * What a data state tells the webmaster, outside the widget: the console and the data events. An error is reported
 * at once; a dataset once every row is read (a large input is reported again then: the complete report, once), with
 * a warning first when rows or values were ignored. Nothing for a dataset still being read, nor while loading.
 */
import type { DataErrorDetail, DataLoadDetail, DataState } from './data-source.js';
import { RelanceDataErrorEvent, RelanceDataLoadEvent, RelanceDataWarningEvent } from '../events/data.js';
import type { Messages } from '../i18n/messages.js';
import { datasetLoad } from '../model/parse/progressive.js';
import { issueSummary } from '../parts/notices.js';

/** Logs what `state` says to the console (as `<tag>`), and returns the events to dispatch, in order. */
export function reportDataState(state: DataState, tag: string, t: Messages): Event[] {
  if (state.status === 'error') {
    const detail: DataErrorDetail = { ...state.error, origin: state.origin, message: t.dataError(state.error) };
    console.error(`<${tag}>: ${detail.message}`, detail);
    return [new RelanceDataErrorEvent(detail)];
  }
  if (state.status !== 'ready' || datasetLoad(state.dataset)) return [];
  const ds = state.dataset;
  const detail: DataLoadDetail = {
    origin: state.origin,
    format: ds.format,
    rows: ds.rowCount,
    ignored: ds.ignoredCount,
    issues: ds.issues,
  };
  if (ds.issues.length === 0) return [new RelanceDataLoadEvent(detail)];
  console.error(`<${tag}>: ${issueSummary(ds, t)}`, ds.issues);
  return [new RelanceDataWarningEvent(detail), new RelanceDataLoadEvent(detail)];
}
