/**
 * What both portal adapters share: the field mapping, the codes of raw values (the parser's own normalisers: a
 * portal's « TPE / PME » is the status `entreprise`, « AUVERGNE-RHÔNE-ALPES » the région 84), records to laureates
 * (the parser's own row reader), totals from aggregate rows, and the abstract source that answers the three questions
 * of {@link QuerySource} from two primitives each adapter implements: a page of records, and totals grouped by a field.
 */
import type { GroupKey, Totals } from '../../model/aggregate.js';
import { emptyTotals, keyTotalsOfLaureates } from '../../model/aggregate.js';
import type { ColumnPlan } from '../../model/parse/columns.js';
import { IssueLog } from '../../model/parse/issues.js';
import { toLaureate } from '../../model/parse/rows.js';
import { DEPARTEMENTS, normalizeDepartement, normalizeRegion } from '../../model/territory.js';
import type { Laureate } from '../../model/types.js';
import { normalizeStatut } from '../../model/values.js';
import type { ListSort } from '../columns.js';
import type {
  Answer,
  KeyTotals,
  PageQuery,
  QueryFilter,
  QueryOptions,
  QuerySource,
  RowPage,
  TotalsBy,
} from '../source.js';
import { answer } from '../source.js';
import { PortalError } from './errors.js';
import type { PortalField, PortalFieldMap } from './load.js';
import { PORTAL_FIELDS } from './load.js';
import { isFieldName } from './odsql.js';

/** The mapping in force: every canonical field to its dataset field, or undefined. */
export type Fields = Readonly<Record<PortalField, string | undefined>>;

/**
 * Field names of the Opendatasoft dataset `plan-de-relance` (data.economie.gouv.fr) and of its copy on data.gouv.fr:
 * the columns the parser recognises in its export. It has no jobs field and no territoire d'industrie field.
 */
export const PLAN_DE_RELANCE_FIELDS: Fields = {
  nom: 'entreprise',
  statut: 'type_entreprise',
  region: 'nom_region',
  departement: 'code_departement',
  commune: 'nom_commune',
  territoire: undefined,
  projet: 'description_projet',
  montant: 'montant_participation_etat',
  emplois: undefined,
  siren: 'siren',
};

/** The defaults with the overrides; throws a {@link PortalError} `invalid-field` for a name that is not a field name. */
export function resolveFields(overrides: PortalFieldMap = {}, defaults: Fields = PLAN_DE_RELANCE_FIELDS): Fields {
  const out = { ...defaults } as Record<PortalField, string | undefined>;
  for (const f of PORTAL_FIELDS) {
    if (!(f in overrides)) continue;
    const v = overrides[f];
    if (v === null || v === undefined || v === '') out[f] = undefined;
    else if (!isFieldName(v)) {
      throw new PortalError(
        'invalid-field',
        `L'attribut field-${f} ne nomme pas un champ : « ${String(v).slice(0, 80)} » (lettres, chiffres et _ seulement).`,
        { field: String(v).slice(0, 80), mappedFrom: f },
      );
    } else out[f] = v;
  }
  if (!out.nom)
    throw new PortalError('invalid-field', 'Le champ du nom (field-nom) est obligatoire.', { mappedFrom: 'nom' });
  return out;
}

/** The canonical field a dataset field is mapped from (`montant` for `montant_participation_etat`). */
export function mappedFrom(fields: Fields, name: string): PortalField | undefined {
  return PORTAL_FIELDS.find((f) => fields[f] === name);
}

/** The French sentence for a field the dataset does not have. */
export function unknownFieldError(fields: Fields, name: string, status: number, details: string): PortalError {
  const from = mappedFrom(fields, name);
  const hint = from
    ? ` Indiquez le bon nom avec l'attribut field-${from}="…" (ou field-${from}="" s'il n'y en a pas).`
    : '';
  return new PortalError('unknown-field', `Le jeu de données n'a pas de champ « ${name} ».${hint}`, {
    status,
    field: name,
    ...(from ? { mappedFrom: from } : {}),
    details: details.slice(0, 500),
  });
}

/** One grouping dimension: the dataset field it is read from and the code of each raw value. */
export interface Dimension {
  field: string;
  code(raw: unknown): string | undefined;
}

const statutCode = (raw: unknown): string => normalizeStatut(raw) ?? 'autre';
const regionOfDepartement = (raw: unknown): string | undefined => {
  const dep = normalizeDepartement(raw);
  return dep ? DEPARTEMENTS.get(dep)?.region : undefined;
};

/**
 * The field and codes of a grouping: statuses (an empty or unknown one is `autre`, as the parser reads it), régions
 * (from the région field, or from the département field when there is none), départements. `undefined` when the
 * dataset has no such field.
 */
export function dimension(fields: Fields, by: GroupKey): Dimension | undefined {
  if (by === 'statut') return fields.statut ? { field: fields.statut, code: statutCode } : undefined;
  if (by === 'region') {
    if (fields.region) return { field: fields.region, code: normalizeRegion };
    return fields.departement ? { field: fields.departement, code: regionOfDepartement } : undefined;
  }
  return fields.departement ? { field: fields.departement, code: normalizeDepartement } : undefined;
}

/** The filter dimension of a grouping. */
export const FILTER_OF: Record<GroupKey, 'statuts' | 'regions' | 'departements'> = {
  statut: 'statuts',
  region: 'regions',
  departement: 'departements',
};

/** One group of an aggregate answer: the raw value of the field (`null`: empty) and its totals. */
export interface RawGroup {
  raw: string | number | null;
  totals: Totals;
}

/** The raw values (and whether the empty one) whose code is one of `codes`. */
export function rawValuesOf(
  dim: Dimension,
  vocabulary: readonly RawGroup[],
  codes: readonly string[],
): { values: (string | number)[]; empty: boolean } {
  const wanted = new Set(codes);
  const values: (string | number)[] = [];
  let empty = false;
  for (const g of vocabulary) {
    const code = g.raw === null ? dim.code(undefined) : dim.code(g.raw);
    if (code === undefined || !wanted.has(code)) continue;
    if (g.raw === null || (typeof g.raw === 'string' && g.raw.trim() === '')) empty = true;
    if (g.raw !== null) values.push(g.raw);
  }
  return { values, empty };
}

/** The totals of one aggregate row (`laureats`, `montant`, `montant_n`, `emplois`, `emplois_n`, any of them absent). */
export function totalsOfRow(row: Record<string, unknown>, fields: Fields): Totals {
  const t = emptyTotals();
  const num = (v: unknown): number =>
    typeof v === 'number' && Number.isFinite(v)
      ? v
      : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
        ? Number(v)
        : 0;
  t.laureats = num(row['laureats']);
  t.montant = fields.montant ? num(row['montant']) : 0;
  t.emplois = fields.emplois ? num(row['emplois']) : 0;
  t.missing.montant = fields.montant ? t.laureats - num(row['montant_n']) : t.laureats;
  t.missing.emplois = fields.emplois ? t.laureats - num(row['emplois_n']) : t.laureats;
  return t;
}

function addTotals(into: Totals, t: Totals): void {
  into.laureats += t.laureats;
  into.montant += t.montant;
  into.emplois += t.emplois;
  for (const m of ['laureats', 'montant', 'emplois'] as const) into.missing[m] += t.missing[m];
}

/** Totals by code from raw groups (several raw values can share a code), and the rows without a code. */
export function totalsByCode(dim: Dimension, groups: readonly RawGroup[]): TotalsBy {
  const out = new Map<string, Totals>();
  let missing = 0;
  for (const g of groups) {
    const code = g.raw === null ? dim.code(undefined) : dim.code(g.raw);
    if (code === undefined) {
      missing += g.totals.laureats;
      continue;
    }
    let t = out.get(code);
    if (!t) out.set(code, (t = emptyTotals()));
    addTotals(t, g.totals);
  }
  return { groups: out, missing };
}

/** The parser's column plan for a mapping (one dataset field per canonical field). */
export function planOf(fields: Fields): ColumnPlan {
  const plan: ColumnPlan = new Map();
  for (const f of PORTAL_FIELDS) {
    const name = fields[f];
    if (name) plan.set(f, [name]);
  }
  return plan;
}

/** A 31-bit id of a record's content (FNV-1a): the same record has the same id whatever the filter, sort or page. */
export function contentId(record: Record<string, unknown>): number {
  const text = JSON.stringify(record);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 1;
}

/** A record read as the parser reads a row of the export (a record without a name keeps an empty one). */
export function laureateOf(record: Record<string, unknown>, plan: ColumnPlan, log: IssueLog): Laureate {
  return toLaureate(record, plan, 0, log) ?? toLaureate({ ...record, [plan.get('nom')![0]!]: '—' }, plan, 0, log)!;
}

/** Rows of a page, the total and the filter's totals: what {@link PortalSource} needs from an adapter. */
export interface RecordsPage {
  records: Record<string, unknown>[];
  /** Ids of the records (the tabular API's `__id`), or undefined (then {@link contentId}). */
  ids?: number[];
  total: number;
}

/** A filter translated for an adapter, or `nothing` when no row can match (a status absent from the data). */
export type Translated<W> = { nothing: true } | { nothing: false; where: W };

/**
 * The three questions of {@link QuerySource}, answered from an adapter's primitives: records (a page, filtered and
 * sorted) and totals (grouped by a field or not, filtered). Every answer is final and comes later (a promise); a filter
 * on a dimension first learns the raw values of that dimension (its totals without filter, kept like every answer).
 */
export abstract class PortalSource<W> implements QuerySource {
  readonly kind = 'laureates' as const;
  readonly searchReady = true;
  readonly preparing = false;
  readonly fields: Fields;
  protected readonly plan: ColumnPlan;

  constructor(fields: Fields) {
    this.fields = fields;
    this.plan = planOf(fields);
  }

  /** Translates a filter (raw values already known for its dimensions). */
  protected abstract where(filter: QueryFilter, vocab: Partial<Record<GroupKey, readonly RawGroup[]>>): Translated<W>;
  /** Totals of the rows that pass `where`, grouped by a dataset field (every group), or not grouped (one group, raw `null`). */
  protected abstract groups(field: string | undefined, where: W, signal?: AbortSignal): Promise<RawGroup[]>;
  /** A page of records. */
  protected abstract records(
    where: W,
    sort: ListSort | undefined,
    offset: number,
    limit: number,
    signal?: AbortSignal,
  ): Promise<RecordsPage>;

  prepare(): boolean {
    return false;
  }

  subscribe(): () => void {
    // A portal's data do not change during the page's life (answers are kept): nothing to notify.
    return () => undefined;
  }

  /** The raw values of a dimension (its totals without filter). */
  private vocabulary(by: GroupKey, signal?: AbortSignal): Promise<readonly RawGroup[]> {
    const dim = dimension(this.fields, by);
    if (!dim) return Promise.resolve([]);
    const all = this.where({}, {});
    return this.groups(dim.field, (all as { where: W }).where, signal);
  }

  /** The filter translated, after learning the raw values of its dimensions. */
  protected async translate(filter: QueryFilter, signal?: AbortSignal): Promise<Translated<W>> {
    const vocab: Partial<Record<GroupKey, readonly RawGroup[]>> = {};
    const needed = (['statut', 'region', 'departement'] as const).filter(
      (by) => (filter[FILTER_OF[by]]?.length ?? 0) > 0,
    );
    await Promise.all(
      needed.map(async (by) => {
        vocab[by] = await this.vocabulary(by, signal);
      }),
    );
    return this.where(filter, vocab);
  }

  async page(query: PageQuery, options: QueryOptions = {}): Promise<Answer<RowPage>> {
    const { signal } = options;
    const offset = Math.max(0, Math.floor(query.offset ?? 0));
    const limit = query.limit === undefined ? this.pageMax : Math.max(0, Math.floor(query.limit));
    const tr = await this.translate(query.filter, signal);
    if (tr.nothing) return answer({ rows: [], ids: [], total: 0, totals: emptyTotals() });
    const [totals, page] = await Promise.all([
      this.groups(undefined, tr.where, signal).then((g) => g[0]?.totals ?? emptyTotals()),
      limit === 0 ? undefined : this.records(tr.where, query.sort, offset, limit, signal),
    ]);
    if (!page) return answer({ rows: [], ids: [], total: totals.laureats, totals });
    const log = new IssueLog();
    const rows = page.records.map((r) => laureateOf(r, this.plan, log));
    const ids = page.ids ?? page.records.map(contentId);
    return answer({ rows, ids, total: page.total, totals });
  }

  /** Rows of a page when `limit` is not given. */
  protected abstract readonly pageMax: number;

  async totalsBy(by: GroupKey, filter: QueryFilter, options: QueryOptions = {}): Promise<Answer<TotalsBy>> {
    const { signal } = options;
    const dim = dimension(this.fields, by);
    const tr = await this.translate(filter, signal);
    if (tr.nothing) return answer({ groups: new Map(), missing: 0 });
    if (!dim) {
      // No such field: every row is without a code (statuses: every row is `autre`, as the parser reads it).
      const total = (await this.groups(undefined, tr.where, signal))[0]?.totals ?? emptyTotals();
      if (by === 'statut')
        return answer({ groups: total.laureats ? new Map([['autre', total]]) : new Map(), missing: 0 });
      return answer({ groups: new Map(), missing: total.laureats });
    }
    return answer(totalsByCode(dim, await this.groups(dim.field, tr.where, signal)));
  }

  async keyFigures(filter: QueryFilter, options: QueryOptions = {}): Promise<Answer<KeyTotals>> {
    const { signal } = options;
    const tr = await this.translate(filter, signal);
    if (tr.nothing) return answer(keyTotalsOfLaureates(emptyTotals(), []));
    const [total, byRegion] = await Promise.all([
      this.groups(undefined, tr.where, signal).then((g) => g[0]?.totals ?? emptyTotals()),
      // Where the portal does not group (the tabular API without aggregation), the régions reached are unknown.
      this.totalsBy('region', filter, { ...(signal ? { signal } : {}) }).catch((e: unknown) => {
        if (e instanceof PortalError && e.code === 'aggregation-unavailable')
          return answer<TotalsBy>({ groups: new Map(), missing: 0 });
        throw e;
      }),
    ]);
    const regions = [...byRegion.value.groups].filter(([, t]) => t.laureats > 0).map(([code]) => code);
    return answer(keyTotalsOfLaureates(total, regions));
  }
}
