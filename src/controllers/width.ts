/**
 * Tracks the content width of an element (the host itself, or an element of its shadow root found by a selector
 * after each render) with one ResizeObserver, and asks for an update only when the rounded width changed and the
 * host's callback says the change matters (e.g. the list re-renders only when its layout would change).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface WidthOptions {
  /** What to observe: a selector in the host's shadow root, or `:host` (the default) for the host element. */
  target?: string;
  /** Decides whether a new width needs an update (default: always). */
  shouldUpdate?: (width: number, previous: number) => boolean;
}

export class WidthController implements ReactiveController {
  /** Content width in px (0 until measured). */
  width = 0;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly selector: string;
  private readonly shouldUpdate: (width: number, previous: number) => boolean;
  private observer?: ResizeObserver;
  private target?: Element;
  private frame = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, options: WidthOptions | string = {}) {
    const o = typeof options === 'string' ? { target: options } : options;
    this.host = host;
    this.selector = o.target ?? ':host';
    this.shouldUpdate = o.shouldUpdate ?? (() => true);
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      const width = entry ? Math.round(entry.contentRect.width) : 0;
      if (width <= 0 || width === this.width) return;
      const previous = this.width;
      this.width = width;
      if (!this.shouldUpdate(width, previous)) return;
      // Re-render in the next frame, not inside the observer's delivery (no « ResizeObserver loop » error).
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.host.requestUpdate());
    });
    if (this.selector === ':host') this.target = this.host;
    if (this.target) this.observer.observe(this.target);
  }

  hostUpdated(): void {
    if (this.selector === ':host') return;
    const target = this.host.shadowRoot?.querySelector(this.selector) ?? undefined;
    if (target === this.target) return;
    if (this.target) this.observer?.unobserve(this.target);
    this.target = target;
    if (target) this.observer?.observe(target);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
  }
}
