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
 *
 * This module gathers the public functions and types of the layout, written in src/layout/map/ by concern:
 * `types` (features, insets, layout), `validate` and `features` (TopoJSON in), `projection` (the projections, as
 * arithmetic and as d3 parameters), `planar` (boxes, anchors inside shapes), `prepare` (the unit projection of a level,
 * once per topology), `projected-geometry` (the same done at build time), `path` (SVG paths), `labels` and `insets`
 * (where the parts go), `layout` ({@link layoutMap}), `neighbours` (keyboard graph) and `symbols`.
 */
export type {
  MapFeature,
  MapGroup,
  MapInset,
  MapLayout,
  MapLayoutOptions,
  MapLevel,
  MapNeighbours,
  MapProjection,
  TerritoryFeature,
  TerritoryProperties,
  Topology,
} from './map/types.js';
export {
  COLUMN_BREAKPOINT,
  DEFAULT_SIMPLIFY,
  DROM_CODES,
  MAX_WIDTH,
  MIN_WIDTH,
  PARIS_CODES,
  PARIS_INSET_LABEL,
} from './map/types.js';
export { INSET_FONT_SIZE } from './map/labels.js';
export { validateTopology } from './map/validate.js';
export { featuresOf } from './map/features.js';
export { projectionOf } from './map/projection.js';
export type { MapGeometry, ProjectedGeometry, ProjectedShape } from './map/projected-geometry.js';
export {
  isProjectedGeometry,
  PROJECTED_GEOMETRY_TYPE,
  PROJECTED_PRECISION,
  projectGeometry,
  validateGeometry,
} from './map/projected-geometry.js';
export { layoutMap } from './map/layout.js';
export { computeNeighbours, keyboardNeighbours } from './map/neighbours.js';
