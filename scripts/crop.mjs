// Crops a PNG (for looking at the top of a tall screenshot): node scripts/crop.mjs in.png out.png x y w h
import { chromium } from 'playwright';
import { readFileSync } from 'node:fs';
const [inp, out, x, y, w, h] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox'],
});
const page = await browser.newPage({ viewport: { width: Number(w), height: Number(h) } });
const data = readFileSync(inp).toString('base64');
await page.setContent(
  `<body style="margin:0"><img src="data:image/png;base64,${data}" style="display:block;margin:-${y}px 0 0 -${x}px">`,
);
await page.screenshot({ path: out });
await browser.close();
