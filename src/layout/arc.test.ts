import { expect } from '@open-wc/testing';
import { arc as d3arc, pie as d3pie } from 'd3-shape';
import { arcCentroid, arcPath, pie } from './arc.js';

/** Deterministic pseudo-random numbers (linear congruential generator). */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('pie and arc (d3-shape without d3-shape)', () => {
  it('lays slices out exactly as d3 pie().sort(null).padAngle(…), zero and negative values included', () => {
    const next = random(1843);
    for (let k = 0; k < 400; k++) {
      const n = 1 + Math.floor(next() * 12);
      const values = Array.from({ length: n }, (_, i) => {
        const r = next();
        return r < 0.1 ? 0 : r < 0.15 ? -r : i % 3 === 0 ? r * 1e7 : r < 0.3 ? r / 1e6 : r * 100;
      });
      const pad = [0, 0.012, 0.3, 2][k % 4]!;
      const expected = d3pie<number>().sort(null).value((d) => d).padAngle(pad)(values);
      expect(pie(values, (d) => d, pad)).to.deep.equal(expected);
    }
    expect(pie([], (d: number) => d, 0.012)).to.deep.equal([]);
  });

  it('draws the same SVG paths and centroids as d3 arc().cornerRadius(…), padded or not, whole ring or thin slice', () => {
    const next = random(20211221);
    let paths = 0;
    for (let k = 0; k < 600; k++) {
      const n = 1 + Math.floor(next() * 8);
      const values = Array.from({ length: n }, () => (next() < 0.2 ? next() / 1000 : next() * 100));
      const pad = k % 5 === 0 ? 0 : k % 5 === 1 ? 0.5 : 0.012;
      const outer = 20 + Math.floor(next() * 200);
      const inner = [0, 0.3, 0.64, 0.99, 1.2][k % 5]! * outer;
      const corner = [0, 1, 1, 6, 100][Math.floor(next() * 5)]!;
      const ring = d3arc().innerRadius(inner).outerRadius(outer).cornerRadius(corner);
      for (const slice of d3pie<number>().sort(null).value((d) => d).padAngle(pad)(values)) {
        expect(arcPath(inner, outer, corner, slice), `slice ${slice.index} of ${n}, radii ${inner}–${outer}, corner ${corner}`).to.equal(ring(slice as never));
        expect(arcCentroid(inner, outer, slice)).to.deep.equal(ring.centroid(slice as never));
        paths++;
      }
    }
    // A single value (a whole ring), a point, angles beyond a full turn and reversed angles.
    const cases = [
      { startAngle: 0, endAngle: 2 * Math.PI, padAngle: 0 },
      { startAngle: 1, endAngle: 1 + 2 * Math.PI + 0.5, padAngle: 0.012 },
      { startAngle: 2, endAngle: 1, padAngle: 0.012 },
      { startAngle: 0, endAngle: Math.PI, padAngle: 0.012 },
      { startAngle: 0, endAngle: 1e-9, padAngle: 0.012 },
    ];
    for (const c of cases) {
      for (const [inner, outer] of [[50, 90], [0, 90], [0, 0], [90, 50]] as const) {
        expect(arcPath(inner, outer, 1, c)).to.equal(d3arc().innerRadius(inner).outerRadius(outer).cornerRadius(1)(c as never));
        paths++;
      }
    }
    expect(paths).to.be.greaterThan(2000);
  });
});
