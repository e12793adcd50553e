import { expect } from '@open-wc/testing';
import { formatCount, formatDate, formatEuros, formatEurosShort, formatPercent, pluralCategory, resolveLang } from './format.js';
import { messages, statutLabel } from './messages.js';

/** Intl uses narrow no-break spaces in French; compare with plain spaces. */
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatting', () => {
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
