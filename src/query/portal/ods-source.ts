/**
 * The query source of an Opendatasoft dataset through the Explore API v2.1 (data.economie.gouv.fr and most
 * ministries' portals): the list's pages are `records` requests (`select`, `where`, `order_by`, `limit`, `offset`,
 * the count from `total_count`); totals and key figures are aggregate requests (`count(*)`, `sum(…)`, `group_by`),
 * never rows. Loaded on demand (./load.ts).
 *
 * The portal serves at most 100 records a request and no record beyond the 10 000th of a query (`offset + limit`):
 * a larger page is asked in several requests, a deeper one is refused (`too-deep`).
 */
import type { GroupKey } from '../../model/aggregate.js';
import type { ListSort } from '../columns.js';
import type { QueryFilter } from '../source.js';
import type { Fields, RawGroup, RecordsPage, Translated } from './common.js';
import {
  FILTER_OF,
  PortalSource,
  dimension,
  rawValuesOf,
  resolveFields,
  totalsOfRow,
  unknownFieldError,
} from './common.js';
import { PortalError } from './errors.js';
import { Http } from './http.js';
import type { PortalOptions } from './load.js';
import type { Clause, Where, WhereOrNothing } from './odsql.js';
import { NOTHING, and, count, countAll, exportUrl, field, inList, orderBy, recordsUrl, search, sum } from './odsql.js';

/** Records a request (the API's maximum). */
export const RECORDS_MAX = 100;
/** Deepest record of a query (`offset + limit`). */
export const WINDOW_MAX = 10_000;
/** Groups an aggregate request may return. */
const GROUPS_MAX = 20_000;

/** The JSON of a `records` answer (v2.1): `total_count` and the records as flat objects. */
interface RecordsAnswer {
  total_count?: number;
  results?: Record<string, unknown>[];
}

function asRecords(json: unknown): RecordsAnswer {
  const a = json as RecordsAnswer;
  if (!a || typeof a !== 'object' || !Array.isArray(a.results))
    throw new PortalError('bad-answer', "La réponse du portail n'a pas de liste `results`.");
  return a;
}

/** The text of an Opendatasoft error body (`{"error_code": "ODSQLError", "message": "…"}`), or the raw text. */
function odsMessage(body: string): string {
  try {
    const json = JSON.parse(body) as { message?: unknown; error?: unknown };
    if (typeof json.message === 'string') return json.message;
    if (typeof json.error === 'string') return json.error;
  } catch {
    // not JSON
  }
  return body;
}

export class OdsSource extends PortalSource<Where | undefined> {
  readonly dataset: string;
  readonly http: Http;
  protected readonly pageMax = RECORDS_MAX;

  constructor(dataset: string, fields: Fields, options: PortalOptions = {}) {
    super(fields);
    this.dataset = dataset.replace(/\/+$/, '').replace(/\/records$/, '');
    this.http = new Http({
      ...options,
      refusal: (status, body) => {
        const message = odsMessage(body);
        const unknown = /unknown field:?\s*[`"']?([A-Za-z0-9_]+)/i.exec(message);
        if (unknown) return unknownFieldError(this.fields, unknown[1]!, status, message);
        if (status === 404)
          return new PortalError('not-found', `Ce jeu de données n'existe pas sur le portail : ${this.dataset}.`, {
            status,
            details: message.slice(0, 500),
          });
        return new PortalError('bad-query', `Le portail a refusé la requête (${status}) : ${message.slice(0, 200)}`, {
          status,
          details: message.slice(0, 500),
        });
      },
    });
  }

  protected where(
    filter: QueryFilter,
    vocab: Partial<Record<GroupKey, readonly RawGroup[]>>,
  ): Translated<Where | undefined> {
    const parts: (WhereOrNothing | undefined)[] = [];
    for (const by of ['statut', 'region', 'departement'] as const) {
      const codes = filter[FILTER_OF[by]];
      if (!codes?.length) continue;
      const dim = dimension(this.fields, by);
      if (!dim) {
        // No such field: every row is `autre` (statuses) or without a code.
        parts.push(by === 'statut' && codes.includes('autre') ? undefined : NOTHING);
        continue;
      }
      const { values, empty } = rawValuesOf(dim, vocab[by] ?? [], codes);
      parts.push(inList(dim.field, empty ? [...values, null] : values));
    }
    parts.push(search(filter.search));
    const where = and(...parts);
    return where === NOTHING ? { nothing: true } : { nothing: false, where };
  }

  /** The aggregates of the totals: `count(*) AS laureats, sum(montant) AS montant, count(montant) AS montant_n…`. */
  private aggregates(): Clause[] {
    const out = [countAll('laureats')];
    const { montant, emplois } = this.fields;
    if (montant) out.push(sum(montant, 'montant'), count(montant, 'montant_n'));
    if (emplois) out.push(sum(emplois, 'emplois'), count(emplois, 'emplois_n'));
    return out;
  }

  protected async groups(
    name: string | undefined,
    where: Where | undefined,
    signal?: AbortSignal,
  ): Promise<RawGroup[]> {
    const select = name ? [field(name), ...this.aggregates()] : this.aggregates();
    const url = recordsUrl(this.dataset, {
      select,
      ...(where ? { where } : {}),
      ...(name ? { groupBy: [field(name)], limit: GROUPS_MAX } : {}),
    });
    const { results } = asRecords(await this.http.get(url, signal));
    return results!.map((row) => {
      const raw = name ? row[name] : null;
      return {
        raw: typeof raw === 'string' || typeof raw === 'number' ? raw : null,
        totals: totalsOfRow(row, this.fields),
      };
    });
  }

  /** The fields a page asks for (the mapped ones). */
  private selected(): Clause[] {
    return [...new Set(Object.values(this.fields).filter((f): f is string => !!f))].map(field);
  }

  private order(sort: ListSort | undefined): Clause[] {
    const name = sort ? this.fields[sort.column] : undefined;
    return sort && name ? [orderBy(name, sort.direction)] : [];
  }

  protected async records(
    where: Where | undefined,
    sort: ListSort | undefined,
    offset: number,
    limit: number,
    signal?: AbortSignal,
  ): Promise<RecordsPage> {
    if (offset + limit > WINDOW_MAX) {
      throw new PortalError(
        'too-deep',
        `Le portail ne sert pas les lignes au-delà de la ${WINDOW_MAX.toLocaleString('fr-FR')}e : affinez la recherche ou téléchargez l'export.`,
      );
    }
    const base = { select: this.selected(), ...(where ? { where } : {}), orderBy: this.order(sort) };
    const requests: Promise<RecordsAnswer>[] = [];
    for (let from = offset; from < offset + limit; from += RECORDS_MAX) {
      const url = recordsUrl(this.dataset, {
        ...base,
        limit: Math.min(RECORDS_MAX, offset + limit - from),
        offset: from,
      });
      requests.push(this.http.get(url, signal).then(asRecords));
    }
    const answers = await Promise.all(requests);
    return { records: answers.flatMap((a) => a.results!), total: Number(answers[0]?.total_count ?? 0) };
  }

  /**
   * The address of the dataset's export (CSV by default) of the rows that pass a filter, for the list's download:
   * the portal writes the file, nothing is paged through.
   */
  async exportUrl(
    filter: QueryFilter,
    format: 'csv' | 'json' = 'csv',
    signal?: AbortSignal,
  ): Promise<string | undefined> {
    const tr = await this.translate(filter, signal);
    if (tr.nothing) return undefined;
    return exportUrl(this.dataset, { select: this.selected(), ...(tr.where ? { where: tr.where } : {}) }, format);
  }
}

const sources = new Map<string, OdsSource>();

/**
 * The source of a dataset (`…/api/explore/v2.1/catalog/datasets/<id>`), one per address and mapping: every widget of
 * a page that asks the same shares its answers.
 */
export function odsSource(dataset: string, options: PortalOptions = {}): OdsSource {
  const fields = resolveFields(options.fields);
  const key = JSON.stringify([dataset, fields, options.retries, options.backoffMs]);
  let source = options.fetch ? undefined : sources.get(key);
  if (!source) {
    source = new OdsSource(dataset, fields, options);
    if (!options.fetch) sources.set(key, source);
  }
  return source;
}
