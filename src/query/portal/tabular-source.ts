/**
 * The query source of a data.gouv.fr resource through its tabular API (`https://tabular-api.data.gouv.fr/api/resources/<rid>/`):
 * the subset it offers: filters (`col__in`, `col__differs`, `col__contains`), a sort (`col__sort`), pages
 * (`page`, `page_size` ≤ 50) with their `meta.total`; totals with its aggregation operators (`col__groupby`,
 * `col__sum`, `col__count`) where the API allows them for the resource. Loaded on demand (./load.ts).
 *
 * Limits of that API, and what this adapter does about them:
 * - no full-text search: each word of the search must be found (`__contains`, case-insensitive, accents as written)
 *   in one column, the name's unless `searchField` says otherwise;
 * - no `OR` between a list and the empty value: « statut autre » (which includes empty statuses) is written as
 *   « none of the other values » (`__differs`, which keeps empty values);
 * - its query string is split on `&` and `=` after decoding, and passed on to PostgREST: a filter value with `&`,
 *   `=`, `#`, `%`, `+` or a control character cannot be carried safely and is refused (`unsafe-value`) rather than
 *   sent; list values are double-quoted (`"a,b"`), their `"` and `\` escaped;
 * - aggregation is allowed for some resources only: elsewhere the totals of a filter are its count alone (amounts
 *   and régions reached unknown), and totals by status or territory reject with `aggregation-unavailable`, as does
 *   a filter on a status or territory (its raw values are learnt by grouping); the search still works.
 */
import type { GroupKey } from '../../model/aggregate.js';
import { emptyTotals } from '../../model/aggregate.js';
import type { ListSort } from '../columns.js';
import { searchWords } from '../search.js';
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
import { isFieldName } from './odsql.js';

/** Rows a page (the API's maximum). */
export const PAGE_SIZE_MAX = 50;

/** One parameter: `key=value`, or a bare `key` (aggregators). */
type Param = readonly [string, string | null];

/** Characters that the API's query-string handling or PostgREST would read as syntax. */
// eslint-disable-next-line no-control-regex -- control characters are refused on purpose
const UNSAFE = /[&=#%+\u0000-\u001f\u007f]/;

/** A filter value, checked (see the module's comment). */
export function safeValue(value: string | number): string {
  const text = String(value);
  if (UNSAFE.test(text)) {
    throw new PortalError(
      'unsafe-value',
      `Cette valeur ne peut pas servir de filtre avec l'API tabulaire : « ${text.slice(0, 80)} ».`,
      { details: text.slice(0, 200) },
    );
  }
  return text;
}

/** A value of a PostgREST list (`__in`): double-quoted, `"` and `\` escaped. */
export function listValue(value: string | number): string {
  return `"${safeValue(value).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

function column(name: string): string {
  if (!isFieldName(name))
    throw new PortalError('invalid-field', `« ${String(name).slice(0, 80)} » n'est pas un nom de colonne.`, {
      field: String(name).slice(0, 80),
    });
  return name;
}

/** The query string of parameters (aggregators as bare keys), each part URL-encoded. */
export function queryString(params: readonly Param[]): string {
  return params
    .map(([k, v]) => (v === null ? encodeURIComponent(k) : `${encodeURIComponent(k)}=${encodeURIComponent(v)}`))
    .join('&');
}

interface DataAnswer {
  data?: Record<string, unknown>[];
  meta?: { page?: number; page_size?: number; total?: number };
}

function asData(json: unknown): Required<Pick<DataAnswer, 'data'>> & DataAnswer {
  const a = json as DataAnswer;
  if (!a || typeof a !== 'object' || !Array.isArray(a.data))
    throw new PortalError('bad-answer', "La réponse de l'API tabulaire n'a pas de liste `data`.");
  return a as Required<Pick<DataAnswer, 'data'>> & DataAnswer;
}

/** The text of a tabular API error body (`{"errors": [{"title", "detail"}]}`), or the raw text. */
function tabularMessage(body: string): string {
  try {
    const json = JSON.parse(body) as { errors?: { title?: unknown; detail?: unknown }[] };
    const e = json.errors?.[0];
    if (e) {
      const detail =
        typeof e.detail === 'string'
          ? e.detail
          : e.detail && typeof e.detail === 'object'
            ? ((m: unknown) => (typeof m === 'string' ? m : JSON.stringify(e.detail)))(
                (e.detail as { message?: unknown }).message,
              )
            : '';
      return [typeof e.title === 'string' ? e.title : '', detail].filter(Boolean).join(' : ');
    }
  } catch {
    // not JSON
  }
  return body;
}

export class TabularSource extends PortalSource<readonly Param[]> {
  /** `…/api/resources/<rid>` (no trailing slash). */
  readonly resource: string;
  readonly http: Http;
  protected readonly pageMax = PAGE_SIZE_MAX;
  private readonly searchField: string;
  /** False once the API said it does not aggregate this resource. */
  private aggregation = true;

  constructor(resource: string, fields: Fields, options: PortalOptions = {}) {
    super(fields);
    this.resource = resource.replace(/\/+$/, '').replace(/\/data$/, '');
    this.searchField = column(options.searchField ?? fields.nom!);
    this.http = new Http({
      ...options,
      refusal: (status, body) => {
        const message = tabularMessage(body);
        const unknown = /column\s+"?(?:[A-Za-z0-9_]+\.)?"?([A-Za-z0-9_]+)"?\s+does not exist/i.exec(message);
        if (unknown) return unknownFieldError(this.fields, unknown[1]!, status, message);
        if (status === 403 && /aggregat/i.test(message))
          return new PortalError(
            'aggregation-unavailable',
            "L'API tabulaire ne calcule pas de totaux pour cette ressource.",
            { status, details: message.slice(0, 500) },
          );
        if (status === 404)
          return new PortalError('not-found', `Cette ressource n'existe pas sur l'API tabulaire : ${this.resource}.`, {
            status,
            details: message.slice(0, 500),
          });
        return new PortalError(
          'bad-query',
          `L'API tabulaire a refusé la requête (${status}) : ${message.slice(0, 200)}`,
          { status, details: message.slice(0, 500) },
        );
      },
    });
  }

  private url(params: readonly Param[]): string {
    return `${this.resource}/data/?${queryString(params)}`;
  }

  protected where(
    filter: QueryFilter,
    vocab: Partial<Record<GroupKey, readonly RawGroup[]>>,
  ): Translated<readonly Param[]> {
    const params: Param[] = [];
    for (const by of ['statut', 'region', 'departement'] as const) {
      const codes = filter[FILTER_OF[by]];
      if (!codes?.length) continue;
      const dim = dimension(this.fields, by);
      if (!dim) {
        if (by === 'statut' && codes.includes('autre')) continue;
        return { nothing: true };
      }
      const all = vocab[by] ?? [];
      const { values, empty } = rawValuesOf(dim, all, codes);
      const col = column(dim.field);
      if (!empty) {
        if (values.length === 0) return { nothing: true };
        params.push([`${col}__in`, values.map(listValue).join(',')]);
      } else {
        // The empty value with others: none of the values left out (`__differs` keeps empty values).
        const chosen = new Set(values);
        for (const g of all)
          if (g.raw !== null && !chosen.has(g.raw)) params.push([`${col}__differs`, safeValue(g.raw)]);
      }
    }
    for (const word of searchWords(filter.search)) params.push([`${this.searchField}__contains`, safeValue(word)]);
    return { nothing: false, where: params };
  }

  /** The aggregators of the totals, and how their answer keys map to `laureats`, `montant`, `montant_n`… */
  private aggregators(): { params: Param[]; keys: Record<string, string> } {
    const params: Param[] = [['__id__count', null]];
    const keys: Record<string, string> = { laureats: '__id__count' };
    for (const m of ['montant', 'emplois'] as const) {
      const name = this.fields[m];
      if (!name) continue;
      const col = column(name);
      params.push([`${col}__sum`, null], [`${col}__count`, null]);
      keys[m] = `${col}__sum`;
      keys[`${m}_n`] = `${col}__count`;
    }
    return { params, keys };
  }

  protected async groups(name: string | undefined, where: readonly Param[], signal?: AbortSignal): Promise<RawGroup[]> {
    if (!this.aggregation) return this.countOnly(name, where, signal);
    const { params, keys } = this.aggregators();
    const base: Param[] = [...where, ...(name ? [[`${column(name)}__groupby`, null] as Param] : []), ...params];
    const out: RawGroup[] = [];
    try {
      for (let page = 1; ; page++) {
        const json = asData(
          await this.http.get(
            this.url([...base, ['page', String(page)], ['page_size', String(PAGE_SIZE_MAX)]]),
            signal,
          ),
        );
        for (const row of json.data) {
          const mapped: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(keys)) mapped[k] = row[v];
          const raw = name ? row[name] : null;
          out.push({
            raw: typeof raw === 'string' || typeof raw === 'number' ? raw : null,
            totals: totalsOfRow(mapped, this.fields),
          });
        }
        const total = json.meta?.total;
        if (json.data.length < PAGE_SIZE_MAX || (typeof total === 'number' && page * PAGE_SIZE_MAX >= total)) break;
      }
    } catch (e) {
      if (e instanceof PortalError && e.code === 'aggregation-unavailable') {
        this.aggregation = false;
        return this.countOnly(name, where, signal);
      }
      throw e;
    }
    return out;
  }

  /** Without aggregation: the count of a filter (`meta.total`), amounts and jobs unknown; no grouping. */
  private async countOnly(
    name: string | undefined,
    where: readonly Param[],
    signal?: AbortSignal,
  ): Promise<RawGroup[]> {
    if (name)
      throw new PortalError(
        'aggregation-unavailable',
        "L'API tabulaire ne calcule pas de totaux pour cette ressource.",
      );
    const json = asData(await this.http.get(this.url([...where, ['page', '1'], ['page_size', '1']]), signal));
    const t = emptyTotals();
    t.laureats = Number(json.meta?.total ?? 0);
    t.missing.montant = t.laureats;
    t.missing.emplois = t.laureats;
    return [{ raw: null, totals: t }];
  }

  protected async records(
    where: readonly Param[],
    sort: ListSort | undefined,
    offset: number,
    limit: number,
    signal?: AbortSignal,
  ): Promise<RecordsPage> {
    const sortName = sort ? this.fields[sort.column] : undefined;
    const order: Param[] =
      sort && sortName ? [[`${column(sortName)}__sort`, sort.direction === 'descending' ? 'desc' : 'asc']] : [];
    // One request when the page is a page of the API (offset a multiple of limit ≤ 50), else pages of 50, sliced.
    const size = limit <= PAGE_SIZE_MAX && offset % limit === 0 ? limit : PAGE_SIZE_MAX;
    const first = Math.floor(offset / size);
    const last = Math.floor((offset + limit - 1) / size);
    const pages = await Promise.all(
      Array.from({ length: last - first + 1 }, (_, k) =>
        this.http
          .get(this.url([...where, ...order, ['page', String(first + k + 1)], ['page_size', String(size)]]), signal)
          .then(asData),
      ),
    );
    const rows = pages.flatMap((p) => p.data).slice(offset - first * size, offset - first * size + limit);
    const ids = rows.map((r, j) => (typeof r['__id'] === 'number' ? r['__id'] : offset + j));
    const records = rows.map((r) => {
      const { __id: _, ...rest } = r;
      return rest;
    });
    return { records, ids, total: Number(pages[0]?.meta?.total ?? 0) };
  }

  /** The address of the resource's CSV export of the rows that pass a filter. */
  async exportUrl(filter: QueryFilter, signal?: AbortSignal): Promise<string | undefined> {
    const tr = await this.translate(filter, signal);
    if (tr.nothing) return undefined;
    return `${this.resource}/data/csv/?${queryString(tr.where)}`;
  }
}

const sources = new Map<string, TabularSource>();

/** The source of a resource (`…/api/resources/<rid>`), one per address and mapping. */
export function tabularSource(resource: string, options: PortalOptions = {}): TabularSource {
  const fields = resolveFields(options.fields);
  const key = JSON.stringify([resource, fields, options.retries, options.backoffMs, options.searchField]);
  let source = options.fetch ? undefined : sources.get(key);
  if (!source) {
    source = new TabularSource(resource, fields, options);
    if (!options.fetch) sources.set(key, source);
  }
  return source;
}
