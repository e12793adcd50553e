/**
 * The list's user actions, as a controller: the search (debounced with a portal's data), the status, région and
 * département filters and their reset, the sort (column headers and the « Trier par » list), the pages, a row's
 * project (opened or closed) and the CSV download; and what an action leaves to do once the update that applies it
 * has rendered: the `relance-filter-change` event, the screen-reader announcement (delayed while the reader types),
 * the focus back in the search field.
 *
 * An action changes the list's public properties (`search`, `statut`, `page`, `sort`…), which the list's `willUpdate`
 * reads as it reads attributes. The component makes its actions once ({@link listActions}), binds the handlers in its
 * templates and calls `afterUpdate` at the end of its `updated`. The state of the actions is kept in the closure (its
 * names are shortened in the minified bundles, as private members are).
 */
import type { ReactiveControllerHost } from 'lit';
import type { FilterChangeCause, RelanceFilterChangeDetail, RelanceSelectDetail } from '../../events.js';
import { RelanceFilterChangeEvent, fullFilter } from '../../events/filter-change.js';
import { RelanceSelectEvent } from '../../events/select.js';
import { RelanceSortChangeEvent } from '../../events/sort-change.js';
import { DEPARTEMENTS } from '../../model/territory.js';
import type { Statut } from '../../model/types.js';
import { STATUTS } from '../../model/types.js';
import type { LaureateListColumn, SortDirection } from './laureate-list.messages.js';
import type { Announcement, ListFilter, ListSortState, RowView } from './laureate-list.model.js';
import { nextSort, parseStatuts, queryFilterOf } from './laureate-list.model.js';

/** Delay before the screen-reader announcement of a new result count (typing should not flood it). */
const ANNOUNCE_DELAY_MS = 700;

/** How long a search waits for the reader to stop typing, with a portal's data. */
const SEARCH_DEBOUNCE_MS = 250;

/** The list as its actions see it: its public properties and methods. */
export interface ListActionsHost extends ReactiveControllerHost, EventTarget {
  search: string;
  statut: string;
  region: string;
  departement: string;
  page: number;
  sort: string;
  sortDirection?: SortDirection | undefined;
  readonly group?: string | undefined;
  readonly localName: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Number of pages. */
  readonly pages: number;
  readonly resultCount: number;
  getCsv(): string;
  getCsvFileName(): string;
  getCsvUrl(): Promise<string | undefined>;
}

/** The handlers of the list's controls, and what the list calls after each update. */
export interface ListActions {
  /** Rows whose project is open (indices in the data); a new set at each change, an empty one for new data. */
  openRows: ReadonlySet<number>;
  onSearchInput: (e: Event) => void;
  toggleStatut: (s: Statut) => void;
  onRegionChange: (e: Event) => void;
  onDepartementChange: (e: Event) => void;
  /** Clears the search and the filters, and puts the focus back in the search field. */
  reset: () => void;
  /** Sorts by a column header: ascending, descending, then ascending again (numbers start descending). */
  sortBy: (column: LaureateListColumn) => void;
  /** The « Trier par » list of the card layout (`column:direction`, or empty for the data's order). */
  onSortSelect: (e: Event) => void;
  goTo: (page: number) => void;
  /** Opens or closes a row's project (`relance-select`). */
  toggleRow: (view: RowView) => void;
  /** Downloads the current rows as a CSV file (with a portal's data, the portal's export of them). */
  downloadCsv: () => void;
  /** Called by the list at the end of its `updated`: what the actions applied in this update leave to do. */
  afterUpdate: () => void;
}

/**
 * The actions of one list, for its lifetime (their timers stop when it leaves the page). After the list, what only it
 * knows or does (its protected and private members), as functions.
 *
 * @param filter The filter in effect, as the last update read it.
 * @param sort The sort in effect, as the last update read it.
 * @param remote True when the rows come from a portal: a search waits for the reader to stop typing, the CSV is the
 *   portal's export.
 * @param pushGroupFilter In a group, makes the list's filter the group's (a search keystroke replaces the URL entry).
 * @param say Says what an action changed, through the group's one live region or the list's own.
 */
export function listActions(
  host: ListActionsHost,
  filter: () => ListFilter,
  sort: () => ListSortState | undefined,
  remote: () => boolean,
  pushGroupFilter: (cause: FilterChangeCause) => void,
  say: (kind: Announcement) => void,
): ListActions {
  // User actions waiting for the update that applies them.
  let pendingFilterEvent = false;
  let pendingFilterCause: FilterChangeCause = 'select';
  let pendingAnnounce: Announcement | undefined;
  let focusSearch = false;
  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;

  host.addController({
    hostDisconnected: () => {
      clearTimeout(announceTimer);
      clearTimeout(searchTimer);
      searchTimer = undefined;
    },
  });

  const userFilterChange = (cause: FilterChangeCause = 'select'): void => {
    host.page = 1;
    pendingFilterEvent = true;
    pendingFilterCause = cause;
    pendingAnnounce = 'count';
    pushGroupFilter(cause);
  };

  /**
   * With a portal's data, a search is asked once the reader stops typing for 250 ms (one request, not one per
   * keystroke; the answers slots keep an older answer from replacing a newer one). Returns false in memory.
   */
  const debounceSearch = (value: string): boolean => {
    clearTimeout(searchTimer);
    searchTimer = undefined;
    if (!remote()) return false;
    searchTimer = setTimeout(() => {
      searchTimer = undefined;
      host.search = value;
      userFilterChange('list');
    }, SEARCH_DEBOUNCE_MS);
    return true;
  };

  const applySort = (column: LaureateListColumn | '', direction: SortDirection): void => {
    host.sort = column;
    host.sortDirection = direction;
    host.page = 1;
    pendingAnnounce = 'sort';
    host.dispatchEvent(new RelanceSortChangeEvent({ column, direction }));
  };

  const download = (url: string): void => {
    const a = document.createElement('a');
    a.href = url;
    a.download = host.getCsvFileName();
    a.hidden = true;
    host.renderRoot.appendChild(a);
    a.click();
    a.remove();
  };

  const actions: ListActions = {
    openRows: new Set(),

    // Search and filters.

    onSearchInput: (e) => {
      const value = (e.target as HTMLInputElement).value;
      if (debounceSearch(value)) return;
      host.search = value;
      userFilterChange('list');
    },

    toggleStatut: (s) => {
      const current = new Set(parseStatuts(host.statut));
      if (current.has(s)) current.delete(s);
      else current.add(s);
      host.statut = STATUTS.filter((x) => current.has(x)).join(' ');
      userFilterChange();
    },

    onRegionChange: (e) => {
      const code = (e.target as HTMLSelectElement).value;
      host.region = code;
      const departement = filter().departement;
      if (code && departement && DEPARTEMENTS.get(departement)?.region !== code) host.departement = '';
      userFilterChange();
    },

    onDepartementChange: (e) => {
      host.departement = (e.target as HTMLSelectElement).value;
      userFilterChange();
    },

    reset: () => {
      host.search = '';
      host.statut = '';
      host.region = '';
      host.departement = '';
      focusSearch = true;
      userFilterChange('clear');
    },

    // Sort, pages, rows.

    sortBy: (column) => applySort(column, nextSort(sort(), column)),

    onSortSelect: (e) => {
      const [column, direction] = (e.target as HTMLSelectElement).value.split(':') as [
        LaureateListColumn | '',
        SortDirection | undefined,
      ];
      applySort(column, direction ?? 'ascending');
    },

    goTo: (page) => {
      const target = Math.min(Math.max(1, page), host.pages);
      if (target === host.page) return;
      host.page = target;
      pendingAnnounce = 'page';
    },

    toggleRow: (view) => {
      const open = new Set(actions.openRows);
      const selected = !open.has(view.index);
      if (selected) open.add(view.index);
      else open.delete(view.index);
      actions.openRows = open;
      host.requestUpdate();
      const r = view.row;
      const values: RelanceSelectDetail['values'] = { laureats: 1 };
      if (typeof r.montant === 'number') values.montant = r.montant;
      if (typeof r.emplois === 'number') values.emplois = r.emplois;
      const detail: RelanceSelectDetail = {
        dimension: 'laureat',
        code: String(view.index),
        label: r.nom,
        selected,
        values,
      };
      host.dispatchEvent(new RelanceSelectEvent(detail));
    },

    downloadCsv: () => {
      if (remote()) {
        // The portal's export of the current filter (nothing paged through).
        host.getCsvUrl().then(
          (url) => url && download(url),
          (e: unknown) => console.error(`<${host.localName}>:`, e),
        );
        return;
      }
      const blob = new Blob([host.getCsv()], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      download(url);
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
    },

    // After render: events, announcements, focus.

    afterUpdate: () => {
      // The search field shows `search`, unless it already does (what Lit's live() would do: typing is not disturbed).
      const input = host.renderRoot.querySelector<HTMLInputElement>('input[type="search"]');
      if (input && input.value !== host.search && searchTimer === undefined) input.value = host.search;
      if (pendingFilterEvent) {
        pendingFilterEvent = false;
        const detail: RelanceFilterChangeDetail = {
          filter: fullFilter(queryFilterOf(filter())),
          cause: pendingFilterCause,
          count: host.resultCount,
        };
        if (host.group) detail.group = host.group;
        host.dispatchEvent(new RelanceFilterChangeEvent(detail));
      }
      if (pendingAnnounce) {
        const kind = pendingAnnounce;
        pendingAnnounce = undefined;
        clearTimeout(announceTimer);
        // In a group, through the group's one live region; alone, through the list's own.
        announceTimer = setTimeout(() => say(kind), kind === 'count' ? ANNOUNCE_DELAY_MS : 100);
      }
      if (focusSearch) {
        focusSearch = false;
        input?.focus();
      }
    },
  };
  return actions;
}
