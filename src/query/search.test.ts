import { expect } from '@open-wc/testing';
import type { HighlightSegment } from './search.js';
import { foldText, foldWithMap, highlight, matchesSearch, searchWords } from './search.js';

/** Segments as compact strings: matches in [brackets]. */
const show = (segments: HighlightSegment[]) => segments.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('query/search: folding', () => {
  it('folds case, accents, ligatures, hyphens, apostrophes and spaces', () => {
    expect(foldText('Économie')).to.equal('economie');
    expect(foldText('Saint-Étienne')).to.equal('saint etienne');
    expect(foldText('L’Orée')).to.equal('l oree');
    expect(foldText("l'oree")).to.equal('l oree');
    expect(foldText('Main-d’Œuvre')).to.equal('main d oeuvre');
    expect(foldText('œuvre')).to.equal(foldText('oeuvre'));
    expect(foldText('Lætitia')).to.equal('laetitia');
    expect(foldText('  Côte-d’Or,   « Nièvre » !  ')).to.equal('cote d or nievre');
    expect(foldText('E\u0301cole')).to.equal('ecole'); // already decomposed (NFD) input
    expect(foldText('Saint\u00ADÉtienne')).to.equal('saintetienne'); // soft hyphen is invisible
    expect(foldText('ﬁlature n°\u00A012')).to.equal('filature n 12'); // ligature ﬁ, ° is not a letter
    expect(foldText('')).to.equal('');
    expect(foldText(undefined)).to.equal('');
  });

  it('keeps a map from folded positions to the original text', () => {
    const samples = [
      'Saint-Étienne',
      'L’Œuvre — Cœur & Lætitia',
      'E\u0301cole  d\u2019art',
      '  ...Île-de-France!! ',
      'ﬁn ½ Straße ΟΔΟΣ 𝐀𝐁 𠀀x',
      '',
      '---',
    ];
    for (const text of samples) {
      const { folded, start, end } = foldWithMap(text);
      expect(folded, text).to.equal(foldText(text));
      expect(start.length, text).to.equal(folded.length);
      expect(end.length, text).to.equal(folded.length);
    }
    const { folded, start, end } = foldWithMap('Cœur-É');
    expect(folded).to.equal('coeur e');
    // c o e u r ' ' e  ←  C œ œ u r - É
    expect(Array.from(start)).to.deep.equal([0, 1, 1, 2, 3, 4, 5]);
    expect(Array.from(end)).to.deep.equal([1, 2, 2, 3, 4, 5, 6]);
    const nfd = foldWithMap('E\u0301t');
    expect(nfd.folded).to.equal('et');
    expect(Array.from(nfd.end)).to.deep.equal([2, 3]); // the accent belongs to E
  });

  it('splits a query into distinct folded words, longest first', () => {
    expect(searchWords("  Saint-Étienne l'Orée saint ")).to.deep.equal(['etienne', 'saint', 'oree', 'l']);
    expect(searchWords(' - ’ ')).to.deep.equal([]);
  });

  it('matches accent- and case-insensitively, every word (AND)', () => {
    expect(matchesSearch('Économie sociale', 'economie')).to.equal(true);
    expect(matchesSearch('Saint-Étienne', 'saint etienne')).to.equal(true);
    expect(matchesSearch('Saint-Étienne', 'SAINT-ÉTIENNE')).to.equal(true);
    expect(matchesSearch('L’Orée du bois', "l'oree")).to.equal(true);
    expect(matchesSearch('Main-d’œuvre', 'oeuvre')).to.equal(true);
    expect(matchesSearch('Main-d’oeuvre', 'œuvre')).to.equal(true);
    expect(matchesSearch('Lætitia', 'laetitia')).to.equal(true);
    expect(matchesSearch('Saint-Étienne', 'saint lyon')).to.equal(false);
    expect(matchesSearch('Économie', 'economies')).to.equal(false);
    // A one-letter word must start a word: « l » does not match « Orée du bois ».
    expect(matchesSearch('Orée du bois', "l'oree")).to.equal(false);
    expect(matchesSearch('anything', '')).to.equal(true);
  });
});

describe('query/search: highlight', () => {
  it('marks the matching parts of the original text, accents and hyphens kept', () => {
    const text = 'Saint-Étienne Métropole';
    const segments = highlight(text, 'etienne');
    expect(segments).to.deep.equal([
      { text: 'Saint-', match: false },
      { text: 'Étienne', match: true },
      { text: ' Métropole', match: false },
    ]);
    expect(segments.map((s) => s.text).join('')).to.equal(text);
    expect(show(highlight(text, 'metro saint'))).to.equal('[Saint]-Étienne [Métro]pole');
    // The whole phrase is marked as one part, separator included.
    expect(show(highlight(text, 'saint etienne'))).to.equal('[Saint-Étienne] Métropole');
  });

  it('maps œ, æ, typographic apostrophes and decomposed accents back to the original', () => {
    expect(show(highlight('Main-d’Œuvre solidaire', 'oeuvre'))).to.equal('Main-d’[Œuvre] solidaire');
    expect(show(highlight('Cœur de Lætitia', 'coeur laetitia'))).to.equal('[Cœur] de [Lætitia]');
    expect(show(highlight('Œuf', 'oe'))).to.equal('[Œ]uf');
    expect(show(highlight('L’Orée de l’Oise', "l'oree"))).to.equal('[L’Orée] de [l]’Oise');
    const nfd = 'E\u0301cole e\u0301co';
    const segments = highlight(nfd, 'eco');
    expect(segments.map((s) => s.text).join('')).to.equal(nfd);
    expect(segments).to.deep.equal([
      { text: 'E\u0301co', match: true },
      { text: 'le ', match: false },
      { text: 'e\u0301co', match: true },
    ]);
  });

  it('always concatenates back to the original, alternating marked and unmarked parts', () => {
    const texts = [
      'Saint-Étienne',
      'L’Œuvre — Cœur & Lætitia',
      'E\u0301cole  d\u2019art',
      '𝐀𝐁c 𠀀x œœ',
      '  ...Île!! ',
      'ﬁlature',
    ];
    const queries = ['e', 'oe', 'ie', 'ecole art', 'ab', 'x', 'fi', '𠀀', 'l oeuvre', 'saint-e'];
    for (const text of texts) {
      for (const q of queries) {
        const segments = highlight(text, q);
        expect(segments.map((seg) => seg.text).join(''), `${text} / ${q}`).to.equal(text);
        for (let k = 1; k < segments.length; k++) expect(segments[k]!.match).to.not.equal(segments[k - 1]!.match);
        expect(segments.every((seg) => seg.text.length > 0)).to.equal(true);
      }
    }
    expect(show(highlight('𝐀𝐁c 𠀀x', 'ab'))).to.equal('[𝐀𝐁]c 𠀀x'); // astral letters, NFKD
    expect(show(highlight('𝐀𝐁c 𠀀x', '𠀀x'))).to.equal('𝐀𝐁c [𠀀x]');
  });

  it('returns the text unmarked without query, and nothing for an empty text', () => {
    expect(highlight('<b>Économie</b>', '')).to.deep.equal([{ text: '<b>Économie</b>', match: false }]);
    expect(show(highlight('<b>Économie</b>', 'b'))).to.equal('<[b]>Économie</[b]>');
    expect(highlight('', 'eco')).to.deep.equal([]);
    expect(highlight('Lyon', 'paris')).to.deep.equal([{ text: 'Lyon', match: false }]);
  });
});
