/**
 * Pure data module of the `<relance-laureate-list>` widget: French-aware search folding,
 * highlighting, a per-dataset index for fast filtering and sorting, totals and CSV export.
 *
 * No DOM, no HTML: everything here works on plain strings, numbers and index arrays.
 */
import type { Laureate } from '../model/types.js';

/** Columns the list can show, sort and export. */
export const LIST_COLUMNS = [
  'nom',
  'statut',
  'region',
  'departement',
  'commune',
  'territoire',
  'montant',
  'emplois',
  'projet',
  'siren',
] as const;

/** A list column. */
export type ListColumn = (typeof LIST_COLUMNS)[number];

/** Fields of a row that free-text search looks into (plus `extraText`, when given). */
export const SEARCH_FIELDS = ['nom', 'commune', 'territoire', 'projet'] as const;

/** Numeric columns: sorted as numbers, written as numbers in CSV. */
const NUMERIC_COLUMNS: ReadonlySet<ListColumn> = new Set<ListColumn>(['montant', 'emplois']);

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
  const words = [...new Set(foldText(query).split(' ').filter((w) => w !== ''))];
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

// ---------------------------------------------------------------------------------------------
// Index, filters and sort
// ---------------------------------------------------------------------------------------------

/** Options of {@link createListIndex}. */
export interface ListIndexOptions {
  /**
   * More searchable text for a row, e.g. the names of its département and région
   * (the row only holds their codes).
   */
  extraText?: (row: Laureate) => string | undefined;
  /**
   * The text a text column sorts by, e.g. the display label of `statut`, `region` or
   * `departement` so that codes sort by name. Return `undefined` to use the row's value.
   * Ignored for `montant` and `emplois`.
   */
  sortText?: (row: Laureate, column: ListColumn) => string | undefined;
}

/** A dataset prepared once for fast search, filtering and sorting. Treat as opaque. */
export interface ListIndex {
  /** The rows, as given (not copied). */
  readonly rows: readonly Laureate[];
}

/**
 * Internal state. Search works on a vocabulary: every distinct folded word (token) of the
 * searchable text, with the rows it appears in (postings). A query word has no space, so it is a
 * substring of a row's folded text exactly when it is a substring of one of the row's tokens.
 * The vocabulary fields are filled when the build completes (see {@link createListIndexBuilder}).
 */
interface IndexState extends ListIndex {
  readonly options: ListIndexOptions;
  /** `"\n" + tokens.join("\n")`: one string to scan for a query word. */
  vocabulary: string;
  /** Position in `vocabulary` of each token's first character, plus a sentinel. */
  tokenStart: Int32Array;
  /** Rows of token `t`: `postings[postingStart[t] .. postingStart[t + 1]]`, ascending, distinct. */
  postingStart: Int32Array;
  postings: Int32Array;
  readonly montant: Float64Array;
  readonly emplois: Float64Array;
  /** Per filtered field: the distinct codes, and each row's code as an id into them (0: none). */
  readonly codes: Record<FilterField, { ids: Map<string, number>; rows: Uint16Array | Int32Array }>;
  /** Lazily computed sort ranks per column (-1: missing value). */
  readonly ranks: Map<ListColumn, { ranks: Int32Array; distinct: number }>;
  /** Tokens matched by recent query words (cleared when large). */
  readonly wordCache: Map<string, Int32Array>;
  /** Completes the search vocabulary when the build is still in progress. */
  pending?: () => void;
}

/** Row fields the list filters on. */
type FilterField = 'statut' | 'region' | 'departement';
const FILTER_FIELDS: readonly FilterField[] = ['statut', 'region', 'departement'];

let collator: Intl.Collator | undefined;
/**
 * French collation, numbers inside text compared as numbers (« Lot 2 » < « Lot 10 »). Created on first use, not when
 * the module loads: creating the first `Intl.Collator` of a page costs 15 to 25 ms (collation data), which every
 * page would pay before its first paint, sort or not.
 */
export function frenchCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator('fr', { sensitivity: 'base', numeric: true }));
}

/**
 * Sorts names (of régions, départements…) in French order without the collator: by their folded form (no accents,
 * no case, punctuation as spaces), then as written. The same order as {@link frenchCollator} for the names of every
 * région and département (checked in the tests), so that filter lists need no collator before the first paint.
 */
export function sortByName<T extends { name: string }>(items: T[]): T[] {
  const key = new Map(items.map((item) => [item, foldText(item.name)]));
  return items.sort((a, b) => {
    const ka = key.get(a)!;
    const kb = key.get(b)!;
    return ka < kb ? -1 : ka > kb ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

function toNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.NaN;
}

/**
 * Builds the index of a dataset: folded vocabulary of the searchable text (nom, commune,
 * territoire, projet, `extraText`) with the rows of each word, and numeric columns.
 * Build it once per dataset (or when `options` change), then call {@link queryList} per keystroke.
 */
export function createListIndex(rows: readonly Laureate[], options: ListIndexOptions = {}): ListIndex {
  return createListIndexBuilder(rows, options).finish();
}

/** An index being built in steps (see {@link createListIndexBuilder}). */
export interface ListIndexBuilder {
  /**
   * The index, usable at once: filters, sorts and totals need no vocabulary; a query with a
   * search completes the build first (synchronously), so results are always exact.
   */
  readonly index: ListIndex;
  /** True when the search vocabulary is complete. */
  readonly done: boolean;
  /** Number of rows whose searchable text is indexed. */
  readonly progress: number;
  /** Indexes more rows for about `budgetMs` milliseconds (default 8). Returns `done`. */
  step(budgetMs?: number): boolean;
  /** Completes the build and returns the index. */
  finish(): ListIndex;
}

const NO_TOKENS: readonly number[] = [];

/**
 * Starts building the index of a dataset. The numeric columns and filter codes are prepared
 * at once (a fast linear pass); the search vocabulary, the costly part (about 1 µs per word),
 * is built by {@link ListIndexBuilder.step} calls, e.g. in idle time, so that a very large list
 * can show its first page before it is searchable. Same result as {@link createListIndex}.
 */
export function createListIndexBuilder(rows: readonly Laureate[], options: ListIndexOptions = {}): ListIndexBuilder {
  const n = rows.length;
  const montant = new Float64Array(n);
  const emplois = new Float64Array(n);
  // One pass over the rows (direct property reads: a loop per field would be a megamorphic lookup).
  const ids: Record<FilterField, Map<string, number>> = { statut: new Map(), region: new Map(), departement: new Map() };
  const ofRow: Record<FilterField, Int32Array> = { statut: new Int32Array(n), region: new Int32Array(n), departement: new Int32Array(n) };
  const codeId = (field: FilterField, code: unknown): number => {
    if (typeof code !== 'string') return 0;
    const map = ids[field];
    let id = map.get(code);
    if (id === undefined) map.set(code, (id = map.size + 1));
    return id;
  };
  for (let i = 0; i < n; i++) {
    const item = rows[i]!;
    ofRow.statut[i] = codeId('statut', item.statut);
    ofRow.region[i] = codeId('region', item.region);
    ofRow.departement[i] = codeId('departement', item.departement);
    montant[i] = toNumber(item.montant);
    emplois[i] = toNumber(item.emplois);
  }
  const codes = {} as IndexState['codes'];
  for (const field of FILTER_FIELDS) {
    codes[field] = { ids: ids[field], rows: ids[field].size < 65535 ? Uint16Array.from(ofRow[field]) : ofRow[field] };
  }
  const state: IndexState = {
    rows,
    options,
    vocabulary: '\n',
    tokenStart: new Int32Array(1),
    postingStart: new Int32Array(1),
    postings: new Int32Array(0),
    montant,
    emplois,
    codes,
    ranks: new Map(),
    wordCache: new Map(),
  };

  // Vocabulary under construction: (row, token) pairs, rows in order, each token once per row.
  const tokenIds = new Map<string, number>();
  const tokens: string[] = [];
  let lastRow = new Int32Array(1024).fill(-1);
  let pairTokens = new Int32Array(Math.max(1024, Math.min(n * 24, 1 << 26)));
  let pairCount = 0;
  const rowEnd = new Int32Array(n);
  /** Token ids of a space-free piece of raw text (folding is done once per distinct piece). */
  const pieces = new Map<string, number | readonly number[]>();
  /** Token ids of a whole value that repeats (commune, territoire, extra text). */
  const values = new Map<string, readonly number[]>();
  let row = 0;
  let done = n === 0;

  const tokenId = (token: string): number => {
    let id = tokenIds.get(token);
    if (id === undefined) {
      id = tokens.length;
      tokenIds.set(token, id);
      tokens.push(token);
      if (id >= lastRow.length) {
        const grown = new Int32Array(lastRow.length * 2).fill(-1);
        grown.set(lastRow);
        lastRow = grown;
      }
    }
    return id;
  };
  const addId = (id: number) => {
    if (lastRow[id] === row) return;
    lastRow[id] = row;
    if (pairCount === pairTokens.length) {
      const grown = new Int32Array(pairTokens.length * 2);
      grown.set(pairTokens);
      pairTokens = grown;
    }
    pairTokens[pairCount++] = id;
  };
  const add = (text: unknown) => {
    if (typeof text !== 'string' || text === '') return;
    for (const piece of text.split(' ')) {
      if (piece === '') continue;
      let ids = pieces.get(piece);
      if (ids === undefined) {
        const found = foldText(piece)
          .split(' ')
          .filter((t) => t !== '')
          .map(tokenId);
        ids = found.length === 1 ? found[0]! : found.length === 0 ? NO_TOKENS : found;
        pieces.set(piece, ids);
      }
      if (typeof ids === 'number') addId(ids);
      else for (const id of ids) addId(id);
    }
  };
  const addRepeated = (text: unknown) => {
    if (typeof text !== 'string' || text === '') return;
    let ids = values.get(text);
    if (ids === undefined) {
      ids = [...new Set(foldText(text).split(' ').filter((t) => t !== '').map(tokenId))];
      values.set(text, ids);
    }
    for (const id of ids) addId(id);
  };

  const complete = () => {
    if (done) return;
    const count = tokens.length;
    const tokenStart = new Int32Array(count + 1);
    const postingStart = new Int32Array(count + 1);
    for (let p = 0; p < pairCount; p++) postingStart[pairTokens[p]! + 1]!++;
    for (let t = 0; t < count; t++) postingStart[t + 1]! += postingStart[t]!;
    const postings = new Int32Array(pairCount);
    const cursor = postingStart.slice(0, count);
    let p = 0;
    for (let r = 0; r < n; r++) {
      const end = rowEnd[r]!;
      for (; p < end; p++) postings[cursor[pairTokens[p]!]!++] = r;
    }
    let position = 1;
    for (let t = 0; t < count; t++) {
      tokenStart[t] = position;
      position += tokens[t]!.length + 1;
    }
    tokenStart[count] = position;
    state.vocabulary = '\n' + tokens.join('\n');
    state.tokenStart = tokenStart;
    state.postingStart = postingStart;
    state.postings = postings;
    state.wordCache.clear();
    state.pending = undefined;
    done = true;
    // Free the construction buffers.
    pairTokens = new Int32Array(0);
    lastRow = new Int32Array(0);
    pieces.clear();
    values.clear();
    tokenIds.clear();
  };

  const step = (budgetMs = 8): boolean => {
    if (done) return true;
    const deadline = performance.now() + budgetMs;
    const extraText = options.extraText;
    while (row < n) {
      const item = rows[row]!;
      add(item.nom);
      addRepeated(item.commune);
      addRepeated(item.territoire);
      add(item.projet);
      if (extraText) addRepeated(extraText(item));
      rowEnd[row] = pairCount;
      row++;
      if ((row & 127) === 0 && performance.now() > deadline) break;
    }
    if (row >= n) complete();
    return done;
  };

  const finish = (): ListIndex => {
    step(Number.POSITIVE_INFINITY);
    return state;
  };
  if (!done) state.pending = finish;
  return {
    index: state,
    get done() {
      return done;
    },
    get progress() {
      return row;
    },
    step,
    finish,
  };
}

/**
 * Forgets the cached sort ranks of a column (or of every column), e.g. when the labels given
 * by `sortText` change with the language. They are computed again at the next sort.
 */
export function clearSortRanks(index: ListIndex, column?: ListColumn): void {
  const state = index as IndexState;
  if (column) state.ranks.delete(column);
  else state.ranks.clear();
}

/** Sort order of a list. */
export interface ListSort {
  column: ListColumn;
  direction: 'ascending' | 'descending';
}

/** What the list shows: filters (empty or absent = no filter), search and sort. */
export interface ListQuery {
  /** Free text: every word must be found in nom, commune, territoire, projet or `extraText`. */
  search?: string;
  /** Keep rows whose `statut` is one of these codes. */
  statuts?: readonly string[];
  /** Keep rows whose `region` is one of these INSEE codes. */
  regions?: readonly string[];
  /** Keep rows whose `departement` is one of these INSEE codes. */
  departements?: readonly string[];
  /** Sort; without it, rows keep the dataset order. */
  sort?: ListSort;
}

/** Rows allowed by one filter: `allowed[codeId]` is 1 for the chosen codes; undefined: no filter. */
function filterMask(state: IndexState, field: FilterField, values: readonly string[] | undefined) {
  if (!values || values.length === 0) return undefined;
  const { ids, rows } = state.codes[field];
  const allowed = new Uint8Array(ids.size + 1);
  for (const value of values) {
    const id = ids.get(value);
    if (id !== undefined) allowed[id] = 1;
  }
  return { allowed, rows };
}

/** Ids of the tokens that contain a folded word (that start with it, for a one-character word). */
function matchingTokens(state: IndexState, word: string): Int32Array {
  const cached = state.wordCache.get(word);
  if (cached) return cached;
  const { vocabulary, tokenStart } = state;
  const last = tokenStart.length - 2;
  const pattern = word.length === 1 ? '\n' + word : word;
  const found: number[] = [];
  let at = vocabulary.indexOf(pattern);
  while (at >= 0) {
    const position = word.length === 1 ? at + 1 : at;
    // Last token starting at or before `position`.
    let low = 0;
    let high = last;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (tokenStart[middle]! <= position) low = middle;
      else high = middle - 1;
    }
    found.push(low);
    at = vocabulary.indexOf(pattern, tokenStart[low + 1]! - 1);
  }
  const result = Int32Array.from(found);
  if (state.wordCache.size >= 256) state.wordCache.clear();
  state.wordCache.set(word, result);
  return result;
}

/**
 * For each row, how many query words it contains (`words.length` when it matches them all),
 * or `undefined` when no row can match.
 */
function searchHits(state: IndexState, words: readonly string[]): Uint16Array | undefined {
  const { postingStart, postings } = state;
  const matched = words.slice(0, 65535).map((word) => {
    const tokens = matchingTokens(state, word);
    let size = 0;
    for (const t of tokens) size += postingStart[t + 1]! - postingStart[t]!;
    return { tokens, size };
  });
  if (matched.some((m) => m.size === 0)) return undefined;
  matched.sort((a, b) => a.size - b.size);
  const hits = new Uint16Array(state.rows.length);
  for (let k = 0; k < matched.length; k++) {
    const next = k + 1;
    for (const t of matched[k]!.tokens) {
      const end = postingStart[t + 1]!;
      for (let p = postingStart[t]!; p < end; p++) {
        const r = postings[p]!;
        if (hits[r] === k) hits[r] = next;
      }
    }
  }
  return hits;
}

/**
 * The indices (into `index.rows`) of the rows that pass the filters and the search, in
 * dataset order or sorted by `query.sort` (see {@link sortIndices}). Always a new array.
 */
export function queryList(index: ListIndex, query: ListQuery = {}): Int32Array {
  const state = index as IndexState;
  const n = state.rows.length;
  const statuts = filterMask(state, 'statut', query.statuts);
  const regions = filterMask(state, 'region', query.regions);
  const departements = filterMask(state, 'departement', query.departements);
  const words = searchWords(query.search);
  if (words.length > 0) state.pending?.();
  let out: Int32Array;
  if (!statuts && !regions && !departements && words.length === 0) {
    out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
  } else {
    const hits = words.length > 0 ? searchHits(state, words) : undefined;
    const all = Math.min(words.length, 65535);
    if (words.length > 0 && !hits) {
      out = new Int32Array(0);
    } else {
      const buffer = new Int32Array(n);
      let count = 0;
      for (let i = 0; i < n; i++) {
        if (hits && hits[i] !== all) continue;
        if (statuts && statuts.allowed[statuts.rows[i]!] === 0) continue;
        if (regions && regions.allowed[regions.rows[i]!] === 0) continue;
        if (departements && departements.allowed[departements.rows[i]!] === 0) continue;
        buffer[count++] = i;
      }
      out = buffer.slice(0, count);
    }
  }
  return query.sort ? sortIndices(index, out, query.sort) : out;
}

function defaultSortText(row: Laureate, column: ListColumn): string | undefined {
  const value: unknown = row[column];
  return typeof value === 'string' ? value : value === undefined || value === null ? undefined : String(value);
}

/** Ranks of every row for a column: equal values share a rank; -1 for a missing value. */
function columnRanks(state: IndexState, column: ListColumn): { ranks: Int32Array; distinct: number } {
  const cached = state.ranks.get(column);
  if (cached) return cached;
  const n = state.rows.length;
  const ranks = new Int32Array(n);
  let distinct = 0;
  if (NUMERIC_COLUMNS.has(column)) {
    const values = column === 'montant' ? state.montant : state.emplois;
    // Distinct values, ascending; a row's rank is the position of its value (binary search).
    const sorted = values.filter((v) => !Number.isNaN(v)).sort();
    for (let k = 0; k < sorted.length; k++) {
      if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[distinct++] = sorted[k]!;
    }
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (Number.isNaN(v)) {
        ranks[i] = -1;
        continue;
      }
      let low = 0;
      let high = distinct - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle]! < v) low = middle + 1;
        else high = middle;
      }
      ranks[i] = low;
    }
  } else {
    const sortText = state.options.sortText;
    const keys = new Array<string | undefined>(n);
    const rankOf = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const row = state.rows[i]!;
      let key = sortText?.(row, column) ?? defaultSortText(row, column);
      if (key !== undefined) {
        key = key.trim();
        if (key === '') key = undefined;
        else rankOf.set(key, 0);
      }
      keys[i] = key;
    }
    const compare = frenchCollator().compare;
    const values = [...rankOf.keys()].sort(compare);
    for (let k = 0; k < values.length; k++) {
      if (k > 0 && compare(values[k - 1]!, values[k]!) !== 0) distinct++;
      rankOf.set(values[k]!, distinct);
    }
    if (values.length > 0) distinct++;
    for (let i = 0; i < n; i++) {
      const key = keys[i];
      ranks[i] = key === undefined ? -1 : rankOf.get(key)!;
    }
  }
  const entry = { ranks, distinct };
  state.ranks.set(column, entry);
  return entry;
}

/**
 * Sorts row indices by a column: French collation (`Intl.Collator('fr', {sensitivity: 'base',
 * numeric: true})`) for text columns, numeric order for `montant` and `emplois`. Missing values
 * (absent, empty text, non-finite number) come last in both directions; ties keep the order of
 * `indices` (dataset order for {@link queryList}) in both directions.
 * The first sort by a column ranks every row once (cached in the index); later sorts are a
 * linear counting sort by rank. Returns a new array.
 */
export function sortIndices(index: ListIndex, indices: ArrayLike<number>, sort: ListSort): Int32Array {
  const state = index as IndexState;
  const { ranks, distinct } = columnRanks(state, sort.column);
  const m = indices.length;
  const descending = sort.direction === 'descending';
  // Bucket per rank, missing values in the last bucket (`distinct`).
  const buckets = new Int32Array(m);
  const starts = new Int32Array(distinct + 2);
  for (let j = 0; j < m; j++) {
    const r = ranks[indices[j]!]!;
    const bucket = r < 0 ? distinct : descending ? distinct - 1 - r : r;
    buckets[j] = bucket;
    starts[bucket + 1]!++;
  }
  for (let b = 1; b < starts.length; b++) starts[b]! += starts[b - 1]!;
  const out = new Int32Array(m);
  for (let j = 0; j < m; j++) out[starts[buckets[j]!]!++] = indices[j]!;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Totals
// ---------------------------------------------------------------------------------------------

/** Totals of a set of rows. */
export interface ListTotals {
  /** Number of rows. */
  count: number;
  /** Sum of `montant` (euros) over the rows that have one. */
  montant: number;
  /** Sum of `emplois` over the rows that have one. */
  emplois: number;
  /** Number of rows with a `montant`. */
  montantCount: number;
  /** Number of rows with `emplois`. */
  emploisCount: number;
}

/** Totals of the rows at `indices` (e.g. the result of {@link queryList}). */
export function totals(index: ListIndex, indices: ArrayLike<number>): ListTotals {
  const state = index as IndexState;
  const result: ListTotals = { count: indices.length, montant: 0, emplois: 0, montantCount: 0, emploisCount: 0 };
  for (let j = 0; j < indices.length; j++) {
    const i = indices[j]!;
    const m = state.montant[i]!;
    if (!Number.isNaN(m)) {
      result.montant += m;
      result.montantCount++;
    }
    const e = state.emplois[i]!;
    if (!Number.isNaN(e)) {
      result.emplois += e;
      result.emploisCount++;
    }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// CSV export
// ---------------------------------------------------------------------------------------------

/** A column of a CSV export. */
export interface CsvColumn {
  key: ListColumn;
  /** Header text. */
  label: string;
  /** The cell value; defaults to `row[key]`. Return a number for numbers (never neutralised). */
  value?: (row: Laureate) => string | number | null | undefined;
}

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Field separator, `;` by default (what French spreadsheet software expects). */
  separator?: ';' | ',' | '\t';
  /** Start with a UTF-8 byte order mark `\uFEFF` (default true) so that Excel reads UTF-8. */
  bom?: boolean;
  /** Decimal mark: `,` by default with `;` and tab separators, `.` with `,`. */
  decimal?: ',' | '.';
  /** Export only these rows, in this order (indices into `rows`, e.g. from {@link queryList}). */
  indices?: ArrayLike<number>;
}

/** Writes a finite number in plain positional notation (no exponent, no grouping). */
function plainNumber(value: number): string {
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let result: string;
  if (point <= 0) result = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = digits.slice(0, point) + '.' + digits.slice(point);
  return (negative ? '-' : '') + result;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: numbers as plain digits, text neutralised against formulas, quoted if needed. */
function csvField(value: unknown, separator: string, decimal: string): string {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    text = plainNumber(value);
    if (decimal !== '.') text = text.replace('.', decimal);
  } else if (value === undefined || value === null) {
    return '';
  } else {
    text = String(value);
    if (FORMULA_START.test(text)) text = "'" + text;
  }
  if (text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return '"' + text.replace(/"/g, '""') + '"';
  }
  return text;
}

/**
 * Writes rows as CSV (RFC 4180): header line of labels, every record ended by CRLF, fields
 * quoted when they contain the separator, `"`, CR or LF (quotes doubled). Numbers are written
 * as plain digits (no thousands separator) with a decimal comma for `;` (default) and tab, a
 * dot for `,`. Text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (formula
 * injection); numbers never do. Starts with a BOM unless `bom: false`.
 */
export function toCsv(rows: readonly Laureate[], columns: readonly CsvColumn[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const decimal = options.decimal ?? (separator === ',' ? '.' : ',');
  const lines: string[] = [columns.map((c) => csvField(c.label, separator, decimal)).join(separator)];
  const indices = options.indices;
  const count = indices ? indices.length : rows.length;
  for (let j = 0; j < count; j++) {
    const row = rows[indices ? indices[j]! : j];
    if (!row) continue;
    const cells = columns.map((c) => csvField(c.value ? c.value(row) : row[c.key], separator, decimal));
    lines.push(cells.join(separator));
  }
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

/** Lower-case ASCII slug: `Auvergne-Rhône-Alpes` → `auvergne-rhone-alpes` (at most 60 characters). */
export function slugify(text: string | null | undefined): string {
  let slug = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 60) slug = slug.slice(0, 60).replace(/-[^-]*$/, '').replace(/-+$/, '') || slug.slice(0, 60);
  return slug;
}

/**
 * The name of an exported file: `<base>-<YYYY-MM-DD>[-<filter>].csv`, base and filter slugified,
 * date in local time. e.g. `csvFileName('laureats-france-relance', date, 'Auvergne-Rhône-Alpes')`
 * → `laureats-france-relance-2026-11-27-auvergne-rhone-alpes.csv`.
 */
export function csvFileName(base: string, date: Date, filterLabel?: string): string {
  const parts = [slugify(base) || 'export'];
  if (!Number.isNaN(date.getTime())) {
    const pad = (v: number) => String(v).padStart(2, '0');
    parts.push(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
  }
  const filter = slugify(filterLabel);
  if (filter) parts.push(filter);
  return parts.join('-') + '.csv';
}
