/**
 * The unit projection of a topology level, done once per topology and level: every arc used is decoded and projected
 * once (borders shared by two shapes stay identical), each shape gets its bounds, area and an anchor inside it, and the
 * parts the layout places apart are found (DROM, the Paris zoom, the empty corner of the mainland).
 */
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Box, ProjectedArcs } from './planar.js';
import { emptyBox, extend, insideAnchor } from './planar.js';
import type { FastProjection, ProjectionKind } from './projection.js';
import { fastProjection, RADIANS, rawInto } from './projection.js';
import type { MapLevel } from './types.js';
import { DROM_CODES, PARIS_CODES } from './types.js';
import { isRecord } from '../../model/values.js';
import { codeOf, OBJECT_NAME, validateTopology } from './validate.js';

/** One territory in unit coordinates. */
export interface Shape {
  code: string;
  nom: string;
  region?: string;
  group: 'mainland' | 'drom';
  kind: ProjectionKind;
  /** Polygons → rings → topology arc indices (negative: reversed, ~i). */
  arcs: number[][][];
  bounds: Box;
  area: number;
  /** Inside anchor, unit coordinates. */
  anchor: [number, number];
}

/** A level of a geometry, projected. */
export interface Prepared {
  shapes: Shape[];
  arcs: Record<ProjectionKind, ProjectedArcs>;
  mainlandBounds: Box;
  /** Side of the largest empty square in the top-left corner of the mainland bounds, unit coordinates. */
  cornerSide: number;
  /** Indices into shapes. */
  drom: number[];
  paris: number[];
  parisBounds: Box | null;
}

/** Prepared levels, per geometry object (a topology, or a projected geometry: see projected-geometry.ts). */
export const preparedCache = new WeakMap<object, Partial<Record<MapLevel, Prepared>>>();

/**
 * Decodes (delta, quantized) topology arc `index` and projects it, once per projection kind, then computes its
 * bounds and the sums of d3's planar area and centroid formulas over its segments.
 */
function projectArc(topology: Topology, index: number, projection: FastProjection, into: ProjectedArcs): void {
  if (into.xy[index]) return;
  const arc = topology.arcs[index]!;
  const m = arc.length;
  const xy = new Float64Array(m * 2);
  const transform = topology.transform;
  const sx = transform ? transform.scale[0] : 1;
  const sy = transform ? transform.scale[1] : 1;
  const ox = transform ? transform.translate[0] : 0;
  const oy = transform ? transform.translate[1] : 0;
  const { rotate, ox: px0, oy: py0 } = projection;
  let x = 0;
  let y = 0;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  let z = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < m; i++) {
    const position = arc[i]!;
    if (transform) {
      x += position[0]!;
      y += position[1]!;
    } else {
      x = position[0]!;
      y = position[1]!;
    }
    rawInto(projection, (x * sx + ox) * RADIANS + rotate, (y * sy + oy) * RADIANS, xy, 2 * i);
    const px = xy[2 * i]! + px0;
    const py = py0 - xy[2 * i + 1]!;
    xy[2 * i] = px;
    xy[2 * i + 1] = py;
    if (px < x0) x0 = px;
    if (px > x1) x1 = px;
    if (py < y0) y0 = py;
    if (py > y1) y1 = py;
    if (i > 0) {
      const qx = xy[2 * i - 2]!;
      const qy = xy[2 * i - 1]!;
      const cross = qx * py - px * qy;
      z += cross;
      cx += cross * (qx + px);
      cy += cross * (qy + py);
    }
  }
  into.xy[index] = xy;
  into.info[index] = [x0, y0, x1, y1, z, cx, cy];
}

/**
 * Projects the shapes of a level once, in unit projections (scale 1, translate [0, 0]), straight from the topology
 * arcs: each arc is decoded and projected once, so that borders shared by two shapes stay identical after
 * simplification. Points are projected one by one (no adaptive resampling, no clipping: not needed for France).
 */
export function prepare(topology: Topology, level: MapLevel): Prepared {
  let byLevel = preparedCache.get(topology);
  const cached = byLevel?.[level];
  if (cached) return cached;
  const check = validateTopology(topology, level);
  if (!check.ok) throw new Error(check.reason);

  const object = topology.objects[OBJECT_NAME[level]] as GeometryCollection;
  const dromCodes = DROM_CODES[level];
  const projections: Record<ProjectionKind, FastProjection> = {
    conic: fastProjection('conic'),
    mercator: fastProjection('mercator'),
  };
  const arcs: Record<ProjectionKind, ProjectedArcs> = {
    conic: { xy: [], info: [] },
    mercator: { xy: [], info: [] },
  };
  const shapes: Shape[] = [];

  for (const geometry of object.geometries) {
    const source = geometry as unknown as Record<string, unknown>;
    const code = codeOf(source)!;
    const props = isRecord(source['properties']) ? source['properties'] : {};
    const nom = typeof props['nom'] === 'string' ? props['nom'] : code;
    const isDrom = dromCodes.includes(code);
    const kind: ProjectionKind = isDrom ? 'mercator' : 'conic';
    const projected = arcs[kind];
    const shapeArcs: number[][][] =
      geometry.type === 'Polygon'
        ? [(geometry as { arcs: number[][] }).arcs]
        : geometry.type === 'MultiPolygon'
          ? (geometry as { arcs: number[][][] }).arcs
          : [];
    if (!shapeArcs.length) continue;
    // Bounds and areas straight from the arcs: a ring's shoelace sum is the signed sum of its arcs' sums.
    const bounds = emptyBox();
    let largest = 0;
    let largestArea = -1;
    let area = 0;
    let centroid: [number, number] = [NaN, NaN];
    shapeArcs.forEach((polygon, p) => {
      let sum = 0;
      let sumX = 0;
      let sumY = 0;
      for (const ring of polygon) {
        for (const a of ring) {
          const index = a < 0 ? ~a : a;
          projectArc(topology, index, projections[kind], projected);
          const info = projected.info[index]!;
          const sign = a < 0 ? -1 : 1;
          sum += sign * info[4];
          sumX += sign * info[5];
          sumY += sign * info[6];
          if (info[0] < bounds[0][0]) bounds[0][0] = info[0];
          if (info[1] < bounds[0][1]) bounds[0][1] = info[1];
          if (info[2] > bounds[1][0]) bounds[1][0] = info[2];
          if (info[3] > bounds[1][1]) bounds[1][1] = info[3];
        }
      }
      const polygonArea = Math.abs(sum) / 2;
      area += polygonArea;
      if (polygonArea > largestArea) {
        largestArea = polygonArea;
        largest = p;
        // d3-geo's planar path.centroid of a polygon: Σ z (x0 + x1) / 3 Σ z, z = x0 y1 − x1 y0 over all segments.
        centroid = [sumX / (3 * sum), sumY / (3 * sum)];
      }
    });
    const anchor = insideAnchor(shapeArcs[largest]!, projected, centroid, bounds);
    const shape: Shape = {
      code,
      nom,
      group: isDrom ? 'drom' : 'mainland',
      kind,
      arcs: shapeArcs,
      bounds,
      area,
      anchor,
    };
    if (typeof props['region'] === 'string') shape.region = props['region'];
    shapes.push(shape);
  }
  const prepared = assemble(level, shapes, arcs);
  if (!byLevel) preparedCache.set(topology, (byLevel = {}));
  byLevel[level] = prepared;
  return prepared;
}

/**
 * The parts of {@link Prepared} derived from the shapes: DROM in display order, mainland bounds, the empty top-left
 * corner (computed from the mainland arcs unless given), the Paris zoom.
 */
export function assemble(
  level: MapLevel,
  shapes: Shape[],
  arcs: Record<ProjectionKind, ProjectedArcs>,
  corner?: number,
): Prepared {
  const dromCodes = DROM_CODES[level];
  const mainlandBounds = emptyBox();
  const drom: number[] = [];
  shapes.forEach((shape, i) => {
    if (shape.group === 'drom') drom.push(i);
    else extend(mainlandBounds, shape.bounds);
  });
  drom.sort((a, b) => dromCodes.indexOf(shapes[a]!.code) - dromCodes.indexOf(shapes[b]!.code));

  if (!Number.isFinite(mainlandBounds[0][0])) {
    // No mainland shape (a topology of overseas territories only): an empty mainland box.
    mainlandBounds[0] = [0, 0];
    mainlandBounds[1] = [0, 0];
  }
  // Largest empty square anchored at the top-left corner of the mainland bounds (Chebyshev distance to vertices).
  let cornerSide = corner ?? Infinity;
  if (corner === undefined) {
    const [[mx0, my0]] = mainlandBounds;
    for (const xy of arcs.conic.xy) {
      if (!xy) continue;
      for (let k = 0; k < xy.length; k += 2) {
        const side = Math.max(xy[k]! - mx0, xy[k + 1]! - my0);
        if (side < cornerSide) cornerSide = side;
      }
    }
  }

  const paris: number[] = [];
  let parisBounds: Box | null = null;
  if (level === 'departement') {
    for (const code of PARIS_CODES) {
      const i = shapes.findIndex((s) => s.code === code && s.group === 'mainland');
      if (i >= 0) paris.push(i);
    }
    if (paris.length) {
      parisBounds = emptyBox();
      for (const i of paris) extend(parisBounds, shapes[i]!.bounds);
    }
  }

  return {
    shapes,
    arcs,
    mainlandBounds,
    cornerSide: Number.isFinite(cornerSide) ? cornerSide : 0,
    drom,
    paris,
    parisBounds,
  };
}
