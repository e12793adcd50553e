/**
 * Where the parts of the map go at a given width: the mainland box, and a labelled frame for each DROM and for the
 * Paris zoom, in a column left of the mainland (wide) or in rows under it (narrow). Boxes and label lines only; the
 * shapes are fitted into them by the layout.
 */
import { INSET_FONT_SIZE, wrap } from './labels.js';
import type { Box } from './planar.js';
import type { Prepared } from './prepare.js';
import type { MapLayout } from './types.js';
import { COLUMN_BREAKPOINT, PARIS_INSET_LABEL } from './types.js';

/** Outer margin, gap between boxes, padding inside an inset frame (px). */
export const MARGIN = 4;
const GAP = 8;
export const PAD = 3;
/** Smallest height of the shape area of a DROM inset, so that narrow shapes (Mayotte, 0.75 w/h) stay ≥ 40 px. */
const MIN_SHAPE_HEIGHT = 60;
/** Narrowest inset box allowed in a single row; otherwise the insets wrap into two rows. */
const MIN_ROW_BOX_WIDTH = 80;
/** Distance between the baselines of an inset label's lines, px. */
export const LINE_HEIGHT = Math.round(INSET_FONT_SIZE * 1.25);

/** Height of a label block of `lines` lines, with the padding above it. */
export const labelBlock = (lines: number): number => PAD + lines * LINE_HEIGHT;

export interface InsetSpec {
  id: string;
  code: string;
  label: string;
  /** Shapes (indices into prepared.shapes) and the unit bounds to fit. */
  members: number[];
  bounds: Box;
  projection: 'conicConformal' | 'mercator';
}

export interface PlacedInset {
  spec: InsetSpec;
  x: number;
  y: number;
  width: number;
  height: number;
  lines: string[];
}

/** The boxes of a layout (see {@link arrangeInsets}). */
export interface InsetArrangement {
  arrangement: MapLayout['arrangement'];
  mainland: MapLayout['mainland'];
  height: number;
  placed: PlacedInset[];
}

/**
 * The mainland box and the inset frames of a map `W` px wide: from {@link COLUMN_BREAKPOINT} px, the DROM in a column
 * left of the mainland and the Paris zoom in its empty top-left corner; below, the DROM (and the Paris zoom) in one row
 * under the mainland, or in two when a row would make frames narrower than 80 px or a label longer than two lines.
 * Labels are wrapped from `textWidth` (the width of a text at {@link INSET_FONT_SIZE}).
 */
export function arrangeInsets(
  prepared: Prepared,
  W: number,
  textWidth: (text: string) => number,
  parisLabel = PARIS_INSET_LABEL,
): InsetArrangement {
  const { shapes, mainlandBounds } = prepared;
  // Room for a line: the frame less its padding, and 1 px for the label's offset.
  const wrapIn = (label: string, frameWidth: number) => wrap(label, frameWidth - 2 * PAD - 1, textWidth);

  const dromSpecs: InsetSpec[] = prepared.drom.map((i) => {
    const s = shapes[i]!;
    return { id: `drom-${s.code}`, code: s.code, label: s.nom, members: [i], bounds: s.bounds, projection: 'mercator' };
  });
  const parisSpec: InsetSpec | null = prepared.parisBounds
    ? {
        id: 'paris',
        code: '75',
        label: parisLabel,
        members: prepared.paris,
        bounds: prepared.parisBounds,
        projection: 'conicConformal',
      }
    : null;

  const mw0 = mainlandBounds[1][0] - mainlandBounds[0][0];
  const mh0 = mainlandBounds[1][1] - mainlandBounds[0][1];
  const aspect = mh0 / (mw0 || 1);
  const placed: PlacedInset[] = [];
  let arrangement: MapLayout['arrangement'];
  let mainland: MapLayout['mainland'];
  let height: number;

  if (W >= COLUMN_BREAKPOINT) {
    arrangement = 'column';
    const colW = Math.round(Math.min(160, Math.max(88, W * 0.16)));
    const mx = MARGIN + colW + GAP;
    const mwPx = W - MARGIN - mx;
    const mhPx = mwPx * aspect;
    mainland = { x: mx, y: MARGIN, width: mwPx, height: mhPx };
    height = Math.ceil(mhPx + 2 * MARGIN);
    const n = dromSpecs.length;
    if (n) {
      const lines = dromSpecs.map((s) => wrapIn(s.label, colW));
      const maxLines = Math.max(...lines.map((l) => l.length));
      const cap = labelBlock(maxLines) + PAD * 2 + (colW - 2 * PAD) * 1.1;
      const boxH = Math.floor(Math.min((mhPx - (n - 1) * GAP) / n, cap));
      let y = MARGIN + (mhPx - (n * boxH + (n - 1) * GAP)) / 2;
      dromSpecs.forEach((spec, i) => {
        placed.push({ spec, x: MARGIN, y: Math.round(y), width: colW, height: boxH, lines: lines[i]! });
        y += boxH + GAP;
      });
    }
    if (parisSpec) {
      const side = Math.floor((prepared.cornerSide / (mw0 || 1)) * mwPx - GAP / 2);
      placed.push({
        spec: parisSpec,
        x: mx,
        y: MARGIN,
        width: side,
        height: side,
        lines: wrapIn(parisSpec.label, side),
      });
    }
  } else {
    arrangement = 'rows';
    const mwPx = W - 2 * MARGIN;
    const mhPx = mwPx * aspect;
    mainland = { x: MARGIN, y: MARGIN, width: mwPx, height: mhPx };
    const specs = parisSpec ? [...dromSpecs, parisSpec] : dromSpecs;
    const n = specs.length;
    let bottom = MARGIN + mhPx;
    if (n) {
      const inner = W - 2 * MARGIN;
      const oneRow = Math.floor((inner - (n - 1) * GAP) / n);
      const fitsOneRow = oneRow >= MIN_ROW_BOX_WIDTH && specs.every((s) => wrapIn(s.label, oneRow).length <= 2);
      const cols = fitsOneRow ? n : Math.ceil(n / 2);
      const boxW = Math.floor((inner - (cols - 1) * GAP) / cols);
      const shapeH = Math.round(Math.max(MIN_SHAPE_HEIGHT, Math.min((boxW - 2 * PAD) * 0.8, 0.16 * mwPx)));
      let y = bottom + GAP;
      for (let start = 0; start < n; start += cols) {
        const row = specs.slice(start, start + cols);
        const lines = row.map((s) => wrapIn(s.label, boxW));
        const boxH = labelBlock(Math.max(...lines.map((l) => l.length))) + shapeH + 2 * PAD;
        const rowW = row.length * boxW + (row.length - 1) * GAP;
        let x = MARGIN + Math.floor((inner - rowW) / 2);
        row.forEach((spec, i) => {
          placed.push({ spec, x, y: Math.round(y), width: boxW, height: boxH, lines: lines[i]! });
          x += boxW + GAP;
        });
        y += boxH + GAP;
        bottom = y - GAP;
      }
    }
    height = Math.ceil(bottom + MARGIN);
  }
  return { arrangement, mainland, height, placed };
}
