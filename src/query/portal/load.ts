/**
 * The only part of the portal adapters a widget imports statically: it checks an `api` address, tells which adapter
 * serves it, and loads that adapter on demand (a separate module, fetched the first time a page uses a portal).
 *
 *   const source = await portalSource(el.getAttribute('api')!, { fields: fieldsFromAttributes(el) });
 *
 * - `…/api/explore/v2.1/catalog/datasets/<id>` (Opendatasoft Explore API v2.1, e.g. data.economie.gouv.fr): ./ods-source.ts;
 * - `…/api/resources/<rid>` (data.gouv.fr's tabular API): ./tabular-source.ts.
 */
import type { QuerySource } from '../source.js';
import { PortalError } from './errors.js';

/** Which adapter serves an address. */
export type PortalKind = 'ods' | 'tabular';

/** The canonical fields a portal's field can be mapped to (the parser's names). */
export const PORTAL_FIELDS = [
  'nom',
  'statut',
  'region',
  'departement',
  'commune',
  'territoire',
  'projet',
  'montant',
  'emplois',
  'siren',
] as const;
export type PortalField = (typeof PORTAL_FIELDS)[number];

/**
 * Dataset field of each canonical field; `null` (or an empty attribute): the dataset has none. Fields left out keep
 * the adapter's default (the `plan-de-relance` layout).
 */
export type PortalFieldMap = Partial<Record<PortalField, string | null>>;

export interface PortalOptions {
  /** Field names, over the defaults. */
  fields?: PortalFieldMap;
  /** Retries after a 429, a 5xx or no answer (default 3), spaced by `backoffMs` × 2ⁿ (default 400 ms, at most 8 s). */
  retries?: number;
  backoffMs?: number;
  /** The fetch to use (tests); default the global one. */
  fetch?: typeof fetch;
  /** The tabular API's column for the search (default: the name field). */
  searchField?: string;
}

/**
 * The address of an `api` attribute, resolved against the page: only http(s), without credentials; its fragment and
 * query are dropped. Throws a {@link PortalError} `invalid-url` otherwise.
 */
export function parseApiUrl(api: string, base?: string): URL {
  const text = typeof api === 'string' ? api.trim() : '';
  let url: URL | undefined;
  try {
    url = new URL(text, base ?? (globalThis as { location?: { href?: string } }).location?.href);
  } catch {
    url = undefined;
  }
  if (!text || !url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new PortalError(
      'invalid-url',
      `L'adresse de l'API n'est pas une adresse http(s) valable : « ${text.slice(0, 200)} ».`,
    );
  }
  url.hash = '';
  url.search = '';
  return url;
}

/** The adapter that serves an address, or `undefined`. */
export function portalKind(url: URL): PortalKind | undefined {
  if (/\/api\/explore\/v2(?:\.1)?\/catalog\/datasets\/[^/]+/.test(url.pathname)) return 'ods';
  if (/\/api\/resources\/[^/]+/.test(url.pathname)) return 'tabular';
  return undefined;
}

/**
 * The field mapping of an element's `field-<name>` attributes (`field-statut="type_entreprise"`, `field-emplois=""`
 * for a dataset without jobs).
 */
export function fieldsFromAttributes(el: Element): PortalFieldMap {
  const fields: PortalFieldMap = {};
  for (const f of PORTAL_FIELDS) {
    const value = el.getAttribute(`field-${f}`);
    if (value !== null) fields[f] = value.trim() === '' ? null : value.trim();
  }
  return fields;
}

/**
 * The query source of a portal dataset: the adapter is loaded on first use, and one source serves every widget that
 * asks for the same address and mapping (its answers are cached for the page's life). Rejects with a
 * {@link PortalError} `invalid-url` for an address that is not http(s) or that no adapter serves.
 */
export async function portalSource(api: string, options: PortalOptions = {}): Promise<QuerySource> {
  const url = parseApiUrl(api);
  const kind = portalKind(url);
  if (kind === 'ods') return (await import('./ods-source.js')).odsSource(url.href, options);
  if (kind === 'tabular') return (await import('./tabular-source.js')).tabularSource(url.href, options);
  throw new PortalError(
    'invalid-url',
    `Cette adresse n'est ni un jeu de données Opendatasoft (…/api/explore/v2.1/catalog/datasets/…) ni une ressource de l'API tabulaire de data.gouv.fr (…/api/resources/…) : « ${url.href.slice(0, 200)} ».`,
  );
}
