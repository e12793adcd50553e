/** The source line under a widget: the dataset's title and producer (linked), its date, the fictitious-data note. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';
import type { DatasetMeta } from '../model/types.js';

/** A link the page may open: http(s), or a path on the page's own site; nothing else (no `javascript:`). */
export function safeSourceUrl(url: string | undefined): string | undefined {
  return url && /^(https?:|\/|\.{0,2}\/|[^:]*$)/i.test(url) ? url : undefined;
}

/** `sourced`: the source line is shown (data there, and this widget shows its group's footer); `extra`: the widget's own notes. */
export function renderFooter(
  meta: DatasetMeta,
  t: Messages,
  sourced: boolean,
  extra?: TemplateResult,
): TemplateResult | typeof nothing {
  const safeUrl = safeSourceUrl(meta.sourceUrl);
  const name = [meta.title, meta.source].filter(Boolean).join(', ') || safeUrl;
  if (!sourced && !extra) return nothing;
  return html`<div class="footer" part="footer">
    ${
      sourced && name
        ? html`<p>
          ${t.source}
          ${safeUrl ? html`<a href=${safeUrl} rel="noopener" target="_blank" title=${t.newWindow(name)}>${name}</a>` : name}
        </p>`
        : nothing
    }
    ${sourced && meta.updated ? html`<p>${t.updated(meta.updated)}</p>` : nothing}
    ${sourced && meta.fictitious ? html`<p>${t.fictitiousDetail}</p>` : nothing}
    ${extra ?? nothing}
  </div>`;
}
