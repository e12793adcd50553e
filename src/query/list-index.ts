/**
 * A dataset of laureates prepared once for fast search, filtering and sorting: a search vocabulary (every distinct
 * folded word, with the rows it appears in), the numeric columns, and each row's status and territory codes.
 * Built in steps (idle time) for large datasets; exact at once (a search completes the build).
 */
import type { Laureate } from '../model/types.js';
import type { ListColumn, ListSort } from './columns.js';
import { foldText, searchWords } from './search.js';
import { sortIndices } from './sort.js';

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
 * Internal state (for the modules of the query engine only). Search works on a vocabulary: every distinct folded word (token) of the
 * searchable text, with the rows it appears in (postings). A query word has no space, so it is a
 * substring of a row's folded text exactly when it is a substring of one of the row's tokens.
 * The vocabulary fields are filled when the build completes (see {@link createListIndexBuilder}).
 */
export interface IndexState extends ListIndex {
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
export type FilterField = 'statut' | 'region' | 'departement';
const FILTER_FIELDS: readonly FilterField[] = ['statut', 'region', 'departement'];

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
  const ids: Record<FilterField, Map<string, number>> = {
    statut: new Map(),
    region: new Map(),
    departement: new Map(),
  };
  const ofRow: Record<FilterField, Int32Array> = {
    statut: new Int32Array(n),
    region: new Int32Array(n),
    departement: new Int32Array(n),
  };
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
      ids = [
        ...new Set(
          foldText(text)
            .split(' ')
            .filter((t) => t !== '')
            .map(tokenId),
        ),
      ];
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
      // `>=`: a budget of 0 is one block of rows, even with a coarse clock (Firefox's advances by whole milliseconds).
      if ((row & 127) === 0 && performance.now() >= deadline) break;
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
