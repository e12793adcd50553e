import type { TooltipAnchor } from '../../layout/tooltip-layout.js';
import { placeTooltip } from '../../layout/tooltip-layout.js';

/**
 * Positions a rendered tooltip (absolutely positioned in its offset parent) next to `anchor` (viewport coordinates),
 * inside the viewport, through the CSSOM (no style attribute: pages with a strict CSP block them). Adds the class
 * `below` when it goes under the anchor. Shared by the map and the donut.
 */
export function placeTip(tip: HTMLElement, anchor: TooltipAnchor, gap: number): void {
  const parent = (tip.offsetParent ?? tip.parentElement)?.getBoundingClientRect();
  if (!parent) return;
  const root = document.documentElement;
  const viewport = { width: root.clientWidth || innerWidth, height: innerHeight };
  // Twice at most: near the right edge of its container, a tooltip moved left may wrap its text and change height.
  for (let pass = 0; pass < 2; pass++) {
    const size = { width: tip.offsetWidth, height: tip.offsetHeight };
    const p = placeTooltip(anchor, size, viewport, gap);
    tip.style.left = `${p.left - parent.left}px`;
    tip.style.top = `${p.top - parent.top}px`;
    tip.classList.toggle('below', p.below);
    if (tip.offsetWidth === size.width && tip.offsetHeight === size.height) break;
  }
}
