/**
 * Number, amount, percentage and date formatting with `Intl`, French by default.
 * Formatters are cached per locale: creating `Intl` objects is slow.
 */

export type Lang = 'fr' | 'en';

/** Picks a supported language from a BCP 47 tag (`fr-FR`, `en-GB`…); French by default. */
export function resolveLang(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'fr';
}

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALE[lang], options)));
  return f;
}

/** « 1 234 » / "1,234". */
export function formatCount(value: number, lang: Lang = 'fr'): string {
  return numberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** « 13 400 000 € » / "€13,400,000" (cents only when there are some). */
export function formatEuros(value: number, lang: Lang = 'fr'): string {
  const cents = Math.round(value * 100) % 100 !== 0;
  return numberFormat(lang, {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: cents ? 2 : 0,
    maximumFractionDigits: cents ? 2 : 0,
  }).format(value);
}

/**
 * Short amount as the press release writes it: « 17,2 M€ », « 0,6 M€ », « 1,25 Md€ »; amounts under
 * 100 000 € in full (« 85 000 € »). English: "€17.2M", "€0.6M", "€1.25bn".
 */
export function formatEurosShort(value: number, lang: Lang = 'fr'): string {
  const abs = Math.abs(value);
  if (abs < 100_000) return formatEuros(value, lang);
  const [scaled, unitFr, unitEn] = abs >= 1e9 ? [value / 1e9, 'Md€', 'bn'] : [value / 1e6, 'M€', 'M'];
  // One decimal, two when one would hide a difference (e.g. 1,25 M€), never trailing zeros.
  const digits = Math.abs(scaled * 10 - Math.round(scaled * 10)) > 1e-9 && Math.abs(scaled) < 10 ? 2 : 1;
  const n = numberFormat(lang, { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(scaled);
  return lang === 'fr' ? `${n}\u00a0${unitFr}` : `€${n}${unitEn}`;
}

/** « 77,9 % » / "77.9%" from a share between 0 and 1. */
export function formatPercent(share: number, lang: Lang = 'fr', digits = 1): string {
  return numberFormat(lang, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: digits }).format(share);
}

const dateCache = new Map<string, Intl.DateTimeFormat>();

/** « 21 décembre 2021 » / "21 December 2021" from an ISO date; other text is returned as is. */
export function formatDate(value: string, lang: Lang = 'fr'): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value.trim());
  // Not a real month or day (« 2021-20 »): shown as written rather than as another date.
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12 || (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 31))) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, m[3] ? Number(m[3]) : 1));
  if (Number.isNaN(date.getTime())) return value;
  const key = `${lang}|${m[3] ? 'd' : 'm'}`;
  let f = dateCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { day: m[3] ? 'numeric' : undefined, month: 'long', year: 'numeric', timeZone: 'UTC' });
    dateCache.set(key, f);
  }
  return f.format(date);
}

const pluralCache = new Map<Lang, Intl.PluralRules>();
/** `one` or `other` for a count, with the language's rules (French: 0 and 1 are singular). */
export function pluralCategory(count: number, lang: Lang): 'one' | 'other' {
  let rules = pluralCache.get(lang);
  if (!rules) pluralCache.set(lang, (rules = new Intl.PluralRules(LOCALE[lang])));
  return rules.select(count) === 'one' ? 'one' : 'other';
}
