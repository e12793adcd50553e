/**
 * The list's work in idle time, after the first render: the preparation of its query source (the search index, in
 * slices between frames; the ranks of the numeric columns, for the first sort), then, once per page and language, in
 * a long idle period, the number formatters and the Unicode tables of the search. Not the collator: creating it takes
 * 15 to 25 ms at once, paid by the first sort by a text column only.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Lang } from '../../i18n/format.js';
import { formatCount, formatEuros } from '../../i18n/format.js';
import { statutLabel } from '../../i18n/messages.js';
import { highlight } from '../../query/search.js';
import type { QuerySource } from '../../query/source.js';

/** Languages whose number formatters were created in idle time (once per page). */
const warmedLangs = new Set<Lang>();

type IdleHandle = { kind: 'idle'; id: number } | { kind: 'timeout'; id: ReturnType<typeof setTimeout> };

export class IdleWork implements ReactiveController {
  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _source: () => QuerySource | undefined;
  private readonly _lang: () => Lang;
  private _idle?: IdleHandle;

  constructor(host: ReactiveControllerHost & HTMLElement, source: () => QuerySource | undefined, lang: () => Lang) {
    this._host = host;
    this._source = source;
    this._lang = lang;
    host.addController(this);
  }

  hostConnected(): void {
    this._schedule();
  }

  hostUpdated(): void {
    this._schedule();
  }

  hostDisconnected(): void {
    if (!this._idle) return;
    if (this._idle.kind === 'idle') cancelIdleCallback(this._idle.id);
    else clearTimeout(this._idle.id);
    this._idle = undefined;
  }

  private _schedule(): void {
    if (this._idle || !this._host.isConnected || !this._hasWork()) return;
    const run = (deadline?: IdleDeadline) => {
      this._idle = undefined;
      this._work(deadline);
      this._schedule();
    };
    // The search vocabulary is built in slices that fit between frames, soon; the rest only when the page is idle.
    const source = this._source();
    const timeout = source && !source.searchReady ? 50 : 1000;
    if (typeof requestIdleCallback === 'function')
      this._idle = { kind: 'idle', id: requestIdleCallback(run, { timeout }) };
    else this._idle = { kind: 'timeout', id: setTimeout(run, 0) };
  }

  private _hasWork(): boolean {
    return !warmedLangs.has(this._lang()) || (this._source()?.preparing ?? false);
  }

  private _work(deadline?: IdleDeadline): void {
    const remaining = deadline && !deadline.didTimeout ? deadline.timeRemaining() : undefined;
    const source = this._source();
    if (source?.preparing) {
      source.prepare(remaining === undefined ? 8 : Math.max(4, Math.min(12, remaining)));
      return;
    }
    const lang = this._lang();
    if (warmedLangs.has(lang) || (remaining !== undefined && remaining < 30)) return;
    warmedLangs.add(lang);
    formatEuros(1, lang);
    formatCount(1, lang);
    statutLabel('association', lang, 1);
    highlight('Œuvre d’Été', 'oeuvre'); // compiles the Unicode regular expressions, loads normalisation data
  }
}
