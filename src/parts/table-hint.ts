/**
 * A data table wider than its container (a phone) scrolls inside its `.table-wrap`, never clipped: the region is then
 * focusable (keyboard users scroll it with the arrow keys) and the hint under it says so.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';

/** The hint under a data table that scrolls sideways (hidden until {@link syncTableScroll} shows it). */
export function renderTableHint(text: string): TemplateResult {
  return html`<p class="table-hint" part="table-hint" hidden>${text}</p>`;
}

/** After each render: makes the table's region focusable and shows the hint, when and only when it scrolls. */
export function syncTableScroll(root: ParentNode): void {
  const wrap = root.querySelector<HTMLElement>('.table-wrap');
  if (!wrap || wrap.hidden) return;
  const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
  if (scrolls !== wrap.hasAttribute('tabindex')) wrap.toggleAttribute('tabindex', scrolls);
  if (scrolls) wrap.tabIndex = 0;
  const hint = root.querySelector<HTMLElement>('.table-hint');
  if (hint && hint.hidden === scrolls) hint.hidden = !scrolls;
}
