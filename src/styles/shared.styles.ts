/**
 * Styles shared by every widget. Colours come from DSFR tokens (CSS custom properties, which
 * inherit into shadow roots) with built-in light and dark fallbacks, so a widget looks native on a
 * DSFR page and right without it. `theme="light|dark"` forces the built-in palette.
 */
import { css } from 'lit';

export const tokens = css`
  :host {
    /* Built-in fallbacks (DSFR light values). */
    --_fb-text: #3a3a3a;
    --_fb-title: #161616;
    --_fb-mention: #666666;
    --_fb-bg: transparent;
    --_fb-bg-alt: #f6f6f6;
    --_fb-overlap: #ffffff;
    --_fb-contrast: #eeeeee;
    --_fb-border: #dddddd;
    --_fb-border-plain: #3a3a3a;
    --_fb-action: #000091;
    --_fb-action-low: #e3e3fd;
    --_fb-inverted: #ffffff;
    --_fb-error: #ce0500;
    --_fb-error-bg: #ffe9e9;
    --_fb-warning: #b34000;
    --_fb-warning-bg: #ffe9e6;
    --_fb-info: #0063cb;
    --_fb-info-bg: #e8edff;
    --_fb-c-association: #3558a2;
    --_fb-c-cooperative: #297254;
    --_fb-c-fondation: #a94645;
    --_fb-c-mutuelle: #6e445a;
    --_fb-c-entreprise: #716043;
    --_fb-c-autre: #666666;
  }
  :host([data-relance-theme='dark']) {
    --_fb-text: #cecece;
    --_fb-title: #ffffff;
    --_fb-mention: #929292;
    --_fb-bg: #161616;
    --_fb-bg-alt: #1e1e1e;
    --_fb-overlap: #242424;
    --_fb-contrast: #242424;
    --_fb-border: #353535;
    --_fb-border-plain: #cecece;
    --_fb-action: #8585f6;
    --_fb-action-low: #272747;
    --_fb-inverted: #161616;
    --_fb-error: #ff5655;
    --_fb-error-bg: #391c1c;
    --_fb-warning: #fc5d00;
    --_fb-warning-bg: #361e19;
    --_fb-info: #518fff;
    --_fb-info-bg: #1d2437;
    --_fb-c-association: #7ab1e8;
    --_fb-c-cooperative: #34cb6a;
    --_fb-c-fondation: #ff9575;
    --_fb-c-mutuelle: #ce70cc;
    --_fb-c-entreprise: #ffe552;
    --_fb-c-autre: #929292;
  }
  :host {
    --_text: var(--relance-text, var(--text-default-grey, var(--_fb-text)));
    --_title: var(--relance-title, var(--text-title-grey, var(--_fb-title)));
    --_mention: var(--relance-mention, var(--text-mention-grey, var(--_fb-mention)));
    --_bg: var(--relance-background, var(--background-default-grey, var(--_fb-bg)));
    --_bg-alt: var(--background-alt-grey, var(--_fb-bg-alt));
    --_overlap: var(--background-overlap-grey, var(--_fb-overlap));
    --_contrast: var(--background-contrast-grey, var(--_fb-contrast));
    --_border: var(--border-default-grey, var(--_fb-border));
    --_border-plain: var(--border-plain-grey, var(--_fb-border-plain));
    --_action: var(--relance-action, var(--text-action-high-blue-france, var(--_fb-action)));
    --_action-low: var(--background-action-low-blue-france, var(--_fb-action-low));
    --_inverted: var(--text-inverted-grey, var(--_fb-inverted));
    --_error: var(--text-default-error, var(--_fb-error));
    --_error-bg: var(--background-contrast-error, var(--_fb-error-bg));
    --_warning: var(--text-default-warning, var(--_fb-warning));
    --_warning-bg: var(--background-contrast-warning, var(--_fb-warning-bg));
    --_info: var(--text-default-info, var(--_fb-info));
    --_info-bg: var(--background-contrast-info, var(--_fb-info-bg));
    --_focus: var(--relance-focus, #0a76f6);
    --_c-association: var(--relance-color-association, var(--artwork-major-blue-cumulus, var(--_fb-c-association)));
    --_c-cooperative: var(--relance-color-cooperative, var(--artwork-major-green-emeraude, var(--_fb-c-cooperative)));
    --_c-fondation: var(--relance-color-fondation, var(--artwork-major-pink-tuile, var(--_fb-c-fondation)));
    --_c-mutuelle: var(--relance-color-mutuelle, var(--artwork-major-purple-glycine, var(--_fb-c-mutuelle)));
    --_c-entreprise: var(--relance-color-entreprise, var(--artwork-major-yellow-tournesol, var(--_fb-c-entreprise)));
    --_c-autre: var(--relance-color-autre, var(--text-mention-grey, var(--_fb-c-autre)));
  }
  /* A forced theme ignores the page's DSFR tokens (they follow the page's own theme). */
  :host([theme='light']),
  :host([theme='dark']) {
    --_text: var(--relance-text, var(--_fb-text));
    --_title: var(--relance-title, var(--_fb-title));
    --_mention: var(--relance-mention, var(--_fb-mention));
    --_bg: var(--relance-background, var(--_fb-bg));
    --_bg-alt: var(--_fb-bg-alt);
    --_overlap: var(--_fb-overlap);
    --_contrast: var(--_fb-contrast);
    --_border: var(--_fb-border);
    --_border-plain: var(--_fb-border-plain);
    --_action: var(--relance-action, var(--_fb-action));
    --_action-low: var(--_fb-action-low);
    --_inverted: var(--_fb-inverted);
    --_error: var(--_fb-error);
    --_error-bg: var(--_fb-error-bg);
    --_warning: var(--_fb-warning);
    --_warning-bg: var(--_fb-warning-bg);
    --_info: var(--_fb-info);
    --_info-bg: var(--_fb-info-bg);
    --_c-association: var(--relance-color-association, var(--_fb-c-association));
    --_c-cooperative: var(--relance-color-cooperative, var(--_fb-c-cooperative));
    --_c-fondation: var(--relance-color-fondation, var(--_fb-c-fondation));
    --_c-mutuelle: var(--relance-color-mutuelle, var(--_fb-c-mutuelle));
    --_c-entreprise: var(--relance-color-entreprise, var(--_fb-c-entreprise));
    --_c-autre: var(--relance-color-autre, var(--_fb-c-autre));
  }
  :host([theme='dark']) {
    --_bg: var(--relance-background, #161616);
  }
  :host([theme='light']) {
    --_bg: var(--relance-background, #ffffff);
  }
`;

export const base = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: inherit;
    font-size: var(--relance-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    min-width: 0;
    /* Width the widget takes in a shrink-to-fit box (flex row, table cell, inline-block…), when space allows. */
    --_preferred-width: var(--relance-preferred-width, 40rem);
  }
  /*
   * Intrinsic sizes of the host (see RelanceElement.createRenderRoot): four empty inline boxes on one line, 15rem then
   * three sharing the rest of the preferred width. Min-content is the widest box (15rem), max-content their sum.
   */
  .size-strut {
    display: block;
    height: 0;
    visibility: hidden;
    font-size: 0;
    line-height: 0;
  }
  .size-strut > span {
    display: inline-block;
    width: calc((max(var(--_preferred-width), 15rem) - 15rem) / 3);
    height: 0;
  }
  .size-strut > span:first-child {
    width: 15rem;
  }
  /* The content: a size container (for the widgets' container queries) whose width is the host's. */
  [part~='base'] {
    container-type: inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  .sr-only {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0, 0, 0, 0) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  figure {
    margin: 0;
  }
  .caption {
    margin: 0 0 0.75rem;
    color: var(--_title);
    font-weight: 700;
    font-size: 1.25rem;
    line-height: 1.4;
  }
  .description {
    margin: -0.5rem 0 0.75rem;
    color: var(--_mention);
    font-size: 0.875rem;
  }

  /* Buttons, DSFR « secondaire » and « tertiaire » look. */
  .btn {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: 2.5rem;
    padding: 0.5rem 1rem;
    border: 0;
    border-radius: 0;
    box-shadow: inset 0 0 0 1px var(--_action);
    background: transparent;
    color: var(--_action);
    font: inherit;
    font-weight: 500;
    font-size: 0.875rem;
    line-height: 1.5rem;
    cursor: pointer;
    text-align: left;
  }
  .btn:hover {
    background-color: var(--background-default-grey-hover, rgba(0, 0, 0, 0.04));
  }
  .btn--sm {
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
  }
  .btn--tertiary {
    box-shadow: inset 0 0 0 1px var(--_border);
  }
  .btn[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  .chevron {
    display: inline-block;
    width: 0.75rem;
    height: 0.75rem;
    flex: none;
  }

  /* Notices: errors, ignored rows, remarks; in DSFR's alert style (a coloured band with its icon, a thin frame). */
  /* The downloads menu's sentence when its files could not be loaded (src/export/export.ts). */
  .downloads-failed {
    color: var(--_error);
    margin: 0.25rem 0 0;
    font-size: 0.875rem;
  }
  .notice {
    --_notice: var(--_info);
    display: flex;
    align-items: stretch;
    margin: 0 0 1rem;
    border: 1px solid var(--_notice);
    background: var(--_bg);
    color: var(--_text);
    font-size: 0.875rem;
  }
  .notice--error {
    --_notice: var(--_error);
  }
  .notice--warning {
    --_notice: var(--_warning);
  }
  .notice__icon {
    flex: none;
    box-sizing: border-box;
    width: 2rem;
    height: auto;
    padding: 0.5rem 0.25rem;
    background: var(--_notice);
    color: var(--_inverted);
  }
  .notice__body {
    flex: 1 1 auto;
    min-width: 0;
    padding: 0.5rem 0.75rem;
  }
  .notice__title {
    margin: 0;
    font-weight: 700;
  }
  .notice p {
    margin: 0.25rem 0 0;
  }
  .notice p.notice__title {
    margin: 0;
  }
  .notice .btn {
    margin-top: 0.5rem;
    background: var(--_bg);
  }
  .notice details {
    margin-top: 0.25rem;
  }
  .notice summary {
    cursor: pointer;
    color: var(--_action);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .notice ul {
    margin: 0.25rem 0 0;
    padding-left: 1.25rem;
    max-height: 12rem;
    overflow: auto;
  }
  .loading {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: 4rem;
    color: var(--_mention);
  }
  .spinner {
    width: 1.25rem;
    height: 1.25rem;
    border: 3px solid var(--_border);
    border-top-color: var(--_action);
    border-radius: 50%;
    animation: relance-spin 0.9s linear infinite;
  }
  @keyframes relance-spin {
    to {
      transform: rotate(360deg);
    }
  }
  .empty {
    margin: 0;
    padding: 1.5rem 1rem;
    background: var(--_bg-alt);
    color: var(--_mention);
    text-align: center;
  }

  /* The group's filter, with its clear button. */
  .filter-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    background: var(--_action-low);
    color: var(--_title);
    font-size: 0.875rem;
  }
  .filter-text {
    margin: 0;
    flex: 1 1 12rem;
    font-weight: 700;
  }
  .filter-bar .btn {
    background: var(--_bg);
  }

  /* Badge « Données fictives », DSFR warning badge look. */
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    margin: 0 0 0.75rem;
    padding: 0 0.5rem;
    border-radius: 0.25rem;
    background: var(--_warning-bg);
    color: var(--_warning);
    font-size: 0.875rem;
    font-weight: 700;
    line-height: 1.5rem;
    text-transform: uppercase;
  }
  .badge::before {
    content: '⚠';
    font-weight: 400;
  }

  /* Footer: source, date, licence. */
  .footer {
    margin-top: 1rem;
    color: var(--_mention);
    font-size: 0.75rem;
    line-height: 1.25rem;
  }
  .footer p {
    margin: 0;
  }
  a {
    color: var(--_action);
    text-decoration: underline;
    text-underline-offset: 2px;
  }

  /* Data tables, DSFR table look. */
  .table-wrap {
    margin-top: 1rem;
    overflow-x: auto;
  }
  /* A table that scrolls sideways: its region takes the focus (keyboard scrolling), with a visible ring. */
  .table-wrap:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .table-hint {
    margin: 0.5rem 0 0;
    color: var(--_mention);
    font-size: 0.875rem;
  }
  .table-hint::before {
    content: '→ ';
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.875rem;
    line-height: 1.5rem;
    color: var(--_text);
  }
  caption {
    padding-bottom: 0.5rem;
    color: var(--_title);
    font-weight: 700;
    font-size: 1rem;
    text-align: left;
  }
  th,
  td {
    padding: 0.5rem 0.75rem;
    text-align: left;
    vertical-align: top;
  }
  thead th {
    background: var(--_contrast);
    font-weight: 700;
    border-bottom: 2px solid var(--_border-plain);
  }
  tbody tr:nth-child(even) {
    background: var(--_bg-alt);
  }
  tbody th {
    font-weight: 500;
  }
  tfoot th,
  tfoot td {
    font-weight: 700;
    border-top: 2px solid var(--_border-plain);
  }
  .num {
    text-align: right;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  /* Headers wrap (the figures do not); narrow tables are tighter, so that most fit a phone without scrolling. */
  thead th.num {
    white-space: normal;
  }
  @container (max-width: 30rem) {
    th,
    td {
      padding: 0.5rem 0.375rem;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.001ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.001ms !important;
    }
  }
  @media (forced-colors: active) {
    .notice,
    .badge,
    .empty,
    .filter-bar {
      border: 1px solid CanvasText;
    }
    .btn {
      border: 1px solid ButtonText;
    }
  }
  @media print {
    .btn,
    .no-print {
      display: none !important;
    }
  }
`;

export const sharedStyles = [tokens, base];
