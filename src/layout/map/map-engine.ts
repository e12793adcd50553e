/**
 * The map's geometry code: what turns a geometry into a drawing (checking it, projecting and laying it out, the
 * keyboard graph). The map imports this module on demand, with its geometry (src/controllers/geometry.ts): a page
 * without a map never downloads it, and a page with one fetches it alongside the geometry file, which the map waits
 * for anyway. Everything the map needs before its geometry (types, constants, label widths, the symbols' sizes) is
 * in the modules the widget imports itself.
 */
export { layoutMap } from './layout.js';
export { keyboardNeighbours } from './neighbours.js';
export { validateGeometry } from './projected-geometry.js';
