/**
 * The `api` input of a widget or of a `<relance-dataset>`: the query source of an open-data portal (Explore API v2.1,
 * data.gouv.fr's tabular API) instead of rows to download. Nothing is downloaded nor parsed: the adapters, with the
 * checking of the address (../query/portal/load.ts), are loaded on demand, the first time a page uses `api`; every
 * widget of the group then asks the source its questions (a page, totals).
 *
 * The state it gives is the one the widgets already know: `loading` while the adapter loads, `ready` with an empty
 * dataset of laureates (a placeholder: the figures come from the source), or `error` for an address that is not an
 * http(s) address of a dataset the adapters serve.
 */
import type { DataErrorDetail, DataState } from './data-source.js';
import type { DatasetMeta } from '../model/types.js';
import { emptyDataset } from '../model/parse/index.js';
import type { QuerySource } from '../query/source.js';
import { PortalError } from '../query/portal/errors.js';

const portalSources = new WeakSet<object>();

/** True for a source that asks a portal (its answers come later, and may fail). */
export function isPortalSource(source: object | undefined): boolean {
  return !!source && portalSources.has(source);
}

/** Marks a source that asks a portal (a wrapper around one, see {@link isPortalSource}). */
export function markPortalSource<T extends object>(source: T): T {
  portalSources.add(source);
  return source;
}

/**
 * What a widget says of a portal's error (the `relance-data-error` detail, and its error state): a retryable one reads
 * as today's network error (« momentanément indisponibles », « Réessayer »), the others as unusable data; the
 * French message for the page's author, the portal's own words in `details`.
 */
export function portalDataError(e: unknown): DataErrorDetail & { retryable: boolean } {
  const p = e instanceof PortalError ? e : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return {
    code: p ? (p.retryable ? 'network' : p.code) : 'unusable',
    details: p?.details ?? message,
    status: p?.status,
    origin: 'attribute',
    message,
    retryable: !!p?.retryable,
  };
}

export class PortalInput {
  /** The address and field mapping in use (`''`: no `api`). */
  private _key = '';
  state: DataState = { status: 'empty' };
  source?: QuerySource;
  /** The error of the address (`invalid-url`, `invalid-field`), for the console and the event. */
  error?: ReturnType<typeof portalDataError>;

  private readonly _host: Element;
  private readonly _changed: (input: PortalInput) => void;
  private readonly _meta: () => DatasetMeta;

  /**
   * `changed` is called when the source is there, or the address refused (after {@link sync}); `meta` gives the
   * provenance the group's widgets show (the `source`, `updated`, `fictitious`… attributes of the `api` element).
   */
  constructor(host: Element, changed: (input: PortalInput) => void, meta: () => DatasetMeta) {
    this._host = host;
    this._changed = changed;
    this._meta = meta;
  }

  /** True when the host has an `api` address. */
  get active(): boolean {
    return this._key !== '';
  }

  /** Follows the host's `api` and `field-*` attributes; true when the state changed now. */
  sync(api: string | undefined): boolean {
    const text = api?.trim() ?? '';
    // The `field-*` attributes as written (they are read, and checked, with the adapters).
    const fields = () =>
      [...this._host.attributes].filter((a) => a.name.startsWith('field-')).map((a) => [a.name, a.value]);
    const key = text ? JSON.stringify([text, fields()]) : '';
    if (key === this._key) return false;
    this._key = key;
    this.source = undefined;
    this.error = undefined;
    if (!text) {
      this.state = { status: 'empty' };
      return true;
    }
    this.state = { status: 'loading', origin: 'src' };
    const host = this._host;
    import('../query/portal/load.js')
      .then((portal) => portal.portalSource(text, { fields: portal.fieldsFromAttributes(host) }))
      .then(
        (source) => {
          if (this._key !== key) return;
          portalSources.add(source);
          this.source = source;
          // A placeholder dataset: laureates, none in memory; the provenance of the `api` element.
          this.state = { status: 'ready', dataset: emptyDataset('auto', this._meta()), origin: 'attribute' };
          this._changed(this);
        },
        (e: unknown) => {
          if (this._key !== key) return;
          this.error = portalDataError(e);
          this.state = { status: 'error', error: this.error, origin: 'attribute' };
          this._changed(this);
        },
      );
    return true;
  }
}
