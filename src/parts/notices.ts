/**
 * The citizen's notices about the data, in DSFR's alert style: loading, unavailable or unusable data, data with rows
 * left out; with « Réessayer » when another try may help, and the technical details for the webmaster (`debug`).
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DataState } from '../base/data-source.js';
import type { Messages, WidgetKind } from '../i18n/messages.js';
import type { DataIssue, Dataset } from '../model/types.js';

const ISSUES_SHOWN = 20;

/** Warning codes that keep every value (the others drop a value from its row). */
const REMARKS: ReadonlySet<string> = new Set(['duplicate', 'csv-quote', 'encoding']);

/** DSFR-like alert icons (inline SVG: no resource to load, nothing for a CSP to block). */
const icon = (d: string): TemplateResult =>
  html`<svg class="notice__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path fill="currentColor" d=${d}></path></svg>`;
const ALERT_ICONS = {
  error: icon('M12 22a10 10 0 1 1 0-20 10 10 0 0 1 0 20Zm-1-7v2h2v-2h-2Zm0-8v6h2V7h-2Z'),
  warning: icon(
    'm12.87 3.5 9.53 16.5a1 1 0 0 1-.87 1.5H2.47a1 1 0 0 1-.87-1.5l9.53-16.5a1 1 0 0 1 1.74 0ZM11 16v2h2v-2h-2Zm0-7v5h2V9h-2Z',
  ),
  info: icon('M12 22a10 10 0 1 1 0-20 10 10 0 0 1 0 20Zm-1-11v6h2v-6h-2Zm0-4v2h2V7h-2Z'),
};

/** One line summing up the issues of a dataset: « 3 lignes ignorées · 2 valeurs ignorées ». */
export function issueSummary(ds: Dataset, t: Messages): string {
  // Warnings that do not drop a value (possible duplicates, repaired quoting, encoding) are remarks.
  const remarks = ds.issues.filter((i) => i.level === 'warning' && REMARKS.has(i.code)).length;
  const warnings = ds.issues.filter((i) => i.level === 'warning').length - remarks;
  const parts: string[] = [];
  if (ds.ignoredCount > 0) parts.push(t.ignoredRows(ds.ignoredCount));
  if (warnings > 0) parts.push(t.ignoredValues(warnings));
  if (remarks > 0) parts.push(t.remarks(remarks));
  return parts.join(' · ');
}

export interface NoticesOptions {
  state: DataState;
  t: Messages;
  kind: WidgetKind;
  /** Shows the technical details under the citizen's sentence. */
  debug: boolean;
  reload: () => void;
  /** The technical message of an error (a portal's), instead of the parser's words for its code. */
  message?: string;
  /** Offers « Réessayer » on an error whatever its origin (a portal that was busy). */
  retry?: boolean;
}

/**
 * Loading, error and ignored-rows notices. A citizen reads one short sentence (« Les données de cette carte sont
 * momentanément indisponibles. », with « Réessayer » when the data comes from a file); the parser's exact message and
 * the ignored rows are for the webmaster: in the console, in the events, and under the sentence only with `debug`.
 * `nothing` when the data is ready and complete.
 */
export function renderNotices({
  state: s,
  t,
  kind,
  debug,
  reload,
  message,
  retry,
}: NoticesOptions): TemplateResult | typeof nothing {
  if (s.status === 'loading') {
    return html`<div class="loading skeleton" role="status" part="loading"><span class="spinner" aria-hidden="true"></span>${t.loading}</div>`;
  }
  if (s.status === 'error') {
    const temporary = ['http', 'network', 'timeout'].includes(s.error.code);
    const details = debug ? renderDebug(message ?? t.dataError(s.error), s.error.issues ?? [], t) : nothing;
    return renderAlert({
      level: 'error',
      title: temporary ? t.unavailable(kind) : t.unreadable(kind),
      retry: s.origin === 'src' || retry ? reload : undefined,
      details,
      t,
    });
  }
  if (s.status === 'ready' && s.dataset.issues.length > 0) {
    const ds = s.dataset;
    // Rows or values left out: the figures may be incomplete. Remarks alone (possible duplicates kept, repaired
    // quoting, encoding) lose nothing: the webmaster sees them in debug mode only.
    const lost = ds.ignoredCount > 0 || ds.issues.some((i) => i.level === 'warning' && !REMARKS.has(i.code));
    if (!lost && !debug) return nothing;
    // A file that looks cut short (last row incomplete) may load whole on a second try.
    const truncated = s.origin === 'src' && ds.issues.some((i) => i.code === 'truncated-row');
    const summary = issueSummary(ds, t);
    const details = debug ? renderDebug(summary, ds.issues, t) : nothing;
    return renderAlert({
      level: lost ? 'warning' : 'info',
      title: lost ? t.incomplete(kind) : summary,
      retry: truncated ? reload : undefined,
      details,
      t,
    });
  }
  return nothing;
}

export interface AlertOptions {
  level: 'error' | 'warning' | 'info';
  /** The citizen's sentence. */
  title: string;
  /** A second sentence under it. */
  text?: string;
  /** « Réessayer », when another try may help. */
  retry?: (() => void) | undefined;
  /** The technical details (debug mode). */
  details?: TemplateResult | typeof nothing;
  t: Messages;
}

/** A notice in DSFR's alert style (icon, sentence, « Réessayer »): the data's, and the map's for its geometry. */
export function renderAlert({ level, title, text, retry, details = nothing, t }: AlertOptions): TemplateResult {
  return html`<div class="notice notice--${level}" role=${level === 'error' ? 'alert' : nothing} part=${level}>
    ${ALERT_ICONS[level]}
    <div class="notice__body">
      <p class="notice__title">${title}</p>
      ${text ? html`<p>${text}</p>` : nothing}
      ${retry ? html`<button class="btn btn--sm" type="button" part="retry" @click=${retry}>${t.retry}</button>` : nothing}
      ${details}
    </div>
  </div>`;
}

/** The technical details, for the webmaster. */
function renderDebug(message: string, issues: readonly DataIssue[], t: Messages): TemplateResult {
  const shown = issues.slice(0, ISSUES_SHOWN);
  const more = issues.length - shown.length;
  return html`<details part="debug">
    <summary>${t.debugDetails}</summary>
    <p class="notice__detail">${message}</p>
    ${
      shown.length
        ? html`<ul>
          ${shown.map((i) => html`<li>${t.issue(i)}</li>`)}
          ${more > 0 ? html`<li>${t.moreIssues(more)}</li>` : nothing}
        </ul>`
        : nothing
    }
  </details>`;
}
