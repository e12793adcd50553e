import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { RelanceDataElement } from '../../base/data-element.js';
import type { WidgetKind } from '../../i18n/messages.js';
import type { FilterChangeCause, RelanceFilterChangeDetail, RelanceSelectDetail, RelanceSortChangeDetail } from '../../events.js';
import { RelanceFilterChangeEvent, fullFilter } from '../../events/filter-change.js';
import { RelanceSelectEvent } from '../../events/select.js';
import { RelanceSortChangeEvent } from '../../events/sort-change.js';
import type { Lang } from '../../i18n/format.js';
import { formatCount, formatEuros } from '../../i18n/format.js';
import { statutLabel } from '../../i18n/messages.js';
import type { ListColumn } from '../../query/columns.js';
import type { CsvColumn } from '../../query/csv-export.js';
import { csvFileName, toCsv } from '../../query/csv-export.js';
import type { ListIndexBuilder, ListQuery } from '../../query/list-index.js';
import { createListIndexBuilder, queryList } from '../../query/list-index.js';
import type { HighlightSegment } from '../../query/search.js';
import { highlight, searchWords } from '../../query/search.js';
import { clearSortRanks, sortByName, sortIndices } from '../../query/sort.js';
import type { ListTotals } from '../../query/totals.js';
import { totals } from '../../query/totals.js';
import { isEmptyFilter } from '../../base/group.js';
import { DEPARTEMENTS, foldKey, normalizeDepartement, normalizeRegion, placeSearchText, territoryName } from '../../model/territory.js';
import type { Laureate, Statut } from '../../model/types.js';
import { STATUTS } from '../../model/types.js';
import { normalizeStatut } from '../../model/values.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import type { LaureateListColumn, ListMessages, SortDirection } from './laureate-list.messages.js';
import { LAUREATE_LIST_COLUMNS, listMessages } from './laureate-list.messages.js';
import { listStyles } from './laureate-list.styles.js';

export { LAUREATE_LIST_COLUMNS };
export type { LaureateListColumn, SortDirection };

/** Columns shown when the `columns` attribute is absent. */
export const DEFAULT_LIST_COLUMNS: readonly LaureateListColumn[] = ['nom', 'statut', 'region', 'lieu', 'territoire', 'montant', 'emplois'];

/** Default number of rows per page. */
export const DEFAULT_PAGE_SIZE = 20;


/** Delay before the screen-reader announcement of a new result count (typing should not flood it). */
const ANNOUNCE_DELAY_MS = 700;

const NUMERIC: ReadonlySet<LaureateListColumn> = new Set<LaureateListColumn>(['montant', 'emplois']);

export type { RelanceFilterChangeDetail, RelanceSortChangeDetail };

/** The sort in effect. */
export interface ListSortState {
  column: LaureateListColumn;
  direction: SortDirection;
}

/** Table or cards. */
export type ListLayout = 'table' | 'cards';

/** Parses the `columns` attribute: known names, in the given order, once each; `nom` is always shown (first if omitted). */
export function parseColumns(value: string | null | undefined): LaureateListColumn[] {
  const known = new Set<string>(LAUREATE_LIST_COLUMNS);
  const picked: LaureateListColumn[] = [];
  for (const name of (value ?? '').split(/[\s,;]+/)) {
    const key = name.trim().toLowerCase();
    if (known.has(key) && !picked.includes(key as LaureateListColumn)) picked.push(key as LaureateListColumn);
  }
  if (picked.length === 0) return [...DEFAULT_LIST_COLUMNS];
  if (!picked.includes('nom')) picked.unshift('nom');
  return picked;
}

/** Parses the `statut` attribute: canonical statuses separated by spaces, commas or semicolons (« association, coopérative »). */
export function parseStatuts(value: string | null | undefined): Statut[] {
  const found = new Set<Statut>();
  for (const token of (value ?? '').split(/[\s,;|]+/)) {
    if (!token) continue;
    const s = normalizeStatut(token);
    // Words such as « loi » or « 1901 » (from « association loi 1901 ») are not statuses.
    if (s && (s !== 'autre' || foldKey(token) === 'autre')) found.add(s);
  }
  return STATUTS.filter((s) => found.has(s));
}

/** Narrowest comfortable width of each column in the table layout, in CSS pixels. */
const COLUMN_MIN_WIDTH: Record<LaureateListColumn, number> = {
  nom: 170,
  statut: 120,
  region: 115,
  lieu: 125,
  departement: 115,
  commune: 110,
  territoire: 140,
  montant: 115,
  emplois: 80,
  projet: 220,
  siren: 100,
};

/**
 * Table on wide containers; cards under 600 px, or when the columns would not get their
 * comfortable width (about 880 px for the 7 default columns).
 */
export function chooseLayout(width: number, columns: readonly LaureateListColumn[], setting: string): ListLayout {
  if (setting === 'table' || setting === 'cards') return setting;
  if (width <= 0) return 'table';
  const needed = columns.reduce((sum, c) => sum + COLUMN_MIN_WIDTH[c], 0);
  return width < Math.max(600, needed) ? 'cards' : 'table';
}

/**
 * Page buttons to show (DSFR pagination): the first and last pages, the current one with its
 * neighbours, and `'…'` for the gaps. e.g. `pageItems(5, 10)` → `[1, '…', 4, 5, 6, '…', 10]`.
 */
export function pageItems(current: number, count: number, neighbours = 1): (number | '…')[] {
  if (count <= 0) return [];
  const pages = new Set<number>([1, count]);
  for (let p = current - neighbours; p <= current + neighbours; p++) if (p >= 1 && p <= count) pages.add(p);
  // Avoid a gap of one page: show it instead of « … ».
  const sorted = [...pages].sort((a, b) => a - b);
  const items: (number | '…')[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k]!;
    const prev = sorted[k - 1];
    if (prev !== undefined && p - prev === 2) items.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) items.push('…');
    items.push(p);
  }
  return items;
}

/** One visible row, with its texts split for highlighting (computed in `willUpdate`). */
interface RowView {
  /** Index in the dataset. */
  index: number;
  row: Laureate;
  nom: HighlightSegment[];
  commune: HighlightSegment[];
  territoire: HighlightSegment[];
  projet: HighlightSegment[];
  region: HighlightSegment[];
  departement: HighlightSegment[];
  /** The project (hidden while the row is closed) matches the search. */
  projetMatch: boolean;
}

interface Option {
  code: string;
  name: string;
}

const check = html`<svg class="tag__check" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m10 15.17 9.19-9.19 1.42 1.42L10 18 3.64 11.64l1.42-1.42z"/></svg>`;
const downloadIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3 19h18v2H3v-2Zm10-5.83 6.07-6.07 1.42 1.41L12 17 3.51 8.51 4.93 7.1 11 13.17V2h2v11.17Z"/></svg>`;
const searchIcon = html`<svg class="icon search__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m18.03 16.62 4.28 4.28-1.41 1.41-4.28-4.28A9 9 0 0 1 2 11a9 9 0 1 1 16.03 5.62Zm-2.01-.74A7 7 0 0 0 11 4a7 7 0 1 0 5.02 11.88l.15-.15Z"/></svg>`;
const sortIcons: Record<'none' | SortDirection, TemplateResult> = {
  none: html`<svg class="sort__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m11.95 7.95-1.41 1.41L8 6.83V20H6V6.83L3.47 9.36 2.05 7.95 7 3l4.95 4.95Zm10 8.1L17 21l-4.95-4.95 1.41-1.41L16 17.17V4h2v13.17l2.54-2.53 1.41 1.41Z"/></svg>`,
  ascending: html`<svg class="sort__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M13 7.83V20h-2V7.83l-5.36 5.36-1.41-1.41L12 4l7.78 7.78-1.41 1.41L13 7.83Z"/></svg>`,
  descending: html`<svg class="sort__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M13 16.17l5.36-5.36 1.41 1.41L12 20l-7.78-7.78 1.41-1.41L11 16.17V4h2v12.17Z"/></svg>`,
};
const pageIcons = {
  first: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M7 6h2v12H7V6Zm4.83 6 4.95 4.95-1.41 1.41L9 12l6.37-6.36 1.41 1.41L11.83 12Z"/></svg>`,
  previous: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m10.83 12 4.95 4.95-1.41 1.41L8 12l6.37-6.36 1.41 1.41L10.83 12Z"/></svg>`,
  next: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m13.17 12-4.95-4.95 1.41-1.41L16 12l-6.37 6.36-1.41-1.41L13.17 12Z"/></svg>`,
  last: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M17 6h-2v12h2V6Zm-4.83 6L7.22 7.05l1.41-1.41L15 12l-6.37 6.36-1.41-1.41L12.17 12Z"/></svg>`,
};

const EMPTY_TOTALS: ListTotals = { count: 0, montant: 0, emplois: 0, montantCount: 0, emploisCount: 0 };

/** Languages whose number formatters were created in idle time (once per page). */
const warmedLangs = new Set<Lang>();

type IdleHandle = { kind: 'idle'; id: number } | { kind: 'timeout'; id: ReturnType<typeof setTimeout> };

/**
 * The list of laureates: an accessible, sortable table (cards on narrow containers) with
 * French-aware search, filters by status, région and département, paging, totals of the current
 * selection and CSV export. Usable from 44 to 100 000 rows: only the current page is in the DOM,
 * and every row is reachable through the pagination.
 *
 * Content placed inside the element (e.g. a plain `<table>` of the laureates) is shown until the
 * data is ready (and when scripts are blocked), then hidden.
 *
 * Keyboard: every control is a native button, field or list box; the sort buttons are in the
 * column headers (a « Trier par » list in the card layout); each row's « Voir le projet » button
 * opens its description (Enter or Space). Cards are compact (the name, then status, place and
 * amount; « Détails » opens the other fields and the project), so that a phone screen shows
 * several laureates; the région and département filters show only when there is a choice to make.
 *
 * @summary Searchable, sortable list of laureates with filters, paging and CSV export.
 * @tag relance-laureate-list
 *
 * @slot - Fallback content (e.g. a `<table>` or `<ul>` of the laureates), visible until the widget has rendered its data.
 *
 * @fires relance-filter-change - The user changed the search text (each keystroke), a status, the région or the département, or cleared the filters. Detail: `{group?, filter: {statuts, regions, departements, search}, cause, count}` (`cause`: `list` for the search, `select` for a status or territory, `clear`). There is no separate search event.
 * @fires relance-sort-change - The user sorted by a column. Detail: `{column, direction}` (`column` is `''` for the data order).
 * @fires relance-select - The user opened (`selected: true`) or closed (`selected: false`) a row's project. Detail: `{dimension: 'laureat', code: <index of the row in the data>, label: <name>, selected, values: {laureats: 1, montant, emplois}}`.
 * @fires relance-data-load - The data was read. Detail: `{origin, format, rows, ignored, issues}`.
 * @fires relance-data-warning - Some rows or values were ignored. Same detail.
 * @fires relance-data-error - The data could not be used. Detail: `{code, message, details, status, origin}`.
 *
 * @csspart base - The outer wrapper.
 * @csspart caption - The title.
 * @csspart fictitious - The « Données fictives » badge.
 * @csspart filters - The search and filter area.
 * @csspart search - The search field.
 * @csspart status-tag - Each status filter button.
 * @csspart select - The région, département and sort lists.
 * @csspart reset - The « Réinitialiser les filtres » button.
 * @csspart count - The number of laureates shown (« 12 lauréats sur 44 »).
 * @csspart export - The CSV download button.
 * @csspart table - The table (table layout).
 * @csspart sort-button - Each sort button in the column headers.
 * @csspart row - Each row of the table (or each card).
 * @csspart cards - The list of cards (card layout).
 * @csspart card - Each card.
 * @csspart disclosure - Each « Voir le projet » button.
 * @csspart project - Each project description.
 * @csspart totals - The totals row (or block, in the card layout).
 * @csspart pagination - The pagination.
 * @csspart page-button - Each pagination button.
 * @csspart empty - The message shown when nothing matches.
 * @csspart fallback - The wrapper of the fallback content.
 * @csspart footer - Source, date and notes.
 * @csspart loading - The loading indicator.
 * @csspart error - The error message.
 * @csspart warning - The notice listing ignored rows and values.
 * @csspart retry - The retry button.
 *
 * @cssprop --relance-color-association - Colour of the association marker (default: DSFR `--artwork-major-blue-cumulus`).
 * @cssprop --relance-color-cooperative - Colour of the coopérative marker (default: DSFR `--artwork-major-green-emeraude`).
 * @cssprop --relance-color-fondation - Colour of the fondation marker (default: DSFR `--artwork-major-pink-tuile`).
 * @cssprop --relance-color-mutuelle - Colour of the mutuelle marker (default: DSFR `--artwork-major-purple-glycine`).
 * @cssprop --relance-color-entreprise - Colour of the company marker (default: DSFR `--artwork-major-yellow-tournesol`).
 * @cssprop --relance-color-autre - Colour of the other-status marker (default: DSFR `--text-mention-grey`).
 * @cssprop --relance-text - Text colour (default: DSFR `--text-default-grey`).
 * @cssprop --relance-title - Title colour (default: DSFR `--text-title-grey`).
 * @cssprop --relance-mention - Secondary text colour (default: DSFR `--text-mention-grey`).
 * @cssprop --relance-background - Background (default: DSFR `--background-default-grey`, transparent without DSFR in light theme).
 * @cssprop --relance-action - Buttons, links, current page (default: DSFR `--text-action-high-blue-france`).
 * @cssprop --relance-focus - Focus ring colour (default: #0a76f6, as DSFR).
 * @cssprop --relance-font-size - Base font size (default: 1rem).
 * @cssprop --relance-highlight - Background of the search matches (default: DSFR `--background-action-low-yellow-tournesol`, #fde39c / #584e34).
 */
export class RelanceLaureateList extends RelanceDataElement {
  static override styles = [sharedStyles, listStyles];

  protected override get widgetKind(): WidgetKind {
    return 'list';
  }

  /**
   * The language of the data's free text (project descriptions: French, as the programme publishes them), marked on
   * them when the interface speaks another (RGAA 8.7); names of people, places and structures are proper names.
   */
  private get _dataLang(): 'fr' | typeof nothing {
    return this.resolvedLang === 'fr' ? nothing : 'fr';
  }

  /** Filters, the results bar and a full page of rows (cards about 130 px, table rows about 100 px), measured. */
  protected override estimateBodyHeight(width: number): number {
    const filters = width < 480 ? 420 : width < 640 ? 380 : width < 960 ? 308 : 220;
    const bar = width < 480 ? 140 : width < 768 ? 76 : 32;
    const cards = chooseLayout(width, parseColumns(this.columns), this.layout) === 'cards';
    const rows = this._effectivePageSize * (cards ? 130 : 98) + (cards ? 65 : 50);
    return filters + bar + rows + 32;
  }

  static override properties: PropertyDeclarations = {
    columns: {},
    pageSize: { attribute: 'page-size', type: Number },
    page: { type: Number },
    search: {},
    statut: {},
    region: {},
    departement: {},
    sort: {},
    sortDirection: { attribute: 'sort-direction' },
    layout: { reflect: true },
    csvSeparator: { attribute: 'csv-separator' },
    fileName: { attribute: 'file-name' },
    openRows: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /**
   * Columns to show, in order, separated by spaces or commas: `nom`, `statut`, `region`, `lieu`
   * (département and commune), `departement`, `commune`, `territoire`, `montant`, `emplois`,
   * `projet`, `siren`. Default: `nom statut region lieu territoire montant emplois`. The name is
   * always shown.
   */
  columns?: string;

  /** Rows per page (default 20, from 5 to 500). */
  pageSize = DEFAULT_PAGE_SIZE;

  /** The current page, from 1. */
  page = 1;

  /** Search text: every word must be found (case- and accent-insensitive) in the name, commune, territory, project, région or département. */
  search = '';

  /** Status filter: one or more statuses separated by spaces or commas (`association`, `cooperative`, `fondation`, `mutuelle`, `entreprise`, `autre`). */
  statut = '';

  /** Région filter: an INSEE code (`84`) or a name (« Auvergne-Rhône-Alpes »). */
  region = '';

  /** Département filter: an INSEE code (`42`, `2A`, `974`) or a name. */
  departement = '';

  /** Sort column (one of the column names); empty: the order of the data. */
  sort = '';

  /** Sort direction: `ascending` or `descending` (default: ascending for text, descending for amounts and jobs). */
  sortDirection?: SortDirection;

  /** Layout: `auto` (default: cards in containers too narrow for the columns: under 600 px, about 880 px for the 7 default columns), `table` or `cards`. */
  layout: 'auto' | ListLayout = 'auto';

  /** Field separator of the CSV export: `;` (default, for French spreadsheet software), `,` or `tab`. */
  csvSeparator = ';';

  /** Start of the exported file name, before the date (default `laureats-france-relance`). */
  fileName?: string;

  /** Rows whose project is open (indices in the data). */
  private openRows: ReadonlySet<number> = new Set();
  private announcement = '';

  private rows: readonly Laureate[] = [];
  private builder?: ListIndexBuilder;
  private _allTotals: ListTotals = EMPTY_TOTALS;
  private _statusOptions: Statut[] = [];
  private _regionOptions: Option[] = [];
  private _departementOptions: (Option & { region: string })[] = [];
  private _hasFallback = false;

  // Query state, computed in willUpdate.
  private _filterStatuts: Statut[] = [];
  private _filterRegion = '';
  private _filterDepartement = '';
  private _effectiveSort?: ListSortState;
  private result?: Int32Array;
  private _currentTotals: ListTotals = EMPTY_TOTALS;
  private _queryKey = '';
  private _viewKey = '';
  private view: RowView[] = [];
  private _pageCount = 1;
  private _visibleColumns: LaureateListColumn[] = [...DEFAULT_LIST_COLUMNS];
  private _currentLayout: ListLayout = 'table';
  private _sortLang?: Lang;

  // User actions waiting for the update that applies them.
  private _pendingFilterEvent = false;
  private _pendingFilterCause: FilterChangeCause = 'select';
  private _pendingAnnounce?: 'count' | 'page' | 'sort';
  private _focusSearch = false;
  private _announceTimer?: ReturnType<typeof setTimeout>;
  private idle?: IdleHandle;
  private _ranksWarm = false;
  private footer?: { key: string; template: TemplateResult | typeof nothing };

  /** Width of the host's content box, kept up to date by a ResizeObserver (0 until it reports). */
  private _hostWidth = 0;
  private _resizeObserver?: ResizeObserver;
  private _resizeFrame = 0;

  /** Number of laureates matching the current search and filters. */
  get resultCount(): number {
    return this.result ? this.result.length : this.rows.length;
  }

  /** Totals (count, amount, jobs) of the current search and filters. */
  get resultTotals(): Readonly<ListTotals> {
    return this._currentTotals;
  }

  /** The laureates matching the current search and filters, in the current order (a new array). */
  get currentRows(): Laureate[] {
    const r = this.result;
    return r ? Array.from(r, (i) => this.rows[i]!) : [...this.rows];
  }

  /** Number of pages. */
  get pages(): number {
    return this._pageCount;
  }

  /** The layout in effect: `table` or `cards`. */
  get effectiveLayout(): ListLayout {
    return this._currentLayout;
  }

  /** True once the search index is built (in idle time after the first render; a search before that builds it at once). */
  get searchReady(): boolean {
    return this.builder?.done ?? true;
  }

  /** The current rows (filtered and sorted) as CSV text: RFC 4180, UTF-8 byte order mark, `csv-separator`. */
  getCsv(): string {
    const lm = this._lm;
    const lang = this.resolvedLang;
    const h = lm.csvHeader;
    const columns: CsvColumn[] = [
      { key: 'nom', label: h.nom },
      { key: 'statut', label: h.statut, value: (r) => statutLabel(r.statut, lang, 1) },
      { key: 'region', label: h.region, value: (r) => (r.region ? territoryName('region', r.region) : undefined) },
      { key: 'region', label: h.regionCode, value: (r) => r.region },
      { key: 'departement', label: h.departement, value: (r) => (r.departement ? territoryName('departement', r.departement) : undefined) },
      { key: 'departement', label: h.departementCode, value: (r) => r.departement },
      { key: 'commune', label: h.commune },
      { key: 'territoire', label: h.territoire },
      { key: 'projet', label: h.projet },
      { key: 'montant', label: h.montant },
      { key: 'emplois', label: h.emplois },
      { key: 'siren', label: h.siren },
    ];
    const sep = this.csvSeparator === ',' ? ',' : this.csvSeparator === 'tab' || this.csvSeparator === '\t' ? '\t' : ';';
    return toCsv(this.rows, columns, { separator: sep, ...(this.result ? { indices: this.result } : {}) });
  }

  /** Name of the exported file, e.g. `laureats-france-relance-2021-12-21-auvergne-rhone-alpes.csv`. */
  getCsvFileName(date = new Date()): string {
    const lang = this.resolvedLang;
    const parts: string[] = [];
    if (this._filterDepartement) parts.push(territoryName('departement', this._filterDepartement));
    else if (this._filterRegion) parts.push(territoryName('region', this._filterRegion));
    if (this._filterStatuts.length > 0 && this._filterStatuts.length <= 2) parts.push(...this._filterStatuts.map((s) => statutLabel(s, lang, 2)));
    if (this.search.trim()) parts.push(this.search);
    return csvFileName(this.fileName || this._lm.fileBase, date, parts.join(' '));
  }

  /** Downloads the current rows as a CSV file. */
  downloadCsv(): void {
    const blob = new Blob([this.getCsv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = this.getCsvFileName();
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  private get _lm(): ListMessages {
    return listMessages(this.resolvedLang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._scheduleIndexing();
    this._observeWidth();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._announceTimer);
    this._cancelIndexing();
    this._resizeObserver?.disconnect();
    this._resizeObserver = undefined;
    cancelAnimationFrame(this._resizeFrame);
  }

  /**
   * Follows the host's width, and renders again only when it calls for the other layout (table or cards): a new
   * width alone changes nothing in the DOM (the rest is CSS), and a render of a page of rows is not free.
   */
  private _observeWidth(): void {
    if (typeof ResizeObserver === 'undefined' || this._resizeObserver) return;
    this._resizeObserver = new ResizeObserver((entries) => {
      const width = Math.round(entries[entries.length - 1]?.contentRect.width ?? 0);
      if (width <= 0 || width === this._hostWidth) return;
      this._hostWidth = width;
      if (!this.hasUpdated || chooseLayout(width, this._visibleColumns, this.layout) === this._currentLayout) return;
      // In the next frame, not inside the observer's delivery (no « ResizeObserver loop » error).
      cancelAnimationFrame(this._resizeFrame);
      this._resizeFrame = requestAnimationFrame(() => this.requestUpdate());
    });
    this._resizeObserver.observe(this);
  }

  // -------------------------------------------------------------------------------------------
  // Data preparation (willUpdate)

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const lang = this.resolvedLang;
    if (this.datasetChanged) this._prepareDataset(lang);
    if (changed.has('columns') || !this.hasUpdated) this._visibleColumns = parseColumns(this.columns);
    this._hasFallback = [...this.children].some((c) => c.localName !== 'script');

    // Layout: the observed width (the host's own width, read once, before the first report: so that the first render
    // already has the right layout).
    const width = this._hostWidth || (this.isConnected ? Math.round(this.getBoundingClientRect().width) : 0);
    this._currentLayout = chooseLayout(width, this._visibleColumns, this.layout);

    // In a group, the list's filter is the group's filter (set by any widget of the group).
    if (this.groupStore && this.filterChanged) {
      const f = this.groupFilter;
      if (!this.hasUpdated && isEmptyFilter(f) && (this.search || this.statut || this.region || this.departement)) {
        // Initial filters from attributes become the group's filter.
        this._pushGroupFilter('select');
      } else {
        this.search = f.search ?? '';
        this.statut = (f.statuts ?? []).join(' ');
        this.region = f.regions?.[0] ?? '';
        this.departement = f.departements?.[0] ?? '';
      }
    }

    // Query.
    this._filterStatuts = parseStatuts(this.statut);
    this._filterRegion = normalizeRegion(this.region) ?? '';
    this._filterDepartement = normalizeDepartement(this.departement) ?? '';
    this._effectiveSort = this._readSort();
    if (this._sortLang !== lang) {
      // Statuses sort by their label, which depends on the language.
      if (this.builder) clearSortRanks(this.builder.index, 'statut');
      this._sortLang = lang;
    }
    const words = searchWords(this.search);
    const key = JSON.stringify([
      words,
      this._filterStatuts,
      this._filterRegion,
      this._filterDepartement,
      this._effectiveSort,
      this._effectiveSort?.column === 'statut' ? lang : '',
    ]);
    const keyChanged = key !== this._queryKey;
    const queryChanged = keyChanged || this.datasetChanged;
    if (queryChanged) {
      // A new search, filter or sort starts at page 1 (unless the page is set in the same update).
      if (keyChanged && this._queryKey !== '' && !changed.has('page')) this.page = 1;
      this._queryKey = key;
      this._runQuery(words.length > 0);
    }

    // Page.
    const size = this._effectivePageSize;
    this._pageCount = Math.max(1, Math.ceil(this.resultCount / size));
    const page = Number.isFinite(this.page) ? Math.min(Math.max(1, Math.floor(this.page)), this._pageCount) : 1;
    if (page !== this.page) this.page = page;
    const viewKey = `${key}|${page}|${size}|${lang}`;
    if (viewKey !== this._viewKey || queryChanged) {
      this._viewKey = viewKey;
      this.view = this._buildView(page, size, words.length > 0);
    }
  }

  private get _effectivePageSize(): number {
    const size = Math.floor(Number(this.pageSize));
    return Number.isFinite(size) && size > 0 ? Math.min(500, Math.max(5, size)) : DEFAULT_PAGE_SIZE;
  }

  private _readSort(): ListSortState | undefined {
    const column = (this.sort ?? '').trim().toLowerCase() as LaureateListColumn;
    if (!(LAUREATE_LIST_COLUMNS as readonly string[]).includes(column)) return undefined;
    const direction: SortDirection =
      this.sortDirection === 'ascending' || this.sortDirection === 'descending'
        ? this.sortDirection
        : NUMERIC.has(column)
          ? 'descending'
          : 'ascending';
    return { column, direction };
  }

  /** Once per dataset: the rows, the index (search vocabulary later for large lists), totals, filter options. */
  private _prepareDataset(lang: Lang): void {
    this._cancelIndexing();
    const ds = this.loadedData;
    const rows = ds && ds.kind === 'laureates' ? ds.laureates : [];
    this.rows = rows;
    this.openRows = new Set();
    this._sortLang = lang;
    const regionName = (code: string | undefined) => (code ? territoryName('region', code) : undefined);
    const depName = (code: string | undefined) => (code ? territoryName('departement', code) : undefined);
    this.builder = createListIndexBuilder(rows, {
      // Names of the région and département are searchable (the row only holds their codes).
      extraText: (r) => placeSearchText(r.region, r.departement),
      sortText: (r, column) => {
        if (column === 'statut') return statutLabel(r.statut, this._sortLang ?? 'fr', 1);
        if (column === 'region') return regionName(r.region);
        if (column === 'departement') return r.departement ? `${depName(r.departement)} ${r.commune ?? ''}` : undefined;
        return undefined;
      },
    });
    // The search vocabulary is built in idle time after the first render, whatever the size of the list: a search
    // before it is complete completes it at once (results are always exact).
    this._ranksWarm = false;

    // Totals and filter options: one pass.
    const t = { ...EMPTY_TOTALS, count: rows.length };
    const statuts = new Set<Statut>();
    const regions = new Set<string>();
    const departements = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (typeof r.montant === 'number' && Number.isFinite(r.montant)) {
        t.montant += r.montant;
        t.montantCount++;
      }
      if (typeof r.emplois === 'number' && Number.isFinite(r.emplois)) {
        t.emplois += r.emplois;
        t.emploisCount++;
      }
      statuts.add(r.statut);
      if (r.region) regions.add(r.region);
      if (r.departement) departements.add(r.departement);
    }
    this._allTotals = t;
    this._statusOptions = STATUTS.filter((s) => statuts.has(s));
    // In French order, without the collator (its creation would delay the first paint).
    this._regionOptions = sortByName([...regions].map((code) => ({ code, name: territoryName('region', code) })));
    this._departementOptions = sortByName(
      [...departements].map((code) => ({ code, name: territoryName('departement', code), region: DEPARTEMENTS.get(code)?.region ?? '' })),
    );
  }

  private _runQuery(hasSearch: boolean): void {
    const filtered = hasSearch || this._filterStatuts.length > 0 || this._filterRegion || this._filterDepartement || this._effectiveSort;
    if (!filtered || !this.builder) {
      this.result = undefined;
      this._currentTotals = this._allTotals;
      return;
    }
    const query: ListQuery = {
      search: this.search,
      statuts: this._filterStatuts,
      regions: this._filterRegion ? [this._filterRegion] : [],
      departements: this._filterDepartement ? [this._filterDepartement] : [],
    };
    const sort = this._effectiveSort;
    if (sort) query.sort = { column: (sort.column === 'lieu' ? 'departement' : sort.column) as ListColumn, direction: sort.direction };
    const index = this.builder.index;
    this.result = queryList(index, query);
    this._currentTotals = totals(index, this.result);
  }

  private _buildView(page: number, size: number, hasSearch: boolean): RowView[] {
    const from = (page - 1) * size;
    const to = Math.min(this.resultCount, from + size);
    const q = hasSearch ? this.search : '';
    const seg = (text: string | undefined): HighlightSegment[] => (text ? (q ? highlight(text, q) : [{ text, match: false }]) : []);
    const view: RowView[] = [];
    for (let j = from; j < to; j++) {
      const index = this.result ? this.result[j]! : j;
      const row = this.rows[index]!;
      const projet = seg(row.projet);
      view.push({
        index,
        row,
        nom: seg(row.nom),
        commune: seg(row.commune),
        territoire: seg(row.territoire),
        projet,
        region: seg(row.region ? territoryName('region', row.region) : undefined),
        departement: seg(row.departement ? territoryName('departement', row.departement) : undefined),
        projetMatch: projet.some((s) => s.match),
      });
    }
    return view;
  }

  // -------------------------------------------------------------------------------------------
  // Background work: search index, sort ranks, warm-up

  private _scheduleIndexing(): void {
    if (this.idle || !this.isConnected || !this._hasIdleWork()) return;
    const run = (deadline?: IdleDeadline) => {
      this.idle = undefined;
      this._idleWork(deadline);
      this._scheduleIndexing();
    };
    // The search vocabulary is built in slices that fit between frames, soon; the rest only when the page is idle.
    const timeout = this.builder && !this.builder.done ? 50 : 1000;
    if (typeof requestIdleCallback === 'function') this.idle = { kind: 'idle', id: requestIdleCallback(run, { timeout }) };
    else this.idle = { kind: 'timeout', id: setTimeout(run, 0) };
  }

  private _hasIdleWork(): boolean {
    return !warmedLangs.has(this.resolvedLang) || (this.builder !== undefined && (!this.builder.done || !this._ranksWarm));
  }

  /**
   * Work done in idle time, after the first render: the search vocabulary (in slices), the ranks of the numeric
   * columns (first sort), then, once per page and language, in a long idle period, the number formatters (when the
   * data is still loading) and the Unicode tables of the search. Not the collator: creating it takes 15 to 25 ms at
   * once, paid by the first sort by a text column only.
   */
  private _idleWork(deadline?: IdleDeadline): void {
    const remaining = deadline && !deadline.didTimeout ? deadline.timeRemaining() : undefined;
    const builder = this.builder;
    if (builder && !builder.done) {
      builder.step(remaining === undefined ? 8 : Math.max(4, Math.min(12, remaining)));
      return;
    }
    if (builder && !this._ranksWarm) {
      this._ranksWarm = true;
      const none = new Int32Array(0);
      sortIndices(builder.index, none, { column: 'montant', direction: 'descending' });
      sortIndices(builder.index, none, { column: 'emplois', direction: 'descending' });
      return;
    }
    const lang = this.resolvedLang;
    if (warmedLangs.has(lang) || (remaining !== undefined && remaining < 30)) return;
    warmedLangs.add(lang);
    formatEuros(1, lang);
    formatCount(1, lang);
    statutLabel('association', lang, 1);
    highlight('Œuvre d’Été', 'oeuvre'); // compiles the Unicode regular expressions, loads normalisation data
  }

  private _cancelIndexing(): void {
    if (!this.idle) return;
    if (this.idle.kind === 'idle') cancelIdleCallback(this.idle.id);
    else clearTimeout(this.idle.id);
    this.idle = undefined;
  }

  // -------------------------------------------------------------------------------------------
  // After render: events, announcements, focus, indexing

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // The search field shows `search`, unless it already does (what Lit's live() would do: typing is not disturbed).
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]');
    if (input && input.value !== this.search) input.value = this.search;
    this._scheduleIndexing();
    if (this._pendingFilterEvent) {
      this._pendingFilterEvent = false;
      const detail: RelanceFilterChangeDetail = {
        filter: fullFilter({
          search: this.search,
          statuts: [...this._filterStatuts],
          regions: this._filterRegion ? [this._filterRegion] : [],
          departements: this._filterDepartement ? [this._filterDepartement] : [],
        }),
        cause: this._pendingFilterCause,
        count: this.resultCount,
      };
      if (this.group) detail.group = this.group;
      this.emit(new RelanceFilterChangeEvent(detail));
    }
    if (this._pendingAnnounce) {
      const kind = this._pendingAnnounce;
      this._pendingAnnounce = undefined;
      clearTimeout(this._announceTimer);
      // In a group, through the group's one live region; alone, through the list's own.
      this._announceTimer = setTimeout(() => {
        const text = this._announcementText(kind);
        if (!this.announce(text)) this.announcement = text;
      }, kind === 'count' ? ANNOUNCE_DELAY_MS : 100);
    }
    if (this._focusSearch) {
      this._focusSearch = false;
      input?.focus();
    }
  }

  private _announcementText(kind: 'count' | 'page' | 'sort'): string {
    const lm = this._lm;
    const count = lm.count(this.resultCount, this.rows.length);
    if (kind === 'page') {
      const size = this._effectivePageSize;
      const from = (this.page - 1) * size + 1;
      return lm.pageStatus(this.page, this._pageCount, from, Math.min(this.resultCount, from + size - 1));
    }
    if (kind === 'sort' && this._effectiveSort) {
      const c = this._effectiveSort.column;
      return `${count}, ${lm.sortedBy(lm.column[c], this._effectiveSort.direction, NUMERIC.has(c))}`;
    }
    return count;
  }

  // -------------------------------------------------------------------------------------------
  // User actions

  private _onSearchInput = (e: Event): void => {
    this.search = (e.target as HTMLInputElement).value;
    this._userFilterChange('list');
  };

  private _toggleStatut(s: Statut): void {
    const current = new Set(parseStatuts(this.statut));
    if (current.has(s)) current.delete(s);
    else current.add(s);
    this.statut = STATUTS.filter((x) => current.has(x)).join(' ');
    this._userFilterChange();
  }

  private _onRegionChange = (e: Event): void => {
    const code = (e.target as HTMLSelectElement).value;
    this.region = code;
    if (code && this._filterDepartement && DEPARTEMENTS.get(this._filterDepartement)?.region !== code) this.departement = '';
    this._userFilterChange();
  };

  private _onDepartementChange = (e: Event): void => {
    this.departement = (e.target as HTMLSelectElement).value;
    this._userFilterChange();
  };

  private _resetFilters = (): void => {
    this.search = '';
    this.statut = '';
    this.region = '';
    this.departement = '';
    this._focusSearch = true;
    this._userFilterChange('clear');
  };

  private _userFilterChange(cause: FilterChangeCause = 'select'): void {
    this.page = 1;
    this._pendingFilterEvent = true;
    this._pendingFilterCause = cause;
    this._pendingAnnounce = 'count';
    this._pushGroupFilter(cause);
  }

  /** In a group, makes the list's filter the group's (a search keystroke replaces the URL entry). */
  private _pushGroupFilter(cause: FilterChangeCause): void {
    if (!this.groupStore) return;
    const region = normalizeRegion(this.region);
    const departement = normalizeDepartement(this.departement);
    this.setGroupFilter(
      {
        search: this.search,
        statuts: parseStatuts(this.statut),
        regions: region ? [region] : [],
        departements: departement ? [departement] : [],
      },
      cause,
      true,
    );
  }

  private sortBy(column: LaureateListColumn): void {
    const current = this._effectiveSort;
    const direction: SortDirection =
      current?.column === column ? (current.direction === 'ascending' ? 'descending' : 'ascending') : NUMERIC.has(column) ? 'descending' : 'ascending';
    this._applySort(column, direction);
  }

  private _onSortSelect = (e: Event): void => {
    const [column, direction] = (e.target as HTMLSelectElement).value.split(':') as [LaureateListColumn | '', SortDirection | undefined];
    this._applySort(column, direction ?? 'ascending');
  };

  private _applySort(column: LaureateListColumn | '', direction: SortDirection): void {
    this.sort = column;
    this.sortDirection = direction;
    this.page = 1;
    this._pendingAnnounce = 'sort';
    const detail: RelanceSortChangeDetail = { column, direction };
    this.emit(new RelanceSortChangeEvent(detail));
  }

  private _goTo(page: number): void {
    const target = Math.min(Math.max(1, page), this._pageCount);
    if (target === this.page) return;
    this.page = target;
    this._pendingAnnounce = 'page';
  }

  private _toggleRow(view: RowView): void {
    const open = new Set(this.openRows);
    const selected = !open.has(view.index);
    if (selected) open.add(view.index);
    else open.delete(view.index);
    this.openRows = open;
    const r = view.row;
    const values: RelanceSelectDetail['values'] = { laureats: 1 };
    if (typeof r.montant === 'number') values.montant = r.montant;
    if (typeof r.emplois === 'number') values.emplois = r.emplois;
    const detail: RelanceSelectDetail = { dimension: 'laureat', code: String(view.index), label: r.nom, selected, values };
    this.emit(new RelanceSelectEvent(detail));
  }

  // -------------------------------------------------------------------------------------------
  // Rendering

  override render(): TemplateResult {
    const captionId = `${this.uid}-caption`;
    const s = this.dataStatus;
    const ready = s === 'ready';
    return html`<section class="list" part="base" aria-labelledby=${this.caption ? captionId : nothing}>
      ${this.renderCaption(captionId)} ${this.renderFictitious()} ${this.renderDataNotices()}
      ${ready ? nothing : html`<div class="fallback" part="fallback"><slot></slot></div>`}
      ${ready ? this._renderBody() : s === 'empty' && !this._hasFallback ? html`<p class="empty">${this.t.empty}</p>` : nothing}
      ${ready || s === 'error' || this.meta.source ? this._cachedFooter() : nothing}
    </section>`;
  }

  /** The footer only changes with the metadata, the language, the data state and the list's place in its group. */
  private _cachedFooter(): TemplateResult | typeof nothing {
    const key = JSON.stringify([this.meta, this.resolvedLang, this.dataStatus, this.showsGroupFooter]);
    if (this.footer?.key !== key) this.footer = { key, template: this.renderFooter() };
    return this.footer.template;
  }

  private _renderBody(): TemplateResult {
    const t = this.t;
    if (this.rows.length === 0) {
      return html`<p class="empty" part="empty">${t.empty}</p>`;
    }
    const lm = this._lm;
    const cards = this._currentLayout === 'cards';
    return html`${this._renderFilters()}
      <div class="results-bar">
        <p class="count" part="count">${lm.count(this.resultCount, this.rows.length)}</p>
        ${cards ? this._renderSortSelect() : nothing}
        <button class="btn btn--sm btn--export" type="button" part="export" @click=${() => this.downloadCsv()}>
          ${downloadIcon}<span>${lm.exportCsv}</span> <span class="btn__detail">${lm.exportDetail(this.resultCount)}</span>
        </button>
      </div>
      ${this.groupStore ? nothing : html`<p class="sr-only" role="status">${this.announcement}</p>`}
      ${this.resultCount === 0
        ? html`<div class="empty no-match" part="empty">
            <p>${lm.noMatch}</p>
            <button class="btn btn--sm" type="button" @click=${this._resetFilters}>${lm.reset}</button>
          </div>`
        : cards
          ? this._renderCards()
          : this._renderTable()}
      ${this._renderPagination()}`;
  }

  private _renderFilters(): TemplateResult {
    const lm = this._lm;
    const lang = this.resolvedLang;
    const id = this.uid;
    const active = this.search.trim() !== '' || this._filterStatuts.length > 0 || this._filterRegion !== '' || this._filterDepartement !== '';
    const regions = this._regionOptions.some((o) => o.code === this._filterRegion) || !this._filterRegion
      ? this._regionOptions
      : [...this._regionOptions, { code: this._filterRegion, name: territoryName('region', this._filterRegion) }];
    let departements = this._filterRegion ? this._departementOptions.filter((d) => d.region === this._filterRegion) : this._departementOptions;
    if (this._filterDepartement && !departements.some((d) => d.code === this._filterDepartement)) {
      departements = [...departements, { code: this._filterDepartement, name: territoryName('departement', this._filterDepartement), region: '' }];
    }
    // A select only when there is a choice to make: a list of one région's laureates offers no « Toutes les régions ».
    return html`<div class="filters" part="filters" role="search" aria-label=${this.caption ? `${lm.filtersLabel} – ${this.caption}` : lm.filtersLabel}>
      <div class="field field--search">
        <label class="label" for="${id}-search">${lm.searchLabel} <span class="hint">${lm.searchHint}</span></label>
        <div class="search">
          ${searchIcon}
          <input
            id="${id}-search"
            class="input"
            part="search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            @input=${this._onSearchInput}
          />
        </div>
      </div>
      ${this._regionOptions.length > 1 || this._filterRegion
        ? html`<div class="field">
            <label class="label" for="${id}-region">${lm.regionFilter}</label>
            <div class="select-wrap">
              <select id="${id}-region" class="select" part="select" @change=${this._onRegionChange}>
                <option value="" ?selected=${!this._filterRegion}>${lm.allRegions}</option>
                ${regions.map((o) => html`<option value=${o.code} ?selected=${o.code === this._filterRegion}>${o.name}</option>`)}
              </select>
            </div>
          </div>`
        : nothing}
      ${this._departementOptions.length > 1 || this._filterDepartement
        ? html`<div class="field">
            <label class="label" for="${id}-dep">${lm.departementFilter}</label>
            <div class="select-wrap">
              <select id="${id}-dep" class="select" part="select" @change=${this._onDepartementChange}>
                <option value="" ?selected=${!this._filterDepartement}>${lm.allDepartements}</option>
                ${departements.map((o) => html`<option value=${o.code} ?selected=${o.code === this._filterDepartement}>${o.name} (${o.code})</option>`)}
              </select>
            </div>
          </div>`
        : nothing}
      ${this._statusOptions.length > 1 || this._filterStatuts.length > 0
        ? html`<div class="field field--tags">
            <span class="label" id="${id}-statuts">${lm.statusFilter}</span>
            <div class="tags" role="group" aria-labelledby="${id}-statuts">
              ${this._statusOptions.map((s) => {
                const pressed = this._filterStatuts.includes(s);
                return html`<button class="tag" part="status-tag" type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => this._toggleStatut(s)}>
                  <span class="swatch s-${s}" aria-hidden="true"></span>${statutLabel(s, lang, 2)}${pressed ? check : nothing}
                </button>`;
              })}
            </div>
          </div>`
        : nothing}
      <div class="field field--reset">
        <button class="btn btn--sm btn--tertiary" type="button" part="reset" ?hidden=${!active} @click=${this._resetFilters}>${lm.reset}</button>
      </div>
    </div>`;
  }

  private _renderSortSelect(): TemplateResult {
    const lm = this._lm;
    const id = `${this.uid}-sort`;
    const current = this._effectiveSort ? `${this._effectiveSort.column}:${this._effectiveSort.direction}` : '';
    const columns = this._visibleColumns.filter((c) => c !== 'projet');
    return html`<div class="sort-select">
      <label class="label label--inline" for=${id}>${lm.sortLabel}</label>
      <div class="select-wrap">
        <select id=${id} class="select select--sm" part="select" @change=${this._onSortSelect}>
          <option value="" ?selected=${current === ''}>${lm.unsorted}</option>
          ${columns.flatMap((c) => {
            const dirs: SortDirection[] = NUMERIC.has(c) ? ['descending', 'ascending'] : ['ascending', 'descending'];
            return dirs.map((d) => {
              const v = `${c}:${d}`;
              return html`<option value=${v} ?selected=${v === current}>${lm.sortOption(lm.column[c], d, NUMERIC.has(c))}</option>`;
            });
          })}
        </select>
      </div>
    </div>`;
  }

  private _tableCaption(): string {
    const lm = this._lm;
    const parts = [this.caption || this.meta.title || lm.defaultCaption];
    const sort = this._effectiveSort;
    if (sort) parts.push(lm.sortedBy(lm.column[sort.column], sort.direction, NUMERIC.has(sort.column)));
    if (this._pageCount > 1) parts.push(`${lm.page.toLowerCase()} ${formatCount(this.page, this.resolvedLang)} / ${formatCount(this._pageCount, this.resolvedLang)}`);
    return parts.join(', ');
  }

  private _renderTable(): TemplateResult {
    const lm = this._lm;
    const columns = this._visibleColumns;
    const disclosure = !columns.includes('projet');
    const sort = this._effectiveSort;
    return html`<div class="table-box">
      <table part="table" class=${`cols-${columns.length}`}>
        <caption class=${this.caption ? 'sr-only' : ''}>${this._tableCaption()}</caption>
        <thead>
          <tr>
            ${columns.map((c) => {
              const sorted = sort?.column === c ? sort.direction : undefined;
              return html`<th scope="col" class=${NUMERIC.has(c) ? 'num' : ''} aria-sort=${sorted ?? nothing}>
                <button class="sort" part="sort-button" type="button" data-column=${c} @click=${() => this.sortBy(c)}>
                  <span>${lm.column[c]}</span>${sortIcons[sorted ?? 'none']}
                </button>
              </th>`;
            })}
          </tr>
        </thead>
        <tbody>
          ${repeat(
            this.view,
            (v) => v.index,
            (v) => {
              const open = this.openRows.has(v.index);
              const detailId = `${this.uid}-p-${v.index}`;
              return html`<tr part="row" class=${open ? 'open' : ''}>
                  ${columns.map((c) => this._renderCell(v, c, disclosure, open, detailId))}
                </tr>
                ${disclosure && open
                  ? html`<tr class="detail" id=${detailId}>
                      <td colspan=${columns.length}>
                        ${v.row.projet ? html`<p class="project" part="project" lang=${this._dataLang}>${this.marks(v.projet)}</p>` : html`<p class="project" part="project">${lm.noProject}</p>`}
                      </td>
                    </tr>`
                  : nothing}`;
            },
          )}
        </tbody>
        <tfoot part="totals">
          <tr>
            ${columns.map((c) => {
              if (c === 'nom') return html`<th scope="row">${lm.totalLabel} (${this.t.unit.laureats(this._currentTotals.count)})</th>`;
              if (c === 'montant') return html`<td class="num">${formatEuros(this._currentTotals.montant, this.resolvedLang)}</td>`;
              if (c === 'emplois') return html`<td class="num">${formatCount(this._currentTotals.emplois, this.resolvedLang)}</td>`;
              return html`<td></td>`;
            })}
          </tr>
        </tfoot>
      </table>
    </div>`;
  }

  private _renderCell(v: RowView, c: LaureateListColumn, disclosure: boolean, open: boolean, detailId: string): TemplateResult {
    if (c === 'nom') {
      return html`<th scope="row">
        <span class="name">${this.marks(v.nom)}</span>
        ${disclosure ? this._renderDisclosure(v, open, detailId) : nothing}
      </th>`;
    }
    return html`<td class=${NUMERIC.has(c) ? 'num' : ''}>${this._cellContent(v, c)}</td>`;
  }

  private _renderDisclosure(v: RowView, open: boolean, detailId: string, details = false): TemplateResult {
    const lm = this._lm;
    const label = details ? (open ? lm.hideDetails : lm.showDetails) : open ? lm.hideProject : lm.showProject;
    return html`<button
      class="disclosure"
      part="disclosure"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? detailId : nothing}
      @click=${() => this._toggleRow(v)}
    >
      ${label}<span class="sr-only">${lm.projectOf(v.row.nom)}</span>
    </button>${!open && v.projetMatch ? html`<span class="match-hint">${lm.projectMatches}</span>` : nothing}`;
  }

  private _cellContent(v: RowView, c: LaureateListColumn): unknown {
    const r = v.row;
    const lang = this.resolvedLang;
    switch (c) {
      case 'statut':
        // The coloured marker is drawn by CSS (::before): one element per row and column matters for large pages.
        return html`<span class="statut m-${r.statut}">${statutLabel(r.statut, lang, 1)}</span>`;
      case 'region':
        return v.region.length ? this.marks(v.region) : this.missing();
      case 'departement':
        return v.departement.length ? html`${this.marks(v.departement)} (${r.departement})` : this.missing();
      case 'lieu':
        if (!r.departement && !r.commune) return this.missing();
        return html`${r.departement ? html`${this.marks(v.departement)} (${r.departement}) ` : nothing}${r.commune
          ? html`<span class="place--commune">${this.marks(v.commune)}</span>`
          : nothing}`;
      case 'commune':
        return v.commune.length ? this.marks(v.commune) : this.missing();
      case 'territoire':
        return v.territoire.length ? this.marks(v.territoire) : this.missing();
      case 'montant':
        return typeof r.montant === 'number' ? formatEuros(r.montant, lang) : this.missing();
      case 'emplois':
        return typeof r.emplois === 'number' ? formatCount(r.emplois, lang) : this.missing();
      case 'projet':
        return v.projet.length ? html`<span class="project-cell" lang=${this._dataLang}>${this.marks(v.projet)}</span>` : this.missing();
      case 'siren':
        return r.siren ?? this.missing();
      default:
        return this.marks(v.nom);
    }
  }

  private missing(): TemplateResult {
    return html`<span aria-hidden="true">–</span><span class="sr-only">${this._lm.missing}</span>`;
  }

  /** Highlighted text: matches in `<mark>`, everything as text nodes. */
  private marks(segments: readonly HighlightSegment[]): unknown[] {
    return segments.map((s) => (s.match ? html`<mark>${s.text}</mark>` : s.text));
  }

  /**
   * Compact cards (narrow containers): the name, then on one line the status, the place and the amount; the other
   * fields and the project on demand (« Détails »), so that a phone screen shows several laureates at once.
   */
  private _renderCards(): TemplateResult {
    const lm = this._lm;
    const columns = this._visibleColumns.filter((c) => c !== 'nom');
    const place = columns.includes('lieu') || columns.includes('commune') || columns.includes('departement');
    const level = this.headingLevel && this.headingLevel >= 2 && this.headingLevel <= 5 ? this.headingLevel + 1 : undefined;
    const lang = this.resolvedLang;
    return html`<p class="sr-only">${this._tableCaption()}</p>
      <ul class="cards" part="cards">
        ${repeat(
          this.view,
          (v) => v.index,
          (v) => {
            const r = v.row;
            const open = this.openRows.has(v.index);
            const detailId = `${this.uid}-p-${v.index}`;
            const where = r.commune ? this.marks(v.commune) : r.departement ? this.marks(v.departement) : nothing;
            return html`<li class="card ${open ? 'open' : ''}" part="card row">
              ${level
                ? html`<p class="card__title" role="heading" aria-level=${level}>${this.marks(v.nom)}</p>`
                : html`<p class="card__title">${this.marks(v.nom)}</p>`}
              <p class="card__summary">
                ${columns.includes('statut') ? html`<span class="statut m-${r.statut}">${statutLabel(r.statut, lang, 1)}</span>` : nothing}
                ${place && where !== nothing ? html`<span class="card__place">${where}${r.departement ? ` (${r.departement})` : ''}</span>` : nothing}
                ${columns.includes('montant') && typeof r.montant === 'number'
                  ? html`<span class="card__amount">${formatEuros(r.montant, lang)}</span>`
                  : nothing}
              </p>
              ${this._renderDisclosure(v, open, detailId, true)}
              ${open
                ? html`<div class="card__details" id=${detailId}>
                    <dl class="card__fields">
                      ${columns.map(
                        (c) => html`<div class="card__field card__field--${c}">
                          <dt>${lm.column[c]}</dt>
                          <dd class=${NUMERIC.has(c) ? 'num' : ''}>${this._cellContent(v, c)}</dd>
                        </div>`,
                      )}
                    </dl>
                    ${columns.includes('projet')
                      ? nothing
                      : html`<div class="card__project">
                          ${r.projet ? html`<p class="project" part="project" lang=${this._dataLang}>${this.marks(v.projet)}</p>` : html`<p class="project" part="project">${lm.noProject}</p>`}
                        </div>`}
                  </div>`
                : nothing}
            </li>`;
          },
        )}
      </ul>
      <dl class="totals" part="totals">
        <div><dt>${lm.totalLabel}</dt><dd>${this.t.unit.laureats(this._currentTotals.count)}</dd></div>
        <div><dt>${lm.column.montant}</dt><dd>${formatEuros(this._currentTotals.montant, lang)}</dd></div>
        <div><dt>${lm.column.emplois}</dt><dd>${formatCount(this._currentTotals.emplois, lang)}</dd></div>
      </dl>`;
  }

  private _renderPagination(): TemplateResult | typeof nothing {
    const pages = this._pageCount;
    if (pages <= 1) return nothing;
    const lm = this._lm;
    const lang = this.resolvedLang;
    const page = this.page;
    const narrow = this._currentLayout === 'cards';
    const items = pageItems(page, pages, narrow ? 0 : 1);
    const edge = (kind: 'first' | 'previous' | 'next' | 'last', target: number, label: string) => {
      const disabled = target === page || target < 1 || target > pages;
      return html`<li>
        <button
          class="page page--${kind}"
          part="page-button"
          type="button"
          aria-disabled=${disabled ? 'true' : nothing}
          @click=${() => !disabled && this._goTo(target)}
        >
          ${kind === 'first' || kind === 'previous' ? pageIcons[kind] : nothing}<span class="page__label">${label}</span>${kind === 'next' || kind === 'last'
            ? pageIcons[kind]
            : nothing}
        </button>
      </li>`;
    };
    return html`<nav class="pagination" part="pagination" aria-label=${this.caption ? `${lm.pagination} – ${this.caption}` : lm.pagination}>
      <ul>
        ${edge('first', 1, lm.firstPage)} ${edge('previous', page - 1, lm.previousPage)}
        ${repeat(
          items,
          (item, k) => (item === '…' ? `gap-${k}` : `p-${item}`),
          (item) =>
            item === '…'
              ? html`<li class="page-gap" aria-hidden="true">…</li>`
              : html`<li>
                  <button
                    class="page page--number"
                    part="page-button"
                    type="button"
                    aria-current=${item === page ? 'page' : nothing}
                    @click=${() => this._goTo(item)}
                  >
                    <span class="sr-only">${lm.page} </span>${formatCount(item, lang)}
                  </button>
                </li>`,
        )}
        ${edge('next', page + 1, lm.nextPage)} ${edge('last', pages, lm.lastPage)}
      </ul>
    </nav>`;
  }
}

