/**
 * What the donut shows, computed from its totals by status, and its texts in one language: slice names, tooltip
 * lines, legend details, callouts, the detail of a selection, the CSV of the downloads; the status an element of the
 * chart stands for. Pure functions, no DOM but the data attribute read by `keyOf`.
 */
import type { RelanceSelectDetail } from '../../events.js';
import type { Lang } from '../../i18n/format.js';
import { formatCount, formatEuros, formatEurosShort, formatPercent } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';
import { messages, statutLabel } from '../../i18n/messages.js';
import type { Totals } from '../../model/aggregate.js';
import type { Metric, Statut } from '../../model/types.js';
import { METRICS, STATUTS } from '../../model/types.js';

/** Totals for one status, in display order. */
export interface StatusRow {
  statut: Statut;
  totals: Totals;
}

/** The status a slice stands for (its `data-key`), or undefined for any other element. */
export function keyOf(target: EventTarget | null): string | undefined {
  return (target as SVGElement | null)?.dataset?.['key'];
}

/** Totals by status, in the canonical order, for the statuses present in the data. */
export function statusRows(groups: ReadonlyMap<string, Totals>): StatusRow[] {
  return STATUTS.filter((s) => groups.has(s)).map((s) => ({ statut: s, totals: groups.get(s)! }));
}

/** Formats a value of a metric, short (« 13,4 M€ ») or in full (« 13 400 000 € »). */
export function formatMetric(metric: Metric, value: number, lang: Lang, full = false): string {
  if (metric === 'montant') return full ? formatEuros(value, lang) : formatEurosShort(value, lang);
  return formatCount(value, lang);
}

/** False when every row of the group lacks a value for the metric (unknown, not zero). */
export function isKnown(totals: Totals, metric: Metric): boolean {
  return !(totals[metric] === 0 && totals.missing[metric] > 0);
}

/** « 13,4 M€ », « 31 lauréats », « 408 emplois ». */
export function withUnit(metric: Metric, value: number, lang: Lang): string {
  if (metric === 'montant') return formatEurosShort(value, lang);
  return messages(lang).unit[metric](value);
}

/** Accessible name of a slice: « Associations : 13,4 M€, 77,9 % du total, 31 lauréats ». */
export function sliceName(row: StatusRow, share: number, metric: Metric, lang: Lang): string {
  const parts = [withUnit(metric, row.totals[metric], lang), `${formatPercent(share, lang)} ${messages(lang).ofTotal}`];
  for (const m of METRICS) {
    if (m !== metric && (row.totals.missing[m] === 0 || row.totals[m] > 0))
      parts.push(withUnit(m, row.totals[m], lang));
  }
  return `${statutLabel(row.statut, lang, row.totals.laureats)}${messages(lang).colon}${parts.join(', ')}`;
}

/** Accessible name of the chart: « Soutien par statut – Soutien de l’État par statut (total 17,2 M€) ». */
export function chartName(caption: string | undefined, metric: Metric, total: number, lang: Lang): string {
  const t = messages(lang);
  return `${caption ? `${caption} – ` : ''}${t.byStatus(metric)} (${t.total} ${withUnit(metric, total, lang)})`;
}

/** Lines of a slice's tooltip under its name and share: « 31 lauréats », « 13,4 M€ (13 400 000 €) », « 408 emplois ». */
export function tooltipLines(totals: Totals, lang: Lang): string[] {
  const t = messages(lang);
  const lines: string[] = [];
  if (totals.laureats > 0 || totals.missing.laureats === 0) lines.push(t.unit.laureats(totals.laureats));
  if (totals.montant > 0)
    lines.push(`${formatEurosShort(totals.montant, lang)} (${formatEuros(totals.montant, lang)})`);
  if (totals.emplois > 0) lines.push(t.unit.emplois(totals.emplois));
  return lines;
}

/** Detail of a legend entry: « 77,9 % · 31 lauréats · 408 emplois » (the share, then the other measures given). */
export function legendDetail(totals: Totals, metric: Metric, share: number, lang: Lang): string {
  const t = messages(lang);
  const others: string[] = [formatPercent(share, lang)];
  if (metric !== 'laureats') others.push(t.unit.laureats(totals.laureats));
  else if (totals.montant > 0) others.push(formatEurosShort(totals.montant, lang));
  if (metric !== 'emplois' && totals.emplois > 0) others.push(t.unit.emplois(totals.emplois));
  return others.join(' · ');
}

/** The two lines of a callout: the status, then « 77,9 % · 13,4 M€ ». */
export function calloutLines(
  statut: Statut,
  laureats: number,
  share: number,
  value: number,
  metric: Metric,
  lang: Lang,
): [string, string] {
  return [statutLabel(statut, lang, laureats), `${formatPercent(share, lang)} · ${formatMetric(metric, value, lang)}`];
}

/** The figures of the downloaded CSV: a header (texts of `t`), then each status (named in `lang`) and its totals. */
export function csvRows(rows: readonly StatusRow[], t: Messages, lang: Lang): (string | number)[][] {
  return [
    [t.statusHeader, t.metric.laureats, t.metric.montant, t.metric.emplois],
    ...rows.map((r) => [statutLabel(r.statut, lang), r.totals.laureats, r.totals.montant, r.totals.emplois]),
  ];
}

/** « 3 lauréats sans montant, non comptés dans le graphique. » (laureates without a value for the metric). */
export function missingText(missing: number, metric: Metric, lang: Lang): string {
  return messages(lang).notCounted(missing, metric);
}

/** Detail of `relance-select` for a status: its totals, and its share of the metric's total (`total`). */
export function selectDetail(
  row: StatusRow,
  selected: boolean,
  metric: Metric,
  total: number,
  lang: Lang,
): RelanceSelectDetail {
  return {
    dimension: 'statut',
    code: row.statut,
    label: statutLabel(row.statut, lang, row.totals.laureats),
    selected,
    // Only the metrics the data gives (absent when unknown, as in every widget's event).
    values: Object.fromEntries(
      (['laureats', 'montant', 'emplois'] as const)
        .filter((m) => isKnown(row.totals, m))
        .map((m) => [m, row.totals[m]]),
    ),
    share: total > 0 ? row.totals[metric] / total : 0,
  };
}
