/**
 * Light-DOM fallback content (issue 16 §3): what a webmaster puts inside a widget's tag, for readers whose browser
 * does not run the script, or when the widget cannot show its data.
 *
 * ```html
 * <relance-funding-donut src="/fichiers/laureats.csv">
 *   <table>…the figures…</table>                      ← fallback
 *   <p slot="description">Les associations…</p>       ← description
 * </relance-funding-donut>
 * ```
 *
 * - Before the script runs (or when it does not run, or fails to load), the browser shows the children of an unknown
 *   tag as they are: the table and the paragraph are read and seen.
 * - Once the widget renders, its shadow root replaces them. The fallback (any child without a `slot`) shows again only
 *   when the widget has no data to show (an error, or no data at all): the figures stay readable. Otherwise it is
 *   neither seen nor read: the widget's own data table says the same.
 * - A child with `slot="description"` adds something the figures do not say (a comment, a context): it is kept for
 *   screen readers (visually hidden) once the widget renders.
 *
 * The key figures, the donut and the map call {@link renderFallback} after their notices. The list has its own
 * fallback slot, shown until its data is rendered (also while it loads), and no description slot. The
 * `<script type="application/json">` data child is in the default slot too, and stays hidden (browsers never display a
 * script).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DataState } from '../base/data-source.js';

/** The fallback slot (shown when there is no data to show) and the description slot (for screen readers). */
export function renderFallback(status: DataState['status']): TemplateResult {
  return html`${status === 'error' || status === 'empty' ? html`<div class="fallback" part="fallback"><slot></slot></div>` : nothing}<div class="sr-only"><slot name="description"></slot></div>`;
}
