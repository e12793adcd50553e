/**
 * CSV export of laureate rows (RFC 4180, French spreadsheet conventions, formula injection neutralised) and the
 * names of exported files.
 */
import type { Laureate } from '../model/types.js';
import type { ListColumn } from './columns.js';
import { foldText } from './search.js';

/** A column of a CSV export. */
export interface CsvColumn {
  key: ListColumn;
  /** Header text. */
  label: string;
  /** The cell value; defaults to `row[key]`. Return a number for numbers (never neutralised). */
  value?: (row: Laureate) => string | number | null | undefined;
}

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Field separator, `;` by default (what French spreadsheet software expects). */
  separator?: ';' | ',' | '\t';
  /** Start with a UTF-8 byte order mark `\uFEFF` (default true) so that Excel reads UTF-8. */
  bom?: boolean;
  /** Decimal mark: `,` by default with `;` and tab separators, `.` with `,`. */
  decimal?: ',' | '.';
  /** Export only these rows, in this order (indices into `rows`, e.g. from {@link queryList}). */
  indices?: ArrayLike<number>;
}

/** Writes a finite number in plain positional notation (no exponent, no grouping). */
function plainNumber(value: number): string {
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const negative = text.startsWith('-');
  const mantissa = text.slice(negative ? 1 : 0, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  let result: string;
  if (point <= 0) result = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) result = digits + '0'.repeat(point - digits.length);
  else result = digits.slice(0, point) + '.' + digits.slice(point);
  return (negative ? '-' : '') + result;
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: numbers as plain digits, text neutralised against formulas, quoted if needed. */
function csvField(value: unknown, separator: string, decimal: string): string {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    text = plainNumber(value);
    if (decimal !== '.') text = text.replace('.', decimal);
  } else if (value === undefined || value === null) {
    return '';
  } else {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- cells are strings, numbers or booleans
    text = String(value);
    if (FORMULA_START.test(text)) text = "'" + text;
  }
  if (text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return '"' + text.replace(/"/g, '""') + '"';
  }
  return text;
}

/**
 * Writes rows as CSV (RFC 4180): header line of labels, every record ended by CRLF, fields
 * quoted when they contain the separator, `"`, CR or LF (quotes doubled). Numbers are written
 * as plain digits (no thousands separator) with a decimal comma for `;` (default) and tab, a
 * dot for `,`. Text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (formula
 * injection); numbers never do. Starts with a BOM unless `bom: false`.
 */
export function toCsv(rows: readonly Laureate[], columns: readonly CsvColumn[], options: CsvOptions = {}): string {
  const separator = options.separator ?? ';';
  const decimal = options.decimal ?? (separator === ',' ? '.' : ',');
  const lines: string[] = [columns.map((c) => csvField(c.label, separator, decimal)).join(separator)];
  const indices = options.indices;
  const count = indices ? indices.length : rows.length;
  for (let j = 0; j < count; j++) {
    const row = rows[indices ? indices[j]! : j];
    if (!row) continue;
    const cells = columns.map((c) => csvField(c.value ? c.value(row) : row[c.key], separator, decimal));
    lines.push(cells.join(separator));
  }
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

/** Lower-case ASCII slug: `Auvergne-Rhône-Alpes` → `auvergne-rhone-alpes` (at most 60 characters). */
export function slugify(text: string | null | undefined): string {
  let slug = foldText(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > 60)
    slug =
      slug
        .slice(0, 60)
        .replace(/-[^-]*$/, '')
        .replace(/-+$/, '') || slug.slice(0, 60);
  return slug;
}

/**
 * The name of an exported file: `<base>-<YYYY-MM-DD>[-<filter>].csv`, base and filter slugified,
 * date in local time. e.g. `csvFileName('laureats-france-relance', date, 'Auvergne-Rhône-Alpes')`
 * → `laureats-france-relance-2026-11-27-auvergne-rhone-alpes.csv`.
 */
export function csvFileName(base: string, date: Date, filterLabel?: string): string {
  const parts = [slugify(base) || 'export'];
  if (!Number.isNaN(date.getTime())) {
    const pad = (v: number) => String(v).padStart(2, '0');
    parts.push(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
  }
  const filter = slugify(filterLabel);
  if (filter) parts.push(filter);
  return parts.join('-') + '.csv';
}
