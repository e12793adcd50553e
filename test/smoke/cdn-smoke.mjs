// Smoke test of the built CDN bundle, as a webmaster uses it: a plain HTML page with only
// <script type="module" src="cdn/france-relance-widgets.js">, served by a static server.
// Fails on any console error or warning, uncaught error, or request outside the page's own origin.
// Run after `npm run build:cdn` (npm test does).
import assert from 'node:assert/strict';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
if (!existsSync(join(root, 'cdn/france-relance-widgets.js'))) {
  console.error('cdn/france-relance-widgets.js is missing: run `npm run build:cdn`');
  process.exit(1);
}
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.map': 'application/json' };
const server = createServer((req, res) => {
  const file = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
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

await browser.close();
server.close();
process.exit(failures ? 1 : 0);
