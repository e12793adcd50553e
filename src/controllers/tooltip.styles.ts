import { css } from 'lit';

/**
 * The tooltip of the map and the donut ({@link TooltipController}): a card over the chart, placed through the CSSOM
 * (`left`, `top`), hidden in print. Included in each widget's styles.
 */
export const tooltipStyles = css`
  .tooltip {
    position: absolute;
    z-index: 2;
    min-width: 10rem;
    max-width: 16rem;
    padding: 0.5rem 0.75rem;
    background: var(--_overlap);
    color: var(--_text);
    border: 1px solid var(--_border);
    box-shadow: 0 6px 18px 0 rgba(0, 0, 18, 0.16);
    font-size: 0.875rem;
    line-height: 1.5rem;
  }
  .tooltip strong {
    display: block;
    color: var(--_title);
  }
  .tooltip p {
    margin: 0;
  }
  @media print {
    .tooltip {
      display: none;
    }
  }
`;
