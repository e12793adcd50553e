// Smoke tests of the built CDN bundle under a strict security policy, served by a plain static file server that
// sends on every response:
//   Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none';
//                            require-trusted-types-for 'script'
// - test/smoke/csp.html: every widget (data attribute, JSON script child, src, a group with <relance-dataset>, the
//   map with its geometry), used with the keyboard and the mouse (select, search, filter, sort, page, open a
//   project, show the tables, CSV export, tooltips). Zero CSP or Trusted Types violation, zero console error.
// - test/smoke/two-copies.html: the bundle loaded twice (two URLs): no crash, one warning at most, widgets work.
// Run after `npm run build:cdn` (npm test does).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CSP, launchChromium, root, serveRoot } from './static-server.mjs';

if (!existsSync(join(root, 'cdn/france-relance-widgets.js')) || !existsSync(join(root, 'cdn/geo'))) {
  console.error('cdn/ is missing: run `npm run build:cdn`');
  process.exit(1);
}
const server = await serveRoot({ 'Content-Security-Policy': CSP });
const { origin } = server;
const browser = await launchChromium();
let failures = 0;

/** Opens a page with violation and console collectors (installed by the browser, not by an inline script). */
async function open(path) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = { violations: [], errors: [], warnings: [] };
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(
        `${e.violatedDirective} ${e.blockedURI || ''} ${e.sourceFile || ''}:${e.lineNumber} ${e.sample || ''}`.trim(),
      ),
    );
  });
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`${m.text()} ${m.location()?.url ?? ''}`);
    if (m.type() === 'warning') problems.warnings.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(`uncaught: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  return { page, context, problems };
}

async function check(name, path, body) {
  const { page, context, problems } = await open(path);
  try {
    await body(page, problems);
    await page.waitForTimeout(300);
    problems.violations.push(...(await page.evaluate(() => window.__violations)));
    assert.deepEqual(problems.violations, [], 'CSP or Trusted Types violations');
    assert.deepEqual(problems.errors, [], 'console errors');
    console.log(`✓ ${name}`);
  } catch (e) {
    failures++;
    console.log(`✗ ${name}\n  ${e.message.split('\n').join('\n  ')}`);
  }
  await context.close();
}

/** A locator inside a widget's shadow root (Playwright pierces open shadow roots). */
const inside = (page, host, selector) => page.locator(`${host} ${selector}`);

await check(`every widget under « ${CSP} »`, '/test/smoke/csp.html', async (page, problems) => {
  await page.waitForFunction(
    () =>
      ['#figures', '#donut', '#list', '#map', '#group-donut', '#group-figures'].every(
        (s) => document.querySelector(s)?.dataStatus === 'ready',
      ) && document.querySelector('#map').geometryStatus === 'ready',
    undefined,
    { timeout: 15000 },
  );
  assert.deepEqual(problems.warnings, [], 'console warnings');

  // Key figures: attribute data, a javascript: source link refused.
  assert.equal(await inside(page, '#figures', '[part~="figure-laureats"] [part="value"]').textContent(), '2');
  assert.equal(await inside(page, '#figures', 'a').count(), 0, 'javascript: link');

  // Donut from a JSON script child: keyboard (Tab, arrows, Enter, Escape), hover tooltip, data table.
  await inside(page, '#donut', '.slice').first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('#donut').getAttribute('selected'), 'cooperative');
  assert.equal(await inside(page, '#donut', '.tooltip').count(), 1);
  const left = await inside(page, '#donut', '.tooltip').evaluate((t) => t.style.left);
  assert.match(left, /px$/, 'tooltip positioned');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await inside(page, '#donut', '.slice').nth(2).hover({ force: true });
  await inside(page, '#donut', '[part="table-toggle"]').click();
  assert.equal(await inside(page, '#donut', '[part="table"] tbody tr').count(), 3);

  // List from src: search, status filter, région, sort, page, project, CSV export.
  const list = '#list';
  await inside(page, list, '[part="search"]').fill('atelier');
  await page.waitForTimeout(100);
  await inside(page, list, '[part="reset"]').click();
  await inside(page, list, '[part="status-tag"]').first().click();
  await inside(page, list, '[part="status-tag"]').first().click();
  await inside(page, list, 'select[part="select"]').first().selectOption({ index: 1 });
  await inside(page, list, '[part="reset"]').click();
  await inside(page, list, '[part="sort-button"][data-column="montant"]').click();
  await inside(page, list, '[part="page-button"].page--next').click();
  await inside(page, list, '[part="disclosure"]').first().click();
  assert.equal(await inside(page, list, '[part="project"]').count(), 1);
  const download = page.waitForEvent('download');
  await inside(page, list, '[part="export"]').click();
  assert.match((await download).suggestedFilename(), /^laureats-france-relance-.*\.csv$/);

  // Map in a group (data from <relance-dataset src=CSV>): click, keyboard, tooltip, table; the group follows.
  await inside(page, '#map', '.t[data-code="84"]').click();
  await page.waitForFunction(() => document.querySelector('#group-figures').groupFilter.regions?.[0] === '84');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await inside(page, '#map', '.t[data-code="11"]').hover({ force: true });
  assert.equal(await inside(page, '#map', '.tooltip').count(), 1);
  await page.keyboard.press('Escape');
  await inside(page, '#map', '[part="table-toggle"]').click();
  assert.equal(await inside(page, '#map', '[part="table"] tbody tr').count(), 18);
  // The group's filter bar is in its first widget, the map.
  await inside(page, '#map', '[part="filter-clear"]').click();
  await page.waitForFunction(() => !document.querySelector('#group-figures').groupFilter.regions);
  // Language and theme switched on <html>: re-render under the policy.
  await page.evaluate(() => {
    document.documentElement.lang = 'en';
    document.documentElement.setAttribute('data-fr-theme', 'dark');
  });
  await page.waitForTimeout(200);
  assert.match(
    await inside(page, '#group-figures', '[part~="figure-laureats"] [part="label"]').textContent(),
    /laureates/,
  );
});

await check('two copies of the library on one page', '/test/smoke/two-copies.html', async (page, problems) => {
  await page.waitForFunction(
    () =>
      ['relance-funding-donut', 'relance-laureate-list', 'relance-territory-map'].every(
        (t) => document.querySelector(t)?.dataStatus === 'ready',
      ),
    undefined,
    { timeout: 15000 },
  );
  const copies = await page.evaluate(
    () => performance.getEntriesByType('resource').filter((r) => r.name.includes('france-relance-widgets.js')).length,
  );
  assert.equal(copies, 2, 'the bundle was loaded twice');
  assert.ok(
    problems.warnings.length <= 1,
    `one warning at most, got ${problems.warnings.length}: ${problems.warnings.join(' | ')}`,
  );
  assert.equal(await page.locator('relance-funding-donut .slice').count(), 2);
  assert.equal(await page.evaluate(() => document.querySelector('relance-laureate-list').resultCount), 44);
  await page.locator('relance-territory-map .t[data-code="84"]').click();
  assert.equal(await page.locator('relance-territory-map').getAttribute('selected'), '84');
});

await browser.close();
server.close();
process.exit(failures ? 1 : 0);
