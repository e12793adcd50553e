/**
 * The two pieces of d3-shape the donut uses, `pie()` and `arc()`, reduced to what it needs (pie in input order with a
 * pad angle; annular sectors with padding and rounded corners, paths rounded to 3 decimals) so that d3-shape and
 * d3-path (about 3 kB gzip) stay out of the bundle. Same arithmetic, same branches, same output as d3-shape 3.2
 * (`pie().sort(null).value(…).padAngle(…)` and `arc().innerRadius(…).outerRadius(…).cornerRadius(…)`): the tests
 * compare both, string for string.
 */

/** A slice of {@link pie}: angles in radians, clockwise from 12 o'clock. */
export interface PieSlice<T> {
  data: T;
  index: number;
  value: number;
  startAngle: number;
  endAngle: number;
  padAngle: number;
}

const { abs, atan2, cos, max, min, sin, sqrt, PI: pi } = Math;
const halfPi = pi / 2;
const tau = 2 * pi;
const epsilon = 1e-12;
const acos = (x: number): number => (x > 1 ? 0 : x < -1 ? pi : Math.acos(x));
const asin = (x: number): number => (x >= 1 ? halfPi : x <= -1 ? -halfPi : Math.asin(x));

/** d3's `pie().sort(null).value(value).padAngle(padAngle)(data)`: slices in input order, over a full turn. */
export function pie<T>(data: readonly T[], value: (d: T) => number, padAngle: number): PieSlice<T>[] {
  const n = data.length;
  const values = data.map((d) => +value(d));
  let sum = 0;
  for (const v of values) if (v > 0) sum += v;
  const p = min(tau / n, padAngle);
  const k = sum ? (tau - n * p) / sum : 0;
  let a0 = 0;
  return values.map((v, i) => {
    const a1 = a0 + (v > 0 ? v * k : 0) + p;
    const slice = { data: data[i]!, index: i, value: v, startAngle: a0, endAngle: a1, padAngle: p };
    a0 = a1;
    return slice;
  });
}

/** A number as d3-path writes it with 3 digits. */
const n3 = (v: number): number => Math.round(v * 1000) / 1000;

/** d3-path's Path with 3 digits, reduced to the commands the arc draws. */
class Path {
  private x0 = 0;
  private y0 = 0;
  private x1: number | null = null;
  private y1 = 0;
  d = '';

  moveTo(x: number, y: number): void {
    this.d += `M${n3((this.x0 = this.x1 = x))},${n3((this.y0 = this.y1 = y))}`;
  }

  lineTo(x: number, y: number): void {
    this.d += `L${n3((this.x1 = x))},${n3((this.y1 = y))}`;
  }

  closePath(): void {
    if (this.x1 !== null) {
      this.x1 = this.x0;
      this.y1 = this.y0;
      this.d += 'Z';
    }
  }

  arc(x: number, y: number, r: number, a0: number, a1: number, ccw: boolean): void {
    const eps = 1e-6;
    const dx = r * cos(a0);
    const dy = r * sin(a0);
    const x0 = x + dx;
    const y0 = y + dy;
    const flags = `,${ccw ? 0 : 1},`;
    const arcTo = (large: boolean, ex: number, ey: number): string => `A${n3(r)},${n3(r)},0,${large ? 1 : 0}${flags}${n3(ex)},${n3(ey)}`;
    let da = ccw ? a0 - a1 : a1 - a0;
    if (this.x1 === null) this.d += `M${n3(x0)},${n3(y0)}`;
    else if (abs(this.x1 - x0) > eps || abs(this.y1 - y0) > eps) this.d += `L${n3(x0)},${n3(y0)}`;
    if (!r) return;
    if (da < 0) da = (da % tau) + tau;
    if (da > tau - eps) {
      // A whole circle: two half arcs.
      this.d += arcTo(true, x - dx, y - dy) + arcTo(true, (this.x1 = x0), (this.y1 = y0));
    } else if (da > eps) {
      const x1 = x + r * cos(a1);
      const y1 = y + r * sin(a1);
      // Start and end coincide after rounding: two arcs.
      if (da >= pi && n3(x0) === n3(x1) && n3(y0) === n3(y1)) {
        da /= 2;
        this.d += arcTo(da >= pi, x + r * cos(a0 + da), y + r * sin(a0 + da));
      }
      this.d += arcTo(da >= pi, (this.x1 = x1), (this.y1 = y1));
    }
  }
}

function intersect(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): [number, number] | undefined {
  const x10 = x1 - x0;
  const y10 = y1 - y0;
  const x32 = x3 - x2;
  const y32 = y3 - y2;
  let t = y32 * x10 - x32 * y10;
  if (t * t < epsilon) return undefined;
  t = (x32 * (y0 - y2) - y32 * (x0 - x2)) / t;
  return [x0 + t * x10, y0 + t * y10];
}

/** Perpendicular offset line of length rc (d3-shape's `cornerTangents`). */
function cornerTangents(x0: number, y0: number, x1: number, y1: number, r1: number, rc: number, cw: boolean) {
  const x01 = x0 - x1;
  const y01 = y0 - y1;
  const lo = (cw ? rc : -rc) / sqrt(x01 * x01 + y01 * y01);
  const ox = lo * y01;
  const oy = -lo * x01;
  const x11 = x0 + ox;
  const y11 = y0 + oy;
  const x10 = x1 + ox;
  const y10 = y1 + oy;
  const x00 = (x11 + x10) / 2;
  const y00 = (y11 + y10) / 2;
  const dx = x10 - x11;
  const dy = y10 - y11;
  const d2 = dx * dx + dy * dy;
  const r = r1 - rc;
  const D = x11 * y10 - x10 * y11;
  const d = (dy < 0 ? -1 : 1) * sqrt(max(0, r * r * d2 - D * D));
  let cx0 = (D * dy - dx * d) / d2;
  let cy0 = (-D * dx - dy * d) / d2;
  const cx1 = (D * dy + dx * d) / d2;
  const cy1 = (-D * dx + dy * d) / d2;
  const dx0 = cx0 - x00;
  const dy0 = cy0 - y00;
  const dx1 = cx1 - x00;
  const dy1 = cy1 - y00;
  // The closer of the two intersection points.
  if (dx0 * dx0 + dy0 * dy0 > dx1 * dx1 + dy1 * dy1) {
    cx0 = cx1;
    cy0 = cy1;
  }
  return { cx: cx0, cy: cy0, x01: -ox, y01: -oy, x11: cx0 * (r1 / r - 1), y11: cy0 * (r1 / r - 1) };
}

/**
 * d3's `arc().innerRadius(r0).outerRadius(r1).cornerRadius(corner)(slice)`: the SVG path of an annular sector centred
 * on (0, 0), with the slice's pad angle (pad radius √(r0² + r1²), as d3's default).
 */
export function arcPath(innerRadius: number, outerRadius: number, corner: number, slice: Pick<PieSlice<unknown>, 'startAngle' | 'endAngle' | 'padAngle'>): string {
  let r0 = innerRadius;
  let r1 = outerRadius;
  const a0 = slice.startAngle - halfPi;
  const a1 = slice.endAngle - halfPi;
  const da = abs(a1 - a0);
  const cw = a1 > a0;
  const context = new Path();
  if (r1 < r0) [r0, r1] = [r1, r0];

  if (!(r1 > epsilon)) context.moveTo(0, 0);
  else if (da > tau - epsilon) {
    // A circle or an annulus.
    context.moveTo(r1 * cos(a0), r1 * sin(a0));
    context.arc(0, 0, r1, a0, a1, !cw);
    if (r0 > epsilon) {
      context.moveTo(r0 * cos(a1), r0 * sin(a1));
      context.arc(0, 0, r0, a1, a0, cw);
    }
  } else {
    // A circular or annular sector.
    let a01 = a0;
    let a11 = a1;
    let a00 = a0;
    let a10 = a1;
    let da0 = da;
    let da1 = da;
    const ap = slice.padAngle / 2;
    const rp = ap > epsilon ? sqrt(r0 * r0 + r1 * r1) : 0;
    const rc = min(abs(r1 - r0) / 2, corner);
    let rc0 = rc;
    let rc1 = rc;

    // Padding (r1 ≥ r0, so da1 ≥ da0).
    if (rp > epsilon) {
      let p0 = asin((rp / r0) * sin(ap));
      let p1 = asin((rp / r1) * sin(ap));
      if ((da0 -= p0 * 2) > epsilon) {
        p0 *= cw ? 1 : -1;
        a00 += p0;
        a10 -= p0;
      } else {
        da0 = 0;
        a00 = a10 = (a0 + a1) / 2;
      }
      if ((da1 -= p1 * 2) > epsilon) {
        p1 *= cw ? 1 : -1;
        a01 += p1;
        a11 -= p1;
      } else {
        da1 = 0;
        a01 = a11 = (a0 + a1) / 2;
      }
    }

    const x01 = r1 * cos(a01);
    const y01 = r1 * sin(a01);
    const x10 = r0 * cos(a10);
    const y10 = r0 * sin(a10);
    let x11 = 0;
    let y11 = 0;
    let x00 = 0;
    let y00 = 0;

    // Rounded corners, restricted by the sector angle (none when the intersection fails: the arc is too small).
    if (rc > epsilon) {
      x11 = r1 * cos(a11);
      y11 = r1 * sin(a11);
      x00 = r0 * cos(a00);
      y00 = r0 * sin(a00);
      if (da < pi) {
        const oc = intersect(x01, y01, x00, y00, x11, y11, x10, y10);
        if (oc) {
          const ax = x01 - oc[0];
          const ay = y01 - oc[1];
          const bx = x11 - oc[0];
          const by = y11 - oc[1];
          const kc = 1 / sin(acos((ax * bx + ay * by) / (sqrt(ax * ax + ay * ay) * sqrt(bx * bx + by * by))) / 2);
          const lc = sqrt(oc[0] * oc[0] + oc[1] * oc[1]);
          rc0 = min(rc, (r0 - lc) / (kc - 1));
          rc1 = min(rc, (r1 - lc) / (kc + 1));
        } else {
          rc0 = rc1 = 0;
        }
      }
    }

    // The outer ring: collapsed to a line, with rounded corners, or a plain arc.
    if (!(da1 > epsilon)) context.moveTo(x01, y01);
    else if (rc1 > epsilon) {
      const t0 = cornerTangents(x00, y00, x01, y01, r1, rc1, cw);
      const t1 = cornerTangents(x11, y11, x10, y10, r1, rc1, cw);
      context.moveTo(t0.cx + t0.x01, t0.cy + t0.y01);
      if (rc1 < rc) context.arc(t0.cx, t0.cy, rc1, atan2(t0.y01, t0.x01), atan2(t1.y01, t1.x01), !cw);
      else {
        context.arc(t0.cx, t0.cy, rc1, atan2(t0.y01, t0.x01), atan2(t0.y11, t0.x11), !cw);
        context.arc(0, 0, r1, atan2(t0.cy + t0.y11, t0.cx + t0.x11), atan2(t1.cy + t1.y11, t1.cx + t1.x11), !cw);
        context.arc(t1.cx, t1.cy, rc1, atan2(t1.y11, t1.x11), atan2(t1.y01, t1.x01), !cw);
      }
    } else {
      context.moveTo(x01, y01);
      context.arc(0, 0, r1, a01, a11, !cw);
    }

    // The inner ring: none (a point), with rounded corners, or a plain arc.
    if (!(r0 > epsilon) || !(da0 > epsilon)) context.lineTo(x10, y10);
    else if (rc0 > epsilon) {
      const t0 = cornerTangents(x10, y10, x11, y11, r0, -rc0, cw);
      const t1 = cornerTangents(x01, y01, x00, y00, r0, -rc0, cw);
      context.lineTo(t0.cx + t0.x01, t0.cy + t0.y01);
      if (rc0 < rc) context.arc(t0.cx, t0.cy, rc0, atan2(t0.y01, t0.x01), atan2(t1.y01, t1.x01), !cw);
      else {
        context.arc(t0.cx, t0.cy, rc0, atan2(t0.y01, t0.x01), atan2(t0.y11, t0.x11), !cw);
        context.arc(0, 0, r0, atan2(t0.cy + t0.y11, t0.cx + t0.x11), atan2(t1.cy + t1.y11, t1.cx + t1.x11), cw);
        context.arc(t1.cx, t1.cy, rc0, atan2(t1.y11, t1.x11), atan2(t1.y01, t1.x01), !cw);
      }
    } else context.arc(0, 0, r0, a10, a00, cw);
  }

  context.closePath();
  return context.d;
}

/** d3's `arc.centroid`: the middle of the slice, halfway between the radii. */
export function arcCentroid(innerRadius: number, outerRadius: number, slice: Pick<PieSlice<unknown>, 'startAngle' | 'endAngle'>): [number, number] {
  const r = (innerRadius + outerRadius) / 2;
  const a = (slice.startAngle + slice.endAngle) / 2 - pi / 2;
  return [cos(a) * r, sin(a) * r];
}
