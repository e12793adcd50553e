/**
 * Widths of the map's inset labels as the page renders them (its font, the reader's text spacing): measured in a hidden
 * SVG text of the labels' style (`.label-probe`, rendered by the map), and watched through the rendered width of a
 * hidden HTML text of the same style (`.text-probe`): when a font loads or the reader changes the text spacing, the
 * widths are measured again and the map is laid out again (before the frame is painted).
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { estimateTextWidth } from '../../layout/map/labels.js';

export class LabelWidthController implements ReactiveController {
  /** Rendered width of the sample text (0 until measured): part of the layout's key; widths are measured from then. */
  version = 0;

  private readonly _host: ReactiveElement;
  /** Widths of inset labels as rendered, by text (cleared when the text rendering changes). */
  private readonly _widths = new Map<string, number>();
  private _observer?: ResizeObserver;
  private _observed?: Element;

  constructor(host: ReactiveElement) {
    this._host = host;
    host.addController(this);
  }

  /** Width in px of an inset label as the page renders it (an estimate until the map is rendered). */
  width = (text: string): number => {
    let w = this._widths.get(text);
    if (w === undefined) {
      const probe = this._host.renderRoot.querySelector<SVGTextElement>('.label-probe');
      if (!probe) return estimateTextWidth(text);
      probe.textContent = text;
      // The box of the rendered text: getComputedTextLength() leaves out letter and word spacing in WebKit.
      w = probe.getBBox().width;
      this._widths.set(text, w);
    }
    return w;
  };

  /** Watches the sample text once it is rendered (the map is drawn). */
  hostUpdated(): void {
    const probe = this._host.renderRoot.querySelector('.text-probe');
    if (!probe || probe === this._observed) return;
    const check = () => {
      const w = Math.round((this._observed?.getBoundingClientRect().width ?? 0) * 100) / 100;
      if (w && w !== this.version) {
        this._widths.clear();
        this.version = w;
        this._host.requestUpdate();
      }
    };
    if (this._observed) this._observer?.unobserve(this._observed);
    this._observed = probe;
    // The first time, once this update is complete (a microtask later, before the frame is painted: a new update from
    // the update itself would be one more of Lit's « change-in-update »); later changes on the next frame (an update
    // inside the observer's callback would resize what other observers watch within the same delivery).
    if (!this.version) void this._host.updateComplete.then(check);
    this._observer ??= new ResizeObserver(() => requestAnimationFrame(check));
    this._observer.observe(probe);
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observed = undefined;
  }
}
