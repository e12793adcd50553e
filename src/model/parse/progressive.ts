/**
 * Parsing a large input progressively: the first rows at once (enough for a first page), the rest in slices of a few
 * milliseconds that yield to input and rendering (`scheduler.postTask` at background priority when the browser has
 * it, else `setTimeout`). The dataset is usable from the first slice: its `laureates` grow in place, in the order of
 * the input, as the synchronous parse would make them (same rows, same issues, same counts once everything is read).
 *
 * Who needs to know (the query source, the data inputs) asks {@link datasetLoad}: `undefined` for a complete dataset,
 * else the load in progress, with `whenDone` listeners called once, when every row has been read.
 */
import type { Dataset, InputFormat, ParseResult } from '../types.js';
import type { ParseJob } from './index.js';
import { finishParse, parseInput, readRows, startParse } from './index.js';

/** Below this number of rows, an input is parsed at once (the first page of a small input costs nothing to wait for). */
export const PROGRESSIVE_MIN_ROWS = 20_000;
/** Rows read before the first answer: more than any page (500 rows at most), small enough to cost a few ms. */
export const FIRST_ROWS = 2_000;
/** Duration of a slice of work, in ms. */
export const SLICE_MS = 6;

/** A dataset whose rows are still being read. */
export interface DatasetLoad {
  /** Rows of the input read so far. */
  readonly read: number;
  /** Rows of the input. */
  readonly total: number;
  /** True once every row is read (then the dataset is complete and `datasetLoad` returns `undefined`). */
  readonly done: boolean;
  /** Calls `listener` once, when every row is read (at once when it already is); returns the unsubscriber. */
  whenDone(listener: () => void): () => void;
  /** Reads every remaining row now. */
  finish(): void;
  /** Stops reading (the input was replaced): `done` stays false, listeners are never called. */
  cancel(): void;
}

const loads = new WeakMap<Dataset, Load>();

/** The load in progress of a dataset; `undefined` when it is complete (or was parsed at once). */
export function datasetLoad(dataset: Dataset): DatasetLoad | undefined {
  const load = loads.get(dataset);
  return load && !load.done ? load : undefined;
}

export interface ProgressiveOptions {
  format?: InputFormat;
  /** Smallest input read progressively (default {@link PROGRESSIVE_MIN_ROWS}). */
  minRows?: number;
  /** Rows read at once (default {@link FIRST_ROWS}). */
  firstRows?: number;
  /** Duration of a slice (default {@link SLICE_MS}). */
  sliceMs?: number;
  /** Schedules the next slice (default: background task, or `setTimeout`). For tests. */
  schedule?: (run: () => void) => void;
}

type PostTask = (callback: () => void, options: { priority: 'background' | 'user-visible' }) => Promise<unknown>;

function defaultSchedule(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler;
  if (typeof scheduler?.postTask === 'function')
    void scheduler.postTask(run, { priority: 'user-visible' }).catch(() => undefined);
  else setTimeout(run, 0);
}

class Load implements DatasetLoad {
  done = false;
  private _cancelled = false;
  /** A row read has a key that the first rows (the plan's) did not. */
  private _otherKeys = false;
  private readonly _job: ParseJob;
  private readonly _input: unknown;
  private readonly _format: InputFormat;
  private readonly _listeners = new Set<() => void>();
  private readonly _sliceMs: number;
  private readonly _schedule: (run: () => void) => void;

  constructor(
    job: ParseJob,
    input: unknown,
    format: InputFormat,
    sliceMs: number,
    schedule: (run: () => void) => void,
  ) {
    this._job = job;
    this._input = input;
    this._format = format;
    this._sliceMs = sliceMs;
    this._schedule = schedule;
  }

  get read(): number {
    return this._job.next;
  }

  get total(): number {
    return this._job.rows.length;
  }

  whenDone(listener: () => void): () => void {
    if (this.done) {
      listener();
      return () => undefined;
    }
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  start(): void {
    this._schedule(() => this._slice());
  }

  cancel(): void {
    this._cancelled = true;
    this._listeners.clear();
  }

  finish(): void {
    if (this.done || this._cancelled) return;
    const job = this._job;
    for (let i = job.next; i < job.rows.length && !this._otherKeys; i++) {
      const r = job.rows[i];
      if (typeof r === 'object' && r !== null) for (const k in r) if (!job.keys.has(k)) this._otherKeys = true;
    }
    readRows(job, job.rows.length);
    this._end();
  }

  /**
   * Later rows have keys the first rows did not (a heterogeneous input): the columns planned from the first rows may
   * be wrong, so the input is read again at once, as {@link parseInput} reads it, into the same dataset object.
   */
  private _again(): void {
    const { dataset } = this._job;
    const result = parseInput(this._input, { format: this._format });
    const fresh = result.ok ? result.dataset : undefined;
    dataset.laureates.length = 0;
    dataset.aggregates.length = 0;
    dataset.issues.length = 0;
    if (fresh) {
      for (const l of fresh.laureates) dataset.laureates.push(l);
      for (const a of fresh.aggregates) dataset.aggregates.push(a);
      for (const i of fresh.issues) dataset.issues.push(i);
      dataset.kind = fresh.kind;
      dataset.format = fresh.format;
      dataset.ignoredCount = fresh.ignoredCount;
      dataset.rowCount = fresh.rowCount;
    } else if (!result.ok) {
      // Not reachable (the rows read first gave laureates); kept for safety: report every row as ignored.
      dataset.ignoredCount = dataset.rowCount;
      for (const i of result.error.issues ?? []) dataset.issues.push(i);
    }
  }

  private _slice(): void {
    if (this.done || this._cancelled) return;
    const job = this._job;
    const end = performance.now() + this._sliceMs;
    // Rows in batches of 256 between clock reads. (Row validation never throws: it reports.)
    do {
      const from = job.next;
      readRows(job, from + 256);
      // The columns were planned from the first rows' keys: a row with another key may change the plan.
      if (!this._otherKeys) {
        for (let i = from; i < job.next && !this._otherKeys; i++) {
          const r = job.rows[i];
          if (typeof r === 'object' && r !== null) for (const k in r) if (!job.keys.has(k)) this._otherKeys = true;
        }
      }
    } while (job.next < job.rows.length && performance.now() < end);
    if (job.next < job.rows.length) this._schedule(() => this._slice());
    else this._end();
  }

  private _end(): void {
    if (this._otherKeys) this._again();
    // Cannot fail: the first rows already gave a laureate (see parseProgressive).
    else finishParse(this._job);
    this.done = true;
    const listeners = [...this._listeners];
    this._listeners.clear();
    for (const listener of listeners) listener();
  }
}

/**
 * Parses `input` as {@link parseInput} does, but a large array of laureate rows progressively: the result is the
 * dataset of the first rows (`ok: true`), and {@link datasetLoad} tells when the rest is read. Anything else (small,
 * aggregates, an error, no laureate in the first rows) is parsed at once, with the result of {@link parseInput}.
 */
export function parseProgressive(input: unknown, options: ProgressiveOptions = {}): ParseResult {
  const format = options.format ?? 'auto';
  try {
    const firstRows = options.firstRows ?? FIRST_ROWS;
    const minRows = options.minRows ?? PROGRESSIVE_MIN_ROWS;
    const job = startParse(input, format, { rows: firstRows, from: minRows });
    if ('ok' in job) return job;
    if (job.rows.length < minRows) {
      readRows(job, job.rows.length);
      return finishParse(job);
    }
    // Columns planned from the first rows: rows of aggregates are read at once, as parseInput reads them.
    if (!job.isLaureates) return parseInput(input, { format });
    readRows(job, firstRows);
    if (job.dataset.laureates.length === 0) {
      // Nothing to show yet: the synchronous parse decides (an input with no valid row is an error).
      return parseInput(input, { format });
    }
    const load = new Load(job, input, format, options.sliceMs ?? SLICE_MS, options.schedule ?? defaultSchedule);
    loads.set(job.dataset, load);
    load.start();
    return { ok: true, dataset: job.dataset };
  } catch {
    // What parseInput says of an input that breaks the parser (it never throws).
    return parseInput(input, { format });
  }
}
