/**
 * Parts of the donut's template made from its rows, layout and texts: the textures of the statuses, the labels drawn
 * with the slices (shares on them, callouts beside them, the total in the centre), the tooltip, the legend, the data
 * table. No state: the widget passes what they show (its selection, metric, language) and its handlers.
 */
import { html, nothing, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';
import type { TooltipController } from '../../controllers/tooltip.js';
import type { Lang } from '../../i18n/format.js';
import { formatCount, formatEuros, formatPercent } from '../../i18n/format.js';
import { messages, statutLabel } from '../../i18n/messages.js';
import type { DonutLayout } from '../../layout/donut-layout.js';
import type { Totals } from '../../model/aggregate.js';
import type { Metric, Statut } from '../../model/types.js';
import { STATUTS } from '../../model/types.js';
import { chartTooltip } from '../../parts/tooltip.js';
import type { StatusRow } from './funding-donut.model.js';
import { calloutLines, formatMetric, isKnown, legendDetail, tooltipLines } from './funding-donut.model.js';

/** Pattern shapes (for colour independence), one per status. */
const PATTERNS: Record<Statut, string> = {
  association: 'M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2',
  cooperative: 'M2,2 h0.01 M6,6 h0.01',
  fondation: 'M0,0 L8,8 M8,0 L0,8',
  mutuelle: 'M0,2 h8 M0,6 h8',
  entreprise: 'M2,0 v8 M6,0 v8',
  autre: 'M-1,7 l2,2 M0,0 l8,8 M7,-1 l2,2',
};

/**
 * Textures, one per status (see {@link PATTERNS}): over the slices and swatches with `patterns`, in the background
 * colour; their fill in forced colours, in CanvasText. Fixed ids: each donut has its own shadow tree.
 */
export const TEXTURES = STATUTS.map(
  (s) => svg`<pattern id="fc-${s}" width="8" height="8" patternUnits="userSpaceOnUse"
    ><path class="texture" d=${PATTERNS[s]} stroke-width=${s === 'cooperative' ? 3 : 1.5} stroke-linecap="round" fill="none"></path></pattern>`,
);

/**
 * The labels drawn over the ring: each slice's share on it (where the layout found room, not over textures:
 * `patterns`), or with callouts (`layout.outerLabels`) the name, share and value of each slice beside it with its
 * leader line; then the total and its label in the centre. `byKey`: the rows by status.
 */
export function renderLabels(
  layout: DonutLayout,
  byKey: ReadonlyMap<string, StatusRow>,
  metric: Metric,
  lang: Lang,
  patterns: boolean,
): (SVGTemplateResult | typeof nothing)[] {
  const fontValue = Math.max(16, Math.min(30, Math.round(layout.innerRadius * 0.36)));
  const labels = layout.arcs.map((a) => {
    if (!layout.outerLabels) {
      // Not over textures (patterns), where they would not read: the legend gives the same shares.
      return a.innerLabel && !patterns
        ? svg`<text class="inner-label" data-key=${a.key} x=${a.centroid[0]} y=${a.centroid[1]} text-anchor="middle" dominant-baseline="central">${formatPercent(a.share, lang)}</text>`
        : nothing;
    }
    if (!a.outer) return nothing;
    const laureats = byKey.get(a.key)?.totals.laureats ?? 2;
    const [name, line] = calloutLines(a.key as Statut, laureats, a.share, a.value, metric, lang);
    return svg`<path class="leader" d=${a.outer.line}></path>
      <text class="outer-label" x=${a.outer.x} y=${a.outer.y} text-anchor=${a.outer.anchor}>
        <tspan class="name" x=${a.outer.x} dy="-0.2em">${name}</tspan>
        <tspan x=${a.outer.x} dy="1.25em">${line}</tspan>
      </text>`;
  });
  return [
    ...labels,
    svg`<text class="centre-value" part="centre" text-anchor="middle" y=${-fontValue * 0.1} font-size=${fontValue}>${formatMetric(metric, layout.total, lang)}</text>
      <text class="centre-label" text-anchor="middle" y=${fontValue * 0.85}>${messages(lang).centre[metric]}</text>`,
  ];
}

/** The tooltip of a slice (`share`: of the total): the status, its share, its values; it stays while pointed at. */
export function renderTooltip(
  row: StatusRow,
  share: number,
  lang: Lang,
  tip: Pick<TooltipController<string>, 'keep' | 'leave'>,
): TemplateResult {
  const sub = `${formatPercent(share, lang)} ${messages(lang).ofTotal}`;
  return chartTooltip(
    statutLabel(row.statut, lang, row.totals.laureats),
    sub,
    tooltipLines(row.totals, lang),
    undefined,
    tip,
  );
}

/**
 * The legend: a swatch (with its texture: `patterns`), the name, value and detail of each status (`total`: of the
 * metric, for the shares); a click on a status with a value selects it (`select`).
 */
export function renderLegend(
  rows: readonly StatusRow[],
  metric: Metric,
  total: number,
  selected: string | undefined,
  patterns: boolean,
  lang: Lang,
  select: (statut: Statut) => void,
): TemplateResult {
  return html`<ul class="legend" part="legend">
    ${rows.map((r) => {
      const value = r.totals[metric];
      return html`<li
        part="legend-item"
        class=${`${r.statut === selected ? 'selected' : ''} ${value > 0 ? '' : 'zero'}`}
        @click=${value > 0 ? () => select(r.statut) : nothing}
      >
        <svg class="swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false"
          ><rect class="s-${r.statut}" width="16" height="16" rx="2"></rect>${
            patterns
              ? svg`<rect width="16" height="16" rx="2" class="pattern-fill" fill="url(#fc-${r.statut})"></rect>`
              : nothing
          }</svg
        >
        <span class="label">${statutLabel(r.statut, lang, r.totals.laureats)}</span>
        <span class="value">${isKnown(r.totals, metric) ? formatMetric(metric, value, lang) : messages(lang).unknown}</span>
        <span class="detail">${legendDetail(r.totals, metric, total > 0 ? value / total : 0, lang)}</span>
      </li>`;
    })}
  </ul>`;
}

/**
 * The data table: each status with its laureates, amount and jobs (the last two when the data gives any) and its share
 * of the metric; `total`: the totals of every status, in the footer.
 */
export function renderTable(
  rows: readonly StatusRow[],
  total: Totals,
  metric: Metric,
  caption: string | undefined,
  lang: Lang,
): TemplateResult {
  const t = messages(lang);
  const showEmplois = rows.some((r) => r.totals.emplois > 0);
  const showMontant = rows.some((r) => r.totals.montant > 0);
  const denominator = total[metric];
  return html`<table part="table">
    <caption>${caption ?? t.byStatus(metric)}</caption>
    <thead>
      <tr>
        <th scope="col">${t.statusHeader}</th>
        <th scope="col" class="num">${t.metric.laureats}</th>
        ${showMontant ? html`<th scope="col" class="num">${t.metric.montant}</th>` : nothing}
        ${showEmplois ? html`<th scope="col" class="num">${t.metric.emplois}</th>` : nothing}
        <th scope="col" class="num">${t.shareOf[metric]}</th>
      </tr>
    </thead>
    <tbody>
      ${rows.map(
        (r) => html`<tr>
          <th scope="row">${statutLabel(r.statut, lang, r.totals.laureats)}</th>
          <td class="num">${isKnown(r.totals, 'laureats') ? formatCount(r.totals.laureats, lang) : t.unknown}</td>
          ${showMontant ? html`<td class="num">${isKnown(r.totals, 'montant') ? formatEuros(r.totals.montant, lang) : t.unknown}</td>` : nothing}
          ${showEmplois ? html`<td class="num">${isKnown(r.totals, 'emplois') ? formatCount(r.totals.emplois, lang) : t.unknown}</td>` : nothing}
          <td class="num">${denominator > 0 ? formatPercent(r.totals[metric] / denominator, lang) : '–'}</td>
        </tr>`,
      )}
    </tbody>
    <tfoot>
      <tr>
        <th scope="row">${t.total}</th>
        <td class="num">${formatCount(total.laureats, lang)}</td>
        ${showMontant ? html`<td class="num">${formatEuros(total.montant, lang)}</td>` : nothing}
        ${showEmplois ? html`<td class="num">${formatCount(total.emplois, lang)}</td>` : nothing}
        <td class="num">${formatPercent(1, lang)}</td>
      </tr>
    </tfoot>
  </table>`;
}
