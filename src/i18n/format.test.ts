import { expect } from '@open-wc/testing';
import {
  formatCount,
  formatDate,
  formatEuros,
  formatEurosShort,
  formatNumber,
  formatPercent,
  pluralCategory,
  resolveLang,
} from './format.js';
import type { Lang } from './format.js';
import { messages, statutLabel } from './messages.js';

/** Intl uses narrow no-break spaces in French; compare with plain spaces. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

/** Values that exercise rounding (halves, carries, binary fractions), grouping, signs and the Intl fallback. */
function sampleValues(): number[] {
  const values = [
    0,
    -0,
    1,
    -1,
    0.5,
    1.5,
    2.5,
    -2.5,
    0.05,
    0.15,
    0.005,
    1.005,
    1.235,
    9.995,
    99.995,
    999.5,
    999_999.5,
    0.1 + 0.2,
    1234,
    12_345,
    123_456,
    1_234_567,
    13_400_000,
    17_200_000.5,
    0.779,
    13.4 / 17.2,
    1 / 3,
    2 / 3,
    1e-7,
    1e21,
    1.5e22,
    -1e-9,
    Number.MAX_SAFE_INTEGER,
    NaN,
    Infinity,
    -Infinity,
  ];
  // Deterministic pseudo-random values at every magnitude (linear congruential generator).
  let seed = 20211221;
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let k = 0; k < 600; k++) {
    const magnitude = 10 ** Math.floor(next() * 12 - 3);
    const v = next() * magnitude;
    values.push(k % 3 === 0 ? Math.round(v * 1000) / 1000 : k % 3 === 1 ? Math.round(v) + 0.5 : -v);
  }
  return values;
}

describe('formatting', () => {
  it('writes numbers, amounts, shares, dates and plurals exactly as Intl does in fr-FR and en-GB (without creating it)', () => {
    const locale = { fr: 'fr-FR', en: 'en-GB' } as const;
    for (const lang of ['fr', 'en'] as Lang[]) {
      for (const v of sampleValues()) {
        for (const max of [0, 1, 2]) {
          expect(formatNumber(v, lang, max), `${lang} ${v} max ${max}`).to.equal(
            new Intl.NumberFormat(locale[lang], { maximumFractionDigits: max }).format(v),
          );
        }
        expect(formatNumber(v, lang, 2, 2), `${lang} ${v} 2 decimals`).to.equal(
          new Intl.NumberFormat(locale[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v),
        );
        expect(formatCount(v, lang)).to.equal(
          new Intl.NumberFormat(locale[lang], { maximumFractionDigits: 0 }).format(v),
        );
        const cents = Math.round(v * 100) % 100 !== 0 ? 2 : 0;
        const euros = new Intl.NumberFormat(locale[lang], {
          style: 'currency',
          currency: 'EUR',
          minimumFractionDigits: cents,
          maximumFractionDigits: cents,
        });
        expect(formatEuros(v, lang), `${lang} ${v} €`).to.equal(euros.format(v));
        const share = v / 1000;
        expect(formatPercent(share, lang), `${lang} ${share} %`).to.equal(
          new Intl.NumberFormat(locale[lang], { style: 'percent', maximumFractionDigits: 1 }).format(share),
        );
        const plural = new Intl.PluralRules(locale[lang]).select(v) === 'one' ? 'one' : 'other';
        // (From 10²¹, Intl reads the exponent form « 1e+21 » as the count 1: not a count of laureates.)
        if (Math.abs(v) < 1e21) expect(pluralCategory(v, lang), `${lang} plural ${v}`).to.equal(plural);
      }
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 9, 28]) {
          const iso = `2021-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(Date.UTC(2021, month - 1, day));
          expect(formatDate(iso, lang)).to.equal(
            new Intl.DateTimeFormat(locale[lang], {
              day: 'numeric',
              month: 'long',
              year: 'numeric',
              timeZone: 'UTC',
            }).format(date),
          );
          expect(formatDate(iso.slice(0, 7), lang)).to.equal(
            new Intl.DateTimeFormat(locale[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date),
          );
        }
      }
    }
    // Not a real date: as written.
    expect(formatDate('2021-02-30')).to.equal('2021-02-30');
    expect(formatDate('2024-02-29')).to.equal('29 février 2024');
  });

  it('writes amounts the way the press release does, in French and English', () => {
    expect(plain(formatEurosShort(17_200_000))).to.equal('17,2 M€');
    expect(plain(formatEurosShort(13_400_000))).to.equal('13,4 M€');
    expect(plain(formatEurosShort(600_000))).to.equal('0,6 M€');
    expect(plain(formatEurosShort(1_250_000))).to.equal('1,25 M€');
    expect(plain(formatEurosShort(17_000_000))).to.equal('17 M€');
    expect(plain(formatEurosShort(85_000))).to.equal('85 000 €');
    expect(plain(formatEurosShort(2_500_000_000))).to.equal('2,5 Md€');
    expect(formatEurosShort(17_200_000, 'en')).to.equal('€17.2M');
    expect(formatEurosShort(600_000, 'en')).to.equal('€0.6M');
  });
  it('writes full amounts, counts and shares', () => {
    expect(plain(formatEuros(13_400_000))).to.equal('13 400 000 €');
    expect(plain(formatEuros(1250.5))).to.equal('1 250,50 €');
    expect(formatEuros(13_400_000, 'en')).to.equal('€13,400,000');
    expect(plain(formatCount(3080))).to.equal('3 080');
    expect(formatCount(3080, 'en')).to.equal('3,080');
    expect(plain(formatPercent(13.4 / 17.2))).to.equal('77,9 %');
    expect(formatPercent(13.4 / 17.2, 'en')).to.equal('77.9%');
  });
  it('writes dates in words, and leaves other text as it is', () => {
    expect(formatDate('2021-12-21')).to.equal('21 décembre 2021');
    expect(formatDate('2021-12-21', 'en')).to.equal('21 December 2021');
    expect(formatDate('2022-04')).to.equal('avril 2022');
    expect(formatDate('hier')).to.equal('hier');
  });
  it('picks the language from BCP 47 tags, French by default', () => {
    expect(resolveLang('en')).to.equal('en');
    expect(resolveLang('en-GB')).to.equal('en');
    expect(resolveLang('fr-FR')).to.equal('fr');
    expect(resolveLang('de')).to.equal('fr');
    expect(resolveLang('')).to.equal('fr');
    expect(resolveLang(null)).to.equal('fr');
  });
  it('uses French plural rules (0 and 1 are singular)', () => {
    expect(pluralCategory(0, 'fr')).to.equal('one');
    expect(pluralCategory(1, 'fr')).to.equal('one');
    expect(pluralCategory(0, 'en')).to.equal('other');
    expect(plain(messages('fr').unit.laureats(1))).to.equal('1 lauréat');
    expect(plain(messages('fr').unit.laureats(44))).to.equal('44 lauréats');
    expect(messages('en').unit.emplois(521)).to.equal('521 jobs');
    expect(statutLabel('fondation', 'fr', 1)).to.equal('Fondation');
    expect(statutLabel('cooperative', 'fr', 12)).to.equal('Coopératives');
    expect(statutLabel('cooperative', 'en', 12)).to.equal('Cooperatives');
  });
  it('explains row issues in French and English', () => {
    const issue = { level: 'warning' as const, row: 5, field: 'montant', value: 'beaucoup', code: 'invalid-montant' };
    expect(messages('fr').issue(issue)).to.equal('ligne 5 : montant « beaucoup » illisible, valeur ignorée');
    expect(messages('en').issue(issue)).to.equal('row 5: unreadable amount "beaucoup", value ignored');
    expect(messages('fr').ignoredRows(2)).to.equal('2 lignes ignorées');
    expect(messages('fr').ignoredRows(1)).to.equal('1 ligne ignorée');
  });
});
