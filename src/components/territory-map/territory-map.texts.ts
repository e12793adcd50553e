/**
 * The texts of the map made from its model, in one language: class limits (« de 0,5 à moins de 0,7 M€ »), how the
 * classes are made, each territory's state and accessible name, the tooltip's lines, the titles. Pure: no DOM.
 */
import type { Lang } from '../../i18n/format.js';
import { formatCount, formatEuros, formatEurosShort, formatNumber } from '../../i18n/format.js';
import type { Messages } from '../../i18n/messages.js';
import { messages } from '../../i18n/messages.js';
import type { MapLevel } from '../../layout/map-layout.js';
import type { MapScale, ScaleClass } from '../../layout/map-scale.js';
import type { Metric } from '../../model/types.js';
import type { TerritoryDatum, TerritoryModel } from './territory-map.model.js';
import { known, NAME_ORDER } from './territory-map.model.js';
import type { MapMessages } from './territory-map.messages.js';
import { mapMessages } from './territory-map.messages.js';

export const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** The texts of a model in a language (see {@link mapTexts}); the functions of this module make the others from it. */
export interface MapTexts {
  readonly model: TerritoryModel | undefined;
  readonly level: MapLevel;
  readonly lang: Lang;
  /** Texts of the map. */
  readonly m: MapMessages;
  /** Texts shared by the widgets. */
  readonly tt: Messages;
  /** Text of each colour class: « de 0,5 à moins de 1 M€ ». */
  readonly classLabels: string[];
  /** Accessible name of each territory, by code. */
  readonly names: Map<string, string>;
}

/** The texts of `model` (undefined: no data yet) at `level` in `lang`: class labels and accessible names made once. */
export function mapTexts(model: TerritoryModel | undefined, level: MapLevel, lang: Lang): MapTexts {
  const x = {
    model,
    level,
    lang,
    m: mapMessages(lang),
    tt: messages(lang),
    classLabels: [] as string[],
    names: new Map<string, string>(),
  };
  x.classLabels = model?.scale?.classes.map((c) => classLabel(x, c)) ?? [];
  x.names = new Map(model?.territories.map((d) => [d.code, accessibleName(x, d)]));
  return x;
}

/** A value, short (« 1,2 M€ », « 3 ») or in full (« 1 200 000 € »). */
export function formatValue(x: MapTexts, metric: Metric, value: number, full = false): string {
  if (metric === 'montant') return full ? formatEuros(value, x.lang) : formatEurosShort(value, x.lang);
  return formatCount(value, x.lang);
}

/** « 3 lauréats », « 1,2 M€ », « 25 emplois ». */
export function withUnit(x: MapTexts, metric: Metric, value: number): string {
  return metric === 'montant' ? formatValue(x, 'montant', value) : x.tt.unit[metric](value);
}

/**
 * Text of a class, its limits as the scale made them (rounded, without gap or overlap): « moins de 0,5 M€ »,
 * « de 0,5 à moins de 0,7 M€ », « 2 M€ ou plus »; counts from whole limits as whole ranges: « de 1 à 2 lauréats »,
 * « 3 lauréats », « de 6 à 12 lauréats » (the first and last from the values of the class). Amounts in M€ when the
 * limits are multiples of 10 000 € from 100 000 €, the unit written once in French.
 */
function classLabel(x: MapTexts, c: ScaleClass): string {
  const m = x.m;
  const { metric, scale } = x.model!;
  const limits = scale!.breaks.length ? scale!.breaks : [c.low, c.high];
  const num = (v: number, unit = true): string =>
    metric === 'montant' ? amount(x, v, unit, limits) : unit ? x.tt.unit[metric](v) : formatNumber(v, x.lang, 2);
  // Whole limits: the class holds the whole numbers from `from` to `to − 1`, its open ends stop at its values; a
  // single class goes from its smallest to its largest value.
  const single = c.from === -Infinity && c.to === Infinity;
  const closed = single || scale!.integer;
  const lo = single || (closed && c.from === -Infinity && c.count) ? c.low : c.from;
  const hi = single || (closed && c.to === Infinity && c.count) ? c.high : closed ? c.to - 1 : c.to;
  if (lo === -Infinity) return m.below(num(c.to));
  if (hi === Infinity) return m.atLeast(num(c.from));
  if (lo === hi) return num(lo);
  // « de 0,5 à moins de 0,7 M€ » but "€0.5M to under €0.7M"; « de 3 à 4 lauréats », "3 to 4 laureates".
  return (closed ? m.fromTo : m.between)(num(lo, metric === 'montant' && x.lang !== 'fr'), num(hi));
}

/** An amount as the class limits show it: in M€ when `limits` are multiples of 10 000 € from 100 000 €, else in €. */
function amount(x: MapTexts, v: number, unit: boolean, limits: readonly number[]): string {
  const lang = x.lang;
  const millions = limits.some((l) => Math.abs(l) >= 100_000) && limits.every((l) => Math.abs(l) % 10_000 === 0);
  if (!millions) return unit ? formatEuros(v, lang) : formatNumber(v, lang, 2);
  const n = formatNumber(v / 1e6, lang, 2);
  return !unit ? n : x.m.millions(n);
}

/** How the classes are made: « Classes par quantiles : … », « Classes d’égale amplitude (0,5 M€). ». */
export function methodText(x: MapTexts, scale: MapScale): string {
  const step = scale.step;
  const metric = x.model?.metric ?? 'montant';
  const width =
    step === undefined
      ? undefined
      : metric === 'montant'
        ? amount(x, step, true, scale.breaks)
        : x.tt.unit[metric](step);
  return x.m.method(scale.method, x.level, width);
}

/** The class or state of a territory, as text: « classe 2 sur 5 (de 0,5 M€ à moins de 1 M€) », « aucun lauréat ». */
export function stateText(x: MapTexts, d: TerritoryDatum): string {
  const m = x.m;
  const scale = x.model?.scale;
  if (d.state === 'value' && scale && d.classIndex !== undefined) {
    return `${m.classOf(d.classIndex + 1, scale.classes.length)} (${x.classLabels[d.classIndex]})`;
  }
  return d.state === 'none' ? m.noLaureate : d.state === 'present' ? m.present : m.unknownValue;
}

/** « Martinique : 2 lauréats, 0,4 M€ ; classe 2 sur 5 (de 0,2 M€ à 0,5 M€) ». */
function accessibleName(x: MapTexts, d: TerritoryDatum): string {
  const t = d.totals;
  // Known values: « 2 lauréats », « 0,4 M€ », « 12 emplois ».
  const parts =
    !t || d.state === 'none' || d.state === 'present'
      ? []
      : NAME_ORDER.filter(
          (k) => known(t, k) && (k !== 'montant' || t.montant > 0 || x.model?.metric === 'montant'),
        ).map((k) => withUnit(x, k, t[k]));
  const state = stateText(x, d);
  const head = `${d.name}${x.m.colon}`;
  if (d.state !== 'value') return `${head}${[...parts, state].join(', ')}`;
  return `${head}${parts.join(', ')}${x.m.semicolon}${state}`;
}

/** Lines of a territory's tooltip under its name and state: « 2 lauréats », « 0,63 M€ (629 000 €) », « 15 emplois ». */
export function tooltipLines(x: MapTexts, d: TerritoryDatum): string[] {
  const t = d.totals;
  const lines: string[] = [];
  if (t && d.state !== 'none' && d.state !== 'present') {
    if (known(t, 'laureats')) lines.push(x.tt.unit.laureats(t.laureats));
    if (known(t, 'montant') && t.montant > 0)
      lines.push(`${formatValue(x, 'montant', t.montant)} (${formatValue(x, 'montant', t.montant, true)})`);
    if (known(t, 'emplois')) lines.push(x.tt.unit.emplois(t.emplois));
  }
  return lines;
}

/** Title of the legend (and of the table): « Soutien de l’État par région », « Présence de lauréats par région ». */
export function legendTitle(x: MapTexts): string {
  const model = x.model;
  if (!model || model.mode === 'presence') return x.m.presenceTitle(x.level);
  return x.m.title(model.metric, x.level);
}

/** The figures of the downloaded CSV: a header (texts of `t`), then each territory with totals, by code and name. */
export function csvRows(model: TerritoryModel | undefined, t: Messages, level: MapLevel): (string | number)[][] {
  return [
    ['Code', t.field[level]!, t.metric.laureats, t.metric.montant, t.metric.emplois],
    ...(model?.territories ?? [])
      .filter((d) => d.totals)
      .map((d) => [d.code, d.name, d.totals!.laureats, d.totals!.montant, d.totals!.emplois]),
  ];
}
