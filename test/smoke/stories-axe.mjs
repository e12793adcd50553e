// Every story of the built Storybook (storybook-static/, what reviewers open), in its iframe page, in the light and
// the dark DSFR theme, checked with axe-core (WCAG 2.1 A and AA rules and best practices): no violation.
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
      await page.goto(`${server.origin}/storybook-static/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=theme:${theme}`);
      // Rendered, and every widget with its data (or its error) and the maps with their geometry.
      await page.waitForFunction(
        () => {
          const root = document.querySelector('#storybook-root');
          if (!root || !root.firstElementChild) return false;
          const widgets = [...root.querySelectorAll('relance-key-figures, relance-funding-donut, relance-territory-map, relance-laureate-list')];
          return widgets.every((w) => w.dataStatus && w.dataStatus !== 'loading' && (w.localName !== 'relance-territory-map' || w.geometryStatus !== 'loading'));
        },
        undefined,
        { timeout: 30_000 },
      );
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(150);
      // Storybook's accessibility addon runs axe on the story too: wait for it to finish.
      await page.waitForFunction(() => !window.axe || !window.axe._running, undefined, { timeout: 30_000 }).catch(() => undefined);
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        for (let i = 0; i < 100 && window.axe._running; i++) await new Promise((r) => setTimeout(r, 100));
        const result = await window.axe.run(document.querySelector('#storybook-root'), {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
          // The story is a fragment of a page: it has no <main>, <h1> nor landmarks of its own.
          rules: { region: { enabled: false }, 'page-has-heading-one': { enabled: false }, 'landmark-one-main': { enabled: false } },
        });
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} – ${v.help}`);
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
  console.log(`✗ Storybook stories with axe: ${failures.length} of ${stories.length * 2} failed (${seconds} s)\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`✓ Storybook stories with axe: ${checked} (${stories.length} stories × light and dark), no violation (${seconds} s)`);
