import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { RelanceDataElement } from '../../base/data-element.js';
import type { WidgetKind } from '../../i18n/messages.js';
import type { FilterKey } from '../../base/group.js';
import { RelanceGeometryErrorEvent } from '../../events/geometry-error.js';
import type { MapLayout, MapLevel } from '../../layout/map-layout.js';
import type { ClassMethod } from '../../layout/map-scale.js';
import type { GeoState } from '../../controllers/geometry.js';
import type { Lang } from '../../i18n/format.js';
import { parseInput } from '../../model/parse/index.js';
import { normalizeRegion } from '../../model/territory.js';
import type { InputFormat, Metric, ParseResult } from '../../model/types.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import type { MapMessages } from './territory-map.messages.js';
import { mapMessages } from './territory-map.messages.js';
import type { TerritoryModel } from './territory-map.model.js';
import {
  featureAt,
  filterKeyOf,
  geometryConverter,
  modelOptions,
  parseDirectValues,
  same,
  selectDetail,
  territoryModel,
  thresholdConverter,
} from './territory-map.model.js';
import { renderDefs, renderLegend, renderNotes, renderPlaceholder, renderTable } from './territory-map.parts.js';
import { renderMap } from './territory-map.chart.js';
import { estimateMapHeight, MapView } from './territory-map.layout.js';
import { csvRows, legendTitle, mapTexts } from './territory-map.texts.js';
import { mapStyles } from './territory-map.styles.js';
import { renderFallback } from '../../fallback/fallback.js';
import { renderDownloads } from '../../export/export.js';
import { chartTable } from '../../parts/table-toggle.js';
import { GeometryController } from '../../controllers/geometry.js';
import { RovingFocusController } from '../../controllers/roving-focus.js';
import { TooltipController } from '../../controllers/tooltip.js';
import { LabelWidthController } from './label-widths.js';

export type { GeoState } from '../../controllers/geometry.js';
export type { TerritoryDatum, TerritoryModel, TerritoryModelOptions, TerritoryState } from './territory-map.model.js';
export { parseDirectValues, territoryModel } from './territory-map.model.js';

/**
 * Map of France by région or département, overseas régions included, answering « where did the money go »:
 * a choropleth (classes by quantiles, equal intervals or thresholds, with rounded limits; a perceptual ramp of DSFR
 * blues parted by borders of the background colour; « aucun lauréat » in flat grey, values not given hatched)
 * with optional proportional symbols for a second measure, a legend, a tooltip, and a data table.
 *
 * Mainland France and Corse are drawn in a Lambert-93-like conformal projection; Guadeloupe, Martinique, Guyane,
 * La Réunion and Mayotte in labelled insets (no shape under 40 px); at département level, Paris and the petite
 * couronne in a zoom inset. The geometry (IGN ADMIN EXPRESS COG, Licence Ouverte 2.0) is loaded lazily from the
 * package's `geo/` folder, once per page, or from `geometry`.
 *
 * Keyboard: Tab reaches the map (one tab stop), arrow keys move to the neighbouring territory in that direction,
 * Home and End to the first and last, Enter or Space selects, Escape closes the tooltip then clears the selection.
 * Each territory's accessible name carries its values and class, e.g. « Martinique : 2 lauréats, 0,4 M€ ».
 *
 * In a `group`, selecting a territory filters the other widgets (list, donut, key figures), and their selections
 * (status, search) filter the values of the map.
 *
 * @summary Map of France (régions or départements, overseas included) of the laureates.
 * @tag relance-territory-map
 *
 * @fires relance-select - The user selected or cleared a territory. Detail: `{dimension: 'region' | 'departement', code, label, selected, values, share}`.
 * @fires relance-data-load - The data was read. Detail: `{origin, format, rows, ignored, issues}`.
 * @fires relance-data-warning - Some rows or values were ignored. Same detail.
 * @fires relance-data-error - The data could not be used. Detail: `{code, message, details, status, origin}`.
 * @fires relance-filter-change - In a `group`, the user changed the group's filter (a territory selected or cleared). Detail: `{group, filter: {statuts, regions, departements, search}, cause}`.
 * @fires relance-geometry-error - The geometry could not be loaded or used (the table still works). Detail: `{code, status, details, url, message}`.
 *
 * @csspart caption - The title.
 * @csspart filter-bar - In a group, the current filter and its clear button.
 * @csspart filter-clear - The button that clears the group's filter.
 * @csspart note - A note (e.g. totals by territory that a status filter cannot split).
 * @csspart map - The box holding the map and its tooltip.
 * @csspart chart - The SVG of the map.
 * @csspart territory - Each territory shape (région or département).
 * @csspart inset - The frame of each overseas région and of the Paris zoom.
 * @csspart inset-label - The label of each inset.
 * @csspart symbol - Each proportional symbol.
 * @csspart legend - The legend (colour classes and symbols).
 * @csspart legend-item - Each entry of the colour legend.
 * @csspart legend-method - The sentence saying how the colour classes are made (quantiles, equal widths, thresholds).
 * @csspart symbol-legend - The legend of the proportional symbols.
 * @csspart tooltip - The tooltip.
 * @csspart table-toggle - The button that shows the data table.
 * @csspart downloads - The « Télécharger » menu (a `details`): the chart as SVG or PNG, its figures as CSV.
 * @csspart download-svg - Its buttons: `download-svg`, `download-png`, `download-csv`.
 * @csspart table - The data table.
 * @csspart footer - Source, date, notes and the attribution of the geometry.
 * @csspart attribution - The attribution line of the geometry.
 * @csspart fictitious - The « Données fictives » badge.
 * @csspart loading - The loading indicator (data or geometry).
 * @csspart error - The error message (data or geometry).
 * @csspart warning - The notice listing ignored rows and values.
 * @csspart retry - The retry button.
 *
 * @cssprop --relance-map-1 - Class of the lowest values (default: #7a79e9 / dark #615fe8). The five defaults are evenly spaced in OKLab from DSFR blue-france 625 to sun 113 (dark: main 525 to 950), each at 3:1 or more against the background; keep that if you change them.
 * @cssprop --relance-map-2 - Class colour 2 (default: #5a60d3 / #8284f0).
 * @cssprop --relance-map-3 - Class colour 3 (default: #3b47be / #a5a7f6).
 * @cssprop --relance-map-4 - Class colour 4, also « lauréats présents » (default: #1c2ba8 / #c8c9fb).
 * @cssprop --relance-map-5 - Class of the highest values (default: DSFR blue-france sun 113, #000091 / blue-france 950, #ececfe).
 * @cssprop --relance-map-none - Fill of territories without laureates (default: #eeeeee / #242424).
 * @cssprop --relance-map-none-line - Outline of territories without laureates, and hatch of values not given (default: #8a8a8a / #707070, 3:1 against the background).
 * @cssprop --relance-map-border - Borders between territories, and the halo of the focus and selection rings: the page background (default: white / #161616).
 * @cssprop --relance-map-symbol - Fill of the proportional symbols (default: DSFR orange terre battue, #e4794a).
 * @cssprop --relance-text - Text colour (default: DSFR `--text-default-grey`).
 * @cssprop --relance-title - Title colour (default: DSFR `--text-title-grey`).
 * @cssprop --relance-background - Background (default: DSFR `--background-default-grey`).
 * @cssprop --relance-action - Links and buttons (default: DSFR `--text-action-high-blue-france`).
 * @cssprop --relance-focus - Focus ring colour (default: #0a76f6, as DSFR).
 * @cssprop --relance-font-size - Base font size (default: 1rem).
 */
export class RelanceTerritoryMap extends RelanceDataElement {
  static override styles = [sharedStyles, mapStyles];

  protected override get widgetKind(): WidgetKind {
    return 'map';
  }

  /** The map and its insets, with the legend beside it from 900 px, below it under (measured on the demo data). */
  protected override estimateBodyHeight(width: number): number {
    return estimateMapHeight(width, this.effectiveLevel);
  }

  /** In a group, the map's selection is the group's territory filter. */
  protected override get selectionKeys(): readonly FilterKey[] {
    return ['regions', 'departements'];
  }

  static override properties: PropertyDeclarations = {
    level: {},
    metric: {},
    symbols: {},
    scale: {},
    classes: { type: Number },
    thresholds: { converter: thresholdConverter },
    selected: { reflect: true },
    region: {},
    geometry: { converter: geometryConverter },
    attribution: {},
    showTable: { type: Boolean, attribute: 'show-table' },
    tableOpen: { state: true, attribute: false },
    printing: { state: true, attribute: false },
  };

  /** Territorial level: `region` (default) or `departement`. */
  level: MapLevel = 'region';

  /**
   * Measure that colours the map: `montant` (state support), `laureats` (number of laureates) or `emplois` (jobs).
   * Without it: the first of these the data gives (`laureats` for values given directly, `{"84": 3}`).
   */
  metric?: Metric;

  /** Adds proportional symbols (circle area ∝ value) for a second measure: `emplois`, `montant` or `laureats`. */
  symbols?: Metric;

  /** Colour classes: `quantile` (default, about as many territories per class), `equal` (equal intervals) or `threshold` (with `thresholds`). */
  scale: ClassMethod = 'quantile';

  /** Number of colour classes for quantiles and equal intervals, 1 to 5 (default 5). */
  classes = 5;

  /**
   * Limits between classes (at most 4), e.g. `thresholds="500000 1000000 2000000"` (spaces, semicolons or a JSON
   * array), or an array of numbers as the property. Implies `scale="threshold"`.
   */
  thresholds?: number[];

  /** The selected territory: its INSEE code at the map's level (« 84 », « 2A », « 974 »). */
  selected?: string;

  /**
   * Shows one région alone (INSEE code or name, e.g. `84` or « Auvergne-Rhône-Alpes »): its
   * départements at département level, fitted to the width, without the overseas insets.
   */
  region?: string;

  /**
   * The geometry: a URL of a TopoJSON file (attribute or property) or a TopoJSON object (property), with
   * `objects.regions` or `objects.departements`. Default: `geo/france-regions.projected.json` or
   * `geo/france-departements.projected.json` next to the package's module: the `.topo.json` files of the same folder,
   * projected by the build (also accepted here).
   */
  geometry?: string | object;

  /** Attribution line of the geometry shown in the footer (default: the IGN ADMIN EXPRESS line; empty to hide it). */
  attribution?: string;

  /** Shows the data table from the start (the user can always show or hide it). */
  showTable = false;

  private tableOpen = false;
  /** The page is being printed: the table is shown, even closed (it is otherwise rendered only when open). */
  private printing = false;

  private _model?: TerritoryModel;
  private _modelKey: unknown[] = [];
  /** The texts made from the model, in the language of the update. */
  private _texts = mapTexts(undefined, 'region', 'fr');

  /** The layout at the map's width (observed), its symbols and keyboard graph. */
  private readonly _view = new MapView(this);

  private readonly _geo = new GeometryController(this, {
    timeout: () => this.dataSource.timeout,
    message: (detail) => this.m.geometryError(detail.code, detail.status),
    onError: (full) => {
      console.error(`<${this.localName}>: ${full.message}`, full);
      this.emit(new RelanceGeometryErrorEvent(full));
    },
  });

  /** Inset labels wrapped from their widths as the page renders them. */
  private readonly _labels = new LabelWidthController(this);

  /** The tooltip, of a feature (index into the layout's features: a Paris zoom copy has its own). */
  private readonly _tip = new TooltipController<number>(this, featureAt);

  /** One tab stop, arrow keys to the neighbouring territory: the focusable features, by index. */
  private readonly _roving = new RovingFocusController<number>(this, {
    items: () => this._view.focusable(),
    itemOf: featureAt,
    elementOf: (i) => this.renderRoot.querySelector<SVGElement>(`.t[data-i="${i}"]`),
    next: (i, direction) => this._view.next(i, direction),
    onActivate: (i) => this._toggle(this._view.layout!.features[i]!.code),
    onEscape: () => this.selected && this._toggle(this.selected),
    tooltip: this._tip,
  });

  /** Texts of the map in the language in effect. */
  protected get m(): MapMessages {
    return mapMessages(this._langNow);
  }

  /** Language of the current update (resolving it walks the DOM: done once per update). */
  private _langNow: Lang = 'fr';

  /** The level in effect (an unknown value falls back to `region`). */
  get effectiveLevel(): MapLevel {
    return this.level === 'departement' ? 'departement' : 'region';
  }

  /** Values, states and classes of the territories for the current data (after an update). */
  get territoryData(): TerritoryModel | undefined {
    return this._model;
  }

  /** The geometry state: `loading`, `ready` or `error`. */
  get geometryStatus(): GeoState['status'] {
    return this._geo.state.status;
  }

  /** The région shown alone (`region` attribute), as an INSEE code. */
  private get _focusRegion(): string | undefined {
    return normalizeRegion(this.region);
  }

  // Map layout in use (pixel paths, insets, keyboard neighbours), once the geometry is ready. (A line comment: as a
  // JSDoc comment it would add this description to the generated API reference of README.md, which main lacks.)
  get mapLayout(): MapLayout | undefined {
    return this._view.layout;
  }

  /** Loads the geometry again (after an error). */
  reloadGeometry(): void {
    this._geo.reload();
  }

  /** Used by the data source: values keyed by code (`{"84": 3}`) first, then the shared parser. */
  parseData(input: unknown, format: InputFormat): ParseResult {
    return parseDirectValues(input, format) ?? parseInput(input, { format });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this._onBeforePrint);
    // The geometry is requested now, not at the first update: the level and the geometry attribute are known (set
    // before insertion, or by the parser before the upgrade), and the first render can run while it downloads.
    this._langNow = this.resolvedLang;
    this._geo.sync(this.geometry, this.effectiveLevel);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this._onBeforePrint);
  }

  /** Printing shows the table: render it now if it is not yet. */
  private _onBeforePrint = (): void => {
    this.printing = true;
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    this._langNow = this.resolvedLang;
    super.willUpdate(changed);
    if (!this.hasUpdated && this.showTable) this.tableOpen = true;
    const level = this.effectiveLevel;
    this._geo.sync(this.geometry, level);
    if (this.filterChanged && this.groupStore) {
      // In a group, the selection is the group's filter on this level.
      const codes = this.groupFilter[filterKeyOf(level)] ?? [];
      this.selected = codes.length === 1 ? codes[0] : undefined;
    }

    // Data → values, classes (no geometry needed), computed again when the data, the level or an option changed. In a
    // group, the other widgets' selections filter the rows (not this map's own territories).
    const options = modelOptions(this, this.askTotalsBy(level), this._focusRegion);
    const modelKey = [this.loadedData, level, ...(Object.values(options) as unknown[])];
    if (this.datasetChanged || !same(modelKey, this._modelKey)) {
      this._modelKey = modelKey;
      this._model = this.loadedData ? territoryModel(this.loadedData, level, options) : undefined;
    }
    const x = this._texts;
    if (x.model !== this._model || x.lang !== this._langNow || x.level !== level)
      this._texts = mapTexts(this._model, level, this._langNow);

    // Geometry + width → layout (cached projected arcs: only a scale at a new width), then the symbols.
    const geo = this._geo.state;
    this._view.update(
      geo.status === 'ready' ? { geometry: geo.geometry, engine: this._geo.engine! } : undefined,
      level,
      this._focusRegion,
      this.m.parisInset,
      this._labels,
      this._model,
      (details: string) => this._geo.fail({ code: 'invalid-topology', details }),
    );
    if ((this._tip.item ?? -1) >= (this._view.layout?.features.length ?? 0)) this._tip.item = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Positions and sizes through the CSSOM, never a style attribute: pages with a strict CSP (no
    // 'unsafe-inline' styles) block style attributes, including those Lit's styleMap writes on first render.
    this._tip.place(() => this._view.anchor(this._tip.item, this.renderRoot));
    this.syncTableScroll();
    this._view.sizePlaceholder(this.renderRoot, this._geo.state.status === 'error');
  }

  // -------------------------------------------------------------------------------------------------------------
  // Render

  override render(): TemplateResult {
    const captionId = `${this.uid}-caption`;
    const s = this.dataStatus;
    return html`<figure part="base" aria-labelledby=${this.caption ? captionId : nothing}>
      ${this.renderCaption(captionId)} ${this.renderFictitious()} ${this.renderGroupFilter()} ${this.renderDataNotices()} ${renderFallback(this.dataStatus)}
      ${s === 'ready' ? this._renderBody() : s === 'empty' ? html`<p class="empty">${this._texts.tt.empty}</p>` : nothing}
      ${
        s === 'ready' || s === 'error' || this.meta.source
          ? this.renderFooter(
              renderNotes(this._model, this._texts, this.attribution, this.loadedData?.kind === 'laureates'),
            )
          : nothing
      }
    </figure>`;
  }

  private _renderBody(): TemplateResult {
    const x = this._texts;
    const t = x.tt;
    const model = this._model;
    const geoFailed = this._geo.state.status === 'error';
    const open = this.tableOpen || geoFailed;
    const hatch = `${this.uid}-hatch`;
    // The table is rendered only when open (or printed): a hidden table would delay the map's first paint.
    return html`${
      model?.noLevelData
        ? html`<div class="notice" part="warning"><p class="notice__title">${this.m.noLevelData(this.effectiveLevel)}</p></div>`
        : nothing
    }
      ${renderDefs(hatch)}
      <div class="body ${this._view.side ? 'side' : ''}">${this._renderMap()} ${model ? renderLegend(model, x, hatch, this._view.layout) : nothing}</div>
      ${chartTable(
        t,
        open,
        `${this.uid}-table`,
        this.caption ?? legendTitle(x),
        model && (open || this.printing) ? renderTable(model, x, this.caption) : nothing,
        renderDownloads(this, () => csvRows(this._model, t, this.effectiveLevel)),
        () => (this.tableOpen = !this.tableOpen),
        this.renderTableHint(),
        geoFailed,
      )}`;
  }

  private _renderMap(): TemplateResult {
    const geo = this._geo.state;
    const layout = this._view.layout;
    if (geo.status !== 'ready' || !layout) {
      // Sized in updated() through the CSSOM: no style attribute (strict CSP).
      return renderPlaceholder(geo, this._texts, () => this.reloadGeometry());
    }
    const model = this._model!;
    const selected = this.selected && model.byCode.has(this.selected) ? this.selected : undefined;
    return renderMap(layout, model, this._texts, {
      uid: this.uid,
      caption: this.caption,
      selected,
      tab: this._roving.tabStop(this._view.indexOf(selected)),
      circles: this._view.circles,
      onClick: this._onClick,
      tip: this._tip,
      roving: this._roving,
    });
  }

  // -------------------------------------------------------------------------------------------------------------
  // Interaction (keyboard and focus: `roving`; tooltip: `tip`)

  private _onClick = (e: MouseEvent): void => {
    const i = featureAt(e.target);
    const f = this._view.layout?.features[i ?? -1];
    if (!f) return;
    this._tip.show(i);
    this._toggle(f.code);
  };

  /** User action: selects a territory, or clears the selection when it is already selected. */
  private _toggle(code: string): void {
    const model = this._model;
    const d = model?.byCode.get(code);
    if (!model || !d) return;
    const selected = this.selected !== code;
    this.selected = selected ? code : undefined;
    this._roving.current = this._view.indexOf(code);
    this.userSelect(selectDetail(model, d, selected), filterKeyOf(model.level));
  }
}
