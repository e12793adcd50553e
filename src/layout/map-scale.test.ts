import { expect } from '@open-wc/testing';
import { classIndex, classify, paletteSteps, roundDown, symbolLegendValues, symbolRadius } from './map-scale.js';
import type { MapScale } from './map-scale.js';

/** Amounts of the 15 régions of the fictitious laureates (data/demo/laureats-fictifs.json). */
const AMOUNTS = [
  180000, 350000, 510000, 684000, 1559000, 1620000, 1599000, 645000, 516000, 629000, 1574000, 2370000, 2650000, 919000,
  1395000,
];

const members = (scale: MapScale, values: number[]) =>
  scale.classes.map((c) => values.filter((v) => classIndex(scale, v) === c.index).sort((a, b) => a - b));

describe('map-scale', () => {
  describe('quantiles', () => {
    it('splits 15 values into 5 classes of 3, bounded by their smallest and largest value', () => {
      const scale = classify(AMOUNTS);
      expect(scale.method).to.equal('quantile');
      expect(scale.breaks).to.deep.equal([516000, 684000, 1559000, 1620000]);
      expect(scale.classes.map((c) => c.count)).to.deep.equal([3, 3, 3, 3, 3]);
      expect(scale.classes.map((c) => [c.from, c.to])).to.deep.equal([
        [180000, 510000],
        [516000, 645000],
        [684000, 1395000],
        [1559000, 1599000],
        [1620000, 2650000],
      ]);
      expect(scale.classes.every((c) => c.toIncluded)).to.equal(true);
      expect(scale.classes.map((c) => c.step)).to.deep.equal([1, 2, 3, 4, 5]);
      // Every value lies within the bounds of its class.
      members(scale, AMOUNTS).forEach((vs, i) => {
        for (const v of vs) expect(v).to.be.within(scale.classes[i]!.from, scale.classes[i]!.to);
      });
    });

    it('never makes an empty class, and never splits equal values (fewer classes instead)', () => {
      const counts = [1, 1, 1, 1, 1, 1, 2, 2, 3, 5];
      const scale = classify(counts);
      expect(scale.classes.every((c) => c.count > 0)).to.equal(true);
      expect(scale.breaks).to.deep.equal([2, 3]);
      expect(members(scale, counts)).to.deep.equal([[1, 1, 1, 1, 1, 1], [2, 2], [3, 5]]);
      expect(scale.classes.map((c) => [c.from, c.to])).to.deep.equal([[1, 1], [2, 2], [3, 5]]);
      // Three classes use three spread palette steps.
      expect(scale.classes.map((c) => c.step)).to.deep.equal([1, 3, 5]);
      expect(classify([7, 7, 7]).classes).to.have.length(1);
    });

    it('respects the number of classes, between 1 and 5', () => {
      expect(classify(AMOUNTS, { classes: 3 }).classes).to.have.length(3);
      expect(classify(AMOUNTS, { classes: 9 }).classes).to.have.length(5);
      expect(classify(AMOUNTS, { classes: 0 }).classes).to.have.length(5);
      expect(classify(AMOUNTS, { classes: 1 }).classes).to.have.length(1);
    });

    it('ignores values that are not finite, and copes with no value', () => {
      expect(classify([1, NaN, Infinity, 3]).classes.reduce((n, c) => n + c.count, 0)).to.equal(2);
      const empty = classify([]);
      expect(empty.classes).to.have.length(1);
      expect(empty.classes[0]!.count).to.equal(0);
    });
  });

  describe('equal intervals', () => {
    it('cuts the range into intervals of the same width, the last one closed', () => {
      const scale = classify([0, 10, 20, 30, 40, 100], { method: 'equal', classes: 5 });
      expect(scale.breaks).to.deep.equal([20, 40, 60, 80]);
      expect(scale.classes.map((c) => [c.from, c.to, c.toIncluded, c.count])).to.deep.equal([
        [0, 20, false, 2],
        [20, 40, false, 2],
        [40, 60, false, 1],
        [60, 80, false, 0],
        [80, 100, true, 1],
      ]);
      expect(classIndex(scale, 100)).to.equal(4);
      expect(classIndex(scale, 19.99)).to.equal(0);
      expect(classIndex(scale, 20)).to.equal(1);
    });

    it('makes one class when every value is the same', () => {
      const scale = classify([5, 5], { method: 'equal' });
      expect(scale.classes).to.have.length(1);
      expect(scale.classes[0]).to.include({ from: 5, to: 5, count: 2 });
    });
  });

  describe('thresholds', () => {
    it('uses the given limits, sorted and deduplicated, with open ends', () => {
      const scale = classify(AMOUNTS, { method: 'threshold', thresholds: [1e6, 500000, 2e6, 1e6] });
      expect(scale.method).to.equal('threshold');
      expect(scale.breaks).to.deep.equal([500000, 1e6, 2e6]);
      expect(scale.classes.map((c) => [c.from, c.to, c.count])).to.deep.equal([
        [-Infinity, 500000, 2],
        [500000, 1e6, 6],
        [1e6, 2e6, 5],
        [2e6, Infinity, 2],
      ]);
      expect(scale.classes.map((c) => c.step)).to.deep.equal([1, 2, 4, 5]);
    });

    it('keeps at most 4 limits (5 colours), and falls back to quantiles without limits', () => {
      expect(classify(AMOUNTS, { method: 'threshold', thresholds: [1, 2, 3, 4, 5, 6] }).breaks).to.deep.equal([1, 2, 3, 4]);
      expect(classify(AMOUNTS, { method: 'threshold', thresholds: [] }).method).to.equal('quantile');
    });
  });

  it('spreads palette steps over the classes', () => {
    expect(paletteSteps(1)).to.deep.equal([4]);
    expect(paletteSteps(2)).to.deep.equal([1, 5]);
    expect(paletteSteps(3)).to.deep.equal([1, 3, 5]);
    expect(paletteSteps(5)).to.deep.equal([1, 2, 3, 4, 5]);
  });

  describe('symbols', () => {
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
  });
});
