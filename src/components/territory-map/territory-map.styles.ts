import { css } from 'lit';
import { tooltipStyles } from '../../controllers/tooltip.styles.js';

/**
 * Map palette. Classes: a perceptual ramp, evenly spaced in OKLab lightness (`MAP_RAMPS` in src/layout/colour.ts), from
 * DSFR blue-france 625 to sun 113 in light (the lightest class 3.7:1 against white), from main 525 to 950 in dark (3.7:1
 * against #161616), so that more is always more contrast with the background. Territories are parted by lines of the
 * background colour, which every class contrasts with (3:1 or more): neighbouring classes are told apart by these
 * borders, not by hue. « Aucun lauréat »: a flat grey with an outline at 3:1 against the background; « valeur non
 * renseignée »: hatched. Focus and selection: a ring inside a halo of the background colour, so that one of the two
 * contrasts with any fill. Overridable with `--relance-map-1` … `--relance-map-5`, `--relance-map-none`,
 * `--relance-map-none-line`, `--relance-map-border`, `--relance-map-symbol`.
 */
export const mapStyles = css`
  ${tooltipStyles}
  :host {
    --_fb-map-1: #7a79e9;
    --_fb-map-2: #5a60d3;
    --_fb-map-3: #3b47be;
    --_fb-map-4: #1c2ba8;
    --_fb-map-5: #000091;
    --_fb-map-none: #eeeeee;
    --_fb-map-none-line: #8a8a8a;
    --_fb-map-border: #ffffff;
    --_fb-map-symbol: #e4794a;
    --_fb-map-symbol-stroke: #755348;
    --_fb-map-inset: #8a8a8a;
  }
  :host([data-relance-theme='dark']) {
    --_fb-map-1: #615fe8;
    --_fb-map-2: #8284f0;
    --_fb-map-3: #a5a7f6;
    --_fb-map-4: #c8c9fb;
    --_fb-map-5: #ececfe;
    --_fb-map-none: #242424;
    --_fb-map-none-line: #707070;
    --_fb-map-border: #161616;
    --_fb-map-symbol: #e4794a;
    --_fb-map-symbol-stroke: #fcc0b4;
    --_fb-map-inset: #707070;
  }
  :host {
    --_map-1: var(--relance-map-1, var(--_fb-map-1));
    --_map-2: var(--relance-map-2, var(--_fb-map-2));
    --_map-3: var(--relance-map-3, var(--_fb-map-3));
    --_map-4: var(--relance-map-4, var(--_fb-map-4));
    --_map-5: var(--relance-map-5, var(--_fb-map-5));
    --_map-none: var(--relance-map-none, var(--_fb-map-none));
    --_map-none-line: var(--relance-map-none-line, var(--_fb-map-none-line));
    --_map-border: var(--relance-map-border, var(--_fb-map-border));
    --_map-symbol: var(--relance-map-symbol, var(--_fb-map-symbol));
    --_map-symbol-stroke: var(--_fb-map-symbol-stroke);
    --_map-inset: var(--_fb-map-inset);
    --_map-focus: var(--_focus);
  }

  svg.defs {
    position: absolute;
    width: 0;
    height: 0;
    overflow: hidden;
  }
  .body {
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  .body.side {
    flex-direction: row;
    align-items: flex-start;
    gap: 2rem;
  }
  .map {
    position: relative;
    max-width: 100%;
    flex: none;
  }
  .placeholder {
    display: flex;
    align-items: center;
    justify-content: center;
    background: var(--_bg-alt);
    max-width: 100%;
  }
  .placeholder .notice {
    margin: 1rem;
  }
  svg.chart {
    display: block;
    max-width: 100%;
    height: auto;
    forced-color-adjust: none;
  }
  /*
   * Territories. --_edge, --_edge-width and --_nofill are set only by .edge: the copies of a territory inside a
   * <use class="edge"> are styled by the rules of the territory, and inherit these from the <use>.
   */
  .t {
    stroke: var(--_edge, var(--_map-border));
    stroke-width: var(--_edge-width, var(--_bw, 1));
    stroke-linejoin: round;
    cursor: pointer;
  }
  .departement .t {
    stroke-width: var(--_edge-width, var(--_bw, 0.75));
  }
  .t:focus {
    outline: none;
  }
  .c1 { fill: var(--_nofill, var(--_map-1)); }
  .c2 { fill: var(--_nofill, var(--_map-2)); }
  .c3 { fill: var(--_nofill, var(--_map-3)); }
  .c4,
  .present { fill: var(--_nofill, var(--_map-4)); }
  .c5 { fill: var(--_nofill, var(--_map-5)); }
  .none { fill: var(--_nofill, var(--_map-none)); }
  .t.none,
  .t.unknown {
    stroke: var(--_edge, var(--_map-none-line));
  }
  /* The borders of coloured territories drawn again, without fill, over their neighbours' outlines. */
  .edge {
    --_nofill: none;
    --_edge: var(--_map-border);
    fill: none;
    stroke: var(--_edge);
    stroke-width: var(--_edge-width, 1);
    stroke-linejoin: round;
    pointer-events: none;
  }
  .departement .edge {
    stroke-width: var(--_edge-width, 0.75);
  }
  .hatch-bg {
    fill: var(--_map-border);
  }
  .hatch-line {
    stroke: var(--_map-none-line);
    stroke-width: 1.25;
  }
  .hl {
    fill: none;
    pointer-events: none;
    stroke-linejoin: round;
  }
  .hl--hover {
    stroke: var(--_title);
    stroke-width: 1.5;
  }
  .hl--halo {
    stroke: var(--_map-border);
    stroke-width: 6;
  }
  .hl--selected {
    stroke: var(--_title);
    stroke-width: 2.5;
  }
  .hl--focus-halo {
    stroke: var(--_map-border);
    stroke-width: 8;
  }
  .hl--focus {
    stroke: var(--_map-focus);
    stroke-width: 3;
  }
  .inset {
    fill: none;
    stroke: var(--_map-inset);
    stroke-width: 1;
  }
  .text-probe {
    position: absolute;
    top: 0;
    left: 0;
    visibility: hidden;
    white-space: pre;
    font-size: 12px;
    font-weight: 500;
    pointer-events: none;
  }
  .label-probe {
    font-weight: 500;
  }
  .inset-label {
    /* color too: contrast checkers read it for SVG text */
    color: var(--_text);
    fill: var(--_text);
    font-weight: 500;
    pointer-events: none;
  }
  .symbol {
    fill: var(--_map-symbol);
    fill-opacity: 0.85;
    stroke: var(--_map-symbol-stroke);
    stroke-width: 1;
    pointer-events: none;
  }

  /* The tooltip (tooltipStyles): the pointer goes through it, to the territory under it. */
  .tooltip {
    pointer-events: none;
  }
  .tooltip .class {
    color: var(--_mention);
  }

  .legend {
    flex: 1 1 auto;
    min-width: 0;
    font-size: 0.875rem;
    line-height: 1.5rem;
  }
  .side .legend {
    flex: 0 1 18rem;
    padding-top: 0.5rem;
  }
  .legend__block {
    margin: 0 0 1rem;
  }
  .legend__title {
    margin: 0 0 0.5rem;
    color: var(--_title);
    font-weight: 700;
  }
  .legend ul {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .body:not(.side) .legend ul.classes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    column-gap: 1.5rem;
  }
  .legend li {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
  }
  .legend li .swatch {
    margin-top: 0.25rem;
  }
  .legend .count {
    color: var(--_mention);
    white-space: nowrap;
  }
  /* Beside the map, the count on a line of its own: limits and counts would otherwise wrap anywhere. */
  .side .legend .count {
    display: block;
  }
  .side .legend .dot {
    display: none;
  }
  .swatch {
    display: block;
    flex: none;
    width: 1.5rem;
    height: 1rem;
  }
  .swatch .none,
  .swatch .unknown {
    stroke: var(--_map-none-line);
  }
  .note {
    margin: 0.5rem 0 0;
    color: var(--_mention);
  }
  .legend ul.symbols {
    flex-flow: row wrap;
    align-items: flex-end;
    gap: 0.5rem 1.25rem;
  }
  .legend ul.symbols li {
    flex-direction: column;
    align-items: center;
    gap: 0.25rem;
    font-size: 0.75rem;
    line-height: 1.25rem;
    white-space: nowrap;
  }
  .symbol-legend svg {
    display: block;
  }
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
  td.none {
    color: var(--_mention);
  }

  /* Patterns of the forced colours (defined always, used only there): more ink for more. */
  .fc-ink {
    fill: CanvasText;
  }
  .fc-line {
    stroke: CanvasText;
  }
  /*
   * Forced colours (Windows contrast themes): system colours only, through the palette. Classes from sparse dots to
   * solid CanvasText, « aucun lauréat » plain Canvas outlined, values not given hatched; borders a thin CanvasText line
   * between Canvas margins; the focus ring in Highlight and the selection in CanvasText, each inside a Canvas halo.
   */
  @media (forced-colors: active) {
    :host,
    :host([theme]) {
      --_map-1: url(#fc-1);
      --_map-2: url(#fc-2);
      --_map-3: url(#fc-3);
      --_map-4: url(#fc-4);
      --_map-5: CanvasText;
      --_map-none: Canvas;
      --_map-none-line: CanvasText;
      --_map-border: Canvas;
      --_map-focus: Highlight;
      --_map-inset: CanvasText;
      --_map-symbol: Canvas;
      --_map-symbol-stroke: CanvasText;
      --_title: CanvasText;
      --_text: CanvasText;
      --_bw: 2;
    }
    .t.none,
    .t.unknown {
      stroke-width: var(--_edge-width, 1);
    }
    .edge {
      --_edge: CanvasText;
      --_edge-width: 0.75;
    }
    .swatch rect {
      stroke: CanvasText;
    }
    .symbol {
      fill-opacity: 1;
    }
  }
  @media print {
    .hl--focus,
    .hl--focus-halo,
    .hl--hover {
      display: none;
    }
    .table-wrap[hidden] {
      display: block !important;
    }
    .table-wrap {
      overflow: visible;
    }
    .body.side {
      flex-direction: column;
    }
    svg.chart,
    .swatch,
    .symbol {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    tr {
      break-inside: avoid;
    }
  }
`;
