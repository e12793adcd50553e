/**
 * Parts of the map's template made from its model and texts alone: the legend (colour classes, proportional symbols)
 * and the data table. No state: the widget passes what they show.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { MapLayout } from '../../layout/map-layout.js';
import { symbolLegend } from '../../layout/map/symbols.js';
import type { Metric } from '../../model/types.js';
import type { TerritoryDatum, TerritoryModel } from './territory-map.model.js';
import { known, tableColumns } from './territory-map.model.js';
import type { MapTexts } from './territory-map.texts.js';
import { capitalize, formatValue, legendTitle, methodText, stateText, withUnit } from './territory-map.texts.js';

/** The colour legend (its swatches filled like the territories; `hatch`: id of the pattern of values not given) and the symbol legend. */
export function renderLegend(model: TerritoryModel, x: MapTexts, hatch: string, layout: MapLayout | undefined): TemplateResult {
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
        ${model.mode === 'presence'
          ? html`<li part="legend-item">${swatch('present')}<span>${capitalize(m.present)}${count(model.territories.length - nNone)}</span></li>`
          : (model.scale?.classes ?? []).map(
              (c) => html`<li part="legend-item" data-class=${c.index}>${swatch(`c${c.step}`)}<span>${x.classLabels[c.index]}${count(c.count)}</span></li>`,
            )}
        ${nUnknown ? html`<li part="legend-item" data-class="unknown">${swatch('unknown')}<span>${capitalize(m.unknownValue)}${count(nUnknown)}</span></li>` : nothing}
        ${nNone ? html`<li part="legend-item" data-class="none">${swatch('none')}<span>${capitalize(m.noLaureate)}${count(nNone)}</span></li>` : nothing}
      </ul>
      ${model.mode === 'presence'
        ? html`<p class="note">${m.presenceNote}</p>`
        : model.scale && model.scale.classes.length > 1
          ? html`<p class="note" part="legend-method">${methodText(x, model.scale)}</p>`
          : nothing}
    </div>
    ${renderSymbolLegend(model, x, layout)}
  </div>`;
}

/** Reference circles at the scale of the map's symbols, once the map is laid out. */
function renderSymbolLegend(model: TerritoryModel, x: MapTexts, layout: MapLayout | undefined): TemplateResult | typeof nothing {
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
    ${cols.length && model.mode === 'values'
      ? html`<tfoot>
          <tr>
            <th scope="row">${t.total}</th>
            ${cols.map((k) => html`<td class="num">${formatValue(x, k, model.total[k], true)}</td>`)}
            <td></td>
          </tr>
        </tfoot>`
      : nothing}
  </table>`;
}
