import { css } from 'lit';
import { tooltipStyles } from '../../controllers/tooltip.styles.js';

export const donutStyles = css`
  ${tooltipStyles}
  :host {
    --_fb-halo: #ffffff;
  }
  :host([data-relance-theme='dark']) {
    --_fb-halo: #161616;
  }
  :host {
    /* The halo of the focus and selection rings: the page background (solid, also where the widget is transparent). */
    --_halo: var(--relance-background, var(--_fb-halo));
  }
  .body {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem 2rem;
  }
  .chart {
    position: relative;
    flex: 1 1 20rem;
    min-width: 0;
    display: flex;
    justify-content: center;
  }
  @container (min-width: 52rem) {
    .chart {
      flex: 1 1 34rem;
    }
    .legend {
      flex: 0 1 20rem;
    }
  }
  svg {
    display: block;
    overflow: visible;
    max-width: 100%;
    height: auto;
  }
  .slice {
    cursor: pointer;
    stroke: var(--_bg);
    stroke-width: 1;
    transition: d 0.15s ease-out;
  }
  .slice:focus {
    outline: none;
  }
  /* Focus and selection rings, drawn over the slices. */
  .ring {
    fill: none;
    pointer-events: none;
    stroke-linejoin: round;
  }
  .focus-halo {
    stroke: var(--_halo);
    stroke-width: 8;
  }
  .focus-ring {
    stroke: var(--_focus);
    stroke-width: 3;
  }
  .select-halo {
    stroke: var(--_halo);
    stroke-width: 6;
  }
  .select-ring {
    stroke: var(--_title);
    stroke-width: 2.5;
  }
  /* Dimmed, still 3:1 against the background. */
  .dimmed .slice:not([aria-selected='true']) {
    opacity: 0.7;
  }
  .s-association { fill: var(--_c-association); }
  .s-cooperative { fill: var(--_c-cooperative); }
  .s-fondation { fill: var(--_c-fondation); }
  .s-mutuelle { fill: var(--_c-mutuelle); }
  .s-entreprise { fill: var(--_c-entreprise); }
  .s-autre { fill: var(--_c-autre); }
  .pattern-fill {
    pointer-events: none;
  }
  /* Textures: lines of the background colour over the slices (patterns), CanvasText in forced colours. */
  .texture {
    stroke: var(--_texture, var(--_halo));
  }
  .plot {
    position: relative;
    max-width: 100%;
  }
  .inner-label {
    /* color too: contrast checkers read it for SVG text */
    color: var(--_inverted);
    fill: var(--_inverted);
    font-size: 0.8125rem;
    font-weight: 700;
    pointer-events: none;
  }
  .outer-label {
    color: var(--_text);
    fill: var(--_text);
    font-size: 0.875rem;
    pointer-events: none;
  }
  .outer-label .name {
    font-weight: 700;
    color: var(--_title);
    fill: var(--_title);
  }
  .leader {
    fill: none;
    stroke: var(--_mention);
    stroke-width: 1;
    pointer-events: none;
  }
  .centre-value {
    color: var(--_title);
    fill: var(--_title);
    font-weight: 700;
    pointer-events: none;
  }
  .centre-label {
    color: var(--_mention);
    fill: var(--_mention);
    font-size: 0.75rem;
    pointer-events: none;
  }

  .legend {
    flex: 1 1 16rem;
    margin: 0;
    padding: 0;
    list-style: none;
    min-width: 0;
  }
  .legend li {
    display: grid;
    grid-template-columns: 1rem 1fr auto;
    column-gap: 0.75rem;
    align-items: baseline;
    padding: 0.5rem 0.5rem;
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
  }
  .legend li:first-child {
    border-top: 1px solid var(--_border);
  }
  .legend li.selected {
    background: var(--_action-low);
    box-shadow: inset 3px 0 0 var(--_action);
  }
  .legend li.zero {
    cursor: default;
    color: var(--_mention);
  }
  .swatch {
    display: block;
    width: 1rem;
    height: 1rem;
    align-self: center;
  }
  .legend .label {
    font-weight: 700;
    color: var(--_title);
  }
  .legend .detail {
    grid-column: 2 / 4;
    color: var(--_mention);
    font-size: 0.875rem;
  }
  .legend .value {
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    text-align: right;
    color: var(--_title);
  }


  /*
   * Forced colours (Windows contrast themes): system colours only, through the palette. Each status its own texture
   * (CanvasText on Canvas), each slice outlined; the focus ring in Highlight and the selection in CanvasText, each
   * inside a Canvas halo.
   */
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5rem;
    margin-top: 1rem;
  }
  /* The downloads menu (src/export/export.ts): « Télécharger », then its three buttons once open. */
  .downloads summary {
    box-sizing: border-box;
    list-style: none;
    cursor: pointer;
  }
  .downloads summary::-webkit-details-marker {
    display: none;
  }
  @media (forced-colors: active) {
    :host,
    :host([theme]) {
      --_c-association: url(#fc-association);
      --_c-cooperative: url(#fc-cooperative);
      --_c-fondation: url(#fc-fondation);
      --_c-mutuelle: url(#fc-mutuelle);
      --_c-entreprise: url(#fc-entreprise);
      --_c-autre: url(#fc-autre);
      --_halo: Canvas;
      --_focus: Highlight;
      --_title: CanvasText;
      --_text: CanvasText;
      --_mention: CanvasText;
      --_inverted: CanvasText;
      --_texture: CanvasText;
    }
    .slice,
    .swatch rect {
      stroke: CanvasText;
    }
    .dimmed .slice:not([aria-selected='true']) {
      opacity: 1;
    }
    .pattern-fill {
      display: none;
    }
    .inner-label {
      stroke: Canvas;
      stroke-width: 4px;
      stroke-linejoin: round;
      paint-order: stroke;
    }
    .legend li.selected {
      outline: 2px solid CanvasText;
      outline-offset: -2px;
    }
  }
  @media print {
    .legend li {
      break-inside: avoid;
    }
  }
`;
