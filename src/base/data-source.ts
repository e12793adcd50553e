/**
 * The one implementation of the data inputs every widget shares:
 * the `data` attribute (JSON or CSV text), the `.data` property (rows, an object, or text),
 * a `<script type="application/json">` (or `text/csv`) child, and a `src` URL (JSON or CSV) with
 * loading and error states, a retry, a timeout, and protection against out-of-order responses.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DatasetLoad } from '../model/parse/progressive.js';
import { datasetLoad, parseProgressive } from '../model/parse/progressive.js';
import type { DataError, DataIssue, Dataset, InputFormat, ParseResult } from '../model/types.js';

export type DataOrigin = 'property' | 'attribute' | 'script' | 'src';

export type DataState =
  | { status: 'empty' }
  | { status: 'loading'; origin: 'src' }
  | { status: 'ready'; dataset: Dataset; origin: DataOrigin }
  | { status: 'error'; error: DataError; origin: DataOrigin };

/** What a host element exposes to the controller. */
export interface DataSourceHost extends ReactiveControllerHost, HTMLElement {
  requestUpdate(): void;
  data?: unknown;
  src?: string;
  format: InputFormat;
  /**
   * Optional parser used instead of `parseInput` for every input (attribute, property, script child, `src`), e.g. to
   * accept a widget-specific shape before falling back to `parseInput`.
   */
  parseData?(input: unknown, format: InputFormat): ParseResult;
}

/** Detail of `relance-data-load`. */
export interface DataLoadDetail {
  origin: DataOrigin;
  format: InputFormat;
  rows: number;
  ignored: number;
  issues: readonly DataIssue[];
}

/** Detail of `relance-data-error`. */
export interface DataErrorDetail extends DataError {
  origin: DataOrigin;
  /** The message shown in the widget. */
  message: string;
}

/** Default time allowed for a `src` request. */
export const DEFAULT_TIMEOUT_MS = 20_000;

const SCRIPT_SELECTOR = ':scope > script[type="application/json"], :scope > script[type="text/csv"]';

/** Content types accepted from `src` (anything else, e.g. an HTML error page, is refused). */
function acceptedType(contentType: string | null): 'json' | 'csv' | 'unknown' | false {
  if (!contentType) return 'unknown';
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === '' || type === 'application/octet-stream' || type === 'text/plain' || type === 'binary/octet-stream')
    return 'unknown';
  if (type === 'application/json' || type.endsWith('+json') || type === 'text/json' || type === 'application/geo+json')
    return 'json';
  if (
    type === 'text/csv' ||
    type === 'application/csv' ||
    type === 'text/comma-separated-values' ||
    type === 'application/vnd.ms-excel' ||
    type === 'text/tab-separated-values'
  )
    return 'csv';
  return false;
}

/**
 * Decodes a file: UTF-16 when it starts with a UTF-16 byte order mark (Excel's « Unicode text »), else UTF-8 (with or
 * without BOM). A file that is not valid UTF-8 is read as Windows-1252 (older spreadsheet software); one that mixes
 * both (lines pasted from different sources) is read line by line, each line in the encoding it is valid in.
 * `fallback` says which happened: `false`, `'windows-1252'`, or the number of lines read as Windows-1252.
 */
export function decodeText(buffer: ArrayBuffer): { text: string; fallback: false | 'windows-1252' | number } {
  const bytes = new Uint8Array(buffer);
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes), fallback: false };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes), fallback: false };
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: utf8.decode(bytes), fallback: false };
  } catch {
    const cp1252 = new TextDecoder('windows-1252');
    const whole = cp1252.decode(bytes);
    // No UTF-8 sequence at all (« Ã© » once read as Windows-1252): the whole file is Windows-1252.
    if (
      !/[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]/.test(
        whole,
      )
    ) {
      return { text: whole, fallback: 'windows-1252' };
    }
    // Both: line by line (a line break is the same byte in both encodings).
    const lines: string[] = [];
    let legacy = 0;
    let valid = 0;
    for (let start = 0; start <= bytes.length;) {
      let end = bytes.indexOf(0x0a, start);
      if (end < 0) end = bytes.length;
      const line = bytes.subarray(start, end);
      try {
        lines.push(utf8.decode(line));
        // eslint-disable-next-line no-control-regex
        if (/[^\x00-\x7f]/.test(lines[lines.length - 1]!)) valid++;
      } catch {
        lines.push(cp1252.decode(line));
        legacy++;
      }
      start = end + 1;
    }
    // Without any valid UTF-8 line beyond ASCII, the whole file is Windows-1252.
    return { text: lines.join('\n'), fallback: valid === 0 ? 'windows-1252' : legacy };
  }
}

export class DataSourceController implements ReactiveController {
  state: DataState = { status: 'empty' };
  /** Time allowed for a `src` request, in ms. */
  timeout = DEFAULT_TIMEOUT_MS;

  private readonly host: DataSourceHost;
  private readonly _onChange: (state: DataState) => void;
  private request = 0;
  private abort?: AbortController;
  private observer?: MutationObserver;
  private _scriptText?: string;
  private _lastKey?: unknown;
  /** The rows of the current dataset still being read (a large input, see ../model/parse/progressive.ts). */
  private _loading?: DatasetLoad;

  constructor(host: DataSourceHost, onChange: (state: DataState) => void) {
    this.host = host;
    this._onChange = onChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => {
      const text = this._readScript();
      if (text !== this._scriptText) this.host.requestUpdate();
    });
    this.observer.observe(this.host, { childList: true, characterData: true, subtree: true });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.abort?.abort();
    this.abort = undefined;
    // Reload on reconnection if a request was cut short.
    if (this.state.status === 'loading') this._lastKey = undefined;
  }

  /**
   * Call from the host's `willUpdate`: re-reads the inputs if they changed.
   * Returns true when the state changed synchronously.
   */
  sync(): boolean {
    const { data, src, format } = this.host;
    const hasData = data !== undefined && data !== null && data !== '';
    const script = hasData ? undefined : this._readScript();
    this._scriptText = script;
    const key = hasData ? data : script !== undefined ? `script:${script}` : src ? `src:${src}` : undefined;
    const fullKey = [key, format];
    if (this._lastKey !== undefined && sameKey(this._lastKey as unknown[], fullKey)) return false;
    this._lastKey = fullKey;
    this.request++;
    this.abort?.abort();
    this.abort = undefined;
    this._loading?.cancel();
    this._loading = undefined;
    if (hasData) {
      const origin: DataOrigin =
        typeof data === 'string' && this.host.getAttribute('data') === data ? 'attribute' : 'property';
      this._settle(this.parse(data, format), origin);
    } else if (script !== undefined) {
      this._settle(this.parse(script, format), 'script');
    } else if (src) {
      this.state = { status: 'loading', origin: 'src' };
      void this.load(src, format, this.request);
    } else {
      this.state = { status: 'empty' };
    }
    return true;
  }

  /** True when the host has data of its own: `data`, a JSON/CSV script child, or `src`. */
  hasInput(): boolean {
    const { data, src } = this.host;
    return (data !== undefined && data !== null && data !== '') || this._readScript() !== undefined || Boolean(src);
  }

  /** Loads `src` again (after an error), or re-reads the inline data. */
  retry(): void {
    this._lastKey = undefined;
    this.host.requestUpdate();
  }

  /**
   * A large input without a parser of the host's own is read progressively: the dataset of its first rows at once,
   * the rest in slices (see {@link _settle}).
   */
  private parse(input: unknown, format: InputFormat): ParseResult {
    return this.host.parseData ? this.host.parseData(input, format) : parseProgressive(input, { format });
  }

  private _readScript(): string | undefined {
    const script = this.host.querySelector?.(SCRIPT_SELECTOR);
    return script ? (script.textContent ?? '') : undefined;
  }

  /**
   * The new state, reported through `onChange`. A dataset whose rows are still being read is reported at once (the
   * first page renders from its first rows; `datasetLoad(dataset)` tells it is incomplete), then again, the same
   * state, when every row is read: its issues and ignored count are then complete (the host emits its data events
   * then, once). `complete` runs just before that second report.
   */
  private _settle(result: ParseResult, origin: DataOrigin, complete?: (dataset: Dataset) => void): void {
    this.state = result.ok
      ? { status: 'ready', dataset: result.dataset, origin }
      : { status: 'error', error: result.error, origin };
    const load = result.ok ? datasetLoad(result.dataset) : undefined;
    if (result.ok && load) {
      const { dataset } = result;
      const request = this.request;
      this._loading = load;
      load.whenDone(() => {
        if (request !== this.request || this._loading !== load) return;
        this._loading = undefined;
        complete?.(dataset);
        this._onChange(this.state);
        this.host.requestUpdate();
      });
    } else if (result.ok) complete?.(result.dataset);
    this._onChange(this.state);
  }

  private async load(src: string, format: InputFormat, request: number): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    const timer = setTimeout(() => abort.abort(new DOMException('timeout', 'TimeoutError')), this.timeout);
    let result: ParseResult;
    let encoding: DataIssue | undefined;
    try {
      const url = new URL(src, document.baseURI);
      const response = await fetch(url, {
        signal: abort.signal,
        credentials: 'same-origin',
        headers: { Accept: 'application/json, text/csv;q=0.9, */*;q=0.5' },
      });
      if (!response.ok) {
        result = {
          ok: false,
          error: {
            code: 'http',
            status: response.status,
            details: `${response.status} ${response.statusText} for ${url.href}`,
          },
        };
      } else {
        const type = acceptedType(response.headers.get('content-type'));
        if (type === false) {
          result = {
            ok: false,
            error: {
              code: 'content-type',
              details: `content-type ${response.headers.get('content-type') ?? ''} for ${url.href}`,
            },
          };
        } else {
          const { text, fallback } = decodeText(await response.arrayBuffer());
          const hint: InputFormat =
            format !== 'auto'
              ? format
              : type === 'csv' || /\.(csv|tsv)(\?|#|$)/i.test(url.pathname)
                ? 'csv'
                : type === 'json'
                  ? 'json'
                  : 'auto';
          result = this.parse(text, hint);
          if (result.ok && fallback !== false) {
            // Added once every row is read (the issues of a large input are complete then; see _settle).
            encoding = { level: 'warning', code: 'encoding', value: String(fallback) };
          } else if (!result.ok && text.trim() === '') {
            result = { ok: false, error: { code: 'unusable', details: `empty response from ${url.href}` } };
          }
        }
      }
    } catch (e) {
      const timedOut = abort.signal.reason instanceof DOMException && abort.signal.reason.name === 'TimeoutError';
      if (request !== this.request) return; // superseded: a newer request owns the state
      result = {
        ok: false,
        error: { code: timedOut ? 'timeout' : 'network', details: e instanceof Error ? e.message : String(e) },
      };
    } finally {
      clearTimeout(timer);
    }
    if (request !== this.request) return; // a newer src (or data) won
    this.abort = undefined;
    this._settle(result, 'src', encoding && ((dataset) => dataset.issues.unshift(encoding)));
    this.host.requestUpdate();
  }
}

function sameKey(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
