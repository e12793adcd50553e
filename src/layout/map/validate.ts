/** Checks that a value (e.g. parsed JSON from a user-supplied URL) is a TopoJSON topology the map can use. */
import type { Topology } from 'topojson-specification';
import { isRecord } from '../../model/values.js';
import type { MapLevel } from './types.js';

/** Name of the TopoJSON object of each level. */
export const OBJECT_NAME: Record<MapLevel, 'regions' | 'departements'> = {
  region: 'regions',
  departement: 'departements',
};

export type Check = { ok: true; topology: Topology } | { ok: false; reason: string };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function codeOf(geometry: Record<string, unknown>): string | undefined {
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
