/**
 * Tracks the content width of an element of the host's shadow root (found by a selector after each
 * render) and asks for an update only when the rounded width changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class WidthController implements ReactiveController {
  /** Content width in px (0 until measured). */
  width = 0;
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly selector: string;
  private observer?: ResizeObserver;
  private target?: Element;
  private frame = 0;

  constructor(host: ReactiveControllerHost & HTMLElement, selector: string) {
    this.host = host;
    this.selector = selector;
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      const width = entry ? Math.round(entry.contentRect.width) : 0;
      if (width > 0 && width !== this.width) {
        // Re-render in the next frame, not inside the observer's delivery (no « ResizeObserver loop » error).
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => {
          this.width = width;
          this.host.requestUpdate();
        });
      }
    });
    if (this.target) this.observer.observe(this.target);
  }

  hostUpdated(): void {
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
