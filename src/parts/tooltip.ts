/**
 * The tooltip box of a chart's item (a slice of the donut, a territory of the map), as {@link TooltipController}
 * shows and places it and `tooltipStyles` draw it: the item's name, a line saying its share or class, then its values.
 * Hidden from assistive technologies: the item's accessible name says the same.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { TooltipController } from '../controllers/tooltip.js';

/**
 * The tooltip of an item: `title`, then `sub` (a paragraph of class `subClass`, if given), then one paragraph per line.
 * With `hold`, the tooltip stays while the pointer is over it (the donut's; the map's lets the pointer through).
 */
export function chartTooltip(
  title: string,
  sub: string,
  lines: readonly string[],
  subClass?: string,
  hold?: Pick<TooltipController<unknown>, 'keep' | 'leave'>,
): TemplateResult {
  return html`<div class="tooltip" part="tooltip" aria-hidden="true" @pointerenter=${hold?.keep} @pointerleave=${hold?.leave}>
    <strong>${title}</strong>
    <p class=${subClass ?? nothing}>${sub}</p>
    ${lines.map((l) => html`<p>${l}</p>`)}
  </div>`;
}
