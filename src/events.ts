/**
 * The widgets' public events, one class each (in `src/events/`), all bubbling and composed (they cross shadow roots),
 * each a `CustomEvent` whose `detail` is typed. Listen by name (`el.addEventListener('relance-select', …)` is typed
 * through the one declaration below) or test with `instanceof RelanceSelectEvent`.
 *
 * - `relance-select`: the user selected or unselected a status, a région, a département or a row.
 * - `relance-filter-change`: a reader changed a group's filter or a lone list's: `{group?, filter, cause, count?}`.
 * - `relance-sort-change`: the reader sorted the list.
 * - `relance-data-load`, `relance-data-warning`, `relance-data-error`: the data was read, partly ignored, or unusable.
 * - `relance-geometry-error`: the map's geometry could not be used.
 */
import type { RelanceDataErrorEvent, RelanceDataLoadEvent, RelanceDataWarningEvent } from './events/data.js';
import type { RelanceFilterChangeEvent } from './events/filter-change.js';
import type { RelanceGeometryErrorEvent } from './events/geometry-error.js';
import type { RelanceSelectEvent } from './events/select.js';
import type { RelanceSortChangeEvent } from './events/sort-change.js';

export type { DataErrorDetail, DataLoadDetail } from './base/data-source.js';
export type { GeometryErrorDetail } from './components/territory-map/geometry.js';
export { RelanceDataErrorEvent, RelanceDataLoadEvent, RelanceDataWarningEvent } from './events/data.js';
export { RelanceFilterChangeEvent, fullFilter } from './events/filter-change.js';
export type { FilterChangeCause, RelanceFilter, RelanceFilterChangeDetail } from './events/filter-change.js';
export { RelanceGeometryErrorEvent } from './events/geometry-error.js';
export { RelanceSelectEvent } from './events/select.js';
export type { RelanceSelectDetail, SelectDimension } from './events/select.js';
export { RelanceSortChangeEvent } from './events/sort-change.js';
export type { RelanceSortChangeDetail } from './events/sort-change.js';

declare global {
  interface GlobalEventHandlersEventMap {
    'relance-select': RelanceSelectEvent;
    'relance-filter-change': RelanceFilterChangeEvent;
    'relance-sort-change': RelanceSortChangeEvent;
    'relance-data-load': RelanceDataLoadEvent;
    'relance-data-warning': RelanceDataWarningEvent;
    'relance-data-error': RelanceDataErrorEvent;
    'relance-geometry-error': RelanceGeometryErrorEvent;
  }
}
