/** Pixel values rounded to a tenth of a pixel (path coordinates, anchors, symbol radii). */
export const round1 = (v: number): number => Math.round(v * 10) / 10;
