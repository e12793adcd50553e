/**
 * Régions and départements (INSEE COG codes), and the normalisation of what people write
 * (« AUVERGNE-RHÔNE-ALPES », « auvergne rhone alpes », « FR-ARA », « 1 », « 2a », « Rhône »).
 * Territories are always keyed by level and code together: "01" is both Ain and Guadeloupe.
 */
import { DEPARTEMENT_LIST, REGION_LIST } from './territories.data.js';

export type TerritoryLevel = 'region' | 'departement';

export interface Region {
  code: string;
  nom: string;
  /** True for the five overseas régions (DROM). */
  outreMer: boolean;
}

export interface Departement {
  code: string;
  nom: string;
  region: string;
}

const DROM_REGIONS = new Set(['01', '02', '03', '04', '06']);

/** The 18 régions, by code. */
export const REGIONS: ReadonlyMap<string, Region> = new Map(
  REGION_LIST.map(([code, nom]) => [code, { code, nom, outreMer: DROM_REGIONS.has(code) }]),
);

/** The 101 départements, by code. */
export const DEPARTEMENTS: ReadonlyMap<string, Departement> = new Map(
  DEPARTEMENT_LIST.map(([code, nom, region]) => [code, { code, nom, region }]),
);

/**
 * Folds text for matching: lower case, no diacritics, ligatures expanded, every run of
 * characters that are not letters or digits becomes one space, trimmed.
 */
export function foldKey(text: string): string {
  return repairMojibake(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Windows-1252 characters of the bytes 0x80–0x9F (the others are Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** A UTF-8 lead byte followed by a continuation byte, both read as Windows-1252 (« Ã© », « Ã‰ », « â€™ »). */
const MOJIBAKE =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/;

/**
 * Undoes the commonest encoding accident, UTF-8 read as Windows-1252 (« RÃ©gion » → « Région »), so that column,
 * région, département and status names written that way are still recognised. Text that is not entirely such
 * mojibake is returned unchanged.
 */
export function repairMojibake(text: string): string {
  if (text.length > 1000 || !MOJIBAKE.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const high = c > 0xff || (c >= 0x80 && c <= 0x9f) ? CP1252_HIGH.indexOf(text[i]!) : -1;
    if (high >= 0) bytes[i] = 0x80 + high;
    else if (c <= 0xff) bytes[i] = c;
    else return text;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return text;
  }
}

/** ISO 3166-2 codes of the régions (as used by some tools, e.g. « FR-ARA », « ARA »). */
const REGION_ISO: Record<string, string> = {
  ara: '84',
  bfc: '27',
  bre: '53',
  cvl: '24',
  ges: '44',
  hdf: '32',
  idf: '11',
  nor: '28',
  naq: '75',
  occ: '76',
  pdl: '52',
  pac: '93',
  cor: '94',
  '20r': '94',
  gp: '01',
  gua: '01',
  mq: '02',
  mtq: '02',
  gf: '03',
  guf: '03',
  re: '04',
  reu: '04',
  lre: '04',
  yt: '06',
  myt: '06',
};

/** Other names people use for régions. */
const REGION_ALIASES: Record<string, string> = {
  reunion: '04',
  'ile de la reunion': '04',
  paca: '93',
  'provence alpes cote d azur': '93',
  'region sud': '93',
  sud: '93',
  centre: '24',
  'centre val de loire': '24',
  corse: '94',
  'collectivite de corse': '94',
  'ile de france': '11',
  'grand est': '44',
  'hauts de france': '32',
  'auvergne rhone alpes': '84',
  'bourgogne franche comte': '27',
  'nouvelle aquitaine': '75',
  'pays de la loire': '52',
  'guyane francaise': '03',
};

const regionByKey = new Map<string, string>();
for (const r of REGIONS.values()) regionByKey.set(foldKey(r.nom), r.code);
for (const [k, v] of Object.entries(REGION_ALIASES)) regionByKey.set(k, v);
for (const [k, v] of Object.entries(REGION_ISO)) {
  regionByKey.set(k, v);
  regionByKey.set(`fr ${k}`, v);
}

const departementByKey = new Map<string, string>();
for (const d of DEPARTEMENTS.values()) departementByKey.set(foldKey(d.nom), d.code);

/**
 * Returns the INSEE région code for a code or a name written in any case, with or without
 * accents, hyphens or a « Région » prefix; `undefined` when it is not a région.
 */
export function normalizeRegion(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) {
    const code = String(value).padStart(2, '0');
    return REGIONS.has(code) ? code : undefined;
  }
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const raw = value.trim();
  if (raw === '') return undefined;
  if (/^\d{1,2}$/.test(raw)) {
    const code = raw.padStart(2, '0');
    return REGIONS.has(code) ? code : undefined;
  }
  let key = foldKey(raw);
  const direct = regionByKey.get(key);
  if (direct) return direct;
  key = key.replace(/^(region|collectivite territoriale de|collectivite de)\s+/, '');
  return regionByKey.get(key);
}

/**
 * Returns the INSEE département code for a code (« 1 », « 01 », « 2a », « 974 ») or a name
 * (« Rhône », « cotes d'armor »); `undefined` when it is not a département.
 */
export function normalizeDepartement(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) {
    const code = String(value).padStart(2, '0');
    return DEPARTEMENTS.has(code) ? code : undefined;
  }
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const raw = value.trim();
  if (raw === '') return undefined;
  if (/^\d{1,3}$/.test(raw) || /^2[ab]$/i.test(raw)) {
    const code = raw.toUpperCase().padStart(2, '0');
    return DEPARTEMENTS.has(code) ? code : undefined;
  }
  return departementByKey.get(foldKey(raw).replace(/^departement (de la |de l |du |des |de |d )?/, ''));
}

/** Name of a territory, or the code itself when unknown. */
export function territoryName(level: TerritoryLevel, code: string): string {
  return (level === 'region' ? REGIONS.get(code)?.nom : DEPARTEMENTS.get(code)?.nom) ?? code;
}

const placeText = new Map<string, string>();

/**
 * Names of a row's région and département, for search (rows only hold their codes):
 * « Auvergne-Rhône-Alpes Rhône ». Cached per pair.
 */
export function placeSearchText(region: string | undefined, departement: string | undefined): string | undefined {
  if (!region && !departement) return undefined;
  const key = `${region ?? ''}|${departement ?? ''}`;
  let text = placeText.get(key);
  if (text === undefined) {
    text = [region ? REGIONS.get(region)?.nom : undefined, departement ? DEPARTEMENTS.get(departement)?.nom : undefined]
      .filter(Boolean)
      .join(' ');
    placeText.set(key, text);
  }
  return text;
}
