import { css } from 'lit';

/**
 * The list's styles, in four modules combined in this order in the component's `static styles` (the order of the
 * cascade): this one (the host's tokens, the wrapper, the filters form, the status markers, the results bar), then
 * `laureate-list.rows.styles.ts` (table and cards), `laureate-list.pager.styles.ts` (pagination) and
 * `laureate-list.media.styles.ts` (forced colours and print, for every part, last).
 */
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
`;
