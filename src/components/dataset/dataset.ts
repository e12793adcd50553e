import { css, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { RelanceDataElement } from '../../base/data-element.js';
import type { DataState } from '../../base/data-source.js';
import { markPortalSource } from '../../base/portal-input.js';
import type { QueryFilter, QuerySource } from '../../query/source.js';
import { normalizeDepartement, normalizeRegion } from '../../model/territory.js';
import type { Dataset } from '../../model/types.js';
import { normalizeStatut } from '../../model/values.js';

/** Keeps only the rows of a dataset in a région, a département and/or of a status. */
export function scopeDataset(ds: Dataset, scope: { region?: string; departement?: string; statut?: string }): Dataset {
  if (!scope.region && !scope.departement && !scope.statut) return ds;
  const keep = (r: { region?: string; departement?: string; statut?: string }): boolean =>
    (!scope.region || r.region === scope.region) &&
    (!scope.departement || r.departement === scope.departement) &&
    (!scope.statut || r.statut === scope.statut);
  return {
    ...ds,
    laureates: ds.laureates.filter(keep),
    aggregates: ds.aggregates.filter(keep),
    // Totals declared for the whole source no longer apply to a part of it.
    declaredTotals: undefined,
  };
}

type Scope = { region?: string; departement?: string; statut?: string };

/** A code no dataset has: a filter within a scope that excludes it matches nothing. */
const NO_CODE = '-';

/** A filter narrowed to a scope: each dimension of the scope keeps only its code (nothing when the filter excludes it). */
export function scopeFilter(filter: QueryFilter, scope: Scope): QueryFilter {
  const within = (codes: readonly string[] | undefined, code: string | undefined): readonly string[] | undefined =>
    code === undefined ? codes : !codes?.length ? [code] : codes.includes(code) ? [code] : [NO_CODE];
  const out: QueryFilter = { ...filter };
  const regions = within(filter.regions, scope.region);
  const departements = within(filter.departements, scope.departement);
  const statuts = within(filter.statuts, scope.statut);
  if (regions) out.regions = regions;
  if (departements) out.departements = departements;
  if (statuts) out.statuts = statuts;
  return out;
}

/** A portal's source asked only within a scope (`region`, `departement`, `statut` on a dataset with `api`). */
function scopeSource(source: QuerySource, scope: Scope): QuerySource {
  return markPortalSource<QuerySource>({
    kind: source.kind,
    get searchReady() {
      return source.searchReady;
    },
    get preparing() {
      return source.preparing;
    },
    prepare: (budgetMs) => source.prepare(budgetMs),
    subscribe: (listener) => source.subscribe(listener),
    page: (query, options) => source.page({ ...query, filter: scopeFilter(query.filter, scope) }, options),
    totalsBy: (by, filter, options) => source.totalsBy(by, scopeFilter(filter, scope), options),
    keyFigures: (filter, options) => source.keyFigures(scopeFilter(filter, scope), options),
    ...(source.exportUrl ? { exportUrl: (filter: QueryFilter) => source.exportUrl!(scopeFilter(filter, scope)) } : {}),
  });
}

/**
 * Declares the data of a group of linked widgets once: `<relance-dataset group="ess" src="…">`
 * (or `data`, or a JSON script child, or `api`: the address of the dataset on an open-data portal, queried instead of
 * downloaded). Every widget with the same `group` and no data of its own uses it. `region`, `departement` and `statut`
 * keep only part of the data (a prefecture page shows its région; with `api`, every question to the portal is asked within them). It displays nothing: the
 * widgets show the loading state and errors.
 *
 * @attr field-nom - With `api`: the dataset's field of the laureate's name (default `entreprise`). Every `field-*` attribute also works on a widget with its own `api`.
 * @attr field-statut - With `api`: the field of the status (default `type_entreprise`).
 * @attr field-region - With `api`: the field of the région (default `nom_region`).
 * @attr field-departement - With `api`: the field of the département (default `code_departement`).
 * @attr field-commune - With `api`: the field of the commune (default `nom_commune`).
 * @attr field-territoire - With `api`: the field of the territoire d'industrie (default none).
 * @attr field-projet - With `api`: the field of the project's description (default `description_projet`).
 * @attr field-montant - With `api`: the field of the amount (default `montant_participation_etat`).
 * @attr field-emplois - With `api`: the field of the jobs (default none; `field-emplois=""`: the dataset has none).
 * @attr field-siren - With `api`: the field of the SIREN number (default `siren`).
 *
 * @summary Shared data of a group of linked widgets.
 * @tag relance-dataset
 *
 * @fires relance-data-load - The data was read. Detail: `{origin, format, rows, ignored, issues}`.
 * @fires relance-data-warning - Some rows or values were ignored. Same detail.
 * @fires relance-data-error - The data could not be used. Detail: `{code, message, details, status, origin}`.
 * @fires relance-filter-change - The group's filter changed through the browser history. Detail: `{group, filter: {statuts, regions, departements, search}, cause}`.
 */
export class RelanceDataset extends RelanceDataElement {
  static override properties: PropertyDeclarations = {
    region: {},
    departement: {},
    statut: {},
  };

  static override styles = css`
    :host {
      display: none !important;
    }
  `;

  /** Keeps only the laureates of this région (INSEE code or name). */
  region?: string;

  /** Keeps only the laureates of this département (INSEE code or name). */
  departement?: string;

  /** Keeps only the laureates of this status (`association`, `cooperative`, `fondation`…). */
  statut?: string;

  readonly isDatasetElement = true;

  private _scoped?: { from: Dataset; key: string; to: Dataset };

  private _scopedSource?: { from: QuerySource; key: string; to: QuerySource };

  /** The portal's source (`api`), asked within `region`, `departement` and `statut`. */
  override get ownQuerySource(): QuerySource | undefined {
    const source = super.ownQuerySource;
    const scope = this._scope();
    if (!source || (!scope.region && !scope.departement && !scope.statut)) return source;
    const key = JSON.stringify(scope);
    if (this._scopedSource?.from !== source || this._scopedSource.key !== key) {
      this._scopedSource = { from: source, key, to: scopeSource(source, scope) };
    }
    return this._scopedSource.to;
  }

  private _scope(): Scope {
    return {
      region: normalizeRegion(this.region),
      departement: normalizeDepartement(this.departement),
      statut: this.statut ? normalizeStatut(this.statut) : undefined,
    };
  }

  override get ownDataState(): DataState {
    const s = super.ownDataState;
    if (s.status !== 'ready') return s;
    const scope = {
      region: normalizeRegion(this.region),
      departement: normalizeDepartement(this.departement),
      statut: this.statut ? normalizeStatut(this.statut) : undefined,
    };
    const key = JSON.stringify(scope);
    if (this._scoped?.from !== s.dataset || this._scoped.key !== key) {
      this._scoped = { from: s.dataset, key, to: scopeDataset(s.dataset, scope) };
    }
    return { ...s, dataset: this._scoped.to };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('region') || changed.has('departement') || changed.has('statut')) && this.hasUpdated)
      this.groupStore?.dataChanged();
  }

  override render(): typeof nothing {
    return nothing;
  }
}
