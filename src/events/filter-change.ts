/** A filter as events report it: every dimension present, empty when it does not filter. */
export interface RelanceFilter {
  /** Selected statuses (empty: all). */
  statuts: string[];
  /** Selected région codes (INSEE; empty: all). */
  regions: string[];
  /** Selected département codes (INSEE; empty: all). */
  departements: string[];
  /** The search text, as typed (empty: none). */
  search: string;
}

/** What changed a filter: a selection in a widget, the list's search or filters, the clear button, the browser history. */
export type FilterChangeCause = 'select' | 'clear' | 'history' | 'list';

/** Detail of `relance-filter-change`: one shape, whether a group's filter or a lone list's changed. */
export interface RelanceFilterChangeDetail {
  /** The group whose filter changed; absent for a list outside any group. */
  group?: string;
  /** The whole filter after the change. */
  filter: RelanceFilter;
  cause: FilterChangeCause;
  /** Laureates passing the filter, when the dispatching widget counted them (the list does). */
  count?: number;
}

/** `relance-filter-change`: a reader changed a group's filter, or a list's own. Never fired for programmatic changes. */
export class RelanceFilterChangeEvent extends CustomEvent<RelanceFilterChangeDetail> {
  static readonly type = 'relance-filter-change';
  constructor(detail: RelanceFilterChangeDetail) {
    super(RelanceFilterChangeEvent.type, { detail, bubbles: true, composed: true });
  }
}

/** The event's filter from a partial one (missing dimensions empty, arrays copied). */
export function fullFilter(f: {
  statuts?: readonly string[];
  regions?: readonly string[];
  departements?: readonly string[];
  search?: string;
}): RelanceFilter {
  return {
    statuts: [...(f.statuts ?? [])],
    regions: [...(f.regions ?? [])],
    departements: [...(f.departements ?? [])],
    search: f.search ?? '',
  };
}
