/**
 * Non-text contrast (WCAG 1.4.11) of the list and the key figures, from the colours the browser paints (the map and
 * the donut have their own tests): the status markers and the filter swatches, and the focus ring of every control,
 * at 3:1 against what they sit on, light and dark, with and without DSFR's stylesheet.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/all.js';
import type { RelanceDataElement } from '../../src/base/data-element.js';
import { parseColour, over } from '../../src/layout/colour.js';
import { backgroundOf, contrast } from '../../src/test-helpers/contrast.js';

const DEMO = '/data/demo/laureats-fictifs.json';
const ratio = (a: ReturnType<typeof parseColour>, b: ReturnType<typeof parseColour>) =>
  Math.round(contrast(a!, b!) * 100) / 100;

describe('non-text contrast of the list and the key figures', () => {
  for (const dsfr of [false, true]) {
    for (const theme of ['light', 'dark']) {
      it(`status markers, swatches and focus rings at 3:1 (${theme}${dsfr ? ', DSFR page' : ''})`, async () => {
        const link = document.createElement('link');
        if (dsfr) {
          link.rel = 'stylesheet';
          link.href = '/node_modules/@gouvfr/dsfr/dist/dsfr.min.css';
          document.head.append(link);
          await new Promise((r) => link.addEventListener('load', r, { once: true }));
        }
        document.documentElement.setAttribute('data-fr-theme', theme);
        try {
          const page = await fixture(html`<div style="width: 1000px">
            <relance-key-figures src=${DEMO}></relance-key-figures>
            <relance-laureate-list src=${DEMO} page-size="5"></relance-laureate-list>
          </div>`);
          const list = page.querySelector<RelanceDataElement>('relance-laureate-list')!;
          const figures = page.querySelector<RelanceDataElement>('relance-key-figures')!;
          await waitUntil(() => list.dataStatus === 'ready' && figures.dataStatus === 'ready', 'data');
          await list.updateComplete;
          const root = list.shadowRoot!;
          const low: string[] = [];
          // The status markers of the rows and the swatches of the status filters.
          const markers = [...root.querySelectorAll('.statut')];
          expect(markers.length).to.be.greaterThan(0);
          for (const m of markers) {
            const colour = parseColour(getComputedStyle(m, '::before').backgroundColor)!;
            const bg = backgroundOf(m.firstChild ? m : m);
            const r = ratio(over(colour, bg), bg);
            if (r < 3) low.push(`marker ${m.textContent?.trim()}: ${r}`);
          }
          const swatches = [...root.querySelectorAll('.tag .swatch')];
          expect(swatches.length).to.be.greaterThan(0);
          for (const s of swatches) {
            const colour = parseColour(getComputedStyle(s).backgroundColor)!;
            const bg = backgroundOf(s);
            const r = ratio(over(colour, bg), bg);
            if (r < 3) low.push(`swatch ${s.parentElement?.textContent?.trim()}: ${r}`);
          }
          // Focus rings: Tab through the list's controls; each ring against what it sits on.
          const before = document.createElement('button');
          before.textContent = 'avant';
          page.prepend(before);
          before.focus();
          const seen = new Set<Element>();
          for (let i = 0; i < 14; i++) {
            await sendKeys({ press: 'Tab' });
            let el: Element | null = document.activeElement;
            while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
            if (!el || seen.has(el) || !(el.getRootNode() as ShadowRoot).host) continue;
            seen.add(el);
            const cs = getComputedStyle(el);
            expect(cs.outlineStyle, `${el.localName} outline`).not.to.equal('none');
            const ring = parseColour(cs.outlineColor)!;
            const bg = backgroundOf(el);
            const r = ratio(ring, bg);
            if (r < 3) low.push(`focus ring of ${el.localName}.${el.className}: ${r}`);
          }
          expect(seen.size, 'controls reached').to.be.greaterThan(5);
          expect(low).to.deep.equal([]);
        } finally {
          document.documentElement.removeAttribute('data-fr-theme');
          link.remove();
        }
      });
    }
  }
});
