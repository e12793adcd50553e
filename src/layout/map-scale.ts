/**
 * Colour classes of the territory map (choropleth): quantiles, equal intervals or given thresholds, mapped onto a
 * sequential palette of {@link PALETTE_STEPS} steps; and the sizes of proportional symbols (area ∝ value).
 * Pure functions, no DOM, no d3-scale (bundle budget).
 */

/** How values are split into classes. */
export type ClassMethod = 'quantile' | 'equal' | 'threshold';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'threshold'];

/** Number of colours of the sequential palette (`--relance-map-1` … `--relance-map-5`). */
export const PALETTE_STEPS = 5;

/** One class of a {@link MapScale}. */
export interface ScaleClass {
  /** 0-based index, from the lowest values. */
  index: number;
  /** Palette step, 1 (lightest) to {@link PALETTE_STEPS} (darkest). */
  step: number;
  /** Lower bound (included); `-Infinity` for the first class of thresholds. */
  from: number;
  /** Upper bound; `Infinity` for the last class of thresholds. */
  to: number;
  /**
   * True when `to` belongs to the class: the last class of equal intervals, and every quantile class (whose bounds
   * are the smallest and largest of its values). Otherwise the class is `from ≤ v < to`.
   */
  toIncluded: boolean;
  /** Number of values in the class. */
  count: number;
}

/** Classes of a set of values. */
export interface MapScale {
  method: ClassMethod;
  /** Limits between classes, ascending: a value is in the class whose index is the number of breaks ≤ value. */
  breaks: number[];
  classes: ScaleClass[];
}

export interface ClassifyOptions {
  /** Default `quantile`; `threshold` needs `thresholds` (without them, quantiles are used). */
  method?: ClassMethod;
  /** Number of classes for quantiles and equal intervals, 1 to {@link PALETTE_STEPS} (default 5). */
  classes?: number;
  /** Limits between classes for `threshold` (at most {@link PALETTE_STEPS} − 1 are used, ascending). */
  thresholds?: readonly number[];
}

/** Palette steps used by `n` classes, spread from the lightest to the darkest: 3 classes → [1, 3, 5]. */
export function paletteSteps(n: number, steps = PALETTE_STEPS): number[] {
  if (n <= 1) return [Math.min(steps, 4)];
  return Array.from({ length: n }, (_, i) => Math.round(1 + (i * (steps - 1)) / (n - 1)));
}

/** Index of the class of `value`: the number of breaks ≤ value. */
export function classIndex(scale: MapScale, value: number): number {
  const { breaks } = scale;
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (breaks[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Ascending, unique, finite numbers. */
function uniqueSorted(values: readonly number[]): number[] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  return sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
}

/**
 * Classes of `values` (non-finite values are ignored).
 *
 * - `quantile`: each class holds about the same number of values. The limits are values of the data (nearest rank),
 *   so no class is empty; equal values never straddle two classes, so there may be fewer classes than asked.
 *   Bounds shown: smallest and largest value of each class.
 * - `equal`: `classes` intervals of the same width from the smallest to the largest value (one class when all values
 *   are equal). Classes may be empty.
 * - `threshold`: the given limits (sorted, deduplicated, at most 4): « moins de t1 », « de t1 à moins de t2 »…,
 *   « tn ou plus ». Classes may be empty.
 */
export function classify(values: readonly number[], options: ClassifyOptions = {}): MapScale {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  const k = Math.max(1, Math.min(PALETTE_STEPS, Math.floor(options.classes ?? PALETTE_STEPS) || PALETTE_STEPS));
  const thresholds = uniqueSorted(options.thresholds ?? []).slice(0, PALETTE_STEPS - 1);
  const method: ClassMethod =
    options.method === 'threshold' && thresholds.length ? 'threshold' : options.method === 'equal' ? 'equal' : 'quantile';
  const min = n ? sorted[0]! : 0;
  const max = n ? sorted[n - 1]! : 0;

  let breaks: number[];
  if (method === 'threshold') breaks = thresholds;
  else if (method === 'equal') {
    breaks = [];
    if (max > min) for (let i = 1; i < k; i++) breaks.push(min + ((max - min) * i) / k);
  } else {
    breaks = [];
    for (let i = 1; i < k; i++) {
      const b = sorted[Math.floor((i * n) / k)];
      if (b !== undefined && b > min && b !== breaks[breaks.length - 1]) breaks.push(b);
    }
  }

  const counts = new Array<number>(breaks.length + 1).fill(0);
  const lows = new Array<number>(breaks.length + 1).fill(NaN);
  const highs = new Array<number>(breaks.length + 1).fill(NaN);
  const scale: MapScale = { method, breaks, classes: [] };
  for (const v of sorted) {
    const i = classIndex(scale, v);
    counts[i]!++;
    if (!(lows[i]! <= v)) lows[i] = v;
    highs[i] = v;
  }
  const steps = paletteSteps(breaks.length + 1);
  scale.classes = counts.map((count, i) => {
    const last = i === breaks.length;
    if (method === 'quantile') {
      return { index: i, step: steps[i]!, from: lows[i]!, to: highs[i]!, toIncluded: true, count };
    }
    if (method === 'equal') {
      return { index: i, step: steps[i]!, from: i === 0 ? min : breaks[i - 1]!, to: last ? max : breaks[i]!, toIncluded: last, count };
    }
    return {
      index: i,
      step: steps[i]!,
      from: i === 0 ? -Infinity : breaks[i - 1]!,
      to: last ? Infinity : breaks[i]!,
      toIncluded: false,
      count,
    };
  });
  return scale;
}

/**
 * Radius of a proportional symbol: the area is proportional to the value (radius ∝ √value), `maxRadius` for `max`.
 * 0 for values ≤ 0 or when `max` ≤ 0.
 */
export function symbolRadius(value: number, max: number, maxRadius: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return maxRadius * Math.sqrt(value / max);
}

/** The largest « round » number (1, 2 or 5 × 10ⁿ) not above `value`; 0 for values ≤ 0. */
export function roundDown(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 0;
  const power = 10 ** Math.floor(Math.log10(value));
  const m = value / power;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * power;
}

/**
 * Values of the reference circles of a symbol legend: round numbers near the largest value, about a third and a
 * tenth of it, distinct, each with a radius of at least `minRadius` px (largest first); whole numbers only when
 * `integer` (counts of laureates or jobs).
 */
export function symbolLegendValues(max: number, maxRadius: number, minRadius = 3, integer = false): number[] {
  const out: number[] = [];
  for (const f of [1, 1 / 3, 1 / 10]) {
    const v = roundDown(max * f);
    if (v > 0 && (!integer || v >= 1) && !out.includes(v) && symbolRadius(v, max, maxRadius) >= minRadius) out.push(v);
  }
  return out;
}
