/**
 * DSFR pagination: first, previous, page numbers (with « … » for the gaps), next and last, as native buttons.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang } from '../i18n/format.js';
import { formatCount } from '../i18n/format.js';

/**
 * Page buttons to show (DSFR pagination): the first and last pages, the current one with its
 * neighbours, and `'…'` for the gaps. e.g. `pageItems(5, 10)` → `[1, '…', 4, 5, 6, '…', 10]`.
 */
export function pageItems(current: number, count: number, neighbours = 1): (number | '…')[] {
  if (count <= 0) return [];
  const pages = new Set<number>([1, count]);
  for (let p = current - neighbours; p <= current + neighbours; p++) if (p >= 1 && p <= count) pages.add(p);
  // Avoid a gap of one page: show it instead of « … ».
  const sorted = [...pages].sort((a, b) => a - b);
  const items: (number | '…')[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const p = sorted[k]!;
    const prev = sorted[k - 1];
    if (prev !== undefined && p - prev === 2) items.push(prev + 1);
    else if (prev !== undefined && p - prev > 2) items.push('…');
    items.push(p);
  }
  return items;
}

const pageIcons = {
  first: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M7 6h2v12H7V6Zm4.83 6 4.95 4.95-1.41 1.41L9 12l6.37-6.36 1.41 1.41L11.83 12Z"/></svg>`,
  previous: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m10.83 12 4.95 4.95-1.41 1.41L8 12l6.37-6.36 1.41 1.41L10.83 12Z"/></svg>`,
  next: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="m13.17 12-4.95-4.95 1.41-1.41L16 12l-6.37 6.36-1.41-1.41L13.17 12Z"/></svg>`,
  last: html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M17 6h-2v12h2V6Zm-4.83 6L7.22 7.05l1.41-1.41L15 12l-6.37 6.36-1.41-1.41L12.17 12Z"/></svg>`,
};

/** The texts of a pager. */
export interface PagerTexts {
  pagination: string;
  page: string;
  firstPage: string;
  previousPage: string;
  nextPage: string;
  lastPage: string;
}

/** What a pager shows, and where a click goes. */
export interface PagerOptions {
  /** The current page, from 1. */
  page: number;
  pages: number;
  /** Narrow containers: no neighbour pages around the current one. */
  narrow: boolean;
  texts: PagerTexts;
  lang: Lang;
  /** The widget's caption, added to the navigation's name (several lists on a page). */
  caption?: string;
  goTo(page: number): void;
}

/** The pagination, or nothing for a single page. */
export function renderPager(o: PagerOptions): TemplateResult | typeof nothing {
  const { page, pages, texts: lm, lang } = o;
  if (pages <= 1) return nothing;
  const items = pageItems(page, pages, o.narrow ? 0 : 1);
  const edge = (kind: 'first' | 'previous' | 'next' | 'last', target: number, label: string) => {
    const disabled = target === page || target < 1 || target > pages;
    return html`<li>
      <button
        class="page page--${kind}"
        part="page-button"
        type="button"
        aria-disabled=${disabled ? 'true' : nothing}
        @click=${() => !disabled && o.goTo(target)}
      >
        ${kind === 'first' || kind === 'previous' ? pageIcons[kind] : nothing}<span class="page__label">${label}</span>${
          kind === 'next' || kind === 'last' ? pageIcons[kind] : nothing
        }
      </button>
    </li>`;
  };
  return html`<nav class="pagination" part="pagination" aria-label=${o.caption ? `${lm.pagination} – ${o.caption}` : lm.pagination}>
    <ul>
      ${edge('first', 1, lm.firstPage)} ${edge('previous', page - 1, lm.previousPage)}
      ${repeat(
        items,
        (item, k) => (item === '…' ? `gap-${k}` : `p-${item}`),
        (item) =>
          item === '…'
            ? html`<li class="page-gap" aria-hidden="true">…</li>`
            : html`<li>
                <button
                  class="page page--number"
                  part="page-button"
                  type="button"
                  aria-current=${item === page ? 'page' : nothing}
                  @click=${() => o.goTo(item)}
                >
                  <span class="sr-only">${lm.page} </span>${formatCount(item, lang)}
                </button>
              </li>`,
      )}
      ${edge('next', page + 1, lm.nextPage)} ${edge('last', pages, lm.lastPage)}
    </ul>
  </nav>`;
}
