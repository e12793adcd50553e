/**
 * Pure layout of the map of France for `<relance-territory-map>`: régions or départements, mainland and Corse in a
 * Lambert-93-like conformal conic projection, each overseas région (DROM) in its own labelled inset box, and at
 * département level a zoom inset for Paris and the petite couronne.
 *
 * Data in (a TopoJSON topology and a width), plain serialisable objects out (SVG path strings already in pixels,
 * label anchors, inset frames, a keyboard neighbour graph). No DOM.
 *
 * Speed: every topology arc is projected once per topology and level, in a unit projection (scale 1), and
 * memoised. A layout at any width is then only a scale and a translation of those unit coordinates (d3 projections
 * are linear in `scale` and `translate`), a one-pass filter of invisible detail, and the path strings.
 *
 * Geometry: IGN ADMIN EXPRESS COG 2018 via gregoiredavid/france-geojson, Licence Ouverte 2.0 (see the geometry's
 * ATTRIBUTION.md; the attribution line must ship with any map drawn from it).
 */
import { geoConicConformal, geoMercator } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type { Topology } from 'topojson-specification';

/** The territorial level drawn by the map. */
export type MapLevel = 'region' | 'departement';

/** Which part of the layout a feature belongs to. `paris` is the petite couronne zoom copy (département level). */
export type MapGroup = 'mainland' | 'drom' | 'paris';

/** Properties of a territory feature returned by {@link featuresOf}. */
export interface TerritoryProperties {
  /** INSEE code ("84", "2A", "974"). */
  code: string;
  /** Name from the geometry properties. */
  nom: string;
  /** Région code, for départements. */
  region?: string;
}

/** A territory feature, as returned by {@link featuresOf}. */
export type TerritoryFeature = Feature<Polygon | MultiPolygon, TerritoryProperties>;

/** One shape drawn on the map. */
export interface MapFeature {
  /**
   * Unique key within the layout: the code, or `paris:<code>` for the copies in the Paris inset
   * (use it as the key of a repeat directive; `code` is not unique at département level).
   */
  id: string;
  /** INSEE code ("84", "2A", "974"). Paris inset copies keep the code of the mainland département. */
  code: string;
  /** Name from the geometry properties. */
  nom: string;
  /** Région code, for départements. */
  region?: string;
  /**
   * SVG path, already projected into the layout's pixel space: coordinates rounded to 0.1 px, detail below
   * `simplify` px² dropped (borders shared by two shapes stay identical), compact form `M x,y l dx,dy dx,dy … z`.
   */
  d: string;
  /**
   * Label or symbol anchor in pixels: d3-geo's `path.centroid` of the largest polygon, or, when that falls outside
   * the polygon (crescent shapes), the middle of the widest inside span on a horizontal line. Always inside.
   */
  centroid: [number, number];
  /** Projected area in px² (all polygons). */
  area: number;
  /** Part of the layout. */
  group: MapGroup;
  /** `id` of the inset holding the shape, for DROM and Paris copies. */
  inset?: string;
  /** Pixel bounding box [[x0, y0], [x1, y1]]. */
  bounds: [[number, number], [number, number]];
}

/**
 * A frame drawn around a DROM or the Paris zoom, with room for its label at the top, inside the frame.
 * Draw the label as `<text x=labelX y=labelY font-size=fontSize>` with one `<tspan x=labelX dy=lineHeight>` per
 * entry of `labelLines` after the first (the first line's baseline is `labelY`).
 */
export interface MapInset {
  /** `drom-<code>` or `paris`. */
  id: string;
  /** Code of the territory (DROM code at the layout's level, `75` for the Paris zoom). */
  code: string;
  /** Codes of the features shown in the inset. */
  codes: string[];
  /** Full label (the DROM's name, or « Paris et petite couronne »). */
  label: string;
  /** The label wrapped to the frame width (estimated at 0.55 em per character). */
  labelLines: string[];
  /** Left of the label text (start-anchored). */
  labelX: number;
  /** Baseline of the first label line. */
  labelY: number;
  /** Label font size in px. */
  fontSize: number;
  /** Distance between label baselines in px. */
  lineHeight: number;
  /** Frame, in pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Parameters of one projection used by the layout, to place other points (e.g. communes) consistently:
 * `geoConicConformal().parallels(parallels).rotate(rotate).scale(scale).translate(translate)` or
 * `geoMercator().scale(scale).translate(translate)`. See {@link projectionOf}.
 */
export interface MapProjection {
  /** `mainland`, or the `id` of an inset. */
  id: string;
  type: 'conicConformal' | 'mercator';
  scale: number;
  translate: [number, number];
  /** Conic conformal only. */
  parallels?: [number, number];
  /** Conic conformal only. */
  rotate?: [number, number];
}

/** Keyboard neighbours of a feature: indices into `features`, or -1. */
export interface MapNeighbours {
  up: number;
  down: number;
  left: number;
  right: number;
}

/** Options of {@link layoutMap}. */
export interface MapLayoutOptions {
  /**
   * Simplification threshold in px²: a point is not written when the triangle it forms with the last written point
   * and the next point is smaller (0 keeps every point). Arc ends are always kept and each topology arc is filtered
   * once, in its own direction, so borders shared by two shapes stay identical. Default {@link DEFAULT_SIMPLIFY}.
   */
  simplify?: number;
  /**
   * INSEE code of a région to show alone: its départements (département level) or its own shape
   * (région level), fitted to the whole width, without insets. Unknown codes are ignored.
   */
  focus?: string;
  /**
   * Width in px of a label at {@link INSET_FONT_SIZE}, as the page renders it (its font, the reader's text spacing): the
   * inset labels are wrapped and their frames sized from it. Default: {@link CHAR_EM} em per character, an estimate.
   */
  textWidth?: (text: string) => number;
  /** Label of the Paris zoom (default {@link PARIS_INSET_LABEL}, the French one). */
  parisLabel?: string;
}

/** Default simplification threshold (px²): invisible detail; paths are ⅐ of full detail at 280 px, ⅔ at 1200 px. */
export const DEFAULT_SIMPLIFY = 0.5;

/** A complete map layout. */
export interface MapLayout {
  level: MapLevel;
  width: number;
  /** Computed from the width. */
  height: number;
  /**
   * `column`: DROM insets in a column left of the mainland, Paris zoom in the mainland's top-left corner (English
   * Channel). `rows`: DROM insets (and the Paris zoom) in one or two rows under the mainland.
   */
  arrangement: 'column' | 'rows';
  /** The box the mainland and Corse are fitted into. */
  mainland: { x: number; y: number; width: number; height: number };
  /**
   * Mainland and Corse (group `mainland`), the DROM (group `drom`), then, at département level, the copies of 75,
   * 92, 93 and 94 in the Paris inset (group `paris`, same code as the mainland ones). Topology order (by code)
   * within the first two groups.
   */
  features: MapFeature[];
  /** DROM frames in code order, then the Paris zoom frame (département level). */
  insets: MapInset[];
  /**
   * For keyboard navigation: for each feature index, the index of the nearest feature in each direction, or -1.
   * Computed on first read (an enumerable getter: the layout still serialises as a plain object), as a map is often
   * drawn, and even navigated (département level: see `keyboardNeighbours`), without it.
   */
  readonly neighbours: MapNeighbours[];
  /** Projections used, mainland first. */
  projections: MapProjection[];
}

/** DROM codes at each level, in display order. */
export const DROM_CODES: Readonly<Record<MapLevel, readonly string[]>> = {
  region: ['01', '02', '03', '04', '06'],
  departement: ['971', '972', '973', '974', '976'],
};

/** Départements shown in the Paris zoom inset. */
export const PARIS_CODES: readonly string[] = ['75', '92', '93', '94'];

/** Label of the Paris zoom inset. */
export const PARIS_INSET_LABEL = 'Paris et petite couronne';

/** Narrowest and widest widths the layout is designed for (it works outside, with smaller or larger boxes). */
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 1200;

/** From this width up, the DROM go in a column left of the mainland. */
export const COLUMN_BREAKPOINT = 640;

const PARALLELS: [number, number] = [44, 49];
const ROTATE: [number, number] = [-3, 0];
/** Outer margin, gap between boxes, padding inside an inset frame (px). */
const MARGIN = 4;
const GAP = 8;
const PAD = 3;
/** Smallest height of the shape area of a DROM inset, so that narrow shapes (Mayotte, 0.75 w/h) stay ≥ 40 px. */
const MIN_SHAPE_HEIGHT = 60;
/** Narrowest inset box allowed in a single row; otherwise the insets wrap into two rows. */
const MIN_ROW_BOX_WIDTH = 80;
/** Estimated average glyph width, in em, used to wrap labels. */
const CHAR_EM = 0.55;
/** Font size of the inset labels, px: 12 or more at every width. */
export const INSET_FONT_SIZE = 12;

const OBJECT_NAME: Record<MapLevel, 'regions' | 'departements'> = { region: 'regions', departement: 'departements' };

// ---------------------------------------------------------------------------------------------------------------
// Validation and features

type Check = { ok: true; topology: Topology } | { ok: false; reason: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function codeOf(geometry: Record<string, unknown>): string | undefined {
  const properties = geometry['properties'];
  const code = isRecord(properties) ? properties['code'] : undefined;
  if (typeof code === 'string' && code !== '') return code;
  const id = geometry['id'];
  if (typeof id === 'string' && id !== '') return id;
  if (typeof id === 'number' && Number.isFinite(id)) return String(id);
  return undefined;
}

/**
 * Checks that `value` (e.g. parsed JSON from a user-supplied URL) is a TopoJSON topology usable at `level`:
 * an object of type `Topology` with `arcs`, an `objects.regions` (level `region`) or `objects.departements` (level
 * `departement`) GeometryCollection of polygons, each with a code (`properties.code` or `id`).
 *
 * @returns `{ ok: true, topology }`, or `{ ok: false, reason }` with a sentence suitable for a console warning.
 */
export function validateTopology(value: unknown, level: MapLevel): Check {
  if (!isRecord(value)) return { ok: false, reason: `Expected a TopoJSON object, got ${describe(value)}.` };
  if (value['type'] !== 'Topology') {
    const type = typeof value['type'] === 'string' ? `"${value['type']}"` : 'missing';
    const hint = value['type'] === 'FeatureCollection' ? ' (this looks like GeoJSON; convert it to TopoJSON)' : '';
    return { ok: false, reason: `Not a TopoJSON Topology: type is ${type}${hint}.` };
  }
  if (!Array.isArray(value['arcs'])) return { ok: false, reason: 'Not a TopoJSON Topology: "arcs" is not an array.' };
  const objects = value['objects'];
  if (!isRecord(objects)) return { ok: false, reason: 'Not a TopoJSON Topology: "objects" is missing.' };
  const name = OBJECT_NAME[level];
  const object = objects[name];
  if (object === undefined) {
    const found = Object.keys(objects);
    return {
      ok: false,
      reason: `Missing objects.${name} (needed for level "${level}"); found ${
        found.length ? found.map((k) => `objects.${k}`).join(', ') : 'no objects'
      }.`,
    };
  }
  if (!isRecord(object) || object['type'] !== 'GeometryCollection' || !Array.isArray(object['geometries'])) {
    return { ok: false, reason: `objects.${name} is not a GeometryCollection.` };
  }
  const geometries: unknown[] = object['geometries'];
  if (geometries.length === 0) return { ok: false, reason: `objects.${name} has no geometries.` };
  let missing = 0;
  let firstMissing = -1;
  for (let i = 0; i < geometries.length; i++) {
    const geometry = geometries[i];
    if (!isRecord(geometry)) return { ok: false, reason: `objects.${name}.geometries[${i}] is not an object.` };
    const type = geometry['type'];
    if (type !== 'Polygon' && type !== 'MultiPolygon') {
      return {
        ok: false,
        reason: `objects.${name}.geometries[${i}] is ${
          typeof type === 'string' ? `a ${type}` : 'untyped'
        }, expected Polygon or MultiPolygon.`,
      };
    }
    if (codeOf(geometry) === undefined) {
      missing++;
      if (firstMissing < 0) firstMissing = i;
    }
  }
  if (missing > 0) {
    return {
      ok: false,
      reason:
        `${missing} of ${geometries.length} geometries in objects.${name} have no code (properties.code or id); ` +
        `first at index ${firstMissing}.`,
    };
  }
  return { ok: true, topology: value as unknown as Topology };
}

const featureCache = new WeakMap<Topology, Partial<Record<MapLevel, TerritoryFeature[]>>>();

/**
 * The territories of `level` as GeoJSON features (topojson-client `feature()` of `objects.regions` or
 * `objects.departements`), in topology order, with normalised properties `{code, nom, region?}` (code from
 * `properties.code`, else the geometry `id`; `nom` defaults to the code).
 *
 * Memoised per topology object and level: do not mutate the result.
 * @throws Error with the {@link validateTopology} reason when the topology is unusable.
 */
export function featuresOf(topology: Topology, level: MapLevel): TerritoryFeature[] {
  let byLevel = featureCache.get(topology);
  const cached = byLevel?.[level];
  if (cached) return cached;
  const check = validateTopology(topology, level);
  if (!check.ok) throw new Error(check.reason);
  const object = topology.objects[OBJECT_NAME[level]] as GeometryCollection;
  const collection = feature(topology, object);
  const features: TerritoryFeature[] = collection.features.map((f, i) => {
    const source = object.geometries[i] as unknown as Record<string, unknown>;
    const code = codeOf(source) as string;
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const properties: TerritoryProperties = { code, nom: typeof props['nom'] === 'string' ? props['nom'] : code };
    if (typeof props['region'] === 'string') properties.region = props['region'];
    return { type: 'Feature', id: code, properties, geometry: f.geometry as Polygon | MultiPolygon };
  });
  if (!byLevel) featureCache.set(topology, (byLevel = {}));
  byLevel[level] = features;
  return features;
}

// ---------------------------------------------------------------------------------------------------------------
// Unit projection, once per topology and level

type Box = [[number, number], [number, number]];
type ProjectionKind = 'conic' | 'mercator';

/** Topology arcs projected by one unit projection (only the arcs used, once each). */
interface ProjectedArcs {
  xy: (Float64Array | undefined)[];
  /**
   * [x0, y0, x1, y1, Σz, Σz(xi + xi+1), Σz(yi + yi+1)] of each arc, z = xi·yi+1 − xi+1·yi: bounds, and the sums of
   * the planar area and centroid formulas (a reversed arc negates them).
   */
  info: ([number, number, number, number, number, number, number] | undefined)[];
}

interface Shape {
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

interface Prepared {
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

const preparedCache = new WeakMap<object, Partial<Record<MapLevel, Prepared>>>();

const RADIANS = Math.PI / 180;

/**
 * A unit projection as plain arithmetic: d3's raw conic conformal (or Mercator) formula, the longitude rotation, and
 * the offset that d3's projection wrapper adds for its centre, without d3's per-point pipeline and allocations.
 */
interface FastProjection {
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
function rawInto(p: FastProjection, lambda: number, phi: number, out: Float64Array, at: number): void {
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
function fastProjection(kind: ProjectionKind): FastProjection {
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

/** Calls `segment` for every segment of every ring of a polygon given as topology arc indices. */
function forEachSegment(
  polygon: number[][],
  arcs: ProjectedArcs,
  segment: (ax: number, ay: number, bx: number, by: number) => void
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
function insideAnchor(
  polygon: number[][],
  arcs: ProjectedArcs,
  centroid: [number, number],
  bounds: Box
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

function emptyBox(): Box {
  return [
    [Infinity, Infinity],
    [-Infinity, -Infinity],
  ];
}

function extend(box: Box, other: Box): void {
  box[0][0] = Math.min(box[0][0], other[0][0]);
  box[0][1] = Math.min(box[0][1], other[0][1]);
  box[1][0] = Math.max(box[1][0], other[1][0]);
  box[1][1] = Math.max(box[1][1], other[1][1]);
}

/**
 * Projects the shapes of a level once, in unit projections (scale 1, translate [0, 0]), straight from the topology
 * arcs: each arc is decoded and projected once, so that borders shared by two shapes stay identical after
 * simplification. Points are projected one by one (no adaptive resampling, no clipping: not needed for France).
 */
function prepare(topology: Topology, level: MapLevel): Prepared {
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
function assemble(level: MapLevel, shapes: Shape[], arcs: Record<ProjectionKind, ProjectedArcs>, corner?: number): Prepared {
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
// ---------------------------------------------------------------------------------------------------------------
// Projected geometry: the unit projection done at build time

/** `type` of a {@link ProjectedGeometry}. */
export const PROJECTED_GEOMETRY_TYPE = 'RelanceProjectedGeometry';

/**
 * A level of a topology already projected (what {@link layoutMap} otherwise computes on first use): the files
 * `geo/france-regions.projected.json` and `geo/france-departements.projected.json` that the build writes next to the
 * TopoJSON (`scripts/copy-geo.mjs`) and that the map loads by default. Laying it out needs no trigonometry, no
 * anchor search and no nested arrays: a first map is drawn several times sooner than from the TopoJSON.
 *
 * Coordinates are integers, in units of `precision` of the unit projections (scale 1, translate [0, 0]): the conic
 * conformal projection of the mainland, Mercator for the DROM (each arc is used by one projection only).
 */
export interface ProjectedGeometry {
  type: typeof PROJECTED_GEOMETRY_TYPE;
  version: 1;
  level: MapLevel;
  /** The TopoJSON it was projected from, and its attribution. */
  source?: string;
  /** Size of a coordinate unit, in unit-projection units. */
  precision: number;
  /** Topology arcs used by the level, as `[x0, y0, dx1, dy1, dx2, dy2, …]`; `[]` for an arc the level does not use. */
  arcs: number[][];
  shapes: ProjectedShape[];
  /** Side of the largest empty square anchored at the top-left corner of the mainland bounds (coordinate units). */
  cornerSide: number;
}

/** One territory of a {@link ProjectedGeometry}. */
export interface ProjectedShape {
  code: string;
  nom: string;
  region?: string;
  /** Drawn in an inset, in the Mercator projection. */
  drom?: true;
  /** Polygons → rings → arc indices (negative: reversed, `~i`), as in TopoJSON. */
  arcs: number[][][];
  /** `[x0, y0, x1, y1]`, coordinate units. */
  bounds: [number, number, number, number];
  /** Area, unit-projection units². */
  area: number;
  /** Label anchor inside the shape, coordinate units. */
  anchor: [number, number];
}

/** Geometry accepted by {@link layoutMap}: a TopoJSON topology, or a level of it projected at build time. */
export type MapGeometry = Topology | ProjectedGeometry;

/**
 * Default precision of {@link projectGeometry}: 10⁻⁵, a little finer than the shared TopoJSON's own grid (about
 * 1.3 × 10⁻⁵ in these units). Layouts differ from the TopoJSON's by at most 0.2 px, and the file is no larger.
 */
export const PROJECTED_PRECISION = 1e-5;

/** True for an object that says it is a {@link ProjectedGeometry} (not validated). */
export function isProjectedGeometry(value: unknown): value is ProjectedGeometry {
  return isRecord(value) && value['type'] === PROJECTED_GEOMETRY_TYPE;
}

/**
 * Projects a level of `topology` as {@link layoutMap} does on first use, for a file written at build time (JSON).
 * @throws Error when the topology is unusable (see {@link validateTopology}), or when an arc is shared by the
 * mainland and a DROM.
 */
export function projectGeometry(topology: Topology, level: MapLevel, precision = PROJECTED_PRECISION): ProjectedGeometry {
  const prepared = prepare(topology, level);
  const q = (v: number): number => Math.round(v / precision);
  const arcs: number[][] = topology.arcs.map((_, index) => {
    const conic = prepared.arcs.conic.xy[index];
    const mercator = prepared.arcs.mercator.xy[index];
    if (conic && mercator) throw new Error(`projectGeometry: arc ${index} is shared by the mainland and a DROM`);
    const xy = conic ?? mercator;
    if (!xy) return [];
    const out: number[] = [];
    let px = 0;
    let py = 0;
    for (let i = 0; i < xy.length; i += 2) {
      const x = q(xy[i]!);
      const y = q(xy[i + 1]!);
      out.push(x - px, y - py);
      px = x;
      py = y;
    }
    return out;
  });
  const shapes = prepared.shapes.map((shape): ProjectedShape => {
    const out: ProjectedShape = { code: shape.code, nom: shape.nom, arcs: shape.arcs, bounds: [0, 0, 0, 0], area: 0, anchor: [0, 0] };
    if (shape.region !== undefined) out.region = shape.region;
    if (shape.group === 'drom') out.drom = true;
    const [[x0, y0], [x1, y1]] = shape.bounds;
    out.bounds = [q(x0), q(y0), q(x1), q(y1)];
    out.area = Number(shape.area.toPrecision(6));
    out.anchor = [q(shape.anchor[0]), q(shape.anchor[1])];
    return out;
  });
  return { type: PROJECTED_GEOMETRY_TYPE, version: 1, level, precision, arcs, shapes, cornerSide: q(prepared.cornerSide) };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumbers = (v: unknown, length: number): v is number[] => Array.isArray(v) && v.length === length && v.every(isNumber);

/** Decodes a projected geometry into the layout's unit coordinates; throws an Error saying what is wrong. */
function decodeProjected(value: ProjectedGeometry, level: MapLevel): Prepared {
  if (value.version !== 1) throw new Error(`Unsupported projected geometry version ${String(value.version)}.`);
  if (value.level !== level) throw new Error(`This projected geometry is for level "${String(value.level)}", not "${level}".`);
  const p = value.precision;
  if (!isNumber(p) || p <= 0) throw new Error('Projected geometry: "precision" is not a positive number.');
  if (!Array.isArray(value.arcs) || !Array.isArray(value.shapes) || value.shapes.length === 0) {
    throw new Error('Projected geometry: "arcs" or "shapes" is missing or empty.');
  }
  const xy: (Float64Array | undefined)[] = value.arcs.map((arc, index) => {
    if (!Array.isArray(arc) || arc.length % 2) throw new Error(`Projected geometry: arc ${index} is not a list of x, y pairs.`);
    if (arc.length === 0) return undefined;
    const out = new Float64Array(arc.length);
    let x = 0;
    let y = 0;
    for (let i = 0; i < arc.length; i += 2) {
      x += arc[i]!;
      y += arc[i + 1]!;
      out[i] = x * p;
      out[i + 1] = y * p;
    }
    if (!Number.isFinite(x + y)) throw new Error(`Projected geometry: arc ${index} has a value that is not a number.`);
    return out;
  });
  const projected: ProjectedArcs = { xy, info: [] };
  const shapes = value.shapes.map((s, i): Shape => {
    const polygons = isRecord(s) && Array.isArray(s.arcs) ? s.arcs : undefined;
    const usable =
      polygons &&
      polygons.length > 0 &&
      polygons.every((polygon) => Array.isArray(polygon) && polygon.every((ring) => Array.isArray(ring) && ring.every((a) => Number.isInteger(a) && xy[a < 0 ? ~a : a])));
    if (typeof s?.code !== 'string' || !s.code || !usable || !isNumbers(s.bounds, 4) || !isNumbers(s.anchor, 2) || !isNumber(s.area)) {
      throw new Error(`Projected geometry: shape ${i} is incomplete (code, arcs, bounds, anchor, area).`);
    }
    const shape: Shape = {
      code: s.code,
      nom: typeof s.nom === 'string' ? s.nom : s.code,
      group: s.drom ? 'drom' : 'mainland',
      kind: s.drom ? 'mercator' : 'conic',
      arcs: s.arcs,
      bounds: [
        [s.bounds[0] * p, s.bounds[1] * p],
        [s.bounds[2] * p, s.bounds[3] * p],
      ],
      area: s.area,
      anchor: [s.anchor[0] * p, s.anchor[1] * p],
    };
    if (typeof s.region === 'string') shape.region = s.region;
    return shape;
  });
  // One set of arcs for both projections: each arc belongs to the shapes of one projection only.
  return assemble(level, shapes, { conic: projected, mercator: projected }, isNumber(value.cornerSide) ? value.cornerSide * p : undefined);
}

/** The unit projection of a level of a geometry, computed (or decoded) once per geometry object and level. */
function preparedOf(geometry: MapGeometry, level: MapLevel): Prepared {
  if (!isProjectedGeometry(geometry)) return prepare(geometry, level);
  let byLevel = preparedCache.get(geometry);
  const cached = byLevel?.[level];
  if (cached) return cached;
  const prepared = decodeProjected(geometry, level);
  if (!byLevel) preparedCache.set(geometry, (byLevel = {}));
  byLevel[level] = prepared;
  return prepared;
}

/**
 * Checks that `value` is a geometry usable at `level`: a TopoJSON topology (see {@link validateTopology}) or a
 * {@link ProjectedGeometry} of that level (decoded once here, so that the layout does not do it again).
 */
export function validateGeometry(value: unknown, level: MapLevel): { ok: true; geometry: MapGeometry } | { ok: false; reason: string } {
  if (!isProjectedGeometry(value)) {
    const check = validateTopology(value, level);
    return check.ok ? { ok: true, geometry: check.topology } : check;
  }
  try {
    preparedOf(value, level);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  return { ok: true, geometry: value };
}

// ---------------------------------------------------------------------------------------------------------------
// Layout

interface Transform {
  k: number;
  tx: number;
  ty: number;
}

/** Same result as d3's `projection.fitExtent(extent, object)` for the unit projection, from the unit bounds. */
function fit(bounds: Box, x0: number, y0: number, x1: number, y1: number): Transform {
  const w = bounds[1][0] - bounds[0][0];
  const h = bounds[1][1] - bounds[0][1];
  const k = Math.min((x1 - x0) / (w || 1), (y1 - y0) / (h || 1));
  return {
    k,
    tx: (x0 + x1) / 2 - (k * (bounds[0][0] + bounds[1][0])) / 2,
    ty: (y0 + y1) / 2 - (k * (bounds[0][1] + bounds[1][1])) / 2,
  };
}

const round1 = (v: number): number => Math.round(v * 10) / 10;

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
function pathOf(
  shape: Shape,
  arcs: ProjectedArcs,
  { k, tx, ty }: Transform,
  minArea: number,
  masks: (Uint8Array | undefined)[]
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
            const dx = ddx >= -SMALL_DELTA && ddx <= SMALL_DELTA ? texts.x[ddx + SMALL_DELTA]! : `${ddx < 0 ? '' : ' '}${tenths(ddx)}`;
            const dy = ddy >= -SMALL_DELTA && ddy <= SMALL_DELTA ? texts.y[ddy + SMALL_DELTA]! : `${ddy < 0 ? '' : ','}${tenths(ddy)}`;
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

function wrap(label: string, maxWidth: number, width: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && width(`${line} ${word}`) > maxWidth) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

interface InsetSpec {
  id: string;
  code: string;
  label: string;
  /** Shapes (indices into prepared.shapes) and the unit bounds to fit. */
  members: number[];
  bounds: Box;
  projection: 'conicConformal' | 'mercator';
}

interface PlacedInset {
  spec: InsetSpec;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

/**
 * Lays out the map of `level` for a given pixel `width` (designed for 280 to 1200 px; the height follows).
 *
 * - Mainland and Corse: `geoConicConformal().parallels([44, 49]).rotate([-3, 0])` fitted into the mainland box.
 * - Each DROM in its own labelled frame, with its own `geoMercator()` fitted inside (padding 3 px, label above).
 *   From {@link COLUMN_BREAKPOINT} px, a column of five frames left of the mainland; below it, one row of frames
 *   under the mainland, or two rows (3 + 2, or 3 + 3 with the Paris zoom) when a row would make frames narrower
 *   than 80 px or a label longer than two lines. DROM shapes stay ≥ 40 px in both dimensions from 280 px up.
 * - Département level: a zoom of 75, 92, 93 and 94, labelled « Paris et petite couronne », in the empty top-left
 *   corner of the mainland (English Channel) in the column arrangement, or as the last frame of the rows.
 *
 * The first call for a topology and level projects every shape (memoised); later calls, at any width, only scale.
 * A {@link ProjectedGeometry} (projected at build time) skips that projection.
 * @throws Error when the topology is unusable (see {@link validateTopology}); RangeError for a width ≤ 0.
 */
export function layoutMap(
  geometry: MapGeometry,
  level: MapLevel,
  width: number,
  options: MapLayoutOptions = {}
): MapLayout {
  const simplify = options.simplify ?? DEFAULT_SIMPLIFY;
  if (!(width > 0) || !Number.isFinite(width))
    throw new RangeError(`layoutMap: width must be a positive number, got ${width}`);
  const prepared = preparedOf(geometry, level);
  const { shapes, mainlandBounds } = prepared;
  const W = width;
  if (options.focus) {
    const members = shapes.flatMap((sh, i) => ((level === 'departement' ? sh.region : sh.code) === options.focus ? [i] : []));
    if (members.length > 0) return layoutFocus(prepared, level, W, members, simplify);
  }
  const fontSize = INSET_FONT_SIZE;
  const lineHeight = Math.round(fontSize * 1.25);
  const textWidth = options.textWidth ?? ((text: string) => text.length * fontSize * CHAR_EM);
  // Room for a line: the frame less its padding, and 1 px for the label's offset.
  const wrapIn = (label: string, frameWidth: number) => wrap(label, frameWidth - 2 * PAD - 1, textWidth);
  const labelBlock = (lines: number) => PAD + lines * lineHeight;

  const dromSpecs: InsetSpec[] = prepared.drom.map((i) => {
    const s = shapes[i]!;
    return { id: `drom-${s.code}`, code: s.code, label: s.nom, members: [i], bounds: s.bounds, projection: 'mercator' };
  });
  const parisSpec: InsetSpec | null = prepared.parisBounds
    ? {
        id: 'paris',
        code: '75',
        label: options.parisLabel ?? PARIS_INSET_LABEL,
        members: prepared.paris,
        bounds: prepared.parisBounds,
        projection: 'conicConformal',
      }
    : null;

  const mw0 = mainlandBounds[1][0] - mainlandBounds[0][0];
  const mh0 = mainlandBounds[1][1] - mainlandBounds[0][1];
  const aspect = mh0 / (mw0 || 1);
  const placed: PlacedInset[] = [];
  let arrangement: MapLayout['arrangement'];
  let mainland: MapLayout['mainland'];
  let height: number;

  if (W >= COLUMN_BREAKPOINT) {
    arrangement = 'column';
    const colW = Math.round(Math.min(160, Math.max(88, W * 0.16)));
    const mx = MARGIN + colW + GAP;
    const mwPx = W - MARGIN - mx;
    const mhPx = mwPx * aspect;
    mainland = { x: mx, y: MARGIN, width: mwPx, height: mhPx };
    height = Math.ceil(mhPx + 2 * MARGIN);
    const n = dromSpecs.length;
    if (n) {
      const lines = dromSpecs.map((s) => wrapIn(s.label, colW));
      const maxLines = Math.max(...lines.map((l) => l.length));
      const cap = labelBlock(maxLines) + PAD * 2 + (colW - 2 * PAD) * 1.1;
      const boxH = Math.floor(Math.min((mhPx - (n - 1) * GAP) / n, cap));
      let y = MARGIN + (mhPx - (n * boxH + (n - 1) * GAP)) / 2;
      dromSpecs.forEach((spec, i) => {
        placed.push({ spec, x: MARGIN, y: Math.round(y), width: colW, height: boxH, lines: lines[i]! });
        y += boxH + GAP;
      });
    }
    if (parisSpec) {
      const side = Math.floor((prepared.cornerSide / (mw0 || 1)) * mwPx - GAP / 2);
      placed.push({
        spec: parisSpec,
        x: mx,
        y: MARGIN,
        width: side,
        height: side,
        lines: wrapIn(parisSpec.label, side),
      });
    }
  } else {
    arrangement = 'rows';
    const mwPx = W - 2 * MARGIN;
    const mhPx = mwPx * aspect;
    mainland = { x: MARGIN, y: MARGIN, width: mwPx, height: mhPx };
    const specs = parisSpec ? [...dromSpecs, parisSpec] : dromSpecs;
    const n = specs.length;
    let bottom = MARGIN + mhPx;
    if (n) {
      const inner = W - 2 * MARGIN;
      const oneRow = Math.floor((inner - (n - 1) * GAP) / n);
      const fitsOneRow =
        oneRow >= MIN_ROW_BOX_WIDTH && specs.every((s) => wrapIn(s.label, oneRow).length <= 2);
      const cols = fitsOneRow ? n : Math.ceil(n / 2);
      const boxW = Math.floor((inner - (cols - 1) * GAP) / cols);
      const shapeH = Math.round(Math.max(MIN_SHAPE_HEIGHT, Math.min((boxW - 2 * PAD) * 0.8, 0.16 * mwPx)));
      let y = bottom + GAP;
      for (let start = 0; start < n; start += cols) {
        const row = specs.slice(start, start + cols);
        const lines = row.map((s) => wrapIn(s.label, boxW));
        const boxH = labelBlock(Math.max(...lines.map((l) => l.length))) + shapeH + 2 * PAD;
        const rowW = row.length * boxW + (row.length - 1) * GAP;
        let x = MARGIN + Math.floor((inner - rowW) / 2);
        row.forEach((spec, i) => {
          placed.push({ spec, x, y: Math.round(y), width: boxW, height: boxH, lines: lines[i]! });
          x += boxW + GAP;
        });
        y += boxH + GAP;
        bottom = y - GAP;
      }
    }
    height = Math.ceil(bottom + MARGIN);
  }

  // Projections and transforms.
  const mainT = fit(mainlandBounds, mainland.x, mainland.y, mainland.x + mainland.width, mainland.y + mainland.height);
  const projections: MapProjection[] = [conicParams('mainland', mainT)];
  const insetT = new Map<string, Transform>();
  const insets: MapInset[] = placed.map(({ spec, x, y, width: w, height: h, lines }) => {
    const top = y + labelBlock(lines.length) + PAD;
    const t = fit(spec.bounds, x + PAD, top, x + w - PAD, y + h - PAD);
    insetT.set(spec.id, t);
    projections.push(
      spec.projection === 'mercator'
        ? { id: spec.id, type: 'mercator', scale: t.k, translate: [t.tx, t.ty] }
        : conicParams(spec.id, t)
    );
    return {
      id: spec.id,
      code: spec.code,
      codes: spec.members.map((i) => shapes[i]!.code),
      label: spec.label,
      labelLines: lines,
      labelX: x + PAD + 1,
      labelY: y + PAD + fontSize,
      fontSize,
      lineHeight,
      x,
      y,
      width: w,
      height: h,
    };
  });

  const features: MapFeature[] = [];
  const maskCache = new Map<Transform, (Uint8Array | undefined)[]>();
  const emit = (shape: Shape, t: Transform, group: MapGroup, inset?: string) =>
    features.push(featureOf(prepared, shape, t, group, simplify, maskCache, inset));
  for (const shape of shapes) {
    if (shape.group === 'mainland') emit(shape, mainT, 'mainland');
    else {
      const id = `drom-${shape.code}`;
      emit(shape, insetT.get(id)!, 'drom', id);
    }
  }
  const parisT = insetT.get('paris');
  if (parisT) for (const i of prepared.paris) emit(shapes[i]!, parisT, 'paris', 'paris');

  return withNeighbours({ level, width: W, height, arrangement, mainland, features, insets, projections });
}

/** The layout with its keyboard neighbours, computed on first read (see {@link MapLayout.neighbours}). */
function withNeighbours(layout: Omit<MapLayout, 'neighbours'>): MapLayout {
  let neighbours: MapNeighbours[] | undefined;
  return Object.defineProperty(layout, 'neighbours', {
    enumerable: true,
    get: () => (neighbours ??= computeNeighbours(layout.features.map((f) => f.centroid))),
  }) as MapLayout;
}

/** One shape projected with `t` into a feature (path, anchor, area, bounds). */
function featureOf(
  prepared: Prepared,
  shape: Shape,
  t: Transform,
  group: MapGroup,
  simplify: number,
  maskCache: Map<Transform, (Uint8Array | undefined)[]>,
  inset?: string
): MapFeature {
  let masks = maskCache.get(t);
  if (!masks) maskCache.set(t, (masks = []));
  const b = shape.bounds;
  const f: MapFeature = {
    id: group === 'paris' ? `paris:${shape.code}` : shape.code,
    code: shape.code,
    nom: shape.nom,
    d: pathOf(shape, prepared.arcs[shape.kind], t, simplify / (t.k * t.k), masks),
    centroid: [round1(t.k * shape.anchor[0] + t.tx), round1(t.k * shape.anchor[1] + t.ty)],
    area: round1(shape.area * t.k * t.k),
    group,
    bounds: [
      [Math.floor((t.k * b[0][0] + t.tx) * 10) / 10, Math.floor((t.k * b[0][1] + t.ty) * 10) / 10],
      [Math.ceil((t.k * b[1][0] + t.tx) * 10) / 10, Math.ceil((t.k * b[1][1] + t.ty) * 10) / 10],
    ],
  };
  if (shape.region !== undefined) f.region = shape.region;
  if (inset !== undefined) f.inset = inset;
  return f;
}

/**
 * One région alone (`options.focus`): its shapes fitted to the width, height from their aspect
 * (at most 1.2 × the width), no insets. Overseas régions keep their Mercator projection.
 */
function layoutFocus(prepared: Prepared, level: MapLevel, W: number, members: readonly number[], simplify: number): MapLayout {
  const shapes = members.map((i) => prepared.shapes[i]!);
  const bounds = emptyBox();
  for (const sh of shapes) extend(bounds, sh.bounds);
  const w0 = bounds[1][0] - bounds[0][0];
  const h0 = bounds[1][1] - bounds[0][1];
  const mw = W - 2 * MARGIN;
  const mh = Math.min(mw * (h0 / (w0 || 1)), mw * 1.2);
  const height = Math.ceil(mh + 2 * MARGIN);
  const t = fit(bounds, MARGIN, MARGIN, MARGIN + mw, MARGIN + mh);
  const maskCache = new Map<Transform, (Uint8Array | undefined)[]>();
  const features = shapes.map((sh) => featureOf(prepared, sh, t, sh.group === 'drom' ? 'drom' : 'mainland', simplify, maskCache));
  const mercator = shapes[0]!.kind === 'mercator';
  return withNeighbours({
    level,
    width: W,
    height,
    arrangement: 'rows',
    mainland: { x: MARGIN, y: MARGIN, width: mw, height: mh },
    features,
    insets: [],
    projections: [mercator ? { id: 'mainland', type: 'mercator', scale: t.k, translate: [t.tx, t.ty] } : conicParams('mainland', t)],
  });
}

function conicParams(id: string, t: Transform): MapProjection {
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

// ---------------------------------------------------------------------------------------------------------------
// Keyboard neighbours

const DIRECTIONS = [
  ['up', 0, -1],
  ['down', 0, 1],
  ['left', -1, 0],
  ['right', 1, 0],
] as const;
type Direction = (typeof DIRECTIONS)[number][0];

/**
 * Cost of moving from a to b in direction (ux, uy): the distance times (1 + 2 × tan(deviation)), Infinity when b is
 * not ahead or deviates more than atan(maxTan) from the direction.
 */
function cost(
  a: readonly [number, number],
  b: readonly [number, number],
  ux: number,
  uy: number,
  maxTan: number
): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const along = dx * ux + dy * uy;
  if (!(along > 0)) return Infinity;
  const across = Math.abs(dx * uy - dy * ux);
  if (across > along * maxTan) return Infinity;
  return Math.sqrt(dx * dx + dy * dy) * (1 + (2 * across) / along);
}

/** Strongly connected components (iterative Tarjan); returns the component id of each node. */
function components(graph: MapNeighbours[]): { ids: number[]; count: number } {
  const n = graph.length;
  const index = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const onStack = new Array<boolean>(n).fill(false);
  const ids = new Array<number>(n).fill(-1);
  const stack: number[] = [];
  let counter = 0;
  let count = 0;
  const out = (v: number) => [graph[v]!.up, graph[v]!.down, graph[v]!.left, graph[v]!.right].filter((w) => w >= 0);
  for (let root = 0; root < n; root++) {
    if (index[root]! >= 0) continue;
    const work: { v: number; edges: number[]; next: number }[] = [{ v: root, edges: out(root), next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = true;
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.edges.length) {
        const w = frame.edges[frame.next++]!;
        if (index[w]! < 0) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = true;
          work.push({ v: w, edges: out(w), next: 0 });
        } else if (onStack[w]) low[frame.v] = Math.min(low[frame.v]!, index[w]!);
      } else {
        work.pop();
        const v = frame.v;
        if (work.length) low[work[work.length - 1]!.v] = Math.min(low[work[work.length - 1]!.v]!, low[v]!);
        if (low[v] === index[v]) {
          let w: number;
          do {
            w = stack.pop()!;
            onStack[w] = false;
            ids[w] = count;
          } while (w !== v);
          count++;
        }
      }
    }
  }
  return { ids, count };
}

/**
 * Keyboard neighbours of points (e.g. feature centroids, in pixels, y down): for each point and each arrow
 * direction, the point with the lowest cost among those in the 90° cone around that direction, the cost being the
 * distance times (1 + 2 × tangent of the angular deviation); -1 when the cone is empty.
 *
 * The graph is then made strongly connected (every point reachable from every other) when it is not: edges from one
 * component to another are added, into empty slots first, else replacing an edge, each time choosing the cheapest
 * change that merges components, with the target in the half-plane of the direction (so "right" always goes right).
 */
export function computeNeighbours(points: readonly (readonly [number, number])[]): MapNeighbours[] {
  const n = points.length;
  const graph: MapNeighbours[] = points.map(() => ({ up: -1, down: -1, left: -1, right: -1 }));
  const best = new Float64Array(4 * n).fill(Infinity);
  // Order of the slots in `best`: up, down, left, right.
  const offer = (from: number, slot: number, dir: Direction, to: number, c: number) => {
    if (c < best[4 * from + slot]!) {
      best[4 * from + slot] = c;
      graph[from]![dir] = to;
    }
  };
  // Each pair once: j lies in one cone of i (two at exactly 45°) and i in the opposite cone of j, at the same cost.
  // Candidates reach each point in increasing index order, so ties go to the lowest index.
  for (let i = 0; i < n; i++) {
    const [xi, yi] = points[i]!;
    for (let j = i + 1; j < n; j++) {
      const dx = points[j]![0] - xi;
      const dy = points[j]![1] - yi;
      const adx = Math.abs(dx);
      const ady = Math.abs(dy);
      if (adx === 0 && ady === 0) continue;
      const distance = Math.sqrt(dx * dx + dy * dy);
      if (adx >= ady) {
        const c = distance * (1 + (2 * ady) / adx);
        if (dx > 0) offer(i, 3, 'right', j, c), offer(j, 2, 'left', i, c);
        else offer(i, 2, 'left', j, c), offer(j, 3, 'right', i, c);
      }
      if (ady >= adx) {
        const c = distance * (1 + (2 * adx) / ady);
        if (dy > 0) offer(i, 1, 'down', j, c), offer(j, 0, 'up', i, c);
        else offer(i, 0, 'up', j, c), offer(j, 1, 'down', i, c);
      }
    }
  }

  let { ids, count } = components(graph);
  for (let guard = 0; count > 1 && guard < 4 * n; guard++) {
    // Candidate edges between components, cheapest first, empty slots before replacements.
    const candidates: { from: number; to: number; dir: Direction; cost: number; free: boolean }[] = [];
    for (let i = 0; i < n; i++) {
      for (const [dir, ux, uy] of DIRECTIONS) {
        for (let j = 0; j < n; j++) {
          if (ids[i] === ids[j]) continue;
          const c = cost(points[i]!, points[j]!, ux, uy, Infinity);
          if (c < Infinity) candidates.push({ from: i, to: j, dir, cost: c, free: graph[i]![dir] < 0 });
        }
      }
    }
    candidates.sort((a, b) => Number(b.free) - Number(a.free) || a.cost - b.cost);
    let merged = false;
    for (const c of candidates) {
      const previous = graph[c.from]![c.dir];
      graph[c.from]![c.dir] = c.to;
      const next = components(graph);
      if (next.count < count) {
        ({ ids, count } = next);
        merged = true;
        break;
      }
      graph[c.from]![c.dir] = previous;
    }
    if (!merged) break;
  }
  return graph;
}
