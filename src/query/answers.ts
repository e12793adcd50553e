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
  /** The rejection of the last question (not an abandon), until it is asked again. */
  _error?: unknown;
}

/** True for the rejection of an abandoned question. */
function isAbort(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

export class Answers {
  private readonly _slots = new Map<string, Slot>();
  private readonly _changed: () => void;
  private readonly _failed?: (slot: string, error: unknown) => void;

  /**
   * `changed` is called when an answer that came later is there (e.g. `requestUpdate`), or an error; `failed` when a
   * question rejects with something else than an `AbortError`.
   */
  constructor(changed: () => void, failed?: (slot: string, error: unknown) => void) {
    this._changed = changed;
    this._failed = failed;
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
    if (s._source === source && s._key === key && (s._final || s._pending || s._error !== undefined))
      return s._value as T | undefined;
    s._pending?.abort();
    s._pending = undefined;
    s._error = undefined;
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
        entry._error = undefined;
        entry._value = a.value;
        entry._final = a.final;
        this._changed();
      },
      (e: unknown) => {
        // Abandoned: the previous answer stays, the question is asked again at the next render. Failed: the previous
        // answer stays too, and the slot has the error until it is retried or asked something else.
        if (entry._pending !== controller) return;
        entry._pending = undefined;
        if (isAbort(e) || controller.signal.aborted) return;
        entry._error = e ?? new Error('rejected');
        this._failed?.(slot, entry._error);
        this._changed();
      },
    );
    return entry._value as T | undefined;
  }

  /** True when the answer in `slot` is its source's final one (false while pending, or while the source says it will have a better one). */
  isFinal(slot: string): boolean {
    return this._slots.get(slot)?._final ?? false;
  }

  /** The errors of the slots whose last question failed, by slot (empty when none did). */
  errors(): Map<string, unknown> {
    const out = new Map<string, unknown>();
    for (const [slot, s] of this._slots) if (s._error !== undefined) out.set(slot, s._error);
    return out;
  }

  /** True while some slot waits for its first answer (nothing to show yet). */
  get waiting(): boolean {
    for (const s of this._slots.values()) if (s._pending && s._value === undefined) return true;
    return false;
  }

  /** Forgets the errors (« Réessayer »): the failed questions are asked again at the next render. */
  retry(): void {
    for (const s of this._slots.values()) {
      if (s._error === undefined) continue;
      s._error = undefined;
      s._final = false;
    }
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
