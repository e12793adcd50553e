/**
 * The map's geometry as state: `loading`, `ready` (a TopoJSON topology or a projected geometry, checked for the level)
 * or `error`. The geometry is a URL (loaded once per page, see src/components/territory-map/geometry.ts) or an object;
 * without one, the package's file of the level. The host asks for it with {@link GeometryController.sync} (from its
 * `connectedCallback` and `willUpdate`: nothing happens while the source and the level stay the same) and is updated
 * when an answer comes; an answer to an older request (another URL or level since) is ignored.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GeometryErrorDetail } from '../components/territory-map/geometry.js';
import { fetchGeometry, GeometryError, loadedGeometry } from '../components/territory-map/geometry.js';
import { defaultGeometryUrl } from '../geo-url.js';
import type { MapGeometry, MapLevel } from '../layout/map-layout.js';
import { validateGeometry } from '../layout/map-layout.js';
import { isRecord } from '../model/values.js';

/** State of the geometry. */
export type GeoState =
  { status: 'loading' } | { status: 'ready'; geometry: MapGeometry } | { status: 'error'; error: GeometryErrorDetail };

export interface GeometryOptions {
  /** Time allowed for a request, in ms. */
  timeout(): number;
  /** The message shown for an error (in the widget's language). */
  message(detail: GeometryErrorDetail): string;
  /** The geometry could not be loaded or used (its state is already `error`): the host reports it. */
  onError(detail: GeometryErrorDetail): void;
}

export class GeometryController implements ReactiveController {
  state: GeoState = { status: 'loading' };

  private readonly _host: ReactiveControllerHost;
  private readonly _options: GeometryOptions;
  /** Source (absolute URL or object) and level of the last request. */
  private _source?: unknown;
  private _level?: MapLevel;
  private _request = 0;

  constructor(host: ReactiveControllerHost, options: GeometryOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * Asks for the geometry `geometry` (a URL, a TopoJSON or projected object, or nothing: the package's file) at
   * `level`. Known already (an object, or a URL loaded before): ready or failed at once; else `loading` until it comes.
   */
  sync(geometry: unknown, level: MapLevel): void {
    let source: unknown = geometry;
    if (!isRecord(geometry)) {
      const text = typeof geometry === 'string' && geometry.trim() ? geometry.trim() : defaultGeometryUrl(level);
      try {
        source = new URL(text, document.baseURI).href;
      } catch {
        source = text;
      }
    }
    if (Object.is(source, this._source) && level === this._level) return;
    this._source = source;
    this._level = level;
    const request = ++this._request;
    if (typeof source !== 'string') return this._use(source, level);
    const url = source;
    const cached = loadedGeometry(url);
    if (cached !== undefined) return this._use(cached, level, url);
    this.state = { status: 'loading' };
    fetchGeometry(url, this._options.timeout()).then(
      (value) => {
        if (request !== this._request) return;
        this._use(value, level, url);
        this._host.requestUpdate();
      },
      (e: unknown) => {
        if (request !== this._request) return;
        this.fail(e instanceof GeometryError ? e.detail : { code: 'network', details: String(e), url });
        this._host.requestUpdate();
      },
    );
  }

  /** Loads the geometry again (after an error): forgets the last request, and updates the host, which asks again. */
  reload(): void {
    this._source = this._level = undefined;
    this._host.requestUpdate();
  }

  /** The geometry cannot be used (e.g. the layout refused it): `error`, reported by the host. */
  fail(detail: GeometryErrorDetail): void {
    const error: GeometryErrorDetail = { ...detail, message: this._options.message(detail) };
    this.state = { status: 'error', error };
    this._options.onError(error);
  }

  private _use(value: unknown, level: MapLevel, url?: string): void {
    const check = validateGeometry(value, level);
    if (check.ok) this.state = { status: 'ready', geometry: check.geometry };
    else this.fail({ code: 'invalid-topology', details: url ? `${check.reason} (${url})` : check.reason, url });
  }
}
