/**
 * The map's layout at the width it has, kept while its inputs stay the same: the width of the map's body (observed, or
 * read once before the observer reports), the map's width and whether the legend goes beside it, the layout of the
 * geometry (src/layout/map-layout.ts: pixel paths, insets, inset labels wrapped from their rendered widths), the
 * proportional symbols of the model on it, its keyboard graph (computed on the first arrow key), where a territory's
 * tooltip goes on screen; also the height the map will take at a width, reserved while its data loads, and the size
 * of the box that waits for the geometry.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Direction } from '../../controllers/roving-focus.js';
import { WidthController } from '../../controllers/width.js';
import type { MapEngine } from '../../controllers/geometry.js';
import type { MapGeometry, MapLayout, MapLayoutOptions, MapLevel, MapNeighbours } from '../../layout/map-layout.js';
import type { SymbolCircle } from '../../layout/map/symbols.js';
import { symbolCircles } from '../../layout/map/symbols.js';
import type { LabelWidthController } from './label-widths.js';
import type { TooltipAnchor } from '../../layout/tooltip-layout.js';
import type { TerritoryModel } from './territory-map.model.js';
import { same, tipAnchor } from './territory-map.model.js';

/** Width of the legend beside the map, and from which body width it goes there. */
const SIDE_LEGEND = 288;
const SIDE_BREAKPOINT = 900;
const MAX_MAP_WIDTH = 800;

/** The map and its insets, with the legend beside it from 900 px, below it under (measured on the demo data). */
export function estimateMapHeight(width: number, level: MapLevel): number {
  if (width >= SIDE_BREAKPOINT) return Math.round(0.76 * Math.min(MAX_MAP_WIDTH, width - SIDE_LEGEND - 32)) + 32;
  return 800 + (level === 'departement' && width < 700 ? 100 : 0);
}

/** The map's layout, symbols and keyboard graph at its width (see the module's description). */
export class MapView {
  /** The layout in use, once the geometry is ready and could be laid out. */
  layout?: MapLayout;
  /** The proportional symbols: area ∝ value, the largest radius scaled to the layout. */
  circles: SymbolCircle[] = [];
  /** Width of the map in px. */
  mapWidth = 0;
  /** The legend goes beside the map. */
  side = false;

  private readonly _host: ReactiveControllerHost & HTMLElement;
  private readonly _size: WidthController;
  /** Width read once before the ResizeObserver reports (it then takes over). */
  private _measured = 0;
  private _key: unknown[] = [];
  private _circlesKey: unknown[] = [];
  /** The geometry code that made the layout. */
  private _engine?: MapEngine;
  /** Keyboard graph of the layout, computed on the first arrow key. */
  private _nav?: (MapNeighbours | undefined)[];

  /** Adds to `host` the observer of its map's body (`.body`). */
  constructor(host: ReactiveControllerHost & HTMLElement) {
    this._host = host;
    this._size = new WidthController(host, '.body');
  }

  /**
   * Lays the map out again when the geometry (with the code that lays it out; undefined: not ready), the level, the
   * width, the région shown alone (`focus`), the Paris inset's label or the text rendering (`labels`) changed; `fail`
   * says why the geometry could not be laid out. Then places the symbols of `model` again when it or the layout changed.
   */
  update(
    ready: { geometry: MapGeometry; engine: MapEngine } | undefined,
    level: MapLevel,
    focus: string | undefined,
    parisLabel: string,
    labels: LabelWidthController,
    model: TerritoryModel | undefined,
    fail: (details: string) => void,
  ): void {
    // Geometry + width → layout (cached projected arcs: only a scale at a new width).
    const width = this._size.width || (this._measured ||= this._measureWidth()) || 640;
    this.side = width >= SIDE_BREAKPOINT;
    this.mapWidth = Math.max(200, Math.min(MAX_MAP_WIDTH, this.side ? width - SIDE_LEGEND - 32 : width));
    const key = [ready?.geometry, level, this.mapWidth, focus, parisLabel, labels.version];
    if (!same(key, this._key)) {
      this._key = key;
      this.layout = undefined;
      this._nav = undefined;
      if (ready) {
        this._engine = ready.engine;
        try {
          const options: MapLayoutOptions = { parisLabel };
          if (focus) options.focus = focus;
          // Inset labels wrapped from their measured widths, once the page has rendered text.
          if (labels.version) options.textWidth = labels.width;
          this.layout = ready.engine.layoutMap(ready.geometry, level, this.mapWidth, options);
        } catch (e) {
          fail(e instanceof Error ? e.message : String(e));
        }
      }
    }

    // Symbols: area ∝ value, the largest radius scaled to the layout.
    const layout = this.layout;
    const circlesKey = [layout, model];
    if (!same(circlesKey, this._circlesKey)) {
      this._circlesKey = circlesKey;
      this.circles =
        layout && model?.symbols
          ? symbolCircles(layout, (code) => model.byCode.get(code)?.symbol, model.symbolMax)
          : [];
    }
  }

  /** The focusable features, by index: all but the Paris zoom copies, which mirror their mainland shape. */
  focusable(): number[] {
    return this.layout?.features.flatMap((f, i) => (f.group === 'paris' ? [] : [i])) ?? [];
  }

  /** Index of the focusable feature of a territory, or -1. */
  indexOf(code: string | undefined): number {
    return this.layout?.features.findIndex((f) => f.code === code && f.group !== 'paris') ?? -1;
  }

  /** The feature an arrow key goes to from feature `i`: the neighbouring territory in that direction, if any. */
  next(i: number, direction: Direction): number | undefined {
    const j = (this._nav ??= this._engine!.keyboardNeighbours(this.layout!))[i]?.[direction] ?? -1;
    return j < 0 ? undefined : j;
  }

  /** Where the tooltip of feature `i` goes, in the viewport: from the map's SVG (`svg.chart`) as rendered in `root`. */
  anchor(i: number | undefined, root: ParentNode): TooltipAnchor | undefined {
    const layout = this.layout;
    const f = layout?.features[i ?? -1];
    const chart = root.querySelector('svg.chart');
    if (!chart || !layout || !f) return undefined;
    const box = chart.getBoundingClientRect();
    return tipAnchor(f, box, box.width / layout.width);
  }

  /** Sizes the box that waits for the geometry (or says why it failed: `failed`) through the CSSOM, as the map. */
  sizePlaceholder(root: ParentNode, failed: boolean): void {
    const box = root.querySelector<HTMLElement>('.placeholder');
    if (box) {
      box.style.width = `${this.mapWidth}px`;
      box.style.minHeight = `${Math.round(this.mapWidth * (failed ? 0.3 : 0.9))}px`;
    }
  }

  private _measureWidth(): number {
    const host = this._host;
    const w = host.clientWidth;
    if (!w) return 0;
    const cs = getComputedStyle(host);
    return Math.round(w - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight));
  }
}
