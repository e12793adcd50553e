/**
 * Linked widgets. Widgets that share a `group` attribute share one dataset (declared once: by a
 * `<relance-dataset>` element or by the first widget of the group that has data of its own) and one
 * filter: a selection in one widget filters the others. A widget added later joins the current state.
 * With `sync-url`, the filter lives in the page URL (bookmarkable; the back button undoes a selection).
 */
import type { Laureate } from '../model/types.js';
import type { DataState } from './data-source.js';
import type { FilterChangeCause } from '../events/filter-change.js';
import { RelanceFilterChangeEvent, fullFilter } from '../events/filter-change.js';
import { memorySource } from '../query/memory-source.js';
import type { FilterKey, QueryFilter, QuerySource } from '../query/source.js';
import { filterWithout } from '../query/source.js';
import { DEPARTEMENTS, REGIONS } from '../model/territory.js';

/** A group's filter. Empty arrays and empty search mean « no filter » on that dimension. */
export type GroupFilter = QueryFilter;

export type { FilterKey };
export const FILTER_KEYS: readonly FilterKey[] = ['statuts', 'regions', 'departements', 'search'];

/** What a group member provides to, and receives from, its group. */
export interface GroupMember extends HTMLElement {
  /** Called when the group's data or filter changed. */
  groupChanged(): void;
  /** True when the member has data of its own (it may then provide it to the group). */
  readonly hasOwnData: boolean;
  /** The member's own data state. */
  readonly ownDataState: DataState;
  /** True for `<relance-dataset>`: always the provider of its group. */
  readonly isDatasetElement?: boolean;
  /** True when the member asks for the filter to live in the URL. */
  readonly syncUrl: boolean;
  /** True when the member's data has the provenance of the group's (it then shows the group's notices once). */
  readonly sharesGroupSource: boolean;
  /** The member's own query source when it is not built from rows (a portal's): the group's source when it provides. */
  readonly ownQuerySource?: QuerySource;
}

export function isEmptyFilter(f: GroupFilter): boolean {
  return !f.statuts?.length && !f.regions?.length && !f.departements?.length && !f.search?.trim();
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

export function sameFilter(a: GroupFilter, b: GroupFilter): boolean {
  return (
    sameList(a.statuts, b.statuts) &&
    sameList(a.regions, b.regions) &&
    sameList(a.departements, b.departements) &&
    (a.search ?? '').trim() === (b.search ?? '').trim()
  );
}

/** Normalises a filter: drops empty dimensions. */
export function cleanFilter(f: GroupFilter): GroupFilter {
  const out: GroupFilter = {};
  if (f.statuts?.length) out.statuts = [...f.statuts];
  if (f.regions?.length) out.regions = [...f.regions];
  if (f.departements?.length) out.departements = [...f.departements];
  if (f.search?.trim()) out.search = f.search;
  return out;
}

/** Reads a group's filter from URL search parameters (`<group>.region=04&<group>.statut=association`). */
export function filterFromUrl(group: string, params: URLSearchParams): GroupFilter {
  const list = (key: string): string[] =>
    params
      .getAll(`${group}.${key}`)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
  return cleanFilter({
    statuts: list('statut'),
    regions: list('region').filter((c) => REGIONS.has(c)),
    departements: list('departement').filter((c) => DEPARTEMENTS.has(c)),
    search: params.get(`${group}.recherche`) ?? undefined,
  });
}

/** Writes a group's filter into URL search parameters, replacing its previous keys. */
export function filterToUrl(group: string, filter: GroupFilter, params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const key of ['statut', 'region', 'departement', 'recherche']) out.delete(`${group}.${key}`);
  if (filter.statuts?.length) out.set(`${group}.statut`, filter.statuts.join(','));
  if (filter.regions?.length) out.set(`${group}.region`, filter.regions.join(','));
  if (filter.departements?.length) out.set(`${group}.departement`, filter.departements.join(','));
  if (filter.search?.trim()) out.set(`${group}.recherche`, filter.search.trim());
  return out;
}

/** The filter's dimensions that are set, leaving out `exclude`. */
export function activeFilterKeys(filter: GroupFilter, exclude: readonly FilterKey[] = []): FilterKey[] {
  return FILTER_KEYS.filter(
    (k) => !exclude.includes(k) && (k === 'search' ? filter.search?.trim() : filter[k]?.length),
  );
}

/** One group: its members, its data provider, its filter. */
export class RelanceGroup {
  readonly name: string;
  private readonly members = new Set<GroupMember>();
  private _filterValue: GroupFilter = {};
  private listening = false;

  constructor(name: string) {
    this.name = name;
  }

  /** The member whose data the group uses: its `<relance-dataset>`, else the first member with data. */
  get provider(): GroupMember | undefined {
    let first: GroupMember | undefined;
    for (const m of this.members) {
      if (m.isDatasetElement) return m;
      if (!first && m.hasOwnData) first = m;
    }
    return first;
  }

  /** The group's data state (from its provider). */
  get dataState(): DataState {
    return this.provider?.ownDataState ?? { status: 'empty' };
  }

  get filter(): GroupFilter {
    return this._filterValue;
  }

  get syncUrl(): boolean {
    for (const m of this.members) if (m.syncUrl) return true;
    return false;
  }

  join(member: GroupMember): void {
    this.members.add(member);
    if (this.syncUrl && !this.listening) {
      this.listening = true;
      window.addEventListener('popstate', this._onPopState);
      const fromUrl = filterFromUrl(this.name, new URLSearchParams(location.search));
      if (!isEmptyFilter(fromUrl)) this._filterValue = fromUrl;
    }
    this.notify();
  }

  leave(member: GroupMember): void {
    this.members.delete(member);
    if (this.listening && !this.syncUrl) {
      this.listening = false;
      window.removeEventListener('popstate', this._onPopState);
    }
    if (this.members.size === 0) groups.delete(this.name);
    else this.notify();
  }

  /** The text of the group's live region (rendered by its first widget): what the last user action did. */
  get announcement(): string {
    return this._announcement;
  }

  private _announcement = '';

  /**
   * Says `message` through the group's live region. The same words twice in a row differ by a trailing no-break
   * space, so that screen readers hear them again.
   */
  announce(message: string): void {
    this._announcement =
      message === this._announcement.trimEnd() && !this._announcement.endsWith('\u00a0') ? `${message}\u00a0` : message;
    this.notify();
  }

  /** The members that show something (not `<relance-dataset>`), in document order. */
  get visibleMembers(): GroupMember[] {
    return [...this.members]
      .filter((m) => !m.isDatasetElement)
      .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  }

  /**
   * Where `member` stands among the visible members that show the group's data (same provenance), in document order:
   * the first shows the fictitious-data badge and the filter bar, the last the source line, so that a dashboard shows
   * each once. A member with data of another provenance shows its own.
   */
  placeOf(member: GroupMember): { first: boolean; last: boolean } {
    if (!member.sharesGroupSource) return { first: true, last: true };
    const peers = this.visibleMembers.filter((m) => m.sharesGroupSource);
    return {
      first: peers[0] === member || !peers.includes(member),
      last: peers[peers.length - 1] === member || !peers.includes(member),
    };
  }

  /** Members of the group, in no particular order. */
  get size(): number {
    return this.members.size;
  }

  /** Tells every member that the data (of the provider) changed. */
  dataChanged(): void {
    this.notify();
  }

  /**
   * Sets the filter (a user action in `origin`, or the browser history). Notifies every member,
   * updates the URL with `sync-url`, and dispatches `relance-filter-change` on the origin.
   */
  setFilter(
    next: GroupFilter,
    origin: HTMLElement | undefined,
    cause: FilterChangeCause,
    options: { silent?: boolean } = {},
  ): void {
    const filter = cleanFilter(next);
    if (sameFilter(filter, this._filterValue)) return;
    this._filterValue = filter;
    if (this.syncUrl && cause !== 'history') {
      const params = filterToUrl(this.name, filter, new URLSearchParams(location.search));
      const query = params.toString();
      const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
      // A search keystroke replaces the entry; a selection adds one, so that « back » undoes it.
      if (cause === 'list') history.replaceState(history.state, '', url);
      else history.pushState(history.state, '', url);
    }
    this.notify();
    if (options.silent) return;
    (origin ?? this.provider)?.dispatchEvent(
      new RelanceFilterChangeEvent({ group: this.name, filter: fullFilter(filter), cause }),
    );
  }

  /**
   * The group's query source: built from its provider's data (one per dataset), asked by every member that has no
   * data of its own. `undefined` until the data is ready.
   */
  get querySource(): QuerySource | undefined {
    const own = this.provider?.ownQuerySource;
    if (own) return own;
    const state = this.dataState;
    return state.status === 'ready' ? memorySource(state.dataset) : undefined;
  }

  /**
   * Laureates of the group's data that pass the filter, leaving out some dimensions (a donut
   * ignores the status filter, which it shows as its selection). `undefined` when the data is not
   * laureate rows.
   */
  rows(exclude: readonly FilterKey[] = []): readonly Laureate[] | undefined {
    const source = this.querySource;
    if (!source || source.kind !== 'laureates') return undefined;
    const reply = source.page({ filter: filterWithout(this._filterValue, exclude) });
    return reply instanceof Promise ? undefined : reply.value.rows;
  }

  private notify(): void {
    for (const m of this.members) m.groupChanged();
  }

  private _onPopState = (): void => {
    this.setFilter(filterFromUrl(this.name, new URLSearchParams(location.search)), undefined, 'history');
  };
}

const groups = new Map<string, RelanceGroup>();

/** The group of that name (created on first use). */
export function getGroup(name: string): RelanceGroup {
  let g = groups.get(name);
  if (!g) groups.set(name, (g = new RelanceGroup(name)));
  return g;
}
