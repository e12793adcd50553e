/**
 * The questions a widget asks its query source (../query/source.ts), and their answers: what {@link Answers} keeps
 * (one answer per slot, asked again when the source or the question changes), tied to the widget's life. The
 * controller follows the widget's source (its news, such as more rows read, make every answer stale and ask for an
 * update) and abandons the pending questions when the widget leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GroupKey, KeyTotals } from '../model/aggregate.js';
import { Answers } from '../query/answers.js';
import type { PageQuery, QueryFilter, QueryOptions, QuerySource, Reply, RowPage, TotalsBy } from '../query/source.js';
import { filterKey } from '../query/source.js';

export class QuestionsController extends Answers implements ReactiveController {
  private readonly _host: ReactiveControllerHost;
  /** The query source followed (see {@link follow}). */
  private _listening?: { source: QuerySource; stop: () => void };

  /**
   * `changed` is called when an answer that came later is there (the host renders again); `failed` when a question
   * fails (see {@link Answers}).
   */
  constructor(host: ReactiveControllerHost, changed: () => void, failed: (slot: string, error: unknown) => void) {
    super(changed, failed);
    this._host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
    this.follow(undefined);
  }

  /** Follows `source` (the widget's, at each update): when the data behind it changes, every question is asked again. */
  follow(source: QuerySource | undefined): void {
    if (source === this._listening?.source) return;
    this._listening?.stop();
    this._listening = source
      ? {
          source,
          stop: source.subscribe(() => {
            this.invalidate();
            this._host.requestUpdate();
          }),
        }
      : undefined;
  }

  /** The answer to a question put to `source`; `undefined` without a source, or until answered. */
  private _ask<T>(
    source: QuerySource | undefined,
    slot: string,
    key: string,
    question: (source: QuerySource, options: QueryOptions) => Reply<T>,
  ): T | undefined {
    return source ? this.get(slot, source, key, (options) => question(source, options)) : undefined;
  }

  /** Totals by status, région or département for `filter`, in `slot`. */
  totalsBy(source: QuerySource | undefined, by: GroupKey, filter: QueryFilter, slot: string): TotalsBy | undefined {
    return this._ask(source, slot, filterKey(filter), (s, options) => s.totalsBy(by, filter, options));
  }

  /** Key figures for `filter`. */
  keyFigures(source: QuerySource | undefined, filter: QueryFilter): KeyTotals | undefined {
    return this._ask(source, 'figures', filterKey(filter), (s, options) => s.keyFigures(filter, options));
  }

  /** A page of rows, in `slot`. */
  page(source: QuerySource | undefined, query: PageQuery, slot: string): RowPage | undefined {
    const key = JSON.stringify([filterKey(query.filter), query.sort, query.lang, query.offset, query.limit]);
    return this._ask(source, slot, key, (s, options) => s.page(query, options));
  }
}
