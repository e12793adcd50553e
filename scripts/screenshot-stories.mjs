// Screenshots every story of the built Storybook (storybook-static/) in headless Chromium, in four
// variants: light, dark (DSFR theme), narrow (360 px) and English. Reports console errors and axe-free
// rendering problems (uncaught errors). Output: screenshots/<story-id>--<variant>.png
// Usage: node scripts/screenshot-stories.mjs [filter] [--variants light,dark,narrow,en]
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)), 'storybook-static');
if (!existsSync(join(root, 'index.json'))) {
  console.error('storybook-static/ not found: run `npm run build-storybook` first');
  process.exit(2);
}
const args = process.argv.slice(2);
const vi = args.indexOf('--variants');
const variants = (vi >= 0 ? args[vi + 1] : 'light,dark,narrow,en').split(',');
const filter = args.find((a, i) => !a.startsWith('--') && (vi < 0 || i !== vi + 1)) ?? '';

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.csv': 'text/csv',
  '.md': 'text/markdown',
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  let file = join(root, path);
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(root) || !existsSync(file)) {
    res.writeHead(404).end('not found');
    return;
  }
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}).listen(0);
const port = server.address().port;

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
let problems = 0;
for (const story of stories) {
  for (const variant of variants) {
    const globals = variant === 'dark' ? 'theme:dark' : variant === 'en' ? 'lang:en' : '';
    const width = variant === 'narrow' ? 360 : 1100;
    const page = await browser.newPage({ viewport: { width, height: 700 } });
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    await page.goto(`http://localhost:${port}/iframe.html?id=${story.id}&viewMode=story&globals=${globals}`, {
      waitUntil: 'networkidle',
    });
    await page.waitForTimeout(500);
    // Fonts load when first used: wait for them (and their layout) before the picture.
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(150);
    const out = `screenshots/${story.id}--${variant}.png`;
    await page.screenshot({ path: out, fullPage: true });
    // Expected errors: the stories that demonstrate invalid data or a missing file.
    const expected = /invalides|introuvable|ignorees|geometrie|echec|erreur/.test(story.id);
    if (errors.length && !expected) {
      problems++;
      console.log(`✗ ${out}\n   ${errors.join('\n   ')}`);
    } else {
      console.log(`✓ ${out}${errors.length ? ` (${errors.length} expected console error(s))` : ''}`);
    }
    await page.close();
  }
}
await browser.close();
server.close();
process.exit(problems ? 1 : 0);
