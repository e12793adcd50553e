import { expect } from '@open-wc/testing';
import { arc, pie } from 'd3-shape';
import { donutLayout } from './donut-layout.js';

const OFFICIAL = [
  { key: 'association', value: 13_400_000 },
  { key: 'cooperative', value: 3_200_000 },
  { key: 'fondation', value: 600_000 },
];
const TAU = 2 * Math.PI;

describe('donutLayout', () => {
  it('gives slice angles proportional to 13,4 / 3,2 / 0,6 M€, in input order', () => {
    const l = donutLayout(OFFICIAL, 320);
    expect(l.total).to.equal(17_200_000);
    expect(l.arcs.map((a) => a.key)).to.deep.equal(['association', 'cooperative', 'fondation']);
    const pad = 0.012;
    const sweep = l.arcs.map((a) => a.endAngle - a.startAngle);
    // d3 pie subtracts the padding from each slice: (TAU - n·pad) · share + pad.
    const expected = OFFICIAL.map((o) => (TAU - 3 * pad) * (o.value / 17_200_000) + pad);
    sweep.forEach((s, i) => expect(s).to.be.closeTo(expected[i]!, 0.011));
    expect(l.arcs.map((a) => Math.round(a.share * 1000) / 1000)).to.deep.equal([0.779, 0.186, 0.035]);
    expect(l.arcs[0]!.startAngle).to.equal(0);
    expect(l.arcs[2]!.endAngle).to.be.closeTo(TAU, 0.01);
    for (const a of l.arcs) expect(a.d).to.match(/^M/);
  });

  it('does not draw zero, negative or missing values but reports them', () => {
    const l = donutLayout(
      [
        { key: 'a', value: 5 },
        { key: 'b', value: 0 },
        { key: 'c', value: Number.NaN },
        { key: 'd', value: -2 },
      ],
      300,
    );
    expect(l.arcs.map((a) => a.key)).to.deep.equal(['a']);
    expect(l.empty).to.deep.equal(['b', 'c', 'd']);
    expect(l.arcs[0]!.share).to.equal(1);
  });

  it('sizes itself to the width: narrow phones get inner labels, wide layouts outer labels that do not overlap', () => {
    const narrow = donutLayout(OFFICIAL, 280);
    expect(narrow.outerLabels).to.equal(false);
    expect(narrow.width).to.equal(280);
    expect(narrow.outerRadius * 2).to.be.at.most(280);
    expect(narrow.arcs.map((a) => a.innerLabel)).to.deep.equal([true, true, false]);
    const wide = donutLayout(OFFICIAL, 700);
    expect(wide.outerLabels).to.equal(true);
    expect(wide.outerRadius).to.equal(140);
    const labels = wide.arcs.map((a) => a.outer!);
    for (const side of ['start', 'end'] as const) {
      const ys = labels
        .filter((o) => o.anchor === side)
        .map((o) => o.y)
        .sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).to.be.at.least(36);
    }
    // Every label stays inside the SVG.
    for (const o of labels) {
      expect(wide.cy + o.y - 18).to.be.at.least(0);
      expect(wide.cy + o.y + 18).to.be.at.most(wide.height);
      expect(wide.cx + o.x).to.be.within(0, wide.width);
    }
  });

  it('makes room for outer labels from their measured size, or goes without them when the donut would be too small', () => {
    for (const [labelWidth, labelHeight] of [
      [80, 30],
      [119, 34],
      [170, 46],
    ] as const) {
      const l = donutLayout(OFFICIAL, 700, { labelWidth, labelHeight });
      expect(l.outerLabels).to.equal(true);
      for (const a of l.arcs) {
        const o = a.outer!;
        // The label, from its anchor, inside the SVG; the labels of a side apart by their measured height.
        const left = o.anchor === 'start' ? l.cx + o.x : l.cx + o.x - labelWidth;
        expect(left, `${labelWidth}`).to.be.at.least(0);
        expect(left + labelWidth).to.be.at.most(l.width);
        expect(l.cy + o.y - labelHeight / 2).to.be.at.least(0);
        expect(l.cy + o.y + labelHeight / 2).to.be.at.most(l.height);
      }
      for (const side of ['start', 'end'] as const) {
        const ys = l.arcs
          .filter((a) => a.outer!.anchor === side)
          .map((a) => a.outer!.y)
          .sort((p, q) => p - q);
        for (let i = 1; i < ys.length; i++) expect(ys[i]! - ys[i - 1]!).to.be.at.least(labelHeight);
      }
    }
    // Wide labels on a narrow chart: a radius under the minimum, so no outer labels.
    expect(donutLayout(OFFICIAL, 480, { labelWidth: 170, labelHeight: 34 }).outerLabels).to.equal(false);
    expect(
      donutLayout(OFFICIAL, 480, { labelWidth: 100, labelHeight: 34, minRadiusWithLabels: 120 }).outerLabels,
    ).to.equal(false);
    expect(donutLayout(OFFICIAL, 480, { labelWidth: 100, labelHeight: 34 }).outerLabels).to.equal(true);
  });

  it('is deterministic', () => {
    expect(donutLayout(OFFICIAL, 500)).to.deep.equal(donutLayout(OFFICIAL, 500));
  });

  it('draws the slices d3-shape would draw from its own pie (the angles are computed in place, the same numbers)', () => {
    const sets = [
      OFFICIAL,
      [{ key: 'a', value: 1 }],
      [
        { key: 'a', value: 3 },
        { key: 'b', value: 1e-9 },
        { key: 'c', value: 7.25 },
      ],
      [1, 2, 3, 4, 5, 6].map((v) => ({ key: `k${v}`, value: v * 1234.5 })),
    ];
    for (const inputs of sets) {
      const l = donutLayout(inputs, 480);
      const angles = pie<{ key: string; value: number }>()
        .sort(null)
        .value((d) => d.value)
        .padAngle(inputs.length > 1 ? 0.012 : 0)(inputs);
      const ring = arc<(typeof angles)[number]>().innerRadius(l.innerRadius).outerRadius(l.outerRadius).cornerRadius(1);
      expect(l.arcs.map((a) => a.d)).to.deep.equal(angles.map((p) => ring(p)));
      expect(l.arcs.map((a) => [a.startAngle, a.endAngle])).to.deep.equal(
        angles.map((p) => [Math.round(p.startAngle * 100) / 100, Math.round(p.endAngle * 100) / 100]),
      );
    }
  });
});
