import { css } from 'lit';

export const listStyles = css`
  :host {
    /* Room for the table layout of the default columns. */
    --_preferred-width: var(--relance-preferred-width, 48rem);
    --_highlight: var(--relance-highlight, var(--background-action-low-yellow-tournesol, #fde39c));
    --_label: var(--text-label-grey, var(--_title));
    --_disabled: var(--text-disabled-grey, #929292);
  }
  :host([data-relance-theme='dark']) {
    --_highlight: var(--relance-highlight, var(--background-action-low-yellow-tournesol-hover, #584e34));
    --_disabled: var(--text-disabled-grey, #666666);
  }
  :host([theme='light']) {
    --_highlight: var(--relance-highlight, #fde39c);
    --_label: var(--_title);
    --_disabled: #929292;
  }
  :host([theme='dark']) {
    --_highlight: var(--relance-highlight, #584e34);
    --_label: var(--_title);
    --_disabled: #666666;
  }

  .list {
    min-width: 0;
  }
  .fallback {
    margin-bottom: 1rem;
  }

  /* Filters: DSFR search field, selects and selectable tags. */
  .filters {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem 1.5rem;
    align-items: end;
    margin: 0 0 1.5rem;
    padding: 1rem;
    background: var(--_bg-alt);
  }
  @container (min-width: 40rem) {
    .filters {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      padding: 1.5rem;
    }
    .field--search,
    .field--tags {
      grid-column: 1 / -1;
    }
  }
  @container (min-width: 60rem) {
    .filters {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr);
    }
    .field--search {
      grid-column: auto;
    }
    .field--tags {
      grid-column: 1 / 3;
    }
  }
  .field {
    min-width: 0;
  }
  .field--reset {
    display: flex;
    justify-content: flex-end;
    align-self: end;
  }
  .field--reset:has(> [hidden]) {
    display: none;
  }
  .label {
    display: block;
    margin: 0 0 0.5rem;
    color: var(--_label);
    font-size: 1rem;
    line-height: 1.5rem;
  }
  .label--inline {
    margin: 0;
    font-size: 0.875rem;
    white-space: nowrap;
  }
  .hint {
    display: block;
    color: var(--_mention);
    font-size: 0.75rem;
    line-height: 1.25rem;
  }
  .input,
  .select {
    display: block;
    width: 100%;
    margin: 0;
    border: 0;
    border-radius: 0.25rem 0.25rem 0 0;
    box-shadow: inset 0 -2px 0 0 var(--_border-plain);
    background-color: var(--_contrast);
    color: var(--_text);
    font: inherit;
    font-size: 1rem;
    line-height: 1.5rem;
    min-height: 2.5rem;
  }
  .input {
    padding: 0.5rem 1rem 0.5rem 2.5rem;
  }
  .input::-webkit-search-cancel-button {
    cursor: pointer;
  }
  .search {
    position: relative;
  }
  .search__icon {
    position: absolute;
    left: 0.75rem;
    top: 50%;
    width: 1.125rem;
    height: 1.125rem;
    transform: translateY(-50%);
    color: var(--_mention);
    pointer-events: none;
  }
  .select-wrap {
    position: relative;
  }
  .select-wrap::after {
    content: '';
    position: absolute;
    right: 1.05rem;
    top: 50%;
    width: 0.45rem;
    height: 0.45rem;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    color: var(--_title);
    transform: translateY(-70%) rotate(45deg);
    pointer-events: none;
  }
  .select {
    appearance: none;
    padding: 0.5rem 2.5rem 0.5rem 1rem;
    cursor: pointer;
    text-overflow: ellipsis;
    /* WebKit counts the text of the chosen option as overflow of the select's ancestors even where the select cuts
       it: a narrow list would scroll sideways by the text's excess (other engines clip it already). */
    overflow: hidden;
  }
  .select--sm {
    min-height: 2rem;
    padding: 0.25rem 2.25rem 0.25rem 0.75rem;
    font-size: 0.875rem;
  }
  .select option {
    background: var(--_bg, #fff);
    color: var(--_text);
  }
  :host([data-relance-theme='dark']) .select option {
    background: #1e1e1e;
  }
  .input:focus-visible,
  .select:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .tag {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    border: 0;
    border-radius: 1rem;
    background: var(--_action-low);
    color: var(--_action);
    font: inherit;
    font-size: 0.875rem;
    line-height: 1.5rem;
    cursor: pointer;
  }
  .tag:hover {
    box-shadow: inset 0 0 0 1px var(--_action);
  }
  .tag[aria-pressed='true'] {
    background: var(--_action);
    color: var(--_inverted);
  }
  .tag .swatch {
    box-shadow: 0 0 0 1px var(--_bg, #fff);
  }
  .tag__check {
    width: 1rem;
    height: 1rem;
    margin-right: -0.25rem;
  }

  /* Status marker (the text always says the status: colour is only a reminder). */
  .swatch {
    display: inline-block;
    flex: none;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
  }
  .s-association { background: var(--_c-association); }
  .s-cooperative { background: var(--_c-cooperative); }
  .s-fondation { background: var(--_c-fondation); }
  .s-mutuelle { background: var(--_c-mutuelle); }
  .s-entreprise { background: var(--_c-entreprise); }
  .s-autre { background: var(--_c-autre); }
  .statut {
    display: inline-flex;
    align-items: baseline;
    gap: 0.5rem;
  }
  /* The status marker of a row, drawn without an element of its own. */
  .statut::before {
    content: '';
    display: inline-block;
    flex: none;
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    background: var(--_marker);
    transform: translateY(-0.05rem);
  }
  .m-association { --_marker: var(--_c-association); }
  .m-cooperative { --_marker: var(--_c-cooperative); }
  .m-fondation { --_marker: var(--_c-fondation); }
  .m-mutuelle { --_marker: var(--_c-mutuelle); }
  .m-entreprise { --_marker: var(--_c-entreprise); }
  .m-autre { --_marker: var(--_c-autre); }

  /* Count, sort and export. */
  .results-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75rem 1.5rem;
    margin: 0 0 0.75rem;
  }
  .count {
    margin: 0;
    color: var(--_title);
    font-weight: 700;
    font-size: 1.125rem;
    line-height: 1.75rem;
  }
  .sort-select {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-width: 0;
    flex: 1 1 14rem;
  }
  .sort-select .select-wrap {
    flex: 1 1 auto;
    min-width: 0;
  }
  .btn--export {
    flex-wrap: wrap;
    column-gap: 0.5rem;
    row-gap: 0;
  }
  .btn__detail {
    color: var(--_mention);
    font-weight: 400;
    font-size: 0.75rem;
  }
  .icon {
    width: 1rem;
    height: 1rem;
    flex: none;
  }

  /* Table: DSFR table look, no sideways scrolling. */
  .table-box {
    width: 100%;
    min-width: 0;
  }
  caption {
    font-size: 1.125rem;
    padding-bottom: 0.75rem;
  }
  thead th {
    padding: 0;
    vertical-align: bottom;
  }
  th,
  td {
    overflow-wrap: break-word;
  }
  /* A table forced into a narrow container: long words may break anywhere rather than scroll. */
  :host([layout='table']) th,
  :host([layout='table']) td {
    overflow-wrap: anywhere;
  }
  td.num {
    overflow-wrap: normal;
  }
  th.num {
    white-space: normal;
  }
  .sort {
    display: flex;
    align-items: flex-end;
    justify-content: space-between;
    gap: 0.25rem;
    width: 100%;
    min-height: 2.5rem;
    margin: 0;
    padding: 0.5rem 0.5rem 0.5rem 0.75rem;
    border: 0;
    background: transparent;
    color: inherit;
    font: inherit;
    font-weight: 700;
    text-align: left;
    cursor: pointer;
  }
  .num .sort {
    text-align: right;
  }
  .sort:hover {
    background: var(--background-contrast-grey-hover, rgba(0, 0, 0, 0.05));
  }
  .sort__icon {
    flex: none;
    width: 1rem;
    height: 1rem;
    margin-bottom: 0.25rem;
    color: var(--_mention);
  }
  [aria-sort] .sort__icon {
    color: var(--_action);
  }
  [aria-sort] .sort {
    box-shadow: inset 0 -3px 0 0 var(--_action);
  }
  tbody tr:nth-child(even) {
    background: transparent;
  }
  tbody tr:not(.detail) {
    border-top: 1px solid var(--_border);
  }
  tbody tr:not(.detail):first-child {
    border-top: 0;
  }
  tbody tr.open,
  tbody tr.detail {
    background: var(--_bg-alt);
  }
  tbody th {
    color: var(--_title);
  }
  .name {
    display: block;
    font-weight: 700;
  }
  .place--commune {
    display: block;
    color: var(--_mention);
  }
  tr.detail td {
    padding-top: 0;
    padding-bottom: 1rem;
  }
  .project {
    margin: 0;
    padding: 0.5rem 0 0 1rem;
    border-left: 3px solid var(--_action);
    max-width: 60rem;
    white-space: pre-line;
  }
  .project-cell {
    white-space: pre-line;
  }
  tfoot th,
  tfoot td {
    background: var(--_contrast);
  }
  mark {
    background: var(--_highlight);
    color: inherit;
    border-radius: 2px;
    box-shadow: 0 1px 0 0 var(--_title);
  }

  /* Disclosure of the project. */
  .disclosure {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    margin: 0.25rem 0 0 -0.25rem;
    padding: 0 0.25rem;
    min-height: 1.5rem;
    border: 0;
    background: transparent;
    color: var(--_action);
    font: inherit;
    font-size: 0.875rem;
    font-weight: 500;
    text-decoration: underline;
    text-underline-offset: 2px;
    cursor: pointer;
  }
  .disclosure:hover {
    text-decoration-thickness: 2px;
  }
  /* Chevron drawn by CSS (no SVG per row): pointing down, up when open. */
  .disclosure::after {
    content: '';
    flex: none;
    width: 0.3125rem;
    height: 0.3125rem;
    margin: 0 0.1875rem 0.1875rem;
    border: solid currentColor;
    border-width: 0 1.5px 1.5px 0;
    transform: rotate(45deg);
  }
  .disclosure[aria-expanded='true']::after {
    margin: 0.1875rem 0.1875rem 0;
    transform: rotate(-135deg);
  }
  .match-hint {
    display: inline-block;
    margin-left: 0.25rem;
    padding: 0 0.25rem;
    background: var(--_highlight);
    color: var(--_text);
    font-size: 0.75rem;
    font-weight: 400;
    line-height: 1.25rem;
  }

  /* Cards (narrow containers). */
  .cards {
    margin: 0;
    padding: 0;
    list-style: none;
    border-top: 1px solid var(--_border);
  }
  .card {
    padding: 0.75rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    /* Cards below the fold are not styled nor laid out until they come near the viewport (style and layout of a
       page of 44 cards: about 55 → 19 ms); the height of an unrendered card is estimated, then remembered. */
    content-visibility: auto;
    contain-intrinsic-size: auto 7rem;
  }
  .card.open {
    background: var(--_bg-alt);
  }
  .card__title {
    margin: 0 0 0.25rem;
    color: var(--_title);
    font-weight: 700;
    font-size: 1rem;
    line-height: 1.5rem;
  }
  /* Status, place and amount on one line (wrapping when narrow); the amount to the right. */
  .card__summary {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75rem;
    margin: 0 0 0.25rem;
    font-size: 0.875rem;
    line-height: 1.375rem;
  }
  .card__place {
    color: var(--_text);
  }
  .card__amount {
    margin-left: auto;
    font-weight: 700;
    color: var(--_title);
    white-space: nowrap;
  }
  .card__details {
    margin-top: 0.5rem;
  }
  .card__fields {
    display: grid;
    grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    gap: 0.5rem 1rem;
    margin: 0 0 0.5rem;
    font-size: 0.875rem;
    line-height: 1.375rem;
  }
  .card__field {
    min-width: 0;
  }
  .card__field--lieu,
  .card__field--territoire,
  .card__field--projet {
    grid-column: 1 / -1;
  }
  .card__fields dt {
    color: var(--_mention);
    font-size: 0.75rem;
    line-height: 1.25rem;
  }
  .card__fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .card__fields dd.num {
    text-align: left;
    font-weight: 700;
    color: var(--_title);
  }
  .card__project {
    margin-top: 0.5rem;
    font-size: 0.875rem;
  }
  .totals {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    margin: 0;
    padding: 0.75rem;
    background: var(--_contrast);
    border-top: 2px solid var(--_border-plain);
    font-size: 0.875rem;
  }
  .totals dt {
    color: var(--_mention);
    font-size: 0.75rem;
  }
  .totals dd {
    margin: 0;
    font-weight: 700;
    color: var(--_title);
    font-variant-numeric: tabular-nums;
  }

  .no-match {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.75rem;
  }
  .no-match p {
    margin: 0;
  }

  /* Pagination: DSFR pattern. */
  .pagination {
    margin-top: 1.5rem;
  }
  .pagination ul {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .page {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.25rem;
    min-width: 2rem;
    min-height: 2rem;
    margin: 0;
    padding: 0.25rem 0.75rem;
    border: 0;
    border-radius: 0;
    background: transparent;
    color: var(--_title);
    font: inherit;
    font-size: 0.875rem;
    line-height: 1.5rem;
    cursor: pointer;
  }
  .page:hover {
    background: var(--background-default-grey-hover, rgba(0, 0, 0, 0.05));
  }
  .page[aria-current='page'] {
    background: var(--_action);
    color: var(--_inverted);
    cursor: default;
  }
  .page[aria-disabled='true'] {
    color: var(--_disabled);
    cursor: default;
    background: transparent;
  }
  .page--first,
  .page--last {
    padding: 0.25rem 0.5rem;
  }
  .page--first .page__label,
  .page--last .page__label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
  }
  .page-gap {
    padding: 0 0.5rem;
    color: var(--_mention);
  }
  @container (max-width: 36rem) {
    .page--previous .page__label,
    .page--next .page__label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0, 0, 0, 0);
      white-space: nowrap;
    }
    .page--previous,
    .page--next {
      padding: 0.25rem 0.5rem;
    }
  }

  @media (forced-colors: active) {
    .tag {
      border: 1px solid ButtonText;
    }
    .tag[aria-pressed='true'] {
      border: 2px solid Highlight;
      outline: 1px solid Highlight;
    }
    .swatch,
    .statut::before {
      forced-color-adjust: none;
      border: 1px solid CanvasText;
    }
    .page[aria-current='page'] {
      border: 2px solid Highlight;
    }
    .page[aria-disabled='true'] {
      color: GrayText;
    }
    [aria-sort] .sort {
      text-decoration: underline;
    }
    mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
    .input,
    .select {
      border: 1px solid FieldText;
    }
    .disclosure {
      color: LinkText;
    }
  }
  @media print {
    .filters,
    .pagination,
    .disclosure,
    .btn--export,
    .sort__icon,
    .sort-select {
      display: none !important;
    }
    tr.detail[hidden],
    .card__project[hidden] {
      display: revert !important;
    }
  }
`;
