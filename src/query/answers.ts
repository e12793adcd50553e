/**
 * The answers a widget renders from. A reply that comes at once (a source in memory) is used at once, in the same
 * update. One that comes later (a remote source) leaves the previous answer to the same question on screen, abandons
 * the question asked before it (its `AbortSignal`), and asks for a new render when it arrives.
 */
import type { QueryOptions, Reply } from './source.js';

interface Slot {
  /** The source and the question (as a key) of the value, or of the pending answer. */
  source?: object;
  key?: string;
  value?: unknown;
  /** The value is the source's final answer to that question: no need to ask again. */
  final: boolean;
  pending?: AbortController;
}

export class Answers {
  private readonly slots = new Map<string, Slot>();
  private readonly changed: () => void;

  /** `changed` is called when an answer that came later is there (e.g. `requestUpdate`). */
  constructor(changed: () => void) {
    this.changed = changed;
  }

  /**
   * The answer to a question, for rendering. `slot` names the question in the widget (« page », « totals by
   * statut »); `key` says what exactly is asked (the same key to the same source is not asked again while its answer
   * is pending or final). Returns the answer, or while it is coming the previous answer in that slot (`undefined`
   * before any).
   */
  get<T>(slot: string, source: object, key: string, ask: (options: QueryOptions) => Reply<T>): T | undefined {
    let s = this.slots.get(slot);
    if (!s) this.slots.set(slot, (s = { final: false }));
    if (s.source === source && s.key === key && (s.final || s.pending)) return s.value as T | undefined;
    s.pending?.abort();
    s.pending = undefined;
    const controller = new AbortController();
    const reply = ask({ signal: controller.signal });
    s.source = source;
    s.key = key;
    if (!(reply instanceof Promise)) {
      s.value = reply.value;
      s.final = reply.final;
      return reply.value;
    }
    const entry = s;
    entry.final = false;
    entry.pending = controller;
    reply.then(
      (a) => {
        if (entry.pending !== controller) return;
        entry.pending = undefined;
        entry.value = a.value;
        entry.final = a.final;
        this.changed();
      },
      () => {
        // Abandoned, or failed: the previous answer stays; the question is asked again at the next render.
        if (entry.pending === controller) entry.pending = undefined;
      },
    );
    return entry.value as T | undefined;
  }

  /** Forgets final answers (the data behind the source changed): every question is asked again. */
  invalidate(): void {
    for (const s of this.slots.values()) s.final = false;
  }

  /** Abandons every pending question (the widget left the page). */
  abort(): void {
    for (const s of this.slots.values()) {
      s.pending?.abort();
      s.pending = undefined;
    }
  }
}
