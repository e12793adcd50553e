/**
 * Number, amount, percentage and date formatting, French by default: `fr-FR` and `en-GB` exactly as `Intl` writes
 * them, without creating `Intl` objects on the way to a first paint (slow: see {@link formatNumber}); `Intl` (cached)
 * only for what is rare (exponents, non-finite values).
 */

export type Lang = 'fr' | 'en';

/** Picks a supported language from a BCP 47 tag (`fr-FR`, `en-GB`…); French by default. */
export function resolveLang(tag: string | null | undefined): Lang {
  return tag && /^en\b/i.test(tag.trim()) ? 'en' : 'fr';
}

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat>();

/** An `Intl.NumberFormat`, created once per language and options: only for what {@link decimal} does not write. */
function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALE[lang], options)));
  return f;
}

/** Digit grouping and decimal separators of `fr-FR` (narrow no-break space, comma) and `en-GB`. */
const SEPARATORS: Record<Lang, [group: string, decimal: string]> = { fr: ['\u202f', ','], en: [',', '.'] };

/**
 * The digits of `abs` (finite, ≥ 0) rounded to at most `max` decimals, at least `min`, the way `Intl.NumberFormat`
 * does it (half away from zero, on the shortest decimal form of the number), then `shift` places to the left
 * (percentages): `[integer, fraction]`. Undefined when the shortest form has an exponent (under 10⁻⁶ or from 10²¹),
 * left to `Intl`.
 *
 * Why not `Intl`: the first `Intl.NumberFormat` of a page takes 10 to 30 ms to create (locale data), which delayed
 * every widget's first paint; these few formats are exactly reproduced here (checked against `Intl` in the tests).
 */
function roundDigits(abs: number, min: number, max: number, shift = 0): [string, string] | undefined {
  const text = String(abs);
  if (text.includes('e')) return undefined;
  const dot = text.indexOf('.');
  let int = dot < 0 ? text : text.slice(0, dot);
  let frac = dot < 0 ? '' : text.slice(dot + 1);
  if (shift) {
    frac = frac.padEnd(shift, '0');
    int = (int + frac.slice(0, shift)).replace(/^0+(?=\d)/, '');
    frac = frac.slice(shift);
  }
  if (frac.length > max) {
    const up = frac.charCodeAt(max) >= 53; // '5'
    let digits = int + frac.slice(0, max);
    if (up) {
      // Add one to the last digit, carrying.
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === '9') i--;
      digits =
        i < 0
          ? `1${'0'.repeat(digits.length)}`
          : digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - i - 1);
    }
    int = digits.slice(0, digits.length - max) || '0';
    frac = digits.slice(digits.length - max);
  }
  frac = frac.replace(/0+$/, '').padEnd(min, '0');
  return [int, frac];
}

/**
 * A number in `fr-FR` or `en-GB` with `min` to `max` decimals, as `Intl.NumberFormat` writes it (« 1 234,5 »,
 * "1,234.5"), and whether it is negative. `shift`: decimal places moved first (2 for a percentage).
 */
function decimal(
  value: number,
  lang: Lang,
  min: number,
  max: number,
  shift = 0,
): { text: string; negative: boolean } | undefined {
  if (!Number.isFinite(value)) return undefined;
  const parts = roundDigits(Math.abs(value), min, max, shift);
  if (!parts) return undefined;
  const [group, point] = SEPARATORS[lang];
  const [int, frac] = parts;
  let grouped = int;
  if (int.length > 3) {
    grouped = int.slice(0, int.length % 3 || 3);
    for (let i = grouped.length; i < int.length; i += 3) grouped += group + int.slice(i, i + 3);
  }
  // As Intl: « -0 » for a negative value rounded to zero.
  return { text: frac ? grouped + point + frac : grouped, negative: value < 0 || Object.is(value, -0) };
}

/** « 1 234,56 » / "1,234.56": a number with at most `max` decimals (and at least `min`). */
export function formatNumber(value: number, lang: Lang = 'fr', max = 0, min = 0): string {
  const d = decimal(value, lang, min, max);
  if (!d) return numberFormat(lang, { minimumFractionDigits: min, maximumFractionDigits: max }).format(value);
  return d.negative ? `-${d.text}` : d.text;
}

/** « 1 234 » / "1,234". */
export function formatCount(value: number, lang: Lang = 'fr'): string {
  return formatNumber(value, lang);
}

/** « 13 400 000 € » / "€13,400,000" (cents only when there are some). */
export function formatEuros(value: number, lang: Lang = 'fr'): string {
  const cents = Math.round(value * 100) % 100 !== 0;
  const digits = cents ? 2 : 0;
  const d = decimal(value, lang, digits, digits);
  if (!d)
    return numberFormat(lang, {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(value);
  const sign = d.negative ? '-' : '';
  return lang === 'fr' ? `${sign}${d.text}\u00a0€` : `${sign}€${d.text}`;
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
  const n = formatNumber(scaled, lang, digits);
  return lang === 'fr' ? `${n}\u00a0${unitFr}` : `€${n}${unitEn}`;
}

/** « 77,9 % » / "77.9%" from a share between 0 and 1. */
export function formatPercent(share: number, lang: Lang = 'fr', digits = 1): string {
  const d = decimal(share, lang, 0, digits, 2);
  if (!d)
    return numberFormat(lang, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: digits }).format(
      share,
    );
  const n = d.negative ? `-${d.text}` : d.text;
  return lang === 'fr' ? `${n}\u00a0%` : `${n}%`;
}

const MONTHS: Record<Lang, readonly string[]> = {
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** « 21 décembre 2021 » / "21 December 2021" from an ISO date (« décembre 2021 » from `2021-12`); other text is returned as is. */
export function formatDate(value: string, lang: Lang = 'fr'): string {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(value.trim());
  if (!m) return value;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  // Not a real month or day (« 2021-20 », « 2021-02-30 »): shown as written rather than as another date.
  if (month < 1 || month > 12) return value;
  if (day !== undefined && (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())) return value;
  const name = MONTHS[lang][month - 1]!;
  return `${day === undefined ? '' : `${day} `}${name} ${year}`;
}

/**
 * `one` or `other` for a count, with the language's rules as `Intl.PluralRules` gives them: French, 0 ≤ |n| < 2 is
 * singular (« 0 lauréat », « 1,5 million »); English, exactly 1.
 */
export function pluralCategory(count: number, lang: Lang): 'one' | 'other' {
  const n = Math.abs(count);
  return (lang === 'fr' ? n < 2 : n === 1) ? 'one' : 'other';
}

/** The form of a word for a count: `plural(3, 'fr', { one: 'lauréat', other: 'lauréats' })` → « lauréats ». */
export function plural(count: number, lang: Lang, forms: { one: string; other: string }): string {
  return forms[pluralCategory(count, lang)];
}
