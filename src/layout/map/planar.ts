/**
 * Planar geometry on projected topology arcs: bounding boxes, and an anchor inside a polygon (for labels, symbols and
 * tooltips), computed from the arcs without building rings.
 */

/** [[x0, y0], [x1, y1]]. */
export type Box = [[number, number], [number, number]];

/** Topology arcs projected by one unit projection (only the arcs used, once each). */
export interface ProjectedArcs {
  xy: (Float64Array | undefined)[];
  /**
   * [x0, y0, x1, y1, Σz, Σz(xi + xi+1), Σz(yi + yi+1)] of each arc, z = xi·yi+1 − xi+1·yi: bounds, and the sums of
   * the planar area and centroid formulas (a reversed arc negates them).
   */
  info: ([number, number, number, number, number, number, number] | undefined)[];
}

export function emptyBox(): Box {
  return [
    [Infinity, Infinity],
    [-Infinity, -Infinity],
  ];
}

export function extend(box: Box, other: Box): void {
  box[0][0] = Math.min(box[0][0], other[0][0]);
  box[0][1] = Math.min(box[0][1], other[0][1]);
  box[1][0] = Math.max(box[1][0], other[1][0]);
  box[1][1] = Math.max(box[1][1], other[1][1]);
}

/** Calls `segment` for every segment of every ring of a polygon given as topology arc indices. */
function forEachSegment(
  polygon: number[][],
  arcs: ProjectedArcs,
  segment: (ax: number, ay: number, bx: number, by: number) => void,
): void {
  for (const ring of polygon) {
    for (const a of ring) {
      const xy = arcs.xy[a < 0 ? ~a : a]!;
      for (let i = 2; i < xy.length; i += 2) segment(xy[i - 2]!, xy[i - 1]!, xy[i]!, xy[i + 1]!);
    }
  }
}

/** Even-odd point in polygon over all rings (holes included). */
function insidePolygon(polygon: number[][], arcs: ProjectedArcs, x: number, y: number): boolean {
  let inside = false;
  forEachSegment(polygon, arcs, (ax, ay, bx, by) => {
    if (ay > y !== by > y && x < ((bx - ax) * (y - ay)) / (by - ay) + ax) inside = !inside;
  });
  return inside;
}

/** Middle of the widest inside span of a horizontal line at y, or null. */
function widestSpan(polygon: number[][], arcs: ProjectedArcs, y: number): { x: number; width: number } | null {
  const xs: number[] = [];
  forEachSegment(polygon, arcs, (ax, ay, bx, by) => {
    if (ay > y !== by > y) xs.push(ax + ((bx - ax) * (y - ay)) / (by - ay));
  });
  xs.sort((a, b) => a - b);
  let best: { x: number; width: number } | null = null;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const width = xs[i + 1]! - xs[i]!;
    if (width > 0 && (!best || width > best.width)) best = { x: (xs[i]! + xs[i + 1]!) / 2, width };
  }
  return best;
}

/** An anchor inside the polygon: its centroid if inside, else the middle of the widest horizontal inside span. */
export function insideAnchor(
  polygon: number[][],
  arcs: ProjectedArcs,
  centroid: [number, number],
  bounds: Box,
): [number, number] {
  const [cx, cy] = centroid;
  if (Number.isFinite(cx) && Number.isFinite(cy) && insidePolygon(polygon, arcs, cx, cy)) return [cx, cy];
  const [[, y0], [, y1]] = bounds;
  const candidates = [cy, ...[0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8].map((f) => y0 + f * (y1 - y0))];
  for (const y of candidates) {
    if (!Number.isFinite(y)) continue;
    const span = widestSpan(polygon, arcs, y);
    if (span && insidePolygon(polygon, arcs, span.x, y)) return [span.x, y];
  }
  return [(bounds[0][0] + bounds[1][0]) / 2, (y0 + y1) / 2];
}
