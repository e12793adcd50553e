/**
 * Texts of `<relance-territory-map>`, French (default) and English. Shared texts (metric names, units, data
 * notices, table toggle) come from `src/i18n/messages.ts`; territory names come from the data (INSEE names).
 */
import type { Lang } from '../../i18n/format.js';
import { formatCount, pluralCategory } from '../../i18n/format.js';
import type { Metric } from '../../model/types.js';
import type { MapLevel } from '../../layout/map-layout.js';
import type { ClassMethod } from '../../layout/map-scale.js';
import type { GeometryErrorCode } from './geometry.js';

export interface MapMessages {
  /** Column header and level name: « Région », « Département ». */
  level: Record<MapLevel, string>;
  /** « par région ». */
  byLevel: Record<MapLevel, string>;
  /** Title of the colour legend and of the table, e.g. « Soutien de l’État par région ». */
  title: (metric: Metric, level: MapLevel) => string;
  /** Title when the data only says where laureates are. */
  presenceTitle: (level: MapLevel) => string;
  /** Accessible name of the map. */
  mapName: (level: MapLevel) => string;
  /** Keyboard instructions (read after the map's name). */
  keyboardHint: string;
  noLaureate: string;
  present: string;
  unknownValue: string;
  /** Explains a presence map. */
  presenceNote: string;
  /** Class bounds. */
  below: (to: string) => string;
  atLeast: (from: string) => string;
  between: (from: string, to: string) => string;
  fromTo: (from: string, to: string) => string;
  /** How the classes are made, under the legend: « Classes par quantiles : … ». `step`: the width of equal classes. */
  method: (method: ClassMethod, level: MapLevel, step?: string) => string;
  /** « classe 2 sur 5 ». */
  classOf: (index: number, count: number) => string;
  classHeader: string;
  /** « 4 régions ». */
  territories: (n: number, level: MapLevel) => string;
  /** Title of the symbol legend: « Cercles : emplois ». */
  symbolsTitle: (metric: Metric) => string;
  /** Label of the Paris zoom inset. */
  parisInset: string;
  loadingGeometry: string;
  geometryError: (code: GeometryErrorCode, status?: number) => string;
  /** Says the table still works when the geometry failed. */
  tableStillThere: string;
  /** Attribution line of the default geometry. */
  attribution: string;
  /** The data gives no territory of this level. */
  noLevelData: (level: MapLevel) => string;
  /** « 2 lauréats sans département, non comptés sur la carte. » */
  missingLevel: (n: number, level: MapLevel) => string;
  /** « 2 lauréats sans montant, non comptés dans les valeurs. » */
  missingValue: (n: number, metric: Metric) => string;
  /** ` : ` in French, `: ` in English. */
  colon: string;
  /** Before the class in a territory's name: ` ; ` in French, `; ` in English. */
  semicolon: string;
  /** An amount in millions of euros, its number already written: « 0,4 M€ », « €0.4M ». */
  millions: (n: string) => string;
}

const METRIC_FR: Record<Metric, string> = { montant: 'Soutien de l’État', laureats: 'Lauréats', emplois: 'Emplois' };
const METRIC_EN: Record<Metric, string> = { montant: 'State support', laureats: 'Laureates', emplois: 'Jobs' };

const fr: MapMessages = {
  level: { region: 'Région', departement: 'Département' },
  byLevel: { region: 'par région', departement: 'par département' },
  title: (m, l) => `${METRIC_FR[m]} ${fr.byLevel[l]}`,
  presenceTitle: (l) => `Présence de lauréats ${fr.byLevel[l]}`,
  mapName: (l) => (l === 'region' ? 'Carte des régions' : 'Carte des départements'),
  keyboardHint: 'Flèches : territoire voisin ; Entrée : sélectionner ; Échap : effacer la sélection.',
  noLaureate: 'aucun lauréat',
  present: 'lauréats présents',
  unknownValue: 'valeur non renseignée',
  presenceNote: 'Les données indiquent où se trouvent des lauréats, sans chiffres par territoire.',
  below: (to) => `moins de ${to}`,
  atLeast: (from) => `${from} ou plus`,
  between: (from, to) => `de ${from} à moins de ${to}`,
  fromTo: (from, to) => `de ${from} à ${to}`,
  method: (method, level, step) =>
    method === 'quantile'
      ? `Classes par quantiles : à peu près autant de ${level === 'region' ? 'régions' : 'départements'} dans chaque classe, limites arrondies.`
      : method === 'equal'
        ? `Classes d’égale amplitude${step ? ` (${step})` : ''}.`
        : 'Classes selon des seuils fixés.',
  classOf: (i, n) => `classe ${i} sur ${n}`,
  classHeader: 'Classe',
  territories: (n, l) =>
    `${formatCount(n, 'fr')} ${l === 'region' ? (pluralCategory(n, 'fr') === 'one' ? 'région' : 'régions') : pluralCategory(n, 'fr') === 'one' ? 'département' : 'départements'}`,
  symbolsTitle: (m) => `Cercles : ${METRIC_FR[m].toLowerCase()}`,
  parisInset: 'Paris et petite couronne',
  loadingGeometry: 'Chargement du fond de carte…',
  geometryError: (code, status) => {
    switch (code) {
      case 'http':
        return `Le fond de carte n’a pas pu être chargé (erreur HTTP ${status ?? ''}).`.replace(' )', ')');
      case 'timeout':
        return 'Le chargement du fond de carte a pris trop de temps.';
      case 'network':
        return 'Le fond de carte n’a pas pu être chargé (réseau indisponible ou adresse refusée).';
      case 'content-type':
      case 'invalid-json':
        return 'Le fichier reçu pour le fond de carte n’est pas du JSON.';
      default:
        return 'Le fond de carte n’est pas un fichier TopoJSON utilisable pour ce niveau.';
    }
  },
  tableStillThere: 'Les données restent consultables dans le tableau ci-dessous.',
  attribution:
    'Contours : IGN – ADMIN EXPRESS COG (édition 2018), via gregoiredavid/france-geojson, simplifiés ; Licence Ouverte 2.0',
  noLevelData: (l) =>
    `Les données ne précisent pas ${l === 'region' ? 'la région' : 'le département'} des lauréats : la carte ne peut pas les placer.`,
  missingLevel: (n, l) =>
    `${formatCount(n, 'fr')} ${pluralCategory(n, 'fr') === 'one' ? 'lauréat' : 'lauréats'} sans ${l === 'region' ? 'région' : 'département'}, non ${pluralCategory(n, 'fr') === 'one' ? 'compté' : 'comptés'} sur la carte.`,
  missingValue: (n, m) =>
    `${formatCount(n, 'fr')} ${pluralCategory(n, 'fr') === 'one' ? 'lauréat' : 'lauréats'} sans ${m === 'montant' ? 'montant' : m === 'emplois' ? 'nombre d’emplois' : 'effectif'}, non ${pluralCategory(n, 'fr') === 'one' ? 'compté' : 'comptés'} dans les valeurs de la carte.`,
  colon: '\u00a0: ',
  semicolon: '\u00a0; ',
  millions: (n) => `${n}\u00a0M€`,
};

const en: MapMessages = {
  level: { region: 'Region', departement: 'Department' },
  byLevel: { region: 'by region', departement: 'by department' },
  title: (m, l) => `${METRIC_EN[m]} ${en.byLevel[l]}`,
  presenceTitle: (l) => `Presence of laureates ${en.byLevel[l]}`,
  mapName: (l) => (l === 'region' ? 'Map of the regions' : 'Map of the departments'),
  keyboardHint: 'Arrow keys: neighbouring territory; Enter: select; Escape: clear the selection.',
  noLaureate: 'no laureate',
  present: 'laureates present',
  unknownValue: 'value not given',
  presenceNote: 'The data says where laureates are, without figures per territory.',
  below: (to) => `under ${to}`,
  atLeast: (from) => `${from} or more`,
  between: (from, to) => `${from} to under ${to}`,
  fromTo: (from, to) => `${from} to ${to}`,
  method: (method, level, step) =>
    method === 'quantile'
      ? `Quantile classes: about as many ${level === 'region' ? 'regions' : 'departments'} in each class, rounded limits.`
      : method === 'equal'
        ? `Classes of equal width${step ? ` (${step})` : ''}.`
        : 'Classes from set thresholds.',
  classOf: (i, n) => `class ${i} of ${n}`,
  classHeader: 'Class',
  territories: (n, l) =>
    `${formatCount(n, 'en')} ${l === 'region' ? (pluralCategory(n, 'en') === 'one' ? 'region' : 'regions') : pluralCategory(n, 'en') === 'one' ? 'department' : 'departments'}`,
  symbolsTitle: (m) => `Circles: ${METRIC_EN[m].toLowerCase()}`,
  parisInset: 'Paris and inner suburbs',
  loadingGeometry: 'Loading the base map…',
  geometryError: (code, status) => {
    switch (code) {
      case 'http':
        return `The base map could not be loaded (HTTP error ${status ?? ''}).`.replace(' )', ')');
      case 'timeout':
        return 'Loading the base map took too long.';
      case 'network':
        return 'The base map could not be loaded (network unavailable or address refused).';
      case 'content-type':
      case 'invalid-json':
        return 'The file received for the base map is not JSON.';
      default:
        return 'The base map is not a TopoJSON file usable at this level.';
    }
  },
  tableStillThere: 'The data is still available in the table below.',
  attribution:
    'Boundaries: IGN – ADMIN EXPRESS COG (2018 edition), via gregoiredavid/france-geojson, simplified; Licence Ouverte / Open Licence 2.0',
  noLevelData: (l) =>
    `The data does not give the ${l === 'region' ? 'region' : 'department'} of the laureates: the map cannot place them.`,
  missingLevel: (n, l) =>
    `${formatCount(n, 'en')} ${pluralCategory(n, 'en') === 'one' ? 'laureate' : 'laureates'} without a ${l === 'region' ? 'region' : 'department'}, not counted on the map.`,
  missingValue: (n, m) =>
    `${formatCount(n, 'en')} ${pluralCategory(n, 'en') === 'one' ? 'laureate' : 'laureates'} without ${m === 'montant' ? 'an amount' : m === 'emplois' ? 'a number of jobs' : 'a count'}, not counted in the map's values.`,
  colon: ': ',
  semicolon: '; ',
  millions: (n) => `€${n}M`,
};

const CATALOGUES: Record<Lang, MapMessages> = { fr, en };

/** Texts of the map in a language. */
export function mapMessages(lang: Lang): MapMessages {
  return CATALOGUES[lang];
}
