/**
 * The query source of a dataset in memory: every answer at once (synchronous), from the rows the page was given.
 * Filters, search and sort run on a {@link ListIndex} (built on first need, its search vocabulary in idle time by
 * {@link MemorySource.prepare}); totals come from the one totals function of the model (`aggregate.ts`). Answers are
 * kept for the last questions (several widgets of a group ask the same), so that asking again costs nothing.
 */
import type { Lang } from '../i18n/format.js';
import { statutLabel } from '../i18n/messages.js';
import type { GroupKey, Totals } from '../model/aggregate.js';
import {
  groupLaureates,
  groupTotals,
  keyTotalsOfAggregates,
  keyTotalsOfLaureates,
  totalOf,
} from '../model/aggregate.js';
import { placeSearchText, territoryName } from '../model/territory.js';
import type { DatasetLoad } from '../model/parse/progressive.js';
import { datasetLoad } from '../model/parse/progressive.js';
import type { Dataset, Laureate } from '../model/types.js';
import type { ListColumn, ListSort } from './columns.js';
import type { ListIndexBuilder } from './list-index.js';
import { createListIndexBuilder, queryList } from './list-index.js';
import { clearSortRanks, sortIndices } from './sort.js';
import type { Answer, KeyTotals, PageQuery, QueryFilter, QuerySource, RowPage, TotalsBy } from './source.js';
import { answer, filterKey } from './source.js';
import { searchWords } from './search.js';

/**
 * Rows of the early source (see {@link MemorySource}): a prefix of the data, small enough that its search index is
 * built at the first keystroke in a few milliseconds.
 */
export const EARLY_ROWS = 1_000;
/** While rows are read, the answers over the rows read so far are recomputed at most this often (ms). */
const REFRESH_MS = 250;
/** Up to this number of rows, a search builds the whole index at once (as it always did): tens of milliseconds. */
const SMALL_ROWS = 4_000;

/** The filter dimension on the same field as a grouping (aggregates can be narrowed on that one only). */
const DIMENSION: Record<GroupKey, 'statuts' | 'regions' | 'departements'> = {
  statut: 'statuts',
  region: 'regions',
  departement: 'departements',
};

/** Answers kept per source (then all forgotten at once: questions come in runs of a few, per user action). */
const MAX_KEPT = 64;

const NO_ROWS: readonly Laureate[] = [];

/** The text a coded column sorts by: statuses by their label in the reader's language, territories by their name. */
function sortLabel(row: Laureate, column: ListColumn, lang: Lang): string | undefined {
  if (column === 'statut') return statutLabel(row.statut, lang, 1);
  if (column === 'region') return row.region ? territoryName('region', row.region) : undefined;
  if (column === 'departement')
    return row.departement ? `${territoryName('departement', row.departement)} ${row.commune ?? ''}` : undefined;
  return undefined;
}

/** The values of a filter dimension that set something, or undefined. */
function values(list: readonly string[] | undefined): readonly string[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

export class MemorySource implements QuerySource {
  readonly kind: 'laureates' | 'aggregates';
  private readonly _dataset: Dataset;
  private readonly _rows: readonly Laureate[];
  private _builder?: ListIndexBuilder;
  private _ranksWarm = false;
  /** Language of the status labels that the `sortText` of the index reads, and of the status ranks it holds. */
  private _sortLang: Lang = 'fr';
  private _rankedLang: Lang = 'fr';
  private readonly _kept = new Map<string, unknown>();
  /** Number of rows the kept answers were computed on (rows grow while the data is read). */
  private _keptRows = 0;
  private _keptAt = Number.NEGATIVE_INFINITY;
  /** The rows still being read (see ../model/parse/progressive.ts): answers are then not final. */
  private _load?: DatasetLoad;
  /** A source of the first rows: answers filtered questions while the data is read or the search index built. */
  private _early?: MemorySource;
  private readonly _isEarly: boolean;
  private readonly _listeners = new Set<() => void>();

  constructor(dataset: Dataset, early = false) {
    this._dataset = dataset;
    this.kind = dataset.kind;
    this._rows = dataset.kind === 'laureates' ? dataset.laureates : NO_ROWS;
    this._keptRows = this._rows.length;
    this._isEarly = early;
    const load = early ? undefined : datasetLoad(dataset);
    if (load) {
      this._load = load;
      load.whenDone(() => {
        this._load = undefined;
        this._early = undefined;
        this._kept.clear();
        this._keptRows = this._rows.length;
        this._notify();
      });
    }
  }

  /** True while rows are still being read: answers are then not final. */
  get loading(): boolean {
    return this._load !== undefined;
  }

  get searchReady(): boolean {
    return this._rows.length === 0 || (!this._load && (this._builder?.done ?? false));
  }

  get preparing(): boolean {
    // Nothing to prepare while the rows are read: the source notifies its subscribers when they are.
    return this._rows.length > 0 && !this._load && !(this._builder?.done && this._ranksWarm);
  }

  /**
   * In idle time: the index (a linear pass), its search vocabulary (in slices of `budgetMs`), then the ranks of the
   * numeric columns (the first sort by amount is then quick).
   */
  prepare(budgetMs: number): boolean {
    if (!this.preparing) return false;
    if (!this._builder) this._index();
    else if (!this._builder.done) {
      if (this._builder.step(budgetMs) && this._early) {
        // Searches were answered from the first rows: the exact answers are there now.
        this._early = undefined;
        this._kept.clear();
        this._notify();
      }
    } else {
      this._ranksWarm = true;
      const none = new Int32Array(0);
      sortIndices(this._builder.index, none, { column: 'montant', direction: 'descending' });
      sortIndices(this._builder.index, none, { column: 'emplois', direction: 'descending' });
    }
    return this.preparing;
  }

  /** Notified when every row is read, and when searches answered from the first rows have their exact answers. */
  subscribe(listener: () => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  private _notify(): void {
    for (const listener of [...this._listeners]) listener();
  }

  /**
   * The source of the first rows when a question cannot be answered exactly without work that would block the page:
   * while the rows are read, any filter or sort (an index of rows still arriving); once read, a search until the
   * search index is built (in idle time, see {@link prepare}). `undefined`: answer from every row.
   */
  private _earlyFor(filter: QueryFilter, sorted: boolean): MemorySource | undefined {
    // A small dataset's search index is built at once, at the first search (a few milliseconds).
    if (this._isEarly || this.kind !== 'laureates' || (!this._load && this._rows.length <= SMALL_ROWS))
      return undefined;
    if (this._load) {
      if (!sorted && filterKey(filter) === '') return undefined;
    } else if (this._builder?.done || searchWords(filter.search).length === 0) return undefined;
    if (!this._early) {
      const ds = this._dataset;
      this._early = new MemorySource({ ...ds, laureates: ds.laureates.slice(0, EARLY_ROWS), issues: [] }, true);
    }
    return this._early;
  }

  /**
   * While rows are read, answers kept for fewer rows are forgotten, at most every {@link REFRESH_MS}: the totals of
   * every row read so far are not recomputed at each keystroke (they are not final; the final ones come at the end).
   */
  private _fresh(): boolean {
    if (this._load && this._keptRows !== this._rows.length && performance.now() - this._keptAt >= REFRESH_MS) {
      this._kept.clear();
      this._keptRows = this._rows.length;
      this._keptAt = performance.now();
    }
    return !this._load;
  }

  page(query: PageQuery): Answer<RowPage> {
    const early = this._earlyFor(query.filter, query.sort !== undefined);
    if (early) return { value: early.page(query).value, final: false };
    const final = this._fresh();
    const key = filterKey(query.filter);
    const selection = query.sort
      ? this._sorted(key, query.filter, query.sort, query.lang ?? 'fr')
      : this._matches(key, query.filter);
    const total = selection ? selection.length : this._rows.length;
    const from = Math.min(total, Math.max(0, Math.floor(query.offset ?? 0)));
    const to = query.limit === undefined ? total : Math.min(total, from + Math.max(0, Math.floor(query.limit)));
    let ids: Int32Array;
    if (selection) ids = selection.subarray(from, to);
    else {
      ids = new Int32Array(to - from);
      for (let j = 0; j < ids.length; j++) ids[j] = from + j;
    }
    const rows = new Array<Laureate>(ids.length);
    for (let j = 0; j < ids.length; j++) rows[j] = this._rows[ids[j]!]!;
    return { value: { rows, ids, total, totals: this._totals(key, query.filter) }, final };
  }

  totalsBy(by: GroupKey, filter: QueryFilter): Answer<TotalsBy> {
    const early = this._earlyFor(filter, false);
    if (early) return { value: early.totalsBy(by, filter).value, final: false };
    const final = this._fresh();
    const key = filterKey(filter);
    return final ? answer(this._totalsBy(by, filter, key)) : { value: this._totalsBy(by, filter, key), final };
  }

  private _totalsBy(by: GroupKey, filter: QueryFilter, key: string): TotalsBy {
    return this._keep(`by|${by}|${key}`, (): TotalsBy => {
      if (this.kind === 'aggregates') {
        const wanted = values(filter[DIMENSION[by]]);
        const all = groupTotals(this._dataset, by);
        return { groups: wanted ? new Map([...all].filter(([code]) => wanted.includes(code))) : all, missing: 0 };
      }
      const groups = groupLaureates(this._rows, by, this._matches(key, filter));
      let counted = 0;
      for (const t of groups.values()) counted += t.laureats;
      return { groups, missing: this._totals(key, filter).laureats - counted };
    });
  }

  keyFigures(filter: QueryFilter): Answer<KeyTotals> {
    const early = this._earlyFor(filter, false);
    if (early) return { value: early.keyFigures(filter).value, final: false };
    const final = this._fresh();
    const key = filterKey(filter);
    const value = this._keep(`figures|${key}`, (): KeyTotals => {
      if (this.kind === 'aggregates') return keyTotalsOfAggregates(this._dataset, values(filter.statuts));
      return keyTotalsOfLaureates(this._totals(key, filter), [...this._totalsBy('region', filter, key).groups.keys()]);
    });
    return { value, final };
  }

  /** An answer kept for the next time the same question is asked. */
  private _keep<T>(key: string, compute: () => T): T {
    if (this._kept.has(key)) return this._kept.get(key) as T;
    const value = compute();
    if (this._kept.size >= MAX_KEPT) this._kept.clear();
    this._kept.set(key, value);
    return value;
  }

  private _index() {
    this._builder ??= createListIndexBuilder(this._rows, {
      // Names of the région and département are searchable (the row only holds their codes).
      extraText: (r) => placeSearchText(r.region, r.departement),
      sortText: (r, column) => sortLabel(r, column, this._sortLang),
    });
    return this._builder.index;
  }

  /** Positions of the rows that pass the filter, ascending; `undefined` for every row. */
  private _matches(key: string, filter: QueryFilter): Int32Array | undefined {
    if (key === '') return undefined;
    return this._keep(`rows|${key}`, () =>
      queryList(this._index(), {
        statuts: filter.statuts,
        regions: filter.regions,
        departements: filter.departements,
        search: filter.search,
      }),
    );
  }

  /** Positions of the rows that pass the filter, sorted. */
  private _sorted(key: string, filter: QueryFilter, sort: ListSort, lang: Lang): Int32Array {
    const index = this._index();
    if (sort.column === 'statut' && lang !== this._rankedLang) {
      // Statuses sort by their label, which depends on the language.
      clearSortRanks(index, 'statut');
      this._rankedLang = lang;
    }
    this._sortLang = lang;
    return this._keep(`sorted|${sort.column}|${sort.direction}|${sort.column === 'statut' ? lang : ''}|${key}`, () => {
      let base = this._matches(key, filter);
      if (!base) {
        base = new Int32Array(this._rows.length);
        for (let i = 0; i < base.length; i++) base[i] = i;
      }
      return sortIndices(index, base, sort);
    });
  }

  private _totals(key: string, filter: QueryFilter): Totals {
    return this._keep(`totals|${key}`, () => totalOf(this._rows, this._matches(key, filter)));
  }
}

const sources = new WeakMap<Dataset, MemorySource>();

/** The query source of a dataset in memory: one per dataset, whoever asks (a group and its members share it). */
export function memorySource(dataset: Dataset): MemorySource {
  let source = sources.get(dataset);
  if (!source) sources.set(dataset, (source = new MemorySource(dataset)));
  return source;
}
