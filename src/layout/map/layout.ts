/**
 * The map layout: a geometry level (TopoJSON, or projected at build time) and a width in, pixel paths, anchors, inset
 * frames and the projections used out (see {@link layoutMap}).
 */
import { pathOf } from './path.js';
import { round1 } from './round.js';
import { estimateTextWidth, INSET_FONT_SIZE } from './labels.js';
import { arrangeInsets, labelBlock, LINE_HEIGHT, MARGIN, PAD } from './insets.js';
import { computeNeighbours } from './neighbours.js';
import { emptyBox, extend } from './planar.js';
import type { Prepared, Shape } from './prepare.js';
import type { MapGeometry } from './projected-geometry.js';
import { preparedOf } from './projected-geometry.js';
import type { Transform } from './projection.js';
import { conicParams, fit } from './projection.js';
import type {
  MapFeature,
  MapGroup,
  MapInset,
  MapLayout,
  MapLayoutOptions,
  MapLevel,
  MapNeighbours,
  MapProjection,
} from './types.js';
import { DEFAULT_SIMPLIFY } from './types.js';

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
  options: MapLayoutOptions = {},
): MapLayout {
  const simplify = options.simplify ?? DEFAULT_SIMPLIFY;
  if (!(width > 0) || !Number.isFinite(width))
    throw new RangeError(`layoutMap: width must be a positive number, got ${width}`);
  const prepared = preparedOf(geometry, level);
  const { shapes, mainlandBounds } = prepared;
  const W = width;
  if (options.focus) {
    const members = shapes.flatMap((sh, i) =>
      (level === 'departement' ? sh.region : sh.code) === options.focus ? [i] : [],
    );
    if (members.length > 0) return layoutFocus(prepared, level, W, members, simplify);
  }
  const fontSize = INSET_FONT_SIZE;
  const lineHeight = LINE_HEIGHT;
  const textWidth = options.textWidth ?? estimateTextWidth;
  const { arrangement, mainland, height, placed } = arrangeInsets(prepared, W, textWidth, options.parisLabel);

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
        : conicParams(spec.id, t),
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
  inset?: string,
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
function layoutFocus(
  prepared: Prepared,
  level: MapLevel,
  W: number,
  members: readonly number[],
  simplify: number,
): MapLayout {
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
  const features = shapes.map((sh) =>
    featureOf(prepared, sh, t, sh.group === 'drom' ? 'drom' : 'mainland', simplify, maskCache),
  );
  const mercator = shapes[0]!.kind === 'mercator';
  return withNeighbours({
    level,
    width: W,
    height,
    arrangement: 'rows',
    mainland: { x: MARGIN, y: MARGIN, width: mw, height: mh },
    features,
    insets: [],
    projections: [
      mercator ? { id: 'mainland', type: 'mercator', scale: t.k, translate: [t.tx, t.ty] } : conicParams('mainland', t),
    ],
  });
}
