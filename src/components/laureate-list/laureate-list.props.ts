/**
 * The public reactive properties of `<relance-laureate-list>` (its attributes), with their documentation, which the
 * custom-elements manifest and the README's API reference are generated from: the base class of
 * {@link RelanceLaureateList}, whose file holds what the list does with them (laureate-list.ts).
 */
import type { PropertyDeclarations } from 'lit';
import { RelanceDataElement } from '../../base/data-element.js';
import type { SortDirection } from './laureate-list.messages.js';
import type { ListLayout } from './laureate-list.model.js';
import { DEFAULT_PAGE_SIZE } from './laureate-list.model.js';

export abstract class LaureateListProps extends RelanceDataElement {
  static override properties: PropertyDeclarations = {
    columns: {},
    pageSize: { attribute: 'page-size', type: Number },
    page: { type: Number },
    search: {},
    statut: {},
    region: {},
    departement: {},
    sort: {},
    sortDirection: { attribute: 'sort-direction' },
    layout: { reflect: true },
    csvSeparator: { attribute: 'csv-separator' },
    fileName: { attribute: 'file-name' },
  };

  /**
   * Columns to show, in order, separated by spaces or commas: `nom`, `statut`, `region`, `lieu`
   * (département and commune), `departement`, `commune`, `territoire`, `montant`, `emplois`,
   * `projet`, `siren`. Default: `nom statut region lieu territoire montant emplois`. The name is
   * always shown.
   */
  columns?: string;

  /** Rows per page (default 20, from 5 to 500). */
  pageSize = DEFAULT_PAGE_SIZE;

  /** The current page, from 1. */
  page = 1;

  /** Search text: every word must be found (case- and accent-insensitive) in the name, commune, territory, project, région or département. */
  search = '';

  /** Status filter: one or more statuses separated by spaces or commas (`association`, `cooperative`, `fondation`, `mutuelle`, `entreprise`, `autre`). */
  statut = '';

  /** Région filter: an INSEE code (`84`) or a name (« Auvergne-Rhône-Alpes »). */
  region = '';

  /** Département filter: an INSEE code (`42`, `2A`, `974`) or a name. */
  departement = '';

  /** Sort column (one of the column names); empty: the order of the data. */
  sort = '';

  /** Sort direction: `ascending` or `descending` (default: ascending for text, descending for amounts and jobs). */
  sortDirection?: SortDirection;

  /** Layout: `auto` (default: cards in containers too narrow for the columns: under 600 px, about 880 px for the 7 default columns), `table` or `cards`. */
  layout: 'auto' | ListLayout = 'auto';

  /** Field separator of the CSV export: `;` (default, for French spreadsheet software), `,` or `tab`. */
  csvSeparator = ';';

  /** Start of the exported file name, before the date (default `laureats-france-relance`). */
  fileName?: string;
}
