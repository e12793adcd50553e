/**
 * The widgets in the containers of real host pages (demo/hosts.html, built by `npm run build:demo`, with the CDN
 * bundle): a flex row, a layout-table cell, an inline-block, a grid `auto` column, a centred `fit-content` box and
 * DSFR's two- and three-column grids, at 320, 768 and 1280 px. In each: the widget is at least 260 px wide (or as
 * wide as its container when that is narrower), never wider than its container, shows every figure and its chart,
 * and the page has no horizontal scroll.
 */
import { expect } from '@open-wc/testing';

const PAGE = '/demo-dist/demo/hosts.html';
const TAGS = ['relance-key-figures', 'relance-funding-donut', 'relance-territory-map', 'relance-laureate-list'];
const CONTAINERS = ['flex', 'table', 'inline-block', 'grid-auto', 'fit-content', 'cols-2', 'cols-3'];

async function load(width: number): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = '900';
  frame.src = PAGE;
  document.body.append(frame);
  await new Promise((done, fail) => {
    frame.addEventListener('load', done, { once: true });
    frame.addEventListener('error', fail, { once: true });
  });
  const doc = frame.contentDocument!;
  expect(doc.querySelectorAll('[data-host]').length, `${PAGE} (run npm run build:cdn && npm run build:demo)`).to.equal(
    TAGS.length * CONTAINERS.length,
  );
  const deadline = Date.now() + 20_000;
  const ready = () =>
    [...doc.querySelectorAll<HTMLElement & { dataStatus?: string }>(TAGS.join(','))].every(
      (el) => el.dataStatus === 'ready',
    ) && [...doc.querySelectorAll('relance-territory-map')].every((m) => m.shadowRoot?.querySelector('.t[data-code]'));
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('widgets not ready');
    await new Promise((r) => setTimeout(r, 50));
  }
  await doc.fonts.ready;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise((r) => setTimeout(r, 100));
  return { frame, doc };
}

/** Width available to the container's content (its content box). */
function contentWidth(el: Element): number {
  const cs = getComputedStyle(el);
  return el.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
}

/** A rendered box, of some size, inside the widget's box horizontally. */
function visibleIn(part: Element, widget: DOMRect): boolean {
  const r = part.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && r.left >= widget.left - 1 && r.right <= widget.right + 1;
}

describe('widgets in the containers of real pages (demo/hosts.html)', function () {
  this.timeout(60_000);

  for (const width of [320, 768, 1280]) {
    it(`keep their size, figures and chart at ${width} px, with no horizontal scroll`, async () => {
      const { frame, doc } = await load(width);
      try {
        const root = doc.documentElement;
        expect(root.scrollWidth, 'page scroll width').to.be.at.most(root.clientWidth);
        for (const host of doc.querySelectorAll<HTMLElement>('[data-host]')) {
          const widget = host.querySelector<HTMLElement>(TAGS.join(','))!;
          const name = `${widget.localName} in ${host.dataset['host']} at ${width} px`;
          // The box the page gives: the host container's parent (the case), or its column for DSFR's grid.
          const column = host.dataset['host']!.startsWith('cols') ? widget.parentElement! : host.parentElement!;
          // What the boxes between the widget and that column take (a fit-content box's padding, a cell's padding).
          let available = contentWidth(column);
          for (let el = widget.parentElement; el && el !== column; el = el.parentElement) {
            const cs = getComputedStyle(el);
            available -= ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'].reduce(
              (n, k) => n + parseFloat(cs[k as 'paddingLeft']),
              0,
            );
          }
          const box = widget.getBoundingClientRect();
          expect(box.width, name).to.be.at.least(Math.min(260, available) - 2);
          expect(box.width, name).to.be.at.most(contentWidth(column) + 1);
          const shadow = widget.shadowRoot!;
          switch (widget.localName) {
            case 'relance-key-figures': {
              const tiles = [...shadow.querySelectorAll('[part~="figure"]')];
              expect(tiles.length, name).to.equal(4);
              for (const t of tiles)
                expect(visibleIn(t.querySelector('[part="value"]')!, box), `${name}: ${t.textContent}`).to.equal(true);
              break;
            }
            case 'relance-funding-donut': {
              const slices = [...shadow.querySelectorAll('.slice')];
              expect(slices.length, name).to.equal(3);
              for (const s of slices) expect(visibleIn(s, box), name).to.equal(true);
              expect(visibleIn(shadow.querySelector('svg')!, box), name).to.equal(true);
              break;
            }
            case 'relance-territory-map': {
              const svg =
                shadow.querySelector('svg.map, svg[part~="map"]') ??
                shadow.querySelector('.t[data-code]')!.closest('svg')!;
              expect(svg.getBoundingClientRect().width, name).to.be.at.least(Math.min(200, available) - 1);
              expect(visibleIn(svg, box), name).to.equal(true);
              expect(shadow.querySelectorAll('.t[data-code]').length, name).to.be.at.least(18);
              break;
            }
            case 'relance-laureate-list': {
              const rows = [...shadow.querySelectorAll('[part~="row"], tbody tr, .card')].filter(
                (r) => r.getBoundingClientRect().height > 0,
              );
              expect(rows.length, name).to.be.at.least(1);
              for (const r of rows) expect(visibleIn(r, box), name).to.equal(true);
              break;
            }
          }
        }
      } finally {
        frame.remove();
      }
    });
  }
});
