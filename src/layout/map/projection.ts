/**
 * The map's projections: mainland and Corse in a Lambert-93-like conformal conic projection (parallels 44° and 49°,
 * rotated 3° east), each DROM in Mercator. The layout projects with plain arithmetic ({@link fastProjection}, the same
 * results as d3-geo), fits the unit projection into boxes ({@link fit}), and describes the projections it used as d3
 * parameters ({@link MapProjection}, {@link projectionOf}).
 */
import { geoConicConformal, geoMercator } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import type { Box } from './planar.js';
import type { MapProjection } from './types.js';

export const PARALLELS: [number, number] = [44, 49];
export const ROTATE: [number, number] = [-3, 0];

/** Unit projection of a shape: conic conformal (mainland, Corse) or Mercator (DROM). */
export type ProjectionKind = 'conic' | 'mercator';

export const RADIANS = Math.PI / 180;

/**
 * A unit projection as plain arithmetic: d3's raw conic conformal (or Mercator) formula, the longitude rotation, and
 * the offset that d3's projection wrapper adds for its centre, without d3's per-point pipeline and allocations.
 */
export interface FastProjection {
  mercator: boolean;
  /** Conic constants n and F, as in d3's `conicConformalRaw`. */
  n: number;
  f: number;
  /** Rotation added to longitudes, radians. */
  rotate: number;
  ox: number;
  oy: number;
}

const HALF_PI = Math.PI / 2;
const tany = (phi: number) => Math.tan((HALF_PI + phi) / 2);

/** Raw x and y (y up) of a point in radians; writes into `out`. */
export function rawInto(p: FastProjection, lambda: number, phi: number, out: Float64Array, at: number): void {
  if (p.mercator) {
    out[at] = lambda;
    out[at + 1] = Math.log(tany(phi));
    return;
  }
  if (p.f > 0 ? phi < -HALF_PI + 1e-6 : phi > HALF_PI - 1e-6) phi = p.f > 0 ? -HALF_PI + 1e-6 : HALF_PI - 1e-6;
  const r = p.f / Math.pow(tany(phi), p.n);
  out[at] = r * Math.sin(p.n * lambda);
  out[at + 1] = p.f - r * Math.cos(p.n * lambda);
}

/**
 * The unit projection of `kind`: the same results as d3-geo's `geoConicConformal().parallels([44, 49]).rotate([-3, 0])`
 * (or `geoMercator()`) at scale 1 and translate [0, 0], up to floating-point rounding (checked against d3-geo in the
 * tests). d3's projection wrapper centres on `center()` = [0, 0] projected without rotation, so the offsets are
 * minus the raw projection of (0, 0) (raw y points up). Computed without d3-geo, so that the layout does not pull
 * d3's projection pipeline (8 kB gzip) into the bundle.
 */
export function fastProjection(kind: ProjectionKind): FastProjection {
  const mercator = kind === 'mercator';
  const [phi0, phi1] = [PARALLELS[0] * RADIANS, PARALLELS[1] * RADIANS];
  const n = Math.log(Math.cos(phi0) / Math.cos(phi1)) / Math.log(tany(phi1) / tany(phi0));
  const fast: FastProjection = {
    mercator,
    n,
    f: (Math.cos(phi0) * Math.pow(tany(phi0), n)) / n,
    rotate: mercator ? 0 : ROTATE[0] * RADIANS,
    ox: 0,
    oy: 0,
  };
  const origin = new Float64Array(2);
  rawInto(fast, 0, 0, origin, 0);
  fast.ox = -origin[0]!;
  fast.oy = origin[1]!;
  return fast;
}

/** Scale and translation of a unit projection: pixel = k × unit + t. */
export interface Transform {
  k: number;
  tx: number;
  ty: number;
}

/** Same result as d3's `projection.fitExtent(extent, object)` for the unit projection, from the unit bounds. */
export function fit(bounds: Box, x0: number, y0: number, x1: number, y1: number): Transform {
  const w = bounds[1][0] - bounds[0][0];
  const h = bounds[1][1] - bounds[0][1];
  const k = Math.min((x1 - x0) / (w || 1), (y1 - y0) / (h || 1));
  return {
    k,
    tx: (x0 + x1) / 2 - (k * (bounds[0][0] + bounds[1][0])) / 2,
    ty: (y0 + y1) / 2 - (k * (bounds[0][1] + bounds[1][1])) / 2,
  };
}

/** The d3 parameters of the mainland projection under `t` (see {@link projectionOf}). */
export function conicParams(id: string, t: Transform): MapProjection {
  // Unit projection = raw(p) - raw(center); d3 projection(scale k, translate t) = k * unit(p) + t.
  return {
    id,
    type: 'conicConformal',
    scale: t.k,
    translate: [t.tx, t.ty],
    parallels: [...PARALLELS],
    rotate: [...ROTATE],
  };
}

/** Builds the d3 projection described by a {@link MapProjection} (e.g. to place communes on the map). */
export function projectionOf(params: MapProjection): GeoProjection {
  const projection =
    params.type === 'mercator'
      ? geoMercator()
      : geoConicConformal()
          .parallels(params.parallels ?? PARALLELS)
          .rotate(params.rotate ?? ROTATE);
  return projection.scale(params.scale).translate(params.translate);
}
