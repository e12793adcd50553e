import { expect } from '@open-wc/testing';
import type { MapLayout } from './types.js';
import {
  maxSymbolRadius,
  roundDown,
  symbolCircles,
  symbolLegend,
  symbolLegendValues,
  symbolRadius,
} from './symbols.js';

/** A layout with three features (only what the symbols read). */
const layout = (level: MapLayout['level'], width: number, centroids: [number, number][]): MapLayout =>
  ({
    level,
    width,
    height: 200,
    mainland: { x: 0, y: 0, width, height: 200 },
    features: centroids.map((centroid, i) => ({ code: String(i + 1), centroid })),
  }) as unknown as MapLayout;

describe('map symbols', () => {
  it('sizes circles by area: radius ∝ √value', () => {
    expect(symbolRadius(100, 100, 20)).to.equal(20);
    expect(symbolRadius(25, 100, 20)).to.equal(10);
    const a = symbolRadius(72, 72, 30);
    const b = symbolRadius(8, 72, 30);
    expect((a * a) / (b * b)).to.be.closeTo(72 / 8, 1e-9);
    expect(symbolRadius(0, 100, 20)).to.equal(0);
    expect(symbolRadius(-5, 100, 20)).to.equal(0);
    expect(symbolRadius(5, 0, 20)).to.equal(0);
  });

  it('rounds down to 1, 2 or 5 × 10ⁿ', () => {
    expect([72, 521, 17.2e6, 2650000, 1, 0.3, 0].map(roundDown)).to.deep.equal([50, 500, 1e7, 2e6, 1, 0.2, 0]);
  });

  it('picks 2 or 3 round reference values for the legend, readable and distinct', () => {
    expect(symbolLegendValues(72, 30)).to.deep.equal([50, 20, 5]);
    expect(symbolLegendValues(2650000, 30)).to.deep.equal([2e6, 500000, 200000]);
    // Counts: no fractions; circles under 3 px are left out.
    expect(symbolLegendValues(3, 30, 3, true)).to.deep.equal([2, 1]);
    expect(symbolLegendValues(1000, 10, 3)).to.deep.equal([1000, 200, 100]);
    expect(symbolLegendValues(1000, 8, 3)).to.deep.equal([1000, 200]);
  });

  it('scales the largest radius to the mainland: 4,5 % of its width for régions, 2,8 % for départements, within bounds', () => {
    expect(maxSymbolRadius(layout('region', 400, []))).to.equal(18);
    expect(maxSymbolRadius(layout('region', 100, []))).to.equal(8);
    expect(maxSymbolRadius(layout('region', 1000, []))).to.equal(30);
    expect(maxSymbolRadius(layout('departement', 500, []))).to.equal(14);
    expect(maxSymbolRadius(layout('departement', 100, []))).to.equal(5);
    expect(maxSymbolRadius(layout('departement', 1000, []))).to.equal(18);
  });

  it('puts a circle on each feature with a value, largest first, inside the drawing, centres rounded to 0.1 px', () => {
    const l = layout('region', 400, [
      [100.04, 100],
      [395, 100],
      [200, 50.06],
    ]);
    const values: Record<string, number> = { '1': 25, '2': 100, '3': 0 };
    const circles = symbolCircles(l, (code) => values[code], 100);
    expect(circles.map((c) => c.i)).to.deep.equal([1, 0]);
    expect(circles[0]).to.deep.equal({ i: 1, x: 400 - 18 - 1, y: 100, r: 18 });
    expect(circles[1]).to.deep.equal({ i: 0, x: 100, y: 100, r: 9 });
    expect(symbolCircles(l, (code) => values[code], 0)).to.deep.equal([]);
  });

  it('gives the legend its values with the radii of the map, rounded to 0.1 px', () => {
    const l = layout('region', 400, []);
    expect(symbolLegend(l, 72, true)).to.deep.equal([
      { value: 50, r: 15 },
      { value: 20, r: 9.5 },
      { value: 5, r: 4.7 },
    ]);
  });
});
