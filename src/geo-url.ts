/**
 * Where the map geometry is found by default: the `geo/` folder next to this module.
 *
 * This file sits at the root of `src/` so that the URL resolves to `dist/geo/…` in the npm build, to `cdn/geo/…` next
 * to the CDN bundle (both builds copy the TopoJSON there, see `scripts/copy-geo.mjs`), and to `/src/geo/…` in the
 * tests and the Vite dev server, whose middleware serves any `…/geo/<file>` from the shared geometry.
 *
 * The module URL is kept in a variable on purpose: a literal `new URL('…', import.meta.url)` would make Vite bundle
 * the file as an asset, while the geometry must stay a separate, lazily loaded file.
 */
import type { MapLevel } from './layout/map-layout.js';

/** Geometry file of each level (TopoJSON; the département file also holds the régions). */
export const GEOMETRY_FILES: Readonly<Record<MapLevel, string>> = {
  region: 'france-regions.topo.json',
  departement: 'france-departements.topo.json',
};

const base = import.meta.url;

/** Absolute URL of the default geometry of a level, resolved against this module's URL. */
export function defaultGeometryUrl(level: MapLevel): string {
  return new URL(`geo/${GEOMETRY_FILES[level]}`, base).href;
}
