/**
 * The answers a widget renders from. A reply that comes at once (a source in memory) is used at once, in the same
 * update. One that comes later (a remote source) leaves the previous answer to the same question on screen, abandons
 * the question asked before it (its `AbortSignal`), and asks for a new render when it arrives.
 */
import type { QueryOptions, Reply } from './source.js';

interface Slot {
  /** The source and the question (as a key) of the value, or of the pending answer. */
  _source?: object;
  _key?: string;
  _value?: unknown;
  /** The value is the source's final answer to that question: no need to ask again. */
  _final: boolean;
  _pending?: AbortController;
}

export class Answers {
  private readonly _slots = new Map<string, Slot>();
  private readonly _changed: () => void;

  /** `changed` is called when an answer that came later is there (e.g. `requestUpdate`). */
  constructor(changed: () => void) {
    this._changed = changed;
  }

  /**
   * The answer to a question, for rendering. `slot` names the question in the widget (« page », « totals by
   * statut »); `key` says what exactly is asked (the same key to the same source is not asked again while its answer
   * is pending or final). Returns the answer, or while it is coming the previous answer in that slot (`undefined`
   * before any).
   */
  get<T>(slot: string, source: object, key: string, ask: (options: QueryOptions) => Reply<T>): T | undefined {
    let s = this._slots.get(slot);
    if (!s) this._slots.set(slot, (s = { _final: false }));
    if (s._source === source && s._key === key && (s._final || s._pending)) return s._value as T | undefined;
    s._pending?.abort();
    s._pending = undefined;
    const controller = new AbortController();
    const reply = ask({ signal: controller.signal });
    s._source = source;
    s._key = key;
    if (!(reply instanceof Promise)) {
      s._value = reply.value;
      s._final = reply.final;
      return reply.value;
    }
    const entry = s;
    entry._final = false;
    entry._pending = controller;
    reply.then(
      (a) => {
        if (entry._pending !== controller) return;
        entry._pending = undefined;
        entry._value = a.value;
        entry._final = a.final;
        this._changed();
      },
      () => {
        // Abandoned, or failed: the previous answer stays; the question is asked again at the next render.
        if (entry._pending === controller) entry._pending = undefined;
      },
    );
    return entry._value as T | undefined;
  }

  /** True when the answer in `slot` is its source's final one (false while pending, or while the source says it will have a better one). */
  isFinal(slot: string): boolean {
    return this._slots.get(slot)?._final ?? false;
  }

  /** Forgets final answers (the data behind the source changed): every question is asked again. */
  invalidate(): void {
    for (const s of this._slots.values()) s._final = false;
  }

  /** Abandons every pending question (the widget left the page). */
  abort(): void {
    for (const s of this._slots.values()) {
      s._pending?.abort();
      s._pending = undefined;
    }
  }
}
