/**
 * The one way widgets get figures and rows: they ask questions of a query source, they do not hold rows.
 *
 * - « a page of rows for this filter, sort and search » ({@link QuerySource.page}),
 * - « totals by status, by région or by département for this filter » ({@link QuerySource.totalsBy}),
 * - « key figures for this filter » ({@link QuerySource.keyFigures}).
 *
 * Each answer comes now or later ({@link Reply}): a source in memory answers at once (the first paint needs it), a
 * remote one (a portal's API) with a promise, and every answer says whether it is final (a source still loading rows
 * gives a first answer, then tells its subscribers when a better one is there). A question can be abandoned with an
 * `AbortSignal` (a keystroke makes the previous search's answer useless).
 *
 * The in-memory source (./memory-source.ts) is the first implementation; a group owns one, built from its provider's
 * dataset, and every member asks it (a member with data of its own asks its own).
 */
import type { Lang } from '../i18n/format.js';
import type { GroupKey, KeyTotals, Totals } from '../model/aggregate.js';
import type { Laureate } from '../model/types.js';
import type { ListSort } from './columns.js';
import { searchWords } from './search.js';

/**
 * Which rows: each dimension that is set must match (a row's code is one of the values; the search's every word is
 * found in the row's text); an empty list or an empty search sets nothing.
 */
export interface QueryFilter {
  statuts?: readonly string[];
  regions?: readonly string[];
  departements?: readonly string[];
  /** Free text: every word must be found (case- and accent-insensitive) in the name, commune, territory, project, région or département. */
  search?: string;
}

/** The dimensions of a filter. */
export type FilterKey = keyof QueryFilter;

/** An answer, and whether it is final. */
export interface Answer<T> {
  readonly value: T;
  /** False when the source will have a better answer (rows still loading): it then notifies its subscribers. */
  readonly final: boolean;
}

/** An answer now (a source in memory), or later (a remote source). */
export type Reply<T> = Answer<T> | Promise<Answer<T>>;

/** Options of every question. */
export interface QueryOptions {
  /** Abandons the question: a pending answer rejects with an `AbortError`. */
  signal?: AbortSignal;
}

/** A page of rows: which rows, in which order, from where. */
export interface PageQuery {
  filter: QueryFilter;
  /** Without it, rows come in the data's order. */
  sort?: ListSort;
  /** The language of the labels that coded columns sort by (statuses sort by their label). Default `fr`. */
  lang?: Lang;
  /** First row, from 0 (default 0). */
  offset?: number;
  /** Number of rows at most (default: every row from `offset`; 0: none, for the count and totals alone). */
  limit?: number;
}

/** The answer to {@link QuerySource.page}. */
export interface RowPage {
  /** The rows of the page, in order. Read only. */
  readonly rows: readonly Laureate[];
  /** Each row's identifier: its position in the data, the same whatever the filter, sort or page. */
  readonly ids: ArrayLike<number>;
  /** Number of rows that pass the filter (on every page). */
  readonly total: number;
  /** Totals of the rows that pass the filter (on every page). */
  readonly totals: Totals;
}

/** The answer to {@link QuerySource.totalsBy}. */
export interface TotalsBy {
  /** Totals per code (status, région or département), in the order codes first appear in the data. Read only. */
  readonly groups: ReadonlyMap<string, Totals>;
  /** Rows that pass the filter but have no code on that dimension (a laureate without a département). */
  readonly missing: number;
}

/** The answer to {@link QuerySource.keyFigures} (defined with the totals of the model). */
export type { KeyTotals };

/** Where a widget's figures and rows come from. */
export interface QuerySource {
  /**
   * `laureates` for rows; `aggregates` for totals prepared by the producer, which a filter can only narrow on the
   * dimension they are grouped by (totals by status, filtered by status): {@link page} then has no rows.
   */
  readonly kind: 'laureates' | 'aggregates';
  /** A page of the rows that pass a filter, sorted, with their count and totals. */
  page(query: PageQuery, options?: QueryOptions): Reply<RowPage>;
  /** Totals of the rows that pass a filter, by status, région or département. */
  totalsBy(by: GroupKey, filter: QueryFilter, options?: QueryOptions): Reply<TotalsBy>;
  /** Number of laureates, amount, jobs and régions reached, for a filter. */
  keyFigures(filter: QueryFilter, options?: QueryOptions): Reply<KeyTotals>;
  /** True when a search is answered without waiting for an index to be built. */
  readonly searchReady: boolean;
  /** True while the source has preparation work left (a search index) that makes later answers quick. */
  readonly preparing: boolean;
  /** Does about `budgetMs` milliseconds of that work (in idle time); returns {@link preparing}. */
  prepare(budgetMs: number): boolean;
  /** Calls `listener` when the data behind the source changes (more rows loaded); returns the unsubscriber. */
  subscribe(listener: () => void): () => void;
  /**
   * The address of a CSV file of the rows that pass a filter, made by the data's own server (a portal's export), when
   * there is one: the list's download then asks it instead of paging through every row. Optional.
   */
  exportUrl?(filter: QueryFilter): Promise<string | undefined>;
}

/** A final answer. */
export function answer<T>(value: T): Answer<T> {
  return { value, final: true };
}

/** The filter without some dimensions (those a widget shows as its own selection). */
export function filterWithout(filter: QueryFilter, exclude: readonly FilterKey[]): QueryFilter {
  if (exclude.length === 0) return filter;
  const out: QueryFilter = { ...filter };
  for (const key of exclude) delete out[key];
  return out;
}

/** One key per filter with the same answers (search words folded: « Saint-Étienne » and « saint etienne » are one). */
export function filterKey(filter: QueryFilter): string {
  const words = searchWords(filter.search);
  if (!filter.statuts?.length && !filter.regions?.length && !filter.departements?.length && words.length === 0)
    return '';
  return JSON.stringify([filter.statuts ?? [], filter.regions ?? [], filter.departements ?? [], words]);
}
