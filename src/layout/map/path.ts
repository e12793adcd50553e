/**
 * SVG paths of projected shapes: arcs scaled into pixels, invisible detail dropped (each arc filtered once, in its own
 * direction, so that a border shared by two shapes stays identical), coordinates in tenths of a pixel, written in the
 * compact form `M x,y l dx,dy … z` from ready-made strings.
 */
import type { ProjectedArcs } from './planar.js';
import type { Shape } from './prepare.js';
import type { Transform } from './projection.js';

/** A number of tenths as the shortest SVG number: 12 → "1.2", -3 → "-.3", 40 → "4", 0 → "0". */
function tenths(v: number): string {
  const negative = v < 0;
  const abs = negative ? -v : v;
  const whole = (abs / 10) | 0;
  const fraction = abs - whole * 10;
  const text = fraction ? (whole ? `${whole}.${fraction}` : `.${fraction}`) : `${whole}`;
  return negative ? `-${text}` : text;
}

/** Deltas up to this many tenths of a pixel are written from {@link deltaTexts} (most of them: neighbouring points). */
const SMALL_DELTA = 1000;
let deltaTables: { x: string[]; y: string[] } | undefined;
/**
 * The text of every small delta, as written after the previous one: x with its separator (a space, none before a
 * minus sign), y with its own (a comma, none before a minus sign). Built once: paths are then mostly concatenations
 * of ready strings, which also makes a first layout (code not yet optimised by the engine) much faster.
 */
function deltaTexts(): { x: string[]; y: string[] } {
  if (!deltaTables) {
    const x: string[] = [];
    const y: string[] = [];
    for (let d = -SMALL_DELTA; d <= SMALL_DELTA; d++) {
      const text = tenths(d);
      x.push(d < 0 ? text : ` ${text}`);
      y.push(d < 0 ? text : `,${text}`);
    }
    deltaTables = { x, y };
  }
  return deltaTables;
}

/**
 * One-pass simplification of an arc, in its own direction: keeps its ends, and a point when the triangle it forms
 * with the last kept point and the next point has at least twice-area `minArea2`.
 */
function keptPoints(xy: Float64Array, minArea2: number): Uint8Array {
  const m = xy.length / 2;
  const keep = new Uint8Array(m);
  keep[0] = 1;
  keep[m - 1] = 1;
  let lx = xy[0]!;
  let ly = xy[1]!;
  for (let i = 1; i < m - 1; i++) {
    const x = xy[2 * i]!;
    const y = xy[2 * i + 1]!;
    const cross = (x - lx) * (xy[2 * i + 3]! - ly) - (xy[2 * i + 2]! - lx) * (y - ly);
    if (cross >= minArea2 || cross <= -minArea2) {
      keep[i] = 1;
      lx = x;
      ly = y;
    }
  }
  return keep;
}

/**
 * SVG path of a shape under a transform: arcs stitched from their unit projection, filtered by {@link keptPoints}
 * (masks cached per arc for this transform, so a border shared by two shapes is filtered once), coordinates rounded
 * to 0.1 px, repeated points dropped, rings with fewer than 3 points left out. Compact form: an absolute `M`, then
 * relative `l` pairs, `z` per ring.
 */
export function pathOf(
  shape: Shape,
  arcs: ProjectedArcs,
  { k, tx, ty }: Transform,
  minArea: number,
  masks: (Uint8Array | undefined)[],
): string {
  const texts = deltaTexts();
  let d = '';
  for (const polygon of shape.arcs) {
    for (const ring of polygon) {
      let part = '';
      let count = 0;
      let px = NaN;
      let py = NaN;
      for (let a = 0; a < ring.length; a++) {
        const reversed = ring[a]! < 0;
        const index = reversed ? ~ring[a]! : ring[a]!;
        const xy = arcs.xy[index]!;
        const keep = masks[index] ?? (masks[index] = keptPoints(xy, 2 * minArea));
        const m = keep.length;
        for (let s = a === 0 ? 0 : 1; s < m; s++) {
          const i = reversed ? m - 1 - s : s;
          if (!keep[i]) continue;
          const x = Math.round((k * xy[2 * i]! + tx) * 10);
          const y = Math.round((k * xy[2 * i + 1]! + ty) * 10);
          if (x === px && y === py) continue;
          if (count === 0) part = `M${tenths(x)},${tenths(y)}l`;
          else {
            const ddx = x - px;
            const ddy = y - py;
            // The first pair after `l` needs no separator; then a space, unless the number starts with a minus.
            const dx =
              ddx >= -SMALL_DELTA && ddx <= SMALL_DELTA
                ? texts.x[ddx + SMALL_DELTA]!
                : `${ddx < 0 ? '' : ' '}${tenths(ddx)}`;
            const dy =
              ddy >= -SMALL_DELTA && ddy <= SMALL_DELTA
                ? texts.y[ddy + SMALL_DELTA]!
                : `${ddy < 0 ? '' : ','}${tenths(ddy)}`;
            part += count === 1 && dx.charCodeAt(0) === 32 ? dx.slice(1) + dy : dx + dy;
          }
          px = x;
          py = y;
          count++;
        }
      }
      if (count >= 3) d += `${part}z`;
    }
  }
  return d;
}
