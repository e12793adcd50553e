/**
 * The data tables (« Afficher le tableau ») on a phone: they fit, or they scroll inside a focusable region with a
 * visible hint; they are never clipped, and the page does not scroll sideways.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../src/all.js';
import type { RelanceDataElement } from '../src/base/data-element.js';

const DEMO = '/data/demo/laureats-fictifs.json';

describe('data tables on a phone', () => {
  for (const tag of ['relance-funding-donut', 'relance-territory-map'] as const) {
    for (const lang of ['fr', 'en']) {
      for (const width of [280, 343, 600]) {
        it(`<${tag}> at ${width} px (${lang}): fits, or scrolls in a focusable region with a hint`, async () => {
          const box = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
          box.style.width = `${width}px`;
          const el = document.createElement(tag) as RelanceDataElement;
          el.setAttribute('show-table', '');
          el.setAttribute('src', DEMO);
          box.append(el);
          await waitUntil(
            () => el.dataStatus === 'ready' && el.shadowRoot!.querySelector('.table-wrap table'),
            'table',
            { timeout: 8000 },
          );
          await el.updateComplete;
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          await el.updateComplete;
          const wrap = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
          const hint = el.shadowRoot!.querySelector<HTMLElement>('.table-hint')!;
          const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
          expect(wrap.getBoundingClientRect().right, 'the region stays in the widget').to.be.at.most(
            el.getBoundingClientRect().right + 1,
          );
          expect(getComputedStyle(wrap).overflowX, 'the region scrolls, it does not clip').to.equal('auto');
          expect(wrap.getAttribute('role')).to.equal('region');
          expect(wrap.getAttribute('aria-label')).to.match(/\S/);
          expect(wrap.tabIndex === 0, 'focusable when it scrolls').to.equal(scrolls);
          expect(hint.hidden, 'hint shown when it scrolls').to.equal(!scrolls);
          if (scrolls) expect(hint.getBoundingClientRect().height).to.be.greaterThan(0);
          expect(el.scrollWidth, 'the widget does not scroll sideways').to.be.at.most(width + 1);
          if (width >= 600) expect(scrolls, 'at 600 px the table fits').to.equal(false);
        });
      }
    }
  }
});
