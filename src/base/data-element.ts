/**
 * Base class of the widgets that show a dataset. Its inputs (data-inputs.ts) become a data state (the data source
 * controller, or a portal's query source); the widget asks its query source — its own, or its group's — the questions
 * it draws from (controllers/questions.ts); the group's filter, the loading / error / ignored-rows notices, the caption
 * and the footer are rendered through the shared parts (src/parts/), once per group where a dashboard needs them once.
 */
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import type { DataErrorDetail, DataState } from './data-source.js';
import { DataSourceController } from './data-source.js';
import { RelanceDataErrorEvent } from '../events/data.js';
import { reportDataState } from './data-report.js';
import type { FilterChangeCause } from '../events/filter-change.js';
import type { RelanceSelectDetail } from '../events/select.js';
import { RelanceSelectEvent } from '../events/select.js';
import type { FilterKey, GroupFilter, GroupMember, RelanceGroup } from './group.js';
import { activeFilterKeys, getGroup } from './group.js';
import type { GroupKey, KeyTotals } from '../model/aggregate.js';
import { QuestionsController } from '../controllers/questions.js';
import { memorySource } from '../query/memory-source.js';
import { PortalInput, isPortalSource, portalDataError } from './portal-input.js';
import type { PageQuery, QueryFilter, QuerySource, RowPage, TotalsBy } from '../query/source.js';
import { filterWithout } from '../query/source.js';
import { RelanceDataInputs } from './data-inputs.js';
import { renderCaption } from '../parts/caption.js';
import { filterLabels, renderFilterBar } from '../parts/filter-bar.js';
import { renderFooter } from '../parts/footer.js';
import { renderNotices } from '../parts/notices.js';
import { renderTableHint, syncTableScroll } from '../parts/table-hint.js';
import type { WidgetKind } from '../i18n/messages.js';
import type { Dataset, DatasetMeta } from '../model/types.js';
import { INPUT_FORMATS } from '../model/types.js';

/** What identifies where data comes from, for deciding whether two widgets show the same source. */
function provenanceKey(meta: DatasetMeta): string {
  return JSON.stringify([meta.title, meta.source, meta.sourceUrl, meta.updated, meta.fictitious === true]);
}

export abstract class RelanceDataElement extends RelanceDataInputs implements GroupMember {
  protected readonly dataSource = new DataSourceController(this, (state) => this._reportDataState(state));

  /** True during an update in which the dataset changed. */
  protected datasetChanged = false;

  /** True during an update in which the group's filter changed. */
  protected filterChanged = false;

  /** The group this element belongs to, if any. */
  protected groupStore?: RelanceGroup;

  private _lastDataset?: Dataset;
  private _lastFilter?: GroupFilter;
  private _lastStatus?: DataState['status'];

  /** The questions this element asks its query source (see {@link querySource}), and their answers. */
  private readonly _questions = new QuestionsController(
    this,
    () => {
      // A later answer is new data for the widget (a donut recomputes its rows on datasetChanged).
      this.datasetChanged = true;
      this.requestUpdate();
    },
    (slot, error) => this.ownsAnswerError(slot, error) || this._reportPortalError(portalDataError(error)),
  );
  /** The `api` input: a portal's query source (see {@link api}). */
  private readonly _portal = new PortalInput(
    this,
    () => this._portalChanged(),
    () => ({ source: this.source, sourceUrl: this.sourceUrl, updated: this.updatedDate, fictitious: this.fictitious }),
  );
  /** True when the element has data of its own (`data`, a JSON script child, or `src`). */
  get hasOwnData(): boolean {
    return this.dataSource.hasInput() || !!this.api?.trim();
  }

  /** The element's own data state (what it provides to its group). */
  get ownDataState(): DataState {
    return this._portal.active ? this._portal.state : this.dataSource.state;
  }

  /** The element's own query source when it has one that is not built from rows (a portal's, see {@link api}). */
  get ownQuerySource(): QuerySource | undefined {
    return this._portal.active ? this._portal.source : undefined;
  }

  /**
   * The data state in effect: the element's own, or its group's when it has none. With a portal's source, `loading`
   * until the widget's first answers are there (the notice keeps the widget's height), and `error` when one of its
   * questions failed (the citizen's message, with « Réessayer » when the portal was busy or unreachable).
   */
  protected get effectiveState(): DataState {
    const state =
      this.groupStore && !this.hasOwnData
        ? this.groupStore.dataState
        : this._portal.active
          ? this._portal.state
          : this.dataSource.state;
    if (state.status !== 'ready' || !isPortalSource(this.querySource)) return state;
    const failed = this._answerError();
    if (failed) return { status: 'error', error: portalDataError(failed), origin: 'attribute' };
    if (this._questions.waiting) return { status: 'loading', origin: 'src' };
    return state;
  }

  /** The first error of the widget's questions that it does not show itself (see {@link ownsAnswerError}). */
  private _answerError(): unknown {
    for (const [slot, error] of this._questions.errors()) if (!this.ownsAnswerError(slot, error)) return error;
    return undefined;
  }

  /** The error of the widget's last question in `slot` (a portal's), until asked again. */
  protected answerErrorOf(slot: string): unknown {
    return this._questions.errors().get(slot);
  }

  /**
   * True when the widget shows this error of a question itself (the list says that the portal serves no page past the
   * 10 000th record): it is then neither the widget's error notice nor a `relance-data-error`.
   */
  protected ownsAnswerError(_slot: string, _error: unknown): boolean {
    return false;
  }

  /** A question to a portal failed: the console and `relance-data-error` (the notice comes with the render). */
  private _reportPortalError(detail: DataErrorDetail): void {
    console.error(`<${this.localName}>: ${detail.message}`, detail);
    this.emit(new RelanceDataErrorEvent(detail));
  }

  /** The `api` address gave a source, or was refused. */
  private _portalChanged(): void {
    if (this._portal.error) this._reportPortalError(this._portal.error);
    this.datasetChanged = true;
    if (this.groupStore?.provider === this) this.groupStore.dataChanged();
    this.requestUpdate();
  }

  /** The current dataset, when ready. */
  get loadedData(): Dataset | undefined {
    const s = this.effectiveState;
    return s.status === 'ready' ? s.dataset : undefined;
  }

  /** The data state: `empty`, `loading`, `ready` or `error`. */
  get dataStatus(): DataState['status'] {
    return this.effectiveState.status;
  }

  /** The group's current filter (empty without a group). */
  get groupFilter(): GroupFilter {
    return this.groupStore?.filter ?? {};
  }

  /** Loads `src` again (after an error), or the group's data. */
  reload(): void {
    if (isPortalSource(this.querySource)) {
      // Asks the portal again: every widget of the group whose questions failed.
      const members = this.groupStore ? this.groupStore.visibleMembers : [this];
      for (const m of members) if (m instanceof RelanceDataElement) m._retryAnswers();
      return;
    }
    if (this.groupStore && !this.hasOwnData) {
      const provider = this.groupStore.provider;
      if (provider instanceof RelanceDataElement) provider.reload();
      return;
    }
    this.dataSource.retry();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._joinGroup();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.groupStore?.leave(this);
    this.groupStore = undefined;
  }

  private _retryAnswers(): void {
    this._questions.retry();
    this.requestUpdate();
  }

  private _joinGroup(): void {
    const name = this.group?.trim();
    if (this.groupStore?.name === name) return;
    this.groupStore?.leave(this);
    this.groupStore = name ? getGroup(name) : undefined;
    this.groupStore?.join(this);
  }

  /** Called by the group when its data or filter changed. */
  groupChanged(): void {
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!(INPUT_FORMATS as readonly string[]).includes(this.format)) this.format = 'auto';
    if (changed.has('group') && this.isConnected) this._joinGroup();
    const ownChanged = this.dataSource.sync();
    const portalChanged = this._portal.sync(this.api);
    if ((ownChanged || portalChanged) && this.groupStore?.provider === this) this.groupStore.dataChanged();
    const state = this.effectiveState;
    const dataset = state.status === 'ready' ? state.dataset : undefined;
    if (dataset !== this._lastDataset || state.status !== this._lastStatus) {
      this._lastDataset = dataset;
      this._lastStatus = state.status;
      this.datasetChanged = true;
    }
    const filter = this.groupFilter;
    if (filter !== this._lastFilter) {
      this._lastFilter = filter;
      this.filterChanged = true;
    }
    this._questions.follow(this.querySource);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.datasetChanged = false;
    this.filterChanged = false;
    // While loading, the notice takes about the height the widget will take with its data, so that the page does
    // not jump when it arrives (set through the CSSOM: a strict CSP blocks style attributes).
    const skeleton = this.renderRoot.querySelector<HTMLElement>('.skeleton');
    if (skeleton) {
      const height = Math.round(this.skeletonHeight(this.clientWidth || 640));
      skeleton.style.minHeight = height > 0 ? `${height}px` : '';
    }
  }

  /**
   * A data table wider than its container (a phone) scrolls inside its `.table-wrap`, never clipped: the region is
   * then focusable (keyboard users scroll it with the arrow keys) and the hint under it says so (`.table-hint`).
   * Called after each render by the widgets that show a table.
   */
  protected syncTableScroll(): void {
    syncTableScroll(this.renderRoot);
  }

  /** The hint shown under a data table that scrolls sideways (see {@link syncTableScroll}). */
  protected renderTableHint(): TemplateResult {
    return renderTableHint(this.t.tableScrollHint);
  }

  /**
   * About the height in px that the widget will take below its caption once its data is there, at this width:
   * reserved while the data loads. The widget's own part ({@link estimateBodyHeight}) and the source line.
   */
  protected skeletonHeight(width: number): number {
    const body = this.estimateBodyHeight(width);
    if (body <= 0) return 0;
    return body + (this.showsGroupFooter ? (width < 480 ? 120 : width < 768 ? 100 : 60) : 0);
  }

  /** About the height in px of what the widget draws from its data at this width (0: unknown). */
  protected estimateBodyHeight(_width: number): number {
    return 0;
  }

  /** What the widget shows, in the words of its notices (« les données de cette carte… »). */
  protected get widgetKind(): WidgetKind {
    return 'chart';
  }

  /** True when this widget's data has the provenance of its group's (same source, date and fictitious flag). */
  get sharesGroupSource(): boolean {
    const provider = this.groupStore?.provider;
    if (!provider || provider === this || !(provider instanceof RelanceDataElement)) return true;
    return provenanceKey(this.meta) === provenanceKey(provider.meta);
  }

  /**
   * True when this widget shows the group's fictitious-data badge and filter bar: the first of the widgets of its group
   * that show the group's data (see {@link RelanceGroup.placeOf}), or a widget alone.
   */
  protected get showsGroupHeader(): boolean {
    return this.groupStore?.placeOf(this).first ?? true;
  }

  /** True when this widget shows the group's source line: the last of them (see {@link showsGroupHeader}). */
  protected get showsGroupFooter(): boolean {
    return this.groupStore?.placeOf(this).last ?? true;
  }

  /**
   * The dimensions of the group's filter that this widget shows as its own selection (the donut's statuses, the
   * map's territories): its rows are not filtered on them, and the filter bar shows them as applied.
   */
  protected get selectionKeys(): readonly FilterKey[] {
    return [];
  }

  /**
   * The dimensions of the group's filter that this widget applies to pre-aggregated data (totals by status can be
   * filtered by status, not by territory). Laureate rows take every dimension.
   */
  protected aggregateFilterKeys(_dataset: Dataset): readonly FilterKey[] {
    return [];
  }

  /**
   * Where the widget's figures and rows come from: the query source of the group (built from its provider's data) when
   * the widget has no data of its own, else its own. `undefined` without data.
   */
  protected get querySource(): QuerySource | undefined {
    if (this.groupStore && !this.hasOwnData) return this.groupStore.querySource;
    if (this._portal.active) return this._portal.source;
    const s = this.dataSource.state;
    return s.status === 'ready' ? memorySource(s.dataset) : undefined;
  }

  /**
   * The filter the widget applies to its data: the group's, leaving out the dimensions it shows as its own selection.
   * One rule for every widget of a group, whoever provided its data (the group's provider, or the widget itself).
   */
  protected queryFilter(exclude: readonly FilterKey[] = this.selectionKeys): QueryFilter {
    return this.groupStore ? filterWithout(this.groupStore.filter, exclude) : {};
  }

  /**
   * Totals by status, région or département of the widget's data, for its filter (or `filter`); `undefined` until
   * answered. `slot` names the question when a widget asks several of the same kind.
   */
  protected askTotalsBy(
    by: GroupKey,
    filter: QueryFilter = this.queryFilter(),
    slot = `by-${by}`,
  ): TotalsBy | undefined {
    return this._questions.totalsBy(this.querySource, by, filter, slot);
  }

  /** Key figures of the widget's data for its filter (or `filter`); `undefined` until answered. */
  protected askKeyFigures(filter: QueryFilter = this.queryFilter()): KeyTotals | undefined {
    return this._questions.keyFigures(this.querySource, filter);
  }

  /** False while the answer in `slot` may change (rows still being read, an index being built). */
  protected answerFinal(slot: string): boolean {
    return this._questions.isFinal(slot);
  }

  /** A page of the widget's rows; `slot` names the question when a widget asks several. `undefined` until answered. */
  protected askPage(query: PageQuery, slot = 'page'): RowPage | undefined {
    return this._questions.page(this.querySource, query, slot);
  }

  /**
   * The dimensions of the group's filter that are set but that this widget cannot apply to the data it shows
   * (a région filter on national totals by status). The filter bar says so instead of showing them as applied.
   */
  protected get unappliedFilterKeys(): FilterKey[] {
    const ds = this.loadedData;
    if (!this.groupStore || !ds || ds.kind === 'laureates') return [];
    return activeFilterKeys(this.groupFilter, [...this.selectionKeys, ...this.aggregateFilterKeys(ds)]);
  }

  /**
   * User action: changes the group's filter (no-op outside a group). `silent` when the widget
   * dispatches its own `relance-filter-change`.
   */
  protected setGroupFilter(patch: Partial<GroupFilter>, cause: FilterChangeCause = 'select', silent = false): void {
    this.groupStore?.setFilter({ ...this.groupFilter, ...patch }, this, cause, { silent });
  }

  /**
   * The user selected (or cleared) an item of the widget's own dimension `key` (a slice's status, a territory):
   * `relance-select`, then in a group the group's filter on that dimension and what screen readers hear.
   */
  protected userSelect(detail: RelanceSelectDetail, key: FilterKey): void {
    this.emit(new RelanceSelectEvent(detail));
    if (!this.groupStore) return;
    this.setGroupFilter({ [key]: detail.selected ? [detail.code] : [] });
    this.announce(this.t.filterAnnouncement(this.filterLabels()));
  }

  /** Words describing a filter: « La Réunion », « Associations », « recherche « atelier » ». */
  protected filterLabels(filter: GroupFilter = this.groupFilter): string[] {
    return filterLabels(filter, this.resolvedLang, this.t);
  }

  /**
   * The group's filter, visible, with a button that clears it: « Filtre : … » for the dimensions the widget applies
   * to what it shows, « Ce filtre ne s'applique pas à ces données : … » for the others. The group's one live
   * region (in its first widget) tells screen-reader users what a user action did, once.
   */
  protected renderGroupFilter(): TemplateResult | typeof nothing {
    if (!this.groupStore) return nothing;
    const filter = this.groupFilter;
    const unappliedKeys = this.unappliedFilterKeys;
    const pick = (applied: boolean): GroupFilter =>
      Object.fromEntries(Object.entries(filter).filter(([k]) => unappliedKeys.includes(k as FilterKey) !== applied));
    return renderFilterBar({
      applied: this.showsGroupHeader ? this.filterLabels(pick(true)) : [],
      unapplied: this.filterLabels(pick(false)),
      t: this.t,
      onClear: this._clearGroupFilter,
      announcement: this.showsGroupHeader ? this.groupStore.announcement : undefined,
    });
  }

  private _clearGroupFilter = (): void => {
    this.groupStore?.setFilter({}, this, 'clear');
    this.announce(this.t.filterClearedAll);
  };

  /**
   * Announces a message to screen-reader users, through the group's one live region (a page of four linked widgets
   * has one, not four). Outside a group, a widget announces through its own region: returns false so that it does.
   */
  protected announce(message: string): boolean {
    if (!this.groupStore) return false;
    this.groupStore.announce(message);
    return true;
  }

  private _reportDataState(state: DataState): void {
    // A dataset whose last rows were just read is the same dataset (its rows grew): not a new one.
    const rest = state.status === 'ready' && state.dataset === this._lastDataset;
    if (!rest) this.datasetChanged = true;
    for (const event of reportDataState(state, this.localName, this.t)) this.emit(event);
    if (this.groupStore?.provider === this) this.groupStore.dataChanged();
    this.requestUpdate();
  }

  /** Metadata in effect: attributes win over the data's own. */
  protected get meta(): DatasetMeta {
    const meta = this.loadedData?.meta ?? {};
    return {
      ...meta,
      source: this.source ?? meta.source,
      sourceUrl: this.sourceUrl ?? meta.sourceUrl,
      updated: this.updatedDate ?? meta.updated,
      fictitious: this.fictitious || meta.fictitious === true,
    };
  }

  /** The caption, as a heading when `heading-level` is set. */
  protected renderCaption(id: string): TemplateResult | typeof nothing {
    return renderCaption(this.caption, this.headingLevel, id);
  }

  /** Badge shown when the data is fictitious (once per group: see {@link showsGroupHeader}). */
  protected renderFictitious(): TemplateResult | typeof nothing {
    if (!this.meta.fictitious || this.dataStatus !== 'ready' || !this.showsGroupHeader) return nothing;
    return html`<p class="badge" part="fictitious" title=${this.t.fictitiousDetail}>${this.t.fictitious}</p>`;
  }

  /**
   * Loading, error and ignored-rows notices, in DSFR's alert style. A citizen reads one short sentence (« Les données
   * de cette carte sont momentanément indisponibles. », with « Réessayer » when the data comes from a file); the
   * parser's exact message and the ignored rows are for the webmaster: in the console, in the events, and under the
   * sentence only in {@link debugMode}. Returns `nothing` when the data is ready and complete.
   */
  protected renderDataNotices(): TemplateResult | typeof nothing {
    const failed = this._answerError();
    const provider = this.groupStore && !this.hasOwnData ? this.groupStore.provider : this;
    const error =
      failed !== undefined
        ? portalDataError(failed)
        : provider instanceof RelanceDataElement
          ? provider._portal.error
          : undefined;
    return renderNotices({
      state: this.effectiveState,
      t: this.t,
      kind: this.widgetKind,
      debug: this.debugMode,
      reload: () => this.reload(),
      ...(error ? { message: error.message, retry: error.retryable } : {}),
    });
  }

  /**
   * The source of the data (title and producer, linked), its date and the fictitious-data note, then `extra` (the
   * widget's own notes). The source line shows only with data, and once per group (see {@link showsGroupFooter}).
   */
  protected renderFooter(extra?: TemplateResult): TemplateResult | typeof nothing {
    return renderFooter(this.meta, this.t, this.dataStatus === 'ready' && this.showsGroupFooter, extra);
  }
}
