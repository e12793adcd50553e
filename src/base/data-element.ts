/**
 * Base class of the widgets that show a dataset: the shared data inputs (`data`, `src`,
 * `format`, JSON script child), provenance (`source`, `source-url`, `updated`, `fictitious`),
 * the loading / error / ignored-rows notices and the footer.
 */
import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import type { DataErrorDetail, DataLoadDetail, DataState } from './data-source.js';
import { DataSourceController } from './data-source.js';
import type { FilterChangeDetail, FilterKey, GroupFilter, GroupMember, RelanceGroup } from './group.js';
import { activeFilterKeys, filterLaureates, getGroup, isEmptyFilter } from './group.js';
import { RelanceElement } from './relance-element.js';
import { statutLabel } from '../i18n/messages.js';
import { territoryName } from '../model/territory.js';
import type { DataIssue, Dataset, DatasetMeta, InputFormat, Laureate, Statut } from '../model/types.js';
import { INPUT_FORMATS, STATUTS } from '../model/types.js';

/** Keeps the `data` attribute as text: parsing (and its errors) belongs to the data pipeline. */
const textConverter = {
  fromAttribute: (value: string | null): unknown => value ?? undefined,
  toAttribute: (value: unknown): unknown => (typeof value === 'string' ? value : null),
};

const ISSUES_SHOWN = 20;

/** Warning codes that keep every value (the others drop a value from its row). */
const REMARKS: ReadonlySet<string> = new Set(['duplicate', 'csv-quote', 'encoding']);

export abstract class RelanceDataElement extends RelanceElement implements GroupMember {
  static override properties: PropertyDeclarations = {
    data: { attribute: 'data', converter: textConverter },
    src: {},
    format: {},
    caption: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    source: {},
    sourceUrl: { attribute: 'source-url' },
    updatedDate: { attribute: 'updated' },
    fictitious: { type: Boolean, reflect: true },
    group: { reflect: true },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
  };

  /**
   * The data: JSON (or CSV) text in the `data` attribute, or as the `.data` property an array of
   * rows, an object `{meta, laureats}` / `{statuts}`, or text. Replace it, do not mutate it.
   */
  data?: unknown;

  /** URL of a JSON or CSV file to load when there is no `data` (nor JSON script child). */
  src?: string;

  /** Input format: `auto` (default) detects JSON, CSV and the Opendatasoft export; or `json`, `csv`, `ods`. */
  format: InputFormat = 'auto';

  /** Title shown above the widget and used as its accessible name. */
  caption?: string;

  /** Heading level of the caption (2 to 6); without it the caption is not a heading. */
  headingLevel?: number;

  /** Name of the data source, shown in the footer (overrides the data's own `meta.source`). */
  source?: string;

  /** Link of the data source (overrides `meta.sourceUrl`). */
  sourceUrl?: string;

  /** Date of the data, ISO 8601 (overrides `meta.updated`). */
  updatedDate?: string;

  /** Marks the data as fictitious (also read from the data's `meta.fictitious`). */
  fictitious = false;

  /**
   * Name of a group of linked widgets: they share one dataset (given to one of them, or to a
   * `<relance-dataset>`) and one selection, which filters every widget of the group.
   */
  group?: string;

  /** Keeps the group's selection in the page URL (bookmarkable; the back button undoes a selection). */
  syncUrl = false;

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

  /** True when the element has data of its own (`data`, a JSON script child, or `src`). */
  get hasOwnData(): boolean {
    return this.dataSource.hasInput();
  }

  /** The element's own data state (what it provides to its group). */
  get ownDataState(): DataState {
    return this.dataSource.state;
  }

  /** The data state in effect: the element's own, or its group's when it has none. */
  protected get effectiveState(): DataState {
    if (this.groupStore && !this.hasOwnData) return this.groupStore.dataState;
    return this.dataSource.state;
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
    if (ownChanged && this.groupStore?.provider === this) this.groupStore.dataChanged();
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
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.datasetChanged = false;
    this.filterChanged = false;
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
   * Laureates of the data in effect that pass the group's filter, leaving out the dimensions a widget shows as its
   * own selection. One rule for every widget of a group, whoever provided its data (the group's provider, or the
   * widget itself with its own `data` or `src`). `undefined` when the data is not laureate rows.
   */
  protected filteredRows(exclude: readonly FilterKey[] = this.selectionKeys): readonly Laureate[] | undefined {
    const ds = this.loadedData;
    if (!ds || ds.kind !== 'laureates') return undefined;
    if (!this.groupStore) return ds.laureates;
    return filterLaureates(ds.laureates, this.groupStore.filter, exclude);
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
  protected setGroupFilter(patch: Partial<GroupFilter>, cause: FilterChangeDetail['cause'] = 'select', silent = false): void {
    this.groupStore?.setFilter({ ...this.groupFilter, ...patch }, this, cause, { silent });
  }

  /** Words describing a filter: « La Réunion », « Associations », « recherche « atelier » ». */
  protected filterLabels(filter: GroupFilter = this.groupFilter): string[] {
    const lang = this.resolvedLang;
    const labels: string[] = [];
    for (const r of filter.regions ?? []) labels.push(territoryName('region', r));
    for (const d of filter.departements ?? []) labels.push(`${territoryName('departement', d)} (${d})`);
    for (const st of filter.statuts ?? []) labels.push((STATUTS as readonly string[]).includes(st) ? statutLabel(st as Statut, lang) : st);
    if (filter.search?.trim()) labels.push(lang === 'fr' ? `recherche « ${filter.search.trim()} »` : `search "${filter.search.trim()}"`);
    return labels;
  }

  /**
   * The group's filter, visible, with a button that clears it: « Filtre : … » for the dimensions the widget applies
   * to what it shows, « Ce filtre ne s'applique pas à ces données : … » for the others. The live region tells
   * screen-reader users what the filter now is (only in the widget where the user acted, to avoid repeats).
   */
  protected renderGroupFilter(): TemplateResult | typeof nothing {
    if (!this.groupStore) return nothing;
    const filter = this.groupFilter;
    const t = this.t;
    const unappliedKeys = this.unappliedFilterKeys;
    const pick = (applied: boolean): GroupFilter =>
      Object.fromEntries(Object.entries(filter).filter(([k]) => unappliedKeys.includes(k as FilterKey) !== applied));
    const applied = this.filterLabels(pick(true));
    const unapplied = this.filterLabels(pick(false));
    const labels = [...applied, ...unapplied];
    return html`<div class="filter-bar" part="filter-bar" ?hidden=${isEmptyFilter(filter)}>
        ${applied.length ? html`<p class="filter-text">${t.filter(applied)}</p>` : nothing}
        ${unapplied.length ? html`<p class="filter-text filter-text--unapplied" part="filter-unapplied">${t.filterNotApplied(unapplied)}</p>` : nothing}
        <button class="btn btn--sm" type="button" part="filter-clear" @click=${this._clearGroupFilter}>
          ${t.clearFilter}<span class="sr-only"> (${labels.join(', ')})</span>
        </button>
      </div>
      <p class="sr-only" role="status" aria-live="polite">${this.groupAnnouncement}</p>`;
  }

  /** Text announced to screen readers after a filter change made in this widget. */
  protected groupAnnouncement = '';

  private _clearGroupFilter = (): void => {
    this.groupStore?.setFilter({}, this, 'clear');
    this.announce(this.resolvedLang === 'fr' ? 'Filtre effacé : toutes les données sont affichées.' : 'Filter cleared: all data is shown.');
  };

  /** Announces a message through this widget's live region. */
  protected announce(message: string): void {
    this.groupAnnouncement = message;
    this.requestUpdate();
  }

  private _reportDataState(state: DataState): void {
    this.datasetChanged = true;
    const tag = this.localName;
    if (state.status === 'error') {
      const detail: DataErrorDetail = { ...state.error, origin: state.origin, message: this.t.dataError(state.error) };
      console.error(`<${tag}>: ${detail.message}`, detail);
      this.emit('relance-data-error', detail);
    } else if (state.status === 'ready') {
      const ds = state.dataset;
      const detail: DataLoadDetail = {
        origin: state.origin,
        format: ds.format,
        rows: ds.rowCount,
        ignored: ds.ignoredCount,
        issues: ds.issues,
      };
      if (ds.issues.length > 0) {
        console.error(`<${tag}>: ${this._issueSummary(ds)}`, ds.issues);
        this.emit('relance-data-warning', detail);
      }
      this.emit('relance-data-load', detail);
    }
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

  private _issueSummary(ds: Dataset): string {
    // Warnings that do not drop a value (possible duplicates, repaired quoting, encoding) are remarks.
    const remarks = ds.issues.filter((i) => i.level === 'warning' && REMARKS.has(i.code)).length;
    const warnings = ds.issues.filter((i) => i.level === 'warning').length - remarks;
    const parts: string[] = [];
    if (ds.ignoredCount > 0) parts.push(this.t.ignoredRows(ds.ignoredCount));
    if (warnings > 0) parts.push(this.t.ignoredValues(warnings));
    if (remarks > 0) parts.push(this.t.remarks(remarks));
    return parts.join(' · ');
  }

  /** The caption, as a heading when `heading-level` is set. */
  protected renderCaption(id: string): TemplateResult | typeof nothing {
    if (!this.caption) return nothing;
    const level = this.headingLevel && this.headingLevel >= 2 && this.headingLevel <= 6 ? this.headingLevel : undefined;
    return level
      ? html`<div class="caption" id=${id} role="heading" aria-level=${level} part="caption">${this.caption}</div>`
      : html`<div class="caption" id=${id} part="caption">${this.caption}</div>`;
  }

  /** Badge shown when the data is fictitious. */
  protected renderFictitious(): TemplateResult | typeof nothing {
    if (!this.meta.fictitious) return nothing;
    return html`<p class="badge" part="fictitious" title=${this.t.fictitiousDetail}>${this.t.fictitious}</p>`;
  }

  /**
   * Loading, error (with retry) and ignored-rows notices. Returns `nothing` when the data is ready
   * and clean.
   */
  protected renderDataNotices(): TemplateResult | typeof nothing {
    const s = this.effectiveState;
    const t = this.t;
    if (s.status === 'loading') {
      return html`<div class="loading" role="status" part="loading"><span class="spinner" aria-hidden="true"></span>${t.loading}</div>`;
    }
    if (s.status === 'error') {
      return html`<div class="notice notice--error" role="alert" part="error">
        <p class="notice__title">${t.dataError(s.error)}</p>
        ${s.error.issues?.length ? this._renderIssueList(s.error.issues) : nothing}
        ${s.origin === 'src'
          ? html`<button class="btn btn--sm" type="button" part="retry" @click=${() => this.reload()}>${t.retry}</button>`
          : nothing}
      </div>`;
    }
    if (s.status === 'ready' && s.dataset.issues.length > 0) {
      // A file that looks cut short (last row incomplete) may load whole on a second try.
      const truncated = s.origin === 'src' && s.dataset.issues.some((i) => i.code === 'truncated-row');
      return html`<div class="notice notice--warning" part="warning">
        <p class="notice__title">${this._issueSummary(s.dataset)}</p>
        ${this._renderIssueList(s.dataset.issues)}
        ${truncated ? html`<button class="btn btn--sm" type="button" part="retry" @click=${() => this.reload()}>${t.retry}</button>` : nothing}
      </div>`;
    }
    return nothing;
  }

  private _renderIssueList(issues: readonly DataIssue[]): TemplateResult {
    const shown = issues.slice(0, ISSUES_SHOWN);
    const more = issues.length - shown.length;
    return html`<details>
      <summary>${this.t.issueDetails}</summary>
      <ul>
        ${shown.map((i) => html`<li>${this.t.issue(i)}</li>`)}
        ${more > 0 ? html`<li>${this.t.moreIssues(more)}</li>` : nothing}
      </ul>
    </details>`;
  }

  /** Source, date and fictitious-data notice. */
  protected renderFooter(extra?: TemplateResult): TemplateResult {
    const meta = this.meta;
    const t = this.t;
    const safeUrl = meta.sourceUrl && /^(https?:|\/|\.{0,2}\/|[^:]*$)/i.test(meta.sourceUrl) ? meta.sourceUrl : undefined;
    return html`<div class="footer" part="footer">
      ${meta.source || safeUrl
        ? html`<p>
            ${t.source}
            ${safeUrl
              ? html`<a href=${safeUrl} rel="noopener" target="_blank" title=${`${meta.source ?? safeUrl} – ${this.resolvedLang === 'fr' ? 'nouvelle fenêtre' : 'new window'}`}
                  >${meta.source ?? safeUrl}</a
                >`
              : meta.source}
          </p>`
        : nothing}
      ${meta.updated ? html`<p>${t.updated(meta.updated)}</p>` : nothing}
      ${meta.fictitious ? html`<p>${t.fictitiousDetail}</p>` : nothing}
      ${extra ?? nothing}
    </div>`;
  }
}
