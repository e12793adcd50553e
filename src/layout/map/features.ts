/** The territories of a topology as GeoJSON features (for other uses than the map's own layout). */
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon } from 'geojson';
import type { MapLevel, TerritoryFeature, TerritoryProperties } from './types.js';
import { codeOf, OBJECT_NAME, validateTopology } from './validate.js';

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
