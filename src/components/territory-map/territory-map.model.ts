/**
 * What the map shows, computed from the data alone (no geometry: the table uses it too): the values, states and colour
 * classes of the territories of a level, and what the widget derives from them (columns of the table, counts of the
 * legend, the detail of a selection, the anchor of a tooltip), the model's options from the map's attributes and the
 * attribute converters. Pure functions, no DOM.
 */
import type { RelanceSelectDetail } from '../../events.js';
import type { MapFeature, MapLevel } from '../../layout/map-layout.js';
import type { ClassMethod, MapScale } from '../../layout/map-scale.js';
import { classIndex, classify } from '../../layout/map-scale.js';
import type { TooltipAnchor } from '../../layout/tooltip-layout.js';
import { isRecord } from '../../model/values.js';
import type { Totals } from '../../model/aggregate.js';
import { emptyTotals, groupLaureates, groupTotals, sumTotals } from '../../model/aggregate.js';
import type { TotalsBy } from '../../query/source.js';
import { DEPARTEMENTS, normalizeDepartement, normalizeRegion, REGIONS } from '../../model/territory.js';
import type { Dataset, InputFormat, Laureate, Metric, ParseResult } from '../../model/types.js';
import { METRICS } from '../../model/types.js';

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
export const known = (t: Totals, m: Metric): boolean => !(t[m] === 0 && t.missing[m] > 0);

const isMetric = (v: unknown): v is Metric => (METRICS as readonly unknown[]).includes(v);

/** Order of the values in names and tooltips: « 2 lauréats, 0,4 M€, 12 emplois ». */
export const NAME_ORDER: readonly Metric[] = ['laureats', 'montant', 'emplois'];

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

/** The map's attributes that make its model (see {@link modelOptions}). */
export interface ModelAttributes {
  metric?: Metric;
  symbols?: Metric;
  scale: ClassMethod;
  classes: number;
  thresholds?: readonly number[];
}

/**
 * Options of {@link territoryModel} from the map's attributes: limits (`thresholds`, when there are some) make classes
 * by thresholds, else `scale` says equal intervals or quantiles; `totals`: asked of the query source; `focus`: the
 * région shown alone. Every option is set, if only to undefined: their values, in order, are part of the model's key.
 */
export function modelOptions(
  a: ModelAttributes,
  totals: TotalsBy | undefined,
  focus: string | undefined,
): TerritoryModelOptions {
  const thresholds = a.thresholds?.length ? a.thresholds : undefined;
  const method: ClassMethod = thresholds ? 'threshold' : a.scale === 'equal' ? 'equal' : 'quantile';
  return { totals, metric: a.metric, symbols: a.symbols, method, classes: a.classes, thresholds, focus };
}

/** The key of the group's filter that holds the territories of a level. */
export function filterKeyOf(level: MapLevel): 'regions' | 'departements' {
  return level === 'region' ? 'regions' : 'departements';
}

/**
 * Values, states and classes of every territory of `level`. The metric defaults to `laureats` for direct values,
 * else to the measure the data gives for the most territories (on a tie: `montant`, `laureats`, `emplois`); without
 * any value the map shows where laureates are (presence).
 */
export function territoryModel(
  dataset: Dataset | undefined,
  level: MapLevel,
  options: TerritoryModelOptions = {},
): TerritoryModel {
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
    else if (known(totals, metric)) {
      d.state = totals[metric] === 0 && metric === 'laureats' ? 'none' : 'value';
      d.value = totals[metric];
    } else d.state = 'unknown';
    if (symbols && known(totals, symbols) && totals[symbols] > 0) d.symbol = totals[symbols];
    return d;
  });
  const valued = territories.filter((d) => d.state === 'value');
  let scale: MapScale | undefined;
  if (valued.length) {
    scale = classify(
      valued.map((d) => d.value!),
      {
        method: options.method ?? 'quantile',
        classes: options.classes ?? 5,
        thresholds: options.thresholds ?? [],
        integer: metric !== 'montant',
      },
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

/** Class of a territory's shape and legend swatch: `c1` … `c5` (palette step of its class), `none`, `unknown`, `present`. */
export function fillClass(model: TerritoryModel, d: TerritoryDatum | undefined): string {
  return !d || d.state === 'none'
    ? 'none'
    : d.state === 'value'
      ? `c${model.scale!.classes[d.classIndex!]!.step}`
      : d.state;
}

/**
 * Measures in the table: the one given directly; none for a presence map; else, in {@link NAME_ORDER}, the metric and
 * those the data gives for some territory.
 */
export function tableColumns(model: TerritoryModel): Metric[] {
  if (model.mode === 'direct') return [model.metric];
  if (model.mode === 'presence') return [];
  return NAME_ORDER.filter(
    (k) => k === model.metric || model.territories.some((d) => d.totals && known(d.totals, k) && d.totals[k] > 0),
  );
}

/** Detail of `relance-select` for a territory (`label` its name): its known values, and its share of the metric's total. */
export function selectDetail(model: TerritoryModel, d: TerritoryDatum, selected: boolean): RelanceSelectDetail {
  const t = d.totals;
  const values: RelanceSelectDetail['values'] = {};
  if (t && model.mode !== 'presence') for (const k of METRICS) if (known(t, k)) values[k] = t[k];
  if (d.state === 'none' && model.mode !== 'direct') values.laureats = 0;
  const detail: RelanceSelectDetail = { dimension: model.level, code: d.code, label: d.name, selected, values };
  const total = model.total[model.metric];
  if (model.mode !== 'presence' && total > 0 && values[model.metric] !== undefined)
    detail.share = values[model.metric]! / total;
  return detail;
}

/**
 * Where the tooltip of a shape goes, in the viewport: above its box (or under it), centred on its anchor; the map drawn
 * from `at` (the chart's top left corner in the viewport), `k` px for a pixel of the layout.
 */
export function tipAnchor(f: MapFeature, at: { left: number; top: number }, k: number): TooltipAnchor {
  return { x: at.left + f.centroid[0] * k, top: at.top + f.bounds[0][1] * k, bottom: at.top + f.bounds[1][1] * k };
}

/** The `thresholds` attribute: numbers (see {@link parseThresholds}). */
export const thresholdConverter = {
  fromAttribute: parseThresholds,
  toAttribute: (v: unknown): string | null => (Array.isArray(v) ? v.join(' ') : null),
};

/** The `geometry` attribute: a URL in the attribute, a URL or a TopoJSON object as the property. */
export const geometryConverter = {
  fromAttribute: (value: string | null): unknown => value ?? undefined,
  toAttribute: (value: unknown): unknown => (typeof value === 'string' ? value : null),
};

/** Index of the feature an element of the map draws (its `data-i`), or undefined. */
export function featureAt(target: EventTarget | null): number | undefined {
  const i = (target as SVGElement | null)?.dataset?.['i'];
  return i === undefined ? undefined : +i;
}

/** The same values in the same order (`Object.is`): the keys of what the map computes once. */
export function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
