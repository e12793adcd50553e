/**
 * The tooltip of a chart's items (the donut's slices, the map's territories), written once: shown on hover (mouse or
 * pen; a tap shows it through the click), on keyboard focus (with {@link RovingFocusController}) and on a click; hidden
 * a moment after the pointer leaves (it comes back to the focused item, if any), at once with Escape wherever the focus
 * is (WCAG 1.4.13: dismissible without moving the pointer); placed next to its item, inside the viewport, through the
 * CSSOM (no style attribute: pages with a strict CSP block them).
 *
 * The host binds `over` and `out` to the pointer events of its items or of their container (they find the items with
 * `itemOf`), renders the tooltip of `tooltip.item` (a `.tooltip` box; `keep` and `leave` on
 * its pointer events keep it while the pointer is over it) and calls {@link TooltipController.place} after each
 * render. Items are keys (`K`), never elements.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import type { TooltipAnchor } from '../layout/tooltip-layout.js';
import { placeTooltip } from '../layout/tooltip-layout.js';

/**
 * Distance in px between the tooltip and what it describes, for both charts (they had drifted: 6 px on the map, 12 px
 * on the donut). 8 px: on the map, whose anchor is the territory's box, it clears the focus ring's halo (8 px wide,
 * 4 px outside the shape) by as much again; on the donut, whose anchor is the middle of the slice, the tooltip stays
 * above the pointer; and it is DSFR's spacing step (2v).
 */
export const TOOLTIP_GAP = 8;

/** Time the tooltip stays after the pointer or the focus left its item, in ms. */
const HIDE_DELAY = 250;

/**
 * Positions a rendered tooltip (absolutely positioned in its offset parent) next to `anchor` (viewport coordinates),
 * {@link TOOLTIP_GAP} away from it, inside the viewport, through the CSSOM. Adds the class `below` when it goes under the anchor.
 */
export function placeTip(tip: HTMLElement, anchor: TooltipAnchor): void {
  const parent = (tip.offsetParent ?? tip.parentElement)?.getBoundingClientRect();
  if (!parent) return;
  const root = document.documentElement;
  const viewport = { width: root.clientWidth || innerWidth, height: innerHeight };
  // Twice at most: near the right edge of its container, a tooltip moved left may wrap its text and change height.
  for (let pass = 0; pass < 2; pass++) {
    const size = { width: tip.offsetWidth, height: tip.offsetHeight };
    const p = placeTooltip(anchor, size, viewport, TOOLTIP_GAP);
    tip.style.left = `${p.left - parent.left}px`;
    tip.style.top = `${p.top - parent.top}px`;
    tip.classList.toggle('below', p.below);
    if (tip.offsetWidth === size.width && tip.offsetHeight === size.height) break;
  }
}

export class TooltipController<K> implements ReactiveController {
  /** The item the tooltip describes; undefined: no tooltip. Set it directly in `willUpdate` (no other update). */
  item?: K;
  /** The item under the pointer (mouse or pen), if any. */
  hovered?: K;

  private readonly _host: ReactiveElement;
  private readonly _itemOf: (target: EventTarget | null) => K | undefined;
  private _timer?: ReturnType<typeof setTimeout>;

  /** `itemOf`: the item an element of the shadow tree draws (e.g. from a data attribute), or undefined. */
  constructor(host: ReactiveElement, itemOf: (target: EventTarget | null) => K | undefined) {
    this._host = host;
    this._itemOf = itemOf;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this._onDocumentKey);
  }

  hostDisconnected(): void {
    clearTimeout(this._timer);
    document.removeEventListener('keydown', this._onDocumentKey);
  }

  /** Shows the tooltip of `item` (focus, click), or hides it (`undefined`). */
  show(item: K | undefined): void {
    clearTimeout(this._timer);
    this.item = item;
    this._host.requestUpdate();
  }

  /** Hides the tooltip in a moment, unless the pointer is over an item then; it goes back to the focused item. */
  scheduleHide = (): void => {
    clearTimeout(this._timer);
    this._timer = setTimeout(() => {
      if (this.hovered === undefined) this.show(this._itemOf(this._host.shadowRoot?.activeElement ?? null));
    }, HIDE_DELAY);
  };

  /** Places the rendered tooltip (`.tooltip` of the shadow tree) next to `anchor` (viewport coordinates); call after render. */
  place(anchor: () => TooltipAnchor | undefined): void {
    const tip = this._host.renderRoot.querySelector<HTMLElement>('.tooltip');
    const at = tip && anchor();
    if (tip && at) placeTip(tip, at);
  }

  /** The pointer left an item (or the tooltip). */
  leave = (): void => {
    if (this.hovered !== undefined) {
      this.hovered = undefined;
      this._host.requestUpdate();
    }
    this.scheduleHide();
  };

  /**
   * `pointerover` on a container of items, or `pointerenter` on an item: the tooltip of the item under the pointer,
   * unless it is a touch (a tap shows it through the click).
   */
  over = (e: PointerEvent): void => {
    const item = this._itemOf(e.target);
    if (item === undefined || e.pointerType === 'touch') return;
    this.hovered = item;
    this.show(item);
  };

  /** `pointerout` on a container of items, or `pointerleave` on an item: {@link leave} when the pointer goes elsewhere. */
  out = (e: PointerEvent): void => {
    if (this._itemOf(e.target) !== undefined && this._itemOf(e.relatedTarget) === undefined) this.leave();
  };

  /** The pointer is over the tooltip: it stays. */
  keep = (): void => clearTimeout(this._timer);

  /**
   * Escape closes the tooltip wherever the focus is (WCAG 1.4.13: a tooltip shown on hover can be dismissed without
   * moving the pointer); it stays closed until the pointer comes to another item. Left to the item's own handler when
   * it took the key (default prevented).
   */
  private _onDocumentKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape' || e.defaultPrevented || this.item === undefined) return;
    this.hovered = undefined;
    this.show(undefined);
  };
}
