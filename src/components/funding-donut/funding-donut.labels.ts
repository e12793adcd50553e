/**
 * The donut's labels as the page renders them (its font, the reader's text spacing), read after each render: the size
 * of the callouts, from which the donut is laid out again; the shares on the slices and the centre's label, hidden
 * where they do not fit (the legend and the total still say them). DOM reads only, through the shadow root.
 */

/** Width and height of the widest and tallest callout as rendered, or undefined without callouts. */
export function calloutSize(root: ParentNode): [number, number] | undefined {
  const callouts = [...root.querySelectorAll<SVGTextElement>('.outer-label')].map((t) => t.getBBox());
  if (!callouts.length) return undefined;
  return [Math.ceil(Math.max(...callouts.map((b) => b.width))), Math.ceil(Math.max(...callouts.map((b) => b.height)))];
}

/**
 * A share on a slice only where it fits, as rendered: else the legend says it. The same for the centre's label in the
 * hole of the ring (the total stays). Through the CSSOM (`visibility`): a strict CSP blocks style attributes.
 */
export function fitLabels(root: ParentNode): void {
  const slices = [...root.querySelectorAll<SVGPathElement>('.slice')];
  const corners = (t: SVGTextElement) => {
    const b = t.getBBox();
    return [
      new DOMPoint(b.x, b.y),
      new DOMPoint(b.x + b.width, b.y),
      new DOMPoint(b.x, b.y + b.height),
      new DOMPoint(b.x + b.width, b.y + b.height),
    ];
  };
  for (const t of root.querySelectorAll<SVGTextElement>('.inner-label')) {
    const slice = slices.find((p) => p.dataset['key'] === t.getAttribute('data-key'));
    t.style.visibility = slice && corners(t).every((c) => slice.isPointInFill(c)) ? '' : 'hidden';
  }
  const centre = root.querySelector<SVGTextElement>('.centre-label');
  if (centre)
    centre.style.visibility = corners(centre).some((c) => slices.some((p) => p.isPointInFill(c))) ? 'hidden' : '';
}
