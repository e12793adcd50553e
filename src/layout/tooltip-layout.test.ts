import { expect } from '@open-wc/testing';
import { placeTooltip } from './tooltip-layout.js';

const VIEW = { width: 320, height: 480 };
const SIZE = { width: 200, height: 80 };
const inside = (p: { left: number; top: number }) =>
  p.left >= 8 && p.left + SIZE.width <= VIEW.width - 8 && p.top >= 8 && p.top + SIZE.height <= VIEW.height - 8;

describe('placeTooltip', () => {
  it('puts the tooltip above its anchor, centred, when there is room', () => {
    expect(placeTooltip({ x: 160, top: 300, bottom: 340 }, SIZE, VIEW)).to.deep.equal({
      left: 60,
      top: 214,
      below: false,
    });
  });

  it('puts it below when the anchor is near the top of the viewport', () => {
    expect(placeTooltip({ x: 160, top: 40, bottom: 90 }, SIZE, VIEW)).to.deep.equal({ left: 60, top: 96, below: true });
    // Above the viewport (scrolled past): below still.
    expect(placeTooltip({ x: 160, top: -300, bottom: 20 }, SIZE, VIEW)).to.deep.equal({
      left: 60,
      top: 26,
      below: true,
    });
  });

  it('moves it in from the left and right edges', () => {
    expect(placeTooltip({ x: 310, top: 300, bottom: 340 }, SIZE, VIEW).left).to.equal(112);
    expect(placeTooltip({ x: 5, top: 300, bottom: 340 }, SIZE, VIEW).left).to.equal(8);
  });

  it('stays in the viewport whatever the anchor, when it fits at all', () => {
    for (let x = -100; x <= 420; x += 20) {
      for (let top = -200; top <= 600; top += 25) {
        for (const h of [0, 30, 400]) {
          const p = placeTooltip({ x, top, bottom: top + h }, SIZE, VIEW);
          expect(inside(p), `${x} ${top} ${h}: ${JSON.stringify(p)}`).to.equal(true);
        }
      }
    }
    // Wider than the viewport: from its left edge.
    expect(placeTooltip({ x: 100, top: 300, bottom: 320 }, { width: 400, height: 50 }, VIEW).left).to.equal(0);
  });
});
