/**
 * French-aware search folding and highlighting: lower case, accents removed, ligatures spelled out, punctuation as
 * spaces; the parts of a text that match a query, mapped back to the original text.
 *
 * No DOM, no HTML: everything here works on plain strings.
 */

// ---------------------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------------------

/** Combining marks (accents) and invisible format characters (soft hyphen, zero-width…). */
const IGNORED = /^[\p{Mn}\p{Cf}]$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Letters that do not decompose under NFKD but have an obvious Latin spelling. */
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  œ: 'oe',
  æ: 'ae',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
};
// eslint-disable-next-line no-control-regex -- the ASCII range, from NUL
const HAS_NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /[\u0300-\u036f]+/g;
/** One non-ASCII code point (a surrogate pair counts as one). */
const NON_ASCII_CHAR = /[\ud800-\udbff][\udc00-\udfff]|[\u0080-\uffff]/g;
/** Runs of ASCII characters that are not letters or digits (non-ASCII ones are folded before). */
const SEPARATOR_RUN = /[^a-z0-9\u0080-\uffff]+/g;
const SEPARATOR = /[^a-z0-9\u0080-\uffff]/g;

const nonAsciiCache = new Map<string, string>();

/** Folds one non-ASCII code point that is already NFKD-normalised and lower-cased. */
function foldNonAscii(c: string): string {
  let folded = nonAsciiCache.get(c);
  if (folded === undefined) {
    folded = IGNORED.test(c) ? '' : (SPECIAL_LETTERS[c] ?? (WORD_CHAR.test(c) ? c : ' '));
    if (nonAsciiCache.size < 10_000) nonAsciiCache.set(c, folded);
  }
  return folded;
}

/** NFKD, lower case, accents removed, special letters spelled out; separators not yet collapsed. */
function foldLetters(text: string): string {
  let folded = text.normalize('NFKD').toLowerCase();
  if (HAS_NON_ASCII.test(folded)) {
    folded = folded.replace(COMBINING, '');
    if (HAS_NON_ASCII.test(folded)) folded = folded.replace(NON_ASCII_CHAR, foldNonAscii);
  }
  return folded;
}

/**
 * Folds a text for search: lower case, accents removed (NFKD), `œ`→`oe`, `æ`→`ae`,
 * anything that is not a letter or a digit (hyphens, apostrophes ’ ', punctuation) becomes a
 * space, spaces collapsed and trimmed.
 *
 * e.g. `foldText("L’Œuvre de Saint-Étienne")` → `"l oeuvre de saint etienne"`.
 */
export function foldText(text: string | null | undefined): string {
  if (!text) return '';
  return foldLetters(text).replace(SEPARATOR_RUN, ' ').trim();
}

const charCache = new Map<string, string>();

/** Folds one code point, without collapsing: every non-word character becomes one space. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return ch;
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    return ' ';
  }
  let folded = charCache.get(ch);
  if (folded === undefined) {
    folded = foldLetters(ch).replace(SEPARATOR, ' ');
    if (charCache.size < 10_000) charCache.set(ch, folded);
  }
  return folded;
}

/** A folded text with, for each folded character, the range of original characters it comes from. */
export interface FoldedText {
  /** Same string as `foldText(original)`. */
  folded: string;
  /** `start[k]`: index in the original text of the first character behind folded character `k`. */
  start: Int32Array;
  /** `end[k]`: index in the original text just after the characters behind folded character `k`. */
  end: Int32Array;
}

/**
 * Folds a text like {@link foldText} and keeps a map from folded positions back to the
 * original text (folding changes lengths: NFD accents, `œ`→`oe`, collapsed spaces).
 */
export function foldWithMap(text: string): FoldedText {
  let folded = '';
  const start: number[] = [];
  const end: number[] = [];
  /** Original index where a pending run of separators began, or -1. */
  let pendingSpace = -1;
  let i = 0;
  while (i < text.length) {
    const code = text.codePointAt(i) ?? 0;
    const len = code > 0xffff ? 2 : 1;
    const piece = foldChar(len === 1 ? text[i]! : text.slice(i, i + 2));
    if (piece === '') {
      // An accent (or invisible character) belongs to the letter before it.
      if (pendingSpace < 0 && end.length > 0) end[end.length - 1] = i + len;
    }
    // Per UTF-16 unit, so that `start`/`end` stay aligned with `folded` (astral letters are 2 units).
    for (let u = 0; u < piece.length; u++) {
      const c = piece[u]!;
      if (c === ' ') {
        if (pendingSpace < 0 && folded.length > 0) pendingSpace = i;
        continue;
      }
      if (pendingSpace >= 0) {
        folded += ' ';
        start.push(pendingSpace);
        end.push(i);
        pendingSpace = -1;
      }
      folded += c;
      start.push(i);
      end.push(i + len);
    }
    i += len;
  }
  return { folded, start: Int32Array.from(start), end: Int32Array.from(end) };
}

/**
 * The distinct words of a search query, folded (see {@link foldText}), longest first.
 * e.g. `searchWords("  Saint-Étienne l'Orée ")` → `["etienne", "saint", "oree", "l"]`.
 */
export function searchWords(query: string | null | undefined): string[] {
  const words = [
    ...new Set(
      foldText(query)
        .split(' ')
        .filter((w) => w !== ''),
    ),
  ];
  return words.sort((a, b) => b.length - a.length);
}

/**
 * True when a folded text contains a folded word. A one-character word (`l` in « l'oree »,
 * or the first letter typed) must start a word, so that it does not match every row.
 */
function containsWord(folded: string, word: string): boolean {
  if (word.length > 1) return folded.includes(word);
  if (folded.startsWith(word)) return true;
  return folded.includes(' ' + word);
}

/**
 * True when every word of the query is found in the text (AND), case- and accent-insensitive.
 * A query without words matches everything.
 */
export function matchesSearch(text: string | null | undefined, query: string): boolean {
  const folded = foldText(text);
  return searchWords(query).every((w) => containsWord(folded, w));
}

// ---------------------------------------------------------------------------------------------
// Highlighting
// ---------------------------------------------------------------------------------------------

/** A part of a text, marked when it matches the search. */
export interface HighlightSegment {
  text: string;
  match: boolean;
}

/**
 * Splits the original text into segments, marking the parts that match any query word
 * (or the whole query phrase, e.g. « saint etienne » marks « Saint-Étienne » as one segment).
 * The segments concatenate back to exactly `text`; adjacent segments never share the same
 * `match`. Returns plain strings: render them as text nodes (e.g. `<mark>` for matches), never
 * as HTML. An empty text gives `[]`.
 */
export function highlight(text: string | null | undefined, query: string | null | undefined): HighlightSegment[] {
  if (!text) return [];
  const words = searchWords(query);
  if (words.length === 0) return [{ text, match: false }];
  const { folded, start, end } = foldWithMap(text);
  const marked = new Uint8Array(text.length);
  const terms = words.length > 1 ? [foldText(query), ...words] : words;
  for (const term of terms) {
    let at = folded.indexOf(term);
    while (at >= 0) {
      if (term.length > 1 || at === 0 || folded[at - 1] === ' ') {
        for (let k = at; k < at + term.length; k++) marked.fill(1, start[k], end[k]);
      }
      at = folded.indexOf(term, at + 1);
    }
  }
  const segments: HighlightSegment[] = [];
  let from = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i === text.length || marked[i] !== marked[from]) {
      segments.push({ text: text.slice(from, i), match: marked[from] === 1 });
      from = i;
    }
  }
  return segments;
}
