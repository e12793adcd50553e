/**
 * Contrast of what the browser paints, for the tests and the colour report (test/node/colours.test.mjs): colours are
 * read with getComputedStyle from the rendered elements (fills, strokes, backgrounds, opacity), never copied from the
 * styles. Ratios are WCAG 2 contrast ratios (1.4.11 asks 3:1 for graphical objects and focus indicators).
 */
import type { Rgba } from '../layout/colour.js';
import { contrast, over, parseColour } from '../layout/colour.js';

const WHITE: Rgba = [1, 1, 1, 1];

/** A computed colour property of an element (`fill`, `stroke`, `background-color`…); undefined for `url(#…)`. */
export function computedColour(el: Element, property: string): Rgba | undefined {
  return parseColour(getComputedStyle(el).getPropertyValue(property));
}

/** The element's parent, crossing shadow roots. */
const parentOf = (el: Element): Element | null => el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;

/** What is painted behind `el`: the backgrounds of its ancestors (across shadow roots) composited over a white canvas. */
export function backgroundOf(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let e = parentOf(el); e; e = parentOf(e)) {
    const c = computedColour(e, 'background-color');
    if (c && c[3] > 0) layers.push(c);
  }
  return layers.reduceRight<Rgba>((acc, c) => over(c, acc), WHITE);
}

/** Product of the computed `opacity` of `el` and its ancestors up to `stop` (included). */
function opacityOf(el: Element, stop: Element): number {
  let o = 1;
  for (let e: Element | null = el; e; e = e === stop ? null : parentOf(e)) o *= Number(getComputedStyle(e).opacity);
  return o;
}

/** The painted colour of an SVG element's `fill` (or `stroke`) over `background`, with its opacities. */
export function paint(
  el: Element,
  property: 'fill' | 'stroke',
  background: Rgba,
  stop: Element = el,
): Rgba | undefined {
  const c = computedColour(el, property);
  if (!c) return undefined;
  const cs = getComputedStyle(el);
  const own = Number(cs.getPropertyValue(`${property}-opacity`) || 1);
  return over([c[0], c[1], c[2], c[3] * own * opacityOf(el, stop)], background);
}

export { contrast };

/** One measured pair. */
export interface Pair {
  /** What is compared with what, e.g. « class 2 / border ». */
  what: string;
  ratio: number;
}

const pair = (what: string, a: Rgba | undefined, b: Rgba | undefined): Pair[] =>
  a && b ? [{ what, ratio: Math.round(contrast(a, b) * 100) / 100 }] : [];

/** The halo's colour when it shows beyond the ring (wider by 2 px or more: 1 px on each side), else undefined. */
function haloColour(halo: Element | null, ring: Element, bg: Rgba): Rgba | undefined {
  if (!halo) return undefined;
  const width = (e: Element) => parseFloat(getComputedStyle(e).strokeWidth) || 0;
  return width(halo) >= width(ring) + 2 ? paint(halo, 'stroke', bg) : undefined;
}

/**
 * A two-layer indicator (a ring and the halo around it): the ring against the halo, and, against each fill it can sit
 * on, the better of the two layers (the pixels that change when it appears). Without a halo, the ring alone.
 */
function indicator(name: string, ring: Rgba | undefined, halo: Rgba | undefined, fills: [string, Rgba][]): Pair[] {
  if (!ring) return [];
  const out = halo ? pair(`${name} ring / its halo`, ring, halo) : [];
  for (const [what, f] of fills) {
    const best = Math.max(contrast(ring, f), halo ? contrast(halo, f) : 0);
    out.push({ what: `${name} / ${what}`, ratio: Math.round(best * 100) / 100 });
  }
  return out;
}

/** The painted colour of a legend swatch: its (first) SVG rect's fill, or its CSS background; undefined for a pattern. */
function swatchColour(sw: Element): Rgba | undefined {
  const behind = backgroundOf(sw);
  const rect = sw.querySelector('rect:not(.pattern-fill)');
  const colour = rect
    ? paint(rect, 'fill', behind)
    : sw instanceof SVGElement
      ? undefined
      : computedColour(sw, 'background-color');
  return colour && colour[3] > 0 ? over(colour, behind) : undefined;
}

const q = <T extends Element>(el: Element, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

/**
 * The contrasts of a drawn `<relance-territory-map>`: every colour class (territories and legend swatches) against the
 * background and the border that parts territories, the lowest class against « aucun lauréat », the outline of « aucun
 * lauréat » against the background, and the focus ring and selection outline (when shown) against what they can sit on.
 */
export function mapContrasts(map: Element): Pair[] {
  const svg = map.shadowRoot!.querySelector('svg.chart');
  if (!svg) return [];
  const bg = backgroundOf(svg);
  const out: Pair[] = [];
  const fills: [string, Rgba][] = [];
  const territories = q<SVGPathElement>(map, '.t[role="option"]');
  for (let step = 1; step <= 5; step++) {
    const t = territories.find((p) => p.classList.contains(`c${step}`));
    if (!t) continue;
    // A pattern (forced colours) has no colour of its own to measure.
    const fill = paint(t, 'fill', bg);
    if (!fill) continue;
    fills.push([`class ${step}`, fill]);
    out.push(...pair(`class ${step} / background`, fill, bg));
    out.push(...pair(`class ${step} / border`, fill, paint(t, 'stroke', fill)));
    const edge = map.shadowRoot!.querySelector(`use.edge[href="#${t.id}"], path.edge[data-for="${t.id}"]`);
    if (edge) out.push(...pair(`class ${step} / border over neighbours`, fill, paint(edge, 'stroke', fill)));
  }
  const present = territories.find((p) => p.classList.contains('present'));
  const presentFill = present && paint(present, 'fill', bg);
  if (present && presentFill) {
    const fill = presentFill;
    fills.push(['present', fill]);
    out.push(
      ...pair('present / background', fill, bg),
      ...pair('present / border', fill, paint(present, 'stroke', fill)),
    );
  }
  const none = territories.find((p) => p.classList.contains('none'));
  if (none) {
    const fill = paint(none, 'fill', bg);
    if (fill) {
      fills.push(['no laureate', fill]);
      const lowest = fills.find(([w]) => w.startsWith('class'));
      if (lowest) out.push(...pair(`${lowest[0]} / no laureate`, lowest[1], fill));
    }
    out.push(...pair('no laureate outline / background', paint(none, 'stroke', bg), bg));
  }
  const hatch = map.shadowRoot!.querySelector('.hatch-line');
  const hatchBg = hatch && paint(map.shadowRoot!.querySelector('.hatch-bg')!, 'fill', bg);
  if (map.shadowRoot!.querySelector('.t.unknown') && hatch && hatchBg) {
    fills.push(['value not given (hatch background)', hatchBg]);
    out.push(...pair('value not given hatch / background', paint(hatch, 'stroke', bg), bg));
  }
  for (const sw of q(map, '[part="legend-item"] .swatch')) {
    const label = sw.closest('li')!.textContent.trim().replace(/\s+/g, ' ').split(' ·')[0];
    // An outlined swatch (« aucun lauréat », « valeur non renseignée ») stands out by its outline.
    const rect = sw.querySelector('rect');
    const outline =
      rect && getComputedStyle(rect).stroke !== 'none' ? paint(rect, 'stroke', backgroundOf(sw)) : undefined;
    const colour = outline ?? swatchColour(sw);
    if (colour)
      out.push(
        ...pair(`legend swatch « ${label} »${outline ? ' outline' : ''} / legend background`, colour, backgroundOf(sw)),
      );
  }
  const focus = map.shadowRoot!.querySelector('.hl--focus');
  const focusHalo = map.shadowRoot!.querySelector('.hl--focus-halo');
  if (focus) out.push(...indicator('focus ring', paint(focus, 'stroke', bg), haloColour(focusHalo, focus, bg), fills));
  const selected = map.shadowRoot!.querySelector('.hl--selected');
  const halo = map.shadowRoot!.querySelector('.hl--halo');
  if (selected)
    out.push(...indicator('selection outline', paint(selected, 'stroke', bg), haloColour(halo, selected, bg), fills));
  return out;
}

/**
 * The contrasts of a drawn `<relance-funding-donut>`: every slice (as painted, dimmed or not) and legend swatch against
 * the background, and the focus ring and selection outline (when shown) against the slices.
 */
export function donutContrasts(donut: Element): Pair[] {
  const svg = donut.shadowRoot!.querySelector('svg[part="chart"]');
  if (!svg) return [];
  const bg = backgroundOf(svg);
  const out: Pair[] = [];
  const fills: [string, Rgba][] = [];
  for (const slice of q<SVGPathElement>(donut, '.slice')) {
    const key = slice.getAttribute('data-key');
    const fill = paint(slice, 'fill', bg, svg);
    if (!fill) continue;
    fills.push([`slice ${key}`, fill]);
    out.push(...pair(`slice ${key} / background`, fill, bg));
  }
  for (const sw of q(donut, '[part="legend-item"] .swatch')) {
    const label = sw.closest('li')!.querySelector('.label')!.textContent.trim();
    const colour = swatchColour(sw);
    if (colour) out.push(...pair(`legend swatch ${label} / legend background`, colour, backgroundOf(sw)));
  }
  const ring = donut.shadowRoot!.querySelector('.focus-ring');
  const halo = donut.shadowRoot!.querySelector('.focus-halo');
  const focused = donut.shadowRoot!.querySelector('.slice:focus-visible');
  if (ring) out.push(...indicator('focus ring', paint(ring, 'stroke', bg), haloColour(halo, ring, bg), fills));
  else if (focused) out.push(...indicator('focus ring', paint(focused, 'stroke', bg, svg), undefined, fills));
  const sel = donut.shadowRoot!.querySelector('.select-ring');
  const selHalo = donut.shadowRoot!.querySelector('.select-halo');
  const selected = donut.shadowRoot!.querySelector('.slice[aria-selected="true"]');
  if (sel) out.push(...indicator('selection outline', paint(sel, 'stroke', bg), haloColour(selHalo, sel, bg), fills));
  else if (selected && !focused)
    out.push(...indicator('selection outline', paint(selected, 'stroke', bg, svg), undefined, fills));
  return out;
}
