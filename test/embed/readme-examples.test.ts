/**
 * The README's HTML examples (« Frameworks and CMS », « CMS without scripts »), as a webmaster pastes them, each in a
 * fresh page: the plain HTML and WordPress ones (script and element) draw their widget; the Drupal and embed-page ones
 * (an iframe of embed.html, sandboxed) report the height of a drawn widget, and resize.js sizes the iframe. The paths
 * of the examples are those of this project: `/chemin/vers/` is cdn/, `/fichiers/laureats.csv` the 44-row sample; the
 * embed page and its data are served by the second origin (test/embed/second-origin.mjs), as a CDN would serve them.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';

const B = await executeServerCommand<string, undefined>('second-origin');
const readme = await (await fetch('/README.md')).text();
type Widget = HTMLElement & { dataStatus?: string; geometryStatus?: string };

function example(name: string): string {
  const m = new RegExp(`<!-- example: ${name} -->\\n\`\`\`html\\n([\\s\\S]*?)\\n\`\`\``).exec(readme);
  if (!m) throw new Error(`README.md: no example « ${name} »`);
  return m[1]!;
}

/** The example with this project's paths, on `origin` (empty: this page's). */
const localise = (code: string, origin = ''): string =>
  code
    .replaceAll('https://exemple.gouv.fr/chemin/vers/', `${origin}/cdn/`)
    .replaceAll('/chemin/vers/', `${origin}/cdn/`)
    .replaceAll(
      encodeURIComponent('https://exemple.gouv.fr/fichiers/laureats.csv'),
      encodeURIComponent(`${origin}/data/demo/laureats-fictifs.csv`),
    )
    .replaceAll(encodeURIComponent('/fichiers/laureats.csv'), encodeURIComponent('/data/demo/laureats-fictifs.csv'))
    .replaceAll('/fichiers/laureats.csv', '/data/demo/laureats-fictifs.csv');

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const f of frames.splice(0)) f.remove();
});

async function page(body: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.width = '900';
  frame.height = '700';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8"></head><body>${body}</body></html>`;
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  return frame;
}

describe('README: the HTML examples work as pasted', function () {
  this.timeout(60_000);

  for (const [name, tag] of [
    ['html', 'relance-territory-map'],
    ['wordpress', 'relance-key-figures'],
  ] as const) {
    it(`${name}: the script and the element draw the widget from the data`, async () => {
      const code = example(name);
      expect(code).to.contain('<script type="module" src="/chemin/vers/france-relance-widgets.js"></script>');
      const frame = await page(localise(code));
      const el = frame.contentDocument!.querySelector<Widget>(tag)!;
      await waitUntil(() => el.dataStatus === 'ready', `${tag} ready`, { timeout: 15_000 });
      expect(el.shadowRoot!.querySelector('[part~="caption"]')!.textContent).to.equal(el.getAttribute('caption'));
    });
  }

  for (const name of ['drupal', 'embed']) {
    it(`${name}: the iframe of the embed page, sandboxed, reports the height of its widget`, async () => {
      // The messages the example's page receives from its iframe, recorded from its first line.
      const recorder = `<script>window.heights = []; addEventListener('message', (e) => heights.push(e.data.height));</script>`;
      const frame = await page(recorder + localise(example(name), B));
      const win = frame.contentWindow as Window & { heights: number[] };
      const iframe = frame.contentDocument!.querySelector('iframe')!;
      expect(iframe.getAttribute('sandbox')!.split(' '))
        .to.include('allow-scripts')
        .and.not.include('allow-same-origin');
      // Drawn: the page grows well past its loading state.
      await waitUntil(() => win.heights.some((h) => h > 400), `height of a drawn widget (${win.heights.join(', ')})`, {
        timeout: 15_000,
      });
      // resize.js, where the example loads it, sizes the iframe.
      if (name === 'embed')
        await waitUntil(() => iframe.style.height === `${win.heights.at(-1)}px`, 'iframe sized by resize.js');
    });
  }
});
