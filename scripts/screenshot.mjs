// Screenshots pages in headless Chromium (Debian's /usr/bin/chromium).
// Usage: node scripts/screenshot.mjs <url> <out.png> [--width 1024] [--dark] [--full] [--wait 500]
import { chromium } from 'playwright';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const [url, out] = args.filter(
  (a, i) =>
    !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--') && !['--dark', '--full'].includes(args[i - 1])),
);
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
const page = await browser.newPage({
  viewport: { width: Number(opt('width', 1024)), height: Number(opt('height', 800)) },
  colorScheme: flag('dark') ? 'dark' : 'light',
});
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log(`[${m.type()}] ${m.text()}`);
});
page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
await page.goto(url, { waitUntil: 'networkidle' });
if (flag('dark')) await page.evaluate(() => document.documentElement.setAttribute('data-fr-theme', 'dark'));
await page.waitForTimeout(Number(opt('wait', 400)));
await page.screenshot({ path: out, fullPage: flag('full') });
await browser.close();
console.log(`wrote ${out}`);
