import { html, nothing, svg } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { RelanceDataElement } from '../../base/data-element.js';
import type { FilterKey } from '../../base/group.js';
import { WidthController } from '../../controllers/width.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { TooltipController } from '../../controllers/tooltip.js';
import type { DonutArc, DonutLayout } from '../../layout/donut-layout.js';
import { donutLayout } from '../../layout/donut-layout.js';
import { sumTotals } from '../../model/aggregate.js';
import type { Metric } from '../../model/types.js';
import { METRICS } from '../../model/types.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { donutStyles } from './funding-donut.styles.js';
import type { StatusRow } from './funding-donut.model.js';
import { chartName, csvRows, keyOf, missingText, selectDetail, sliceName, statusRows } from './funding-donut.model.js';
import { renderLabels, renderLegend, renderTable, renderTooltip, TEXTURES } from './funding-donut.parts.js';
import { calloutSize, fitLabels } from './funding-donut.labels.js';
import { renderFallback } from '../../fallback/fallback.js';
import { renderDownloads } from '../../export/export.js';
import { chartTable } from '../../parts/table-toggle.js';

export type { StatusRow } from './funding-donut.model.js';
export { formatMetric, isKnown, statusRows } from './funding-donut.model.js';

/**
 * Donut chart of state support by legal status (associations, coopératives, fondation…), from
 * laureate rows or from totals by status. Keyboard: Tab reaches the slices, arrow keys move between
 * them, Enter or Space selects, Escape closes the tooltip then clears the selection.
 *
 * @summary Donut of funding by legal status.
 * @tag relance-funding-donut
 *
 * @fires relance-select - The user selected or cleared a status. Detail: `{dimension: 'statut', code, label, selected, values, share}`.
 * @fires relance-data-load - The data was read. Detail: `{origin, format, rows, ignored, issues}`.
 * @fires relance-data-warning - Some rows or values were ignored. Same detail.
 * @fires relance-data-error - The data could not be used. Detail: `{code, message, details, status, origin}`.
 * @fires relance-filter-change - In a `group`, the user changed the group's filter. Detail: `{group, filter: {statuts, regions, departements, search}, cause}`.
 *
 * @csspart caption - The title.
 * @csspart filter-bar - In a group, the current filter and its clear button.
 * @csspart filter-clear - The button that clears the group's filter.
 * @csspart note - A note (e.g. national figures that a territory filter cannot split).
 * @csspart chart - The SVG of the donut.
 * @csspart slice - Each slice (also `slice-<status>`).
 * @csspart centre - The total in the centre.
 * @csspart legend - The legend list.
 * @csspart legend-item - Each legend entry.
 * @csspart table-toggle - The button that shows the data table.
 * @csspart downloads - The « Télécharger » menu (a `details`): the chart as SVG or PNG, its figures as CSV.
 * @csspart download-svg - Its buttons: `download-svg`, `download-png`, `download-csv`.
 * @csspart table - The data table.
 * @csspart tooltip - The tooltip.
 * @csspart footer - Source, date and notes.
 * @csspart fictitious - The « Données fictives » badge.
 * @csspart loading - The loading indicator.
 * @csspart error - The error message.
 * @csspart warning - The notice listing ignored rows and values.
 * @csspart retry - The retry button.
 *
 * @cssprop --relance-color-association - Colour of associations (default: DSFR `--artwork-major-blue-cumulus`, #3558a2 / #7ab1e8).
 * @cssprop --relance-color-cooperative - Colour of coopératives (default: DSFR `--artwork-major-green-emeraude`, #297254 / #34cb6a).
 * @cssprop --relance-color-fondation - Colour of fondations (default: DSFR `--artwork-major-pink-tuile`, #a94645 / #ff9575).
 * @cssprop --relance-color-mutuelle - Colour of mutuelles (default: DSFR `--artwork-major-purple-glycine`).
 * @cssprop --relance-color-entreprise - Colour of companies (default: DSFR `--artwork-major-yellow-tournesol`).
 * @cssprop --relance-color-autre - Colour of other statuses (default: DSFR `--text-mention-grey`).
 * @cssprop --relance-text - Text colour (default: DSFR `--text-default-grey`).
 * @cssprop --relance-title - Title colour (default: DSFR `--text-title-grey`).
 * @cssprop --relance-background - Background (default: DSFR `--background-default-grey`, transparent without DSFR in light theme).
 * @cssprop --relance-action - Links and buttons (default: DSFR `--text-action-high-blue-france`).
 * @cssprop --relance-focus - Focus ring colour (default: #0a76f6, as DSFR).
 * @cssprop --relance-font-size - Base font size (default: 1rem).
 */
export class RelanceFundingDonut extends RelanceDataElement {
  static override styles = [sharedStyles, donutStyles];

  /** The ring, with the legend beside it when wide, below it when narrow (measured on the demo data). */
  protected override estimateBodyHeight(width: number): number {
    return width < 400 ? 570 : width < 640 ? 500 : 390;
  }

  /** In a group, the donut's selection is the group's status filter. */
  protected override get selectionKeys(): readonly FilterKey[] {
    return ['statuts'];
  }

  static override properties: PropertyDeclarations = {
    metric: {},
    selected: { reflect: true },
    patterns: { type: Boolean, reflect: true },
    labels: {},
    showTable: { type: Boolean, attribute: 'show-table' },
    tableOpen: { state: true, attribute: false },
  };

  /** Measure shown: `montant` (state support, default), `laureats` (number of laureates) or `emplois` (jobs). */
  metric: Metric = 'montant';

  /** The selected status (`association`, `cooperative`, `fondation`, `mutuelle`, `entreprise`, `autre`), if any. */
  selected?: string;

  /** Adds textures to slices and legend swatches, so that colour is not needed to tell them apart. */
  patterns = false;

  /**
   * How slices are named: `legend` (default), a legend beside or under the donut and each slice's share on it (when it
   * fits); or `callouts`, the name, share and value of each slice beside it with a leader line, without legend, when
   * the width allows (440 px or more, and a donut of 90 px of radius or more beside the labels as they render; else
   * the legend).
   */
  labels: 'legend' | 'callouts' = 'legend';

  /** Shows the data table from the start (the user can always show or hide it). */
  showTable = false;
  private tableOpen = false;

  private _rows: StatusRow[] = [];
  private _total = sumTotals([]);
  private _layout?: DonutLayout;
  private _layoutKey = '';
  /** Width and height of the widest and tallest callout as rendered (their font, the reader's text spacing). */
  private _callout?: [number, number];
  /** Width of the chart read after the first render, until the ResizeObserver reports. */
  private _measuredWidth = 0;

  private readonly _size = new WidthController(this, '.chart');

  /** The tooltip, of a status. */
  private readonly _tip = new TooltipController<string>(this, keyOf);

  /** One tab stop for the slices; arrow keys go round them. */
  private readonly _roving = new RovingFocusController<string>(this, {
    items: () => this._layout?.arcs.map((a) => a.key) ?? [],
    itemOf: keyOf,
    elementOf: (key) => this.renderRoot.querySelector<SVGElement>(`.slice[data-key="${key}"]`),
    onActivate: (key) => this._toggle(key, true),
    onEscape: () => this.selected && this._toggle(this.selected, true),
    tooltip: this._tip,
  });

  /** The metric in effect (an unknown value falls back to `montant`). */
  get effectiveMetric(): Metric {
    return (METRICS as readonly string[]).includes(this.metric) ? this.metric : 'montant';
  }

  /** Totals by status for the current data, in display order. */
  get statusTotals(): readonly StatusRow[] {
    return this._rows;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.hasUpdated && this.showTable) this.tableOpen = true;
    if (this.filterChanged && this.groupStore) {
      // In a group, the selection is the group's status filter.
      const statuts = this.groupFilter.statuts ?? [];
      this.selected = statuts.length === 1 ? statuts[0] : undefined;
    }
    if (this.datasetChanged || this.filterChanged) {
      const byStatus = this.askTotalsBy('statut');
      this._rows = byStatus ? statusRows(byStatus.groups) : [];
      this._total = sumTotals(this._rows.map((r) => r.totals));
      if (!this._rows.some((r) => r.statut === this._tip.item)) this._tip.item = undefined;
    }
    // The width observed by the ResizeObserver, else the one read after the first render (see firstUpdated), else 320.
    // With callouts, the whole body: the legend that shares it when they do not fit goes away when they do.
    const body =
      this.labels === 'callouts'
        ? Math.round(this.renderRoot.querySelector('.body')?.getBoundingClientRect().width ?? 0)
        : 0;
    const width = body || this._size.width || this._measuredWidth || 320;
    const metric = this.effectiveMetric;
    // Callouts or a legend, never both: without callouts the donut takes the room they would have had. Callouts are
    // laid out from the size their texts render at (measured after render, see updated()).
    const callouts = this._callout;
    const key = `${width}|${metric}|${this.labels}|${callouts?.join('x') ?? ''}|${this._rows.map((r) => `${r.statut}:${r.totals[metric]}`).join(',')}`;
    if (key !== this._layoutKey || this.datasetChanged) {
      this._layoutKey = key;
      this._layout = this._rows.length
        ? donutLayout(
            this._rows.map((r) => ({ key: r.statut, value: r.totals[metric] })),
            width,
            this.labels !== 'callouts'
              ? { outerLabelMinWidth: Infinity }
              : { labelWidth: callouts?.[0], labelHeight: callouts?.[1], minRadiusWithLabels: 90 },
          )
        : undefined;
    }
  }

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // The chart's width is known once its box exists: read it now, before the first paint, and lay the donut out
    // again at once if it differs from the guess (one synchronous layout, instead of a paint at the wrong size and a
    // second render a frame later, when the ResizeObserver reports). The observer takes over from there.
    const box = this.renderRoot.querySelector('.chart');
    const width = box ? Math.round(box.getBoundingClientRect().width) : 0;
    if (width > 0 && !this._size.width && width !== (this._layout?.width ?? 0)) {
      this._measuredWidth = width;
      // Once this update is complete (a microtask later, still before the frame is painted).
      void this.updateComplete.then(() => this.requestUpdate());
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Sizes and positions through the CSSOM, never a style attribute: pages with a strict CSP (no 'unsafe-inline'
    // styles) block style attributes, including those Lit's styleMap writes on first render.
    const plot = this.renderRoot.querySelector<HTMLElement>('.plot');
    const layout = this._layout;
    const plotWidth = layout ? `${layout.width}px` : '';
    if (plot && plot.style.width !== plotWidth) plot.style.width = plotWidth;
    const arc = layout?.arcs.find((a) => a.key === this._tip.item);
    this._tip.place(() => {
      const box = plot?.getBoundingClientRect();
      if (!box || !arc) return undefined;
      const [x, y] = [box.left + layout!.cx + arc.centroid[0], box.top + layout!.cy + arc.centroid[1]];
      return { x, top: y, bottom: y };
    });
    this.syncTableScroll();
    // Callouts laid out from another size than they render at: again, from the measured one, once this update is
    // complete (a microtask later, still before the paint: a new update from updated() itself would be one more).
    const size = calloutSize(this.renderRoot);
    if (size && size.join('x') !== this._callout?.join('x')) {
      this._callout = size;
      void this.updateComplete.then(() => this.requestUpdate());
    }
    fitLabels(this.renderRoot);
  }

  override render(): TemplateResult {
    const captionId = `${this.uid}-caption`;
    const s = this.dataStatus;
    return html`<figure part="base" aria-labelledby=${this.caption ? captionId : nothing}>
      ${this.renderCaption(captionId)} ${this.renderFictitious()} ${this.renderGroupFilter()} ${this.renderDataNotices()} ${renderFallback(this.dataStatus)}
      ${s === 'ready' ? this._renderBody() : s === 'empty' ? html`<p class="empty">${this.t.empty}</p>` : nothing}
      ${s === 'ready' || s === 'error' || this.meta.source ? this.renderFooter(this._renderMissing()) : nothing}
    </figure>`;
  }

  private _renderBody(): TemplateResult {
    const t = this.t;
    const metric = this.effectiveMetric;
    const layout = this._layout;
    if (!layout || this._rows.length === 0) return html`<p class="empty">${t.empty}</p>`;
    if (layout.total <= 0) return html`<p class="empty">${t.noValueFor(t.metric[metric])}</p>`;
    return html`<div class="body">
        <div class="chart">${this._renderChart(layout)}</div>

        ${
          layout.outerLabels
            ? nothing
            : renderLegend(this._rows, metric, layout.total, this.selected, this.patterns, this.resolvedLang, (key) =>
                this._toggle(key, false),
              )
        }
      </div>
      ${chartTable(
        t,
        this.tableOpen,
        `${this.uid}-table`,
        this.caption ?? t.byStatus(this.effectiveMetric),
        this.tableOpen ? renderTable(this._rows, this._total, metric, this.caption, this.resolvedLang) : nothing,
        renderDownloads(this, () => csvRows(this._rows, t, this.resolvedLang)),
        () => (this.tableOpen = !this.tableOpen),
        this.renderTableHint(),
      )}`;
  }

  private _renderChart(layout: DonutLayout): TemplateResult {
    const lang = this.resolvedLang;
    const metric = this.effectiveMetric;
    const byKey = new Map<string, StatusRow>(this._rows.map((r) => [r.statut, r]));
    const focusKey = this._roving.tabStop(this.selected);
    const hasSelection = layout.arcs.some((a) => a.key === this.selected);
    const tip = layout.arcs.find((a) => a.key === this._tip.item);
    const tipRow = tip && byKey.get(tip.key);
    // Focus and selection: a ring inside a halo of the background colour, over the slices (one of the two contrasts
    // with any slice; the next slice does not cover it).
    const selectedArc = layout.arcs.find((a) => a.key === this.selected);
    const focusArc = layout.arcs.find((a) => a.key === focusKey);
    const ring = (a: DonutArc | undefined, kind: 'focus' | 'select') =>
      a
        ? svg`<path class="ring ${kind}-halo" d=${a.key === this.selected ? a.dSelected : a.d}></path><path class="ring ${kind}-ring" d=${a.key === this.selected ? a.dSelected : a.d}></path>`
        : nothing;
    // Sized in updated() through the CSSOM: a style attribute is blocked by a strict CSP (no 'unsafe-inline').
    return html`<div class="plot">
      <svg
        part="chart"
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        class=${hasSelection ? 'dimmed' : ''}
      >
        <defs>${TEXTURES}</defs>
        <g transform="translate(${layout.cx},${layout.cy})">
          <g role="listbox" aria-label=${chartName(this.caption, metric, layout.total, lang)} aria-orientation="horizontal">
            ${repeat(
              layout.arcs,
              (a) => a.key,
              (a) => {
                const selected = a.key === this.selected;
                return svg`<path
                  class="slice s-${a.key}"
                  part="slice slice-${a.key}"
                  role="option"
                  d=${selected ? a.dSelected : a.d}
                  tabindex=${a.key === focusKey ? 0 : -1}
                  aria-selected=${selected ? 'true' : 'false'}
                  aria-label=${sliceName(byKey.get(a.key)!, a.share, metric, lang)}
                  data-key=${a.key}
                  @click=${() => this._toggle(a.key, true)}
                  @pointerenter=${this._tip.over}
                  @pointerleave=${this._tip.out}
                ></path>`;
              },
            )}
          </g>
          <g aria-hidden="true">
            ${
              this.patterns
                ? layout.arcs.map(
                    (a) =>
                      svg`<path class="pattern-fill" d=${a.key === this.selected ? a.dSelected : a.d} fill="url(#fc-${a.key})"></path>`,
                  )
                : nothing
            }
            ${ring(selectedArc, 'select')} ${this._roving.visible ? ring(focusArc, 'focus') : nothing}
            ${renderLabels(layout, byKey, metric, lang, this.patterns)}
          </g>
        </g>
      </svg>
      ${tip && tipRow ? renderTooltip(tipRow, tip.share, lang, this._tip) : nothing}
    </div>`;
  }

  /** Says how many laureates have no value for the metric (and are not in the donut). */
  private _renderMissing(): TemplateResult | undefined {
    const metric = this.effectiveMetric;
    const missing = this._total.missing[metric];
    if (!this.loadedData || missing === 0 || this.loadedData.kind !== 'laureates') return undefined;
    return html`<p>${missingText(missing, metric, this.resolvedLang)}</p>`;
  }

  /** User action: selects a status, or clears the selection when it is already selected. */
  private _toggle(key: string, showTip: boolean): void {
    const row = this._rows.find((r) => r.statut === key);
    if (!row) return;
    const selected = this.selected !== key;
    this.selected = selected ? key : undefined;
    this._roving.current = key;
    if (showTip) this._tip.show(key);
    const metric = this.effectiveMetric;
    this.userSelect(selectDetail(row, selected, metric, this._total[metric], this.resolvedLang), 'statuts');
  }
}
