/**
 * The one error a portal source rejects with (besides an `AbortError` when a question is abandoned): a code that a
 * widget turns into the citizen's message, a French sentence for the page's author (console, builder), and the
 * portal's own words when it gave some. Nothing here is ever rendered as HTML.
 */

/** What went wrong, for the widget to decide what the reader is told. */
export type PortalErrorCode =
  /** The `api` attribute is not an http(s) address of a dataset the adapters know. */
  | 'invalid-url'
  /** A field name in the mapping is not a field name (`field-statut="a b"`). */
  | 'invalid-field'
  /** The dataset has no field of that name (the portal said so). */
  | 'unknown-field'
  /** The dataset (or resource) does not exist. */
  | 'not-found'
  /** The portal refused the question (a 4xx other than the above). */
  | 'bad-query'
  /** Too many requests (429), still after the retries. */
  | 'rate-limited'
  /** The portal failed (5xx), still after the retries. */
  | 'unavailable'
  /** No answer at all (offline, DNS, CORS), still after the retries. */
  | 'network'
  /** An answer that is not what the API documents (not JSON, wrong shape). */
  | 'bad-answer'
  /** A page beyond what the API serves (Explore API: `offset + limit` ≤ 10 000). */
  | 'too-deep'
  /** A filter value that the tabular API cannot carry safely (`&`, `=`, `#`, `%`, `+`, control characters). */
  | 'unsafe-value'
  /** Totals that the tabular API does not compute for this resource (aggregation not allowed). */
  | 'aggregation-unavailable';

/** Codes after which asking again later may work (the widget offers « Réessayer »). */
const RETRYABLE: ReadonlySet<PortalErrorCode> = new Set(['rate-limited', 'unavailable', 'network', 'bad-answer']);

export class PortalError extends Error {
  override readonly name = 'PortalError';
  readonly code: PortalErrorCode;
  /** HTTP status of the last answer, when there was one. */
  readonly status?: number;
  /** The dataset field concerned (`unknown-field`, `invalid-field`). */
  readonly field?: string;
  /** The canonical field it was mapped from (`montant` for `field-montant`), when known. */
  readonly mappedFrom?: string;
  /** The portal's own message (raw text, for the console). */
  readonly details?: string;

  constructor(
    code: PortalErrorCode,
    message: string,
    extra: { status?: number; field?: string; mappedFrom?: string; details?: string } = {},
  ) {
    super(message);
    this.code = code;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.field !== undefined) this.field = extra.field;
    if (extra.mappedFrom !== undefined) this.mappedFrom = extra.mappedFrom;
    if (extra.details !== undefined) this.details = extra.details;
  }

  /** True when asking again later may work (the portal was busy or unreachable). */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

/** The error a question rejects with when abandoned (what `fetch` rejects with on abort). */
export function abortError(): Error {
  return typeof DOMException === 'function'
    ? new DOMException('La question a été abandonnée.', 'AbortError')
    : Object.assign(new Error('aborted'), { name: 'AbortError' });
}

/** True for the rejection of an abandoned question. */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}
