/**
 * A group's filter, visible, with a button that clears it: « Filtre : … » for the dimensions the widget applies to
 * what it shows, « Ce filtre ne s'applique pas à ces données : … » for the others; in the group's first widget, the
 * group's one live region (screen readers hear what a user action did, once per page).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Lang } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import { statutLabel } from '../i18n/messages.js';
import { territoryName } from '../model/territory.js';
import type { Statut } from '../model/types.js';
import type { QueryFilter } from '../query/source.js';
import { STATUTS } from '../model/types.js';

/** Words describing a filter: « La Réunion », « Associations », « recherche « atelier » ». */
export function filterLabels(filter: QueryFilter, lang: Lang, t: Messages): string[] {
  const labels: string[] = [];
  for (const r of filter.regions ?? []) labels.push(territoryName('region', r));
  for (const d of filter.departements ?? []) labels.push(`${territoryName('departement', d)} (${d})`);
  for (const st of filter.statuts ?? [])
    labels.push((STATUTS as readonly string[]).includes(st) ? statutLabel(st as Statut, lang) : st);
  if (filter.search?.trim()) labels.push(t.searchLabel(filter.search.trim()));
  return labels;
}

export interface FilterBarOptions {
  /** Labels of the filter's dimensions this widget applies (shown by the group's first widget only). */
  applied: readonly string[];
  /** Labels of those it cannot apply to its data. */
  unapplied: readonly string[];
  t: Messages;
  onClear: () => void;
  /** The group's live region text, when this widget holds the region (the group's first). */
  announcement?: string | undefined;
}

export function renderFilterBar({ applied, unapplied, t, onClear, announcement }: FilterBarOptions): TemplateResult {
  const labels = [...applied, ...unapplied];
  return html`<div class="filter-bar" part="filter-bar" ?hidden=${labels.length === 0}>
      ${applied.length ? html`<p class="filter-text">${t.filter(applied)}</p>` : nothing}
      ${unapplied.length ? html`<p class="filter-text filter-text--unapplied" part="filter-unapplied">${t.filterNotApplied(unapplied)}</p>` : nothing}
      <button class="btn btn--sm" type="button" part="filter-clear" @click=${onClear}>
        ${t.clearFilter}<span class="sr-only"> (${labels.join(', ')})</span>
      </button>
    </div>
    ${announcement !== undefined ? html`<p class="sr-only" role="status" aria-live="polite">${announcement}</p>` : nothing}`;
}
