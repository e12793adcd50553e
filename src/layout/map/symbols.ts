/**
 * Proportional symbols of the map: circles whose area is proportional to a value (radius ∝ √value), the largest scaled
 * to the map, and the round values of their legend. Pure functions, no DOM.
 */
import { round1 } from './round.js';
import type { MapLayout } from './types.js';

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

/** Largest symbol radius in px: about 4,5 % of the mainland width for régions (8 to 30 px), 2,8 % for départements (5 to 18 px). */
export function maxSymbolRadius(layout: Pick<MapLayout, 'level' | 'mainland'>): number {
  const w = layout.mainland.width;
  return layout.level === 'region' ? Math.max(8, Math.min(30, w * 0.045)) : Math.max(5, Math.min(18, w * 0.028));
}

/** One symbol: over feature `i` of the layout, centre (x, y) rounded to 0.1 px, radius `r`. */
export interface SymbolCircle {
  i: number;
  x: number;
  y: number;
  r: number;
}

/**
 * The symbols of a layout: one per feature whose value (`valueOf(code)`) is positive, on its anchor, sized against
 * `max` (the largest value) and {@link maxSymbolRadius}; kept inside the drawing (a symbol on Corse would be cut at the
 * right edge of a narrow map); largest first, so that smaller ones are drawn over them.
 */
export function symbolCircles(
  layout: MapLayout,
  valueOf: (code: string) => number | undefined,
  max: number,
): SymbolCircle[] {
  if (!(max > 0)) return [];
  const maxR = maxSymbolRadius(layout);
  const circles: SymbolCircle[] = [];
  layout.features.forEach((f, i) => {
    const v = valueOf(f.code);
    if (!v) return;
    const r = symbolRadius(v, max, maxR);
    const x = Math.max(r + 1, Math.min(layout.width - r - 1, f.centroid[0]));
    const y = Math.max(r + 1, Math.min(layout.height - r - 1, f.centroid[1]));
    circles.push({ i, x: round1(x), y: round1(y), r });
  });
  return circles.sort((a, b) => b.r - a.r);
}

/**
 * The reference circles of the symbol legend for a layout: {@link symbolLegendValues} (whole numbers when `integer`)
 * with their radius rounded to 0.1 px, largest first.
 */
export function symbolLegend(
  layout: Pick<MapLayout, 'level' | 'mainland'>,
  max: number,
  integer: boolean,
): { value: number; r: number }[] {
  const maxR = maxSymbolRadius(layout);
  return symbolLegendValues(max, maxR, 3, integer).map((value) => ({
    value,
    r: round1(symbolRadius(value, max, maxR)),
  }));
}
