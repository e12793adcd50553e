/**
 * What the package exports (classes, types and pure helpers) but the map's layout functions, which are in the map's
 * geometry code (src/layout/map/map-engine.ts), imported on demand: `src/index.ts` adds them, `src/all.ts` (the CDN
 * bundle) does not.
 */
export { RelanceElement } from './base/relance-element.js';
export type { Theme, ThemeSetting } from './base/relance-element.js';
export { RelanceDataElement } from './base/data-element.js';
export { DataSourceController, decodeText, DEFAULT_TIMEOUT_MS } from './base/data-source.js';
export type { DataErrorDetail, DataLoadDetail, DataOrigin, DataState } from './base/data-source.js';
export { RelanceFundingDonut, formatMetric, isKnown, statusRows } from './components/funding-donut/funding-donut.js';
export type { StatusRow } from './components/funding-donut/funding-donut.js';
export { LAUREATE_LIST_COLUMNS, RelanceLaureateList } from './components/laureate-list/laureate-list.js';
export type { LaureateListColumn, SortDirection } from './components/laureate-list/laureate-list.js';
export {
  DEFAULT_LIST_COLUMNS,
  DEFAULT_PAGE_SIZE,
  chooseLayout,
  parseColumns,
  parseStatuts,
} from './components/laureate-list/laureate-list.model.js';
export type { ListLayout, ListSortState } from './components/laureate-list/laureate-list.model.js';
export { pageItems } from './parts/pager.js';
export { listMessages } from './components/laureate-list/laureate-list.messages.js';
export type { ListMessages } from './components/laureate-list/laureate-list.messages.js';
export { RelanceDataset, scopeDataset } from './components/dataset/dataset.js';
export { RelanceKeyFigures } from './components/key-figures/key-figures.js';
export {
  DEFAULT_KEY_FIGURES,
  KEY_FIGURES,
  computeKeyFigures,
  keyFigureValues,
  parseFigures,
} from './components/key-figures/key-figures.model.js';
export type { KeyFigure, KeyFigureValues } from './components/key-figures/key-figures.model.js';
export { RelanceTerritoryMap, parseDirectValues, territoryModel } from './components/territory-map/territory-map.js';
export type {
  GeoState,
  TerritoryDatum,
  TerritoryModel,
  TerritoryModelOptions,
  TerritoryState,
} from './components/territory-map/territory-map.js';
export { mapMessages } from './components/territory-map/territory-map.messages.js';
export type { MapMessages } from './components/territory-map/territory-map.messages.js';
export { GEOMETRY_TIMEOUT_MS, fetchGeometry } from './components/territory-map/geometry.js';
export type { GeometryErrorCode, GeometryErrorDetail } from './components/territory-map/geometry.js';
export { GEOMETRY_FILES, defaultGeometryUrl } from './geo-url.js';
export { COLUMN_BREAKPOINT, DROM_CODES, PARIS_CODES } from './layout/map/types.js';
export type {
  MapFeature,
  MapGeometry,
  MapInset,
  MapLayout,
  MapLevel,
  MapNeighbours,
  MapProjection,
  ProjectedGeometry,
  ProjectedShape,
  Topology,
} from './layout/map-layout.js';
export {
  CLASS_METHODS,
  PALETTE_STEPS,
  classIndex,
  classify,
  paletteSteps,
  symbolLegendValues,
  symbolRadius,
} from './layout/map-scale.js';
export type { ClassMethod, ClassifyOptions, MapScale, ScaleClass } from './layout/map-scale.js';
export {
  RelanceGroup,
  cleanFilter,
  filterFromUrl,
  filterToUrl,
  getGroup,
  isEmptyFilter,
  sameFilter,
} from './base/group.js';
export type { FilterKey, GroupFilter, GroupMember } from './base/group.js';
export { LIST_COLUMNS } from './query/columns.js';
export type { ListColumn, ListSort } from './query/columns.js';
export { csvFileName, toCsv } from './query/csv-export.js';
export type { CsvColumn, CsvOptions } from './query/csv-export.js';
export { createListIndex, queryList } from './query/list-index.js';
export type { ListIndex, ListQuery } from './query/list-index.js';
export { foldText, highlight } from './query/search.js';
export {
  RelanceDataErrorEvent,
  RelanceDataLoadEvent,
  RelanceDataWarningEvent,
  RelanceFilterChangeEvent,
  RelanceGeometryErrorEvent,
  RelanceSelectEvent,
  RelanceSortChangeEvent,
} from './events.js';
export type {
  FilterChangeCause,
  RelanceFilter,
  RelanceFilterChangeDetail,
  RelanceSelectDetail,
  RelanceSortChangeDetail,
  SelectDimension,
} from './events.js';
export { formatCount, formatDate, formatEuros, formatEurosShort, formatPercent, resolveLang } from './i18n/format.js';
export type { Lang } from './i18n/format.js';
export { messages, statutLabel } from './i18n/messages.js';
export type { Messages } from './i18n/messages.js';
export { donutLayout } from './layout/donut-layout.js';
export type { DonutArc, DonutInput, DonutLayout, DonutOptions } from './layout/donut-layout.js';
export { emptyTotals, groupLaureates, groupTotals, sumTotals, totalOf } from './model/aggregate.js';
export type { GroupKey, Totals } from './model/aggregate.js';
export { MAX_ROWS, detectSeparator, parseInput } from './model/parse/index.js';
export type { ParseOptions } from './model/parse/index.js';
export {
  DEPARTEMENTS,
  REGIONS,
  foldKey,
  normalizeDepartement,
  normalizeRegion,
  territoryName,
} from './model/territory.js';
export type { Departement, Region, TerritoryLevel } from './model/territory.js';
export { INPUT_FORMATS, METRICS, STATUTS } from './model/types.js';
export type {
  AggregateRow,
  DataError,
  DataIssue,
  Dataset,
  DatasetMeta,
  InputFormat,
  IssueLevel,
  Laureate,
  Metric,
  ParseResult,
  Statut,
} from './model/types.js';
export { normalizeStatut, parseAmount, parseCount, parseSiren } from './model/values.js';
export { MemorySource, memorySource } from './query/memory-source.js';
export { answer, filterKey, filterWithout } from './query/source.js';
export type {
  Answer,
  PageQuery,
  QueryFilter,
  QueryOptions,
  QuerySource,
  Reply,
  RowPage,
  TotalsBy,
} from './query/source.js';
