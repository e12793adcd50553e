/**
 * The data table of a chart (the donut, the map), shown and hidden by a button: the button, and the region that holds
 * the table. The region is always there (the button's `aria-controls` names it); the table inside is rendered only
 * when asked for (`table`), as rendering a hidden table would delay the chart's first paint.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Messages } from '../i18n/messages.js';

const chevron = html`<svg class="chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M12 15.6 5.6 9.2 7 7.8l5 5 5-5 1.4 1.4z"/></svg>`;

/** « Afficher le tableau de données » / « Masquer … », for the region `tableId`. */
export function tableToggle(open: boolean, tableId: string, t: Messages, toggle: () => void): TemplateResult {
  return html`<button
    class="btn btn--sm btn--tertiary"
    type="button"
    part="table-toggle"
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls=${tableId}
    @click=${toggle}
  >
    ${open ? t.hideTable : t.showTable} ${chevron}
  </button>`;
}

/**
 * Under a chart: the button that shows its table (`open`: shown; `toggle`: pressed) and the downloads menu
 * (`downloads`, from `renderDownloads`), hidden with `hideActions` (the map without its geometry, whose table is then
 * always shown); the table's region (`id`, named `label`) holding `table` (`nothing` while it need not be rendered);
 * while the table is shown, `hint` under it (`renderTableHint`: shown when the table scrolls sideways).
 */
export function chartTable(
  t: Messages,
  open: boolean,
  id: string,
  label: string,
  table: TemplateResult | typeof nothing,
  downloads: TemplateResult,
  toggle: () => void,
  hint: TemplateResult,
  hideActions = false,
): TemplateResult {
  return html`<div class="actions" ?hidden=${hideActions}>
        ${tableToggle(open, id, t, toggle)}
        ${downloads}
      </div>
      <div class="table-wrap" id=${id} role="region" aria-label=${label} ?hidden=${!open}>${table}</div>
      ${open ? hint : nothing}`;
}
