/**
 * CSV text to rows keyed by the header: separator detection, a lenient RFC 4180 tokenizer (linear time on any
 * input), truncated last rows and repaired quoting reported.
 */
import { foldKey } from '../territory.js';
import { preview } from '../values.js';
import { ALIAS_TO_FIELD, MAX_KEY_LENGTH } from './columns.js';
import type { IssueLog } from './issues.js';

/** Guesses the CSV separator from the header line: the most frequent of `;`, `,` and tab outside quotes. */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  // The whole first line (a long one is still linear), not a fixed prefix: a long first column name would hide the
  // separators.
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ';' || c === ',' || c === '\t')) counts[c]++;
  }
  if (counts[';'] >= counts[','] && counts[';'] >= counts['\t'] && counts[';'] > 0) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** CSV text split into cells, with the rows whose quoting had to be repaired. */
export interface CsvTable {
  rows: string[][];
  /** Indices (in `rows`) of rows with a quote that was not closed, or text after a closing quote. */
  badQuotes: Set<number>;
  /** Indices of rows whose unclosed quote ran to the end of the text. */
  unclosed: Set<number>;
  /** The text ends with a line break (a file cut in the middle of a row does not). */
  endsWithNewline: boolean;
}

/**
 * Splits CSV text into rows of cells: RFC 4180 (quoted fields may hold separators, line breaks and doubled quotes),
 * leniently. A quote that is never closed is read as a plain character (instead of swallowing every following row),
 * and text after a closing quote is kept (`"Les Amis" de la Terre` → `Les Amis de la Terre`); both are reported.
 * One pass, linear time.
 */
export function splitCsv(text: string, separator: string): CsvTable {
  const SEP = separator.charCodeAt(0);
  let n = text.length;
  let endsWithNewline = false;
  if (text.charCodeAt(n - 1) === LF) {
    n--;
    endsWithNewline = true;
  }
  if (text.charCodeAt(n - 1) === CR) {
    n--;
    endsWithNewline = true;
  }
  const table: CsvTable = { rows: [], badQuotes: new Set(), unclosed: new Set(), endsWithNewline };
  if (n <= 0) return table;
  /** Index of the next separator or line break from `k` (or `n`). */
  const fieldEnd = (k: number): number => {
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c === SEP || c === LF || c === CR) break;
      k++;
    }
    return k;
  };
  let row: string[] = [];
  let i = 0;
  for (;;) {
    let value: string;
    let end: number;
    if (text.charCodeAt(i) === QUOTE) {
      let from = i + 1;
      let closedAt = -1;
      value = '';
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0 || q >= n) break;
        if (q + 1 < n && text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        closedAt = q;
        break;
      }
      if (closedAt >= 0) {
        end = fieldEnd(closedAt + 1);
        if (end > closedAt + 1) {
          value += text.slice(closedAt + 1, end);
          table.badQuotes.add(table.rows.length);
        }
      } else {
        // Never closed: no quote follows, so reading the quote as a plain character is final.
        end = fieldEnd(i + 1);
        value = text.slice(i, end);
        table.badQuotes.add(table.rows.length);
        table.unclosed.add(table.rows.length);
      }
    } else {
      end = fieldEnd(i);
      value = text.slice(i, end);
    }
    row.push(value);
    if (end >= n) break;
    const c = text.charCodeAt(end);
    i = end + 1;
    if (c === SEP) {
      if (i >= n) {
        row.push('');
        break;
      }
      continue;
    }
    if (c === CR && text.charCodeAt(i) === LF) i++;
    table.rows.push(row);
    row = [];
    if (i >= n) return table;
  }
  table.rows.push(row);
  return table;
}

/** Reads CSV text (`,` `;` or tab; RFC 4180 quoting) into objects keyed by the header. */
export function readCsv(
  text: string,
  log: IssueLog,
): { rows: Record<string, string>[]; header: string[]; numbers: number[]; dropped: number } | { error: string } {
  const separator = detectSeparator(text);
  const table = splitCsv(text, separator);
  const header = (table.rows[0] ?? []).map((h) => h.trim());
  // A header without any known column name is not a header (text, or a CSV of something else).
  if (!header.some((h) => h.length <= MAX_KEY_LENGTH && ALIAS_TO_FIELD.has(foldKey(h)))) {
    return { error: `no usable header line (read: ${preview(header.join(separator), 80)})` };
  }
  // A column name given twice: the first column is read.
  const seen = new Set<string>();
  const columns = header.map((h) => (h === '' || seen.has(h) ? undefined : (seen.add(h), h)));
  const rows: Record<string, string>[] = [];
  /** Row number in the source of each row read (blank lines are skipped but keep their number). */
  const numbers: number[] = [];
  let dropped = 0;
  const last = table.rows.length - 1;
  for (let t = 1; t <= last; t++) {
    const cells = table.rows[t]!;
    const rowNumber = t;
    if (cells.every((c) => c.trim() === '')) continue; // blank line
    // The last row of a text cut short (no final line break, missing cells or an open quote) is not trusted:
    // its last value is probably cut too (« 1 250 000 » read as « 12 »).
    if (t === last && !table.endsWithNewline && (cells.length < header.length || table.unclosed.has(t))) {
      log.add({ level: 'error', row: rowNumber, value: preview(cells.join(separator)), code: 'truncated-row' });
      dropped++;
      continue;
    }
    if (table.badQuotes.has(t)) {
      log.add({
        level: 'warning',
        row: rowNumber,
        value: preview(cells.find((c) => c.includes('"')) ?? cells.join(separator)),
        code: 'csv-quote',
      });
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      log.add({
        level: 'warning',
        row: rowNumber,
        value: preview(cells.slice(header.length).join(separator)),
        code: 'extra-columns',
      });
    }
    const row: Record<string, string> = {};
    columns.forEach((h, j) => {
      if (h !== undefined && cells[j] !== undefined) row[h] = cells[j];
    });
    rows.push(row);
    numbers.push(rowNumber);
  }
  return { rows, header, numbers, dropped };
}
