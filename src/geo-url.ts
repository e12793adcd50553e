/**
 * Where the map geometry is found by default: the `geo/` folder next to this module.
 *
 * This file sits at the root of `src/` so that the URL resolves to `dist/geo/…` in the npm build, to `cdn/geo/…` next
 * to the CDN bundle (both builds write the geometry there, see `scripts/copy-geo.mjs`), and to `/src/geo/…` in the
 * tests and the Vite dev server, whose middleware serves any `…/geo/<file>` from data/geo/.
 *
 * The default files are the TopoJSON levels already projected at build time (`ProjectedGeometry`): a first map is
 * drawn much sooner than from the TopoJSON, which stays next to them (and is accepted by `geometry="…"`).
 *
 * The module URL is kept in a variable on purpose: a literal `new URL('…', import.meta.url)` would make Vite bundle
 * the file as an asset, while the geometry must stay a separate, lazily loaded file.
 */
import type { MapLevel } from './layout/map-layout.js';

/** Geometry file of each level, projected at build time from `france-regions.topo.json` and `france-departements.topo.json`. */
export const GEOMETRY_FILES: Readonly<Record<MapLevel, string>> = {
  region: 'france-regions.projected.json',
  departement: 'france-departements.projected.json',
};

const base = import.meta.url;

/** Absolute URL of the default geometry of a level, resolved against this module's URL. */
export function defaultGeometryUrl(level: MapLevel): string {
  return new URL(`geo/${GEOMETRY_FILES[level]}`, base).href;
}
