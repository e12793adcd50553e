// Benchmark of a linked page: <relance-dataset> and four widgets in one group (key figures, map, donut, list), with
// 3 080 and 100 000 fictitious laureates. Measures the time from a click on a région of the map to every widget's
// DOM updated and laid out (each widget's update complete, then a forced layout read), and clearing the filter.
import { median, percentile, round } from '../lib/stats.mjs';

export const name = 'group';
export const description = 'a linked page of four widgets: a selection on the map to every widget’s DOM';
export const defaultRuns = 2;

const SIZES = [3080, 100_000];
/** Targets (from the issue): a selection reaches every widget's DOM within a frame at 3 080 rows, 50 ms at 100 000. */
export const targets = { 3080: 16, 100000: 50 };
const REGIONS = ['84', '11', '53', '76', '04', '93', '44', '75'];

async function measure({ dataUrl, regions }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  // The page's script is the loader: every widget's code, imported before the measurement.
  const { loadWidget } = await import('/cdn/france-relance-widgets.js');
  await Promise.all(
    [
      'relance-dataset',
      'relance-key-figures',
      'relance-territory-map',
      'relance-funding-donut',
      'relance-laureate-list',
    ].map(loadWidget),
  );
  const stage = document.getElementById('stage');
  for (const [tag, attrs] of [
    ['relance-dataset', { src: dataUrl }],
    ['relance-key-figures', {}],
    ['relance-territory-map', { metric: 'montant' }],
    ['relance-funding-donut', {}],
    ['relance-laureate-list', {}],
  ]) {
    const el = document.createElement(tag);
    el.setAttribute('group', 'bench');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    stage.append(el);
  }
  const widgets = [...stage.children].slice(1);
  const map = widgets[1];
  while (!(widgets.every((w) => w.dataStatus === 'ready') && map.shadowRoot.querySelector('.t[data-code]')))
    await sleep(20);
  for (const w of widgets) await w.updateComplete;
  await frame();
  await sleep(300);
  const settle = async () => {
    for (let i = 0; i < 3; i++) for (const w of widgets) await w.updateComplete;
    for (const w of widgets) w.shadowRoot.firstElementChild?.getBoundingClientRect();
  };
  const select = [];
  const clear = [];
  for (const code of regions) {
    const path = map.shadowRoot.querySelector(`.t[data-code="${code}"]`);
    let t = performance.now();
    path.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    select.push(performance.now() - t);
    await frame();
    await frame();
    t = performance.now();
    path.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await settle();
    clear.push(performance.now() - t);
    await frame();
    await frame();
  }
  return { select, clear, count: widgets[3].resultCount };
}

export async function run({ browser, baseUrl, data, log, runs = 2 }) {
  const results = [];
  for (const count of SIZES) {
    const dataUrl = `/${data(count)}`;
    const samples = [];
    for (let k = 0; k < runs; k++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${baseUrl}/bench/pages/list.html`, { waitUntil: 'load' });
      log(`  group: ${count} rows, run ${k + 1}/${runs}…`);
      samples.push(await page.evaluate(measure, { dataUrl, regions: REGIONS }));
      await context.close();
      if (errors.length) throw new Error(`page errors with ${count} rows: ${errors.join(' | ')}`);
    }
    const select = samples.flatMap((s) => s.select);
    const clear = samples.flatMap((s) => s.clear);
    results.push({
      case: name,
      rows: count,
      runs,
      selectMedianMs: round(median(select), 1),
      selectP95Ms: round(percentile(select, 95), 1),
      clearMedianMs: round(median(clear), 1),
      selections: select.length,
      selectSamplesMs: select.map((v) => round(v, 1)),
    });
  }
  const ok = (v, t) => (v < t ? '✓' : '✗');
  return {
    results,
    table: {
      headers: ['rows', 'selection → every widget’s DOM, median (p95)', 'clearing it, median', 'target'],
      rows: results.map((r) => [
        r.rows.toLocaleString('fr-FR'),
        `${r.selectMedianMs} ms (${r.selectP95Ms})`,
        `${r.clearMedianMs} ms`,
        `${targets[r.rows]} ms ${ok(r.selectMedianMs, targets[r.rows])}`,
      ]),
    },
    notes: [
      `Eight régions clicked on the map, then clicked again to clear, in each of ${runs} runs (fresh browser context each); the time runs until the four widgets' updates are complete and their layout computed.`,
    ],
  };
}
