// The side-by-side pairs with @gouvfr/dsfr-chart, shared by the cases dsfr-chart (time, JS, heap) and breakdown
// (where the time goes, from a Chromium trace): the fixtures (same data for both libraries), the in-page measurement
// (insertion → marks drawn → two quiet frames: « painted »), and the fresh page each run uses.
//
// Pages (bench/pages/): one per library per widget, each with DSFR's CSS and ONLY that library's script:
// DSFR Chart's per-component build (dist/<Name>/<Name>.js + .css), or our element's entry bundled with its
// dependencies (bench/lib/entries.mjs → .cache/bench/entries/, the very file whose gzip size is reported).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSize } from './entries.mjs';

export const DSFR = 'node_modules/@gouvfr/dsfr-chart/dist';
export const DSFR_VERSION = JSON.parse(
  readFileSync(new URL('../../node_modules/@gouvfr/dsfr-chart/package.json', import.meta.url), 'utf8'),
).version;

/** How « painted » is decided, in the page (the same rule for both libraries: the marks are drawn). */
export const PAINTED = {
  'svg-slices': 'shadow DOM holds the expected number of donut slices (<path class="slice"> with a non-empty d)',
  canvas: 'the <canvas> has non-transparent pixels on its middle row (getImageData), i.e. Chart.js has drawn the arcs',
  'svg-territories':
    'shadow DOM holds at least the expected number of territory <path>s (the geometry is loaded and projected)',
  'dsfr-map': 'its SVG holds the expected number of territories coloured by the data (FR-* paths with a fill set)',
  rows: 'the table holds the expected number of body rows',
};

// ---------------------------------------------------------------------------------------------
// Data (the same for both libraries)

function readTerritories(root) {
  const text = readFileSync(resolve(root, 'src/model/territories.data.ts'), 'utf8');
  const list = (n) => {
    const line = text.split('\n').find((l) => l.startsWith(`export const ${n}`));
    if (!line) throw new Error(`${n} not found in src/model/territories.data.ts`);
    return JSON.parse(line.slice(line.indexOf(' = ') + 3).replace(/;\s*$/, ''));
  };
  return { regions: list('REGION_LIST'), departements: list('DEPARTEMENT_LIST') };
}

/** INSEE région code → DSFR Chart's code (its FR-<code> classes: ISO-like letters, 20R for Corse, 971… for the DROM). */
const DSFR_REGION = {
  '01': '971',
  '02': '972',
  '03': '973',
  '04': '974',
  '06': '976',
  11: 'IDF',
  24: 'CVL',
  27: 'BFC',
  28: 'NOR',
  32: 'HDF',
  44: 'GES',
  52: 'PDL',
  53: 'BRE',
  75: 'NAQ',
  76: 'OCC',
  84: 'ARA',
  93: 'PAC',
  94: '20R',
};

const STATUT_LABEL = {
  association: 'Association',
  cooperative: 'Coopérative',
  fondation: 'Fondation',
  mutuelle: 'Mutuelle',
  entreprise: 'Entreprise',
  autre: 'Autre',
};
const DATE = '2021-12-21';

/** Builds the fixtures (one JSON file per pair and library: `{ tag, attrs, expect, check, label }`). */
export function fixtures(root, data) {
  const dir = resolve(root, '.cache/bench/dsfr-chart');
  mkdirSync(dir, { recursive: true });
  const { regions, departements } = readTerritories(root);
  const regionName = new Map(regions);
  const depName = new Map(departements.map(([c, n]) => [c, n]));
  const official = JSON.parse(readFileSync(resolve(root, 'data/communique-2021-12-21.json'), 'utf8'));
  const rows44 = JSON.parse(readFileSync(resolve(root, data(44)), 'utf8'));
  const rows3080 = JSON.parse(readFileSync(resolve(root, data(3080)), 'utf8'));

  // Map values: number of (fictitious) laureates per territory among the 3 080 rows.
  const count = (key, codes) => {
    const m = new Map(codes.map((c) => [c, 0]));
    for (const l of rows3080.laureats) m.set(l[key], (m.get(l[key]) ?? 0) + 1);
    return m;
  };
  const byRegion = count(
    'region',
    regions.map(([c]) => c),
  );
  const byDep = count(
    'departement',
    departements.map(([c]) => c),
  );

  // 12 fictitious categories; our donut's categories are the 6 canonical statuses, so it gets those 6.
  const twelve = [
    'Industrie agroalimentaire',
    'Textile',
    'Bois et ameublement',
    'Métallurgie',
    'Chimie verte',
    'Recyclage',
    'Imprimerie',
    'Électronique',
    'Mécanique',
    'Matériaux de construction',
    'Énergie',
    'Santé',
  ].map((label, i) => ({ label: `${label} (fictif)`, value: 2_400_000 - i * 170_000 }));
  const six = ['association', 'cooperative', 'fondation', 'mutuelle', 'entreprise', 'autre'].map((statut, i) => ({
    statut,
    laureats: 30 - i * 4,
    montant: twelve[2 * i].value + twelve[2 * i + 1].value,
  }));

  const tableAttrs = (doc) => {
    const ls = doc.laureats;
    return {
      'table-name': 'Lauréat',
      x: JSON.stringify(ls.map((l) => l.nom)),
      y: JSON.stringify([
        ls.map((l) => STATUT_LABEL[l.statut] ?? l.statut),
        ls.map((l) => regionName.get(l.region) ?? ''),
        ls.map((l) => `${l.commune ?? ''} (${depName.get(l.departement) ?? ''})`),
        ls.map((l) => l.territoire ?? ''),
        ls.map((l) => l.montant),
        ls.map((l) => l.emplois),
      ]),
      name: JSON.stringify(['Statut', 'Région', 'Lieu', 'Territoire', 'Montant (€)', 'Emplois']),
    };
  };
  const pieAttrs = (items) => ({
    x: JSON.stringify([items.map((d) => d.label)]),
    y: JSON.stringify([items.map((d) => d.value)]),
    name: JSON.stringify(items.map((d) => d.label)),
    'unit-tooltip': '€',
    'selected-palette': 'categorical',
    date: DATE,
  });
  const total = (m) => [...m.values()].reduce((a, b) => a + b, 0);

  const pairs = [
    {
      id: 'donut-3',
      widget: 'donut',
      label: 'donut: 3 statuses (official figures)',
      ours: {
        page: 'ours-donut',
        tag: 'relance-funding-donut',
        check: 'svg-slices',
        expect: 3,
        attrs: { data: JSON.stringify(official) },
      },
      dsfr: {
        page: 'dsfr-chart-pie',
        tag: 'pie-chart',
        check: 'canvas',
        expect: 3,
        attrs: pieAttrs(official.statuts.map((s) => ({ label: STATUT_LABEL[s.statut], value: s.montant }))),
      },
    },
    {
      id: 'donut-12',
      widget: 'donut',
      label: 'donut: 12 categories (ours: 6 statuses, its maximum)',
      ours: {
        page: 'ours-donut',
        tag: 'relance-funding-donut',
        check: 'svg-slices',
        expect: 6,
        attrs: { data: JSON.stringify({ statuts: six }) },
      },
      dsfr: { page: 'dsfr-chart-pie', tag: 'pie-chart', check: 'canvas', expect: 12, attrs: pieAttrs(twelve) },
    },
    {
      id: 'map-regions',
      widget: 'map',
      label: 'map: 18 régions',
      ours: {
        page: 'ours-map',
        tag: 'relance-territory-map',
        check: 'svg-territories',
        expect: 18,
        attrs: { level: 'region', data: JSON.stringify(Object.fromEntries(byRegion)) },
      },
      dsfr: {
        page: 'dsfr-chart-map',
        tag: 'map-chart',
        check: 'dsfr-map',
        expect: 18,
        attrs: {
          level: 'reg',
          data: JSON.stringify(Object.fromEntries([...byRegion].map(([c, v]) => [DSFR_REGION[c], v]))),
          name: 'Lauréats (fictifs)',
          value: String(total(byRegion)),
          date: DATE,
        },
      },
    },
    {
      id: 'map-departements',
      widget: 'map',
      label: 'map: 101 départements',
      ours: {
        page: 'ours-map',
        tag: 'relance-territory-map',
        check: 'svg-territories',
        expect: 101,
        attrs: { level: 'departement', data: JSON.stringify(Object.fromEntries(byDep)) },
      },
      dsfr: {
        page: 'dsfr-chart-map',
        tag: 'map-chart',
        check: 'dsfr-map',
        expect: 101,
        attrs: {
          level: 'dep',
          data: JSON.stringify(Object.fromEntries(byDep)),
          name: 'Lauréats (fictifs)',
          value: String(total(byDep)),
          date: DATE,
        },
      },
    },
    {
      id: 'list-44',
      widget: 'list',
      label: 'list: 44 rows (both: all rows in the DOM)',
      ours: {
        page: 'ours-list',
        tag: 'relance-laureate-list',
        check: 'rows',
        expect: 44,
        attrs: { 'page-size': '50', data: JSON.stringify(rows44) },
      },
      dsfr: { page: 'dsfr-chart-table', tag: 'table-chart', check: 'rows', expect: 44, attrs: tableAttrs(rows44) },
    },
    {
      id: 'list-3080',
      widget: 'list',
      label: 'list: 3 080 rows (ours: 1st page of 20; DSFR: all rows)',
      // « Again » skipped here: DSFR Chart's 2 s per table would double the duration of the whole run.
      again: false,
      ours: {
        page: 'ours-list',
        tag: 'relance-laureate-list',
        check: 'rows',
        expect: 20,
        attrs: { data: JSON.stringify(rows3080) },
      },
      dsfr: { page: 'dsfr-chart-table', tag: 'table-chart', check: 'rows', expect: 3080, attrs: tableAttrs(rows3080) },
    },
  ];
  for (const p of pairs) {
    for (const side of ['ours', 'dsfr']) {
      const f = p[side];
      f.url = `/.cache/bench/dsfr-chart/${p.id}-${side}.json`;
      writeFileSync(
        resolve(dir, `${p.id}-${side}.json`),
        JSON.stringify({ tag: f.tag, attrs: f.attrs, check: f.check, expect: f.expect, again: p.again !== false }),
      );
      f.dataChars = Object.values(f.attrs).reduce((n, v) => n + String(v).length, 0);
      delete f.attrs;
    }
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// In the page

/** Runs in the page: inserts the element described by the fixture, waits for its marks, measures. */
export async function measure({ fixtureUrl, noAnimation, blank }) {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const channel = new MessageChannel();
  /** Yields to the event loop (a task, not clamped like setTimeout). */
  const task = () =>
    new Promise((r) => {
      channel.port1.onmessage = () => r();
      channel.port2.postMessage(0);
    });
  const gc = async () => {
    for (let i = 0; i < 2; i++) {
      window.gc();
      await sleep(10);
    }
  };
  // The DSFR fonts are loaded before timing, in every page (a page that shows DSFR text has them already).
  await Promise.all(['400', '500', '700'].map((w) => document.fonts.load(`${w} 16px Marianne`)));
  await document.fonts.ready;
  if (blank) {
    await frame();
    await gc();
    return { heap: performance.memory.usedJSHeapSize };
  }
  const load = async () => {
    const fixture = await (await fetch(fixtureUrl)).json();
    await customElements.whenDefined(fixture.tag);
    const el = document.createElement(fixture.tag);
    for (const [k, v] of Object.entries(fixture.attrs)) el.setAttribute(k, v);
    return { el, tag: fixture.tag, check: fixture.check, expect: fixture.expect, again: fixture.again };
  };
  let { el, tag, check, expect, again } = await load();
  if (noAnimation) {
    // DSFR Chart gives no way to pass Chart.js options: this makes every Chart.js option lookup of `animation`
    // that finds no own value read `false`, exactly as `options: { animation: false }` would (the harness checks
    // that the drawn pixels equal those of the default animation once it has finished).
    Object.defineProperty(Object.prototype, 'animation', {
      configurable: true,
      get: () => false,
      set(v) {
        Object.defineProperty(this, 'animation', { value: v, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  const stage = document.getElementById('stage');

  const painted = (el) => {
    const root = el.shadowRoot ?? el;
    switch (check) {
      case 'svg-slices': {
        const paths = root.querySelectorAll('path.slice');
        return paths.length >= expect && [...paths].every((p) => (p.getAttribute('d') ?? '').length > 0)
          ? paths.length
          : 0;
      }
      case 'canvas': {
        const canvas = root.querySelector('canvas');
        if (!canvas || !canvas.width || !canvas.height) return 0;
        const row = new Uint32Array(
          canvas.getContext('2d').getImageData(0, canvas.height >> 1, canvas.width, 1).data.buffer,
        );
        let n = 0;
        for (const v of row) if (v >>> 24) n++;
        return n;
      }
      case 'svg-territories': {
        const paths = root.querySelectorAll('path[part~="territory"]');
        return paths.length >= expect ? paths.length : 0;
      }
      case 'dsfr-map': {
        const n = root.querySelectorAll('svg [class^="FR-"][fill]').length;
        return n >= expect ? n : 0;
      }
      case 'rows': {
        const n = root.querySelectorAll('tbody tr:not(.detail)').length;
        return n >= expect ? n : 0;
      }
      default:
        throw new Error(`unknown check ${check}`);
    }
  };

  /**
   * Inserts `el`, waits for its marks then two frames. User-timing marks `bench:<phase>:start` (just before the
   * insertion), `bench:<phase>:marks` (marks drawn) and `bench:<phase>:painted` (the end) delimit the same window in a
   * trace (the case breakdown); their cost is negligible.
   */
  const time = async (el, phase) => {
    const t0 = performance.mark(`bench:${phase}:start`).startTime;
    stage.append(el);
    let marks = painted(el);
    let polls = 0;
    while (!marks) {
      if (performance.now() - t0 > 30_000)
        throw new Error(`${tag}: not painted after 30 s (${check}, expected ${expect})`);
      await task();
      polls++;
      marks = painted(el);
    }
    const marksMs = performance.mark(`bench:${phase}:marks`).startTime - t0;
    // Then the result must be final: two frames in a row without any change to the element's DOM (a widget that
    // re-renders once it knows its width, or once its data or geometry arrives, is painted after that). Each frame is
    // checked in a task after it has been produced, so that work the frame itself scheduled for the next one (e.g. a
    // ResizeObserver callback, run after layout, asking for a re-render in the next animation frame) comes first.
    const framed = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    let mutations = 0;
    const observer = new MutationObserver((records) => (mutations += records.length));
    observer.observe(el.shadowRoot ?? el, { subtree: true, childList: true, attributes: true, characterData: true });
    let quiet = 0;
    let seen = 0;
    let frames = 0;
    while (quiet < 2 && performance.now() - t0 < 30_000) {
      await framed();
      frames++;
      quiet = mutations === seen ? quiet + 1 : 0;
      seen = mutations;
    }
    observer.disconnect();
    return {
      marksMs,
      paintedMs: performance.mark(`bench:${phase}:painted`).startTime - t0,
      marks,
      polls,
      frames,
      mutations,
      domNodes: (el.shadowRoot ?? el).querySelectorAll('*').length,
    };
  };

  await frame();
  await gc();
  const heapBefore = performance.memory.usedJSHeapSize;
  // First element on the page: the library's code runs for the first time (what a visitor's page does).
  const cold = await time(el, 'first');
  await gc();
  const heap = performance.memory.usedJSHeapSize;
  // Elements in the element's DOM once settled (some content, e.g. a hidden data table, may come a frame later).
  cold.domNodes = (el.shadowRoot ?? el).querySelectorAll('*').length;
  const shadow = Boolean(el.shadowRoot);
  if (!again) return { ...cold, heapBefore, heap, shadow };
  // A fresh element on the same page: the library's code has run once (compiled, caches filled).
  el.remove();
  ({ el } = await load());
  await frame();
  await gc();
  const warm = await time(el, 'again');
  return {
    ...cold,
    warmMs: warm.paintedMs,
    warmMarksMs: warm.marksMs,
    warmFrames: warm.frames,
    heapBefore,
    heap,
    shadow,
  };
}

// ---------------------------------------------------------------------------------------------
// In Node

export const VIEWPORT = { width: 1280, height: 900 };

/**
 * A fresh page (Chromium gives each new page its own new renderer process: nothing compiled or cached is shared
 * with the previous runs, and the server forbids HTTP caching) on `url`; `fn(page)`; closes it. Page errors fail
 * the run. With `collect`, also returns the JS, CSS and JSON the page downloaded, with their gzip sizes. With
 * `trace: { browser, categories }`, Chromium traces the page from before its navigation until `fn` has finished,
 * and the trace (a Buffer of JSON) is returned as `trace`.
 */
export async function withPage(context, url, fn, { collect = false, trace } = {}) {
  const page = await context.newPage();
  const errors = [];
  const responses = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  if (collect) page.on('response', (r) => responses.push(r));
  let tracing = false;
  try {
    if (trace) {
      await trace.browser.startTracing(page, { categories: trace.categories });
      tracing = true;
    }
    await page.goto(url, { waitUntil: 'load' });
    const out = await fn(page);
    if (errors.length) throw new Error(`page errors on ${url}: ${errors.join(' | ')}`);
    if (tracing) {
      tracing = false;
      return { out, trace: await trace.browser.stopTracing() };
    }
    if (!collect) return { out };
    // JS (and geometry) really transferred by the page, gzip-compressed here (level 9, as the budgets).
    const transfers = [];
    for (const r of responses) {
      const type = r.request().resourceType();
      const path = new URL(r.url()).pathname;
      if (type !== 'script' && !path.endsWith('.json') && type !== 'stylesheet') continue;
      const body = await r.body().catch(() => undefined);
      if (!body) continue;
      const kind =
        type === 'script' ? 'js' : type === 'stylesheet' ? 'css' : path.includes('/geo/') ? 'geometry' : 'data';
      transfers.push({ path, kind, raw: body.length, gzip: gzipSize(body) });
    }
    return { out, transfers };
  } finally {
    if (tracing) await trace.browser.stopTracing().catch(() => {});
    await page.close();
  }
}
