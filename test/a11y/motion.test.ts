/**
 * The reader's « reduce motion » preference (WCAG 2.3.3, prefers-reduced-motion): no transition nor animation left in
 * any widget (the donut's slices, the loading spinner, the disclosures…), while they move without it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/all.js';
import type { RelanceDataElement } from '../../src/base/data-element.js';
import { canEmulateReducedMotion, emulateReducedMotion } from '../engine.js';

/** The longest transition or animation of any element of the widgets' shadow roots, in ms. */
function longestMotion(root: Element): number {
  let longest = 0;
  const ms = (v: string) =>
    Math.max(...v.split(',').map((d) => (d.trim().endsWith('ms') ? parseFloat(d) : parseFloat(d) * 1000)));
  for (const host of root.querySelectorAll('*')) {
    for (const el of host.shadowRoot?.querySelectorAll('*') ?? []) {
      const cs = getComputedStyle(el);
      longest = Math.max(
        longest,
        ms(cs.transitionDuration),
        cs.animationName !== 'none' ? ms(cs.animationDuration) : 0,
      );
    }
  }
  return longest;
}

// Excluded in WebKit: WebKitWebDriver cannot set the reduced-motion preference (test/engine.ts).
(canEmulateReducedMotion ? describe : describe.skip)('reduced motion', () => {
  it('leaves no transition nor animation in the widgets when the reader asks for less motion', async () => {
    const page = await fixture(html`<div style="width: 900px">
      <relance-funding-donut src="/data/demo/laureats-fictifs.json"></relance-funding-donut>
      <relance-laureate-list src="/data/demo/laureats-fictifs.json" page-size="5"></relance-laureate-list>
      <relance-key-figures src="/__faults/hang/-/data/demo/laureats-fictifs.json"></relance-key-figures>
    </div>`);
    const [donut, list, figures] = [...page.children] as RelanceDataElement[];
    await waitUntil(
      () => donut!.dataStatus === 'ready' && list!.dataStatus === 'ready' && figures!.dataStatus === 'loading',
      'widgets',
    );
    await donut!.updateComplete;
    // Without the preference, things move (the donut's slices, the spinner).
    expect(longestMotion(page)).to.be.greaterThan(100);
    await emulateReducedMotion(true);
    try {
      expect(longestMotion(page)).to.be.at.most(1);
    } finally {
      await emulateReducedMotion(false);
    }
  });
});
