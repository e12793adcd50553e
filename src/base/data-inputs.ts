/**
 * The data inputs every data widget takes, as reactive properties with the documentation the custom-elements manifest
 * reads: where the data comes from (`data`, `src`, `api`, `format`; a JSON script child is read by the data source),
 * its provenance (`source`, `source-url`, `updated`, `fictitious`), the caption, the group and the debug switch.
 * What the widgets do with them is in data-element.ts.
 */
import type { PropertyDeclarations } from 'lit';
import type { InputFormat } from '../model/types.js';
import { RelanceElement } from './relance-element.js';

/** Keeps the `data` attribute as text: parsing (and its errors) belongs to the data pipeline. */
const textConverter = {
  fromAttribute: (value: string | null): unknown => value ?? undefined,
  toAttribute: (value: unknown): unknown => (typeof value === 'string' ? value : null),
};

/** A page served from the webmaster's own computer: technical details are shown by default there. */
function isDevelopmentPage(): boolean {
  const host = typeof location === 'undefined' ? '' : location.hostname;
  return host === '' || host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1' || host === '[::1]';
}

export abstract class RelanceDataInputs extends RelanceElement {
  static override properties: PropertyDeclarations = {
    data: { attribute: 'data', converter: textConverter },
    src: {},
    api: {},
    format: {},
    caption: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    source: {},
    sourceUrl: { attribute: 'source-url' },
    updatedDate: { attribute: 'updated' },
    fictitious: { type: Boolean, reflect: true },
    group: { reflect: true },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
    debug: {},
  };

  /**
   * The data: JSON (or CSV) text in the `data` attribute, or as the `.data` property an array of
   * rows, an object `{meta, laureats}` / `{statuts}`, or text. Replace it, do not mutate it.
   */
  data?: unknown;

  /** URL of a JSON or CSV file to load when there is no `data` (nor JSON script child). */
  src?: string;

  /**
   * Address of a dataset on an open-data portal, queried instead of downloaded: an Opendatasoft Explore API v2.1
   * dataset (`https://data.economie.gouv.fr/api/explore/v2.1/catalog/datasets/plan-de-relance`) or a resource of
   * data.gouv.fr's tabular API (`https://tabular-api.data.gouv.fr/api/resources/<rid>/`); http(s) only. Each widget
   * then asks the portal for what it shows (a page of the list, totals by status or territory, key figures), never
   * for every row. Field names follow the `plan-de-relance` layout; `field-nom`, `field-statut`, `field-region`,
   * `field-departement`, `field-commune`, `field-territoire`, `field-projet`, `field-montant`, `field-emplois`,
   * `field-siren` name another field of the dataset (`field-statut="type_entreprise"`), or none (`field-emplois=""`).
   * Used instead of `data`, `src` and a script child.
   */
  api?: string;

  /** Input format: `auto` (default) detects JSON, CSV and the Opendatasoft export; or `json`, `csv`, `ods`. */
  format: InputFormat = 'auto';

  /** Title shown above the widget and used as its accessible name. */
  caption?: string;

  /** Heading level of the caption (2 to 6); without it the caption is not a heading. */
  headingLevel?: number;

  /** Name of the data source, shown in the footer (overrides the data's own `meta.source`). */
  source?: string;

  /** Link of the data source (overrides `meta.sourceUrl`). */
  sourceUrl?: string;

  /** Date of the data, ISO 8601 (overrides `meta.updated`). */
  updatedDate?: string;

  /** Marks the data as fictitious (also read from the data's `meta.fictitious`). */
  fictitious = false;

  /**
   * Name of a group of linked widgets: they share one dataset (given to one of them, or to a
   * `<relance-dataset>`) and one selection, which filters every widget of the group.
   */
  group?: string;

  /** Keeps the group's selection in the page URL (bookmarkable; the back button undoes a selection). */
  syncUrl = false;

  /**
   * Shows the technical details of data problems (the parser's messages, the ignored rows) under the citizen's
   * notice: `debug` (or `debug="on"`) shows them, `debug="off"` hides them; without the attribute, they show on a
   * page served from this computer (localhost, 127.0.0.1, a file). They always go to the console and to the
   * `relance-data-error` / `relance-data-warning` events.
   */
  debug?: string;

  /** True when technical details of data problems are shown (see {@link debug}). */
  protected get debugMode(): boolean {
    if (this.debug === undefined || this.debug === null) return isDevelopmentPage();
    return !/^(off|false|no|0)$/i.test(this.debug.trim());
  }
}
