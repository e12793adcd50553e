import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { WidthController } from '../../controllers/width.js';
import type { WidgetKind } from '../../i18n/messages.js';
import type { FilterChangeCause, RelanceFilterChangeDetail, RelanceSortChangeDetail } from '../../events.js';
import type { Lang } from '../../i18n/format.js';
import { csvFileName, toCsv } from '../../query/csv-export.js';
import type { RowPage, TotalsBy } from '../../query/source.js';
import type { ListTotals } from '../../query/totals.js';
import { isEmptyFilter } from '../../base/group.js';
import { isPortalSource } from '../../base/portal-input.js';
import type { Laureate } from '../../model/types.js';
import { renderPager } from '../../parts/pager.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { listActions } from './laureate-list.actions.js';
import { renderFilters, renderSortSelect } from './laureate-list.filters.js';
import { IdleWork } from './laureate-list.idle.js';
import type { LaureateListColumn, ListMessages, SortDirection } from './laureate-list.messages.js';
import { LAUREATE_LIST_COLUMNS, listMessages } from './laureate-list.messages.js';
import type { FilterOptions, ListFilter, ListLayout, ListSortState, RowView } from './laureate-list.model.js';
import {
  DEFAULT_LIST_COLUMNS,
  announcementText,
  chooseLayout,
  csvColumns,
  csvFilterLabel,
  csvSeparator,
  effectivePageSize,
  estimateListHeight,
  filterOptions,
  listTotals,
  pageOf,
  pageQuery,
  parseColumns,
  queryFilterOf,
  queryKey,
  readFilter,
  readSort,
  rowViews,
  tableCaption,
} from './laureate-list.model.js';
import type { RowsContext } from './laureate-list.rows.js';
import { renderRows } from './laureate-list.rows.js';
import { listMediaStyles } from './laureate-list.media.styles.js';
import { listPagerStyles } from './laureate-list.pager.styles.js';
import { LaureateListProps } from './laureate-list.props.js';
import { listRowsStyles } from './laureate-list.rows.styles.js';
import { listStyles } from './laureate-list.styles.js';

export { LAUREATE_LIST_COLUMNS };
export type { LaureateListColumn, SortDirection };
export type { RelanceFilterChangeDetail, RelanceSortChangeDetail };

const downloadIcon = html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M3 19h18v2H3v-2Zm10-5.83 6.07-6.07 1.42 1.41L12 17 3.51 8.51 4.93 7.1 11 13.17V2h2v11.17Z"/></svg>`;

const NO_OPTIONS: FilterOptions = { statuts: [], regions: [], departements: [] };

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
export class RelanceLaureateList extends LaureateListProps {
  static override styles = [sharedStyles, listStyles, listRowsStyles, listPagerStyles, listMediaStyles];

  protected override get widgetKind(): WidgetKind {
    return 'list';
  }

  /** Filters, the results bar and a full page of rows (cards about 130 px, table rows about 100 px), measured. */
  protected override estimateBodyHeight(width: number): number {
    const layout = chooseLayout(width, parseColumns(this.columns), this.layout);
    return estimateListHeight(width, layout, effectivePageSize(this.pageSize));
  }

  static override properties: PropertyDeclarations = {
    announcement: { state: true, attribute: false },
  };

  private announcement = '';
  private _hasFallback = false;

  // What the attributes and the answers of the query source give, computed in willUpdate.
  private _filter: ListFilter = readFilter('', '', '', '');
  private _effectiveSort?: ListSortState;
  private _queryKey = '';
  /** The current page of rows, with the count and totals of every row that passes the filter. */
  private _page?: RowPage;
  /** Every row of the data: its count (« 12 lauréats sur 44 »). */
  private _allCount = 0;
  private _totals: ListTotals = listTotals(undefined);
  private _options: FilterOptions = NO_OPTIONS;
  private _optionsFrom: readonly (TotalsBy | undefined)[] = [];
  private _view: RowView[] = [];
  private _viewOf?: { page: RowPage; lang: Lang };
  private _pageCount = 1;
  private _visibleColumns: LaureateListColumn[] = [...DEFAULT_LIST_COLUMNS];
  private _currentLayout: ListLayout = 'table';
  private _footer?: { key: string; template: TemplateResult | typeof nothing };

  /**
   * The host's width: a new width renders again only when it calls for the other layout (table or cards); the rest
   * is CSS, and a render of a page of rows is not free.
   */
  private readonly _width = new WidthController(this, {
    shouldUpdate: (width) =>
      this.hasUpdated && chooseLayout(width, this._visibleColumns, this.layout) !== this._currentLayout,
  });

  /** The reader's actions (search, filters, sort, pages, projects, download) and what they leave to do after render. */
  private readonly _actions = listActions(
    this,
    () => this._filter,
    () => this._effectiveSort,
    () => isPortalSource(this.querySource),
    (cause) => this._pushGroupFilter(cause),
    (kind) => {
      const text = announcementText(this._lm, kind, {
        count: this.resultCount,
        of: this._allCount,
        page: this.page,
        pages: this._pageCount,
        size: effectivePageSize(this.pageSize),
        sort: this._effectiveSort,
      });
      if (!this.announce(text)) this.announcement = text;
    },
  );

  /** Number of laureates matching the current search and filters. */
  get resultCount(): number {
    return this._page?.total ?? 0;
  }

  /** Totals (count, amount, jobs) of the current search and filters. */
  get resultTotals(): Readonly<ListTotals> {
    return this._totals;
  }

  /** The laureates matching the current search and filters, in the current order (a new array). */
  get currentRows(): Laureate[] {
    return [...this._allRows()];
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
    return this.querySource?.searchReady ?? true;
  }

  /** The current rows (filtered and sorted) as CSV text: RFC 4180, UTF-8 byte order mark, `csv-separator`. */
  getCsv(): string {
    return toCsv(this._allRows(), csvColumns(this._lm, this.resolvedLang), {
      separator: csvSeparator(this.csvSeparator),
    });
  }

  /** Name of the exported file, e.g. `laureats-france-relance-2021-12-21-auvergne-rhone-alpes.csv`. */
  getCsvFileName(date = new Date()): string {
    return csvFileName(this.fileName || this._lm.fileBase, date, csvFilterLabel(this._filter, this.resolvedLang));
  }

  /**
   * The address of the portal's own CSV export of the current rows (search and filters) when the list's data comes from
   * a portal (`api`); `undefined` otherwise.
   */
  async getCsvUrl(): Promise<string | undefined> {
    const source = this.querySource;
    return isPortalSource(source) ? source?.exportUrl?.(queryFilterOf(this._filter)) : undefined;
  }

  /** Downloads the current rows as a CSV file (with a portal's data, the portal's export of them). */
  downloadCsv(): void {
    this._actions.downloadCsv();
  }

  private get _lm(): ListMessages {
    return listMessages(this.resolvedLang);
  }

  /** Every row that passes the filter, in the current order. */
  private _allRows(): readonly Laureate[] {
    return this.askPage(pageQuery(this._filter, this._effectiveSort, this.resolvedLang), 'rows')?.rows ?? [];
  }

  constructor() {
    super();
    new IdleWork(
      this,
      () => this.querySource,
      () => this.resolvedLang,
    );
  }

  // -------------------------------------------------------------------------------------------
  // The attributes, the group's filter and the answers of the query source (willUpdate)

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const lang = this.resolvedLang;
    if (this.datasetChanged) this._actions.openRows = new Set();
    if (changed.has('columns') || !this.hasUpdated) this._visibleColumns = parseColumns(this.columns);
    this._hasFallback = [...this.children].some((c) => c.localName !== 'script');

    // Layout: the observed width (the host's own width, read once, before the first report: so that the first render
    // already has the right layout).
    const width = this._width.width || (this.isConnected ? Math.round(this.getBoundingClientRect().width) : 0);
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

    // Every row: its count, and the filter options (the statuses, régions and départements the data has).
    const all = this.askPage({ filter: {}, limit: 0 }, 'all');
    this._allCount = all?.total ?? 0;
    const facets = (['statut', 'region', 'departement'] as const).map((by) =>
      this.askTotalsBy(by, {}, `options-${by}`),
    );
    if (facets.some((f, k) => f !== this._optionsFrom[k])) {
      this._optionsFrom = facets;
      const [s, r, d] = facets;
      this._options = s && r && d ? filterOptions(s.groups.keys(), r.groups.keys(), d.groups.keys()) : NO_OPTIONS;
    }

    // The query: a new search, filter or sort starts at page 1 (unless the page is set in the same update).
    this._filter = readFilter(this.search, this.statut, this.region, this.departement);
    this._effectiveSort = readSort(this.sort, this.sortDirection);
    const key = queryKey(this._filter, this._effectiveSort, lang);
    if (key !== this._queryKey) {
      if (this._queryKey !== '' && !changed.has('page')) this.page = 1;
      this._queryKey = key;
    }

    // The page.
    const size = effectivePageSize(this.pageSize);
    const asked = Number.isFinite(this.page) ? Math.max(1, Math.floor(this.page)) : 1;
    let answer = this.askPage(pageQuery(this._filter, this._effectiveSort, lang, asked, size));
    const { page, pageCount } = pageOf(this.page, answer?.total ?? 0, size);
    if (page !== asked) answer = this.askPage(pageQuery(this._filter, this._effectiveSort, lang, page, size));
    if (page !== this.page) this.page = page;
    this._pageCount = pageCount;
    if (answer !== this._page) {
      this._page = answer;
      this._totals = listTotals(answer?.totals);
    }
    if (answer && (answer !== this._viewOf?.page || lang !== this._viewOf.lang)) {
      this._viewOf = { page: answer, lang };
      this._view = rowViews(answer, this._filter.search);
    } else if (!answer) {
      this._viewOf = undefined;
      this._view = [];
    }
  }

  // -------------------------------------------------------------------------------------------
  // After render: events, announcements, focus (laureate-list.actions.ts)

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this._actions.afterUpdate();
  }

  /** The portal serves no page past its 10 000th record: the list says so where the rows would be. */
  protected override ownsAnswerError(slot: string, error: unknown): boolean {
    return slot === 'page' && (error as { code?: unknown } | undefined)?.code === 'too-deep';
  }

  private get _tooDeep(): boolean {
    return this.ownsAnswerError('page', this.answerErrorOf('page'));
  }

  /** In a group, makes the list's filter the group's (a search keystroke replaces the URL entry). */
  private _pushGroupFilter(cause: FilterChangeCause): void {
    if (!this.groupStore) return;
    this.setGroupFilter(
      queryFilterOf(readFilter(this.search, this.statut, this.region, this.departement)),
      cause,
      true,
    );
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
    if (this._footer?.key !== key) this._footer = { key, template: this.renderFooter() };
    return this._footer.template;
  }

  /**
   * « (calcul en cours…) » after the count while the figures are not final (a large input still being read, a search
   * answered from the first rows until the index is built). Not a live region: the count's announcement, delayed,
   * says the figures once; the note goes when the final figures are there.
   */
  private _countingNote(): TemplateResult | typeof nothing {
    if (this.answerFinal('page') && this.answerFinal('all')) return nothing;
    return html` <span class="counting">(${this._lm.counting})</span>`;
  }

  private _renderBody(): TemplateResult {
    const t = this.t;
    if (this._allCount === 0) {
      return html`<p class="empty" part="empty">${t.empty}</p>`;
    }
    const lm = this._lm;
    const lang = this.resolvedLang;
    const cards = this._currentLayout === 'cards';
    const actions = this._actions;
    const rows: RowsContext = {
      lm,
      lang,
      uid: this.uid,
      columns: this._visibleColumns,
      view: this._view,
      totals: this._totals,
      laureats: (n: number) => t.unit.laureats(n),
      tableCaption: tableCaption(
        lm,
        lang,
        this.caption || this.meta.title,
        this._effectiveSort,
        this.page,
        this._pageCount,
      ),
      caption: this.caption,
      headingLevel: this.headingLevel,
      sort: this._effectiveSort,
      actions,
    };
    return html`${renderFilters({
      lm,
      lang,
      id: this.uid,
      caption: this.caption,
      filter: this._filter,
      options: this._options,
      actions,
    })}
      <div class="results-bar">
        <p class="count" part="count">${lm.count(this.resultCount, this._allCount)}${this._countingNote()}</p>
        ${cards ? renderSortSelect(lm, `${this.uid}-sort`, this._effectiveSort, this._visibleColumns, actions.onSortSelect) : nothing}
        <button class="btn btn--sm btn--export" type="button" part="export" @click=${() => this.downloadCsv()}>
          ${downloadIcon}<span>${lm.exportCsv}</span> <span class="btn__detail">${lm.exportDetail(this.resultCount)}</span>
        </button>
      </div>
      ${this.groupStore ? nothing : html`<p class="sr-only" role="status">${this.announcement}</p>`}
      ${renderRows(rows, { cards, tooDeep: this._tooDeep, count: this.resultCount })}
      ${renderPager({ page: this.page, pages: this._pageCount, narrow: cards, texts: lm, lang, caption: this.caption, goTo: actions.goTo })}`;
  }
}
