/**
 * The columns of laureate rows that the query engine filters, sorts, searches and exports.
 */

/** Columns the list can show, sort and export. */
export const LIST_COLUMNS = [
  'nom',
  'statut',
  'region',
  'departement',
  'commune',
  'territoire',
  'montant',
  'emplois',
  'projet',
  'siren',
] as const;

/** A list column. */
export type ListColumn = (typeof LIST_COLUMNS)[number];

/** Fields of a row that free-text search looks into (plus `extraText`, when given). */
export const SEARCH_FIELDS = ['nom', 'commune', 'territoire', 'projet'] as const;

/** Numeric columns: sorted as numbers, written as numbers in CSV. */
export const NUMERIC_COLUMNS: ReadonlySet<ListColumn> = new Set<ListColumn>(['montant', 'emplois']);

/** Sort order of a list. */
export interface ListSort {
  column: ListColumn;
  direction: 'ascending' | 'descending';
}
