/**
 * The map's geometry as state: `loading`, `ready` (a TopoJSON topology or a projected geometry, checked for the level)
 * or `error`. The geometry is a URL (loaded once per page, see src/components/territory-map/geometry.ts) or an object;
 * without one, the package's file of the level. The host asks for it with {@link GeometryController.sync} (from its
 * `connectedCallback` and `willUpdate`: nothing happens while the source and the level stay the same) and is updated
 * when an answer comes; an answer to an older request (another URL or level since) is ignored.
 *
 * The code that checks and lays out a geometry (src/layout/map/map-engine.ts) is imported with the first geometry, in
 * parallel with its request, once per page: until it is there the state is `loading` (then `ready` with
 * {@link GeometryController.engine}), and if it cannot be loaded the state is `error` (`network`), as for the file;
 * « Réessayer » ({@link GeometryController.reload}) imports it again.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GeometryErrorDetail } from '../components/territory-map/geometry.js';
import { fetchGeometry, GeometryError, loadedGeometry } from '../components/territory-map/geometry.js';
import { defaultGeometryUrl } from '../geo-url.js';
import type { MapGeometry, MapLevel } from '../layout/map-layout.js';
import type * as Engine from '../layout/map/map-engine.js';
import { isRecord } from '../model/values.js';

/** The map's geometry code (src/layout/map/map-engine.ts). */
export type MapEngine = typeof Engine;

/** State of the geometry. */
export type GeoState =
  { status: 'loading' } | { status: 'ready'; geometry: MapGeometry } | { status: 'error'; error: GeometryErrorDetail };

/** The geometry code once imported, and its import (a failed one is kept until « Réessayer »: see `reload`). */
let engine: MapEngine | undefined;
let engineImport: Promise<MapEngine> | undefined;

/** Imports the map's geometry code once per page. */
function mapEngine(): Promise<MapEngine> {
  return (engineImport ??= import('../layout/map/map-engine.js').then((m) => (engine = m)));
}

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

  /** The map's geometry code, once imported: always there when the state is `ready`. */
  get engine(): MapEngine | undefined {
    return engine;
  }

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
    // The code that draws the geometry comes with it: imported alongside the file's request.
    if (!engine) mapEngine().catch(() => {});
    if (typeof source !== 'string') return this._use(source, level, request);
    const url = source;
    const cached = loadedGeometry(url);
    if (cached !== undefined) return this._use(cached, level, request, url);
    this.state = { status: 'loading' };
    this._answer(
      fetchGeometry(url, this._options.timeout()),
      request,
      (value) => this._use(value, level, request, url),
      (e) => this.fail(e instanceof GeometryError ? e.detail : { code: 'network', details: String(e), url }),
    );
  }

  /**
   * Loads the geometry again (after an error): forgets the last request, and the geometry code's import if it failed,
   * and updates the host, which asks again.
   */
  reload(): void {
    this._source = this._level = undefined;
    if (!engine) engineImport = undefined;
    this._host.requestUpdate();
  }

  /** The geometry cannot be used (e.g. the layout refused it): `error`, reported by the host. */
  fail(detail: GeometryErrorDetail): void {
    const error: GeometryErrorDetail = { ...detail, message: this._options.message(detail) };
    this.state = { status: 'error', error };
    this._options.onError(error);
  }

  /** Checks the geometry `value` of request `request` with the geometry code, once it is imported. */
  private _use(value: unknown, level: MapLevel, request: number, url?: string): void {
    if (engine) return this._check(engine, value, level, url);
    this.state = { status: 'loading' };
    this._answer(
      mapEngine(),
      request,
      (code) => this._check(code, value, level, url),
      (e) => this.fail({ code: 'network', details: `The map's code could not be loaded: ${String(e)}`, url }),
    );
  }

  /** Handles what `promise` gives for request `request` (ignored once a newer request was made), then updates the host. */
  private _answer<T>(
    promise: Promise<T>,
    request: number,
    then: (value: T) => void,
    failed: (e: unknown) => void,
  ): void {
    promise.then(
      (value) => {
        if (request !== this._request) return;
        then(value);
        this._host.requestUpdate();
      },
      (e: unknown) => {
        if (request !== this._request) return;
        failed(e);
        this._host.requestUpdate();
      },
    );
  }

  private _check(code: MapEngine, value: unknown, level: MapLevel, url?: string): void {
    const check = code.validateGeometry(value, level);
    if (check.ok) this.state = { status: 'ready', geometry: check.geometry };
    else this.fail({ code: 'invalid-topology', details: url ? `${check.reason} (${url})` : check.reason, url });
  }
}
