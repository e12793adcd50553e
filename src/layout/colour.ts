/**
 * Colour arithmetic for the map and donut palettes and their tests: WCAG 2 relative luminance and contrast ratio,
 * OKLab / OKLCh (Björn Ottosson, 2020), and the perceptual ramp the map's classes are made from. Pure functions, no
 * DOM. The widgets do not import this module (their colours are CSS): it documents and checks how they were made.
 *
 * Not d3-color / d3-interpolate: d3-color has CIELAB and HCL, not OKLab. Between the same end colours, their
 * `interpolateLab` and `interpolateHcl` would pass the same checks (lightness steps within 10 %, ΔEOK ≥ 0.08, the ends
 * and so the 3:1 contrasts unchanged) but bend the hue in the middle of the ramp towards violet, by up to 7.8° (Lab)
 * and 6.4° (HCL) in OKLCh for the light ramp, 6.8° and 2.2° for the dark one (CIELAB's blues are not uniform in hue),
 * where {@link oklchRamp} keeps it on a straight line; and the checks need OKLab anyway ({@link deltaE}).
 */

/** sRGB colour, channels 0–1, with alpha (1 when opaque). */
export type Rgba = [number, number, number, number];

const clamp01 = (v: number): number => Math.min(1, Math.max(0, v));

/**
 * Parses `#rgb`, `#rrggbb`, `rgb(r, g, b)`, `rgba(r, g, b, a)` and `rgb(r g b / a)` (as `getComputedStyle` writes
 * colours), `transparent` and `none` (transparent). Undefined for anything else (e.g. `url(#pattern)`).
 */
export function parseColour(text: string): Rgba | undefined {
  const s = text.trim().toLowerCase();
  if (s === 'transparent' || s === 'none') return [0, 0, 0, 0];
  let m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(s);
  if (m) {
    const h = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).concat(1) as Rgba;
  }
  m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(s);
  if (!m) return undefined;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
  return [Number(m[1]) / 255, Number(m[2]) / 255, Number(m[3]) / 255, alpha];
}

/** `#rrggbb` of a colour (alpha ignored). */
export function toHex(c: readonly number[]): string {
  return `#${c
    .slice(0, 3)
    .map((v) =>
      Math.round(clamp01(v) * 255)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** `fg` painted over `bg` (source-over): an opaque colour when `bg` is opaque. */
export function over(fg: Rgba, bg: Rgba): Rgba {
  const a = fg[3] + bg[3] * (1 - fg[3]);
  if (a === 0) return [0, 0, 0, 0];
  const mix = (i: number) => (fg[i]! * fg[3] + bg[i]! * bg[3] * (1 - fg[3])) / a;
  return [mix(0), mix(1), mix(2), a];
}

const toLinear = (v: number): number => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
const fromLinear = (v: number): number => (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);

/** WCAG 2 relative luminance of an sRGB colour. */
export function luminance(c: readonly number[]): number {
  const [r, g, b] = c.slice(0, 3).map(toLinear) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** OKLab `[L, a, b]` of an sRGB colour. */
export function oklab(c: readonly number[]): [number, number, number] {
  const [r, g, b] = c.slice(0, 3).map(toLinear) as [number, number, number];
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

/** sRGB (not clamped: channels outside 0–1 are out of gamut) of an OKLab colour. */
export function fromOklab([L, a, b]: readonly number[]): [number, number, number] {
  const l = (L! + 0.3963377774 * a! + 0.2158037573 * b!) ** 3;
  const m = (L! - 0.1055613458 * a! - 0.0638541728 * b!) ** 3;
  const s = (L! - 0.0894841775 * a! - 1.291485548 * b!) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ].map(fromLinear) as [number, number, number];
}

/** Euclidean distance in OKLab (ΔEOK): about 0.02 is a just noticeable difference. */
export function deltaE(p: readonly number[], q: readonly number[]): number {
  const a = oklab(p);
  const b = oklab(q);
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

/** OKLCh `[L, C, h]` (h in radians) of an sRGB colour. */
function oklch(c: readonly number[]): [number, number, number] {
  const [L, a, b] = oklab(c);
  return [L, Math.hypot(a, b), Math.atan2(b, a)];
}

/** The sRGB colour of lightness `L` and hue `h` with the most chroma up to `C` that sRGB can show. */
function inGamut(L: number, C: number, h: number): [number, number, number] {
  for (let c = C; c > 0; c -= 0.001) {
    const rgb = fromOklab([L, c * Math.cos(h), c * Math.sin(h)]);
    if (rgb.every((v) => v >= -1e-6 && v <= 1 + 1e-6)) return rgb.map(clamp01) as [number, number, number];
  }
  return fromOklab([L, 0, 0]).map(clamp01) as [number, number, number];
}

/**
 * `n` colours evenly spaced in OKLCh (OKLab lightness, chroma and hue, each interpolated linearly) from the lightness
 * `startL` with the chroma and hue of `start`, to `end`; chroma reduced where sRGB cannot show it. Equal steps of
 * lightness look equal; the hue of both ends is kept (no drift through grey or cyan, as a straight OKLab line between
 * a pale and a dark blue would give). `#rrggbb` strings.
 */
export function oklchRamp(start: string, end: string, n: number, startL?: number): string[] {
  const a = oklch(parseColour(start)!);
  const b = oklch(parseColour(end)!);
  if (startL !== undefined) a[0] = startL;
  // The shorter way round the hue circle.
  if (b[2] - a[2] > Math.PI) a[2] += 2 * Math.PI;
  else if (a[2] - b[2] > Math.PI) b[2] += 2 * Math.PI;
  return Array.from({ length: n }, (_, i) => {
    const t = n === 1 ? 0 : i / (n - 1);
    return toHex(inGamut(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t));
  });
}

/**
 * The map's classes: light theme from DSFR blue-france 625 (#8585f6) at OKLab lightness 0.63 (3.7:1 against white,
 * 3.2:1 against the grey of « aucun lauréat ») to blue-france sun 113 (#000091); dark theme from blue-france main 525
 * (#6a6af4) at 0.565 (3.7:1 against #161616) to blue-france 950 (#ececfe), so that more is always more contrast with
 * the background. The fallbacks of territory-map.styles.ts are these values.
 */
export const MAP_RAMPS = {
  light: () => oklchRamp('#8585f6', '#000091', 5, 0.63),
  dark: () => oklchRamp('#6a6af4', '#ececfe', 5, 0.565),
} as const;
