/**
 * france-relance-widgets: classes, types and pure helpers. Importing this module registers no
 * element: import `france-relance-widgets/all.js` (every widget) or one
 * `france-relance-widgets/relance-<name>.js` entry for that.
 */
export * from './api.js';
// The map's layout functions: the map itself imports them on demand, with its geometry (src/layout/map/map-engine.ts).
export {
  PROJECTED_GEOMETRY_TYPE,
  computeNeighbours,
  isProjectedGeometry,
  keyboardNeighbours,
  layoutMap,
  projectGeometry,
  validateGeometry,
  validateTopology,
} from './layout/map-layout.js';
