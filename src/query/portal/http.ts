/**
 * The portal adapters' requests: JSON over `fetch`, each answer kept for the page's life (one address, one request),
 * a request shared by every question that needs it (it is aborted only when every one of them is abandoned), and a
 * 429, a 5xx or no answer retried with backoff (bounded), then a {@link PortalError}.
 */
import { PortalError, abortError } from './errors.js';

export interface HttpOptions {
  /** Retries after a 429, a 5xx or no answer (default 3). */
  retries?: number;
  /** First wait before a retry, doubled each time (default 400 ms); at most {@link MAX_WAIT_MS}. */
  backoffMs?: number;
  fetch?: typeof fetch;
  /** Turns a 4xx answer into the adapter's error (its body as text, maybe JSON). */
  refusal?: (status: number, body: string) => PortalError;
}

/** Longest wait between two tries, whatever the portal's `Retry-After` says. */
export const MAX_WAIT_MS = 8000;
/** Answers kept (then the oldest forgotten). */
const MAX_KEPT = 500;

interface Entry {
  promise: Promise<unknown>;
  controller: AbortController;
  /** Questions waiting for this request. */
  waiting: number;
  settled: boolean;
}

function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError());
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', stop, { once: true });
  });
}

/** Seconds of a `Retry-After` header, in milliseconds (a date or a number of seconds). */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : undefined;
}

export class Http {
  private readonly kept = new Map<string, Entry>();
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly refusal: (status: number, body: string) => PortalError;
  /** Requests sent (tests, bench). */
  sent = 0;

  constructor(options: HttpOptions = {}) {
    this.retries = Math.max(0, Math.min(10, Math.floor(options.retries ?? 3)));
    this.backoffMs = Math.max(0, options.backoffMs ?? 400);
    this.fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
    this.refusal =
      options.refusal ??
      ((status, body) =>
        new PortalError('bad-query', `Le portail a refusé la requête (${status}).`, {
          status,
          details: body.slice(0, 500),
        }));
  }

  /**
   * The JSON answer at `url`: the kept one, the pending one, or a new request. Rejects with an `AbortError` as soon
   * as `signal` aborts (the request itself goes on while another question waits for it).
   */
  get(url: string, signal?: AbortSignal): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(abortError());
    let entry = this.kept.get(url);
    if (entry?.settled) {
      // Most recently used last (the oldest is forgotten first).
      this.kept.delete(url);
      this.kept.set(url, entry);
      return entry.promise;
    }
    if (!entry) {
      const controller = new AbortController();
      const created: Entry = { promise: Promise.resolve(), controller, waiting: 0, settled: false };
      created.promise = this.request(url, controller.signal).then(
        (value) => {
          created.settled = true;
          return value;
        },
        (error: unknown) => {
          if (this.kept.get(url) === created) this.kept.delete(url);
          throw error;
        },
      );
      // Not an unhandled rejection when every question was abandoned.
      created.promise.catch(() => undefined);
      if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
      this.kept.set(url, created);
      entry = created;
    }
    const shared = entry;
    shared.waiting++;
    return new Promise((resolve, reject) => {
      let done = false;
      const leave = () => {
        if (done) return false;
        done = true;
        shared.waiting--;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (shared.waiting === 0 && !shared.settled) {
          shared.controller.abort();
          if (this.kept.get(url) === shared) this.kept.delete(url);
        }
        reject(abortError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (value) => {
          if (leave()) resolve(value);
        },
        (error: unknown) => {
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passed on as received
          if (leave()) reject(error);
        },
      );
    });
  }

  /** One request with its retries. */
  private async request(url: string, signal: AbortSignal): Promise<unknown> {
    let last: PortalError | undefined;
    for (let attempt = 0; ; attempt++) {
      let response: Response | undefined;
      try {
        this.sent++;
        response = await this.fetchImpl(url, { signal, credentials: 'omit', headers: { accept: 'application/json' } });
      } catch (e) {
        if (signal.aborted) throw abortError();
        last = new PortalError('network', 'Le portail ne répond pas (réseau).', {
          details: String((e as Error)?.message ?? e).slice(0, 300),
        });
      }
      let waitMs: number | undefined;
      if (response) {
        if (response.ok) {
          const text = await response.text();
          try {
            return JSON.parse(text) as unknown;
          } catch {
            throw new PortalError('bad-answer', "La réponse du portail n'est pas du JSON.", {
              status: response.status,
              details: text.slice(0, 300),
            });
          }
        }
        const status = response.status;
        const body = await response.text().catch(() => '');
        if (status === 429) {
          last = new PortalError('rate-limited', 'Le portail reçoit trop de requêtes (429).', {
            status,
            details: body.slice(0, 500),
          });
          waitMs = retryAfter(response.headers.get('retry-after'));
        } else if (status >= 500) {
          last = new PortalError('unavailable', `Le portail est indisponible (${status}).`, {
            status,
            details: body.slice(0, 500),
          });
          waitMs = retryAfter(response.headers.get('retry-after'));
        } else {
          throw this.refusal(status, body);
        }
      }
      if (attempt >= this.retries) throw last!;
      const backoff = this.backoffMs * 2 ** attempt;
      // Spread: clients that failed together do not all come back at once.
      const jittered = backoff / 2 + Math.random() * (backoff / 2);
      await wait(Math.min(MAX_WAIT_MS, waitMs ?? jittered), signal);
    }
  }
}
