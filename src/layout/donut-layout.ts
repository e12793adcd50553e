/**
 * Donut layout: pure function from values by status and the available width to arcs (SVG paths),
 * label positions and leader lines. No DOM; `render()` only maps the result to SVG.
 */
import { arc as d3arc } from 'd3-shape';
import type { PieArcDatum } from 'd3-shape';

export interface DonutInput {
  key: string;
  value: number;
}

export interface DonutArc {
  key: string;
  value: number;
  /** Share of the total, between 0 and 1. */
  share: number;
  startAngle: number;
  endAngle: number;
  /** SVG path of the slice, centred on (0, 0). */
  d: string;
  /** SVG path of the slice when selected (pulled out and thicker). */
  dSelected: string;
  /** Middle of the slice (for an inner label and the tooltip anchor). */
  centroid: [number, number];
  /** Whether a short label (the share) fits inside the slice. */
  innerLabel: boolean;
  /** Outer label, when the layout has room for outer labels. */
  outer?: {
    /** Leader line: from the slice to the label. */
    line: string;
    x: number;
    y: number;
    anchor: 'start' | 'end';
  };
}

export interface DonutLayout {
  /** Width and height of the SVG; the centre is at (cx, cy). */
  width: number;
  height: number;
  cx: number;
  cy: number;
  outerRadius: number;
  innerRadius: number;
  total: number;
  arcs: DonutArc[];
  /** Keys with a value of 0 (kept for the legend and the table, not drawn). */
  empty: string[];
  /** True when slices carry outer labels (wide layouts). */
  outerLabels: boolean;
}

export interface DonutOptions {
  /** Minimum width for outer labels (default 440 px). */
  outerLabelMinWidth?: number;
  /** Largest outer radius (default 140 px). */
  maxRadius?: number;
  /** Ring thickness as a share of the outer radius (default 0.36). */
  thickness?: number;
  /** Room kept on each side for outer labels (default 132 px, or from `labelWidth`). */
  labelSpace?: number;
  /**
   * Width and height in px of the widest and tallest outer label as the page renders it (its font, the reader's text
   * spacing): the room beside the donut and between labels is made from them. Without them, an estimate.
   */
  labelWidth?: number;
  labelHeight?: number;
  /** Smallest outer radius with outer labels: narrower, the layout goes without them (default 60 px). */
  minRadiusWithLabels?: number;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/** Vertical room taken by a two-line outer label (at least). */
const LABEL_HEIGHT = 36;
/** From the ring to the start of an outer label: 22 px of leader line and 4 px of gap. */
const LABEL_OFFSET = 26;

/**
 * Lays out a donut for `width` pixels. Inputs keep their order (no sorting), so colours and
 * reading order stay stable; zero and invalid values are not drawn.
 */
export function donutLayout(inputs: readonly DonutInput[], width: number, options: DonutOptions = {}): DonutLayout {
  const outerLabelMinWidth = options.outerLabelMinWidth ?? 440;
  const maxRadius = options.maxRadius ?? 140;
  // From the centre: the ring, 22 px of leader line, 4 px of gap, the label, 4 px of margin.
  const labelSpace =
    options.labelWidth !== undefined ? Math.ceil(LABEL_OFFSET + options.labelWidth + 4) : (options.labelSpace ?? 132);
  const labelHeight = Math.max(LABEL_HEIGHT, Math.ceil((options.labelHeight ?? 0) + 4));
  const w = Math.max(120, Math.floor(width));
  const outerLabels = w >= outerLabelMinWidth && (w - 2 * labelSpace) / 2 >= (options.minRadiusWithLabels ?? 60);
  const outerRadius = Math.max(
    50,
    Math.floor(outerLabels ? Math.min(maxRadius, (w - 2 * labelSpace) / 2) : Math.min(maxRadius, w / 2 - 4)),
  );
  const innerRadius = Math.round(outerRadius * (1 - (options.thickness ?? 0.36)));
  const drawn = inputs.filter((i) => Number.isFinite(i.value) && i.value > 0);
  const total = drawn.reduce((s, i) => s + i.value, 0);
  const empty = inputs.filter((i) => !(Number.isFinite(i.value) && i.value > 0)).map((i) => i.key);

  const pieData = pie(drawn, drawn.length > 1 ? 0.012 : 0);
  const ring = d3arc<PieArcDatum<DonutInput>>().innerRadius(innerRadius).outerRadius(outerRadius).cornerRadius(1);
  const ringSelected = d3arc<PieArcDatum<DonutInput>>()
    .innerRadius(innerRadius - 2)
    .outerRadius(outerRadius + 6)
    .cornerRadius(1);
  const thickness = outerRadius - innerRadius;
  const mid = (innerRadius + outerRadius) / 2;

  const arcs: DonutArc[] = pieData.map((p) => {
    const [x, y] = ring.centroid(p);
    const angle = p.endAngle - p.startAngle;
    return {
      key: p.data.key,
      value: p.data.value,
      share: total > 0 ? p.data.value / total : 0,
      startAngle: round(p.startAngle),
      endAngle: round(p.endAngle),
      d: ring(p) ?? '',
      dSelected: ringSelected(p) ?? '',
      centroid: [round(x), round(y)],
      innerLabel: thickness >= 22 && angle * mid >= 44,
    };
  });

  let top = outerRadius + 8;
  let bottom = outerRadius + 8;
  if (outerLabels) {
    const placed = placeOuterLabels(arcs, outerRadius, labelHeight);
    top = Math.max(top, ...placed.map((l) => -l.y + labelHeight / 2));
    bottom = Math.max(bottom, ...placed.map((l) => l.y + labelHeight / 2));
  }
  const height = Math.ceil(top + bottom);
  return {
    width: w,
    height,
    cx: Math.round(w / 2),
    cy: Math.ceil(top),
    outerRadius,
    innerRadius,
    total,
    arcs,
    empty,
    outerLabels,
  };
}

/**
 * The angles of `inputs` (positive values) round the circle from 0, in their order, `pad` radians between slices: what
 * d3-shape's `pie().sort(null).value((d) => d.value).padAngle(pad)` computes, the same numbers, without its generality.
 */
function pie(inputs: readonly DonutInput[], pad: number): PieArcDatum<DonutInput>[] {
  const tau = 2 * Math.PI;
  const p = Math.min(tau / inputs.length, pad);
  const sum = inputs.reduce((s, d) => s + d.value, 0);
  const k = sum ? (tau - inputs.length * p) / sum : 0;
  let a0 = 0;
  return inputs.map((d, index) => ({
    data: d,
    index,
    value: d.value,
    startAngle: a0,
    endAngle: (a0 = a0 + d.value * k + p),
    padAngle: p,
  }));
}

/** Places two-line labels left and right of the donut, pushed apart so they never overlap. */
function placeOuterLabels(arcs: DonutArc[], r: number, LABEL_HEIGHT: number): { y: number }[] {
  const elbowR = r + 12;
  const sides: Record<'start' | 'end', { arc: DonutArc; a: number; y: number }[]> = { start: [], end: [] };
  for (const a of arcs) {
    const angle = (a.startAngle + a.endAngle) / 2;
    const side = Math.sin(angle) >= 0 ? 'start' : 'end';
    sides[side].push({ arc: a, a: angle, y: -Math.cos(angle) * elbowR });
  }
  const placed: { y: number }[] = [];
  for (const side of ['start', 'end'] as const) {
    const list = sides[side].sort((p, q) => p.y - q.y);
    // Push down, then pull back up from the bottom, keeping LABEL_HEIGHT between labels.
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      const cur = list[i]!;
      if (cur.y - prev.y < LABEL_HEIGHT) cur.y = prev.y + LABEL_HEIGHT;
    }
    const limit = r + LABEL_HEIGHT / 2;
    for (let i = list.length - 1; i >= 0; i--) {
      const cur = list[i]!;
      const next = list[i + 1];
      const max = next ? next.y - LABEL_HEIGHT : Math.max(limit, cur.y);
      if (cur.y > max) cur.y = max;
    }
    const sign = side === 'start' ? 1 : -1;
    for (const p of list) {
      const sx = Math.sin(p.a) * (r + 2);
      const sy = -Math.cos(p.a) * (r + 2);
      const ex = Math.sin(p.a) * elbowR;
      const lx = sign * (r + LABEL_OFFSET - 4);
      p.arc.outer = {
        line: `M${round(sx)},${round(sy)}L${round(ex)},${round(p.y)}L${round(lx)},${round(p.y)}`,
        x: round(lx + sign * 4),
        y: round(p.y),
        anchor: side,
      };
      placed.push({ y: p.y });
    }
  }
  return placed;
}
