/**
 * Loads the map geometry (TopoJSON) once per URL and shares it between every map of the page: a module-level cache
 * of promises. Same robustness as the data inputs (`src/base/data-source.ts`): a timeout through an
 * AbortController, HTTP errors, refused content types (an HTML error page), invalid JSON, one automatic retry after
 * a network failure or a server error, and a failed load is forgotten so that a later retry fetches again.
 */

/** Why the geometry could not be used. */
export type GeometryErrorCode = 'http' | 'network' | 'timeout' | 'content-type' | 'invalid-json' | 'invalid-topology';

/** Detail of `relance-geometry-error`. */
export interface GeometryErrorDetail {
  code: GeometryErrorCode;
  /** HTTP status, for `http`. */
  status?: number;
  /** Details for the console (English, or the text of the validator). */
  details: string;
  /** The URL, when the geometry was loaded from one. */
  url?: string;
  /** The message shown in the widget. */
  message?: string;
}

export class GeometryError extends Error {
  readonly detail: GeometryErrorDetail;
  constructor(detail: GeometryErrorDetail) {
    super(detail.details);
    this.detail = detail;
  }
}

/** Time allowed for a geometry request, in ms. */
export const GEOMETRY_TIMEOUT_MS = 20_000;
/** Delay before the automatic retry, in ms. */
const RETRY_DELAY_MS = 400;

const pending = new Map<string, Promise<unknown>>();
const loaded = new Map<string, unknown>();

/** The parsed geometry of `url` when it is already loaded (no request), else `undefined`. */
export function loadedGeometry(url: string): unknown {
  return loaded.get(url);
}

function acceptable(contentType: string | null): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return (
    type === '' ||
    type === 'application/json' ||
    type.endsWith('+json') ||
    type === 'text/json' ||
    type === 'text/plain' ||
    type === 'application/octet-stream' ||
    type === 'binary/octet-stream'
  );
}

async function fetchOnce(url: string, timeout: number): Promise<unknown> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new DOMException('timeout', 'TimeoutError')), timeout);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      signal: abort.signal,
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      throw new GeometryError({
        code: 'http',
        status: response.status,
        details: `${response.status} ${response.statusText} for ${url}`,
        url,
      });
    }
    if (!acceptable(response.headers.get('content-type'))) {
      throw new GeometryError({
        code: 'content-type',
        details: `content-type ${response.headers.get('content-type')} for ${url}`,
        url,
      });
    }
    text = await response.text();
  } catch (e) {
    if (e instanceof GeometryError) throw e;
    const timedOut = abort.signal.reason instanceof DOMException && abort.signal.reason.name === 'TimeoutError';
    throw new GeometryError({
      code: timedOut ? 'timeout' : 'network',
      details: `${e instanceof Error ? e.message : String(e)} (${url})`,
      url,
    });
  } finally {
    clearTimeout(timer);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new GeometryError({
      code: 'invalid-json',
      details: `${e instanceof Error ? e.message : String(e)} in ${url}`,
      url,
    });
  }
}

async function fetchWithRetry(url: string, timeout: number): Promise<unknown> {
  try {
    return await fetchOnce(url, timeout);
  } catch (e) {
    const d = (e as GeometryError).detail;
    const transient = d?.code === 'network' || (d?.code === 'http' && (d.status ?? 0) >= 500);
    if (!transient) throw e;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    return fetchOnce(url, timeout);
  }
}

/**
 * The parsed JSON at `url` (absolute), fetched once for the whole page: concurrent and later calls share the same
 * promise. Rejects with a {@link GeometryError}; a failed URL is forgotten, so calling again retries.
 */
export function fetchGeometry(url: string, timeout = GEOMETRY_TIMEOUT_MS): Promise<unknown> {
  let promise = pending.get(url);
  if (!promise) {
    promise = fetchWithRetry(url, timeout).then(
      (value) => {
        loaded.set(url, value);
        return value;
      },
      (e: unknown) => {
        pending.delete(url);
        throw e;
      },
    );
    pending.set(url, promise);
  }
  return promise;
}

/** Forgets every loaded geometry (tests). */
export function clearGeometryCache(): void {
  pending.clear();
  loaded.clear();
}
