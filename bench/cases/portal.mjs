// Benchmark of the portal adapters (issue 18) at 1 000 000 rows on loopback: the local portal server
// (test/portal/server.mjs, SQLite compiled to WebAssembly, on another port: a cross-origin API as the real portals
// are) and the adapters bundled for the browser (src/query/portal/, loaded on demand as a page would). Measures, for
// the Explore API v2.1 adapter and the tabular API adapter:
// - time to first figures: a cold source asked what a linked page asks first (key figures, totals by status and by
//   région, the list's first page of 20), until every answer is there;
// - a search keystroke: « atelier saint » typed one letter at a time, each keystroke asking the list's page and the
//   key figures (no debounce: every keystroke measured), time to both answers;
// - a selection: a région chosen, what every widget of the group asks (key figures, totals by status and by
//   département, the list's page);
// - bytes transferred per interaction (answer bodies, counted by the server).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { listen, TABULAR_RID } from '../../test/portal/server.mjs';
import { median, percentile, round } from '../lib/stats.mjs';

export const name = 'portal';
export const description =
  'portal adapters at 1 000 000 rows on loopback: first figures, a search keystroke, a selection, bytes';
export const defaultRuns = 3;

const TYPED = 'atelier saint';
const REGIONS = ['84', '11', '53', '76'];

async function measure({ module, api, kind, stats, typed, regions }) {
  const { portalSource } = await import(module);
  const fields = { emplois: 'emplois_crees' };
  const bytes = async () => (await (await fetch(stats)).json()).bytes;
  const out = { kind };
  // First figures, cold.
  let b = await bytes();
  let t = performance.now();
  const source = await portalSource(api, { fields });
  await Promise.all([
    source.keyFigures({}),
    source.totalsBy('statut', {}),
    source.totalsBy('region', {}),
    source.page({ filter: {}, limit: 20 }),
  ]);
  out.firstMs = performance.now() - t;
  out.firstBytes = (await bytes()) - b;
  // Keystrokes.
  out.keystrokeMs = [];
  out.keystrokeBytes = [];
  for (let i = 1; i <= typed.length; i++) {
    const text = typed.slice(0, i);
    if (text.endsWith(' ')) continue;
    b = await bytes();
    t = performance.now();
    await Promise.all([source.page({ filter: { search: text }, limit: 20 }), source.keyFigures({ search: text })]);
    out.keystrokeMs.push(performance.now() - t);
    out.keystrokeBytes.push((await bytes()) - b);
  }
  // Selections.
  out.selectMs = [];
  out.selectBytes = [];
  for (const code of regions) {
    const filter = { regions: [code] };
    b = await bytes();
    t = performance.now();
    await Promise.all([
      source.keyFigures(filter),
      source.totalsBy('statut', filter),
      source.totalsBy('departement', filter),
      source.page({ filter, limit: 20 }),
    ]);
    out.selectMs.push(performance.now() - t);
    out.selectBytes.push((await bytes()) - b);
  }
  return out;
}

/**
 * The same questions through the widgets, in the page's DOM: a linked page (dataset with `api`, key figures, donut,
 * map, list) loaded through the CDN loader, until every widget shows its figures; a search typed into the list (a
 * letter every 60 ms, the list waits for a 250 ms pause), from the last keystroke until the list and key figures show
 * the answer; a région clicked on the map, until every widget shows the new figures. Each with the bytes the portal sent.
 */
async function measureDom({ loader, api, stats, typed, regions }) {
  const bytes = async () => (await (await fetch(stats)).json()).bytes;
  const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const stage = document.createElement('div');
  stage.style.width = '1100px';
  const make = (tag, attrs = {}) => {
    const el = document.createElement(tag);
    el.setAttribute('group', 'bench');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    stage.append(el);
    return el;
  };
  make('relance-dataset', { api, 'field-emplois': 'emplois_crees', fictitious: '' });
  const widgets = [
    make('relance-key-figures'),
    make('relance-funding-donut'),
    make('relance-territory-map'),
    make('relance-laureate-list'),
  ];
  /** Every widget has its answers (none pending) and has rendered them. */
  const settled = async () => {
    for (;;) {
      const done = widgets.every(
        (el) =>
          el.dataStatus === 'ready' &&
          el._answers &&
          !el._answers.waiting &&
          [...el._answers._slots.values()].every((x) => !x._pending),
      );
      if (done) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    await Promise.all(widgets.map((el) => el.updateComplete));
    await frame();
  };
  const out = {};
  let b = await bytes();
  let t = performance.now();
  const script = document.createElement('script');
  script.type = 'module';
  script.src = loader;
  document.head.append(script);
  document.body.append(stage);
  await settled();
  out.firstMs = performance.now() - t;
  out.firstBytes = (await bytes()) - b;
  const list = widgets[3];
  const input = list.shadowRoot.querySelector('input[type="search"]');
  b = await bytes();
  for (const ch of typed) {
    input.value += ch;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 60));
  }
  t = performance.now();
  // The list asks once the reader pauses: wait for its question, then for every answer.
  await new Promise((r) => setTimeout(r, 300));
  await settled();
  out.searchMs = performance.now() - t;
  out.searchBytes = (await bytes()) - b;
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await new Promise((r) => setTimeout(r, 300));
  await settled();
  out.selectMs = [];
  out.selectBytes = [];
  const map = widgets[2];
  for (const code of regions) {
    b = await bytes();
    t = performance.now();
    map.shadowRoot
      .querySelector(`.t[data-code="${code}"]`)
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await new Promise((r) => setTimeout(r, 0));
    await settled();
    out.selectMs.push(performance.now() - t);
    out.selectBytes.push((await bytes()) - b);
  }
  return out;
}

export async function run({ browser, baseUrl, root, log, runs = 3 }) {
  const outdir = resolve(root, '.cache/bench/portal');
  mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    entryPoints: [resolve(root, 'src/query/portal/load.ts')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir,
    absWorkingDir: root,
    logLevel: 'error',
  });
  log('  portal: starting the local portal server (1 000 000 rows; generated once into .cache/portal/)…');
  const server = await listen({ rows: 1_000_000 });
  const results = [];
  try {
    await server.portal.ready();
    for (const kind of ['ods', 'tabular']) {
      const samples = [];
      for (let k = 0; k < runs; k++) {
        const session = `bench${kind}${k}${Date.now().toString(36)}`;
        const api =
          kind === 'ods'
            ? `${server.url}/__portal/ods/${session}/-/api/explore/v2.1/catalog/datasets/plan-de-relance`
            : `${server.url}/__portal/tabular/${session}/-/api/resources/${TABULAR_RID}/`;
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${baseUrl}/bench/pages/blank.html`, { waitUntil: 'load' });
        log(`  portal: ${kind}, run ${k + 1}/${runs}…`);
        samples.push(
          await page.evaluate(measure, {
            module: `${baseUrl}/.cache/bench/portal/load.js`,
            api,
            kind,
            stats: `${server.url}/__portal/stats/${session}`,
            typed: TYPED,
            regions: REGIONS,
          }),
        );
        await context.close();
      }
      const flat = (key) => samples.flatMap((s) => s[key]);
      results.push({
        case: name,
        adapter: kind,
        rows: 1_000_000,
        runs,
        firstFiguresMedianMs: round(median(samples.map((s) => s.firstMs)), 0),
        firstFiguresKB: round(median(samples.map((s) => s.firstBytes)) / 1024, 1),
        keystrokeMedianMs: round(median(flat('keystrokeMs')), 0),
        keystrokeP95Ms: round(percentile(flat('keystrokeMs'), 95), 0),
        keystrokeMedianKB: round(median(flat('keystrokeBytes')) / 1024, 1),
        selectionMedianMs: round(median(flat('selectMs')), 0),
        selectionP95Ms: round(percentile(flat('selectMs'), 95), 0),
        selectionMedianKB: round(median(flat('selectBytes')) / 1024, 1),
      });
    }
    // Through the widgets (Explore API v2.1): first figures, a search, a selection, to the DOM.
    const dom = [];
    for (let k = 0; k < runs; k++) {
      const session = `benchdom${k}${Date.now().toString(36)}`;
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/bench/pages/blank.html`, { waitUntil: 'load' });
      log(`  portal: widgets (Explore API), run ${k + 1}/${runs}…`);
      dom.push(
        await page.evaluate(measureDom, {
          loader: `${baseUrl}/cdn/france-relance-widgets.js`,
          api: `${server.url}/__portal/ods/${session}/-/api/explore/v2.1/catalog/datasets/plan-de-relance`,
          stats: `${server.url}/__portal/stats/${session}`,
          typed: 'atelier',
          regions: REGIONS,
        }),
      );
      await context.close();
    }
    const flatDom = (key) => dom.flatMap((d) => d[key]);
    results.push({
      case: name,
      adapter: 'ods-widgets',
      rows: 1_000_000,
      runs,
      firstFiguresMedianMs: round(median(dom.map((d) => d.firstMs)), 0),
      firstFiguresKB: round(median(dom.map((d) => d.firstBytes)) / 1024, 1),
      keystrokeMedianMs: round(median(dom.map((d) => d.searchMs)), 0),
      keystrokeP95Ms: round(
        percentile(
          dom.map((d) => d.searchMs),
          95,
        ),
        0,
      ),
      keystrokeMedianKB: round(median(dom.map((d) => d.searchBytes)) / 1024, 1),
      selectionMedianMs: round(median(flatDom('selectMs')), 0),
      selectionP95Ms: round(percentile(flatDom('selectMs'), 95), 0),
      selectionMedianKB: round(median(flatDom('selectBytes')) / 1024, 1),
    });
  } finally {
    await server.close();
  }
  const label = {
    ods: 'Explore API v2.1',
    tabular: 'tabular API',
    'ods-widgets': 'Explore API v2.1, to every widget’s DOM',
  };
  return {
    results,
    table: {
      headers: [
        'adapter',
        'first figures, median',
        'search keystroke, median (p95)',
        'selection, median (p95)',
        'bytes: first / keystroke / selection (median)',
      ],
      rows: results.map((r) => [
        label[r.adapter],
        `${r.firstFiguresMedianMs} ms`,
        `${r.keystrokeMedianMs} ms (${r.keystrokeP95Ms})`,
        `${r.selectionMedianMs} ms (${r.selectionP95Ms})`,
        `${r.firstFiguresKB} / ${r.keystrokeMedianKB} / ${r.selectionMedianKB} kB`,
      ]),
      align: ['left', 'right', 'right', 'right', 'right'],
    },
    notes: [
      `1 000 000 fictitious rows in SQLite (sql.js, WebAssembly) behind a local Explore API v2.1 and tabular API on another loopback port; ${runs} runs, a fresh source and browser context each (answers are kept per source: a run's keystrokes are all new questions).`,
      `Keystrokes: « ${TYPED} » one letter at a time, each asking the list's first page of 20 and the key figures, no debounce. Selection: régions ${REGIONS.join(', ')}, each asking key figures, totals by status and by département, and the list's page.`,
      'The widgets’ row: a page with a dataset (`api`), key figures, donut, map and list loaded through cdn/france-relance-widgets.js; « first figures » from insertion until every widget shows its answers; « search » the word « atelier » typed a letter every 60 ms, from the last keystroke until the list and key figures show the answer (includes the list’s 250 ms pause before asking); « selection » a région clicked on the map until every widget shows the new figures.',
      'Bytes are the answers’ bodies as the server sent them (no compression on loopback). Times are dominated by the SQL engine in WebAssembly scanning a million rows, not by the adapters.',
    ],
  };
}
