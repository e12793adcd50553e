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
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly source: () => QuerySource | undefined;
  private readonly lang: () => Lang;
  private idle?: IdleHandle;

  constructor(host: ReactiveControllerHost & HTMLElement, source: () => QuerySource | undefined, lang: () => Lang) {
    this.host = host;
    this.source = source;
    this.lang = lang;
    host.addController(this);
  }

  hostConnected(): void {
    this.schedule();
  }

  hostUpdated(): void {
    this.schedule();
  }

  hostDisconnected(): void {
    if (!this.idle) return;
    if (this.idle.kind === 'idle') cancelIdleCallback(this.idle.id);
    else clearTimeout(this.idle.id);
    this.idle = undefined;
  }

  private schedule(): void {
    if (this.idle || !this.host.isConnected || !this.hasWork()) return;
    const run = (deadline?: IdleDeadline) => {
      this.idle = undefined;
      this.work(deadline);
      this.schedule();
    };
    // The search vocabulary is built in slices that fit between frames, soon; the rest only when the page is idle.
    const source = this.source();
    const timeout = source && !source.searchReady ? 50 : 1000;
    if (typeof requestIdleCallback === 'function') this.idle = { kind: 'idle', id: requestIdleCallback(run, { timeout }) };
    else this.idle = { kind: 'timeout', id: setTimeout(run, 0) };
  }

  private hasWork(): boolean {
    return !warmedLangs.has(this.lang()) || (this.source()?.preparing ?? false);
  }

  private work(deadline?: IdleDeadline): void {
    const remaining = deadline && !deadline.didTimeout ? deadline.timeRemaining() : undefined;
    const source = this.source();
    if (source?.preparing) {
      source.prepare(remaining === undefined ? 8 : Math.max(4, Math.min(12, remaining)));
      return;
    }
    const lang = this.lang();
    if (warmedLangs.has(lang) || (remaining !== undefined && remaining < 30)) return;
    warmedLangs.add(lang);
    formatEuros(1, lang);
    formatCount(1, lang);
    statutLabel('association', lang, 1);
    highlight('Œuvre d’Été', 'oeuvre'); // compiles the Unicode regular expressions, loads normalisation data
  }
}
