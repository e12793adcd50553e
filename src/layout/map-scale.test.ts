import { expect } from '@open-wc/testing';
import { classIndex, classify, paletteSteps } from './map-scale.js';
import type { MapScale } from './map-scale.js';

/** Amounts of the 15 régions of the fictitious laureates (data/demo/laureats-fictifs.json). */
const AMOUNTS = [
  180000, 350000, 510000, 684000, 1559000, 1620000, 1599000, 645000, 516000, 629000, 1574000, 2370000, 2650000, 919000,
  1395000,
];

const members = (scale: MapScale, values: number[]) =>
  scale.classes.map((c) => values.filter((v) => classIndex(scale, v) === c.index).sort((a, b) => a - b));

describe('map-scale', () => {
  /** Classes follow each other without gap or overlap, the first open below, the last open above. */
  const contiguous = (scale: MapScale) => {
    const { classes } = scale;
    expect(classes[0]!.from).to.equal(-Infinity);
    expect(classes.at(-1)!.to).to.equal(Infinity);
    classes.forEach((c, i) => {
      if (i) expect(c.from, `class ${i}`).to.equal(classes[i - 1]!.to);
      if (i < classes.length - 1) expect(c.to).to.equal(scale.breaks[i]);
    });
  };
  /** Significant digits of a number: 500000 → 1, 1550000 → 3. */
  const digits = (v: number) => String(Number(v.toPrecision(12))).replace(/^0\.0*|\.|0+$/g, '').length;

  describe('quantiles', () => {
    it('splits 15 amounts at readable limits near their quantiles, without gap or overlap', () => {
      const scale = classify(AMOUNTS);
      expect(scale.method).to.equal('quantile');
      // The raw quantile limits are 516 000, 684 000, 1 559 000 and 1 620 000 €: « 0,52 à 0,65 » becomes « 0,5 à 0,7 ».
      expect(scale.breaks).to.deep.equal([500000, 700000, 1500000, 2000000]);
      contiguous(scale);
      expect(scale.classes.map((c) => c.count)).to.deep.equal([2, 5, 2, 4, 2]);
      expect(scale.classes.map((c) => [c.low, c.high])).to.deep.equal([
        [180000, 350000],
        [510000, 684000],
        [919000, 1395000],
        [1559000, 1620000],
        [2370000, 2650000],
      ]);
      expect(scale.classes.map((c) => c.step)).to.deep.equal([1, 2, 3, 4, 5]);
      expect(scale.integer).to.equal(false);
      // Every value lies within its class.
      members(scale, AMOUNTS).forEach((vs, i) => {
        for (const v of vs) {
          expect(v).to.be.at.least(scale.classes[i]!.from);
          expect(v).to.be.below(scale.classes[i]!.to);
        }
      });
    });

    it('rounds each limit to one significant digit when it stays near the quantile, else to two or three', () => {
      // Amounts of the 44 départements of the fictitious laureates: raw limits 160 000, 260 000, 360 000, 600 000.
      const deps = [
        69000, 85000, 95000, 115000, 120000, 135000, 135000, 150000, 160000, 179000, 179000, 180000, 190000, 196000,
        220000, 240000, 250000, 260000, 260000, 280000, 300000, 300000, 309000, 320000, 320000, 350000, 360000, 360000,
        369000, 380000, 430000, 460000, 460000, 470000, 480000, 600000, 600000, 799000, 800000, 950000, 1000000,
        1000000, 1035000, 1250000,
      ];
      const scale = classify(deps);
      expect(scale.breaks).to.deep.equal([200000, 300000, 400000, 600000]);
      expect(scale.classes.map((c) => c.count)).to.deep.equal([14, 6, 10, 5, 9]);
      // No rounder number within half the distance to the next limit: two, then three significant digits.
      expect(
        classify([1100, 1200, 1300, 1540, 1560, 1580, 1600, 1620, 1680, 1690], { classes: 3 }).breaks,
      ).to.deep.equal([1500, 1600]);
      expect(classify([101, 102, 103, 104, 105, 106], { classes: 3 }).breaks).to.deep.equal([103, 105]);
      // Small values too.
      expect(classify([0.012, 0.018, 0.031, 0.044, 0.052, 0.07], { classes: 3 }).breaks).to.deep.equal([0.03, 0.05]);
    });

    it('keeps every class non-empty and the limits readable, for any data', () => {
      let seed = 7;
      const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
      for (let run = 0; run < 200; run++) {
        const n = 1 + Math.floor(random() * 100);
        const scale10 = 10 ** Math.floor(random() * 8);
        const values = Array.from({ length: n }, () => Math.round(random() ** 3 * scale10 * 100) / 100);
        const integer = run % 2 === 0;
        const data = integer ? values.map(Math.round) : values;
        const scale = classify(data, { classes: 1 + (run % 5), integer });
        contiguous(scale);
        expect(
          scale.classes.every((c) => c.count > 0),
          JSON.stringify(data),
        ).to.equal(true);
        expect(scale.classes.reduce((t, c) => t + c.count, 0)).to.equal(n);
        for (const b of scale.breaks) {
          expect(digits(b) <= 3 || data.includes(b), `${b} in ${JSON.stringify(data)}`).to.equal(true);
          if (integer) expect(Number.isInteger(b)).to.equal(true);
        }
      }
    });

    it('never makes an empty class, and never splits equal values (fewer classes instead)', () => {
      const counts = [1, 1, 1, 1, 1, 1, 2, 2, 3, 5];
      const scale = classify(counts, { integer: true });
      expect(scale.classes.every((c) => c.count > 0)).to.equal(true);
      expect(scale.breaks).to.deep.equal([2, 3]);
      expect(scale.integer).to.equal(true);
      expect(members(scale, counts)).to.deep.equal([
        [1, 1, 1, 1, 1, 1],
        [2, 2],
        [3, 5],
      ]);
      expect(scale.classes.map((c) => [c.from, c.to, c.low, c.high])).to.deep.equal([
        [-Infinity, 2, 1, 1],
        [2, 3, 2, 2],
        [3, Infinity, 3, 5],
      ]);
      // Three classes use three spread palette steps.
      expect(scale.classes.map((c) => c.step)).to.deep.equal([1, 3, 5]);
      expect(classify([7, 7, 7]).classes).to.have.length(1);
      // Counts that are not whole are not classed as counts.
      expect(classify([1.5, 2, 3], { integer: true }).integer).to.equal(false);
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
    it('cuts the range into classes of the same round width, the last one open', () => {
      const scale = classify([0, 10, 20, 30, 40, 100], { method: 'equal', classes: 5 });
      expect(scale.breaks).to.deep.equal([20, 40, 60, 80]);
      expect(scale.step).to.equal(20);
      contiguous(scale);
      expect(scale.classes.map((c) => c.count)).to.deep.equal([2, 2, 1, 0, 1]);
      expect(classIndex(scale, 100)).to.equal(4);
      expect(classIndex(scale, 19.99)).to.equal(0);
      expect(classIndex(scale, 20)).to.equal(1);
    });

    it('takes a round width (1, 2, 2,5 or 5 × 10ⁿ) from a multiple of it below the smallest value', () => {
      expect(classify(AMOUNTS, { method: 'equal', classes: 3 })).to.deep.include({ breaks: [1e6, 2e6], step: 1e6 });
      expect(classify(AMOUNTS, { method: 'equal', classes: 5 })).to.deep.include({
        breaks: [5e5, 1e6, 1.5e6, 2e6],
        step: 5e5,
      });
      expect(classify([13, 27, 48], { method: 'equal', classes: 3 })).to.deep.include({ breaks: [20, 40], step: 20 });
      expect(classify([0.1, 0.2, 0.8], { method: 'equal', classes: 3 })).to.deep.include({
        breaks: [0.25, 0.5],
        step: 0.25,
      });
      // Counts: whole widths.
      expect(classify([1, 2, 3], { method: 'equal', classes: 5, integer: true })).to.deep.include({
        breaks: [2, 3],
        step: 1,
      });
    });

    it('makes one class when every value is the same', () => {
      const scale = classify([5, 5], { method: 'equal' });
      expect(scale.classes).to.have.length(1);
      expect(scale.classes[0]).to.include({ from: -Infinity, to: Infinity, count: 2, low: 5, high: 5 });
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
      expect(classify(AMOUNTS, { method: 'threshold', thresholds: [1, 2, 3, 4, 5, 6] }).breaks).to.deep.equal([
        1, 2, 3, 4,
      ]);
      expect(classify(AMOUNTS, { method: 'threshold', thresholds: [] }).method).to.equal('quantile');
    });
  });

  it('spreads palette steps over the classes', () => {
    expect(paletteSteps(1)).to.deep.equal([4]);
    expect(paletteSteps(2)).to.deep.equal([1, 5]);
    expect(paletteSteps(3)).to.deep.equal([1, 3, 5]);
    expect(paletteSteps(5)).to.deep.equal([1, 2, 3, 4, 5]);
  });
});
