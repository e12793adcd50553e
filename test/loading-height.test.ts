/**
 * While its data loads, a widget reserves about the height it will take (a skeleton), so that the page does not jump
 * when the data arrives: within a fifth of the final height, for every widget, narrow and wide.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/all.js';
import type { RelanceDataElement } from '../src/base/data-element.js';

/** The demo file, answered after a delay by the test server (see test/server/faults.mjs). */
const slow = (ms: number) => `/__faults/slow/${ms}/data/demo/laureats-fictifs.json`;
const TAGS = ['relance-key-figures', 'relance-funding-donut', 'relance-territory-map', 'relance-laureate-list'];

describe('loading reserves the height the widget will take', () => {
  for (const width of [360, 1100]) {
    for (const tag of TAGS) {
      it(`<${tag}> at ${width} px`, async () => {
        const box = await fixture<HTMLDivElement>(html`<div></div>`);
        box.style.width = `${width}px`;
        const el = document.createElement(tag) as RelanceDataElement;
        el.setAttribute('caption', 'Titre');
        el.setAttribute('src', slow(400));
        box.append(el);
        await el.updateComplete;
        expect(el.dataStatus).to.equal('loading');
        expect(el.shadowRoot!.querySelector('[part="loading"]')).to.exist;
        const loading = el.getBoundingClientRect().height;
        await waitUntil(() => el.dataStatus === 'ready', 'data', { timeout: 5000 });
        if (tag === 'relance-territory-map')
          await waitUntil(() => el.shadowRoot!.querySelector('.t[data-code]'), 'geometry', { timeout: 5000 });
        await el.updateComplete;
        await document.fonts.ready;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const ready = el.getBoundingClientRect().height;
        expect(
          Math.abs(ready - loading) / ready,
          `${tag} at ${width} px: ${Math.round(loading)} px while loading, ${Math.round(ready)} px with its data`,
        ).to.be.below(0.2);
      });
    }
  }
});
