/**
 * Reflow (WCAG 1.4.10) and text spacing (WCAG 1.4.12) on the demo pages (built by `npm run build:demo`, with the
 * CDN bundle), in French and English, light and dark:
 * - at 320 CSS px (what a 1280 px window shows at 400 % zoom: the same layout viewport), no horizontal scroll,
 *   no text clipped, every control inside the viewport;
 * - with line height 1.5, letter spacing 0.12 em, word spacing 0.16 em and paragraph spacing 2 em, applied inside the
 *   widgets' shadow roots too: no text clipped, no two SVG labels overlapping, none outside its widget (an SVG may
 *   draw outside its box, e.g. the donut's callouts, when the widget keeps room for them).
 */
import { expect } from '@open-wc/testing';

const PAGES = ['index.html', 'prefecture.html', 'sans-dsfr.html'];
const SPACING = `*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;

/** Every element of the document and of the shadow roots inside it. */
function deepElements(root: Document | ShadowRoot): Element[] {
  const out: Element[] = [];
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

/** The shadow roots of the document, at any depth. */
const shadowRoots = (doc: Document): ShadowRoot[] =>
  deepElements(doc).flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []));

async function load(
  page: string,
  width: number,
  lang: string,
  theme: string,
): Promise<{ frame: HTMLIFrameElement; doc: Document }> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = '800';
  frame.src = `/demo-dist/demo/${page}`;
  document.body.append(frame);
  await new Promise((done) => frame.addEventListener('load', done, { once: true }));
  const doc = frame.contentDocument!;
  doc.documentElement.lang = lang;
  doc.documentElement.setAttribute('data-fr-theme', theme);
  const widgets = () =>
    deepElements(doc).filter(
      (e) => e.localName.startsWith('relance-') && e.localName !== 'relance-dataset',
    ) as (Element & { dataStatus?: string })[];
  const deadline = Date.now() + 20_000;
  while (
    !(widgets().length > 0 && widgets().every((w) => w.dataStatus === 'ready')) ||
    [...doc.querySelectorAll('relance-territory-map')].some((m) => !m.shadowRoot?.querySelector('.t[data-code]'))
  ) {
    if (Date.now() > deadline) throw new Error(`${page}: widgets not ready`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await doc.fonts.ready;
  await frames(3);
  return { frame, doc };
}

const frames = async (n: number): Promise<void> => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
  await new Promise((r) => setTimeout(r, 50));
};

/** Elements that hide part of their text: overflow hidden or clipped, and content larger than the box. */
function clipped(doc: Document): string[] {
  const out: string[] = [];
  for (const el of deepElements(doc)) {
    if (!(el instanceof HTMLElement) || !el.textContent?.trim()) continue;
    if (el.closest('.sr-only, [hidden], svg') || el.classList.contains('sr-only')) continue;
    const cs = getComputedStyle(el);
    if (cs.display === 'none' || cs.visibility === 'hidden') continue;
    // A scroller shows its overflow; visible overflow is not clipping.
    const clipsX = /hidden|clip/.test(cs.overflowX);
    const clipsY = /hidden|clip/.test(cs.overflowY);
    if ((clipsX && el.scrollWidth > el.clientWidth + 1) || (clipsY && el.scrollHeight > el.clientHeight + 1)) {
      out.push(
        `${el.localName}.${[...el.classList].join('.')} « ${el.textContent.trim().slice(0, 40)} » ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
      );
    }
  }
  return out;
}

/** SVG labels (text) that overlap another label of the same SVG, or leave their widget. */
function svgLabelProblems(doc: Document): string[] {
  const out: string[] = [];
  for (const svg of deepElements(doc).filter((e) => e.localName === 'svg')) {
    if (svg.getBoundingClientRect().width === 0) continue;
    const host = (svg.getRootNode() as ShadowRoot).host;
    const box = (host ?? svg).getBoundingClientRect();
    const labels = [...svg.querySelectorAll('text')]
      .filter(
        (t) =>
          t.textContent?.trim() &&
          getComputedStyle(t).display !== 'none' &&
          getComputedStyle(t).visibility !== 'hidden',
      )
      .map((t) => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }))
      .filter((l) => l.r.width > 0);
    for (const [i, a] of labels.entries()) {
      if (
        a.r.left < box.left - 1 ||
        a.r.right > box.right + 1 ||
        a.r.top < box.top - 1 ||
        a.r.bottom > box.bottom + 1
      ) {
        out.push(`« ${a.text} » leaves its widget`);
      }
      for (const b of labels.slice(i + 1)) {
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && h > 1) out.push(`« ${a.text} » overlaps « ${b.text} » by ${Math.round(w)}×${Math.round(h)} px`);
      }
    }
  }
  return out;
}

describe('reflow and text spacing on the demo pages', function () {
  this.timeout(120_000);

  for (const page of PAGES) {
    for (const [lang, theme] of [
      ['fr', 'light'],
      ['en', 'dark'],
    ] as const) {
      it(`${page} at 320 px (${lang}, ${theme}): no horizontal scroll, nothing clipped, every control reachable`, async () => {
        const { frame, doc } = await load(page, 320, lang, theme);
        try {
          const root = doc.documentElement;
          expect(root.scrollWidth, 'page scroll width').to.be.at.most(root.clientWidth);
          expect(clipped(doc), 'clipped text').to.deep.equal([]);
          const controls = deepElements(doc).filter(
            (e) =>
              e.matches('a[href], button, input, select, textarea, summary, [tabindex="0"]') &&
              !e.closest('[hidden]') &&
              (e as HTMLElement).offsetParent !== null,
          );
          expect(controls.length).to.be.greaterThan(5);
          const outside = controls
            .map((c) => ({ c, r: c.getBoundingClientRect() }))
            .filter(({ r }) => r.width > 0 && (r.left < -1 || r.right > root.clientWidth + 1))
            .map(
              ({ c, r }) =>
                `${c.localName} « ${c.textContent?.trim().slice(0, 30)} » ${Math.round(r.left)}–${Math.round(r.right)}`,
            );
          expect(outside, 'controls outside the viewport').to.deep.equal([]);
        } finally {
          frame.remove();
        }
      });
    }

    for (const width of [320, 1280]) {
      it(`${page} at ${width} px with WCAG text spacing: no text clipped, SVG labels apart and inside their widget`, async () => {
        const { frame, doc } = await load(page, width, 'fr', 'light');
        try {
          const sheet = new (frame.contentWindow as unknown as typeof window).CSSStyleSheet();
          sheet.replaceSync(SPACING);
          for (const root of [doc, ...shadowRoots(doc)]) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
          // Widgets that lay labels out from measured text do it again.
          frame.contentWindow!.dispatchEvent(new Event('resize'));
          await frames(6);
          expect(doc.documentElement.scrollWidth, 'page scroll width').to.be.at.most(doc.documentElement.clientWidth);
          expect(clipped(doc), 'clipped text').to.deep.equal([]);
          expect(svgLabelProblems(doc), 'SVG labels').to.deep.equal([]);
        } finally {
          frame.remove();
        }
      });
    }
  }
});
