// Smoke tests of what ships, as a webmaster uses it, served by a plain static file server:
// - a plain HTML page with only <script type="module" src="cdn/france-relance-widgets.js">;
// - the built demo pages (demo-dist/: ministry article, prefecture page, page without DSFR).
// Fails on any console error or warning, uncaught error, request outside the page's own origin,
// or widget showing an error. Run after `npm run build:cdn && npm run build:demo` (npm test does).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
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
async function widgetsReady(page, expected, { snippets = true } = {}) {
  await page.waitForFunction(
    () => {
      const els = [...document.querySelectorAll('*')].filter(
        (e) => e.localName.startsWith('relance-') && e.localName !== 'relance-dataset',
      );
      return (
        els.length > 0 && els.every((e) => e.shadowRoot && e.dataStatus !== 'loading' && e.dataStatus !== undefined)
      );
    },
    undefined,
    { timeout: 10000 },
  );
  // Let the map fetch and draw its geometry.
  await page.waitForLoadState('networkidle');
  const report = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .filter((e) => e.localName.startsWith('relance-') && e.localName !== 'relance-dataset')
      .map((e) => ({
        tag: e.localName,
        status: e.dataStatus,
        alert: e.shadowRoot.querySelector('[role="alert"]')?.textContent?.trim() ?? '',
      })),
  );
  const counts = {};
  for (const r of report) counts[r.tag] = (counts[r.tag] ?? 0) + 1;
  assert.deepEqual(counts, expected, 'widgets on the page');
  for (const r of report) {
    assert.equal(r.status, 'ready', `${r.tag} data status`);
    assert.equal(r.alert, '', `${r.tag} shows an error`);
  }
  if (!snippets) return;
  // Each example shows the code to paste.
  const codes = await page.locator('.demo-snippet code').allTextContents();
  assert.ok(
    codes.length > 0 && codes.every((c) => c.includes('<script type="module"') && c.includes('<relance-')),
    'code snippets',
  );
  // Pasted elsewhere, an address relative to the demo would not work: they read /chemin/vers/<file>.
  for (const c of codes) assert.doesNotMatch(c, /(src|geometry)="\.\.?\//, 'relative address in a snippet');
}

/** Relative luminance contrast of two computed `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c
      .match(/[\d.]+/g)
      .slice(0, 3)
      .map((v) => {
        const s = Number(v) / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

await check('demo page: ministry article (DSFR)', '/demo-dist/demo/index.html', (page) =>
  widgetsReady(page, {
    'relance-key-figures': 2,
    'relance-funding-donut': 2,
    'relance-territory-map': 2,
    'relance-laureate-list': 1,
  }),
);
await check(
  'demo page: prefecture, one région by attributes alone',
  '/demo-dist/demo/prefecture.html',
  async (page) => {
    await widgetsReady(page, {
      'relance-key-figures': 1,
      'relance-territory-map': 1,
      'relance-funding-donut': 1,
      'relance-laureate-list': 1,
    });
    // Only the région's laureates: the list's rows are all in Auvergne-Rhône-Alpes.
    const regions = await page.evaluate(() => [
      ...new Set(document.querySelector('relance-laureate-list').currentRows.map((r) => r.region)),
    ]);
    assert.deepEqual(regions, ['84']);
    // A page about one région offers no « Toutes les régions ».
    const options = await page.evaluate(() =>
      [...document.querySelector('relance-laureate-list').shadowRoot.querySelectorAll('option')].map((o) =>
        o.textContent.trim(),
      ),
    );
    assert.ok(!options.includes('Toutes les régions'), 'no choice of région');
    assert.ok(options.includes('Tous les départements'), 'a choice of département');
  },
);
for (const scheme of ['light', 'dark']) {
  await check(`demo page: without DSFR (${scheme} colour scheme)`, '/demo-dist/demo/sans-dsfr.html', async (page) => {
    await page.emulateMedia({ colorScheme: scheme });
    await widgetsReady(page, { 'relance-key-figures': 1, 'relance-funding-donut': 1, 'relance-laureate-list': 1 });
    // The code boxes are readable in the page's own colours.
    await page.locator('.demo-snippet summary').first().click();
    const [fg, bg, link, box] = await page.evaluate(() => {
      const snippet = document.querySelector('.demo-snippet');
      const cs = (e) => getComputedStyle(e);
      return [
        cs(snippet.querySelector('code')).color,
        cs(snippet).backgroundColor,
        cs(snippet.querySelector('summary')).color,
        cs(snippet).backgroundColor,
      ];
    });
    assert.ok(contrast(fg, bg) >= 4.5, `code text ${fg} on ${bg}: ${contrast(fg, bg).toFixed(2)}:1`);
    assert.ok(contrast(link, box) >= 4.5, `summary ${link} on ${box}: ${contrast(link, box).toFixed(2)}:1`);
  });
}
await check('demo page: widgets in the containers of real pages', '/demo-dist/demo/hosts.html', (page) =>
  widgetsReady(
    page,
    { 'relance-key-figures': 7, 'relance-funding-donut': 7, 'relance-territory-map': 7, 'relance-laureate-list': 7 },
    { snippets: false },
  ),
);

// Issue 16: the demo's home page links to the embed page's demo and to the builder; both work from the built files.
await check(
  'demo page: embed without script (an iframe of cdn/embed.html, sized by resize.js)',
  '/demo-dist/demo/index.html',
  async (page) => {
    assert.equal(await page.locator('#webmestres + ul a[href="embed.html"]').count(), 1, 'link to the embed demo');
    assert.equal(
      await page.locator('#webmestres + ul a[href="../cdn/builder.html"]').count(),
      1,
      'link to the builder',
    );
    await page.click('#webmestres + ul a[href="embed.html"]');
    await page.waitForFunction(
      () => {
        const frame = document.getElementById('embed-map');
        const map = frame?.contentDocument?.querySelector('relance-territory-map');
        if (map?.dataStatus !== 'ready' || map.geometryStatus !== 'ready') return false;
        // resize.js gave the iframe the height of its content.
        return (
          Math.abs(
            parseFloat(frame.style.height) - frame.contentDocument.documentElement.getBoundingClientRect().height,
          ) <= 2
        );
      },
      null,
      { timeout: 15000 },
    );
  },
);
await check(
  'builder page: the sample pasted, the map previewed, the code offered',
  '/demo-dist/cdn/builder.html',
  async (page) => {
    await page.fill('#data-text', readFileSync(join(root, 'data/demo/laureats-fictifs.csv'), 'utf8'));
    await page.click('#read');
    await page.waitForFunction(
      () => document.querySelector('#preview relance-territory-map')?.geometryStatus === 'ready',
      null,
      { timeout: 15000 },
    );
    assert.match(await page.textContent('#report'), /44 lignes lues, aucune ignorée/);
    assert.match(
      await page.textContent('#snippet'),
      /^<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/demo-dist\/cdn\/france-relance-widgets\.js"><\/script>/,
    );
  },
);

await browser.close();
server.close();
process.exit(failures ? 1 : 0);
