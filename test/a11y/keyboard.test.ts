/**
 * A full Tab walk of each demo page (built by `npm run build:demo`, with the CDN bundle), as a keyboard user makes
 * it: the walk goes through the page and out of it (no trap), every stop is visible on screen, and every stop shows
 * a focus indicator (its own outline or shadow, or the ring a chart draws over a slice or a territory).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

const PAGES = ['index.html', 'prefecture.html', 'sans-dsfr.html'];

/** The focused element, inside shadow roots and the frame. */
function deepActive(doc: Document): Element | null {
  let el: Element | null = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

/** A short name for a focus stop, for the report. */
function describe_(el: Element): string {
  const host = (el.getRootNode() as ShadowRoot).host;
  const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
  return `${host ? `${host.localName} ` : ''}${el.localName}${el.getAttribute('part') ? `[${el.getAttribute('part')}]` : ''} « ${text} »`;
}

/**
 * Whether the stop shows a focus indicator: an outline (2 px or more, or the browser's own `auto` ring) or a box shadow
 * on the element or on its ::before / ::after (DSFR draws the ring of an « enlarged » link on its ::before), or the
 * ring a chart draws over a slice or a territory.
 */
function indicated(el: Element): boolean {
  for (const pseudo of [null, '::before', '::after']) {
    const cs = getComputedStyle(el, pseudo);
    if (cs.outlineStyle === 'auto' || (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2)) return true;
    if (cs.boxShadow && cs.boxShadow !== 'none') return true;
  }
  // Elements of the frame's realm: SVG by namespace (instanceof would test against this window's classes).
  if (el.namespaceURI === 'http://www.w3.org/2000/svg') {
    const root = el.getRootNode() as ShadowRoot;
    const box = el.getBoundingClientRect();
    return [...root.querySelectorAll('.hl--focus, .focus-ring')].some((ring) => {
      const r = ring.getBoundingClientRect();
      const visible = getComputedStyle(ring).display !== 'none' && getComputedStyle(ring).visibility !== 'hidden';
      return (
        visible && r.width > 0 && r.left < box.right && r.right > box.left && r.top < box.bottom && r.bottom > box.top
      );
    });
  }
  return false;
}

describe('keyboard: a Tab walk of each demo page', function () {
  this.timeout(180_000);

  for (const page of PAGES) {
    it(`${page}: no trap, every stop visible, focus visible on every stop`, async () => {
      const before = document.createElement('button');
      before.textContent = 'avant la page';
      const after = document.createElement('button');
      after.textContent = 'après la page';
      const frame = document.createElement('iframe');
      frame.width = '1100';
      frame.height = '700';
      frame.src = `/demo-dist/demo/${page}`;
      document.body.append(before, frame, after);
      try {
        await new Promise((done) => frame.addEventListener('load', done, { once: true }));
        const doc = frame.contentDocument!;
        const win = frame.contentWindow!;
        const deadline = Date.now() + 20_000;
        const ready = () =>
          [
            ...doc.querySelectorAll(
              'relance-key-figures, relance-funding-donut, relance-territory-map, relance-laureate-list',
            ),
          ].every((w) => (w as unknown as { dataStatus: string }).dataStatus === 'ready') &&
          [...doc.querySelectorAll('relance-territory-map')].every((m) => m.shadowRoot?.querySelector('.t[data-code]'));
        while (!ready()) {
          if (Date.now() > deadline) throw new Error(`${page}: widgets not ready`);
          await new Promise((r) => setTimeout(r, 50));
        }
        await doc.fonts.ready;
        before.focus();
        const stops: string[] = [];
        const problems: string[] = [];
        for (let i = 0; i < 400; i++) {
          await sendKeys({ press: 'Tab' });
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          if (document.activeElement === after) break;
          const el = deepActive(doc);
          if (!el || document.activeElement !== frame) {
            problems.push(`stop ${i + 1}: focus outside the page (${document.activeElement?.localName})`);
            break;
          }
          const name = describe_(el);
          stops.push(name);
          const r = el.getBoundingClientRect();
          if (r.width < 1 || r.height < 1)
            problems.push(`${name}: invisible stop (${Math.round(r.width)}×${Math.round(r.height)})`);
          else if (r.bottom < 0 || r.top > win.innerHeight || r.right < 0 || r.left > win.innerWidth)
            problems.push(`${name}: off screen`);
          if (!indicated(el)) problems.push(`${name}: no focus indicator`);
        }
        expect(
          document.activeElement,
          `the walk leaves the page after ${stops.length} stops: ${stops.slice(-5).join(' → ')}`,
        ).to.equal(after);
        expect(stops.length).to.be.greaterThan(10);
        expect(problems, stops.join('\n')).to.deep.equal([]);
      } finally {
        before.remove();
        frame.remove();
        after.remove();
      }
    });
  }
});
