/**
 * The list's filters form (search, région, département, statuses, reset) and its « Trier par » list (card layout):
 * Lit templates of what the component computed (laureate-list.model.ts), bound to its actions
 * (laureate-list.actions.ts).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Lang } from '../../i18n/format.js';
import { statutLabel } from '../../i18n/messages.js';
import type { ListActions } from './laureate-list.actions.js';
import type { LaureateListColumn, ListMessages, SortDirection } from './laureate-list.messages.js';
import type { FilterOptions, ListFilter, ListSortState } from './laureate-list.model.js';
import { NUMERIC, departementChoices, isFiltered, regionChoices } from './laureate-list.model.js';

const check = html`<svg class="tag__check" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m10 15.17 9.19-9.19 1.42 1.42L10 18 3.64 11.64l1.42-1.42z"/></svg>`;
const searchIcon = html`<svg class="icon search__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m18.03 16.62 4.28 4.28-1.41 1.41-4.28-4.28A9 9 0 0 1 2 11a9 9 0 1 1 16.03 5.62Zm-2.01-.74A7 7 0 0 0 11 4a7 7 0 1 0 5.02 11.88l.15-.15Z"/></svg>`;

/** What the filters form shows, and the handlers of its controls. */
export interface FiltersContext {
  lm: ListMessages;
  lang: Lang;
  /** Prefix of the ids of the controls. */
  id: string;
  caption?: string;
  filter: ListFilter;
  options: FilterOptions;
  /** The handlers of the controls. */
  actions: Pick<ListActions, 'onSearchInput' | 'onRegionChange' | 'onDepartementChange' | 'toggleStatut' | 'reset'>;
}

/** The search field and the filters; a select only when there is a choice to make. */
export function renderFilters(c: FiltersContext): TemplateResult {
  const { lm, lang, id, filter, options, actions } = c;
  const active = isFiltered(filter);
  const regions = regionChoices(options.regions, filter.region);
  const departements = departementChoices(options.departements, filter.region, filter.departement);
  // A select only when there is a choice to make: a list of one région's laureates offers no « Toutes les régions ».
  return html`<div class="filters" part="filters" role="search" aria-label=${c.caption ? `${lm.filtersLabel} – ${c.caption}` : lm.filtersLabel}>
    <div class="field field--search">
      <label class="label" for="${id}-search">${lm.searchLabel} <span class="hint">${lm.searchHint}</span></label>
      <div class="search">
        ${searchIcon}
        <input
          id="${id}-search"
          class="input"
          part="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          @input=${actions.onSearchInput}
        />
      </div>
    </div>
    ${
      options.regions.length > 1 || filter.region
        ? html`<div class="field">
          <label class="label" for="${id}-region">${lm.regionFilter}</label>
          <div class="select-wrap">
            <select id="${id}-region" class="select" part="select" @change=${actions.onRegionChange}>
              <option value="" ?selected=${!filter.region}>${lm.allRegions}</option>
              ${regions.map((o) => html`<option value=${o.code} ?selected=${o.code === filter.region}>${o.name}</option>`)}
            </select>
          </div>
        </div>`
        : nothing
    }
    ${
      options.departements.length > 1 || filter.departement
        ? html`<div class="field">
          <label class="label" for="${id}-dep">${lm.departementFilter}</label>
          <div class="select-wrap">
            <select id="${id}-dep" class="select" part="select" @change=${actions.onDepartementChange}>
              <option value="" ?selected=${!filter.departement}>${lm.allDepartements}</option>
              ${departements.map((o) => html`<option value=${o.code} ?selected=${o.code === filter.departement}>${o.name} (${o.code})</option>`)}
            </select>
          </div>
        </div>`
        : nothing
    }
    ${
      options.statuts.length > 1 || filter.statuts.length > 0
        ? html`<div class="field field--tags">
          <span class="label" id="${id}-statuts">${lm.statusFilter}</span>
          <div class="tags" role="group" aria-labelledby="${id}-statuts">
            ${options.statuts.map((s) => {
              const pressed = filter.statuts.includes(s);
              return html`<button class="tag" part="status-tag" type="button" aria-pressed=${pressed ? 'true' : 'false'} @click=${() => actions.toggleStatut(s)}>
                <span class="swatch s-${s}" aria-hidden="true"></span>${statutLabel(s, lang, 2)}${pressed ? check : nothing}
              </button>`;
            })}
          </div>
        </div>`
        : nothing
    }
    <div class="field field--reset">
      <button class="btn btn--sm btn--tertiary" type="button" part="reset" ?hidden=${!active} @click=${actions.reset}>${lm.reset}</button>
    </div>
  </div>`;
}

/** The « Trier par » list of the card layout (no column headers there). */
export function renderSortSelect(
  lm: ListMessages,
  id: string,
  sort: ListSortState | undefined,
  visibleColumns: readonly LaureateListColumn[],
  onChange: (e: Event) => void,
): TemplateResult {
  const current = sort ? `${sort.column}:${sort.direction}` : '';
  const columns = visibleColumns.filter((c) => c !== 'projet');
  return html`<div class="sort-select">
    <label class="label label--inline" for=${id}>${lm.sortLabel}</label>
    <div class="select-wrap">
      <select id=${id} class="select select--sm" part="select" @change=${onChange}>
        <option value="" ?selected=${current === ''}>${lm.unsorted}</option>
        ${columns.flatMap((c) => {
          const dirs: SortDirection[] = NUMERIC.has(c) ? ['descending', 'ascending'] : ['ascending', 'descending'];
          return dirs.map((d) => {
            const v = `${c}:${d}`;
            return html`<option value=${v} ?selected=${v === current}>${lm.sortOption(lm.column[c], d, NUMERIC.has(c))}</option>`;
          });
        })}
      </select>
    </div>
  </div>`;
}
