/**
 * The embed page (`cdn/embed.html`, built by `npm run build:cdn`), as a CMS page without scripts uses it: in an
 * `<iframe>` on a page of another origin, sandboxed with `allow-scripts` only (an opaque origin), sized by `resize.js`
 * from the height the page posts.
 *
 * - The test page (localhost, the test runner's port) is the CMS page; the embed page and the data are served by a
 *   second server (127.0.0.1, another port: test/embed/second-origin.mjs), with `Access-Control-Allow-Origin: *` as a
 *   CDN sends it, and the page's own policy also sent report-only with a `report-uri`: no violation may be reported.
 * - Each case is also opened without sandbox from the test page's own origin, where the test can read inside: the
 *   content's bottom edge, the widgets' state, the refusal message. The sandboxed frame must report the same height.
 * - Hostile query strings are refused (the message, no widget) and run no script: every payload would post
 *   « pwned » to this page or set `__pwned` if it ran.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { engine } from '../engine.js';

const B = await executeServerCommand<string, undefined>('second-origin');
const DATA = `${B}/data/demo/laureats-fictifs.json`;
const PAGE = '/cdn/embed.html';

type Widget = HTMLElement & { dataStatus?: string; geometryStatus?: string; groupFilter?: { regions?: string[] } };
interface Posted {
  source: MessageEventSource | null;
  origin: string;
  data: unknown;
}
const posted: Posted[] = [];
window.addEventListener('message', (e) => posted.push({ source: e.source, origin: e.origin, data: e.data }));

// The parent page's side: resize.js as a webmaster loads it.
await new Promise((resolve, reject) => {
  const script = document.createElement('script');
  script.src = '/cdn/resize.js';
  script.onload = resolve;
  script.onerror = reject;
  document.head.append(script);
});

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
});

async function openFrame(url: string, options: { sandbox?: boolean; width?: number } = {}): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.width = String(options.width ?? 800);
  frame.height = '300';
  frame.title = 'embed';
  if (options.sandbox) frame.setAttribute('sandbox', 'allow-scripts');
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = url;
  document.body.append(frame);
  frames.push(frame);
  // In view, over the same-origin copy: browsers pause the rendering of a cross-origin iframe out of view (no layout,
  // no resize observation, no animation frame) until it is scrolled to.
  if (options.sandbox) {
    frame.style.position = 'fixed';
    frame.style.top = '0';
    frame.style.left = '0';
    frame.style.background = 'white';
  }
  await loaded;
  return frame;
}

/** The height messages a frame posted, in order. */
const heights = (frame: HTMLIFrameElement): { type: string; widget: string; height: number }[] =>
  posted
    .filter((p) => p.source === frame.contentWindow)
    .map((p) => p.data as { type: string; widget: string; height: number });
const lastHeight = (frame: HTMLIFrameElement): number | undefined => heights(frame).at(-1)?.height;

/** The bottom edge of what the page shows: its last visible block (body has no margin). */
function contentBottom(doc: Document): number {
  let bottom = 0;
  for (const child of doc.body.children) {
    const r = child.getBoundingClientRect();
    if (r.height > 0) bottom = Math.max(bottom, r.bottom + doc.documentElement.scrollTop);
  }
  return bottom;
}

const query = (params: Record<string, string>): string => `?${new URLSearchParams(params).toString()}`;

const CASES: { name: string; params: Record<string, string>; tags: string[] }[] = [
  {
    name: 'key figures',
    params: { widget: 'relance-key-figures', src: DATA, caption: 'Chiffres clés' },
    tags: ['relance-key-figures'],
  },
  {
    name: 'donut',
    params: { widget: 'relance-funding-donut', src: DATA, metric: 'laureats' },
    tags: ['relance-funding-donut'],
  },
  {
    name: 'map by département',
    params: { widget: 'relance-territory-map', src: DATA, level: 'departement', metric: 'montant', lang: 'fr' },
    tags: ['relance-territory-map'],
  },
  // The table layout, five rows a page: the list's cards (its layout at 320 px) are laid out only when they come near
  // the browser's viewport (content-visibility), their height estimated until then, so that the height of a long page
  // of cards is exact only once scrolled through (the page reports it again then).
  {
    name: 'list',
    params: { widget: 'relance-laureate-list', src: DATA, caption: 'Lauréats', 'page-size': '5', layout: 'table' },
    tags: ['relance-laureate-list'],
  },
  {
    name: 'a dashboard, in English',
    params: {
      widget: 'relance-key-figures,relance-territory-map,relance-funding-donut',
      src: DATA,
      lang: 'en',
      'relance-territory-map.caption': 'Where',
    },
    tags: ['relance-key-figures', 'relance-territory-map', 'relance-funding-donut'],
  },
];

async function ready(doc: Document, tags: string[]): Promise<void> {
  await waitUntil(
    () =>
      tags.every((tag) => {
        const w = doc.querySelector<Widget>(tag);
        return w?.dataStatus === 'ready' && (tag !== 'relance-territory-map' || w.geometryStatus === 'ready');
      }),
    `${tags.join(', ')} ready`,
    { timeout: 15_000 },
  );
}

/** Waits until the frame's last reported height is within 2 px of `expected`, and resize.js has applied it. */
async function reportsHeight(frame: HTMLIFrameElement, expected: () => number, what: string): Promise<void> {
  await waitUntil(
    () => {
      const h = lastHeight(frame);
      return h !== undefined && Math.abs(h - expected()) <= 2 && frame.style.height === `${h}px`;
    },
    `${what}: reported ${lastHeight(frame)} px, content ${expected()} px, iframe ${frame.style.height} (last messages: ${JSON.stringify(posted.slice(-6).map((p) => [p.origin, (p.data as { height: number }).height]))})`,
    { timeout: 10_000 },
  );
}

describe('embed page: every widget in a sandboxed iframe of another origin', function () {
  this.timeout(60_000);

  for (const c of CASES) {
    it(`${c.name}: renders, posts its height (within 2 px of its content) after the data arrives and at 320 px`, async () => {
      // Readable copy: this page's origin, no sandbox.
      const local = await openFrame(PAGE + query(c.params));
      const doc = local.contentDocument!;
      await ready(doc, c.tags);
      expect([...doc.querySelectorAll('main > *')].map((e) => e.localName)).to.deep.equal([
        'relance-dataset',
        ...c.tags,
      ]);
      expect(doc.documentElement.lang).to.equal(c.params['lang'] ?? 'fr');
      // The data's source is visible and linked.
      const source = doc.querySelector<HTMLAnchorElement>('.embed-source a')!;
      expect(source.href).to.equal(DATA);
      expect(source.textContent).to.contain('laureats-fictifs.json');
      await reportsHeight(local, () => contentBottom(doc), 'same-origin copy at 800 px');
      // Nothing scrolls inside once sized.
      expect(doc.documentElement.scrollHeight).to.be.at.most(local.clientHeight + 2);

      // The sandboxed frame on the other origin reports the same height, and resize.js sizes it.
      const remote = await openFrame(B + PAGE + query(c.params), { sandbox: true });
      await reportsHeight(remote, () => contentBottom(doc), 'sandboxed frame at 800 px');
      const message = heights(remote).at(-1)!;
      expect(Object.keys(message).sort()).to.deep.equal(['height', 'type', 'widget']);
      expect(message.type).to.equal('france-relance-widgets:height');
      expect(message.widget).to.equal(c.params['widget']);
      expect(posted.filter((p) => p.source === remote.contentWindow).every((p) => p.origin === 'null')).to.equal(
        true,
        'opaque origin (sandbox without allow-same-origin)',
      );

      // A phone: 320 px wide.
      local.width = '320';
      remote.width = '320';
      await reportsHeight(local, () => contentBottom(doc), 'same-origin copy at 320 px');
      expect(doc.documentElement.scrollHeight).to.be.at.most(local.clientHeight + 2);
      await reportsHeight(remote, () => contentBottom(doc), 'sandboxed frame at 320 px');
      // Settled: half a second without a message within 5 s (a late layout step, e.g. labels measured again, may post
      // once more; a height that changed the width, e.g. through a scrollbar, would post for ever), and still right.
      let quiet = false;
      for (let i = 0; i < 10 && !quiet; i++) {
        const count = posted.length;
        await new Promise((resolve) => setTimeout(resolve, 500));
        quiet = posted.length === count;
      }
      expect(quiet, 'the heights settle').to.equal(true);
      expect(Math.abs(lastHeight(local)! - contentBottom(doc))).to.be.at.most(2);
      expect(Math.abs(lastHeight(remote)! - contentBottom(doc))).to.be.at.most(2);

      const reports = (await (await fetch(`${B}/__reports`)).json()) as unknown[];
      expect(reports, 'CSP violations reported').to.deep.equal([]);
    });
  }
});

describe('embed page: hostile query strings', function () {
  this.timeout(60_000);
  const payload = `<img src=x onerror="parent.postMessage('pwned','*');window.__pwned=1">`;
  const script = `javascript:parent.postMessage('pwned','*');window.__pwned=1`;
  const long = 'a'.repeat(10_000);
  const HOSTILE: { name: string; search: string; problems: number }[] = [
    { name: 'javascript: src', search: query({ widget: 'relance-territory-map', src: script }), problems: 1 },
    {
      name: 'data: src',
      search: query({ widget: 'relance-funding-donut', src: 'data:application/json,[]' }),
      problems: 1,
    },
    {
      name: 'javascript: source-url and geometry',
      search: query({ widget: 'relance-territory-map', src: DATA, 'source-url': script, geometry: script }),
      problems: 2,
    },
    { name: 'HTML in the widget name', search: query({ widget: payload, src: DATA }), problems: 1 },
    {
      name: 'HTML in every parameter',
      search: query({
        widget: 'relance-territory-map',
        src: `${DATA}?${payload}`,
        caption: payload,
        source: payload,
        updated: payload,
        level: payload,
        metric: payload,
        region: payload,
        selected: payload,
        lang: payload,
        theme: payload,
        'heading-level': payload,
        'show-table': payload,
        'vue.region': payload,
      }),
      problems: 13,
    },
    {
      name: 'HTML as a parameter name',
      search: `?widget=relance-key-figures&${encodeURIComponent(payload)}=1`,
      problems: 1,
    },
    { name: '10 kB values', search: query({ widget: 'relance-laureate-list', src: DATA, caption: long }), problems: 1 },
    {
      name: 'a 10 kB address',
      search: `?widget=relance-laureate-list&${Array.from({ length: 100 }, (_, i) => `x${i}=${'b'.repeat(95)}`).join('&')}`,
      problems: 1,
    },
    {
      name: 'unknown parameters',
      search: query({ widget: 'relance-funding-donut', src: DATA, level: 'region', couleur: 'rouge' }),
      problems: 2,
    },
    { name: 'no widget', search: query({ src: DATA }), problems: 1 },
    {
      name: 'the page-owned group and sync-url of one widget',
      search: query({
        widget: 'relance-key-figures',
        src: DATA,
        'relance-key-figures.group': 'x',
        'relance-key-figures.sync-url': '',
      }),
      problems: 2,
    },
  ];

  for (const h of HOSTILE) {
    it(`${h.name}: refused with a French message, nothing rendered, no script run`, async () => {
      const local = await openFrame(PAGE + h.search);
      const doc = local.contentDocument!;
      const win = local.contentWindow as Window & { __pwned?: number };
      await waitUntil(() => doc.querySelector('.embed-alert'), 'refusal shown', { timeout: 10_000 });
      const alert = doc.querySelector('.embed-alert')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.querySelector('.embed-alert__title')!.textContent).to.equal(
        'Cette visualisation ne peut pas être affichée : son adresse contient des paramètres refusés.',
      );
      expect(alert.querySelectorAll('li')).to.have.length(h.problems);
      expect(
        doc.querySelector(
          'img, [onerror], relance-dataset, relance-key-figures, relance-funding-donut, relance-territory-map, relance-laureate-list',
        ),
      ).to.equal(null);
      expect(doc.documentElement.innerHTML).not.to.contain('<img');
      // Names are shown as text, at most 40 characters.
      for (const li of alert.querySelectorAll('li')) expect(li.textContent.length).to.be.below(260);

      const remote = await openFrame(B + PAGE + h.search, { sandbox: true });
      await waitUntil(() => lastHeight(remote) !== undefined, 'the refusal reports its height too', {
        timeout: 10_000,
      });
      expect(heights(remote).at(-1)!.widget).to.equal('');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(win.__pwned).to.equal(undefined);
      expect(posted.filter((p) => p.data === 'pwned')).to.deep.equal([]);
      expect((window as Window & { __pwned?: number }).__pwned).to.equal(undefined);
    });
  }

  it('English with lang=en', async () => {
    const local = await openFrame(PAGE + query({ widget: 'relance-funding-donut', lang: 'en', couleur: 'rouge' }));
    const doc = local.contentDocument!;
    await waitUntil(() => doc.querySelector('.embed-alert'), 'refusal shown', { timeout: 10_000 });
    expect(doc.documentElement.lang).to.equal('en');
    expect(doc.querySelector('.embed-alert__title')!.textContent).to.equal(
      'This chart cannot be shown: its address has parameters that are refused.',
    );
    expect(doc.querySelector('.embed-alert li')!.textContent).to.equal('"couleur": unknown parameter for this widget.');
  });
});

describe('embed page: a selection in an embedded map can be shared', function () {
  this.timeout(60_000);

  it('the selection goes into the page address and « Ouvrir dans un nouvel onglet », which opens the same view', async () => {
    const params = { widget: 'relance-territory-map,relance-key-figures', src: DATA };
    const local = await openFrame(PAGE + query(params));
    const doc = local.contentDocument!;
    await ready(doc, ['relance-territory-map', 'relance-key-figures']);
    const map = doc.querySelector<Widget>('relance-territory-map')!;
    map
      .shadowRoot!.querySelector('.t[role="option"][data-code="84"]')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await waitUntil(() => local.contentWindow!.location.search.includes('vue.region=84'), 'selection in the address');
    const open = doc.querySelector<HTMLAnchorElement>('.embed-open a')!;
    await waitUntil(() => open.href.includes('vue.region=84'), 'the link follows the selection');
    expect(open.target).to.equal('_blank');

    const shared = await openFrame(open.href);
    const sharedDoc = shared.contentDocument!;
    await ready(sharedDoc, ['relance-territory-map', 'relance-key-figures']);
    expect(sharedDoc.querySelector<Widget>('relance-territory-map')!.groupFilter!.regions).to.deep.equal(['84']);
    expect(sharedDoc.querySelector<Widget>('relance-key-figures')!.groupFilter!.regions).to.deep.equal(['84']);
  });

  it('in the sandboxed frame of another origin, a selection made with the keyboard goes into its address', async () => {
    const params = { widget: 'relance-territory-map', src: DATA };
    const remote = await openFrame(B + PAGE + query(params), { sandbox: true });
    // The same page opened here, to know when the map is drawn.
    const local = await openFrame(PAGE + query(params));
    await ready(local.contentDocument!, ['relance-territory-map']);
    await reportsHeight(remote, () => contentBottom(local.contentDocument!), 'sandboxed map drawn');
    local.remove();
    const entries = history.length;
    const before = lastHeight(remote)!;
    // Tab into the iframe reaches the map (one tab stop), Enter selects the focused territory. The iframe's address
    // cannot be read from here (another origin), but its new history entry is this tab's (joint session history), and
    // the filter bar that appears makes the page taller. (A URL sync that threw would leave the map unselected.)
    remote.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    // WebKit's driver runs every test file in one tab, whose session history is full by now (its length no longer
    // grows): the entry is not observable there. The address itself is checked in WebKit by the test above.
    if (engine !== 'webkit') {
      await waitUntil(() => history.length === entries + 1, `one history entry (${history.length - entries})`, {
        timeout: 10_000,
      });
    }
    await waitUntil(
      () => lastHeight(remote)! > before,
      `height after the selection (${lastHeight(remote)} px, was ${before})`,
      { timeout: 10_000 },
    );
  });
});
