/**
 * The data contract shared by every widget.
 *
 * One canonical laureate record with French keys (documented by
 * `schema/laureat.schema.json`), pre-aggregated rows for widgets that only need totals,
 * and the result of parsing any input: valid rows, plus every problem found, per row and
 * per field, so that nothing is lost silently.
 */

/** Canonical legal statuses, in display order. */
export const STATUTS = ['association', 'cooperative', 'fondation', 'mutuelle', 'entreprise', 'autre'] as const;

/** A canonical legal status. Anything that is not recognised becomes `autre`. */
export type Statut = (typeof STATUTS)[number];

/** The measures a widget can show. */
export const METRICS = ['montant', 'laureats', 'emplois'] as const;
export type Metric = (typeof METRICS)[number];

/** One laureate (lauréat): a structure supported by the programme. */
export interface Laureate {
  /** Name of the structure (required). */
  nom: string;
  /** Canonical legal status. */
  statut: Statut;
  /** The status as written in the source, when it differs from the canonical label. */
  statutLibelle?: string;
  /** INSEE région code (COG), e.g. "84", "04". */
  region?: string;
  /** INSEE département code (COG), e.g. "69", "2A", "974". */
  departement?: string;
  /** Commune name. */
  commune?: string;
  /** Territoire d'industrie. */
  territoire?: string;
  /** Project description. */
  projet?: string;
  /** State support in euros. */
  montant?: number;
  /** Jobs to be created. */
  emplois?: number;
  /** SIREN number (9 digits). */
  siren?: string;
}

/**
 * A pre-aggregated row: totals for one status and/or one territory.
 * e.g. `{"statut":"association","laureats":31,"montant":13400000}` or `{"region":"84","laureats":3}`.
 */
export interface AggregateRow {
  statut?: Statut;
  statutLibelle?: string;
  region?: string;
  departement?: string;
  laureats?: number;
  montant?: number;
  emplois?: number;
}

/** Metadata that may travel with a dataset (`{"meta": {...}, "laureats": [...]}`). */
export interface DatasetMeta {
  /** Name of the source, e.g. the ministry. */
  source?: string;
  /** URL of the source. */
  sourceUrl?: string;
  /** Date of the data (ISO 8601, e.g. "2021-12-21"). */
  updated?: string;
  /** Licence of the data. */
  licence?: string;
  /** True when the rows are fictitious (demonstration data). */
  fictitious?: boolean;
  /** Title of the dataset. */
  title?: string;
}

/** Severity of a problem found in the input. */
export type IssueLevel = 'error' | 'warning';

/**
 * A problem found in the input.
 * - `error` on a row: the row was ignored.
 * - `warning` on a field: the value was ignored, the row was kept.
 */
export interface DataIssue {
  level: IssueLevel;
  /** 1-based row number in the source (data rows, header excluded), when the issue is about a row. */
  row?: number;
  /** Canonical field name, when the issue is about a field. */
  field?: string;
  /** The offending value, as text (truncated). */
  value?: string;
  /** For `duplicate`: the row number of the first of the two rows. */
  ref?: number;
  /** Machine-readable code, e.g. `missing-nom`, `invalid-montant`, `duplicate`, `csv-quote`, `truncated-row`. */
  code: string;
}

/** What any input becomes once parsed and validated. */
export interface Dataset {
  /** `laureates` when rows describe laureates, `aggregates` when they are totals. */
  kind: 'laureates' | 'aggregates';
  laureates: Laureate[];
  aggregates: AggregateRow[];
  /** Problems found; rows with an `error` were ignored. */
  issues: DataIssue[];
  /** Number of rows read from the input. */
  rowCount: number;
  /** Number of rows ignored. */
  ignoredCount: number;
  /** Format the input was read as. */
  format: InputFormat;
  meta: DatasetMeta;
  /** Totals declared by the source (`totaux` / `totals`), e.g. the press release's 44 / 17,2 M€ / 521. */
  declaredTotals?: Partial<Record<Metric, number>>;
}

/** Input formats. `auto` detects JSON, CSV and the Opendatasoft export. */
export const INPUT_FORMATS = ['auto', 'json', 'csv', 'ods'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** A fatal input error: nothing usable could be read. */
export interface DataError {
  /** Machine-readable code: `invalid-json`, `invalid-csv`, `no-rows`, `unusable`, `http`, `network`, `timeout`, `content-type`, `too-large`. */
  code: string;
  /** Details for the console (English or raw text from the parser / server). */
  details?: string;
  /** HTTP status when relevant. */
  status?: number;
  /** Issues found before giving up (e.g. every row invalid). */
  issues?: DataIssue[];
}

export type ParseResult = { ok: true; dataset: Dataset } | { ok: false; error: DataError };
