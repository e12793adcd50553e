/**
 * Types and constants of the map layout (`layoutMap`): the territorial levels, the features, insets and projections a
 * layout is made of, and the codes of the overseas régions and of the Paris zoom.
 */
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
