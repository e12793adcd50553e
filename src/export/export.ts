/**
 * The downloads menu of a chart (issue 16 §3): « Télécharger » (a `<details>`) next to the data-table button of the
 * donut and the map, with three buttons: the picture as SVG or PNG, the figures as CSV. The files are made by
 * ./downloads.ts, imported on the first click (the list keeps its own CSV export).
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { Lang } from '../i18n/format.js';
import { messages } from '../i18n/messages.js';

/** What the menu needs of a widget. */
export interface ExportHost extends HTMLElement {
  caption?: string;
  readonly resolvedLang: Lang;
}

/**
 * Makes and saves the file (`svg`, `png` or `csv`). When ./downloads.ts cannot be loaded (network) or the file cannot
 * be made, the menu says so in a sentence under its buttons (text only), and the console has the details.
 */
function download(
  host: ExportHost,
  kind: 'svg' | 'png' | 'csv',
  table: () => (string | number | undefined)[][],
  menu: HTMLElement | null,
): void {
  const failed = (what: string, e: unknown): void => {
    console.error(`<${host.localName}>: ${what}`, e);
    if (!menu || menu.querySelector('.downloads-failed')) return;
    const p = document.createElement('p');
    p.className = 'downloads-failed';
    p.setAttribute('role', 'alert');
    p.textContent = messages(host.resolvedLang).downloads.failed;
    menu.append(p);
  };
  import('./downloads.js').then(
    (m) => {
      menu?.querySelector('.downloads-failed')?.remove();
      try {
        m.download(host, kind, table);
      } catch (e) {
        failed(`the ${kind} file could not be made`, e);
      }
    },
    (e: unknown) => failed('the downloads could not be loaded', e),
  );
}

/** The menu: « Télécharger » and its three buttons. */
export function renderDownloads(host: ExportHost, table: () => (string | number | undefined)[][]): TemplateResult {
  const t = messages(host.resolvedLang).downloads;
  const item = (kind: 'svg' | 'png' | 'csv', label: string): TemplateResult =>
    html`<button class="btn btn--sm btn--tertiary" type="button" part="download-${kind}" @click=${(e: Event) => download(host, kind, table, (e.currentTarget as HTMLElement).closest('details'))}>${label}</button>`;
  return html`<details class="downloads" part="downloads"><summary class="btn btn--sm btn--tertiary">${t.menu}</summary> ${item('svg', t.svg)} ${item('png', t.png)} ${item('csv', t.csv)}</details>`;
}
