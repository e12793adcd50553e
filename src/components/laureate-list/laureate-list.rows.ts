/**
 * The rows of the list: the table (wide containers) or the cards (narrow ones), with the totals of the selection; or,
 * in their place, why there are none.
 * Lit templates of what the component computed (laureate-list.model.ts); every text is a text node (matches of the
 * search in `<mark>`), never HTML.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang } from '../../i18n/format.js';
import { formatCount, formatEuros } from '../../i18n/format.js';
import { statutLabel } from '../../i18n/messages.js';
import type { HighlightSegment } from '../../query/search.js';
import type { ListTotals } from '../../query/totals.js';
import type { ListActions } from './laureate-list.actions.js';
import type { LaureateListColumn, ListMessages, SortDirection } from './laureate-list.messages.js';
import type { ListSortState, RowView } from './laureate-list.model.js';
import { NUMERIC } from './laureate-list.model.js';

const sortIcons: Record<'none' | SortDirection, TemplateResult> = {
  none: html`<svg class="sort__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m11.95 7.95-1.41 1.41L8 6.83V20H6V6.83L3.47 9.36 2.05 7.95 7 3l4.95 4.95Zm10 8.1L17 21l-4.95-4.95 1.41-1.41L16 17.17V4h2v13.17l2.54-2.53 1.41 1.41Z"/></svg>`,
  ascending: html`<svg class="sort__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M13 7.83V20h-2V7.83l-5.36 5.36-1.41-1.41L12 4l7.78 7.78-1.41 1.41L13 7.83Z"/></svg>`,
  descending: html`<svg class="sort__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M13 16.17l5.36-5.36 1.41 1.41L12 20l-7.78-7.78 1.41-1.41L11 16.17V4h2v12.17Z"/></svg>`,
};

/** What the rows show, and the handlers of their buttons. */
export interface RowsContext {
  lm: ListMessages;
  lang: Lang;
  /** Prefix of the ids of the project blocks. */
  uid: string;
  /** The visible columns, in order. */
  columns: readonly LaureateListColumn[];
  view: readonly RowView[];
  totals: ListTotals;
  /** « 12 lauréats ». */
  laureats(count: number): string;
  /** The table's caption (hidden when the widget has its own). */
  tableCaption: string;
  caption?: string;
  headingLevel?: number;
  sort?: ListSortState;
  /** The rows whose project is open, the handlers of the sort buttons, of the projects' disclosures and of the reset. */
  actions: Pick<ListActions, 'openRows' | 'sortBy' | 'toggleRow' | 'reset'>;
}

/**
 * The language of the data's free text (project descriptions: French, as the programme publishes them), marked on
 * them when the interface speaks another (RGAA 8.7); names of people, places and structures are proper names.
 */
function dataLang(lang: Lang): 'fr' | typeof nothing {
  return lang === 'fr' ? nothing : 'fr';
}

/** Highlighted text: matches in `<mark>`, everything as text nodes. */
function marks(segments: readonly HighlightSegment[]): unknown[] {
  return segments.map((s) => (s.match ? html`<mark>${s.text}</mark>` : s.text));
}

/**
 * Where the rows go: the cards or the table; or, in their place, why there are none: the portal serves no page past its
 * 10 000th record, or nothing matches the search and filters (with a button that clears them).
 */
export function renderRows(x: RowsContext, o: { cards: boolean; tooDeep: boolean; count: number }): TemplateResult {
  const lm = x.lm;
  if (o.tooDeep) return html`<div class="empty too-deep" part="empty"><p>${lm.tooDeep}</p></div>`;
  if (o.count === 0)
    return html`<div class="empty no-match" part="empty">
      <p>${lm.noMatch}</p>
      <button class="btn btn--sm" type="button" @click=${x.actions.reset}>${lm.reset}</button>
    </div>`;
  return o.cards ? renderCards(x) : renderTable(x);
}

/** The table layout: sortable column headers, the rows (a project opens under its row), the totals. */
export function renderTable(x: RowsContext): TemplateResult {
  const lm = x.lm;
  const columns = x.columns;
  const disclosure = !columns.includes('projet');
  const sort = x.sort;
  return html`<div class="table-box">
    <table part="table" class=${`cols-${columns.length}`}>
      <caption class=${x.caption ? 'sr-only' : ''}>${x.tableCaption}</caption>
      <thead>
        <tr>
          ${columns.map((c) => {
            const sorted = sort?.column === c ? sort.direction : undefined;
            return html`<th scope="col" class=${NUMERIC.has(c) ? 'num' : ''} aria-sort=${sorted ?? nothing}>
              <button class="sort" part="sort-button" type="button" data-column=${c} @click=${() => x.actions.sortBy(c)}>
                <span>${lm.column[c]}</span>${sortIcons[sorted ?? 'none']}
              </button>
            </th>`;
          })}
        </tr>
      </thead>
      <tbody>
        ${repeat(
          x.view,
          (v) => v.index,
          (v) => {
            const open = x.actions.openRows.has(v.index);
            const detailId = `${x.uid}-p-${v.index}`;
            return html`<tr part="row" class=${open ? 'open' : ''}>
                ${columns.map((c) => renderCell(x, v, c, disclosure, open, detailId))}
              </tr>
              ${
                disclosure && open
                  ? html`<tr class="detail" id=${detailId}>
                    <td colspan=${columns.length}>
                      ${v.row.projet ? html`<p class="project" part="project" lang=${dataLang(x.lang)}>${marks(v.projet)}</p>` : html`<p class="project" part="project">${lm.noProject}</p>`}
                    </td>
                  </tr>`
                  : nothing
              }`;
          },
        )}
      </tbody>
      <tfoot part="totals">
        <tr>
          ${columns.map((c) => {
            if (c === 'nom') return html`<th scope="row">${lm.totalLabel} (${x.laureats(x.totals.count)})</th>`;
            if (c === 'montant') return html`<td class="num">${formatEuros(x.totals.montant, x.lang)}</td>`;
            if (c === 'emplois') return html`<td class="num">${formatCount(x.totals.emplois, x.lang)}</td>`;
            return html`<td></td>`;
          })}
        </tr>
      </tfoot>
    </table>
  </div>`;
}

function renderCell(
  x: RowsContext,
  v: RowView,
  c: LaureateListColumn,
  disclosure: boolean,
  open: boolean,
  detailId: string,
): TemplateResult {
  if (c === 'nom') {
    return html`<th scope="row">
      <span class="name">${marks(v.nom)}</span>
      ${disclosure ? renderDisclosure(x, v, open, detailId) : nothing}
    </th>`;
  }
  return html`<td class=${NUMERIC.has(c) ? 'num' : ''}>${cellContent(x, v, c)}</td>`;
}

function renderDisclosure(
  x: RowsContext,
  v: RowView,
  open: boolean,
  detailId: string,
  details = false,
): TemplateResult {
  const lm = x.lm;
  const label = details ? (open ? lm.hideDetails : lm.showDetails) : open ? lm.hideProject : lm.showProject;
  return html`<button
    class="disclosure"
    part="disclosure"
    type="button"
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls=${open ? detailId : nothing}
    @click=${() => x.actions.toggleRow(v)}
  >
    ${label}<span class="sr-only">${lm.projectOf(v.row.nom)}</span>
  </button>${!open && v.projetMatch ? html`<span class="match-hint">${lm.projectMatches}</span>` : nothing}`;
}

function cellContent(x: RowsContext, v: RowView, c: LaureateListColumn): unknown {
  const r = v.row;
  const lang = x.lang;
  switch (c) {
    case 'statut':
      // The coloured marker is drawn by CSS (::before): one element per row and column matters for large pages.
      return html`<span class="statut m-${r.statut}">${statutLabel(r.statut, lang, 1)}</span>`;
    case 'region':
      return v.region.length ? marks(v.region) : missing(x.lm);
    case 'departement':
      return v.departement.length ? html`${marks(v.departement)} (${r.departement})` : missing(x.lm);
    case 'lieu':
      if (!r.departement && !r.commune) return missing(x.lm);
      return html`${r.departement ? html`${marks(v.departement)} (${r.departement}) ` : nothing}${
        r.commune ? html`<span class="place--commune">${marks(v.commune)}</span>` : nothing
      }`;
    case 'commune':
      return v.commune.length ? marks(v.commune) : missing(x.lm);
    case 'territoire':
      return v.territoire.length ? marks(v.territoire) : missing(x.lm);
    case 'montant':
      return typeof r.montant === 'number' ? formatEuros(r.montant, lang) : missing(x.lm);
    case 'emplois':
      return typeof r.emplois === 'number' ? formatCount(r.emplois, lang) : missing(x.lm);
    case 'projet':
      return v.projet.length
        ? html`<span class="project-cell" lang=${dataLang(x.lang)}>${marks(v.projet)}</span>`
        : missing(x.lm);
    case 'siren':
      return r.siren ?? missing(x.lm);
    default:
      return marks(v.nom);
  }
}

function missing(lm: ListMessages): TemplateResult {
  return html`<span aria-hidden="true">–</span><span class="sr-only">${lm.missing}</span>`;
}

/**
 * Compact cards (narrow containers): the name, then on one line the status, the place and the amount; the other
 * fields and the project on demand (« Détails »), so that a phone screen shows several laureates at once.
 */
export function renderCards(x: RowsContext): TemplateResult {
  const lm = x.lm;
  const columns = x.columns.filter((c) => c !== 'nom');
  const place = columns.includes('lieu') || columns.includes('commune') || columns.includes('departement');
  const level = x.headingLevel && x.headingLevel >= 2 && x.headingLevel <= 5 ? x.headingLevel + 1 : undefined;
  const lang = x.lang;
  return html`<p class="sr-only">${x.tableCaption}</p>
    <ul class="cards" part="cards">
      ${repeat(
        x.view,
        (v) => v.index,
        (v) => {
          const r = v.row;
          const open = x.actions.openRows.has(v.index);
          const detailId = `${x.uid}-p-${v.index}`;
          const where = r.commune ? marks(v.commune) : r.departement ? marks(v.departement) : nothing;
          return html`<li class="card ${open ? 'open' : ''}" part="card row">
            ${
              level
                ? html`<p class="card__title" role="heading" aria-level=${level}>${marks(v.nom)}</p>`
                : html`<p class="card__title">${marks(v.nom)}</p>`
            }
            <p class="card__summary">
              ${columns.includes('statut') ? html`<span class="statut m-${r.statut}">${statutLabel(r.statut, lang, 1)}</span>` : nothing}
              ${place && where !== nothing ? html`<span class="card__place">${where}${r.departement ? ` (${r.departement})` : ''}</span>` : nothing}
              ${
                columns.includes('montant') && typeof r.montant === 'number'
                  ? html`<span class="card__amount">${formatEuros(r.montant, lang)}</span>`
                  : nothing
              }
            </p>
            ${renderDisclosure(x, v, open, detailId, true)}
            ${
              open
                ? html`<div class="card__details" id=${detailId}>
                  <dl class="card__fields">
                    ${columns.map(
                      (c) => html`<div class="card__field card__field--${c}">
                        <dt>${lm.column[c]}</dt>
                        <dd class=${NUMERIC.has(c) ? 'num' : ''}>${cellContent(x, v, c)}</dd>
                      </div>`,
                    )}
                  </dl>
                  ${
                    columns.includes('projet')
                      ? nothing
                      : html`<div class="card__project">
                        ${r.projet ? html`<p class="project" part="project" lang=${dataLang(x.lang)}>${marks(v.projet)}</p>` : html`<p class="project" part="project">${lm.noProject}</p>`}
                      </div>`
                  }
                </div>`
                : nothing
            }
          </li>`;
        },
      )}
    </ul>
    <dl class="totals" part="totals">
      <div><dt>${lm.totalLabel}</dt><dd>${x.laureats(x.totals.count)}</dd></div>
      <div><dt>${lm.column.montant}</dt><dd>${formatEuros(x.totals.montant, lang)}</dd></div>
      <div><dt>${lm.column.emplois}</dt><dd>${formatCount(x.totals.emplois, lang)}</dd></div>
    </dl>`;
}
