/**
 * User-facing texts, French by default and English. Plural-aware messages are functions.
 * Every widget reads its texts from here so the two languages stay complete (typed).
 */
import type { DataError, DataIssue, Metric, Statut } from '../model/types.js';
import type { Lang } from './format.js';
import { formatCount, formatDate, plural, pluralCategory } from './format.js';

export interface Messages {
  statut: Record<Statut, { one: string; other: string }>;
  metric: Record<Metric, string>;
  /** Label under the total in the centre of the donut. */
  centre: Record<Metric, string>;
  /** Header of the share column. */
  shareOf: Record<Metric, string>;
  /** « du total » after a percentage. */
  ofTotal: string;
  statusHeader: string;
  byStatus: (metric: Metric) => string;
  /** Unit after a count: « 44 lauréats », « 521 emplois ». */
  unit: { laureats: (n: number) => string; emplois: (n: number) => string };
  field: Record<string, string>;
  loading: string;
  retry: string;
  empty: string;
  fictitious: string;
  fictitiousDetail: string;
  source: string;
  updated: (date: string) => string;
  showTable: string;
  hideTable: string;
  /** Under a data table that scrolls sideways. */
  tableScrollHint: string;
  dataError: (error: DataError) => string;
  ignoredRows: (n: number) => string;
  ignoredValues: (n: number) => string;
  /** Other remarks on the data (possible duplicates, repaired quoting, encoding…), nothing ignored. */
  remarks: (n: number) => string;
  issue: (issue: DataIssue) => string;
  moreIssues: (n: number) => string;
  total: string;
  share: string;
  /** Shown for a value that the data does not give. */
  unknown: string;
  noValueFor: (metric: string) => string;
  /** « Filtre : La Réunion · Associations » */
  filter: (labels: readonly string[]) => string;
  /** The group's filter (its dimensions in `labels`) cannot be applied to this widget's data. */
  filterNotApplied: (labels: readonly string[]) => string;
  clearFilter: string;
  /** ` : ` in French (no-break space), `: ` in English. */
  colon: string;
  /** « 3 lauréats sans montant, non comptés dans le graphique. » (laureates without a value for the chart's metric). */
  notCounted: (n: number, metric: 'montant' | 'emplois' | 'laureats') => string;
  /** A search among the filter's labels: « recherche « atelier » ». */
  searchLabel: (text: string) => string;
  /** What screen readers hear after a selection changed the group's filter. */
  filterAnnouncement: (labels: readonly string[]) => string;
  /** What screen readers hear after « Effacer le filtre ». */
  filterClearedAll: string;
  /** Title of a link that opens in a new window. */
  newWindow: (name: string) => string;
  /** The downloads menu of the charts: its button and its three items. */
  downloads: { menu: string; svg: string; png: string; csv: string; failed: string };
  /** What a citizen reads when the data could not be loaded (network, HTTP, time-out): it may come back. */
  unavailable: (kind: WidgetKind) => string;
  /** What a citizen reads when the data cannot be used (not JSON, no usable row…). */
  unreadable: (kind: WidgetKind) => string;
  /** What a citizen reads when rows or values were ignored. */
  incomplete: (kind: WidgetKind) => string;
  /** Title of the technical details, shown to webmasters only (`debug`, or a page served from localhost). */
  debugDetails: string;
}

/** What a widget shows, in the words of its notices. */
export type WidgetKind = 'chart' | 'map' | 'list' | 'figures';
const FR_KIND: Record<WidgetKind, string> = {
  chart: 'ce graphique',
  map: 'cette carte',
  list: 'cette liste',
  figures: 'ces chiffres',
};
const EN_KIND: Record<WidgetKind, string> = {
  chart: 'this chart',
  map: 'this map',
  list: 'this list',
  figures: 'these figures',
};

const fr: Messages = {
  statut: {
    association: { one: 'Association', other: 'Associations' },
    cooperative: { one: 'Coopérative', other: 'Coopératives' },
    fondation: { one: 'Fondation', other: 'Fondations' },
    mutuelle: { one: 'Mutuelle', other: 'Mutuelles' },
    entreprise: { one: 'Entreprise', other: 'Entreprises' },
    autre: { one: 'Autre statut', other: 'Autres statuts' },
  },
  metric: { montant: 'Soutien de l’État', laureats: 'Lauréats', emplois: 'Emplois' },
  centre: { montant: 'soutien de l’État', laureats: 'lauréats', emplois: 'emplois' },
  shareOf: { montant: 'Part du soutien', laureats: 'Part des lauréats', emplois: 'Part des emplois' },
  ofTotal: 'du total',
  statusHeader: 'Statut',
  byStatus: (m) =>
    ({
      montant: 'Soutien de l’État par statut juridique',
      laureats: 'Lauréats par statut juridique',
      emplois: 'Emplois par statut juridique',
    })[m],
  unit: {
    laureats: (n) => `${formatCount(n, 'fr')} ${pluralCategory(n, 'fr') === 'one' ? 'lauréat' : 'lauréats'}`,
    emplois: (n) => `${formatCount(n, 'fr')} ${pluralCategory(n, 'fr') === 'one' ? 'emploi' : 'emplois'}`,
  },
  field: {
    nom: 'nom',
    statut: 'statut',
    region: 'région',
    departement: 'département',
    commune: 'commune',
    territoire: 'territoire',
    projet: 'projet',
    montant: 'montant',
    emplois: 'emplois',
    siren: 'SIREN',
    laureats: 'nombre de lauréats',
  },
  loading: 'Chargement des données…',
  retry: 'Réessayer',
  empty: 'Aucune donnée à afficher.',
  fictitious: 'Données fictives de démonstration',
  fictitiousDetail:
    'Les noms et les montants de ces lauréats sont inventés ; seuls les totaux reproduisent les chiffres officiels.',
  source: 'Source\u00a0:',
  updated: (date) => `Mise à jour : ${formatDate(date, 'fr')}`,
  showTable: 'Afficher le tableau de données',
  hideTable: 'Masquer le tableau de données',
  tableScrollHint: 'Faites défiler le tableau vers la droite pour voir toutes les colonnes.',
  dataError: (e) => {
    switch (e.code) {
      case 'invalid-json':
        return 'Les données ne sont pas du JSON valide. Vérifiez les guillemets, les virgules et les crochets.';
      case 'invalid-csv':
        return 'Le fichier CSV est illisible : il faut une ligne d’en-tête et des colonnes séparées par « ; » ou « , ».';
      case 'no-valid-rows':
        return 'Aucune ligne utilisable : chaque lauréat doit avoir un nom.';
      case 'too-large':
        return 'Les données sont trop volumineuses pour être affichées.';
      case 'http':
        return `Le fichier de données n’a pas pu être chargé (erreur HTTP ${e.status ?? ''}).`.replace(' )', ')');
      case 'timeout':
        return 'Le chargement des données a pris trop de temps.';
      case 'network':
        return 'Le fichier de données n’a pas pu être chargé (réseau indisponible ou adresse refusée).';
      case 'content-type':
        return 'Le fichier reçu n’est ni du JSON ni du CSV.';
      default:
        return 'Les données ne sont pas dans un format reconnu (tableau de lauréats, totaux par statut, CSV ou export Opendatasoft).';
    }
  },
  ignoredRows: (n) =>
    `${formatCount(n, 'fr')} ${pluralCategory(n, 'fr') === 'one' ? 'ligne ignorée' : 'lignes ignorées'}`,
  ignoredValues: (n) =>
    `${formatCount(n, 'fr')} ${pluralCategory(n, 'fr') === 'one' ? 'valeur ignorée' : 'valeurs ignorées'}`,
  remarks: (n) => `${formatCount(n, 'fr')} ${pluralCategory(n, 'fr') === 'one' ? 'remarque' : 'remarques'}`,
  issue: (i) => {
    const where = i.row !== undefined ? `ligne ${formatCount(i.row, 'fr')}` : 'donnée';
    const field = i.field ? (fr.field[i.field] ?? i.field) : '';
    const value = i.value !== undefined && i.value !== '' ? ` « ${i.value} »` : '';
    switch (i.code) {
      case 'missing-nom':
        return `${where} : nom manquant, ligne ignorée`;
      case 'not-an-object':
        return `${where} : ce n’est pas un enregistrement${value}, ligne ignorée`;
      case 'missing-category':
        return `${where} : ni statut ni territoire, ligne ignorée`;
      case 'extra-columns':
        return `${where} : colonnes en trop${value}`;
      case 'region-mismatch':
        return `${where} : la région ne correspond pas au département${value} ; la région du département est retenue`;
      case 'text-truncated':
        return `${where} : ${field} trop long, tronqué`;
      case 'duplicate':
        if (i.level === 'error')
          return `${where} : doublon${i.ref !== undefined ? ` de la ligne ${formatCount(i.ref, 'fr')}` : value}, ligne ignorée`;
        return `${where} : même nom et même SIREN${value} que la ligne ${formatCount(i.ref ?? 0, 'fr')}, avec d’autres valeurs ; les deux lignes sont gardées`;
      case 'csv-quote':
        return `${where} : guillemet mal placé${value}, lu comme un caractère`;
      case 'truncated-row':
        return `${where} : dernière ligne incomplète (fichier tronqué ?)${value}, ligne ignorée`;
      case 'encoding':
        return i.value === 'windows-1252'
          ? 'fichier en Windows-1252 et non en UTF-8 : vérifiez les accents'
          : `${i.value ?? ''} lignes en Windows-1252 dans un fichier UTF-8 : vérifiez les accents`;
      default:
        return `${where} : ${field}${value} illisible, valeur ignorée`;
    }
  },
  moreIssues: (n) => `… et ${formatCount(n, 'fr')} autres`,
  total: 'Total',
  share: 'Part',
  unknown: 'non renseigné',
  noValueFor: (metric) => `Aucune valeur de « ${metric} » dans les données.`,
  filter: (labels) => `Filtre\u00a0: ${labels.join(' · ')}`,
  filterNotApplied: (labels) =>
    `Ce filtre ne s’applique pas à ces données\u00a0: ${labels.join(', ')}. Les chiffres affichés ne sont pas filtrés.`,
  clearFilter: 'Effacer le filtre',
  colon: '\u00a0: ',
  notCounted: (n, metric) =>
    `${formatCount(n, 'fr')} ${plural(n, 'fr', { one: 'lauréat', other: 'lauréats' })} ${metric === 'montant' ? 'sans montant' : 'sans nombre d’emplois'}, ${plural(n, 'fr', { one: 'non compté', other: 'non comptés' })} dans le graphique.`,
  searchLabel: (text) => `recherche « ${text} »`,
  filterAnnouncement: (labels) => (labels.length ? `Filtre\u00a0: ${labels.join(', ')}` : 'Filtre effacé.'),
  filterClearedAll: 'Filtre effacé\u00a0: toutes les données sont affichées.',
  newWindow: (name) => `${name} – nouvelle fenêtre`,
  downloads: {
    menu: 'Télécharger',
    svg: 'Image SVG',
    png: 'Image PNG',
    csv: 'Données CSV',
    failed: 'Le fichier n’a pas pu être préparé. Réessayez plus tard.',
  },
  unavailable: (k) => `Les données de ${FR_KIND[k]} sont momentanément indisponibles.`,
  unreadable: (k) => `Les données de ${FR_KIND[k]} ne peuvent pas être affichées.`,
  incomplete: (k) =>
    `Une partie des données de ${FR_KIND[k]} n’a pas pu être lue\u00a0: les chiffres affichés peuvent être incomplets.`,
  debugDetails: 'Détails techniques (pour le webmestre)',
};

const en: Messages = {
  statut: {
    association: { one: 'Association', other: 'Associations' },
    cooperative: { one: 'Cooperative', other: 'Cooperatives' },
    fondation: { one: 'Foundation', other: 'Foundations' },
    mutuelle: { one: 'Mutual society', other: 'Mutual societies' },
    entreprise: { one: 'Company', other: 'Companies' },
    autre: { one: 'Other status', other: 'Other statuses' },
  },
  metric: { montant: 'State support', laureats: 'Laureates', emplois: 'Jobs' },
  centre: { montant: 'state support', laureats: 'laureates', emplois: 'jobs' },
  shareOf: { montant: 'Share of support', laureats: 'Share of laureates', emplois: 'Share of jobs' },
  ofTotal: 'of the total',
  statusHeader: 'Status',
  byStatus: (m) =>
    ({
      montant: 'State support by legal status',
      laureats: 'Laureates by legal status',
      emplois: 'Jobs by legal status',
    })[m],
  unit: {
    laureats: (n) => `${formatCount(n, 'en')} ${pluralCategory(n, 'en') === 'one' ? 'laureate' : 'laureates'}`,
    emplois: (n) => `${formatCount(n, 'en')} ${pluralCategory(n, 'en') === 'one' ? 'job' : 'jobs'}`,
  },
  field: {
    nom: 'name',
    statut: 'status',
    region: 'region',
    departement: 'department',
    commune: 'municipality',
    territoire: 'territory',
    projet: 'project',
    montant: 'amount',
    emplois: 'jobs',
    siren: 'SIREN',
    laureats: 'number of laureates',
  },
  loading: 'Loading data…',
  retry: 'Retry',
  empty: 'No data to show.',
  fictitious: 'Fictitious demonstration data',
  fictitiousDetail: 'The names and amounts of these laureates are made up; only the totals match the official figures.',
  source: 'Source:',
  updated: (date) => `Updated: ${formatDate(date, 'en')}`,
  showTable: 'Show data table',
  hideTable: 'Hide data table',
  tableScrollHint: 'Scroll the table to the right to see every column.',
  dataError: (e) => {
    switch (e.code) {
      case 'invalid-json':
        return 'The data is not valid JSON. Check quotes, commas and brackets.';
      case 'invalid-csv':
        return 'The CSV file cannot be read: it needs a header line and columns separated by ";" or ",".';
      case 'no-valid-rows':
        return 'No usable row: every laureate needs a name.';
      case 'too-large':
        return 'The data is too large to be shown.';
      case 'http':
        return `The data file could not be loaded (HTTP error ${e.status ?? ''}).`.replace(' )', ')');
      case 'timeout':
        return 'Loading the data took too long.';
      case 'network':
        return 'The data file could not be loaded (network unavailable or address refused).';
      case 'content-type':
        return 'The file received is neither JSON nor CSV.';
      default:
        return 'The data is not in a recognised format (laureate rows, totals by status, CSV or Opendatasoft export).';
    }
  },
  ignoredRows: (n) => `${formatCount(n, 'en')} ${pluralCategory(n, 'en') === 'one' ? 'row ignored' : 'rows ignored'}`,
  ignoredValues: (n) =>
    `${formatCount(n, 'en')} ${pluralCategory(n, 'en') === 'one' ? 'value ignored' : 'values ignored'}`,
  remarks: (n) => `${formatCount(n, 'en')} ${pluralCategory(n, 'en') === 'one' ? 'remark' : 'remarks'}`,
  issue: (i) => {
    const where = i.row !== undefined ? `row ${formatCount(i.row, 'en')}` : 'data';
    const field = i.field ? (en.field[i.field] ?? i.field) : '';
    const value = i.value !== undefined && i.value !== '' ? ` "${i.value}"` : '';
    switch (i.code) {
      case 'missing-nom':
        return `${where}: missing name, row ignored`;
      case 'not-an-object':
        return `${where}: not a record${value}, row ignored`;
      case 'missing-category':
        return `${where}: neither status nor territory, row ignored`;
      case 'extra-columns':
        return `${where}: extra columns${value}`;
      case 'region-mismatch':
        return `${where}: region does not match the department${value}; the department's region is used`;
      case 'text-truncated':
        return `${where}: ${field} too long, truncated`;
      case 'duplicate':
        if (i.level === 'error')
          return `${where}: duplicate${i.ref !== undefined ? ` of row ${formatCount(i.ref, 'en')}` : value}, row ignored`;
        return `${where}: same name and SIREN${value} as row ${formatCount(i.ref ?? 0, 'en')}, with other values; both rows are kept`;
      case 'csv-quote':
        return `${where}: misplaced quote${value}, read as a character`;
      case 'truncated-row':
        return `${where}: incomplete last row (truncated file?)${value}, row ignored`;
      case 'encoding':
        return i.value === 'windows-1252'
          ? 'file in Windows-1252, not UTF-8: check the accents'
          : `${i.value ?? ''} lines in Windows-1252 in a UTF-8 file: check the accents`;
      default:
        return `${where}: unreadable ${field}${value}, value ignored`;
    }
  },
  moreIssues: (n) => `… and ${formatCount(n, 'en')} more`,
  total: 'Total',
  share: 'Share',
  unknown: 'not given',
  noValueFor: (metric) => `No "${metric}" values in the data.`,
  filter: (labels) => `Filter: ${labels.join(' · ')}`,
  filterNotApplied: (labels) =>
    `This filter does not apply to this data: ${labels.join(', ')}. The figures shown are not filtered.`,
  clearFilter: 'Clear filter',
  colon: ': ',
  notCounted: (n, metric) =>
    `${formatCount(n, 'en')} ${plural(n, 'en', { one: 'laureate', other: 'laureates' })} ${metric === 'montant' ? 'without an amount' : 'without a number of jobs'}, not counted in the chart.`,
  searchLabel: (text) => `search "${text}"`,
  filterAnnouncement: (labels) => (labels.length ? `Filter: ${labels.join(', ')}` : 'Filter cleared.'),
  filterClearedAll: 'Filter cleared: all data is shown.',
  newWindow: (name) => `${name} – new window`,
  downloads: {
    menu: 'Download',
    svg: 'SVG image',
    png: 'PNG image',
    csv: 'CSV data',
    failed: 'The file could not be prepared. Please try again later.',
  },
  unavailable: (k) => `The data for ${EN_KIND[k]} is temporarily unavailable.`,
  unreadable: (k) => `The data for ${EN_KIND[k]} cannot be shown.`,
  incomplete: (k) => `Part of the data for ${EN_KIND[k]} could not be read: the figures shown may be incomplete.`,
  debugDetails: 'Technical details (for the webmaster)',
};

const CATALOGUES: Record<Lang, Messages> = { fr, en };

/** The messages for a language. */
export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}

/** Status label, singular or plural. */
export function statutLabel(statut: Statut, lang: Lang, count = 2): string {
  const forms = CATALOGUES[lang].statut[statut];
  return pluralCategory(count, lang) === 'one' ? forms.one : forms.other;
}
