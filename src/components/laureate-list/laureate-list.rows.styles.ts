import { css } from 'lit';

/**
 * The rows of the list (laureate-list.rows.ts): the table (DSFR look, no sideways scrolling), the project's disclosure,
 * the cards of narrow containers, the totals, and the message when nothing matches. After `listStyles`, before the
 * pager's styles.
 */
export const listRowsStyles = css`
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
`;
