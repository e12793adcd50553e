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
  const maxLeft = viewport.width - margin - size.width;
  const left = Math.max(Math.min(anchor.x - size.width / 2, maxLeft), Math.min(margin, maxLeft > 0 ? margin : 0));
  const above = anchor.top - gap - size.height;
  const under = anchor.bottom + gap;
  const roomAbove = anchor.top - gap - margin;
  const roomBelow = viewport.height - margin - under;
  let below = !(above >= margin) && (roomBelow >= size.height || roomBelow > roomAbove);
  let top = below ? under : above;
  // Fits on neither side: the side with more room, then moved into the viewport (over the anchor if need be).
  if (!(top >= margin) || top + size.height > viewport.height - margin) {
    below = roomBelow > roomAbove;
    top = Math.max(margin, Math.min(below ? under : above, viewport.height - margin - size.height));
  }
  return { left: Math.round(left), top: Math.round(top), below };
}
