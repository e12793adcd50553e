// Benchmark of <relance-territory-map> at région and département level, in headless Chromium, against the CDN
// bundle. Measured in the page with performance.now():
// - first paint: a map waiting for its geometry (loading state, data already there) receives it, loaded and parsed
//   (as the page-wide cache holds it), until the map is painted: validation, projection of every arc (first
//   geometry of the page; none for the geometry projected at build time, the map's default), layout, render, style
//   and layout, and the frame (a task queued from requestAnimationFrame runs after the paint);
// - re-colour: a new dataset set on a drawn map (44 rows, other amounts) until the update is laid out: parse,
//   aggregate, classes, names, DOM (the projected paths are cached, not recomputed);
// - for reference, a new element in a fresh page, everything included, and one with a geometry URL.
import { median, percentile, round } from '../lib/stats.mjs';

export const name = 'map';
export const description =
  '<relance-territory-map>: geometry loaded → painted map (région, département), re-colour after a data change';

/** Targets from the issue. */
export const targets = { region: 50, departement: 120, recolour: 16 };

const LEVELS = ['region', 'departement'];
/** The map's default geometry (projected at build time), then the TopoJSON it comes from (e.g. given by `geometry`). */
const SOURCES = [
  {
    id: 'projected (default)',
    files: {
      region: '/cdn/geo/france-regions.projected.json',
      departement: '/cdn/geo/france-departements.projected.json',
    },
  },
  {
    id: 'TopoJSON',
    files: { region: '/cdn/geo/france-regions.topo.json', departement: '/cdn/geo/france-departements.topo.json' },
  },
];
const RECOLOURS = 20;
/** Repeated first paints in one page (warm JIT, cold projection each time). */
const WARM = 15;

/** Runs in the page: the element waits for its geometry, which then arrives; then data changes. */
async function measure({ level, geometryUrl, dataUrl, recolours, warmRuns }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  // The page's script is the loader: the map's code is imported when its tag appears, or when asked for (as here).
  await (await import('/cdn/france-relance-widgets.js')).loadWidget('relance-territory-map');
  const stage = document.getElementById('stage');
  const text = await (await fetch(geometryUrl)).text();
  const data = await (await fetch(dataUrl)).json();
  // The element's own geometry request stays pending: it shows its loading state, with its data.
  const realFetch = window.fetch;
  window.fetch = (input, init) => (String(input).includes('/geo/') ? new Promise(() => {}) : realFetch(input, init));
  const el = document.createElement('relance-territory-map');
  el.setAttribute('level', level);
  el.data = data;
  stage.append(el);
  await el.updateComplete;
  await painted();
  const waiting = el.geometryStatus;
  // The map's geometry code (src/layout/map/map-engine.ts), which the map imports in parallel with its geometry
  // request, is there before the geometry, as on a page (the geometry file is the larger): the same module here.
  await import('/cdn/frw-map-engine.js');
  const geometry = JSON.parse(text);
  await frame();

  // The geometry arrives (parsed, as the page-wide cache holds it): validation, projection of every arc (cold:
  // first geometry of the page, unless projected at build time), layout, render, style and layout, and the frame.
  const t0 = performance.now();
  el.geometry = geometry;
  await el.updateComplete;
  el.shadowRoot.querySelector('svg.chart').getBoundingClientRect();
  const renderMs = performance.now() - t0;
  await painted();
  const paintMs = performance.now() - t0;
  const shapes = el.shadowRoot.querySelectorAll('path.t').length;
  const options = el.shadowRoot.querySelectorAll('path.t[role="option"]').length;
  // A second render soon after (e.g. a width correction) would make the first paint a lie: count them.
  let extraUpdates = 0;
  const original = el.performUpdate.bind(el);
  el.performUpdate = () => {
    extraUpdates++;
    return original();
  };
  await new Promise((resolve) => setTimeout(resolve, 60));
  el.performUpdate = original;

  // Re-colour: another dataset on the drawn map.
  const d0 = el.shadowRoot.querySelector('path.t[role="option"]').getAttribute('d');
  const layout = el.mapLayout;
  const recolourMs = [];
  for (let k = 0; k < recolours; k++) {
    const factor = 0.5 + ((k * 37) % 100) / 100;
    const rows = data.laureats.map((l, i) => ({
      ...l,
      montant: Math.round(l.montant * (i % 2 ? factor : 2 - factor)),
    }));
    const t = performance.now();
    el.data = rows;
    await el.updateComplete;
    getComputedStyle(el.shadowRoot.querySelector('path.t[role="option"]')).fill;
    el.shadowRoot.querySelector('svg.chart').getBoundingClientRect();
    recolourMs.push(performance.now() - t);
    await frame();
  }
  const pathsKept =
    el.mapLayout === layout && el.shadowRoot.querySelector('path.t[role="option"]').getAttribute('d') === d0;
  el.remove();
  window.fetch = realFetch;

  // Warm: the same, again and again in this page (JIT warm), each time with a freshly parsed geometry, so that the
  // projection (or decoding) of every arc is redone (the layout cache is per geometry object).
  const warmMs = [];
  for (let k = 0; k < warmRuns; k++) {
    const w = document.createElement('relance-territory-map');
    w.setAttribute('level', level);
    w.data = data;
    stage.append(w);
    await w.updateComplete;
    await painted();
    const fresh = JSON.parse(text);
    await frame();
    const tw = performance.now();
    w.geometry = fresh;
    await w.updateComplete;
    w.shadowRoot.querySelector('svg.chart').getBoundingClientRect();
    await painted();
    warmMs.push(performance.now() - tw);
    w.remove();
  }

  // Layout alone, on another freshly parsed geometry (projection or decoding of every arc again).
  // (The map's geometry code, which the map imports with its first geometry: src/layout/map/map-engine.ts.)
  const { layoutMap } = await import('/cdn/frw-map-engine.js');
  const fresh = JSON.parse(text);
  const tl = performance.now();
  layoutMap(fresh, level, 800);
  const layoutMs = performance.now() - tl;
  return {
    waiting,
    renderMs,
    paintMs,
    shapes,
    options,
    extraUpdates,
    recolourMs,
    pathsKept,
    layoutMs,
    warmMs,
    geometryBytes: text.length,
  };
}

/** Runs in a fresh page: everything from the element's creation (first element, first Intl use of the page). */
async function measureCold({ level, geometryUrl, dataUrl }) {
  // The page's script is the loader: the map's code is imported when its tag appears, or when asked for (as here).
  await (await import('/cdn/france-relance-widgets.js')).loadWidget('relance-territory-map');
  const text = await (await fetch(geometryUrl)).text();
  const data = await (await fetch(dataUrl)).json();
  const geometry = JSON.parse(text);
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const t0 = performance.now();
  const el = document.createElement('relance-territory-map');
  el.setAttribute('level', level);
  el.geometry = geometry;
  el.data = data;
  document.getElementById('stage').append(el);
  // Includes the import of the map's geometry code, which the map starts when it is connected.
  while (el.geometryStatus === 'loading') await new Promise((r) => setTimeout(r, 1));
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const coldMs = performance.now() - t0;
  // From the default geometry URL (request and JSON parse included, server with no-store), second element.
  const t1 = performance.now();
  const url = document.createElement('relance-territory-map');
  url.setAttribute('level', level);
  url.setAttribute('geometry', `${geometryUrl}?fresh`);
  url.data = data;
  document.getElementById('stage').append(url);
  while (url.geometryStatus === 'loading') await new Promise((r) => setTimeout(r, 1));
  await url.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return {
    coldMs,
    fromUrlMs: performance.now() - t1,
    ok: el.geometryStatus === 'ready' && url.geometryStatus === 'ready',
  };
}

/**
 * @param {{ browser: import('playwright').Browser, baseUrl: string, log: (s: string) => void, runs?: number }} ctx
 */
export async function run({ browser, baseUrl, log, runs = 3 }) {
  const n = Math.max(15, runs);
  const results = [];
  for (const source of SOURCES)
    for (const level of LEVELS) {
      const samples = [];
      const colds = [];
      for (let k = 0; k < n; k++) {
        // A fresh page per measurement: no warm JIT, no cached projection.
        for (const cold of [false, true]) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
          const page = await context.newPage();
          const errors = [];
          page.on('pageerror', (e) => errors.push(e.message));
          page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
          await page.goto(`${baseUrl}/bench/pages/map.html`, { waitUntil: 'load' });
          const args = {
            level,
            geometryUrl: source.files[level],
            dataUrl: '/data/demo/laureats-fictifs.json',
            recolours: RECOLOURS,
            warmRuns: k === 0 ? WARM : 0,
          };
          if (cold) colds.push(await page.evaluate(measureCold, args));
          else samples.push(await page.evaluate(measure, args));
          await context.close();
          if (errors.length) throw new Error(`page errors at ${level} level: ${errors.join(' | ')}`);
        }
        if (k === 0 || (k + 1) % 5 === 0) log(`  map: ${level}, ${source.id}, run ${k + 1}/${n}`);
      }
      const med = (key) => median(samples.map((r) => r[key]));
      const recolour = samples.flatMap((r) => r.recolourMs);
      const r = samples[0];
      results.push({
        case: name,
        level,
        geometry: source.id,
        runs: n,
        shapes: r.shapes,
        focusable: r.options,
        geometryKB: round(r.geometryBytes / 1000),
        firstPaintMs: round(med('paintMs')),
        warmPaintMs: round(median(samples.flatMap((x) => x.warmMs))),
        warmPaintP95Ms: round(
          percentile(
            samples.flatMap((x) => x.warmMs),
            95,
          ),
        ),
        warmRuns: samples.flatMap((x) => x.warmMs).length,
        firstPaintP95Ms: round(
          percentile(
            samples.map((x) => x.paintMs),
            95,
          ),
        ),
        firstPaintRunsMs: samples.map((x) => round(x.paintMs)),
        renderMs: round(med('renderMs')),
        layoutMs: round(med('layoutMs')),
        extraUpdates: Math.max(...samples.map((x) => x.extraUpdates)),
        recolourMedianMs: round(median(recolour), 2),
        recolourP95Ms: round(percentile(recolour, 95), 2),
        recolourMaxMs: round(Math.max(...recolour), 2),
        recolours: recolour.length,
        pathsKept: samples.every((x) => x.pathsKept),
        waiting: samples.every((x) => x.waiting === 'loading'),
        coldMs: round(median(colds.map((x) => x.coldMs))),
        fromUrlMs: round(median(colds.map((x) => x.fromUrlMs))),
        coldOk: colds.every((x) => x.ok),
      });
    }
  const ok = (value, target) => (value < target ? '✓' : '✗');
  // Targets: the map's default geometry.
  const [reg, dep] = results.filter((x) => x.geometry === SOURCES[0].id);
  return {
    results,
    table: {
      headers: [
        'level',
        'geometry',
        'shapes (focusable)',
        'geometry loaded → painted: first map of a fresh page, median (p95)',
        'same, JIT warm (p95)',
        'layout alone (cold)',
        're-colour median (p95, max)',
        'paths kept',
        'new element → painted (first of the page)',
        'from URL → painted',
      ],
      rows: results.map((x) => [
        x.level,
        x.geometry,
        `${x.shapes} (${x.focusable})`,
        `${x.firstPaintMs} ms (${x.firstPaintP95Ms})`,
        `${x.warmPaintMs} ms (${x.warmPaintP95Ms})`,
        `${x.layoutMs} ms`,
        `${x.recolourMedianMs} ms (${x.recolourP95Ms}, ${x.recolourMaxMs}), ${x.recolours} changes`,
        x.pathsKept ? 'yes' : 'NO',
        `${x.coldMs} ms`,
        `${x.fromUrlMs} ms`,
      ]),
    },
    notes: [
      `Targets: région first paint ${reg.firstPaintMs} < ${targets.region} ms ${ok(reg.firstPaintMs, targets.region)} (JIT warm: ${reg.warmPaintMs} ${ok(reg.warmPaintMs, targets.region)}), ` +
        `département ${dep.firstPaintMs} < ${targets.departement} ms ${ok(dep.firstPaintMs, targets.departement)} (JIT warm: ${dep.warmPaintMs} ${ok(dep.warmPaintMs, targets.departement)}), ` +
        `re-colour ${Math.max(reg.recolourMedianMs, dep.recolourMedianMs)} < ${targets.recolour} ms ${ok(Math.max(reg.recolourMedianMs, dep.recolourMedianMs), targets.recolour)} (median, worst level).`,
      `Geometry loaded → painted: a map showing its loading state with 44 laureates receives its parsed geometry (as the page-wide geometry cache holds it), until the frame is painted: validation, projection of every arc (TopoJSON: first topology of the page; the default geometry is projected at build time, only decoded), layout, render, style, layout, paint. A fresh page per run, ${reg.runs} runs per level and geometry. Updates in the 60 ms after: ${Math.max(...results.map((x) => x.extraUpdates))}.`,
      `"New element → painted": the first element of a fresh page created with its geometry and data, everything included (first template of the page, first run of the code). "From URL": a second element with a geometry URL (request and JSON parse included, server with no-store).`,
      `JIT warm: ${WARM} more paints in the first run's page, each given a freshly parsed geometry (its projection or decoding is redone; only the JavaScript engine is warm), as for a second map on a page or a change of level.`,
      `Re-colour: ${RECOLOURS} new datasets per run (44 rows, other amounts) until the update is laid out; "paths kept" checks that the projected paths and layout are the same objects afterwards.`,
    ],
  };
}
