/**
 * Texts of `<relance-laureate-list>`, French (default) and English. Shared texts (status labels,
 * units, data notices) come from `src/i18n/messages.ts`.
 */
import type { Lang } from '../../i18n/format.js';
import { formatCount, pluralCategory } from '../../i18n/format.js';

/** Columns the list can show (`columns` attribute). `lieu` is « département et commune » in one column. */
export const LAUREATE_LIST_COLUMNS = [
  'nom',
  'statut',
  'region',
  'lieu',
  'departement',
  'commune',
  'territoire',
  'montant',
  'emplois',
  'projet',
  'siren',
] as const;

export type LaureateListColumn = (typeof LAUREATE_LIST_COLUMNS)[number];

export type SortDirection = 'ascending' | 'descending';

export interface ListMessages {
  /** Caption of the table when the page gives none. */
  defaultCaption: string;
  /** Column headers. */
  column: Record<LaureateListColumn, string>;
  /** Search field. */
  searchLabel: string;
  searchHint: string;
  /** Filters. */
  filtersLabel: string;
  statusFilter: string;
  regionFilter: string;
  allRegions: string;
  departementFilter: string;
  allDepartements: string;
  reset: string;
  /** « 12 lauréats sur 44 », « 44 lauréats ». */
  count: (shown: number, total: number) => string;
  /** After the count while the rows are still being read (or the search index built): the figures will change. */
  counting: string;
  /** Nothing matches the filters. */
  noMatch: string;
  /** A page past the last record a portal serves (10 000 on the Explore API). */
  tooDeep: string;
  /** Disclosure of a row's project; `name` is read by screen readers only. */
  showProject: string;
  /** Cards: the other fields and the project. */
  showDetails: string;
  hideDetails: string;
  hideProject: string;
  projectOf: (name: string) => string;
  noProject: string;
  /** The project text matches the search although the row is closed. */
  projectMatches: string;
  /** Sort. */
  sortLabel: string;
  unsorted: string;
  sortOption: (column: string, direction: SortDirection, numeric: boolean) => string;
  sortedBy: (column: string, direction: SortDirection, numeric: boolean) => string;
  /** Pagination. */
  pagination: string;
  firstPage: string;
  previousPage: string;
  nextPage: string;
  lastPage: string;
  page: string;
  pageStatus: (page: number, pages: number, from: number, to: number) => string;
  /** Totals row. */
  totalLabel: string;
  /** CSV export. */
  exportCsv: string;
  exportDetail: (rows: number) => string;
  csvHeader: Record<
    | 'nom'
    | 'statut'
    | 'region'
    | 'regionCode'
    | 'departement'
    | 'departementCode'
    | 'commune'
    | 'territoire'
    | 'projet'
    | 'montant'
    | 'emplois'
    | 'siren',
    string
  >;
  /** Missing value (shown as a dash, read as this). */
  missing: string;
  /** File name base of the export, before the date. */
  fileBase: string;
}

const fr: ListMessages = {
  defaultCaption: 'Lauréats du programme Territoires d’industrie',
  column: {
    nom: 'Lauréat',
    statut: 'Statut',
    region: 'Région',
    lieu: 'Département et commune',
    departement: 'Département',
    commune: 'Commune',
    territoire: 'Territoire d’industrie',
    montant: 'Soutien de l’État',
    emplois: 'Emplois',
    projet: 'Projet',
    siren: 'SIREN',
  },
  searchLabel: 'Rechercher un lauréat',
  searchHint: 'Nom, commune, territoire ou projet',
  filtersLabel: 'Filtrer les lauréats',
  statusFilter: 'Statut',
  regionFilter: 'Région',
  allRegions: 'Toutes les régions',
  departementFilter: 'Département',
  allDepartements: 'Tous les départements',
  reset: 'Réinitialiser les filtres',
  count: (shown, total) =>
    shown === total
      ? `${formatCount(total, 'fr')} ${pluralCategory(total, 'fr') === 'one' ? 'lauréat' : 'lauréats'}`
      : `${formatCount(shown, 'fr')} ${pluralCategory(shown, 'fr') === 'one' ? 'lauréat' : 'lauréats'} sur ${formatCount(total, 'fr')}`,
  counting: 'calcul en cours…',
  noMatch: 'Aucun lauréat ne correspond à ces critères.',
  tooDeep:
    'Le portail ne sert pas les lauréats au-delà du 10 000e. Affinez la recherche ou les filtres, ou téléchargez le fichier CSV de la sélection.',
  showProject: 'Voir le projet',
  showDetails: 'Détails',
  hideDetails: 'Masquer les détails',
  hideProject: 'Masquer le projet',
  projectOf: (name) => ` de ${name}`,
  noProject: 'Pas de description du projet.',
  projectMatches: 'correspond à la recherche',
  sortLabel: 'Trier par',
  unsorted: 'Ordre de la source',
  sortOption: (c, d, numeric) =>
    `${c} (${numeric ? (d === 'ascending' ? 'croissant' : 'décroissant') : d === 'ascending' ? 'A → Z' : 'Z → A'})`,
  sortedBy: (c, d, numeric) =>
    `triés par ${c.toLowerCase()}, ${numeric ? (d === 'ascending' ? 'ordre croissant' : 'ordre décroissant') : d === 'ascending' ? 'de A à Z' : 'de Z à A'}`,
  pagination: 'Pagination',
  firstPage: 'Première page',
  previousPage: 'Page précédente',
  nextPage: 'Page suivante',
  lastPage: 'Dernière page',
  page: 'Page',
  pageStatus: (p, n, from, to) =>
    `Page ${formatCount(p, 'fr')} sur ${formatCount(n, 'fr')}, lauréats ${formatCount(from, 'fr')} à ${formatCount(to, 'fr')}`,
  totalLabel: 'Total',
  exportCsv: 'Télécharger la sélection',
  exportDetail: (n) => `CSV – ${formatCount(n, 'fr')} ${pluralCategory(n, 'fr') === 'one' ? 'ligne' : 'lignes'}`,
  csvHeader: {
    nom: 'Nom',
    statut: 'Statut',
    region: 'Région',
    regionCode: 'Code région',
    departement: 'Département',
    departementCode: 'Code département',
    commune: 'Commune',
    territoire: 'Territoire d’industrie',
    projet: 'Projet',
    montant: 'Montant (€)',
    emplois: 'Emplois',
    siren: 'SIREN',
  },
  missing: 'non renseigné',
  fileBase: 'laureats-france-relance',
};

const en: ListMessages = {
  defaultCaption: 'Laureates of the Territoires d’industrie programme',
  column: {
    nom: 'Laureate',
    statut: 'Status',
    region: 'Region',
    lieu: 'Department and municipality',
    departement: 'Department',
    commune: 'Municipality',
    territoire: 'Industrial territory',
    montant: 'State support',
    emplois: 'Jobs',
    projet: 'Project',
    siren: 'SIREN',
  },
  searchLabel: 'Search laureates',
  searchHint: 'Name, municipality, territory or project',
  filtersLabel: 'Filter laureates',
  statusFilter: 'Status',
  regionFilter: 'Region',
  allRegions: 'All regions',
  departementFilter: 'Department',
  allDepartements: 'All departments',
  reset: 'Clear filters',
  count: (shown, total) =>
    shown === total
      ? `${formatCount(total, 'en')} ${pluralCategory(total, 'en') === 'one' ? 'laureate' : 'laureates'}`
      : `${formatCount(shown, 'en')} of ${formatCount(total, 'en')} ${pluralCategory(total, 'en') === 'one' ? 'laureate' : 'laureates'}`,
  counting: 'still counting…',
  noMatch: 'No laureate matches these criteria.',
  tooDeep:
    'The portal does not serve laureates past the 10,000th. Narrow the search or the filters, or download the CSV file of the selection.',
  showProject: 'Show project',
  showDetails: 'Details',
  hideDetails: 'Hide details',
  hideProject: 'Hide project',
  projectOf: (name) => ` of ${name}`,
  noProject: 'No project description.',
  projectMatches: 'matches the search',
  sortLabel: 'Sort by',
  unsorted: 'Source order',
  sortOption: (c, d, numeric) =>
    `${c} (${numeric ? (d === 'ascending' ? 'ascending' : 'descending') : d === 'ascending' ? 'A → Z' : 'Z → A'})`,
  sortedBy: (c, d, numeric) =>
    `sorted by ${c.toLowerCase()}, ${numeric ? (d === 'ascending' ? 'ascending' : 'descending') : d === 'ascending' ? 'A to Z' : 'Z to A'}`,
  pagination: 'Pagination',
  firstPage: 'First page',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  lastPage: 'Last page',
  page: 'Page',
  pageStatus: (p, n, from, to) =>
    `Page ${formatCount(p, 'en')} of ${formatCount(n, 'en')}, laureates ${formatCount(from, 'en')} to ${formatCount(to, 'en')}`,
  totalLabel: 'Total',
  exportCsv: 'Download the selection',
  exportDetail: (n) => `CSV – ${formatCount(n, 'en')} ${pluralCategory(n, 'en') === 'one' ? 'row' : 'rows'}`,
  csvHeader: {
    nom: 'Name',
    statut: 'Status',
    region: 'Region',
    regionCode: 'Region code',
    departement: 'Department',
    departementCode: 'Department code',
    commune: 'Municipality',
    territoire: 'Industrial territory',
    projet: 'Project',
    montant: 'Amount (€)',
    emplois: 'Jobs',
    siren: 'SIREN',
  },
  missing: 'not given',
  fileBase: 'laureates-france-relance',
};

const CATALOGUES: Record<Lang, ListMessages> = { fr, en };

/** The list's texts for a language. */
export function listMessages(lang: Lang): ListMessages {
  return CATALOGUES[lang];
}
