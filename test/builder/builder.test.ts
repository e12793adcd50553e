/**
 * The builder page (`cdn/builder.html`, built by `npm run build:cdn`), as a webmaster uses it: paste the 44-row
 * sample (data/demo/laureats-fictifs.csv), read the report, choose the map, copy the snippet, load the copied snippet
 * in a fresh page: same picture. The preview is the snippet, byte for byte.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { serialiseDom } from '../../src/builder/snippet.js';

type Widget = HTMLElement & { dataStatus?: string; geometryStatus?: string };
const PAGE = '/cdn/builder.html';
const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
});

async function open(src: string, width = 1280, height = 900, srcdoc?: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.width = String(width);
  frame.height = String(height);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  if (srcdoc !== undefined) frame.srcdoc = srcdoc;
  else frame.src = src;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame;
}

/** The builder in a frame, with the clipboard recorded. */
async function builder(): Promise<{ doc: Document; win: Window; copied: string[] }> {
  const frame = await open(PAGE);
  const win = frame.contentWindow!;
  const copied: string[] = [];
  Object.defineProperty(win.navigator, 'clipboard', {
    configurable: true,
    value: { writeText: async (text: string) => void copied.push(text) },
  });
  await waitUntil(
    () =>
      customElements &&
      win.customElements.get('relance-territory-map') &&
      frame.contentDocument!.getElementById('copy'),
    'builder ready',
    { timeout: 10_000 },
  );
  return { doc: frame.contentDocument!, win, copied };
}

function setValue(doc: Document, id: string, value: string): void {
  const input = doc.getElementById(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
function choose(doc: Document, id: string): void {
  const input = doc.getElementById(id) as HTMLInputElement;
  input.click();
}

/** What a reader sees of a map: each territory's fill and name, the legend, the caption. */
function picture(map: Widget): unknown {
  const root = map.shadowRoot!;
  return {
    caption: root.querySelector('[part~="caption"]')?.textContent,
    territories: [...root.querySelectorAll<SVGPathElement>('.t[role="option"]')].map((p) => [
      p.dataset['code'],
      getComputedStyle(p).fill,
      p.getAttribute('aria-label'),
      p.getAttribute('d')!.length,
    ]),
    legend: root.querySelector('[part~="legend"]')?.textContent?.replace(/\s+/g, ' ').trim(),
    size: [map.offsetWidth, map.offsetHeight],
  };
}

/** The markup of an element as the builder writes it, without what a widget adds itself once running. */
function markupOf(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  // Set by every widget on its own host when it renders (its theme in effect).
  copy.removeAttribute('data-relance-theme');
  return serialiseDom(copy);
}

describe('builder page', function () {
  this.timeout(60_000);
  let csv: string;
  before(async () => {
    csv = await (await fetch('/data/demo/laureats-fictifs.csv')).text();
  });

  it('paste the 44-row sample, choose the map, copy: the copied snippet in a fresh page draws the same map', async () => {
    const { doc, copied } = await builder();
    setValue(doc, 'data-text', csv);
    (doc.getElementById('read') as HTMLButtonElement).click();
    await waitUntil(() => doc.querySelector('.b-report__title'), 'report', { timeout: 10_000 });
    // The parser's report, in words.
    const report = doc.getElementById('report')!.textContent.replace(/\s+/g, ' ');
    expect(report).to.contain('44 lignes lues, aucune ignorée (format CSV, un lauréat par ligne).');
    expect(report).to.contain('« Nom » (nom du lauréat)');
    expect(report).to.contain('« Montant (€) » (soutien de l’État)');
    expect(report).to.contain("« Territoire d'industrie » (territoire d’industrie)");
    choose(doc, 'w-map');
    setValue(doc, 'opt-caption', 'Soutien par région');
    setValue(doc, 'opt-source', 'Données fictives de démonstration');
    await waitUntil(
      () =>
        doc.querySelector<Widget>('#preview relance-territory-map')?.getAttribute('caption') === 'Soutien par région',
      'preview updated',
    );
    const preview = doc.querySelector<Widget>('#preview relance-territory-map')!;
    await waitUntil(() => preview.dataStatus === 'ready' && preview.geometryStatus === 'ready', 'preview drawn', {
      timeout: 15_000,
    });

    // Copy (script tag and element).
    (doc.getElementById('copy') as HTMLButtonElement).click();
    await waitUntil(() => copied.length === 1, 'copied');
    const snippet = copied[0]!;
    expect(snippet).to.equal(doc.getElementById('snippet')!.textContent);
    expect(
      snippet.startsWith(
        `<script type="module" src="${new URL('/cdn/france-relance-widgets.js', location.href).href}"></script>\n\n<relance-territory-map caption="Soutien par région"`,
      ),
    ).to.equal(true);
    // The preview is the snippet's element, byte for byte.
    expect(snippet.endsWith(markupOf(preview))).to.equal(
      true,
      `${markupOf(preview).slice(0, 300)}\n…is not the end of…\n${snippet.slice(0, 300)}`,
    );
    // Its fallback table: the figures by région, for a page where the script does not run.
    expect(preview.querySelector('table caption')!.textContent).to.equal('Soutien par région');
    expect(preview.querySelectorAll('table tbody tr')).to.have.length(15);
    expect(preview.querySelector('table tfoot')!.textContent.replace(/\s+/g, ' ')).to.contain('Total 44 17 200 000 €');

    // The copied snippet alone, in a fresh page as wide as the preview (and tall enough to have no scrollbar), in the font of the builder page (the widgets take the font of their page).
    const fresh = await open(
      '',
      preview.offsetWidth,
      2000,
      `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>body{margin:0;font-family:Marianne,arial,sans-serif;line-height:1.5}</style></head><body>${snippet}</body></html>`,
    );
    const map = fresh.contentDocument!.querySelector<Widget>('relance-territory-map')!;
    await waitUntil(() => map.dataStatus === 'ready' && map.geometryStatus === 'ready', 'fresh page drawn', {
      timeout: 15_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(picture(map)).to.deep.equal(picture(preview));
    expect((picture(map) as { territories: unknown[] }).territories).to.have.length(18);
  });

  it('from a file’s address: the widget loads it, and the iframe snippet opens the embed page with the same options', async () => {
    const { doc } = await builder();
    const url = new URL('/data/demo/laureats-fictifs.json', location.href).href;
    choose(doc, 'source-url');
    setValue(doc, 'data-url', url);
    (doc.getElementById('read') as HTMLButtonElement).click();
    await waitUntil(() => doc.querySelector('.b-report__title'), 'report', { timeout: 10_000 });
    expect(doc.getElementById('report')!.textContent).to.contain(
      '44 lignes lues, aucune ignorée (format JSON, un lauréat par ligne).',
    );
    choose(doc, 'w-donut');
    setValue(doc, 'opt-metric', 'laureats');
    await waitUntil(
      () => doc.querySelector('#preview relance-funding-donut')?.getAttribute('metric') === 'laureats',
      'donut preview',
    );
    expect(doc.querySelector('#preview relance-funding-donut')!.getAttribute('src')).to.equal(url);
    choose(doc, 's-iframe');
    await waitUntil(() => doc.getElementById('snippet')!.textContent.startsWith('<iframe'), 'iframe snippet');
    const iframe = doc.getElementById('snippet')!.textContent;
    const src = new URL(/src="([^"]+)"/.exec(iframe)![1]!.replace(/&amp;/g, '&'));
    expect(src.pathname).to.equal('/cdn/embed.html');
    expect(Object.fromEntries(src.searchParams)).to.deep.equal({
      widget: 'relance-funding-donut',
      src: url,
      caption: 'Soutien de l’État par statut juridique',
      metric: 'laureats',
      fictitious: '',
    });
    expect(iframe).to.contain('sandbox="allow-scripts');
    // The embed page accepts it: it renders the donut.
    const embedded = await open(src.href, 800, 700);
    const donut = embedded.contentDocument!.querySelector<Widget>('relance-funding-donut');
    await waitUntil(
      () => embedded.contentDocument!.querySelector<Widget>('relance-funding-donut')?.dataStatus === 'ready',
      'embedded donut',
      { timeout: 10_000 },
    );
    expect(embedded.contentDocument!.querySelector('.embed-alert')).to.equal(null);
    expect(donut === null || donut.localName === 'relance-funding-donut').to.equal(true);
  });

  it('says which rows were ignored and why, and offers no snippet for data it cannot read', async () => {
    const { doc } = await builder();
    setValue(
      doc,
      'data-text',
      'Nom;Statut;Montant\nAtelier A;Association;100 000 €\n;SCOP;50 000\nAtelier C;Fondation;beaucoup\n',
    );
    (doc.getElementById('read') as HTMLButtonElement).click();
    await waitUntil(() => doc.querySelector('.b-report__title'), 'report', { timeout: 10_000 });
    const report = doc.getElementById('report')!.textContent.replace(/\s+/g, ' ');
    expect(report).to.contain('3 lignes lues, 1 ignorée');
    expect(report).to.contain('ligne 2');
    expect(report).to.contain('ligne 3');
    expect(doc.getElementById('report')!.className).to.contain('warning');
    setValue(doc, 'data-text', '{"pas": "des données"');
    (doc.getElementById('read') as HTMLButtonElement).click();
    await waitUntil(() => doc.getElementById('report')!.className.includes('error'), 'error report', {
      timeout: 10_000,
    });
    expect(doc.getElementById('report')!.textContent).to.contain('Ces données ne peuvent pas être lues');
    expect(doc.getElementById('snippet')!.textContent).to.equal('');
    expect((doc.getElementById('copy') as HTMLButtonElement).disabled).to.equal(true);
  });
});
