import { html, nothing, svg } from 'lit';
import type { PropertyDeclarations, PropertyValues, SVGTemplateResult, TemplateResult } from 'lit';
import { RelanceDataElement } from '../../base/data-element.js';
import type { WidgetKind } from '../../i18n/messages.js';
import type { FilterKey } from '../../base/group.js';
import { WidthController } from '../../base/size-controller.js';
import type { RelanceSelectDetail } from '../../events.js';
import { RelanceGeometryErrorEvent } from '../../events/geometry-error.js';
import { RelanceSelectEvent } from '../../events/select.js';
import { defaultGeometryUrl } from '../../geo-url.js';
import type { Lang } from '../../i18n/format.js';
import { formatCount, formatEuros, formatEurosShort, formatNumber } from '../../i18n/format.js';
import type { MapFeature, MapGeometry, MapLayout, MapLayoutOptions, MapLevel, MapNeighbours } from '../../layout/map-layout.js';
import { computeNeighbours, INSET_FONT_SIZE, layoutMap, validateGeometry } from '../../layout/map-layout.js';
import type { ClassMethod, MapScale, ScaleClass } from '../../layout/map-scale.js';
import type { TooltipAnchor } from '../../layout/tooltip-layout.js';
import { placeTip } from './place-tip.js';
import { classIndex, classify, symbolLegendValues, symbolRadius } from '../../layout/map-scale.js';
import type { Totals } from '../../model/aggregate.js';
import { emptyTotals, groupLaureates, groupTotals, sumTotals } from '../../model/aggregate.js';
import { parseInput } from '../../model/parse.js';
import type { TotalsBy } from '../../query/source.js';
import { DEPARTEMENTS, normalizeDepartement, normalizeRegion, REGIONS } from '../../model/territory.js';
import type { Dataset, InputFormat, Laureate, Metric, ParseResult } from '../../model/types.js';
import { METRICS } from '../../model/types.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import type { GeometryErrorDetail } from './geometry.js';
import { fetchGeometry, GeometryError, loadedGeometry } from './geometry.js';
import type { MapMessages } from './territory-map.messages.js';
import { mapMessages } from './territory-map.messages.js';
import type { Messages } from '../../i18n/messages.js';
import { messages } from '../../i18n/messages.js';
import { mapStyles } from './territory-map.styles.js';
import { renderFallback } from '../../fallback/fallback.js';
import { renderDownloads } from '../../export/export.js';

/** How a territory is drawn. */
export type TerritoryState = 'value' | 'none' | 'unknown' | 'present';

/** One territory of the level, with its data. */
export interface TerritoryDatum {
  code: string;
  /** INSEE name. */
  name: string;
  /**
   * `value`: coloured by class; `none`: no laureate (flat grey); `unknown`: laureates whose value is not given (hatched);
   * `present`: the data only says that there are laureates (presence map).
   */
  state: TerritoryState;
  totals?: Totals;
  /** Value of the metric, for `value`. */
  value?: number;
  /** Class index, for `value`. */
  classIndex?: number;
  /** Value of the symbol metric, when known. */
  symbol?: number;
}

/** What the map shows, computed from the data (no geometry needed: the table uses it too). */
export interface TerritoryModel {
  level: MapLevel;
  /** `values` (aggregated or pre-aggregated rows), `direct` (object keyed by code) or `presence` (no numbers). */
  mode: 'values' | 'direct' | 'presence';
  metric: Metric;
  symbols?: Metric;
  /** Every territory of the level, in INSEE order. */
  territories: TerritoryDatum[];
  byCode: Map<string, TerritoryDatum>;
  scale?: MapScale;
  /** Largest symbol value (0 without symbols). */
  symbolMax: number;
  total: Totals;
  /** Laureate rows without a code of the level. */
  missingLevel: number;
  /** The data has rows but none carries a code of the level. */
  noLevelData: boolean;
}

/** Values given directly, keyed by code (`{"84": 3}`): the values of `metric`. */
const directValues = new WeakMap<Dataset, [string, number][]>();

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads an object whose keys are all région or département codes (or names) and whose values are all numbers, e.g.
 * `{"84": 3, "93": 5}` (also as JSON text). Returns `undefined` for anything else (left to `parseInput`).
 */
export function parseDirectValues(input: unknown, format: InputFormat = 'auto'): ParseResult | undefined {
  if (format === 'csv' || format === 'ods') return undefined;
  let value = input;
  if (typeof input === 'string') {
    if (!/^\s*\{/.test(input.replace(/^\uFEFF/, ''))) return undefined;
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      return undefined;
    }
  }
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value);
  if (entries.length === 0) return undefined;
  const out: [string, number][] = [];
  for (const [k, v] of entries) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
    if (normalizeRegion(k) === undefined && normalizeDepartement(k) === undefined) return undefined;
    out.push([k, v]);
  }
  const dataset: Dataset = {
    kind: 'aggregates',
    laureates: [],
    aggregates: [],
    issues: [],
    rowCount: out.length,
    ignoredCount: 0,
    format: 'json',
    meta: {},
  };
  directValues.set(dataset, out);
  return { ok: true, dataset };
}

/** False when every row of the group lacks a value for the metric (unknown, not zero). */
const known = (t: Totals, m: Metric): boolean => !(t[m] === 0 && t.missing[m] > 0);

const isMetric = (v: unknown): v is Metric => (METRICS as readonly unknown[]).includes(v);

/** Order of the values in names and tooltips: « 2 lauréats, 0,4 M€, 12 emplois ». */
const NAME_ORDER: readonly Metric[] = ['laureats', 'montant', 'emplois'];

/** Options of {@link territoryModel}. */
export interface TerritoryModelOptions {
  /** Laureate rows to aggregate instead of the dataset's (e.g. filtered by a group). */
  rows?: readonly Laureate[];
  /** Totals of the laureates by territory of the level, asked of a query source (e.g. for a group's filter). */
  totals?: TotalsBy;
  metric?: Metric;
  symbols?: Metric;
  method?: ClassMethod;
  classes?: number;
  thresholds?: readonly number[];
  /** INSEE code of a région shown alone: only its territories count (classes, legend, table). */
  focus?: string;
}

/**
 * Values, states and classes of every territory of `level`. The metric defaults to `laureats` for direct values,
 * else to the measure the data gives for the most territories (on a tie: `montant`, `laureats`, `emplois`); without
 * any value the map shows where laureates are (presence).
 */
export function territoryModel(dataset: Dataset | undefined, level: MapLevel, options: TerritoryModelOptions = {}): TerritoryModel {
  const focus = options.focus && REGIONS.has(options.focus) ? options.focus : undefined;
  const list = (level === 'region' ? [...REGIONS.values()] : [...DEPARTEMENTS.values()]).filter(
    (t) => !focus || (level === 'region' ? t.code === focus : (t as { region?: string }).region === focus),
  );
  let groups = new Map<string, Totals>();
  let mode: TerritoryModel['mode'] = 'values';
  let metric: Metric | undefined = isMetric(options.metric) ? options.metric : undefined;
  const direct = dataset ? directValues.get(dataset) : undefined;
  let missingLevel = 0;
  if (direct) {
    mode = 'direct';
    metric ??= 'laureats';
    for (const [key, v] of direct) {
      const code = level === 'region' ? normalizeRegion(key) : normalizeDepartement(key);
      if (code === undefined) continue;
      const t = groups.get(code) ?? emptyTotals();
      for (const m of METRICS) t.missing[m] = 1;
      t.missing[metric] = 0;
      t[metric] += v;
      groups.set(code, t);
    }
  } else if (dataset) {
    const asked = dataset.kind === 'laureates' ? options.totals : undefined;
    const rows = dataset.kind === 'laureates' && !asked ? (options.rows ?? dataset.laureates) : undefined;
    groups = asked ? new Map(asked.groups) : rows ? groupLaureates(rows, level) : groupTotals(dataset, level);
    if (asked) missingLevel = asked.missing;
    else if (rows) missingLevel = rows.filter((l) => l[level] === undefined).length;
    const all = [...groups.values()];
    // The measure known for the most territories; on a tie, montant, then laureats, then emplois.
    const coverage = (m: Metric) => all.filter((t) => known(t, m)).length;
    metric ??= all.length ? METRICS.reduce((best, m) => (coverage(m) > coverage(best) ? m : best)) : 'laureats';
    if (all.length && !all.some((t) => known(t, metric!))) mode = 'presence';
  }
  metric ??= 'montant';
  const symbols = isMetric(options.symbols) && mode !== 'presence' ? options.symbols : undefined;
  const territories: TerritoryDatum[] = list.map((r) => {
    const totals = groups.get(r.code);
    const d: TerritoryDatum = { code: r.code, name: r.nom, state: 'none' };
    if (!totals) return d;
    d.totals = totals;
    if (totals.laureats === 0 && totals.missing.laureats === 0 && mode !== 'direct') return d;
    if (mode === 'presence') d.state = 'present';
    else if (known(totals, metric!)) {
      d.state = totals[metric!] === 0 && metric === 'laureats' ? 'none' : 'value';
      d.value = totals[metric!];
    } else d.state = 'unknown';
    if (symbols && known(totals, symbols) && totals[symbols] > 0) d.symbol = totals[symbols];
    return d;
  });
  const valued = territories.filter((d) => d.state === 'value');
  let scale: MapScale | undefined;
  if (valued.length) {
    scale = classify(
      valued.map((d) => d.value!),
      { method: options.method ?? 'quantile', classes: options.classes ?? 5, thresholds: options.thresholds ?? [], integer: metric !== 'montant' },
    );
    for (const d of valued) d.classIndex = classIndex(scale, d.value!);
  }
  const hasRows = dataset ? dataset.laureates.length + dataset.aggregates.length + (direct?.length ?? 0) > 0 : false;
  return {
    level,
    mode,
    metric,
    symbols,
    territories,
    byCode: new Map(territories.map((d) => [d.code, d])),
    scale,
    symbolMax: Math.max(0, ...territories.map((d) => d.symbol ?? 0)),
    total: sumTotals(groups.values()),
    missingLevel,
    noLevelData: hasRows && groups.size === 0,
  };
}

/** Parses `thresholds`: a JSON array or numbers separated by spaces or semicolons. */
function parseThresholds(value: string | null): number[] | undefined {
  if (!value || !value.trim()) return undefined;
  let parts: unknown[];
  try {
    parts = value.trim().startsWith('[') ? (JSON.parse(value) as unknown[]) : value.trim().split(/[\s;]+/);
  } catch {
    return undefined;
  }
  // Only numbers and numeric strings (`Number` of a deeply nested array would overflow the stack).
  const numbers = (Array.isArray(parts) ? parts : [])
    .map((p) => (typeof p === 'number' || (typeof p === 'string' && p.length < 40) ? Number(p) : NaN))
    .filter((n) => Number.isFinite(n));
  return numbers.length ? numbers : undefined;
}

const thresholdConverter = {
  fromAttribute: parseThresholds,
  toAttribute: (v: unknown): string | null => (Array.isArray(v) ? v.join(' ') : null),
};

/** Geometry: a URL in the attribute, a URL or a TopoJSON object as the property. */
const geometryConverter = {
  fromAttribute: (value: string | null): unknown => value ?? undefined,
  toAttribute: (value: unknown): unknown => (typeof value === 'string' ? value : null),
};

/** State of the geometry. */
export type GeoState =
  | { status: 'loading' }
  | { status: 'ready'; geometry: MapGeometry }
  | { status: 'error'; error: GeometryErrorDetail };

/** Width of the legend beside the map, and from which body width it goes there. */
const SIDE_LEGEND = 288;
const SIDE_BREAKPOINT = 900;
const MAX_MAP_WIDTH = 800;

/**
 * Patterns of the classes in forced colours (see the styles): CanvasText dots, then grids, denser for more, over the
 * page's Canvas. Fixed ids: each map has its own shadow tree, where the styles' `url(#fc-1)` find them.
 */
const FORCED_PATTERNS = [1, 1.9, 1, 2].map((w, i) =>
  i < 2
    ? svg`<pattern id="fc-${i + 1}" width="6" height="6" patternUnits="userSpaceOnUse"><circle class="fc-ink" cx="3" cy="3" r=${w}></circle></pattern>`
    : svg`<pattern id="fc-${i + 1}" width="4" height="4" patternUnits="userSpaceOnUse"><path class="fc-line" stroke-width=${w} d="M0,${w / 2}H4M${w / 2},0V4"></path></pattern>`,
);

/** Text whose rendered width tells that the page's text rendering changed (a font loaded, the reader's text spacing). */
const TEXT_PROBE = 'Guadeloupe Martinique Mayotte';

const chevron = html`<svg class="chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 15.6 5.6 9.2 7 7.8l5 5 5-5 1.4 1.4z"/></svg>`;

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
    if (width >= SIDE_BREAKPOINT) return Math.round(0.76 * Math.min(MAX_MAP_WIDTH, width - SIDE_LEGEND - 32)) + 32;
    return 800 + (this.effectiveLevel === 'departement' && width < 700 ? 100 : 0);
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
    tipIndex: { state: true, attribute: false },
    hoverCode: { state: true, attribute: false },
    focusCode: { state: true, attribute: false },
    focusVisible: { state: true, attribute: false },
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
  private tipIndex = -1;
  private hoverCode?: string;
  private focusCode?: string;
  private focusVisible = false;

  private geo: GeoState = { status: 'loading' };
  private _geoKey: unknown[] = [];
  private _geoRequest = 0;
  private model?: TerritoryModel;
  private _modelKey: unknown[] = [];
  private names = new Map<string, string>();
  /** Text of each colour class: « de 0,5 à moins de 1 M€ ». */
  private _classLabels: string[] = [];
  private _namesKey: unknown[] = [];
  private layout?: MapLayout;
  private _layoutKey: unknown[] = [];
  /** Keyboard graph of the layout, computed on the first arrow key. */
  private nav?: (MapNeighbours | undefined)[];
  private circles: { i: number; x: number; y: number; r: number }[] = [];
  private _circlesKey: unknown[] = [];
  private _mapWidth = 0;
  /** Width read once before the ResizeObserver reports (it then takes over). */
  private measured = 0;
  private side = false;
  private _hideTimer?: ReturnType<typeof setTimeout>;
  private _refocus = false;
  /** The territory the tooltip describes, in the map's coordinates: placed after render. */
  private _tipAnchor: TooltipAnchor = { x: 0, top: 0, bottom: 0 };

  private readonly size = new WidthController(this, '.body');

  /** Widths of inset labels as rendered, by text (cleared when the text rendering changes). */
  private _widths = new Map<string, number>();
  /** Rendered width of {@link TEXT_PROBE} (0 until measured): part of the layout's key. */
  private _probeWidth = 0;
  private _textObserver?: ResizeObserver;
  private _observed?: Element;

  /** Width in px of an inset label as the page renders it, measured in a hidden SVG text of the same style. */
  private _textWidth = (text: string): number => {
    let w = this._widths.get(text);
    if (w === undefined) {
      const probe = this.renderRoot.querySelector<SVGTextElement>('.label-probe');
      if (!probe) return text.length * INSET_FONT_SIZE * 0.55;
      probe.textContent = text;
      // The box of the rendered text: getComputedTextLength() leaves out letter and word spacing in WebKit.
      w = probe.getBBox().width;
      this._widths.set(text, w);
    }
    return w;
  };

  /**
   * Watches the rendered width of a hidden HTML text styled as the inset labels: when a font loads or the reader
   * changes the text spacing, the insets are laid out again from measured widths (before the frame is painted).
   */
  private _observeText(): void {
    const probe = this.renderRoot.querySelector('.text-probe');
    if (!probe) return;
    const check = () => {
      const w = Math.round((this._observed?.getBoundingClientRect().width ?? 0) * 100) / 100;
      if (w && w !== this._probeWidth) {
        this._widths.clear();
        this._probeWidth = w;
        this.requestUpdate();
      }
    };
    if (probe === this._observed) return;
    if (this._observed) this._textObserver?.unobserve(this._observed);
    this._observed = probe;
    // The first time, at once (the update runs before the frame is painted); later changes on the next frame (an update
    // inside the observer's callback would resize what other observers watch within the same delivery).
    if (!this._probeWidth) check();
    this._textObserver ??= new ResizeObserver(() => requestAnimationFrame(check));
    this._textObserver.observe(probe);
  }

  /** Texts of the map in the language in effect. */
  protected get m(): MapMessages {
    return mapMessages(this._langNow);
  }

  /** Shared texts in the language of the current update. */
  private get tt(): Messages {
    return messages(this._langNow);
  }

  /** Language of the current update (resolving it walks the DOM: done once per update). */
  private _langNow: Lang = 'fr';

  /** The level in effect (an unknown value falls back to `region`). */
  get effectiveLevel(): MapLevel {
    return this.level === 'departement' ? 'departement' : 'region';
  }

  /** Values, states and classes of the territories for the current data (after an update). */
  get territoryData(): TerritoryModel | undefined {
    return this.model;
  }

  /** The geometry state: `loading`, `ready` or `error`. */
  get geometryStatus(): GeoState['status'] {
    return this.geo.status;
  }

  /** Map layout in use (pixel paths, insets, keyboard neighbours), once the geometry is ready. */
  /** The région shown alone (`region` attribute), as an INSEE code. */
  private get _focusRegion(): string | undefined {
    return normalizeRegion(this.region);
  }

  get mapLayout(): MapLayout | undefined {
    return this.layout;
  }

  /** Loads the geometry again (after an error). */
  reloadGeometry(): void {
    this._geoKey = [];
    this.requestUpdate();
  }

  /** Used by the data source: values keyed by code (`{"84": 3}`) first, then the shared parser. */
  parseData(input: unknown, format: InputFormat): ParseResult {
    return parseDirectValues(input, format) ?? parseInput(input, { format });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this._onBeforePrint);
    document.addEventListener('keydown', this._onDocumentKey);
    // The geometry is requested now, not at the first update: the level and the geometry attribute are known (set
    // before insertion, or by the parser before the upgrade), and the first render can run while it downloads.
    this._langNow = this.resolvedLang;
    this._syncGeometry(this.effectiveLevel);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._hideTimer);
    window.removeEventListener('beforeprint', this._onBeforePrint);
    document.removeEventListener('keydown', this._onDocumentKey);
    this._textObserver?.disconnect();
    this._observed = undefined;
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
    this._syncGeometry(level);
    if (this.filterChanged && this.groupStore) {
      // In a group, the selection is the group's filter on this level.
      const codes = (level === 'region' ? this.groupFilter.regions : this.groupFilter.departements) ?? [];
      this.selected = codes.length === 1 ? codes[0] : undefined;
    }

    // Data → values, classes (no geometry needed).
    const thresholds = this.thresholds?.length ? this.thresholds : undefined;
    const method: ClassMethod = thresholds ? 'threshold' : this.scale === 'equal' ? 'equal' : 'quantile';
    // In a group, the other widgets' selections filter the rows (not this map's own territories).
    const totals = this.askTotalsBy(level);
    const modelKey = [this.loadedData, totals, level, this.metric, this.symbols, method, this.classes, thresholds, this._focusRegion];
    if (this.datasetChanged || !same(modelKey, this._modelKey)) {
      this._modelKey = modelKey;
      this.model = this.loadedData
        ? territoryModel(this.loadedData, level, { totals, metric: this.metric, symbols: this.symbols, method, classes: this.classes, thresholds, focus: this._focusRegion })
        : undefined;
    }
    const lang = this._langNow;
    if (!same([this.model, lang], this._namesKey)) {
      this._namesKey = [this.model, lang];
      this._classLabels = this.model?.scale?.classes.map((c) => this._classLabel(c)) ?? [];
      this.names = new Map(this.model?.territories.map((d) => [d.code, this._accessibleName(d)]));
    }

    // Geometry + width → layout (cached projected arcs: only a scale at a new width).
    const width = this.size.width || (this.measured ||= this._measureWidth()) || 640;
    this.side = width >= SIDE_BREAKPOINT;
    this._mapWidth = Math.max(200, Math.min(MAX_MAP_WIDTH, this.side ? width - SIDE_LEGEND - 32 : width));
    const geometry = this.geo.status === 'ready' ? this.geo.geometry : undefined;
    const focus = this._focusRegion;
    const parisLabel = this.m.parisInset;
    const layoutKey = [geometry, level, this._mapWidth, focus, parisLabel, this._probeWidth];
    if (!same(layoutKey, this._layoutKey)) {
      this._layoutKey = layoutKey;
      this.layout = undefined;
      this.nav = undefined;
      if (geometry) {
        try {
          const options: MapLayoutOptions = { parisLabel };
          if (focus) options.focus = focus;
          // Inset labels wrapped from their measured widths, once the page has rendered text (see _observeText).
          if (this._probeWidth) options.textWidth = this._textWidth;
          this.layout = layoutMap(geometry, level, this._mapWidth, options);
        } catch (e) {
          this._failGeometry({ code: 'invalid-topology', details: e instanceof Error ? e.message : String(e) });
        }
      }
    }

    // Symbols: area ∝ value, the largest radius scaled to the layout.
    const circlesKey = [this.layout, this.model];
    if (!same(circlesKey, this._circlesKey)) {
      this._circlesKey = circlesKey;
      this.circles = [];
      const { layout, model } = this;
      if (layout && model?.symbols && model.symbolMax > 0) {
        const maxR = this._maxRadius(layout);
        layout.features.forEach((f, i) => {
          const v = model.byCode.get(f.code)?.symbol;
          if (!v) return;
          // Kept inside the drawing (a symbol on Corse would be cut at the right edge of a narrow map).
          const r = symbolRadius(v, model.symbolMax, maxR);
          const x = Math.max(r + 1, Math.min(layout.width - r - 1, f.centroid[0]));
          const y = Math.max(r + 1, Math.min(layout.height - r - 1, f.centroid[1]));
          this.circles.push({ i, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10, r });
        });
        this.circles.sort((a, b) => b.r - a.r);
      }
    }
    if (this.tipIndex >= (this.layout?.features.length ?? 0)) this.tipIndex = -1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Positions and sizes through the CSSOM, never a style attribute: pages with a strict CSP (no
    // 'unsafe-inline' styles) block style attributes, including those Lit's styleMap writes on first render.
    const tip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    const chart = this.renderRoot.querySelector('svg.chart');
    if (tip && chart && this.layout) {
      const box = chart.getBoundingClientRect();
      const k = box.width / this.layout.width;
      const a = this._tipAnchor;
      placeTip(tip, { x: box.left + a.x * k, top: box.top + a.top * k, bottom: box.top + a.bottom * k }, 6);
    }
    this.syncTableScroll();
    const box = this.renderRoot.querySelector<HTMLElement>('.placeholder');
    if (box) {
      box.style.width = `${this._mapWidth}px`;
      box.style.minHeight = `${Math.round(this._mapWidth * (this.geo.status === 'error' ? 0.3 : 0.9))}px`;
    }
    if (this._refocus) {
      this._refocus = false;
      (this.renderRoot.querySelector('.t[tabindex="0"]') as SVGElement | null)?.focus();
    }
    this._observeText();
  }

  /** Largest symbol radius: about 4,5 % of the mainland width for régions, 2,8 % for départements. */
  private _maxRadius(layout: MapLayout): number {
    const w = layout.mainland.width;
    return layout.level === 'region' ? Math.max(8, Math.min(30, w * 0.045)) : Math.max(5, Math.min(18, w * 0.028));
  }

  private _measureWidth(): number {
    const w = this.clientWidth;
    if (!w) return 0;
    const cs = getComputedStyle(this);
    return Math.round(w - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Geometry

  private _syncGeometry(level: MapLevel): void {
    const g = this.geometry;
    let source: unknown = g;
    if (!isRecord(g)) {
      const text = typeof g === 'string' && g.trim() ? g.trim() : defaultGeometryUrl(level);
      try {
        source = new URL(text, document.baseURI).href;
      } catch {
        source = text;
      }
    }
    const key = [source, level];
    if (same(key, this._geoKey)) return;
    this._geoKey = key;
    const request = ++this._geoRequest;
    if (typeof source !== 'string') {
      this._useGeometry(source, level);
      return;
    }
    const url = source;
    const cached = loadedGeometry(url);
    if (cached !== undefined) {
      this._useGeometry(cached, level, url);
      return;
    }
    this.geo = { status: 'loading' };
    fetchGeometry(url, this.dataSource.timeout).then(
      (value) => {
        if (request !== this._geoRequest) return;
        this._useGeometry(value, level, url);
        this.requestUpdate();
      },
      (e: unknown) => {
        if (request !== this._geoRequest) return;
        const detail = e instanceof GeometryError ? e.detail : { code: 'network' as const, details: String(e), url };
        this._failGeometry(detail);
        this.requestUpdate();
      },
    );
  }

  private _useGeometry(value: unknown, level: MapLevel, url?: string): void {
    const check = validateGeometry(value, level);
    if (check.ok) this.geo = { status: 'ready', geometry: check.geometry };
    else this._failGeometry({ code: 'invalid-topology', details: url ? `${check.reason} (${url})` : check.reason, url });
  }

  private _failGeometry(detail: GeometryErrorDetail): void {
    const full: GeometryErrorDetail = { ...detail, message: this.m.geometryError(detail.code, detail.status) };
    this.geo = { status: 'error', error: full };
    console.error(`<${this.localName}>: ${full.message}`, full);
    this.emit(new RelanceGeometryErrorEvent(full));
  }

  // -------------------------------------------------------------------------------------------------------------
  // Texts

  private _formatValue(metric: Metric, value: number, full = false): string {
    const lang: Lang = this._langNow;
    if (metric === 'montant') return full ? formatEuros(value, lang) : formatEurosShort(value, lang);
    return formatCount(value, lang);
  }

  /** « 3 lauréats », « 1,2 M€ », « 25 emplois ». */
  private _withUnit(metric: Metric, value: number): string {
    return metric === 'montant' ? this._formatValue('montant', value) : this.tt.unit[metric](value);
  }

  /**
   * Text of a class, its limits as the scale made them (rounded, without gap or overlap): « moins de 0,5 M€ »,
   * « de 0,5 à moins de 0,7 M€ », « 2 M€ ou plus »; counts from whole limits as whole ranges: « de 1 à 2 lauréats »,
   * « 3 lauréats », « de 6 à 12 lauréats » (the first and last from the values of the class). Amounts in M€ when the
   * limits are multiples of 10 000 € from 100 000 €, the unit written once in French.
   */
  private _classLabel(c: ScaleClass): string {
    const m = this.m;
    const { metric, scale } = this.model!;
    const limits = scale!.breaks.length ? scale!.breaks : [c.low, c.high];
    const num = (v: number, unit = true): string =>
      metric === 'montant' ? this._amount(v, unit, limits) : unit ? this.tt.unit[metric](v) : formatNumber(v, this._langNow, 2);
    // Whole limits: the class holds the whole numbers from `from` to `to − 1`, its open ends stop at its values; a
    // single class goes from its smallest to its largest value.
    const single = c.from === -Infinity && c.to === Infinity;
    const closed = single || scale!.integer;
    const lo = single || (closed && c.from === -Infinity && c.count) ? c.low : c.from;
    const hi = single || (closed && c.to === Infinity && c.count) ? c.high : closed ? c.to - 1 : c.to;
    if (lo === -Infinity) return m.below(num(c.to));
    if (hi === Infinity) return m.atLeast(num(c.from));
    if (lo === hi) return num(lo);
    // « de 0,5 à moins de 0,7 M€ » but "€0.5M to under €0.7M"; « de 3 à 4 lauréats », "3 to 4 laureates".
    return (closed ? m.fromTo : m.between)(num(lo, metric === 'montant' && this._langNow !== 'fr'), num(hi));
  }

  /** An amount as the class limits show it: in M€ when `limits` are multiples of 10 000 € from 100 000 €, else in €. */
  private _amount(v: number, unit: boolean, limits: readonly number[]): string {
    const lang = this._langNow;
    const millions = limits.some((l) => Math.abs(l) >= 100_000) && limits.every((l) => Math.abs(l) % 10_000 === 0);
    if (!millions) return unit ? formatEuros(v, lang) : formatNumber(v, lang, 2);
    const n = formatNumber(v / 1e6, lang, 2);
    return !unit ? n : lang === 'fr' ? `${n}\u00a0M€` : `€${n}M`;
  }

  /** How the classes are made: « Classes par quantiles : … », « Classes d’égale amplitude (0,5 M€). ». */
  private _methodText(scale: MapScale): string {
    const step = scale.step;
    const metric = this.model?.metric ?? 'montant';
    const width =
      step === undefined ? undefined : metric === 'montant' ? this._amount(step, true, scale.breaks) : this.tt.unit[metric](step);
    return this.m.method(scale.method, this.effectiveLevel, width);
  }

  /** The class or state of a territory, as text: « classe 2 sur 5 (de 0,5 M€ à moins de 1 M€) », « aucun lauréat ». */
  private _stateText(d: TerritoryDatum): string {
    const m = this.m;
    const scale = this.model?.scale;
    if (d.state === 'value' && scale && d.classIndex !== undefined) {
      return `${m.classOf(d.classIndex + 1, scale.classes.length)} (${this._classLabels[d.classIndex]})`;
    }
    return d.state === 'none' ? m.noLaureate : d.state === 'present' ? m.present : m.unknownValue;
  }

  /** Known values of a territory: « 2 lauréats », « 0,4 M€ », « 12 emplois ». */
  private _valueParts(d: TerritoryDatum): string[] {
    const t = d.totals;
    if (!t || d.state === 'none' || d.state === 'present') return [];
    return NAME_ORDER.filter((k) => known(t, k) && (k !== 'montant' || t.montant > 0 || this.model?.metric === 'montant')).map((k) => this._withUnit(k, t[k]));
  }

  /** « Martinique : 2 lauréats, 0,4 M€ ; classe 2 sur 5 (de 0,2 M€ à 0,5 M€) ». */
  private _accessibleName(d: TerritoryDatum): string {
    const parts = this._valueParts(d);
    const state = this._stateText(d);
    const head = `${d.name}${this.m.colon}`;
    if (d.state !== 'value') return `${head}${[...parts, state].join(', ')}`;
    return `${head}${parts.join(', ')}${this._langNow === 'fr' ? '\u00a0; ' : '; '}${state}`;
  }

  private _legendTitle(): string {
    const model = this.model;
    const level = this.effectiveLevel;
    if (!model || model.mode === 'presence') return this.m.presenceTitle(level);
    return this.m.title(model.metric, level);
  }

  // -------------------------------------------------------------------------------------------------------------
  // Render

  override render(): TemplateResult {
    const captionId = `${this.uid}-caption`;
    const s = this.dataStatus;
    return html`<figure part="base" aria-labelledby=${this.caption ? captionId : nothing}>
      ${this.renderCaption(captionId)} ${this.renderFictitious()} ${this.renderGroupFilter()} ${this.renderDataNotices()} ${renderFallback(this.dataStatus)}
      ${s === 'ready' ? this._renderBody() : s === 'empty' ? html`<p class="empty">${this.tt.empty}</p>` : nothing}
      ${s === 'ready' || s === 'error' || this.meta.source ? this.renderFooter(this._renderNotes()) : nothing}
    </figure>`;
  }

  private _renderBody(): TemplateResult {
    const t = this.tt;
    const model = this.model;
    const tableId = `${this.uid}-table`;
    const geoFailed = this.geo.status === 'error';
    const open = this.tableOpen || geoFailed;
    // The table is rendered only when open (or printed): a hidden table would delay the map's first paint. Its
    // container is always there, for the button's aria-controls.
    return html`${model?.noLevelData
        ? html`<div class="notice" part="warning"><p class="notice__title">${this.m.noLevelData(this.effectiveLevel)}</p></div>`
        : nothing}
      <svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">
        <defs>
          <pattern id="${this.uid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect class="hatch-bg" width="6" height="6"></rect>
            <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
          </pattern>
          ${FORCED_PATTERNS}
        </defs>
        <text class="label-probe" font-size=${INSET_FONT_SIZE}></text>
      </svg>
      <div class="body ${this.side ? 'side' : ''}">${this._renderMap()} ${model ? this._renderLegend(model) : nothing}</div>
      <div class="actions" ?hidden=${geoFailed}>
        <button
          class="btn btn--sm btn--tertiary"
          type="button"
          part="table-toggle"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${tableId}
          @click=${() => (this.tableOpen = !this.tableOpen)}
        >
          ${open ? t.hideTable : t.showTable} ${chevron}
        </button>
        ${renderDownloads(this, () => [['Code', this.tt.field[this.effectiveLevel]!, t.metric.laureats, t.metric.montant, t.metric.emplois], ...(this.territoryData?.territories ?? []).filter((d) => d.totals).map((d) => [d.code, d.name, d.totals!.laureats, d.totals!.montant, d.totals!.emplois])])}
      </div>
      <div class="table-wrap" id=${tableId} role="region" aria-label=${this.caption ?? this._legendTitle()} ?hidden=${!open}>${model && (open || this.printing) ? this._renderTable(model) : nothing}</div>
      ${open ? this.renderTableHint() : nothing}`;
  }

  private _renderMap(): TemplateResult {
    const geo = this.geo;
    const layout = this.layout;
    if (geo.status !== 'ready' || !layout) {
      // Sized in updated() through the CSSOM: no style attribute (strict CSP).
      return html`<div class="map placeholder" part="map">
        ${geo.status === 'error'
          ? html`<div class="notice notice--error" role="alert" part="error">
              <p class="notice__title">${geo.error.message}</p>
              <p>${this.m.tableStillThere}</p>
              <button class="btn btn--sm" type="button" part="retry" @click=${() => this.reloadGeometry()}>${this.tt.retry}</button>
            </div>`
          : html`<div class="loading" role="status" part="loading"><span class="spinner" aria-hidden="true"></span>${this.m.loadingGeometry}</div>`}
      </div>`;
    }
    // Focus listeners on the HTML box: on an SVG element they would make it focusable in Chromium.
    return html`<div class="map" part="map" @focusin=${this._onFocusIn} @focusout=${this._onFocusOut}>
      ${this._renderSvg(layout)} ${this._renderTooltip(layout)}<span class="text-probe" aria-hidden="true">${TEXT_PROBE}</span>
    </div>`;
  }

  private _renderSvg(layout: MapLayout): TemplateResult {
    const model = this.model!;
    const { features } = layout;
    const hatch = `url(#${this.uid}-hatch)`;
    const selected = this.selected && model.byCode.has(this.selected) ? this.selected : undefined;
    const focusable = features.filter((f) => f.group !== 'paris');
    const tabCode =
      (this.focusCode && model.byCode.has(this.focusCode) && this.focusCode) || selected || focusable[0]?.code;
    const fill = (d: TerritoryDatum | undefined): string =>
      !d || d.state === 'none' ? 'none' : d.state === 'value' ? `c${model.scale!.classes[d.classIndex!]!.step}` : d.state;
    const classes = features.map((f) => fill(model.byCode.get(f.code)));
    const pid = (i: number) => `${this.uid}-t${i}`;
    const shape = (f: MapFeature, i: number): SVGTemplateResult => {
      const cls = classes[i]!;
      return f.group === 'paris'
        ? svg`<path class="t ${cls}" part="territory" id=${pid(i)} d=${f.d} fill=${cls === 'unknown' ? hatch : nothing} data-i=${i} data-code=${f.code}></path>`
        : svg`<path class="t ${cls}" part="territory" id=${pid(i)} d=${f.d} fill=${cls === 'unknown' ? hatch : nothing} data-i=${i} data-code=${f.code} role="option"
            tabindex=${f.code === tabCode ? '0' : '-1'} aria-selected=${f.code === selected ? 'true' : 'false'}
            aria-label=${this.names.get(f.code) ?? f.nom}></path>`;
    };
    // Coloured territories keep their border of the background colour where they touch an outlined one. A <use> copies
    // the attributes of its target: the tab stop's copy would be a second tab stop, so its outline is a path of its own.
    const edges = classes.map((cls, i) =>
      cls === 'none' || cls === 'unknown'
        ? nothing
        : features[i]!.code === tabCode && features[i]!.group !== 'paris'
          ? svg`<path class="edge" d=${features[i]!.d} data-for=${pid(i)}></path>`
          : svg`<use class="edge" href="#${pid(i)}"></use>`,
    );
    const highlight = (code: string | undefined, kind: string) =>
      code ? features.filter((f) => f.code === code).map((f) => svg`<path class="hl hl--${kind}" d=${f.d}></path>`) : nothing;
    const hintId = `${this.uid}-hint`;
    return html`<svg
        class="chart ${layout.level}"
        part="chart"
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        @click=${this._onClick}
        @pointerover=${this._onPointerOver}
        @pointerout=${this._onPointerOut}
      >
        <g aria-hidden="true">
          ${layout.insets.map((inset) => {
            const lines = inset.labelLines;
            return svg`<rect class="inset" part="inset" x=${inset.x + 0.5} y=${inset.y + 0.5} width=${inset.width - 1} height=${inset.height - 1}></rect>
              <text class="inset-label" part="inset-label" x=${inset.labelX} y=${inset.labelY} font-size=${inset.fontSize}>${lines.map((l, k) =>
                k === 0 ? l : svg`<tspan x=${inset.labelX} dy=${inset.lineHeight}>${l}</tspan>`,
              )}</text>`;
          })}
        </g>
        <g role="listbox" aria-label=${this._mapName()} aria-describedby=${hintId} @keydown=${this._onKeyDown}>
          ${features.map((f, i) => (f.group === 'paris' ? nothing : shape(f, i)))}
        </g>
        <g aria-hidden="true">
          ${features.map((f, i) => (f.group === 'paris' ? shape(f, i) : nothing))} ${edges}
          ${highlight(selected, 'halo')} ${highlight(selected, 'selected')}
          ${this.hoverCode !== selected ? highlight(this.hoverCode, 'hover') : nothing}
          ${this.focusVisible ? [highlight(this.focusCode, 'focus-halo'), highlight(this.focusCode, 'focus')] : nothing}
          ${this.circles.map((c) => svg`<circle class="symbol" part="symbol" data-code=${this.layout!.features[c.i]!.code} cx=${c.x} cy=${c.y} r=${Math.round(c.r * 10) / 10}></circle>`)}
        </g>
      </svg>
      <p class="sr-only" id=${hintId}>${this.m.keyboardHint}</p>`;
  }

  private _mapName(): string {
    return `${this.caption ? `${this.caption} – ` : ''}${this.m.mapName(this.effectiveLevel)}, ${this._legendTitle().toLowerCase()}`;
  }

  private _renderTooltip(layout: MapLayout): TemplateResult | typeof nothing {
    const f = layout.features[this.tipIndex];
    const d = f && this.model?.byCode.get(f.code);
    if (!f || !d) return nothing;
    const t = d.totals;
    const lines: string[] = [];
    if (t && d.state !== 'none' && d.state !== 'present') {
      if (known(t, 'laureats')) lines.push(this.tt.unit.laureats(t.laureats));
      if (known(t, 'montant') && t.montant > 0) lines.push(`${this._formatValue('montant', t.montant)} (${this._formatValue('montant', t.montant, true)})`);
      if (known(t, 'emplois')) lines.push(this.tt.unit.emplois(t.emplois));
    }
    // Placed after render (see _placeTip): above the territory, not over it, inside the viewport.
    this._tipAnchor = { x: f.centroid[0], top: f.bounds[0][1], bottom: f.bounds[1][1] };
    return html`<div class="tooltip" part="tooltip" aria-hidden="true">
      <strong>${d.name}</strong>
      <p class="class">${capitalize(this._stateText(d))}</p>
      ${lines.map((l) => html`<p>${l}</p>`)}
    </div>`;
  }

  private _renderLegend(model: TerritoryModel): TemplateResult {
    const m = this.m;
    const level = model.level;
    const count = (n: number) => html` <span class="count"><span class="dot">· </span>${m.territories(n, level)}</span>`;
    const nNone = model.territories.filter((d) => d.state === 'none').length;
    const nUnknown = model.territories.filter((d) => d.state === 'unknown').length;
    // The same classes as the territories: the same colours, in forced colours too.
    const swatch = (cls: string) =>
      html`<svg class="swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false"
        ><rect class=${cls} x="0.5" y="0.5" width="23" height="15" fill=${cls === 'unknown' ? `url(#${this.uid}-hatch)` : nothing}></rect
      ></svg>`;
    return html`<div class="legend" part="legend">
      <div class="legend__block">
        <p class="legend__title">${this._legendTitle()}</p>
        <ul class="classes">
          ${model.mode === 'presence'
            ? html`<li part="legend-item">${swatch('present')}<span>${capitalize(m.present)}${count(model.territories.length - nNone)}</span></li>`
            : (model.scale?.classes ?? []).map(
                (c) => html`<li part="legend-item" data-class=${c.index}>${swatch(`c${c.step}`)}<span>${this._classLabels[c.index]}${count(c.count)}</span></li>`,
              )}
          ${nUnknown ? html`<li part="legend-item" data-class="unknown">${swatch('unknown')}<span>${capitalize(m.unknownValue)}${count(nUnknown)}</span></li>` : nothing}
          ${nNone ? html`<li part="legend-item" data-class="none">${swatch('none')}<span>${capitalize(m.noLaureate)}${count(nNone)}</span></li>` : nothing}
        </ul>
        ${model.mode === 'presence'
          ? html`<p class="note">${m.presenceNote}</p>`
          : model.scale && model.scale.classes.length > 1
            ? html`<p class="note" part="legend-method">${this._methodText(model.scale)}</p>`
            : nothing}
      </div>
      ${this._renderSymbolLegend(model)}
    </div>`;
  }

  private _renderSymbolLegend(model: TerritoryModel): TemplateResult | typeof nothing {
    const layout = this.layout;
    const metric = model.symbols;
    if (!layout || !metric || !(model.symbolMax > 0)) return nothing;
    const maxR = this._maxRadius(layout);
    const values = symbolLegendValues(model.symbolMax, maxR, 3, metric !== 'montant');
    const radii = values.map((v) => Math.round(symbolRadius(v, model.symbolMax, maxR) * 10) / 10);
    const height = Math.ceil(2 * radii[0]! + 2);
    // Side by side, largest first, bottom-aligned, each value under its circle in HTML: the page lays the texts out
    // (their measured width, with the reader's text spacing), so they never overlap nor leave the legend.
    return html`<div class="legend__block symbol-legend" part="symbol-legend">
      <p class="legend__title">${this.m.symbolsTitle(metric)}</p>
      <ul class="symbols">
        ${values.map(
          (v, k) => html`<li>
            <svg width=${Math.ceil(2 * radii[k]! + 2)} height=${height} aria-hidden="true" focusable="false"
              ><circle class="symbol" cx=${Math.ceil(2 * radii[k]! + 2) / 2} cy=${height - 1 - radii[k]!} r=${radii[k]}></circle
            ></svg>
            <span>${this._withUnit(metric, v)}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  private _renderTable(model: TerritoryModel): TemplateResult {
    const t = this.tt;
    const m = this.m;
    const lang = this._langNow;
    const rows = [...model.territories].sort((a, b) => a.name.localeCompare(b.name, lang));
    const presence = model.mode === 'presence';
    const cols: Metric[] =
      model.mode === 'direct'
        ? [model.metric]
        : presence
        ? []
        : NAME_ORDER.filter((k) => k === model.metric || model.territories.some((d) => d.totals && known(d.totals, k) && d.totals[k] > 0));
    const cell = (d: TerritoryDatum, k: Metric) => {
      const tt = d.totals;
      if (!tt || d.state === 'none') return html`<td class="num none">${k === 'laureats' ? '0' : '–'}</td>`;
      return html`<td class="num">${known(tt, k) ? this._formatValue(k, tt[k], true) : t.unknown}</td>`;
    };
    return html`<table part="table">
      <caption>${this.caption ?? this._legendTitle()}</caption>
      <thead>
        <tr>
          <th scope="col">${m.level[model.level]}</th>
          ${cols.map((k) => html`<th scope="col" class="num">${t.metric[k]}</th>`)}
          <th scope="col">${presence ? t.metric.laureats : m.classHeader}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (d) => html`<tr>
            <th scope="row">${d.name}</th>
            ${cols.map((k) => cell(d, k))}
            <td class=${d.state === 'none' ? 'none' : ''}>${d.state === 'value' ? this._classLabels[d.classIndex!] : capitalize(this._stateText(d))}</td>
          </tr>`,
        )}
      </tbody>
      ${cols.length && model.mode === 'values'
        ? html`<tfoot>
            <tr>
              <th scope="row">${t.total}</th>
              ${cols.map((k) => html`<td class="num">${this._formatValue(k, model.total[k], true)}</td>`)}
              <td></td>
            </tr>
          </tfoot>`
        : nothing}
    </table>`;
  }

  /** Attribution of the geometry, laureates without a territory of the level, rows without a value. */
  private _renderNotes(): TemplateResult {
    const model = this.model;
    const m = this.m;
    const attribution = this.attribution ?? m.attribution;
    const missingMetric = model && model.mode === 'values' && this.loadedData?.kind === 'laureates' ? model.total.missing[model.metric] : 0;
    return html`${model?.missingLevel && !model.noLevelData ? html`<p>${m.missingLevel(model.missingLevel, model.level)}</p>` : nothing}
    ${missingMetric ? html`<p>${m.missingValue(missingMetric, model!.metric)}</p>` : nothing}
    ${attribution ? html`<p part="attribution">${attribution}</p>` : nothing}`;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Interaction

  private indexOf(target: EventTarget | null): number {
    const i = (target as Element | null)?.getAttribute?.('data-i');
    return i == null ? -1 : Number(i);
  }

  private _onClick = (e: MouseEvent): void => {
    const i = this.indexOf(e.target);
    const f = this.layout?.features[i];
    if (!f) return;
    clearTimeout(this._hideTimer);
    this.tipIndex = i;
    this.toggle(f.code);
  };

  private _onPointerOver = (e: PointerEvent): void => {
    if (e.pointerType === 'touch') return; // a tap shows the tooltip through click
    const i = this.indexOf(e.target);
    const f = this.layout?.features[i];
    if (!f) return;
    clearTimeout(this._hideTimer);
    this.hoverCode = f.code;
    this.tipIndex = i;
  };

  private _onPointerOut = (e: PointerEvent): void => {
    if (this.indexOf(e.target) < 0 || this.indexOf(e.relatedTarget) >= 0) return;
    this.hoverCode = undefined;
    this._scheduleHide();
  };

  private _onFocusIn = (e: FocusEvent): void => {
    const i = this.indexOf(e.target);
    const f = this.layout?.features[i];
    if (!f) return;
    clearTimeout(this._hideTimer);
    this.focusCode = f.code;
    this.focusVisible = (e.target as Element).matches(':focus-visible');
    this.tipIndex = i;
  };

  private _onFocusOut = (): void => {
    this.focusVisible = false;
    this._scheduleHide();
  };

  private _scheduleHide(): void {
    clearTimeout(this._hideTimer);
    this._hideTimer = setTimeout(() => {
      if (this.hoverCode !== undefined) return;
      this.tipIndex = this.indexOf(this.shadowRoot?.activeElement ?? null);
    }, 250);
  }

  /**
   * Escape closes the tooltip wherever the focus is (WCAG 1.4.13: a tooltip shown on hover can be dismissed without
   * moving the pointer); it stays closed until the pointer moves to another territory.
   */
  private _onDocumentKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented || this.tipIndex < 0) return;
    clearTimeout(this._hideTimer);
    this.tipIndex = -1;
    this.hoverCode = undefined;
  };

  private _onKeyDown = (e: KeyboardEvent): void => {
    const layout = this.layout;
    if (!layout) return;
    const features = layout.features;
    let i = this.indexOf(e.target);
    if (i < 0) return;
    let next = -1;
    const dir = ({ ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' } as const)[e.key as 'ArrowUp'];
    if (dir) next = (this.nav ??= keyboardNeighbours(layout))[i]?.[dir] ?? -1;
    else if (e.key === 'Home') next = features.findIndex((f) => f.group !== 'paris');
    else if (e.key === 'End') next = features.map((f) => f.group !== 'paris').lastIndexOf(true);
    else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this.tipIndex = i;
      this.toggle(features[i]!.code);
      return;
    } else if (e.key === 'Escape') {
      e.preventDefault();
      if (this.tipIndex >= 0) this.tipIndex = -1;
      else if (this.selected) this.toggle(this.selected);
      return;
    } else return;
    e.preventDefault();
    if (next < 0) return;
    i = next;
    this.focusCode = features[i]!.code;
    this.tipIndex = i;
    this._refocus = true;
  };

  /** User action: selects a territory, or clears the selection when it is already selected. */
  private toggle(code: string): void {
    const d = this.model?.byCode.get(code);
    if (!d) return;
    const selected = this.selected !== code;
    this.selected = selected ? code : undefined;
    this.focusCode = code;
    const t = d.totals;
    const values: RelanceSelectDetail['values'] = {};
    if (t && this.model!.mode !== 'presence') for (const k of METRICS) if (known(t, k)) values[k] = t[k];
    if (d.state === 'none' && this.model!.mode !== 'direct') values.laureats = 0;
    const detail: RelanceSelectDetail = { dimension: this.effectiveLevel, code, label: d.name, selected, values };
    const metric = this.model!.metric;
    const total = this.model!.total[metric];
    if (this.model!.mode !== 'presence' && total > 0 && values[metric] !== undefined) detail.share = values[metric]! / total;
    this.emit(new RelanceSelectEvent(detail));
    if (this.groupStore) {
      this.setGroupFilter(detail.dimension === 'region' ? { regions: selected ? [code] : [] } : { departements: selected ? [code] : [] });
      const labels = this.filterLabels();
      const fr = this._langNow === 'fr';
      this.announce(labels.length ? `${fr ? 'Filtre' : 'Filter'}${this.m.colon}${labels.join(', ')}` : fr ? 'Filtre effacé.' : 'Filter cleared.');
    }
  }
}

/**
 * Keyboard graph over the focusable features (all but the Paris zoom copies, which mirror their mainland shape):
 * the layout's own `neighbours` at région level; at département level the same rule (`computeNeighbours`) applied to
 * the focusable features only, so that every one stays reachable. Indices into `layout.features`.
 */
export function keyboardNeighbours(layout: MapLayout): (MapNeighbours | undefined)[] {
  const focusable = layout.features.map((f, i) => (f.group === 'paris' ? -1 : i)).filter((i) => i >= 0);
  if (focusable.length === layout.features.length) return layout.neighbours;
  const graph = computeNeighbours(focusable.map((i) => layout.features[i]!.centroid));
  const out: (MapNeighbours | undefined)[] = [];
  const back = (k: number) => (k < 0 ? -1 : focusable[k]!);
  graph.forEach((n, k) => {
    out[focusable[k]!] = { up: back(n.up), down: back(n.down), left: back(n.left), right: back(n.right) };
  });
  return out;
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
