/**
 * Projected geometry: the unit projection done at build time (`scripts/copy-geo.mjs` writes it next to the TopoJSON),
 * its validation, and the one entry the layout uses for either kind of geometry ({@link preparedOf}).
 */
import type { Topology } from 'topojson-specification';
import type { ProjectedArcs } from './planar.js';
import type { Prepared, Shape } from './prepare.js';
import { assemble, prepare, preparedCache } from './prepare.js';
import type { MapLevel } from './types.js';
import { isRecord } from '../../model/values.js';
import { validateTopology } from './validate.js';

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
export function projectGeometry(
  topology: Topology,
  level: MapLevel,
  precision = PROJECTED_PRECISION,
): ProjectedGeometry {
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
    const out: ProjectedShape = {
      code: shape.code,
      nom: shape.nom,
      arcs: shape.arcs,
      bounds: [0, 0, 0, 0],
      area: 0,
      anchor: [0, 0],
    };
    if (shape.region !== undefined) out.region = shape.region;
    if (shape.group === 'drom') out.drom = true;
    const [[x0, y0], [x1, y1]] = shape.bounds;
    out.bounds = [q(x0), q(y0), q(x1), q(y1)];
    out.area = Number(shape.area.toPrecision(6));
    out.anchor = [q(shape.anchor[0]), q(shape.anchor[1])];
    return out;
  });
  return {
    type: PROJECTED_GEOMETRY_TYPE,
    version: 1,
    level,
    precision,
    arcs,
    shapes,
    cornerSide: q(prepared.cornerSide),
  };
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumbers = (v: unknown, length: number): v is number[] =>
  Array.isArray(v) && v.length === length && v.every(isNumber);

/** Decodes a projected geometry into the layout's unit coordinates; throws an Error saying what is wrong. */
function decodeProjected(value: ProjectedGeometry, level: MapLevel): Prepared {
  if (value.version !== 1) throw new Error(`Unsupported projected geometry version ${String(value.version)}.`);
  if (value.level !== level)
    throw new Error(`This projected geometry is for level "${String(value.level)}", not "${level}".`);
  const p = value.precision;
  if (!isNumber(p) || p <= 0) throw new Error('Projected geometry: "precision" is not a positive number.');
  if (!Array.isArray(value.arcs) || !Array.isArray(value.shapes) || value.shapes.length === 0) {
    throw new Error('Projected geometry: "arcs" or "shapes" is missing or empty.');
  }
  const xy: (Float64Array | undefined)[] = value.arcs.map((arc, index) => {
    if (!Array.isArray(arc) || arc.length % 2)
      throw new Error(`Projected geometry: arc ${index} is not a list of x, y pairs.`);
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
      polygons.every(
        (polygon) =>
          Array.isArray(polygon) &&
          polygon.every((ring) => Array.isArray(ring) && ring.every((a) => Number.isInteger(a) && xy[a < 0 ? ~a : a])),
      );
    if (
      typeof s?.code !== 'string' ||
      !s.code ||
      !usable ||
      !isNumbers(s.bounds, 4) ||
      !isNumbers(s.anchor, 2) ||
      !isNumber(s.area)
    ) {
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
  return assemble(
    level,
    shapes,
    { conic: projected, mercator: projected },
    isNumber(value.cornerSide) ? value.cornerSide * p : undefined,
  );
}

/** The unit projection of a level of a geometry, computed (or decoded) once per geometry object and level. */
export function preparedOf(geometry: MapGeometry, level: MapLevel): Prepared {
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
export function validateGeometry(
  value: unknown,
  level: MapLevel,
): { ok: true; geometry: MapGeometry } | { ok: false; reason: string } {
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
