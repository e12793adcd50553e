// Types of ./odsql-parse.mjs for the TypeScript tests.
export type Node =
  | { type: 'or' | 'and'; left: Node; right: Node }
  | { type: 'not'; expr: Node }
  | { type: 'search'; text: string }
  | { type: 'null'; field: { type: 'field'; name: string }; negated: boolean }
  | { type: 'like'; field: { type: 'field'; name: string }; text: string }
  | { type: 'in'; field: { type: 'field'; name: string }; values: (string | number | boolean)[] }
  | { type: 'cmp'; field: { type: 'field'; name: string }; op: string; value: string | number | boolean };
export class OdsqlError extends Error {
  clause: string;
}
export function tokenize(text: string, clause?: string): { t: string; v: string | number; quoted?: boolean }[];
export function parseWhere(text: string): Node;
export function parseSelect(text: string): unknown[];
export function parseGroupBy(text: string): unknown[];
export function parseOrderBy(text: string): unknown[];
export function matchText(text: string): string;
