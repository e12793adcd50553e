/** The widget's caption: a heading of the page when a level (2 to 6) is given, else plain text. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';

export function renderCaption(
  caption: string | undefined,
  headingLevel: number | undefined,
  id: string,
): TemplateResult | typeof nothing {
  if (!caption) return nothing;
  const level = headingLevel && headingLevel >= 2 && headingLevel <= 6 ? headingLevel : undefined;
  return level
    ? html`<div class="caption" id=${id} role="heading" aria-level=${level} part="caption">${caption}</div>`
    : html`<div class="caption" id=${id} part="caption">${caption}</div>`;
}
