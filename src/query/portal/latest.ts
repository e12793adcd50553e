/**
 * « An older answer never replaces a newer one », for a widget that asks a portal source itself (outside the render
 * slots of ../answers.ts, which already keep only the latest question of each slot): each question abandons the one
 * before it (its `AbortSignal`), and an answer that comes after a newer question was asked is dropped.
 *
 *   const latest = new Latest<RowPage>({ debounceMs: 250 });
 *   input.oninput = async () => {
 *     const a = await latest.ask((o) => source.page({ filter: { search: input.value }, limit: 20 }, o));
 *     if (a) render(a.value);       // undefined: a newer keystroke took over
 *   };
 *
 * Tiny and adapter-free: widgets may import it statically.
 */
import type { Answer, QueryOptions, Reply } from '../source.js';

export class Latest<T> {
  private readonly debounceMs: number;
  private controller?: AbortController;
  private timer?: ReturnType<typeof setTimeout>;
  private wake?: () => void;
  private serial = 0;

  /** `debounceMs`: a question waits that long and is dropped if another comes meanwhile (typing). */
  constructor(options: { debounceMs?: number } = {}) {
    this.debounceMs = Math.max(0, options.debounceMs ?? 0);
  }

  /**
   * Asks a question, abandoning the previous one. Resolves to its answer, or to `undefined` when a newer question
   * was asked before it came; rejects with the source's error (only while it is the latest question).
   */
  async ask(question: (options: QueryOptions) => Reply<T>): Promise<Answer<T> | undefined> {
    const serial = ++this.serial;
    this.cancel(false);
    const controller = new AbortController();
    this.controller = controller;
    if (this.debounceMs > 0) {
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.debounceMs);
      });
      if (serial !== this.serial) return undefined;
    }
    try {
      const answer = await question({ signal: controller.signal });
      return serial === this.serial ? answer : undefined;
    } catch (e) {
      if (serial !== this.serial) return undefined;
      throw e;
    }
  }

  /** Abandons the pending question (the widget left the page): its `ask` resolves to `undefined`. */
  cancel(bump = true): void {
    if (bump) this.serial++;
    clearTimeout(this.timer);
    this.wake?.();
    this.wake = undefined;
    this.controller?.abort();
    this.controller = undefined;
  }
}
