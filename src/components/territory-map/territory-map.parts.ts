/**
 * Parts of the map's template made from its model, layout and texts alone: the patterns (values not given, forced
 * colours), the tooltip, the legend (colour classes, proportional symbols), the data table, the notes of the footer,
 * the placeholder while the geometry loads or after it failed. No state: the widget passes what they show. The map's
 * SVG itself is in territory-map.chart.ts.
 */
import { html, nothing, svg } from 'lit';
import type { TemplateResult } from 'lit';
import type { GeoState } from '../../controllers/geometry.js';
import { renderAlert } from '../../parts/notices.js';
import { chartTooltip } from '../../parts/tooltip.js';
import type { MapLayout } from '../../layout/map-layout.js';
import { INSET_FONT_SIZE } from '../../layout/map/labels.js';
import { symbolLegend } from '../../layout/map/symbols.js';
import type { Metric } from '../../model/types.js';
import type { TerritoryDatum, TerritoryModel } from './territory-map.model.js';
import { known, tableColumns } from './territory-map.model.js';
import type { MapTexts } from './territory-map.texts.js';
import {
  capitalize,
  formatValue,
  legendTitle,
  methodText,
  stateText,
  tooltipLines,
  withUnit,
} from './territory-map.texts.js';

/**
 * Patterns of the classes in forced colours (see the styles): CanvasText dots, then grids, denser for more, over the
 * page's Canvas. Fixed ids: each map has its own shadow tree, where the styles' `url(#fc-1)` find them.
 */
export const FORCED_PATTERNS = [1, 1.9, 1, 2].map((w, i) =>
  i < 2
    ? svg`<pattern id="fc-${i + 1}" width="6" height="6" patternUnits="userSpaceOnUse"><circle class="fc-ink" cx="3" cy="3" r=${w}></circle></pattern>`
    : svg`<pattern id="fc-${i + 1}" width="4" height="4" patternUnits="userSpaceOnUse"><path class="fc-line" stroke-width=${w} d="M0,${w / 2}H4M${w / 2},0V4"></path></pattern>`,
);

/** Patterns (`hatch`: id of the hatching of values not given; those of forced colours) and the probe of label widths. */
export function renderDefs(hatch: string): TemplateResult {
  return html`<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">
    <defs>
      <pattern id=${hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect class="hatch-bg" width="6" height="6"></rect>
        <line class="hatch-line" x1="0" y1="0" x2="0" y2="6"></line>
      </pattern>
      ${FORCED_PATTERNS}
    </defs>
    <text class="label-probe" font-size=${INSET_FONT_SIZE}></text>
  </svg>`;
}

/** The tooltip of a territory: its name, class or state, and values. */
export function renderTooltip(d: TerritoryDatum, x: MapTexts): TemplateResult {
  return chartTooltip(d.name, capitalize(stateText(x, d)), tooltipLines(x, d), 'class');
}

/** Where the map goes while its geometry loads, or says why it could not be drawn (with a retry button). */
export function renderPlaceholder(geo: GeoState, x: MapTexts, retry: () => void): TemplateResult {
  return html`<div class="map placeholder" part="map">
    ${
      geo.status === 'error'
        ? renderAlert({ level: 'error', title: geo.error.message ?? '', text: x.m.tableStillThere, retry, t: x.tt })
        : html`<div class="loading" role="status" part="loading"><span class="spinner" aria-hidden="true"></span>${x.m.loadingGeometry}</div>`
    }
  </div>`;
}

/**
 * Notes of the footer: laureates without a territory of the level, rows without a value (`laureates`: the data are
 * laureate rows), the attribution of the geometry (`attribution` given, else the default one; empty: none).
 */
export function renderNotes(
  model: TerritoryModel | undefined,
  x: MapTexts,
  attribution: string | undefined,
  laureates: boolean,
): TemplateResult {
  const m = x.m;
  const line = attribution ?? m.attribution;
  const missingMetric = model && model.mode === 'values' && laureates ? model.total.missing[model.metric] : 0;
  return html`${model?.missingLevel && !model.noLevelData ? html`<p>${m.missingLevel(model.missingLevel, model.level)}</p>` : nothing}
  ${missingMetric ? html`<p>${m.missingValue(missingMetric, model!.metric)}</p>` : nothing}
  ${line ? html`<p part="attribution">${line}</p>` : nothing}`;
}

/** The colour legend (its swatches filled like the territories; `hatch`: id of the pattern of values not given) and the symbol legend. */
export function renderLegend(
  model: TerritoryModel,
  x: MapTexts,
  hatch: string,
  layout: MapLayout | undefined,
): TemplateResult {
  const m = x.m;
  const level = model.level;
  const count = (n: number) => html` <span class="count"><span class="dot">· </span>${m.territories(n, level)}</span>`;
  const nNone = model.territories.filter((d) => d.state === 'none').length;
  const nUnknown = model.territories.filter((d) => d.state === 'unknown').length;
  // The same classes as the territories: the same colours, in forced colours too.
  const swatch = (cls: string) =>
    html`<svg class="swatch" viewBox="0 0 24 16" aria-hidden="true" focusable="false"
      ><rect class=${cls} x="0.5" y="0.5" width="23" height="15" fill=${cls === 'unknown' ? `url(#${hatch})` : nothing}></rect
    ></svg>`;
  return html`<div class="legend" part="legend">
    <div class="legend__block">
      <p class="legend__title">${legendTitle(x)}</p>
      <ul class="classes">
        ${
          model.mode === 'presence'
            ? html`<li part="legend-item">${swatch('present')}<span>${capitalize(m.present)}${count(model.territories.length - nNone)}</span></li>`
            : (model.scale?.classes ?? []).map(
                (c) =>
                  html`<li part="legend-item" data-class=${c.index}>${swatch(`c${c.step}`)}<span>${x.classLabels[c.index]}${count(c.count)}</span></li>`,
              )
        }
        ${nUnknown ? html`<li part="legend-item" data-class="unknown">${swatch('unknown')}<span>${capitalize(m.unknownValue)}${count(nUnknown)}</span></li>` : nothing}
        ${nNone ? html`<li part="legend-item" data-class="none">${swatch('none')}<span>${capitalize(m.noLaureate)}${count(nNone)}</span></li>` : nothing}
      </ul>
      ${
        model.mode === 'presence'
          ? html`<p class="note">${m.presenceNote}</p>`
          : model.scale && model.scale.classes.length > 1
            ? html`<p class="note" part="legend-method">${methodText(x, model.scale)}</p>`
            : nothing
      }
    </div>
    ${renderSymbolLegend(model, x, layout)}
  </div>`;
}

/** Reference circles at the scale of the map's symbols, once the map is laid out. */
function renderSymbolLegend(
  model: TerritoryModel,
  x: MapTexts,
  layout: MapLayout | undefined,
): TemplateResult | typeof nothing {
  const metric = model.symbols;
  if (!layout || !metric || !(model.symbolMax > 0)) return nothing;
  const circles = symbolLegend(layout, model.symbolMax, metric !== 'montant');
  const height = Math.ceil(2 * circles[0]!.r + 2);
  // Side by side, largest first, bottom-aligned, each value under its circle in HTML: the page lays the texts out
  // (their measured width, with the reader's text spacing), so they never overlap nor leave the legend.
  return html`<div class="legend__block symbol-legend" part="symbol-legend">
    <p class="legend__title">${x.m.symbolsTitle(metric)}</p>
    <ul class="symbols">
      ${circles.map(
        ({ value, r }) => html`<li>
          <svg width=${Math.ceil(2 * r + 2)} height=${height} aria-hidden="true" focusable="false"
            ><circle class="symbol" cx=${Math.ceil(2 * r + 2) / 2} cy=${height - 1 - r} r=${r}></circle
          ></svg>
          <span>${withUnit(x, metric, value)}</span>
        </li>`,
      )}
    </ul>
  </div>`;
}

/** The data table: every territory of the level by name, its values and class; totals of aggregated values. */
export function renderTable(model: TerritoryModel, x: MapTexts, caption: string | undefined): TemplateResult {
  const t = x.tt;
  const m = x.m;
  const rows = [...model.territories].sort((a, b) => a.name.localeCompare(b.name, x.lang));
  const presence = model.mode === 'presence';
  const cols = tableColumns(model);
  const cell = (d: TerritoryDatum, k: Metric) => {
    const tt = d.totals;
    if (!tt || d.state === 'none') return html`<td class="num none">${k === 'laureats' ? '0' : '–'}</td>`;
    return html`<td class="num">${known(tt, k) ? formatValue(x, k, tt[k], true) : t.unknown}</td>`;
  };
  return html`<table part="table">
    <caption>${caption ?? legendTitle(x)}</caption>
    <thead>
      <tr>
        <th scope="col">${m.level[model.level]}</th>
        ${cols.map((k) => html`<th scope="col" class="num">${t.metric[k]}</th>`)}
        <th scope="col">${presence ? t.metric.laureats : m.classHeader}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (d) => html`<tr>
          <th scope="row">${d.name}</th>
          ${cols.map((k) => cell(d, k))}
          <td class=${d.state === 'none' ? 'none' : ''}>${d.state === 'value' ? x.classLabels[d.classIndex!] : capitalize(stateText(x, d))}</td>
        </tr>`,
      )}
    </tbody>
    ${
      cols.length && model.mode === 'values'
        ? html`<tfoot>
          <tr>
            <th scope="row">${t.total}</th>
            ${cols.map((k) => html`<td class="num">${formatValue(x, k, model.total[k], true)}</td>`)}
            <td></td>
          </tr>
        </tfoot>`
        : nothing
    }
  </table>`;
}
