// Every story of the built Storybook (storybook-static/, what reviewers open), in its iframe page, in the light and
// the dark DSFR theme, checked with axe-core (WCAG 2.1 A and AA rules and best practices): no violation. The text
// contrasts axe leaves undecided (text on an SVG shape, over another element) are decided here: the text's colour
// against what is painted under its middle (the first shape or background below it), 4.5:1 (3:1 for large text).
// Run after `npm run build-storybook` (.ci/run does; locally: npm run test:stories). Chromium (Debian's, or CHROME_PATH).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launchChromium, root, serveRoot } from './static-server.mjs';

const index = join(root, 'storybook-static/index.json');
if (!existsSync(index)) {
  console.error('storybook-static/ is missing: run `npm run build-storybook` first');
  process.exit(1);
}
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const stories = Object.values(JSON.parse(readFileSync(index, 'utf8')).entries).filter((e) => e.type === 'story');
const server = await serveRoot();
const browser = await launchChromium();
const failures = [];
let checked = 0;
const start = Date.now();

// One page per theme, from story to story (the preview's code is then parsed once), two themes side by side.
async function run(theme) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  for (const story of stories) {
    const label = `${story.title} › ${story.name} (${theme})`;
    try {
      await page.goto(
        `${server.origin}/storybook-static/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=theme:${theme}`,
      );
      // Rendered, and every widget with its data (or its error) and the maps with their geometry.
      await page.waitForFunction(
        () => {
          const root = document.querySelector('#storybook-root');
          if (!root || !root.firstElementChild) return false;
          const widgets = [
            ...root.querySelectorAll(
              'relance-key-figures, relance-funding-donut, relance-territory-map, relance-laureate-list',
            ),
          ];
          return widgets.every(
            (w) =>
              w.dataStatus &&
              w.dataStatus !== 'loading' &&
              (w.localName !== 'relance-territory-map' || w.geometryStatus !== 'loading'),
          );
        },
        undefined,
        { timeout: 30_000 },
      );
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(150);
      // Storybook's accessibility addon runs axe on the story too: wait for it to finish.
      await page
        .waitForFunction(() => !window.axe || !window.axe._running, undefined, { timeout: 30_000 })
        .catch(() => undefined);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        for (let i = 0; i < 100 && window.axe._running; i++) await new Promise((r) => setTimeout(r, 100));
        const result = await window.axe.run(document.querySelector('#storybook-root'), {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
          // The story is a fragment of a page: it has no <main>, <h1> nor landmarks of its own.
          rules: {
            region: { enabled: false },
            'page-has-heading-one': { enabled: false },
            'landmark-one-main': { enabled: false },
          },
        });
        const out = result.violations.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} – ${v.help}`,
        );
        // The undecided text contrasts, decided from what is painted.
        const rgb = (c) => (c && /^rgba?\(/.test(c) ? c.match(/[\d.]+/g).map(Number) : undefined);
        const lum = ([r, g, b]) =>
          [r, g, b]
            .map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
            .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
        const ratio = (a, b) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
        const resolve = (target) => {
          let scope = document;
          let el = null;
          for (const sel of Array.isArray(target[0]) ? target[0] : target) {
            el = scope.querySelector(sel);
            scope = el?.shadowRoot ?? el;
          }
          return el;
        };
        for (const node of result.incomplete.find((v) => v.id === 'color-contrast')?.nodes ?? []) {
          const el = resolve(node.target);
          if (!el) continue;
          const cs = getComputedStyle(el);
          const svg = el.namespaceURI === 'http://www.w3.org/2000/svg';
          const fg = rgb(svg ? cs.fill : cs.color);
          // elementsFromPoint sees only what is in the viewport.
          el.scrollIntoView({ block: 'center', inline: 'center' });
          const box = el.getBoundingClientRect();
          if (!fg || box.width === 0) continue;
          const x = box.left + box.width / 2;
          const y = box.top + box.height / 2;
          let bg;
          let found = 'the page';
          // Under it in its shadow tree, then in the page (the host's ancestors, the body).
          const below = [
            ...el.getRootNode().elementsFromPoint(x, y),
            ...document.elementsFromPoint(x, y),
            document.body,
            document.documentElement,
          ];
          for (const under of below) {
            if (under === el || el.contains(under)) continue;
            const ucs = getComputedStyle(under);
            // SVG: shapes paint their fill (a <g> or the <svg> only pass theirs down); HTML: its background.
            const shape = ['path', 'rect', 'circle', 'ellipse', 'polygon'].includes(under.localName);
            const paint =
              under.namespaceURI === 'http://www.w3.org/2000/svg'
                ? shape && ucs.visibility !== 'hidden'
                  ? rgb(ucs.fill)
                  : undefined
                : rgb(ucs.backgroundColor);
            if (paint && (paint[3] ?? 1) > 0.99) {
              bg = paint;
              found = `${under.localName}.${[...under.classList].join('.')}`;
              break;
            }
          }
          bg ??= [255, 255, 255];
          const size = parseFloat(cs.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
          const r = ratio(fg, bg);
          if (r < (large ? 3 : 4.5))
            out.push(
              `text contrast ${r.toFixed(2)}:1 for « ${el.textContent.trim().slice(0, 30)} » (${fg.join(',')} on ${bg.join(',')}, ${found})`,
            );
        }
        return out;
      });
      checked++;
      if (violations.length) failures.push(`${label}\n    ${violations.join('\n    ')}`);
    } catch (e) {
      failures.push(`${label}\n    ${e.message.split('\n')[0]}`);
    }
  }
  await page.close();
}
// A story that sets its own theme (« Thème sombre ») is dark in both runs.
await Promise.all(['light', 'dark'].map(run));

await browser.close();
server.close();
const seconds = Math.round((Date.now() - start) / 1000);
if (failures.length) {
  console.log(
    `✗ Storybook stories with axe: ${failures.length} of ${stories.length * 2} failed (${seconds} s)\n  ${failures.join('\n  ')}`,
  );
  process.exit(1);
}
console.log(
  `✓ Storybook stories with axe: ${checked} (${stories.length} stories × light and dark), no violation (${seconds} s)`,
);
