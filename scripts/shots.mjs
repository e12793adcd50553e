// Screenshots to look at (npm run shots, after the CDN and demo builds): in screenshots/ (ignored by git),
// - hosts-<width>-<widget>.png: each widget in the containers of demo/hosts.html at 320, 768 and 1280 px;
// - dashboard-<lang>-<theme>-<width>.png: the linked dashboard of demo/index.html, French and English, light and dark,
//   at 375 and 1280 px, with a région selected on the map.
// Usage: node scripts/shots.mjs [hosts|dashboard]
import { mkdirSync } from 'node:fs';
import { launchChromium, serveRoot } from '../test/smoke/static-server.mjs';

const only = process.argv[2];
const out = new URL('../screenshots/', import.meta.url).pathname;
mkdirSync(out, { recursive: true });
const server = await serveRoot();
const browser = await launchChromium();
const written = [];

async function open(path, width, { lang = 'fr', theme = 'light' } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on('pageerror', (e) => console.error(`${path} at ${width} px: ${e.message}`));
  await page.goto(`${server.origin}${path}`);
  await page.evaluate(
    ([l, t]) => {
      document.documentElement.lang = l;
      document.documentElement.setAttribute('data-fr-theme', t);
    },
    [lang, theme],
  );
  await page.waitForFunction(
    () =>
      [
        ...document.querySelectorAll(
          'relance-key-figures, relance-funding-donut, relance-territory-map, relance-laureate-list',
        ),
      ].every((w) => w.dataStatus === 'ready' || w.dataStatus === 'error') &&
      [...document.querySelectorAll('relance-territory-map')].every((m) =>
        m.shadowRoot?.querySelector('.t[data-code]'),
      ),
    null,
    { timeout: 30_000 },
  );
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  return page;
}

if (!only || only === 'hosts') {
  for (const width of [320, 768, 1280]) {
    const page = await open('/demo-dist/demo/hosts.html', width);
    for (const section of await page.$$('[data-widget]')) {
      const tag = (await section.getAttribute('data-widget')).replace('relance-', '');
      const file = `${out}hosts-${width}-${tag}.png`;
      await section.screenshot({ path: file });
      written.push(file);
    }
    await page.close();
  }
}

if (!only || only === 'dashboard') {
  for (const lang of ['fr', 'en']) {
    for (const theme of ['light', 'dark']) {
      for (const width of [375, 1280]) {
        const page = await open('/demo-dist/demo/index.html', width, { lang, theme });
        const map = page.locator('relance-territory-map[group="ess"]');
        await map.evaluate((m) =>
          m.shadowRoot.querySelector('.t[data-code="84"]').dispatchEvent(new MouseEvent('click', { bubbles: true })),
        );
        await page.waitForTimeout(300);
        const board = page.locator('[data-snippet*="tableau de bord"]');
        const file = `${out}dashboard-${lang}-${theme}-${width}.png`;
        await board.screenshot({ path: file });
        written.push(file);
        await page.close();
      }
    }
  }
}

await browser.close();
server.close();
console.log(written.map((f) => `wrote ${f.replace(out, 'screenshots/')}`).join('\n'));
