/**
 * Which source column feeds which field: the names people give their columns (French and English, the Opendatasoft
 * `plan-de-relance` export), folded, by priority.
 */
import { foldKey } from '../territory.js';

/** Canonical fields a source column can map to. */
export type Field =
  | 'nom'
  | 'statut'
  | 'region'
  | 'departement'
  | 'commune'
  | 'territoire'
  | 'projet'
  | 'montant'
  | 'emplois'
  | 'siren'
  | 'laureats';

/**
 * Column names people use, folded with `foldKey`, for each canonical field, by priority
 * (a code column wins over a name column). Includes the Opendatasoft `plan-de-relance` fields.
 */
const FIELD_ALIASES: Record<Field, readonly string[]> = {
  nom: [
    'nom',
    'name',
    'laureat',
    'nom du laureat',
    'structure',
    'nom de la structure',
    'organisme',
    'raison sociale',
    'denomination',
    'beneficiaire',
    'porteur',
    'porteur de projet',
    'entreprise',
  ],
  statut: [
    'statut',
    'statut juridique',
    'forme juridique',
    'type entreprise',
    'type de structure',
    'type',
    'categorie juridique',
    'status',
    'legal status',
  ],
  region: ['region', 'code region', 'region code', 'nom region', 'code insee region', 'reg'],
  departement: [
    'departement',
    'code departement',
    'departement code',
    'code insee departement',
    'dep',
    'nom departement',
    'department',
    'department code',
  ],
  commune: ['commune', 'nom commune', 'ville', 'localite', 'city', 'municipality'],
  territoire: ['territoire', 'territoire d industrie', 'territoires d industrie', 'territory', 'industrial territory'],
  projet: [
    'projet',
    'description projet',
    'description',
    'description du projet',
    'intitule du projet',
    'project',
    'objet',
  ],
  montant: [
    'montant',
    'montant participation etat',
    'participation etat',
    'soutien',
    'soutien de l etat',
    'montant de l aide',
    'aide',
    'aide de l etat',
    'subvention',
    'montant eur',
    'montant euros',
    'amount',
    'funding',
  ],
  emplois: ['emplois', 'emplois crees', 'nombre d emplois', 'emplois prevus', 'jobs'],
  siren: ['siren', 'numero siren', 'n siren'],
  laureats: ['laureats', 'nombre de laureats', 'nb laureats', 'nombre laureats', 'count', 'laureates'],
};

export const ALIAS_TO_FIELD = new Map<string, { field: Field; priority: number }>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES) as [Field, readonly string[]][]) {
  aliases.forEach((alias, priority) => ALIAS_TO_FIELD.set(alias, { field, priority }));
}

/** Opendatasoft `plan-de-relance` fields that identify the export. */
const ODS_MARKERS = ['entreprise', 'type entreprise', 'nom region', 'code departement', 'description projet', 'mesure'];

/** Longest column name that can name a field. */
export const MAX_KEY_LENGTH = 200;

/** Column index plan: for each field, the source keys that feed it, best first. */
export type ColumnPlan = Map<Field, string[]>;

export function planColumns(keys: Iterable<string>): ColumnPlan {
  const found = new Map<Field, { key: string; priority: number }[]>();
  for (const key of keys) {
    // Column names are short: a long key is data (folding it would be slow), never a known column.
    const hit = key.length <= MAX_KEY_LENGTH ? ALIAS_TO_FIELD.get(foldKey(key)) : undefined;
    if (!hit) continue;
    const list = found.get(hit.field) ?? [];
    list.push({ key, priority: hit.priority });
    found.set(hit.field, list);
  }
  const plan: ColumnPlan = new Map();
  for (const [field, list] of found) {
    plan.set(
      field,
      list.sort((a, b) => a.priority - b.priority).map((c) => c.key),
    );
  }
  return plan;
}

export function isOds(keys: Iterable<string>): boolean {
  const folded = new Set([...keys].filter((k) => k.length <= MAX_KEY_LENGTH).map(foldKey));
  return ODS_MARKERS.filter((m) => folded.has(m)).length >= 3;
}

export function firstValue(row: Record<string, unknown>, keys: readonly string[] | undefined): unknown {
  if (!keys) return undefined;
  for (const key of keys) {
    const v = row[key];
    if (v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')) return v;
  }
  return undefined;
}
