/**
 * Where a tooltip goes so that it stays in the viewport: above its anchor (the shape it describes) when there is room,
 * else below it, else on the side with more room; centred on the anchor horizontally, moved in from the edges. Pure
 * function, viewport coordinates in px.
 */

/** The shape a tooltip describes: its horizontal middle, its top and bottom. */
export interface TooltipAnchor {
  x: number;
  top: number;
  bottom: number;
}

export interface TooltipPlacement {
  left: number;
  top: number;
  /** Under the anchor (else above). */
  below: boolean;
}

/**
 * Places a tooltip of `size` next to `anchor` inside a viewport of `viewport`, `gap` px away from the anchor and at
 * least `margin` px from the viewport's edges (when it fits at all).
 */
export function placeTooltip(
  anchor: TooltipAnchor,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
  margin = 8,
): TooltipPlacement {
  const left = Math.max(0, Math.min(Math.max(margin, anchor.x - size.width / 2), viewport.width - margin - size.width));
  const above = anchor.top - gap - size.height;
  const under = anchor.bottom + gap;
  // Slack on each side (negative: it does not fit there); below only when it does not fit above, and fits better.
  const below = above < margin && viewport.height - margin - size.height - under > above - margin;
  const top = Math.max(margin, Math.min(below ? under : above, viewport.height - margin - size.height));
  return { left: Math.round(left), top: Math.round(top), below };
}
