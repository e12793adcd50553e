import { css } from 'lit';

/**
 * The list's pagination (src/parts/pager.ts, DSFR pattern): page buttons, the current and disabled ones, the labels of
 * « first », « last » (and in narrow containers « previous », « next ») kept for screen readers only. After the rows'
 * styles, before the media styles.
 */
export const listPagerStyles = css`
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
`;
