/**
 * Safe ODSQL (Opendatasoft Query Language, Explore API v2.1) for the portal adapter.
 *
 * Every value that reaches a `where` clause goes through {@link quote}: a double-quoted string literal whose `"` and
 * `\` are escaped with a backslash, so that no text (a name with an apostrophe, quotes, parentheses, ODSQL keywords, a
 * code from the URL) can end the literal and change the query's structure. Field names go through {@link field}:
 * letters, digits and `_` only, back-quoted when ODSQL would read them as a keyword or a number. Clauses are values of
 * type {@link Where}, made only by the builders here, never by concatenating a reader's text.
 *
 * Documented grammar used (ODSQL): `field = "text"`, `field IS NULL`, `NOT`, `AND`, `OR`, parentheses; a search query
 * is a quoted string alone (`"atel*"`: full text on the dataset's text fields, `*` for a prefix); `select` with
 * `count(*)`, `sum(field)`, `count(field)` and `AS`; `group_by`; `order_by field ASC|DESC`; `limit` and `offset`.
 * An « IN » on a list of values is written as `(f = "a" OR f = "b")`, which every version of the language reads.
 */
import { searchWords } from '../search.js';
import { PortalError } from './errors.js';

/** A `where` expression built by this module. */
export type Where = string & { readonly __where: unique symbol };
/** A `select` item, `group_by` item or `order_by` item built by this module. */
export type Clause = string & { readonly __clause: unique symbol };

/** Reserved keywords of ODSQL (a field of that name must be back-quoted). */
const KEYWORDS = new Set(
  'and as asc avg by count date_format day dayofweek desc distance equi false geometry group hour in is like limit lower max millisecond min minute month not null or polygon quarter range search second select sum top true upper where year'.split(
    ' ',
  ),
);
const FIELD_NAME = /^[A-Za-z0-9_]{1,128}$/;

/**
 * A string literal of ODSQL for any text: double quotes, with `\` and `"` escaped by a backslash. The one function
 * through which values reach a query.
 */
export function quote(value: string): string {
  return `"${String(value).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** True when a name can be a dataset field. */
export function isFieldName(name: unknown): name is string {
  return typeof name === 'string' && FIELD_NAME.test(name);
}

/**
 * A field literal: `type_entreprise`, or back-quoted when it is a keyword or only digits (`` `and` ``, `` `2021` ``).
 * Throws a {@link PortalError} `invalid-field` for anything else (an attribute cannot smuggle an expression).
 */
export function field(name: string): Clause {
  if (!isFieldName(name)) {
    throw new PortalError(
      'invalid-field',
      `« ${String(name).slice(0, 80)} » n'est pas un nom de champ (lettres, chiffres et _ seulement).`,
      { field: String(name).slice(0, 80) },
    );
  }
  return (KEYWORDS.has(name.toLowerCase()) || /^\d+$/.test(name) ? `\`${name}\`` : name) as Clause;
}

/** An alias (`AS laureats`): the same rule as a field. */
export const alias = field;

/** `field = "value"` (numbers unquoted). */
export function eq(name: string, value: string | number): Where {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new PortalError('bad-query', 'Valeur numérique invalide.');
    return `${field(name)} = ${String(value)}` as Where;
  }
  return `${field(name)} = ${quote(value)}` as Where;
}

/** `field IS NULL`. */
export function isNull(name: string): Where {
  return `${field(name)} IS NULL` as Where;
}

/** Matches no row (an empty list of values): `undefined` is « no condition », this is « nothing ». */
export const NOTHING = Symbol('nothing');
export type WhereOrNothing = Where | typeof NOTHING;

/**
 * One of the values (`null` among them: the field is empty): `(f = "a" OR f = "b" OR f IS NULL)`, or {@link NOTHING}
 * for an empty list.
 */
export function inList(name: string, values: readonly (string | number | null)[]): WhereOrNothing {
  const parts = [...new Set(values)].map((v) => (v === null ? isNull(name) : eq(name, v)));
  if (parts.length === 0) return NOTHING;
  return or(...parts);
}

/** All of the expressions; {@link NOTHING} if one is; `undefined` for none. */
export function and(...parts: readonly (WhereOrNothing | undefined)[]): WhereOrNothing | undefined {
  const kept: Where[] = [];
  for (const p of parts) {
    if (p === NOTHING) return NOTHING;
    if (p !== undefined) kept.push(p);
  }
  if (kept.length === 0) return undefined;
  return (kept.length === 1 ? kept[0]! : kept.map((p) => `(${p})`).join(' AND ')) as Where;
}

/** Any of the expressions (at least one). */
export function or(...parts: readonly Where[]): Where {
  return (parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`) as Where;
}

/** `NOT (expression)`. */
export function not(part: Where): Where {
  return `NOT (${part})` as Where;
}

/**
 * The full-text search of a reader's text: each of its folded words (as the widgets' own search folds them:
 * « l'Atelier » → `atelier`, `l`) must start a word of the record's text, `"atelier*" AND "l*"`; `undefined` when
 * the text has no word. Quotes, parentheses and keywords in the text are not words: they never reach the query.
 */
export function search(text: string | undefined): Where | undefined {
  const words = searchWords(text);
  if (words.length === 0) return undefined;
  return words.map((w) => quote(`${w}*`)).join(' AND ') as Where;
}

/** `count(*) AS alias`. */
export function countAll(as: string): Clause {
  return `count(*) AS ${alias(as)}` as Clause;
}

/** `sum(field) AS alias`. */
export function sum(name: string, as: string): Clause {
  return `sum(${field(name)}) AS ${alias(as)}` as Clause;
}

/** `count(field) AS alias`: the records where the field has a value. */
export function count(name: string, as: string): Clause {
  return `count(${field(name)}) AS ${alias(as)}` as Clause;
}

/** `field ASC|DESC`. */
export function orderBy(name: string, direction: 'ascending' | 'descending'): Clause {
  return `${field(name)} ${direction === 'descending' ? 'DESC' : 'ASC'}` as Clause;
}

/** The parameters of a `records` request. */
export interface RecordsQuery {
  select?: readonly Clause[];
  where?: Where;
  groupBy?: readonly Clause[];
  orderBy?: readonly Clause[];
  limit?: number;
  offset?: number;
}

/** Checks a count parameter (`limit`, `offset`): a non-negative integer. */
function count0(n: number, what: string): string {
  if (!Number.isInteger(n) || n < 0) throw new PortalError('bad-query', `${what} doit être un entier positif.`);
  return String(n);
}

/**
 * The address of a `records` request of a dataset (`…/catalog/datasets/<id>`): every parameter URL-encoded by
 * `URLSearchParams`, in a fixed order (one address per question: the cache's key).
 */
export function recordsUrl(dataset: string, q: RecordsQuery): string {
  const url = new URL(`${dataset.replace(/\/+$/, '')}/records`);
  const p = url.searchParams;
  if (q.select?.length) p.set('select', q.select.join(', '));
  if (q.where) p.set('where', q.where);
  if (q.groupBy?.length) p.set('group_by', q.groupBy.join(', '));
  if (q.orderBy?.length) p.set('order_by', q.orderBy.join(', '));
  if (q.limit !== undefined) p.set('limit', count0(q.limit, 'limit'));
  if (q.offset) p.set('offset', count0(q.offset, 'offset'));
  return url.href;
}

/** The address of the dataset's CSV export for a `where` clause (`;`-separated, field names as headers). */
export function exportUrl(
  dataset: string,
  q: { select?: readonly Clause[]; where?: Where; orderBy?: readonly Clause[] },
  format: 'csv' | 'json' = 'csv',
): string {
  const url = new URL(`${dataset.replace(/\/+$/, '')}/exports/${format}`);
  const p = url.searchParams;
  if (q.select?.length) p.set('select', q.select.join(', '));
  if (q.where) p.set('where', q.where);
  if (q.orderBy?.length) p.set('order_by', q.orderBy.join(', '));
  if (format === 'csv') {
    p.set('delimiter', ';');
    p.set('use_labels', 'false');
  }
  return url.href;
}
