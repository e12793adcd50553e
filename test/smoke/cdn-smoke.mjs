// Smoke tests of what ships, as a webmaster uses it, served by a plain static file server:
// - a plain HTML page with only <script type="module" src="cdn/france-relance-widgets.js">;
// - the built demo pages (demo-dist/: ministry article, prefecture page, page without DSFR).
// Fails on any console error or warning, uncaught error, request outside the page's own origin,
// or widget showing an error. Run after `npm run build:cdn && npm run build:demo` (npm test does).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, root, serveRoot } from './static-server.mjs';

for (const f of ['cdn/france-relance-widgets.js', 'demo-dist/demo/index.html']) {
  if (!existsSync(join(root, f))) {
    console.error(`${f} is missing: run \`npm run build:cdn && npm run build:demo\``);
    process.exit(1);
  }
}
const server = await serveRoot();
const { origin } = server;
const browser = await launchChromium();
let failures = 0;
async function check(name, path, assertions) {
  const page = await browser.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  try {
    await page.goto(origin + path, { waitUntil: 'networkidle' });
    await assertions(page);
    const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
    assert.deepEqual(foreign, [], 'requests outside the page’s own files');
    assert.deepEqual(problems, [], 'console errors or warnings');
    console.log(`✓ ${name} (${requests.length} requests, all same-origin)`);
  } catch (e) {
    failures++;
    console.log(`✗ ${name}\n  ${e.message.split('\n').join('\n  ')}`);
  }
  await page.close();
}

await check('donut from the CDN bundle: three slices and « 17,2 M€ »', '/test/smoke/cdn-donut.html', async (page) => {
  const slices = page.locator('relance-funding-donut .slice');
  await slices.first().waitFor();
  assert.equal(await slices.count(), 3);
  const centre = (await page.locator('relance-funding-donut [part~="centre"]').textContent()).replace(/\s/g, ' ');
  assert.equal(centre, '17,2 M€');
});

/** Every widget of the page has rendered (shadow content, data ready) and none shows an error. */
async function widgetsReady(page, expected) {
  await page.waitForFunction(
    () => {
      const els = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('relance-') && e.localName !== 'relance-dataset');
      return els.length > 0 && els.every((e) => e.shadowRoot && e.dataStatus !== 'loading' && e.dataStatus !== undefined);
    },
    undefined,
    { timeout: 10000 },
  );
  // Let the map fetch and draw its geometry.
  await page.waitForLoadState('networkidle');
  const report = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((e) => e.localName.startsWith('relance-') && e.localName !== 'relance-dataset')
      .map((e) => ({ tag: e.localName, status: e.dataStatus, alert: e.shadowRoot.querySelector('[role="alert"]')?.textContent?.trim() ?? '' })),
  );
  const counts = {};
  for (const r of report) counts[r.tag] = (counts[r.tag] ?? 0) + 1;
  assert.deepEqual(counts, expected, 'widgets on the page');
  for (const r of report) {
    assert.equal(r.status, 'ready', `${r.tag} data status`);
    assert.equal(r.alert, '', `${r.tag} shows an error`);
  }
  // Each example shows the code to paste.
  const snippets = await page.locator('.demo-snippet code').allTextContents();
  assert.ok(snippets.length > 0 && snippets.every((c) => c.includes('<script type="module"') && c.includes('<relance-')), 'code snippets');
}

await check('demo page: ministry article (DSFR)', '/demo-dist/demo/index.html', (page) =>
  widgetsReady(page, { 'relance-key-figures': 2, 'relance-funding-donut': 2, 'relance-territory-map': 2, 'relance-laureate-list': 1 }),
);
await check('demo page: prefecture, one région by attributes alone', '/demo-dist/demo/prefecture.html', async (page) => {
  await widgetsReady(page, { 'relance-key-figures': 1, 'relance-territory-map': 1, 'relance-funding-donut': 1, 'relance-laureate-list': 1 });
  // Only the région's laureates: the list's rows are all in Auvergne-Rhône-Alpes.
  const regions = await page.evaluate(() => [...new Set(document.querySelector('relance-laureate-list').currentRows.map((r) => r.region))]);
  assert.deepEqual(regions, ['84']);
});
await check('demo page: without DSFR', '/demo-dist/demo/sans-dsfr.html', (page) =>
  widgetsReady(page, { 'relance-key-figures': 1, 'relance-funding-donut': 1, 'relance-laureate-list': 1 }),
);

await browser.close();
server.close();
process.exit(failures ? 1 : 0);
