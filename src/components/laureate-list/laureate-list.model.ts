/**
 * What `<relance-laureate-list>` computes from its attributes and its data, without DOM: the filter and sort the
 * attributes ask for, the query put to the source, the page, the rows as shown (highlighted), the filter options, the
 * layout, the table's caption, the CSV columns and the announcements. Pure functions, unit-tested (laureate-list.model.test.ts).
 */
import type { Lang } from '../../i18n/format.js';
import { formatCount } from '../../i18n/format.js';
import { statutLabel } from '../../i18n/messages.js';
import type { Totals } from '../../model/aggregate.js';
import { DEPARTEMENTS, foldKey, normalizeDepartement, normalizeRegion, territoryName } from '../../model/territory.js';
import type { Laureate, Statut } from '../../model/types.js';
import { STATUTS } from '../../model/types.js';
import { normalizeStatut } from '../../model/values.js';
import type { CsvColumn } from '../../query/csv-export.js';
import type { HighlightSegment } from '../../query/search.js';
import { highlight, searchWords } from '../../query/search.js';
import { sortByName } from '../../query/sort.js';
import type { PageQuery, QueryFilter, RowPage } from '../../query/source.js';
import type { ListTotals } from '../../query/totals.js';
import { toListTotals } from '../../query/totals.js';
import type { LaureateListColumn, ListMessages, SortDirection } from './laureate-list.messages.js';
import { LAUREATE_LIST_COLUMNS } from './laureate-list.messages.js';

/** Columns shown when the `columns` attribute is absent. */
export const DEFAULT_LIST_COLUMNS: readonly LaureateListColumn[] = [
  'nom',
  'statut',
  'region',
  'lieu',
  'territoire',
  'montant',
  'emplois',
];

/** Default number of rows per page. */
export const DEFAULT_PAGE_SIZE = 20;

/** Columns of numbers: right-aligned, sorted from the largest first. */
export const NUMERIC: ReadonlySet<LaureateListColumn> = new Set<LaureateListColumn>(['montant', 'emplois']);

/** The sort in effect. */
export interface ListSortState {
  column: LaureateListColumn;
  direction: SortDirection;
}

/** Table or cards. */
export type ListLayout = 'table' | 'cards';

/** Parses the `columns` attribute: known names, in the given order, once each; `nom` is always shown (first if omitted). */
export function parseColumns(value: string | null | undefined): LaureateListColumn[] {
  const known = new Set<string>(LAUREATE_LIST_COLUMNS);
  const picked: LaureateListColumn[] = [];
  for (const name of (value ?? '').split(/[\s,;]+/)) {
    const key = name.trim().toLowerCase();
    if (known.has(key) && !picked.includes(key as LaureateListColumn)) picked.push(key as LaureateListColumn);
  }
  if (picked.length === 0) return [...DEFAULT_LIST_COLUMNS];
  if (!picked.includes('nom')) picked.unshift('nom');
  return picked;
}

/** Parses the `statut` attribute: canonical statuses separated by spaces, commas or semicolons (« association, coopérative »). */
export function parseStatuts(value: string | null | undefined): Statut[] {
  const found = new Set<Statut>();
  for (const token of (value ?? '').split(/[\s,;|]+/)) {
    if (!token) continue;
    const s = normalizeStatut(token);
    // Words such as « loi » or « 1901 » (from « association loi 1901 ») are not statuses.
    if (s && (s !== 'autre' || foldKey(token) === 'autre')) found.add(s);
  }
  return STATUTS.filter((s) => found.has(s));
}

/** Narrowest comfortable width of each column in the table layout, in CSS pixels. */
const COLUMN_MIN_WIDTH: Record<LaureateListColumn, number> = {
  nom: 170,
  statut: 120,
  region: 115,
  lieu: 125,
  departement: 115,
  commune: 110,
  territoire: 140,
  montant: 115,
  emplois: 80,
  projet: 220,
  siren: 100,
};

/**
 * Table on wide containers; cards under 600 px, or when the columns would not get their
 * comfortable width (about 880 px for the 7 default columns).
 */
export function chooseLayout(width: number, columns: readonly LaureateListColumn[], setting: string): ListLayout {
  if (setting === 'table' || setting === 'cards') return setting;
  if (width <= 0) return 'table';
  const needed = columns.reduce((sum, c) => sum + COLUMN_MIN_WIDTH[c], 0);
  return width < Math.max(600, needed) ? 'cards' : 'table';
}

/**
 * About the height in px of the list below its caption, measured: the filters, the results bar and a full page of rows
 * (cards about 130 px, table rows about 100 px). Reserved while the data loads.
 */
export function estimateListHeight(width: number, layout: ListLayout, pageSize: number): number {
  const filters = width < 480 ? 420 : width < 640 ? 380 : width < 960 ? 308 : 220;
  const bar = width < 480 ? 140 : width < 768 ? 76 : 32;
  const cards = layout === 'cards';
  const rows = pageSize * (cards ? 130 : 98) + (cards ? 65 : 50);
  return filters + bar + rows + 32;
}

/** Rows per page: the `page-size` attribute within 5 to 500, else the default. */
export function effectivePageSize(pageSize: unknown): number {
  const size = Math.floor(Number(pageSize));
  return Number.isFinite(size) && size > 0 ? Math.min(500, Math.max(5, size)) : DEFAULT_PAGE_SIZE;
}

/** The sort the `sort` and `sort-direction` attributes ask for (default direction: descending for numbers). */
export function readSort(sort: string | undefined, sortDirection: string | undefined): ListSortState | undefined {
  const column = (sort ?? '').trim().toLowerCase() as LaureateListColumn;
  if (!(LAUREATE_LIST_COLUMNS as readonly string[]).includes(column)) return undefined;
  const direction: SortDirection =
    sortDirection === 'ascending' || sortDirection === 'descending'
      ? sortDirection
      : NUMERIC.has(column)
        ? 'descending'
        : 'ascending';
  return { column, direction };
}

/** A click on a column header: the other direction on the sorted column, else its default direction. */
export function nextSort(current: ListSortState | undefined, column: LaureateListColumn): SortDirection {
  if (current?.column === column) return current.direction === 'ascending' ? 'descending' : 'ascending';
  return NUMERIC.has(column) ? 'descending' : 'ascending';
}

/** The list's filter, read from its attributes (codes or names). */
export interface ListFilter {
  search: string;
  statuts: Statut[];
  /** INSEE code, or `''`. */
  region: string;
  /** INSEE code, or `''`. */
  departement: string;
}

/** Reads the filter attributes: statuses, région and département codes (or names). */
export function readFilter(search: string, statut: string, region: string, departement: string): ListFilter {
  return {
    search,
    statuts: parseStatuts(statut),
    region: normalizeRegion(region) ?? '',
    departement: normalizeDepartement(departement) ?? '',
  };
}

/** True when the filter sets anything. */
export function isFiltered(f: ListFilter): boolean {
  return f.search.trim() !== '' || f.statuts.length > 0 || f.region !== '' || f.departement !== '';
}

/** The filter as the query source reads it (and as `relance-filter-change` tells it). */
export function queryFilterOf(f: ListFilter): Required<QueryFilter> {
  return {
    search: f.search,
    statuts: [...f.statuts],
    regions: f.region ? [f.region] : [],
    departements: f.departement ? [f.departement] : [],
  };
}

/**
 * What identifies the rows shown, whatever the page: a new one starts at page 1. Searches with the same words are one;
 * statuses sort by their label, so a sort by status depends on the language.
 */
export function queryKey(f: ListFilter, sort: ListSortState | undefined, lang: Lang): string {
  return JSON.stringify([
    searchWords(f.search),
    f.statuts,
    f.region,
    f.departement,
    sort,
    sort?.column === 'statut' ? lang : '',
  ]);
}

/** The question put to the source for a page (`page` from 1); without `page`, every row. */
export function pageQuery(
  f: ListFilter,
  sort: ListSortState | undefined,
  lang: Lang,
  page?: number,
  size?: number,
): PageQuery {
  const query: PageQuery = { filter: queryFilterOf(f), lang };
  // « Lieu » (département and commune) sorts by département, then commune.
  if (sort)
    query.sort = {
      column: sort.column === 'lieu' ? 'departement' : sort.column,
      direction: sort.direction,
    };
  if (page !== undefined && size !== undefined) {
    query.offset = (page - 1) * size;
    query.limit = size;
  }
  return query;
}

/** Number of pages, and the page in effect (within them). */
export function pageOf(page: number, total: number, size: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / size));
  return { page: Number.isFinite(page) ? Math.min(Math.max(1, Math.floor(page)), pageCount) : 1, pageCount };
}

/** The list's view of totals (the count, the sums, how many rows gave each); zeros before any answer. */
export function listTotals(t: Totals | undefined): ListTotals {
  return t ? toListTotals(t) : { count: 0, montant: 0, emplois: 0, montantCount: 0, emploisCount: 0 };
}

/** One visible row, with its texts split for highlighting. */
export interface RowView {
  /** Index in the dataset. */
  index: number;
  row: Laureate;
  nom: HighlightSegment[];
  commune: HighlightSegment[];
  territoire: HighlightSegment[];
  projet: HighlightSegment[];
  region: HighlightSegment[];
  departement: HighlightSegment[];
  /** The project (hidden while the row is closed) matches the search. */
  projetMatch: boolean;
}

/** The rows of a page as shown: texts split where they match the search (`search`: `''` for none). */
export function rowViews(page: Pick<RowPage, 'rows' | 'ids'>, search: string): RowView[] {
  const q = searchWords(search).length > 0 ? search : '';
  const seg = (text: string | undefined): HighlightSegment[] =>
    text ? (q ? highlight(text, q) : [{ text, match: false }]) : [];
  const view: RowView[] = [];
  for (let j = 0; j < page.rows.length; j++) {
    const row = page.rows[j]!;
    const projet = seg(row.projet);
    view.push({
      index: page.ids[j]!,
      row,
      nom: seg(row.nom),
      commune: seg(row.commune),
      territoire: seg(row.territoire),
      projet,
      region: seg(row.region ? territoryName('region', row.region) : undefined),
      departement: seg(row.departement ? territoryName('departement', row.departement) : undefined),
      projetMatch: projet.some((s) => s.match),
    });
  }
  return view;
}

/** A choice of a filter list. */
export interface Option {
  code: string;
  name: string;
}

/** A département of the filter list, with its région (the list narrows to the chosen région's). */
export interface DepartementOption extends Option {
  region: string;
}

/** The choices of the filters: the statuses, régions and départements found in the data. */
export interface FilterOptions {
  statuts: Statut[];
  regions: Option[];
  departements: DepartementOption[];
}

/**
 * The choices of the filters, from the codes the data has (e.g. the keys of its totals by status, région, département):
 * statuses in their order, territories by name in French order (without the collator: its creation would delay the
 * first paint).
 */
export function filterOptions(
  statuts: Iterable<string>,
  regions: Iterable<string>,
  departements: Iterable<string>,
): FilterOptions {
  const found = new Set(statuts);
  return {
    statuts: STATUTS.filter((s) => found.has(s)),
    regions: sortByName([...regions].map((code) => ({ code, name: territoryName('region', code) }))),
    departements: sortByName(
      [...departements].map((code) => ({
        code,
        name: territoryName('departement', code),
        region: DEPARTEMENTS.get(code)?.region ?? '',
      })),
    ),
  };
}

/** The régions of the select: the options, and the chosen one if the data has none of it. */
export function regionChoices(options: readonly Option[], chosen: string): readonly Option[] {
  return options.some((o) => o.code === chosen) || !chosen
    ? options
    : [...options, { code: chosen, name: territoryName('region', chosen) }];
}

/** The départements of the select: those of the chosen région, and the chosen one if the data has none of it. */
export function departementChoices(
  options: readonly DepartementOption[],
  region: string,
  chosen: string,
): readonly DepartementOption[] {
  let list = region ? options.filter((d) => d.region === region) : options;
  if (chosen && !list.some((d) => d.code === chosen))
    list = [...list, { code: chosen, name: territoryName('departement', chosen), region: '' }];
  return list;
}

/** The columns of the CSV export, with their headers in the reader's language. */
export function csvColumns(lm: ListMessages, lang: Lang): CsvColumn[] {
  const h = lm.csvHeader;
  return [
    { key: 'nom', label: h.nom },
    { key: 'statut', label: h.statut, value: (r) => statutLabel(r.statut, lang, 1) },
    { key: 'region', label: h.region, value: (r) => (r.region ? territoryName('region', r.region) : undefined) },
    { key: 'region', label: h.regionCode, value: (r) => r.region },
    {
      key: 'departement',
      label: h.departement,
      value: (r) => (r.departement ? territoryName('departement', r.departement) : undefined),
    },
    { key: 'departement', label: h.departementCode, value: (r) => r.departement },
    { key: 'commune', label: h.commune },
    { key: 'territoire', label: h.territoire },
    { key: 'projet', label: h.projet },
    { key: 'montant', label: h.montant },
    { key: 'emplois', label: h.emplois },
    { key: 'siren', label: h.siren },
  ];
}

/** The CSV field separator of the `csv-separator` attribute (`;` by default). */
export function csvSeparator(value: string): ';' | ',' | '\t' {
  return value === ',' ? ',' : value === 'tab' || value === '\t' ? '\t' : ';';
}

/** What the exported file name says of the filter: the territory, one or two statuses, the search. */
export function csvFilterLabel(f: ListFilter, lang: Lang): string {
  const parts: string[] = [];
  if (f.departement) parts.push(territoryName('departement', f.departement));
  else if (f.region) parts.push(territoryName('region', f.region));
  if (f.statuts.length > 0 && f.statuts.length <= 2) parts.push(...f.statuts.map((s) => statutLabel(s, lang, 2)));
  if (f.search.trim()) parts.push(f.search);
  return parts.join(' ');
}

/**
 * The table's caption: its title (the widget's caption, else the data's title, else the list's default caption), then
 * the sort, and the page when there are several (« …, page 2 / 5 »).
 */
export function tableCaption(
  lm: ListMessages,
  lang: Lang,
  title: string | undefined,
  sort: ListSortState | undefined,
  page: number,
  pages: number,
): string {
  const parts = [title || lm.defaultCaption];
  if (sort) parts.push(lm.sortedBy(lm.column[sort.column], sort.direction, NUMERIC.has(sort.column)));
  if (pages > 1) parts.push(`${lm.page.toLowerCase()} ${formatCount(page, lang)} / ${formatCount(pages, lang)}`);
  return parts.join(', ');
}

/** What a user action changed, said to screen-reader users: the count (filters), the page, the sort. */
export type Announcement = 'count' | 'page' | 'sort';

/** The words of an announcement: « 12 lauréats sur 44 », the rows of the page, the sort. */
export function announcementText(
  lm: ListMessages,
  kind: Announcement,
  s: { count: number; of: number; page: number; pages: number; size: number; sort?: ListSortState },
): string {
  const count = lm.count(s.count, s.of);
  if (kind === 'page') {
    const from = (s.page - 1) * s.size + 1;
    return lm.pageStatus(s.page, s.pages, from, Math.min(s.count, from + s.size - 1));
  }
  if (kind === 'sort' && s.sort) {
    const c = s.sort.column;
    return `${count}, ${lm.sortedBy(lm.column[c], s.sort.direction, NUMERIC.has(c))}`;
  }
  return count;
}
