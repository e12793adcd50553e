// Side by side with @gouvfr/dsfr-chart 2.0.4 (Vue + Chart.js web components), in the same browser and run:
// our donut vs its <pie-chart>, our map vs its <map-chart>, our list vs its <table-chart>, with the same data.
//
// Pages, fixtures and the in-page measurement are in bench/lib/pairs.mjs (shared with the case breakdown).
//
// One run = a fresh page (its own new renderer process); the element is created and its attributes set (JSON text, for both
// libraries), then timed from stage.append(el) until its marks are drawn (see PAINTED in pairs.mjs) and its DOM has not
// changed for two requestAnimationFrame callbacks in a row (the frame with the final result has been produced).
// Then a fresh element on the same page is timed the same way (« again »: code compiled). Runs are interleaved
// A B A B after warm-up runs (discarded); median, p25 and p75. Heap: performance.memory.usedJSHeapSize after forced GCs
// (--js-flags=--expose-gc), minus the median of a blank page with the same setup.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { ensureEntries, gzipSize } from '../lib/entries.mjs';
import { DSFR, DSFR_VERSION, fixtures, measure, PAINTED, VIEWPORT, withPage } from '../lib/pairs.mjs';
import { median, percentile, round } from '../lib/stats.mjs';

export const name = 'dsfr-chart';
export const description =
  'side by side with @gouvfr/dsfr-chart 2.0.4: time to painted result, JS (gzip), heap; our size budgets';
/** Runs per side when `--runs` is not given (the brief asks for at least 15). */
export const defaultRuns = 15;
const WARMUP = 1;
const BLANK_RUNS = 3;

/** Runs in the page: hash of the pie's canvas, after `wait` ms (to compare the animation switch with the default). */
async function canvasHash({ fixtureUrl, noAnimation, wait }) {
  const fixture = await (await fetch(fixtureUrl)).json();
  await customElements.whenDefined(fixture.tag);
  await Promise.all(['400', '500', '700'].map((w) => document.fonts.load(`${w} 16px Marianne`)));
  if (noAnimation) {
    Object.defineProperty(Object.prototype, 'animation', {
      configurable: true,
      get: () => false,
      set(v) {
        Object.defineProperty(this, 'animation', { value: v, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  const el = document.createElement(fixture.tag);
  for (const [k, v] of Object.entries(fixture.attrs)) el.setAttribute(k, v);
  document.getElementById('stage').append(el);
  await new Promise((r) => setTimeout(r, wait));
  const canvas = el.shadowRoot.querySelector('canvas');
  const px = new Uint32Array(canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data.buffer);
  let h = 0;
  let drawn = 0;
  for (const v of px) {
    h = (Math.imul(h, 31) + v) | 0;
    if (v) drawn++;
  }
  return { hash: h, drawn };
}

const stats = (values) => ({ median: median(values), p25: percentile(values, 25), p75: percentile(values, 75) });
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;
const MB = (n) => `${(n / 2 ** 20).toFixed(1)} MB`;
const ms = (n) => (n >= 100 ? `${Math.round(n)} ms` : `${n.toFixed(1)} ms`);
const ratio = (theirs, ours) => (ours > 0 ? theirs / ours : NaN);
const times = (r) => (Number.isFinite(r) ? (r >= 10 ? `${Math.round(r)}×` : `${r.toFixed(1)}×`) : '–');

/**
 * @param {{ browser: import('playwright').Browser, baseUrl: string, root: string, data: (count: number) => string, log: (s: string) => void, runs: number }} ctx
 */
export async function run({ browser, baseUrl, root, data, log, runs = defaultRuns }) {
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const entries = await ensureEntries(root, { log });
  const entry = new Map(entries.map((e) => [e.name, e]));
  const pairs = fixtures(root, data);
  const pageUrl = (p) => `${baseUrl}/bench/pages/${p}.html`;
  // reducedMotion for both (our widgets honour it; Chart.js does not, hence `noAnimation` for DSFR Chart).
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });

  // Our map: only if its entry exists (it is being written).
  const active = pairs.filter((p) => p.widget !== 'map' || entry.has('relance-territory-map'));
  const skipped = pairs.filter((p) => !active.includes(p)).map((p) => p.label);

  let animationCheck;
  let baseline;
  const results = [];
  try {
    // The animation switch for DSFR Chart draws exactly the final frame of its default animation.
    const pie = pairs.find((p) => p.id === 'donut-3').dsfr;
    const animated = (
      await withPage(context, pageUrl(pie.page), (page) =>
        page.evaluate(canvasHash, { fixtureUrl: pie.url, noAnimation: false, wait: 2000 }),
      )
    ).out;
    const switched = (
      await withPage(context, pageUrl(pie.page), (page) =>
        page.evaluate(canvasHash, { fixtureUrl: pie.url, noAnimation: true, wait: 300 }),
      )
    ).out;
    animationCheck = { sameFinalPixels: animated.hash === switched.hash && animated.drawn > 0, animated, switched };
    log(
      `  DSFR Chart animation switch: final pixels ${animationCheck.sameFinalPixels ? 'identical' : 'DIFFERENT'} to the default animation's last frame.`,
    );

    // Heap baseline: a blank page with the same setup.
    const blankHeaps = [];
    for (let k = 0; k < BLANK_RUNS; k++)
      blankHeaps.push(
        (await withPage(context, pageUrl('blank'), (page) => page.evaluate(measure, { blank: true }))).out.heap,
      );
    baseline = median(blankHeaps);

    for (const pair of active) {
      const sides = { ours: { samples: [], transfers: [] }, dsfr: { samples: [], transfers: [] } };
      for (let k = 0; k < WARMUP + runs; k++) {
        for (const side of ['ours', 'dsfr']) {
          const f = pair[side];
          const collect = k === WARMUP;
          const { out, transfers } = await withPage(
            context,
            pageUrl(f.page),
            (page) =>
              page.evaluate(measure, { fixtureUrl: f.url, noAnimation: side === 'dsfr' && f.check === 'canvas' }),
            { collect },
          );
          if (k >= WARMUP) sides[side].samples.push(out);
          if (collect) sides[side].transfers = transfers;
        }
        log(
          `  ${pair.id} (${Math.round((Date.now() - started) / 1000)} s): ${k < WARMUP ? `warm-up ${k + 1}/${WARMUP}` : `run ${k - WARMUP + 1}/${runs}`} (A B)`,
        );
      }
      const summary = (side) => {
        const { samples, transfers } = sides[side];
        const f = pair[side];
        const js = transfers.filter((t) => t.kind === 'js');
        const geometry = transfers.filter((t) => t.kind === 'geometry');
        const widgetJs =
          side === 'ours'
            ? { file: entry.get(f.tag).file, raw: entry.get(f.tag).raw, gzip: entry.get(f.tag).gzip }
            : (() => {
                const comp =
                  f.page === 'dsfr-chart-pie' ? 'PieChart' : f.page === 'dsfr-chart-map' ? 'MapChart' : 'TableChart';
                const buf = readFileSync(resolve(root, DSFR, comp, `${comp}.js`));
                return { file: `/${DSFR}/${comp}/${comp}.js`, raw: buf.length, gzip: gzipSize(buf) };
              })();
        return {
          tag: f.tag,
          page: `bench/pages/${f.page}.html`,
          painted: PAINTED[f.check],
          expectedMarks: f.expect,
          marks: samples[0]?.marks,
          framesAfterMarks: median(samples.map((s) => s.frames)),
          mutationsAfterMarks: median(samples.map((s) => s.mutations)),
          domNodes: samples[0]?.domNodes,
          dataChars: f.dataChars,
          paintedMs: stats(samples.map((s) => s.paintedMs)),
          marksMs: stats(samples.map((s) => s.marksMs)),
          warmMs: pair.again === false ? null : stats(samples.map((s) => s.warmMs)),
          heapBytes: stats(samples.map((s) => s.heap - baseline)),
          heapWidgetBytes: stats(samples.map((s) => s.heap - s.heapBefore)),
          widgetJs: { file: widgetJs.file, raw: widgetJs.raw, gzip: widgetJs.gzip },
          pageJsGzip: js.reduce((n, t) => n + t.gzip, 0),
          pageGeometryGzip: geometry.reduce((n, t) => n + t.gzip, 0),
          transfers,
          runsMs: samples.map((s) => round(s.paintedMs, 1)),
          warmRunsMs: pair.again === false ? null : samples.map((s) => round(s.warmMs, 1)),
        };
      };
      const ours = summary('ours');
      const dsfr = summary('dsfr');
      results.push({
        pair: pair.id,
        label: pair.label,
        runs,
        warmup: WARMUP,
        ours,
        dsfr,
        ratios: {
          // Ratio of the medians; `fasterPaired`: median of the per-run ratios (each DSFR Chart run ÷ the ours run
          // just before it), less sensitive to a machine load that drifts during the run.
          fasterPaired: median(sides.ours.samples.map((o, i) => sides.dsfr.samples[i].paintedMs / o.paintedMs)),
          faster: ratio(dsfr.paintedMs.median, ours.paintedMs.median),
          fasterWarm: dsfr.warmMs && ours.warmMs ? ratio(dsfr.warmMs.median, ours.warmMs.median) : null,
          lighterJs: ratio(dsfr.pageJsGzip, ours.pageJsGzip),
          lighterJsWithGeometry: ratio(dsfr.pageJsGzip, ours.pageJsGzip + ours.pageGeometryGzip),
          lessHeap: ratio(dsfr.heapBytes.median, ours.heapBytes.median),
        },
      });
    }
  } finally {
    await context.close();
  }

  // Our budgets (gzip), as scripts/size.mjs.
  const cdnBuf = readFileSync(resolve(root, 'cdn/france-relance-widgets.js'));
  const cdnText = cdnBuf.toString('utf8');
  const cdnHasMap = cdnText.includes('relance-territory-map');
  const budgets = [
    {
      what: `cdn/france-relance-widgets.js (every widget${cdnHasMap ? '' : '; the map is not in it yet'})`,
      raw: cdnBuf.length,
      gzip: gzipSize(cdnBuf),
      target: 60_000,
    },
    ...entries.map((e) => ({ what: `${e.name} entry + dependencies`, raw: e.raw, gzip: e.gzip })),
    ...[
      'france-regions.projected.json',
      'france-departements.projected.json',
      'france-regions.topo.json',
      'france-departements.topo.json',
    ].map((f) => {
      const buf = readFileSync(resolve(root, '.cache/bench/entries/geo', f));
      const what = f.endsWith('.projected.json')
        ? 'loaded by the map at run time'
        : 'the source TopoJSON, for reference';
      return { what: `geometry: geo/${f} (${what})`, raw: buf.length, gzip: gzipSize(buf) };
    }),
    ...['DSFRChart', 'PieChart', 'MapChart', 'TableChart'].map((c) => {
      const buf = readFileSync(resolve(root, DSFR, c, `${c}.js`));
      return {
        what: `DSFR Chart ${DSFR_VERSION}: dist/${c}/${c}.js${c === 'DSFRChart' ? ' (every chart)' : ''}`,
        raw: buf.length,
        gzip: gzipSize(buf),
      };
    }),
  ];
  const cdnGzip = budgets[0].gzip;
  const dsfrAll = budgets.find((b) => b.what.includes('DSFRChart')).gzip;

  const browserVersion = browser.version();
  const report = {
    date: new Date().toISOString(),
    browser: { name: 'Chromium', version: browserVersion },
    cores: cpus().length,
    cpu: cpus()[0]?.model,
    dsfrChartVersion: DSFR_VERSION,
    runsPerSide: runs,
    warmupPerSide: WARMUP,
    method: {
      time: 'insertion (stage.append(el), attributes already set) → marks drawn (per pair: see painted) → two requestAnimationFrame callbacks in a row without a DOM mutation in the element; a fresh page (new renderer process, no HTTP cache) per run; runs interleaved ours, DSFR Chart, ours…; median (p25–p75)',
      animations:
        'reducedMotion: reduce emulated for both pages; DSFR Chart pie: Chart.js animation off (see animationCheck)',
      heap: 'performance.memory.usedJSHeapSize after 2 × window.gc() (--js-flags=--expose-gc, --enable-precise-memory-info), minus the median of a blank page with the same CSS',
      size: 'gzip -9 of the JS file: DSFR Chart per-component build; ours: the element entry bundled with its dependencies (as scripts/size.mjs), served as is to the page',
    },
    animationCheck,
    heapBaselineBytes: baseline,
    pairs: results,
    budgets: budgets.map((b) => ({ ...b, ...(b.target ? { ok: b.gzip < b.target } : {}) })),
    durationS: Math.round((Date.now() - started) / 1000),
    loadAverage1m: { start: round(loadBefore, 2), end: round(loadavg()[0], 2) },
  };
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/dsfr-chart.json'), JSON.stringify(report, null, 2) + '\n');
  log('  Wrote bench/results/dsfr-chart.json');

  const range = (s, f) => `${f(s.median)} (${f(s.p25)}–${f(s.p75)})`;
  const speedRows = results.map((r) => [
    r.label,
    range(r.ours.paintedMs, ms),
    range(r.dsfr.paintedMs, ms),
    `**${times(r.ratios.faster)}**`,
    r.ours.warmMs ? range(r.ours.warmMs, ms) : 'not measured',
    r.dsfr.warmMs ? range(r.dsfr.warmMs, ms) : 'not measured',
    r.ratios.fasterWarm ? `**${times(r.ratios.fasterWarm)}**` : '–',
  ]);
  const weightRows = results.map((r) => {
    const geo = r.ours.pageGeometryGzip ? ` + ${kB(r.ours.pageGeometryGzip)} geometry` : '';
    return [
      r.label,
      `${kB(r.ours.pageJsGzip)}${geo}`,
      kB(r.dsfr.pageJsGzip),
      `**${times(r.ratios.lighterJs)}**${geo ? ` (${times(r.ratios.lighterJsWithGeometry)} with geometry)` : ''}`,
      MB(r.ours.heapBytes.median),
      MB(r.dsfr.heapBytes.median),
      `**${times(r.ratios.lessHeap)}**`,
      `${r.ours.domNodes} / ${r.dsfr.domNodes}`,
    ];
  });
  const notes = [
    `Chromium ${browserVersion}, ${cpus().length} cores (load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end), ${new Date().toISOString().slice(0, 10)}, ${report.durationS} s; @gouvfr/dsfr-chart ${DSFR_VERSION}; ${runs} runs per side after ${WARMUP} warm-up run${WARMUP > 1 ? 's' : ''}, interleaved; ratio = DSFR Chart ÷ ours (above 1: we are ahead).`,
    `« 1st on page »: a fresh page per run, the first element of the library on it (its code runs for the first time, as on a visitor's page); « again »: then a fresh element on the same page (code compiled; our map's geometry already loaded).`,
    `Painted = insertion → marks drawn → 2 frames in a row without any change to the element's DOM (MutationObserver), so a re-render after the width is known counts. Ours: slices / territory paths / table rows in the shadow DOM. DSFR Chart: pie canvas pixels (getImageData), coloured FR-* paths, table rows (its Vue elements render in an open shadow root too).`,
    `DSFR Chart pie: Chart.js animation switched off (no attribute for it; an \`animation: false\` default is injected), which yields the same pixels as its 1 s default animation's last frame: ${animationCheck.sameFinalPixels ? 'checked, identical' : 'CHECK FAILED'}. Reduced motion emulated for both.`,
    `JS = gzip of what the page downloads (one script each): DSFR Chart's per-component build; ours: the element's entry bundled with its dependencies. Our map also fetches its geometry at run time (projected at build time from the TopoJSON; counted separately, and inside its timing); DSFR Chart inlines its SVG paths in its JS.`,
    `Heap = usedJSHeapSize after forced GC minus a blank page's (${MB(baseline)}).`,
    `Targets (≥ 3× faster to first paint, lighter JS): ${results
      .map(
        (r) =>
          `${r.pair} ${r.ratios.faster >= 3 ? '✓' : '✗'} ${times(r.ratios.faster)} / ${r.ratios.lighterJs > 1 ? '✓' : '✗'} ${times(r.ratios.lighterJs)}`,
      )
      .join('; ')}.`,
    `Whole cdn/ bundle: ${kB(cdnGzip)} gzip (target < 60 kB: ${cdnGzip < 60_000 ? 'met' : 'MISSED'}${cdnHasMap ? '' : '; without the map, not in it yet'}), DSFR Chart's whole set: ${kB(dsfrAll)} (${times(dsfrAll / cdnGzip)}).`,
    ...(skipped.length ? [`Not measured (our element's entry is missing): ${skipped.join('; ')}.`] : []),
  ];
  return {
    results: report,
    tables: [
      {
        title: 'Time from insertion to painted result: median (p25–p75); ratio = DSFR Chart ÷ ours',
        headers: [
          'pair',
          'ours, 1st on page',
          'DSFR Chart, 1st on page',
          'faster',
          'ours, again',
          'DSFR Chart, again',
          'faster',
        ],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows: speedRows,
      },
      {
        title: 'JS transferred (gzip) and JS heap after render (minus a blank page); ratio = DSFR Chart ÷ ours',
        headers: [
          'pair',
          'ours: JS',
          'DSFR Chart: JS',
          'lighter',
          'ours: heap',
          'DSFR Chart: heap',
          'less heap',
          'DOM elements (ours / DSFR)',
        ],
        align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
        rows: weightRows,
      },
      {
        title: 'Budgets (gzip -9)',
        headers: ['what', 'minified', 'gzip'],
        align: ['left', 'right', 'right'],
        rows: budgets.map((b) => [
          b.what,
          kB(b.raw),
          `${kB(b.gzip)}${b.target ? (b.gzip < b.target ? ` ✓ (< ${kB(b.target)})` : ` ✗ (target < ${kB(b.target)})`) : ''}`,
        ]),
      },
    ],
    notes,
  };
}
