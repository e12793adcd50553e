/**
 * The map's box: its SVG, the territories as a listbox (one option per territory; the copies of the Paris zoom, hidden,
 * beside it), the borders kept between coloured and outlined territories, the selection, hover and focus rings, the
 * proportional symbols, the inset frames and labels; the keyboard hint the listbox points to, the tooltip, the probe
 * of the page's text rendering. No state of its own: the widget passes its selection and tab stop, its tooltip and
 * focus (read only) and its click handler.
 */
import { html, nothing, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import type { RovingFocusController } from '../../controllers/roving-focus.js';
import type { TooltipController } from '../../controllers/tooltip.js';
import type { MapFeature, MapLayout } from '../../layout/map-layout.js';
import type { SymbolCircle } from '../../layout/map/symbols.js';
import type { TerritoryModel } from './territory-map.model.js';
import { fillClass } from './territory-map.model.js';
import { renderTooltip } from './territory-map.parts.js';
import type { MapTexts } from './territory-map.texts.js';
import { legendTitle } from './territory-map.texts.js';

/** Text whose rendered width tells that the page's text rendering changed (a font loaded, the reader's text spacing). */
const TEXT_PROBE = 'Guadeloupe Martinique Mayotte';

/** What the map's box shows besides its layout, model and texts: the widget's state, and its handlers. */
export interface ChartState {
  /** Prefix of the ids in the widget's shadow tree. */
  uid: string;
  caption: string | undefined;
  /** The selected territory (a code the model has), if any. */
  selected: string | undefined;
  /** Index of the feature that is the tab stop. */
  tab: number | undefined;
  /** The proportional symbols, if any. */
  circles: readonly SymbolCircle[];
  /** A click on the map (on a territory or not). */
  onClick: (e: MouseEvent) => void;
  /** The tooltip (its feature, the one under the pointer), shown on hover of the territories. */
  tip: Pick<TooltipController<number>, 'item' | 'hovered' | 'over' | 'out'>;
  /** The keyboard focus: its feature, and whether its ring is drawn. */
  roving: Pick<RovingFocusController<number>, 'current' | 'visible'>;
}

/** The frames of the overseas régions and of the Paris zoom, with their labels. */
function renderInsets(layout: MapLayout): SVGTemplateResult[] {
  return layout.insets.map((inset) => {
    const lines = inset.labelLines;
    return svg`<rect class="inset" part="inset" x=${inset.x + 0.5} y=${inset.y + 0.5} width=${inset.width - 1} height=${inset.height - 1}></rect>
      <text class="inset-label" part="inset-label" x=${inset.labelX} y=${inset.labelY} font-size=${inset.fontSize}>${lines.map(
        (l, k) => (k === 0 ? l : svg`<tspan x=${inset.labelX} dy=${inset.lineHeight}>${l}</tspan>`),
      )}</text>`;
  });
}

/**
 * The map's box (`s`: what the widget's state adds to the layout, model and texts), watched by the label widths
 * (`.text-probe`, see label-widths.ts).
 */
export function renderMap(layout: MapLayout, model: TerritoryModel, x: MapTexts, s: ChartState): TemplateResult {
  const f = layout.features[s.tip.item ?? -1];
  const d = f && model.byCode.get(f.code);
  return html`<div class="map" part="map">
      ${renderChart(layout, model, x, s)} ${d ? renderTooltip(d, x) : nothing}<span class="text-probe" aria-hidden="true">${TEXT_PROBE}</span>
    </div>`;
}

/** The map's SVG and its keyboard hint. */
function renderChart(layout: MapLayout, model: TerritoryModel, x: MapTexts, s: ChartState): TemplateResult {
  const { features } = layout;
  const { uid, selected, tab } = s;
  const hovered = features[s.tip.hovered ?? -1]?.code;
  const focused = s.roving.visible ? features[s.roving.current ?? -1]?.code : undefined;
  const hatch = `url(#${uid}-hatch)`;
  const classes = features.map((f) => fillClass(model, model.byCode.get(f.code)));
  const pid = (i: number) => `${uid}-t${i}`;
  const shape = (f: MapFeature, i: number): SVGTemplateResult => {
    const cls = classes[i]!;
    return f.group === 'paris'
      ? svg`<path class="t ${cls}" part="territory" id=${pid(i)} d=${f.d} fill=${cls === 'unknown' ? hatch : nothing} data-i=${i} data-code=${f.code}></path>`
      : svg`<path class="t ${cls}" part="territory" id=${pid(i)} d=${f.d} fill=${cls === 'unknown' ? hatch : nothing} data-i=${i} data-code=${f.code} role="option"
            tabindex=${i === tab ? '0' : '-1'} aria-selected=${f.code === selected ? 'true' : 'false'}
            aria-label=${x.names.get(f.code) ?? f.nom}></path>`;
  };
  // Coloured territories keep their border of the background colour where they touch an outlined one. A <use> copies
  // the attributes of its target: the tab stop's copy would be a second tab stop, so its outline is a path of its own.
  const edges = classes.map((cls, i) =>
    cls === 'none' || cls === 'unknown'
      ? nothing
      : i === tab
        ? svg`<path class="edge" d=${features[i]!.d} data-for=${pid(i)}></path>`
        : svg`<use class="edge" href="#${pid(i)}"></use>`,
  );
  const highlight = (code: string | undefined, kind: string) =>
    code
      ? features.filter((f) => f.code === code).map((f) => svg`<path class="hl hl--${kind}" d=${f.d}></path>`)
      : nothing;
  const hintId = `${uid}-hint`;
  return html`<svg
        class="chart ${layout.level}"
        part="chart"
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
        @click=${s.onClick}
        @pointerover=${s.tip.over}
        @pointerout=${s.tip.out}
      >
        <g aria-hidden="true">${renderInsets(layout)}</g>
        <g role="listbox" aria-label=${`${s.caption ? `${s.caption} – ` : ''}${x.m.mapName(x.level)}, ${legendTitle(x).toLowerCase()}`} aria-describedby=${hintId}>
          ${features.map((f, i) => (f.group === 'paris' ? nothing : shape(f, i)))}
        </g>
        <g aria-hidden="true">
          ${features.map((f, i) => (f.group === 'paris' ? shape(f, i) : nothing))} ${edges}
          ${highlight(selected, 'halo')} ${highlight(selected, 'selected')}
          ${hovered !== selected ? highlight(hovered, 'hover') : nothing}
          ${focused ? [highlight(focused, 'focus-halo'), highlight(focused, 'focus')] : nothing}
          ${s.circles.map((c) => svg`<circle class="symbol" part="symbol" data-code=${features[c.i]!.code} cx=${c.x} cy=${c.y} r=${Math.round(c.r * 10) / 10}></circle>`)}
        </g>
      </svg>
      <p class="sr-only" id=${hintId}>${x.m.keyboardHint}</p>`;
}
