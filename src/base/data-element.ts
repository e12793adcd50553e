/**
 * Base class of the widgets that show a dataset: the shared data inputs (`data`, `src`,
 * `format`, JSON script child), provenance (`source`, `source-url`, `updated`, `fictitious`),
 * the loading / error / ignored-rows notices and the footer.
 */
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { DataErrorDetail, DataLoadDetail, DataState } from './data-source.js';
import { DataSourceController } from './data-source.js';
import { RelanceElement } from './relance-element.js';
import type { DataIssue, Dataset, DatasetMeta, InputFormat } from '../model/types.js';
import { INPUT_FORMATS } from '../model/types.js';

/** Keeps the `data` attribute as text: parsing (and its errors) belongs to the data pipeline. */
const textConverter = {
  fromAttribute: (value: string | null): unknown => value ?? undefined,
  toAttribute: (value: unknown): unknown => (typeof value === 'string' ? value : null),
};

const ISSUES_SHOWN = 20;

export abstract class RelanceDataElement extends RelanceElement {
  /**
   * The data: JSON (or CSV) text in the `data` attribute, or as the `.data` property an array of
   * rows, an object `{meta, laureats}` / `{statuts}`, or text. Replace it, do not mutate it.
   */
  @property({ attribute: 'data', converter: textConverter }) data?: unknown;

  /** URL of a JSON or CSV file to load when there is no `data` (nor JSON script child). */
  @property() src?: string;

  /** Input format: `auto` (default) detects JSON, CSV and the Opendatasoft export; or `json`, `csv`, `ods`. */
  @property() format: InputFormat = 'auto';

  /** Title shown above the widget and used as its accessible name. */
  @property() caption?: string;

  /** Heading level of the caption (2 to 6); without it the caption is not a heading. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel?: number;

  /** Name of the data source, shown in the footer (overrides the data's own `meta.source`). */
  @property() source?: string;

  /** Link of the data source (overrides `meta.sourceUrl`). */
  @property({ attribute: 'source-url' }) sourceUrl?: string;

  /** Date of the data, ISO 8601 (overrides `meta.updated`). */
  @property({ attribute: 'updated' }) updatedDate?: string;

  /** Marks the data as fictitious (also read from the data's `meta.fictitious`). */
  @property({ type: Boolean, reflect: true }) fictitious = false;

  protected readonly dataSource = new DataSourceController(this, (state) => this.reportDataState(state));

  /** True during an update in which the dataset changed. */
  protected datasetChanged = false;

  /** The current dataset, when ready. */
  get loadedData(): Dataset | undefined {
    const s = this.dataSource.state;
    return s.status === 'ready' ? s.dataset : undefined;
  }

  /** The data state: `empty`, `loading`, `ready` or `error`. */
  get dataStatus(): DataState['status'] {
    return this.dataSource.state.status;
  }

  /** Loads `src` again (after an error). */
  reload(): void {
    this.dataSource.retry();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!(INPUT_FORMATS as readonly string[]).includes(this.format)) this.format = 'auto';
    this.datasetChanged = this.dataSource.sync() || this.datasetChanged;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.datasetChanged = false;
  }

  private reportDataState(state: DataState): void {
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
        console.error(`<${tag}>: ${this.issueSummary(ds)}`, ds.issues);
        this.emit('relance-data-warning', detail);
      }
      this.emit('relance-data-load', detail);
    }
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

  private issueSummary(ds: Dataset): string {
    const warnings = ds.issues.filter((i) => i.level === 'warning').length;
    const parts: string[] = [];
    if (ds.ignoredCount > 0) parts.push(this.t.ignoredRows(ds.ignoredCount));
    if (warnings > 0) parts.push(this.t.ignoredValues(warnings));
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
    const s = this.dataSource.state;
    const t = this.t;
    if (s.status === 'loading') {
      return html`<div class="loading" role="status" part="loading"><span class="spinner" aria-hidden="true"></span>${t.loading}</div>`;
    }
    if (s.status === 'error') {
      return html`<div class="notice notice--error" role="alert" part="error">
        <p class="notice__title">${t.dataError(s.error)}</p>
        ${s.error.issues?.length ? this.renderIssueList(s.error.issues) : nothing}
        ${s.origin === 'src'
          ? html`<button class="btn btn--sm" type="button" part="retry" @click=${() => this.reload()}>${t.retry}</button>`
          : nothing}
      </div>`;
    }
    if (s.status === 'ready' && s.dataset.issues.length > 0) {
      return html`<div class="notice notice--warning" part="warning">
        <p class="notice__title">${this.issueSummary(s.dataset)}</p>
        ${this.renderIssueList(s.dataset.issues)}
      </div>`;
    }
    return nothing;
  }

  private renderIssueList(issues: readonly DataIssue[]): TemplateResult {
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
