/**
 * Roving focus for a composite widget (ARIA listbox of the donut's slices, of the map's territories): one tab stop,
 * the arrow keys move the focus from item to item, Home and End to the first and last, Enter or Space activate the
 * focused item, Escape closes the item's tooltip then is handed to the widget. Written after Spectrum's
 * FocusGroupController: the controller listens to the keys and the focus over the host's shadow root, and the focus
 * moves in the key's handler (the items are all rendered), so that nothing is left to do after the next render. With
 * a {@link TooltipController} of the same items, the tooltip follows the focus.
 *
 * The host renders `tabindex=${item === roving.tabStop(preferred) ? 0 : -1}` on each item and draws a focus ring on
 * `roving.current` while `roving.visible`. Items are keys (`K`), never elements.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import type { TooltipController } from './tooltip.js';

export type Direction = 'up' | 'down' | 'left' | 'right';

export interface RovingFocusOptions<K> {
  /** The items that take the focus, in order (Home: the first, End: the last). */
  items(): readonly K[];
  /** The item an element of the shadow tree stands for (e.g. read from a data attribute), or undefined. */
  itemOf(target: EventTarget | null): K | undefined;
  /** The element that takes the focus for an item. */
  elementOf(item: K): HTMLElement | SVGElement | null | undefined;
  /**
   * The item an arrow key goes to from `from` (a neighbour graph), or undefined to stay. Default: a linear order, the
   * next item for → and ↓, the previous for ← and ↑, round the ends.
   */
  next?(from: K, direction: Direction, items: readonly K[]): K | undefined;
  /** Enter or Space on an item (its tooltip shown): e.g. select it. */
  onActivate(item: K): void;
  /** Escape on an item whose tooltip is closed (the key's default is prevented): e.g. clear the selection. */
  onEscape(): void;
  /** The items' tooltip: shown for the focused item, hidden a moment after the focus leaves, closed by Escape first. */
  tooltip?: TooltipController<K>;
}

/** The next item in a linear order: → and ↓ forwards, ← and ↑ backwards, round the ends. */
export function linearNext<K>(from: K, direction: Direction, items: readonly K[]): K | undefined {
  const n = items.length;
  const i = Math.max(0, items.indexOf(from));
  return items[(i + (direction === 'right' || direction === 'down' ? 1 : n - 1)) % n];
}

export class RovingFocusController<K> implements ReactiveController {
  /** The item that has, or last had, the focus (also set by the host, e.g. to the item a click selected). */
  current?: K;
  /** The focus is on an item and visible (`:focus-visible`: keyboard focus): the host draws its focus ring. */
  visible = false;

  private readonly _host: ReactiveElement;
  private readonly _options: RovingFocusOptions<K>;

  constructor(host: ReactiveElement, options: RovingFocusOptions<K>) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this._host.renderRoot;
    root.addEventListener('keydown', this._onKeyDown as EventListener);
    root.addEventListener('focusin', this._onFocusIn as EventListener);
    root.addEventListener('focusout', this._onFocusOut);
  }

  hostDisconnected(): void {
    const root = this._host.renderRoot;
    root.removeEventListener('keydown', this._onKeyDown as EventListener);
    root.removeEventListener('focusin', this._onFocusIn as EventListener);
    root.removeEventListener('focusout', this._onFocusOut);
  }

  /** The tab stop: the current item while it is an item, else `preferred` (e.g. the selection) if it is one, else the first. */
  tabStop(preferred?: K): K | undefined {
    const items = this._options.items();
    return [this.current, preferred].find((item) => items.includes(item!)) ?? items[0];
  }

  private _onKeyDown = (e: KeyboardEvent): void => {
    const o = this._options;
    const from = o.itemOf(e.target);
    if (from === undefined) return;
    const items = o.items();
    // ArrowUp → up, ArrowDown → down, ArrowLeft → left, ArrowRight → right.
    const direction = /^Arrow(Up|Down|Left|Right)$/.test(e.key)
      ? (e.key.slice(5).toLowerCase() as Direction)
      : undefined;
    let to: K | undefined;
    if (direction) to = (o.next ?? linearNext)(from, direction, items);
    else if (e.key === 'Home') to = items[0];
    else if (e.key === 'End') to = items[items.length - 1];
    else if (e.key === 'Enter' || e.key === ' ' || e.key === 'Escape') {
      e.preventDefault();
      const tooltip = o.tooltip;
      if (e.key !== 'Escape') {
        tooltip?.show(from);
        o.onActivate(from);
      } else if (tooltip?.item !== undefined) tooltip.show(undefined);
      else o.onEscape();
      return;
    } else return;
    e.preventDefault();
    if (to === undefined) return;
    this.current = to;
    this._host.requestUpdate();
    // The item's focus listener (_onFocusIn) does the rest, before the next render.
    o.elementOf(to)?.focus();
  };

  private _onFocusIn = (e: FocusEvent): void => {
    const item = this._options.itemOf(e.target);
    if (item === undefined) return;
    this.current = item;
    this.visible = (e.target as Element).matches(':focus-visible');
    this._options.tooltip?.show(item);
    this._host.requestUpdate();
  };

  private _onFocusOut = (e: Event): void => {
    if (this._options.itemOf(e.target) === undefined) return;
    this.visible = false;
    this._options.tooltip?.scheduleHide();
    this._host.requestUpdate();
  };
}
