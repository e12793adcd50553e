/**
 * Colour classes of the territory map (choropleth): quantiles, equal intervals or given thresholds, mapped onto a
 * sequential palette of {@link PALETTE_STEPS} steps. Pure functions, no DOM. The sizes of the proportional symbols are
 * in src/layout/map/symbols.ts (re-exported here).
 *
 * Hand-written rather than d3-array / d3-scale, measured: d3-array's `quantile` interpolates between values (R-7:
 * 514 800 € instead of 516 000 € for the first limit of the demo amounts), where these limits are values of the data
 * (nearest rank), so that no class is empty before rounding; its `tickStep` / `nice` round a step to the nearest of 1,
 * 2 or 5 × 10ⁿ (0.3 → 0.2: more classes than asked), where {@link classify} rounds up, with 2.5 too; `bisectRight`
 * gives the same class as {@link classIndex} for finite values but adds 256 B to the CDN bundle after gzip, d3-scale's
 * `scaleThreshold` 464 B, for a binary search of nine lines.
 */

export { roundDown, symbolLegendValues, symbolRadius } from './map/symbols.js';

/** How values are split into classes. */
export type ClassMethod = 'quantile' | 'equal' | 'threshold';
export const CLASS_METHODS: readonly ClassMethod[] = ['quantile', 'equal', 'threshold'];

/** Number of colours of the sequential palette (`--relance-map-1` … `--relance-map-5`). */
export const PALETTE_STEPS = 5;

/** One class of a {@link MapScale}: the values `from ≤ v < to`. */
export interface ScaleClass {
  /** 0-based index, from the lowest values. */
  index: number;
  /** Palette step, 1 (lightest) to {@link PALETTE_STEPS} (darkest). */
  step: number;
  /** Lower bound (included); `-Infinity` for the first class. */
  from: number;
  /** Upper bound (excluded); `Infinity` for the last class. */
  to: number;
  /** Number of values in the class. */
  count: number;
  /** Smallest and largest value of the class (`NaN` when it is empty). */
  low: number;
  high: number;
}

/** Classes of a set of values. */
export interface MapScale {
  method: ClassMethod;
  /**
   * Limits between classes, ascending: a value is in the class whose index is the number of breaks ≤ value. The
   * classes follow each other without gap or overlap: « moins de 0,5 », « de 0,5 à moins de 0,7 », « 0,7 ou plus ».
   */
  breaks: number[];
  classes: ScaleClass[];
  /** Width of every class but the first and last, for `equal`. */
  step?: number;
  /** Whole values (counts) with whole limits: a class holds the whole numbers from `from` to `to − 1`. */
  integer: boolean;
}

export interface ClassifyOptions {
  /** Default `quantile`; `threshold` needs `thresholds` (without them, quantiles are used). */
  method?: ClassMethod;
  /** Number of classes for quantiles and equal intervals, 1 to {@link PALETTE_STEPS} (default 5). */
  classes?: number;
  /** Limits between classes for `threshold` (at most {@link PALETTE_STEPS} − 1 are used, ascending). */
  thresholds?: readonly number[];
  /** The values are counts: limits are whole numbers (quantiles and equal intervals), when every value is whole. */
  integer?: boolean;
}

/** Palette steps used by `n` classes, spread from the lightest to the darkest: 3 classes → [1, 3, 5]. */
export function paletteSteps(n: number, steps = PALETTE_STEPS): number[] {
  if (n <= 1) return [Math.min(steps, 4)];
  return Array.from({ length: n }, (_, i) => Math.round(1 + (i * (steps - 1)) / (n - 1)));
}

/** Index of the class of `value`: the number of breaks ≤ value. */
export function classIndex(scale: Pick<MapScale, 'breaks'>, value: number): number {
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

/** `v` without the float noise of a multiplication (0.7000000000000001 → 0.7). */
const clean = (v: number): number => Number(v.toPrecision(12));

/**
 * A readable limit near the limit `b` of sorted `values`: the number with the fewest significant digits (1, 2 or 3;
 * the nearer when two have as few), above `prev`, keeping a value on each side and at least one value between `prev`
 * and itself, and moved from `b` by at most half the distance to the neighbouring limit `below` or `above`. `b`
 * itself when no such number exists. 516 000 → 500 000, 684 000 → 700 000, 1 559 000 → 1 500 000.
 */
function readableBreak(
  b: number,
  prev: number,
  below: number,
  above: number,
  values: readonly number[],
  integer: boolean,
): number {
  if (!(b > 0)) return b;
  const top = Math.floor(Math.log10(b));
  for (let digits = 1; digits <= 3; digits++) {
    const unit = 10 ** (top - digits + 1);
    if (integer && unit < 1) break;
    const candidates = [clean(Math.floor(b / unit) * unit), clean(Math.ceil(b / unit) * unit)].sort(
      (x, y) => Math.abs(x - b) - Math.abs(y - b),
    );
    for (const c of candidates) {
      const room = c < b ? (b - below) / 2 : (above - b) / 2;
      if (Math.abs(c - b) > room || !(c > prev)) continue;
      if (!values.some((v) => v >= c) || !values.some((v) => v < c && !(v < prev))) continue;
      return c;
    }
  }
  return b;
}

/** The smallest « round » step (1, 2, 2,5 or 5 × 10ⁿ) not below `raw`; whole when `integer`. */
function niceStep(raw: number, integer: boolean): number {
  if (!(raw > 0)) return integer ? 1 : raw;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  const step = clean((m <= 1 ? 1 : m <= 2 ? 2 : m <= 2.5 ? 2.5 : m <= 5 ? 5 : 10) * power);
  return integer ? Math.max(1, Math.ceil(step)) : step;
}

/**
 * Classes of `values` (non-finite values are ignored). Every method gives classes that follow each other without gap
 * or overlap, `from ≤ v < to`, the first open below and the last open above.
 *
 * - `quantile`: about the same number of values in each class. The limits start at the values of the data that
 *   split it into equal counts (nearest rank) and are rounded to readable numbers (one to three significant digits,
 *   see {@link readableBreak}): no class is empty, equal values never straddle two classes, so there may be fewer
 *   classes than asked; counts may differ a little.
 * - `equal`: classes of the same round width (1, 2, 2,5 or 5 × 10ⁿ) from a multiple of it below the smallest value,
 *   as few as needed up to `classes` (one class when all values are equal). Classes may be empty.
 * - `threshold`: the given limits, as given (sorted, deduplicated, at most 4): « moins de t1 », « de t1 à moins de
 *   t2 »…, « tn ou plus ». Classes may be empty.
 */
export function classify(values: readonly number[], options: ClassifyOptions = {}): MapScale {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  const k = Math.max(1, Math.min(PALETTE_STEPS, Math.floor(options.classes ?? PALETTE_STEPS) || PALETTE_STEPS));
  const thresholds = uniqueSorted(options.thresholds ?? []).slice(0, PALETTE_STEPS - 1);
  const integer = !!options.integer && sorted.every(Number.isInteger);
  const method: ClassMethod =
    options.method === 'threshold' && thresholds.length
      ? 'threshold'
      : options.method === 'equal'
        ? 'equal'
        : 'quantile';
  const min = n ? sorted[0]! : 0;
  const max = n ? sorted[n - 1]! : 0;

  let breaks: number[] = [];
  let step: number | undefined;
  if (method === 'threshold') breaks = thresholds;
  else if (method === 'equal') {
    if (max > min) {
      step = niceStep((max - min) / k, integer);
      // From a round start, a round width may need one class more than asked: the last class is open above anyway.
      const start = Math.floor(min / step) * step;
      for (let i = 1; i < k && clean(start + i * step) <= max; i++) breaks.push(clean(start + i * step));
    }
  } else {
    const raw: number[] = [];
    for (let i = 1; i < k; i++) {
      const b = sorted[Math.floor((i * n) / k)];
      if (b !== undefined && b > min && b !== raw[raw.length - 1]) raw.push(b);
    }
    raw.forEach((b, i) => {
      const c = readableBreak(
        b,
        breaks[breaks.length - 1] ?? -Infinity,
        i ? raw[i - 1]! : min,
        raw[i + 1] ?? max,
        sorted,
        integer,
      );
      if (!(c <= (breaks[breaks.length - 1] ?? -Infinity))) breaks.push(c);
    });
  }

  const counts = new Array<number>(breaks.length + 1).fill(0);
  const lows = new Array<number>(breaks.length + 1).fill(NaN);
  const highs = new Array<number>(breaks.length + 1).fill(NaN);
  for (const v of sorted) {
    const i = classIndex({ breaks }, v);
    counts[i]!++;
    if (!(lows[i]! <= v)) lows[i] = v;
    highs[i] = v;
  }
  const steps = paletteSteps(breaks.length + 1);
  const classes = counts.map((count, i) => ({
    index: i,
    step: steps[i]!,
    from: i === 0 ? -Infinity : breaks[i - 1]!,
    to: i === breaks.length ? Infinity : breaks[i]!,
    count,
    low: lows[i]!,
    high: highs[i]!,
  }));
  const scale: MapScale = { method, breaks, classes, integer: integer && breaks.every(Number.isInteger) };
  if (step !== undefined) scale.step = step;
  return scale;
}
