import { css, html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { RelanceDataElement } from '../../base/data-element.js';
import type { WidgetKind } from '../../i18n/messages.js';
import type { FilterKey } from '../../base/group.js';
import { formatCount, formatEuros, formatEurosShort } from '../../i18n/format.js';
import type { Dataset } from '../../model/types.js';
import { sharedStyles } from '../../styles/shared.styles.js';
import { renderFallback } from '../../fallback/fallback.js';
import type { KeyFigure, KeyFigureValues } from './key-figures.model.js';
import { keyFigureValues, parseFigures } from './key-figures.model.js';
import { keyFiguresMessages } from './key-figures.messages.js';

interface Tile {
  key: KeyFigure;
  value: string;
  label: string;
  detail?: string;
}

/**
 * Key figures in DSFR tiles: number of laureates, total state support, jobs, régions reached (and,
 * on request, the average support per laureate), formatted for the reader's language.
 *
 * @summary Key figures of the laureates.
 * @tag relance-key-figures
 *
 * @fires relance-data-load - The data was read. Detail: `{origin, format, rows, ignored, issues}`.
 * @fires relance-data-warning - Some rows or values were ignored. Same detail.
 * @fires relance-data-error - The data could not be used. Detail: `{code, message, details, status, origin}`.
 *
 * @fires relance-filter-change - In a `group`, the user cleared the group's filter. Detail: `{group, filter: {statuts, regions, departements, search}, cause}`.
 *
 * @csspart caption - The title.
 * @csspart filter-bar - In a group, the current filter and its clear button.
 * @csspart filter-clear - The button that clears the group's filter.
 * @csspart note - A note (e.g. national figures that a territory filter cannot split).
 * @csspart figures - The list of tiles.
 * @csspart figure - Each tile (also `figure-<name>`).
 * @csspart value - The number of a tile.
 * @csspart label - The label of a tile.
 * @csspart footer - Source, date and notes.
 * @csspart fictitious - The « Données fictives » badge.
 * @csspart loading - The loading indicator.
 * @csspart error - The error message.
 * @csspart warning - The notice listing ignored rows and values.
 * @csspart retry - The retry button.
 *
 * @cssprop --relance-figure-accent - Colour of the bar under each tile (default: DSFR `--border-active-blue-france`, #000091 / #8585f6).
 * @cssprop --relance-text - Text colour (default: DSFR `--text-default-grey`).
 * @cssprop --relance-title - Colour of the numbers (default: DSFR `--text-title-grey`).
 * @cssprop --relance-background - Background (default: DSFR `--background-default-grey`).
 */
export class RelanceKeyFigures extends RelanceDataElement {
  static override properties: PropertyDeclarations = {
    figures: {},
  };

  static override styles = [
    sharedStyles,
    css`
      :host {
        /* Four tiles of 11rem side by side. */
        --_preferred-width: var(--relance-preferred-width, 48rem);
      }
      .tiles {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 11rem), 1fr));
        gap: 1rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .tile {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        padding: 1.25rem 1.5rem 1.5rem;
        background: var(--background-default-grey, var(--_bg-alt));
        border: 1px solid var(--_border);
        box-shadow: inset 0 -4px 0 0 var(--relance-figure-accent, var(--border-active-blue-france, var(--_action)));
        min-width: 0;
      }
      .value {
        margin: 0;
        color: var(--_title);
        font-size: 2rem;
        font-weight: 700;
        line-height: 2.5rem;
        font-variant-numeric: tabular-nums;
        overflow-wrap: anywhere;
      }
      .value.unknown {
        font-size: 1.25rem;
        color: var(--_mention);
      }
      .label {
        margin: 0;
        color: var(--_text);
        font-size: 1rem;
        line-height: 1.5rem;
      }
      .detail {
        margin: 0;
        color: var(--_mention);
        font-size: 0.875rem;
        line-height: 1.5rem;
      }
      @media (forced-colors: active) {
        .tile {
          border-bottom: 4px solid CanvasText;
        }
      }
    `,
  ];

  /** Figures to show, in order, comma separated: `laureats`, `montant`, `emplois`, `regions`, `moyenne` (default: the first four). */
  figures?: string;

  private tiles: Tile[] = [];

  /** The values of the figures for the current data. */
  get values(): KeyFigureValues | undefined {
    return this._values;
  }

  private _values?: KeyFigureValues;

  protected override get widgetKind(): WidgetKind {
    return 'figures';
  }

  /** Tiles of about 142 px, as many per row as 11rem columns fit. */
  protected override estimateBodyHeight(width: number): number {
    const n = Math.max(1, parseFigures(this.figures).length);
    const rows = Math.ceil(n / Math.min(n, Math.max(1, Math.floor((width + 16) / 192))));
    return rows * 142 + (rows - 1) * 16 + 48;
  }

  /** Totals by status can be filtered by status (not by territory nor search). */
  protected override aggregateFilterKeys(dataset: Dataset): readonly FilterKey[] {
    return dataset.aggregates.some((a) => a.statut) ? ['statuts'] : [];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const figures = this.askKeyFigures();
    this._values = figures ? keyFigureValues(figures) : undefined;
    this.tiles = this._values ? this._makeTiles(this._values) : [];
  }

  private _makeTiles(v: KeyFigureValues): Tile[] {
    const lang = this.resolvedLang;
    const text = keyFiguresMessages(lang);
    return parseFigures(this.figures).map((key) => {
      const n = v[key];
      if (n === undefined) return { key, value: text.unknown, label: text[key](2) };
      switch (key) {
        case 'montant':
          return { key, value: formatEurosShort(n, lang), label: text.montant(n), detail: formatEuros(n, lang) };
        case 'moyenne':
          return { key, value: formatEuros(Math.round(n), lang), label: text.moyenne(n) };
        case 'regions':
          return {
            key,
            value: formatCount(n, lang),
            label: text.regions(n),
            detail: v.regionsOutreMer ? text.overseas(v.regionsOutreMer) : undefined,
          };
        default:
          return { key, value: formatCount(n, lang), label: text[key](n) };
      }
    });
  }

  override render(): TemplateResult {
    const captionId = `${this.uid}-caption`;
    const s = this.dataStatus;
    const unknown = keyFiguresMessages(this.resolvedLang).unknown;
    return html`<section part="base" aria-labelledby=${this.caption ? captionId : nothing}>
      ${this.renderCaption(captionId)} ${this.renderFictitious()} ${this.renderGroupFilter()} ${this.renderDataNotices()} ${renderFallback(this.dataStatus)}
      ${
        s === 'ready'
          ? html`<ul class="tiles" part="figures">
            ${this.tiles.map(
              (t) => html`<li class="tile" part="figure figure-${t.key}">
                <p class="value ${t.value === unknown ? 'unknown' : ''}" part="value">${t.value}</p>
                <p class="label" part="label">${t.label}</p>
                ${t.detail ? html`<p class="detail">${t.detail}</p>` : nothing}
              </li>`,
            )}
          </ul>`
          : s === 'empty'
            ? html`<p class="empty">${this.t.empty}</p>`
            : nothing
      }
      ${s === 'ready' || s === 'error' ? this.renderFooter() : nothing}
    </section>`;
  }
}
