// The map and the donut as a reader's browser paints them, in a plain page (the widgets bundled from src/ with esbuild,
// the geometry and data files served as a web server would), in headless Chromium:
// - forced colours (Windows contrast themes, emulated): screenshots, read pixel by pixel: only system colours, the
//   five classes of the map from least to most ink, each status of the donut its own texture, the focus ring in
//   Highlight, the selection drawn;
// - the contrast report (WCAG 1.4.11): every pair that src/test-helpers/contrast.ts measures from computed colours,
//   light and dark, with and without DSFR's CSS, printed as a table, all 3:1 or more.
// Run by `npm test` (node --test test/node/). The report alone: `node --test test/node/map-donut-colours.test.mjs`;
// against another source tree (e.g. an older commit, extracted with git archive): `RELANCE_SRC=/tmp/old/src node …`
// (the report then prints without asserting). Screenshots: test-results/forced-colours-*.png.
import assert from 'node:assert/strict';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { launchChromium, root } from '../smoke/static-server.mjs';

const SRC = resolve(process.env.RELANCE_SRC ?? join(root, 'src'));
const OTHER_SOURCE = SRC !== join(root, 'src');

let server;
let origin;
let browser;

before(async () => {
  // The widgets, and the measuring helpers on window.relanceContrast.
  const bundle = await build({
    stdin: {
      contents: `import ${JSON.stringify(join(SRC, 'all.ts'))};
        import { mapContrasts, donutContrasts, backgroundOf, paint } from ${JSON.stringify(join(root, 'src/test-helpers/contrast.ts'))};
        import { contrast, parseColour } from ${JSON.stringify(join(root, 'src/layout/colour.ts'))};
        window.relanceContrast = { mapContrasts, donutContrasts, backgroundOf, paint, contrast, parseColour };`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    nodePaths: [join(root, 'node_modules')],
  });
  const js = bundle.outputFiles[0].contents;
  const types = {
    '.json': 'application/json',
    '.css': 'text/css',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff',
    '.svg': 'image/svg+xml',
  };
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path === '/bundle.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js);
    if (path === '/')
      return res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end('<!doctype html><html lang="fr"><body></body></html>');
    const file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const SIX = [
  { statut: 'association', laureats: 3, montant: 300 },
  { statut: 'cooperative', laureats: 2, montant: 200 },
  { statut: 'fondation', laureats: 2, montant: 200 },
  { statut: 'mutuelle', laureats: 2, montant: 150 },
  { statut: 'entreprise', laureats: 2, montant: 150 },
  { statut: 'autre', laureats: 1, montant: 100 },
];

/** A page with one widget (`html`), drawn and settled. */
async function pageWith(html, { width = 1000, dsfr = false, dark = false } = {}) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(origin + '/');
  await page.evaluate(
    async ({ html, dsfr, dark }) => {
      if (dsfr) {
        const link = Object.assign(document.createElement('link'), {
          rel: 'stylesheet',
          href: '/node_modules/@gouvfr/dsfr/dist/dsfr.min.css',
        });
        const loaded = new Promise((ok) => link.addEventListener('load', ok));
        document.head.append(link);
        await loaded;
      }
      if (dark) document.documentElement.setAttribute('data-fr-theme', 'dark');
      document.body.style.margin = '16px';
      document.body.insertAdjacentHTML('beforeend', html);
      const script = Object.assign(document.createElement('script'), { type: 'module', src: '/bundle.js' });
      const ran = new Promise((ok) => script.addEventListener('load', ok));
      document.head.append(script);
      await ran;
    },
    { html, dsfr, dark },
  );
  await page.waitForFunction(() =>
    [...document.querySelectorAll('relance-territory-map, relance-funding-donut')].every(
      (el) =>
        el.shadowRoot?.querySelector('svg[part="chart"], svg.chart .t') &&
        el.shadowRoot.querySelectorAll('.t, .slice').length > 0,
    ),
  );
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(100);
  return page;
}

/** Keyboard focus on the widget's tab stop (Tab from the page), then `keys`. */
async function focusWith(page, ...keys) {
  await page.evaluate(() => {
    const b = Object.assign(document.createElement('button'), { textContent: 'avant', id: 'before' });
    document.body.prepend(b);
    b.focus();
  });
  await page.keyboard.press('Tab');
  for (const k of keys) await page.keyboard.press(k);
  await page.evaluate(() => document.getElementById('before').remove());
  await page.waitForTimeout(50);
}

/** Pixels of a screenshot of `selector` (inside the widget's shadow tree), decoded in the page: {width, height, data}. */
async function pixels(page, host, selector) {
  const handle = await page.evaluateHandle(
    ([h, s]) => document.querySelector(h).shadowRoot.querySelector(s),
    [host, selector],
  );
  const png = await handle.screenshot();
  mkdirSync(join(root, 'test-results'), { recursive: true });
  const decoded = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const bytes = ctx.getImageData(0, 0, img.width, img.height).data;
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { width: img.width, height: img.height, rgba: btoa(text) };
  }, png.toString('base64'));
  return { png, width: decoded.width, height: decoded.height, data: Buffer.from(decoded.rgba, 'base64') };
}

const luma = (d, i) => (0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2]) / 255;
const chroma = (d, i) => Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]);

test(
  'forced colours: the map in system colours, its classes from least to most ink, focus in Highlight, selection drawn',
  { skip: OTHER_SOURCE },
  async () => {
    const page = await pageWith(
      `<relance-territory-map style="width: 720px" geometry="/data/geo/france-regions.topo.json" src="/data/demo/laureats-fictifs.json" symbols="emplois"></relance-territory-map>`,
    );
    await page.emulateMedia({ forcedColors: 'active' });
    await page.waitForTimeout(50);
    const system = await page.evaluate(() =>
      Object.fromEntries(
        ['Canvas', 'CanvasText', 'Highlight'].map((name) => {
          const probe = Object.assign(document.createElement('div'), {
            style: `forced-color-adjust: none; color: ${name}`,
          });
          document.body.append(probe);
          const c = getComputedStyle(probe)
            .color.match(/[\d.]+/g)
            .map(Number);
          probe.remove();
          return [name, c];
        }),
      ),
    );
    // As painted over Canvas (a system colour may be translucent: Chromium's emulated Highlight is).
    for (const name of ['CanvasText', 'Highlight']) {
      const [r, g, b, a = 1] = system[name];
      system[name] = [r, g, b].map((v, i) => Math.round(v * a + system.Canvas[i] * (1 - a)));
    }
    const plain = await pixels(page, 'relance-territory-map', 'svg.chart');
    writeFileSync(join(root, 'test-results/forced-colours-map.png'), plain.png);
    // Only system colours and their blends (anti-aliasing between Canvas and CanvasText is grey): nothing blue is left.
    let coloured = 0;
    for (let i = 0; i < plain.data.length; i += 4) if (chroma(plain.data, i) > 24) coloured++;
    assert.ok(coloured / (plain.data.length / 4) < 0.001, `${coloured} coloured pixels in forced colours`);

    // Ink inside the largest territory of each class: pixels well inside its shape, every 5 px (prime to the 4 and 6 px
    // periods of the patterns, so every phase of them is sampled).
    const samples = await page.evaluate(() => {
      const root = document.querySelector('relance-territory-map').shadowRoot;
      const svg = root.querySelector('svg.chart');
      return [1, 2, 3, 4, 5].map((k) => {
        const paths = [...root.querySelectorAll(`.t.c${k}[role="option"]`)].sort(
          (a, b) => b.getBBox().width * b.getBBox().height - a.getBBox().width * a.getBBox().height,
        );
        const p = paths[0];
        const b = p.getBBox();
        const points = [];
        for (let x = Math.ceil(b.x); x < b.x + b.width; x += 5)
          for (let y = Math.ceil(b.y); y < b.y + b.height; y += 5) {
            const inside = [
              [0, 0],
              [-4, 0],
              [4, 0],
              [0, -4],
              [0, 4],
            ].every(([dx, dy]) => p.isPointInFill(new DOMPoint(x + dx, y + dy)));
            if (inside && !p.isPointInStroke(new DOMPoint(x, y))) points.push([x, y]);
          }
        const symbols = [...root.querySelectorAll('circle.symbol')].map((c) => [
          c.cx.baseVal.value,
          c.cy.baseVal.value,
          c.r.baseVal.value + 3,
        ]);
        return {
          code: p.getAttribute('data-code'),
          points: points.filter(([x, y]) => symbols.every(([cx, cy, r]) => Math.hypot(x - cx, y - cy) > r)),
          scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
        };
      });
    });
    const ink = samples.map(({ code, points, scale }) => {
      let dark = 0;
      for (const [x, y] of points) {
        const i = (Math.round(y * scale) * plain.width + Math.round(x * scale)) * 4;
        dark += 1 - luma(plain.data, i);
      }
      return { code, ink: Math.round((dark / points.length) * 100) / 100, n: points.length };
    });
    for (let k = 1; k < 5; k++)
      assert.ok(
        ink[k].ink - ink[k - 1].ink >= 0.1,
        `class ${k + 1} has clearly more ink than class ${k}: ${JSON.stringify(ink)}`,
      );
    assert.ok(ink[0].ink >= 0.05 && ink[4].ink >= 0.95, JSON.stringify(ink));

    // Keyboard focus: a ring of Highlight pixels. Selection: pixels change along the territory, in system colours.
    await focusWith(page, 'ArrowDown', 'ArrowDown');
    const focused = await pixels(page, 'relance-territory-map', 'svg.chart');
    writeFileSync(join(root, 'test-results/forced-colours-map-focus.png'), focused.png);
    const near = (d, i, c) => Math.abs(d[i] - c[0]) + Math.abs(d[i + 1] - c[1]) + Math.abs(d[i + 2] - c[2]) < 30;
    let ring = 0;
    for (let i = 0; i < focused.data.length; i += 4)
      if (near(focused.data, i, system.Highlight) && !near(plain.data, i, system.Highlight)) ring++;
    const common = new Map();
    for (let i = 0; i < focused.data.length; i += 4)
      if (chroma(focused.data, i) > 24)
        common.set(focused.data.slice(i, i + 3).join(), (common.get(focused.data.slice(i, i + 3).join()) ?? 0) + 1);
    assert.ok(
      ring > 150,
      `${ring} Highlight pixels of the focus ring; Highlight ${system.Highlight}, colours ${JSON.stringify([...common].sort((a, b) => b[1] - a[1]).slice(0, 5))}`,
    );
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape'); // the tooltip
    await page.waitForTimeout(50);
    const selected = await pixels(page, 'relance-territory-map', 'svg.chart');
    writeFileSync(join(root, 'test-results/forced-colours-map-selected.png'), selected.png);
    let changed = 0;
    for (let i = 0; i < selected.data.length; i += 4)
      if (Math.abs(luma(selected.data, i) - luma(plain.data, i)) > 0.5) changed++;
    assert.ok(changed > 150, `${changed} pixels of the selection outline`);
    await page.close();
  },
);

test(
  'forced colours: each status of the donut its own texture, focus in Highlight',
  { skip: OTHER_SOURCE },
  async () => {
    const page = await pageWith(
      `<relance-funding-donut style="width: 360px" data='${JSON.stringify(SIX)}'></relance-funding-donut>`,
    );
    await page.emulateMedia({ forcedColors: 'active' });
    await page.waitForTimeout(50);
    const shot = await pixels(page, 'relance-funding-donut', 'svg[part="chart"]');
    writeFileSync(join(root, 'test-results/forced-colours-donut.png'), shot.png);
    let coloured = 0;
    for (let i = 0; i < shot.data.length; i += 4) if (chroma(shot.data, i) > 24) coloured++;
    assert.ok(coloured / (shot.data.length / 4) < 0.001, `${coloured} coloured pixels in forced colours`);
    // One 8 × 8 tile of texture inside each slice (the textures repeat every 8 px from the centre of the donut).
    const tiles = await page.evaluate(() => {
      const root = document.querySelector('relance-funding-donut').shadowRoot;
      const g = root.querySelector('svg[part="chart"] > g');
      const [cx, cy] = g
        .getAttribute('transform')
        .match(/[\d.]+/g)
        .map(Number);
      return [...root.querySelectorAll('.slice')].map((p) => {
        for (let r = 0; r < 200; r += 8)
          for (let a = -200; a <= 200; a += 8)
            for (const [x, y] of [
              [a, r],
              [a, -r],
              [r, a],
              [-r, a],
            ]) {
              const corners = [
                [0, 0],
                [8, 0],
                [0, 8],
                [8, 8],
                [-3, -3],
                [11, 11],
                [-3, 11],
                [11, -3],
              ];
              if (corners.every(([dx, dy]) => p.isPointInFill(new DOMPoint(x + dx, y + dy))))
                return { key: p.dataset.key, x: cx + x, y: cy + y };
            }
        return { key: p.dataset.key };
      });
    });
    const signature = ({ x, y }) => {
      let bits = '';
      for (let j = 0; j < 8; j++)
        for (let i = 0; i < 8; i++) bits += luma(shot.data, ((y + j) * shot.width + x + i) * 4) < 0.5 ? '#' : '.';
      return bits;
    };
    const seen = new Map();
    for (const t of tiles) {
      assert.ok(t.x !== undefined, `a tile inside ${t.key}`);
      const s = signature(t);
      assert.ok(s.includes('#') && s.includes('.'), `${t.key}: a texture, not a flat colour`);
      assert.ok(!seen.has(s), `${t.key} and ${seen.get(s)} have the same texture`);
      seen.set(s, t.key);
    }
    await focusWith(page, 'ArrowRight');
    const focused = await pixels(page, 'relance-funding-donut', 'svg[part="chart"]');
    writeFileSync(join(root, 'test-results/forced-colours-donut-focus.png'), focused.png);
    const highlight = await page.evaluate(() => {
      const colour = (name) => {
        const probe = Object.assign(document.createElement('div'), {
          style: `forced-color-adjust: none; color: ${name}`,
        });
        document.body.append(probe);
        const c = getComputedStyle(probe)
          .color.match(/[\d.]+/g)
          .map(Number);
        probe.remove();
        return c;
      };
      const [r, g, b, a = 1] = colour('Highlight');
      const canvas = colour('Canvas');
      return [r, g, b].map((v, i) => Math.round(v * a + canvas[i] * (1 - a)));
    });
    let ring = 0;
    for (let i = 0; i < focused.data.length; i += 4)
      if (
        Math.abs(focused.data[i] - highlight[0]) +
          Math.abs(focused.data[i + 1] - highlight[1]) +
          Math.abs(focused.data[i + 2] - highlight[2]) <
        30
      )
        ring++;
    assert.ok(ring > 150, `${ring} Highlight pixels of the focus ring`);
    await page.close();
  },
);

test('contrast report (WCAG 1.4.11): every measured pair at 3:1 or more, light and dark, with and without DSFR', async (t) => {
  const rows = [];
  const map = (level) =>
    `<relance-territory-map style="width: 720px" level="${level}" geometry="/data/geo/france-${level === 'region' ? 'regions' : 'departements'}.topo.json" src="/data/demo/laureats-fictifs.json" selected="${level === 'region' ? '84' : '69'}"></relance-territory-map>`;
  const donut = `<relance-funding-donut style="width: 360px" data='${JSON.stringify(SIX)}' selected="fondation"></relance-funding-donut>`;
  for (const [name, html, audit] of [
    ['map, régions', map('region'), 'mapContrasts'],
    ['map, départements', map('departement'), 'mapContrasts'],
    ['donut, six statuses', donut, 'donutContrasts'],
  ]) {
    for (const dsfr of [false, true]) {
      for (const dark of [false, true]) {
        const page = await pageWith(html, { dsfr, dark });
        await focusWith(page, audit === 'mapContrasts' ? 'ArrowRight' : 'ArrowRight');
        const scenario = `${name}, ${dark ? 'dark' : 'light'}${dsfr ? ', DSFR' : ''}`;
        const pairs = await page.evaluate((audit) => {
          const el = document.querySelector('relance-territory-map, relance-funding-donut');
          const out = window.relanceContrast[audit](el);
          // For the record: successive classes against each other (told apart by the borders between them).
          if (audit === 'mapContrasts') {
            const { contrast, parseColour } = window.relanceContrast;
            const fills = [
              ...el.shadowRoot.querySelectorAll('[part="legend-item"][data-class]:not([data-class="none"]) .swatch'),
            ].map((s) => {
              const r = s.querySelector('rect');
              return parseColour(getComputedStyle(r ?? s)[r ? 'fill' : 'backgroundColor']);
            });
            fills.slice(1).forEach(
              (f, i) =>
                f &&
                fills[i] &&
                out.push({
                  what: `(class ${i + 1} / class ${i + 2}, parted by a border)`,
                  ratio: Math.round(contrast(fills[i], f) * 100) / 100,
                  info: true,
                }),
            );
          }
          return out;
        }, audit);
        for (const p of pairs) rows.push({ scenario, ...p });
        await page.close();
      }
    }
  }
  const lines = rows.map(
    (r) =>
      `${r.scenario.padEnd(34)} ${r.what.padEnd(62)} ${r.ratio.toFixed(2).padStart(6)}${r.ratio < 3 && !r.info ? '  < 3' : ''}`,
  );
  mkdirSync(join(root, 'test-results'), { recursive: true });
  writeFileSync(join(root, 'test-results/contrast-report.txt'), lines.join('\n') + '\n');
  // The whole table with RELANCE_REPORT=1 (or for another source tree), else the lowest pair of each scenario.
  const lowest = [...new Set(rows.map((r) => r.scenario))].map(
    (sc) => rows.filter((r) => r.scenario === sc && !r.info).sort((a, b) => a.ratio - b.ratio)[0],
  );
  const shown =
    process.env.RELANCE_REPORT || OTHER_SOURCE
      ? lines
      : lowest.map((r) => `${r.scenario.padEnd(34)} lowest: ${r.what} ${r.ratio.toFixed(2)}`);
  console.log(
    `\nContrast report (${OTHER_SOURCE ? SRC : 'src/'}; all pairs in test-results/contrast-report.txt)\n${shown.join('\n')}\n`,
  );
  if (OTHER_SOURCE) return t.diagnostic('other source tree: report only');
  const low = rows.filter((r) => r.ratio < 3 && !r.info);
  assert.deepEqual(low, [], 'pairs under 3:1');
  for (const what of [
    'class 5 / border',
    'focus ring ring / its halo',
    'selection outline ring / its halo',
    'focus ring / slice autre',
    'slice entreprise / background',
  ]) {
    assert.ok(
      rows.some((r) => r.what === what),
      `measured: ${what}`,
    );
  }
});
