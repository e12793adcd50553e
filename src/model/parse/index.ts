/**
 * One parser for every input channel (attribute, property, JSON script child, `src` URL):
 * JSON or CSV text, or already-parsed values; canonical laureate rows, pre-aggregated rows,
 * and the Opendatasoft export of the `plan-de-relance` dataset.
 *
 * Validation is per row and per field: a row without a name is ignored (an `error` issue), an
 * unreadable value is dropped from its row (a `warning` issue). Only an input with nothing
 * usable is a fatal error. This module never throws.
 */
import type { AggregateRow, Dataset, DatasetMeta, InputFormat, Laureate, ParseResult } from '../types.js';
import { isRecord, preview } from '../values.js';
import { isOds, planColumns } from './columns.js';
import { readCsv } from './csv.js';
import { DuplicateFinder } from './duplicates.js';
import { IssueLog } from './issues.js';
import { canonicalLaureate, toAggregate, toLaureate } from './rows.js';
import { unwrap } from './unwrap.js';

export { detectSeparator } from './csv.js';
export { MAX_ISSUES } from './issues.js';

/** Largest number of rows read from one input. */
export const MAX_ROWS = 1_000_000;

export interface ParseOptions {
  /** `auto` (default) detects JSON, CSV and the Opendatasoft export. */
  format?: InputFormat;
}

/** A dataset of laureates without any row (an empty input; a portal's source, whose rows stay on the portal). */
export function emptyDataset(format: InputFormat, meta: DatasetMeta = {}): Dataset {
  return {
    kind: 'laureates',
    laureates: [],
    aggregates: [],
    issues: [],
    rowCount: 0,
    ignoredCount: 0,
    format,
    meta,
  };
}

/**
 * Parses any input into a validated dataset.
 * - a string is read as JSON (when it starts with `[` or `{`, or `format="json"`) or CSV;
 * - an array of objects is read as rows; an object may wrap rows (`laureats`, `results`, `records`…),
 *   aggregates (`statuts`, `regions`…) and metadata (`meta`);
 * - rows with a name (`nom` or an alias) are laureates; rows without are aggregates when they carry
 *   a status or a territory.
 */
export function parseInput(input: unknown, options: ParseOptions = {}): ParseResult {
  try {
    return parseUnsafe(input, options.format ?? 'auto');
  } catch (e) {
    return { ok: false, error: { code: 'unusable', details: e instanceof Error ? e.message : String(e) } };
  }
}

function parseUnsafe(input: unknown, format: InputFormat): ParseResult {
  const job = startParse(input, format);
  if ('ok' in job) return job;
  readRows(job, job.rows.length);
  return finishParse(job);
}

/**
 * A parse in progress: the input read (JSON or CSV), its columns planned from every row's keys, its rows validated
 * one by one by {@link readRows} (resumable: a large input is read in slices, see ./progressive.ts), then
 * {@link finishParse}. The dataset is one object from the start: its `laureates`, `aggregates` and `issues` grow in
 * place, its `ignoredCount` is set at the end.
 */
export interface ParseJob {
  readonly rows: readonly unknown[];
  readonly csvNumbers?: readonly number[];
  readonly plan: ReturnType<typeof planColumns>;
  /** The keys the columns were planned from. */
  readonly keys: ReadonlySet<string>;
  readonly isLaureates: boolean;
  readonly log: IssueLog;
  readonly duplicates: DuplicateFinder;
  readonly aggregateInputs: readonly unknown[];
  readonly offset: number;
  readonly dataset: Dataset;
  /** Rows validated so far (`rows[0 .. next]`). */
  next: number;
}

/**
 * Reads the input and plans its columns; a fatal error or an empty input is returned as the final result. With
 * `sample`, an input of `sample.from` rows or more has its columns planned from the keys of its first `sample.rows`
 * rows only (the job's `keys`): the caller must check the other rows' keys against them (see ./progressive.ts).
 */
export function startParse(
  input: unknown,
  format: InputFormat,
  sample?: { rows: number; from: number },
): ParseJob | ParseResult {
  const log = new IssueLog();
  if (input === undefined || input === null) return { ok: true, dataset: emptyDataset(format) };
  let value: unknown = input;
  let csvRows: Record<string, string>[] | undefined;
  let csvNumbers: number[] | undefined;
  let csvDropped = 0;
  let detected: InputFormat = format === 'auto' ? 'json' : format;
  if (typeof input === 'string') {
    const text = input.replace(/^\uFEFF/, '');
    if (text.trim() === '') return { ok: true, dataset: emptyDataset(format) };
    const looksJson = /^\s*[[{]/.test(text);
    let json: { value: unknown } | { error: string } | undefined;
    if (format !== 'csv') {
      try {
        json = { value: JSON.parse(text) };
      } catch (e) {
        json = { error: e instanceof Error ? e.message : String(e) };
      }
    }
    if (json && ('value' in json || format === 'json' || looksJson)) {
      if ('error' in json) return { ok: false, error: { code: 'invalid-json', details: json.error } };
      value = json.value;
      detected = format === 'ods' ? 'ods' : 'json';
    } else {
      const csv = readCsv(text, log);
      if ('error' in csv) return { ok: false, error: { code: 'invalid-csv', details: csv.error } };
      csvRows = csv.rows;
      csvNumbers = csv.numbers;
      csvDropped = csv.dropped;
      detected = format === 'ods' || isOds(csv.header) ? 'ods' : 'csv';
    }
  }
  const unwrapped = csvRows ? { rows: csvRows as unknown[], aggregates: [], meta: {} } : unwrap(value);
  if (!unwrapped) {
    return {
      ok: false,
      error: {
        code: 'unusable',
        details: `expected an array of rows or an object holding one, got ${preview(value, 80)}`,
      },
    };
  }
  const { rows, aggregates: aggregateInputs, meta } = unwrapped;
  const declaredTotals = 'declaredTotals' in unwrapped ? unwrapped.declaredTotals : undefined;
  if (rows.length + aggregateInputs.length > MAX_ROWS) {
    return {
      ok: false,
      error: { code: 'too-large', details: `${rows.length + aggregateInputs.length} rows; at most ${MAX_ROWS}` },
    };
  }
  const keys = new Set<string>();
  const keysOf = sample && rows.length >= sample.from ? Math.min(rows.length, sample.rows) : rows.length;
  for (let i = 0; i < keysOf; i++) {
    const r = rows[i];
    if (isRecord(r)) for (const k in r) keys.add(k);
  }
  if (detected === 'json' && isOds(keys)) detected = 'ods';
  const plan = planColumns(keys);
  const isLaureates = plan.has('nom');
  const laureates: Laureate[] = [];
  const aggregates: AggregateRow[] = [];
  const duplicates = new DuplicateFinder(log, laureates, isLaureates ? rows.length : 0);
  const rowCount = rows.length + csvDropped + aggregateInputs.length;
  const dataset: Dataset = {
    kind: isLaureates ? 'laureates' : 'aggregates',
    laureates,
    aggregates,
    issues: log.issues,
    rowCount,
    ignoredCount: log.errors,
    format: detected,
    meta,
  };
  if (declaredTotals) dataset.declaredTotals = declaredTotals;
  return {
    rows,
    csvNumbers,
    plan,
    keys,
    isLaureates,
    log,
    duplicates,
    aggregateInputs,
    offset: rows.length + csvDropped,
    dataset,
    next: 0,
  };
}

/** Validates the rows of `job` up to `to` (excluded). */
export function readRows(job: ParseJob, to: number): void {
  const { rows, csvNumbers, plan, isLaureates, log, duplicates, dataset } = job;
  const end = Math.min(to, rows.length);
  // Indexed loops, not forEach: the holes of a sparse array are rows too (reported, not skipped silently).
  for (let i = job.next; i < end; i++) {
    const row = rows[i];
    const rowNumber = csvNumbers ? csvNumbers[i]! : i + 1;
    if (!isRecord(row)) {
      log.add({ level: 'error', row: rowNumber, value: preview(row), code: 'not-an-object' });
      continue;
    }
    if (isLaureates) {
      const l = canonicalLaureate(row) ?? toLaureate(row, plan, rowNumber, log);
      if (l) duplicates.addLaureate(l, rowNumber);
    } else {
      const a = toAggregate(row, plan, rowNumber, log);
      if (a && duplicates.keepAggregate(a, rowNumber)) dataset.aggregates.push(a);
    }
  }
  if (end > job.next) job.next = end;
  dataset.ignoredCount = log.errors;
}

/** Once every row is read: the pre-aggregated rows, the kind of the dataset, the final result. */
export function finishParse(job: ParseJob): ParseResult {
  const { aggregateInputs, offset, log, duplicates, isLaureates, dataset } = job;
  const { laureates, aggregates, rowCount } = dataset;
  for (let i = 0; i < aggregateInputs.length; i++) {
    const row = aggregateInputs[i];
    if (!isRecord(row)) {
      log.add({ level: 'error', row: offset + i + 1, value: preview(row), code: 'not-an-object' });
      continue;
    }
    const a = toAggregate(row, planColumns(Object.keys(row)), offset + i + 1, log);
    if (a && duplicates.keepAggregate(a, offset + i + 1)) aggregates.push(a);
  }
  dataset.kind = isLaureates ? 'laureates' : aggregates.length > 0 || rowCount === 0 ? 'aggregates' : 'laureates';
  dataset.ignoredCount = log.errors;
  if (rowCount > 0 && laureates.length === 0 && aggregates.length === 0) {
    return {
      ok: false,
      error: {
        code: isLaureates ? 'no-valid-rows' : 'unusable',
        details: `${rowCount} rows, none usable`,
        issues: log.issues,
      },
    };
  }
  return { ok: true, dataset };
}

/**
 * The columns of an input, in order, each with the field it is read as (none: not used). For the builder's report
 * (src/builder/); the widgets do not use it (it is not in the package's main entry). Never throws.
 */
export function describeColumns(input: unknown, format: InputFormat = 'auto'): { column: string; field?: string }[] {
  try {
    let value: unknown = input;
    let rows: unknown[] | undefined;
    if (typeof input === 'string') {
      const text = input.replace(/^\uFEFF/, '');
      let json: { value: unknown } | undefined;
      if (format !== 'csv') {
        try {
          json = { value: JSON.parse(text) };
        } catch {
          json = undefined;
        }
      }
      if (json) value = json.value;
      else {
        const csv = readCsv(text, new IssueLog());
        if ('error' in csv) return [];
        rows = csv.rows;
      }
    }
    if (!rows) {
      const unwrapped = unwrap(value);
      rows = [...(unwrapped?.rows ?? []), ...(unwrapped?.aggregates ?? [])];
    }
    const keys = new Set<string>();
    for (const r of rows.slice(0, 1000)) if (isRecord(r)) for (const k in r) keys.add(k);
    const plan = planColumns(keys);
    const readAs = new Map<string, string>();
    for (const [field, columns] of plan) if (columns[0] !== undefined) readAs.set(columns[0], field);
    return [...keys].map((column) => (readAs.has(column) ? { column, field: readAs.get(column)! } : { column }));
  } catch {
    return [];
  }
}
