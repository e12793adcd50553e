// Where the first-paint time goes, ours and DSFR Chart's, from a Chromium trace of each run.
//
// The same pairs, pages, fixtures and « painted » rule as the case dsfr-chart (bench/lib/pairs.mjs): a fresh page per
// run, traced from before its navigation; the element is inserted and timed until its marks are drawn and its DOM
// has been quiet for two frames, between the user-timing marks bench:first:start and bench:first:painted (« 1st on
// page »: the library's code runs for the first time), then the same for a second element on the same page
// (bench:again:*, code compiled). The window's main-thread CPU time is split by category (bench/lib/trace.mjs: self
// time of the innermost event, nothing counted twice), script time between the widget's own code, its UI framework
// and its chart library from the CPU profile samples (our entries' source maps; DSFR Chart's bundle by the licence
// banners that open Vue's and Chart.js's code), the benchmark's own polling apart; then the wall time when the main
// thread did not run: a request pending (our map's geometry), idle, or descheduled inside a task (the machine's
// load). The rows add up to the window. For the first element, the loading of the script before the insertion is
// shown apart (not in the window). Each run is also measured once without tracing (the same page and rule), to show
// how much the tracing itself costs. Medians over the runs, interleaved ours, DSFR Chart, ours…
//
// BENCH_TRACES=<dir> node bench/run.mjs breakdown also writes each run's trace there (<pair>-<side>-<run>.json), to
// open in the DevTools Performance panel; BENCH_PAIRS=donut-3,list-44 (ids of bench/lib/pairs.mjs) runs only those.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { ensureEntries } from '../lib/entries.mjs';
import { DSFR, DSFR_VERSION, fixtures, measure, PAINTED, VIEWPORT, withPage } from '../lib/pairs.mjs';
import { median, round } from '../lib/stats.mjs';
import {
  breakdown,
  checkTrace,
  cpuSamples,
  findWindow,
  parseTrace,
  scriptLoad,
  sourceLookup,
  threadTree,
  TRACE_CATEGORIES,
} from '../lib/trace.mjs';

export const name = 'breakdown';
export const description =
  'where the first-paint time goes (Chromium trace): compile, our JS vs Lit/D3, style, layout, paint, network — ours and DSFR Chart';
export const defaultRuns = 5;
const WARMUP = 1;

/** The pairs of the table (dsfr-chart's fixtures; one donut is enough here). */
const PAIRS = (process.env.BENCH_PAIRS ?? 'donut-3,map-regions,map-departements,list-44,list-3080').split(',');

/** Script groups (rows « · … » under script evaluation), from the source of the function a sample is in. */
const GROUPS = [
  { key: 'own', label: 'the widget’s own code (ours: src/; DSFR Chart: its components and helpers)' },
  { key: 'framework', label: 'UI framework (Lit; DSFR Chart: Vue)' },
  { key: 'charts', label: 'chart library (D3; DSFR Chart: Chart.js)' },
  { key: 'other', label: 'no page frame (browser built-ins, promise jobs)' },
];

/** Group of a source file of our bundles (a path of the source map). */
function ourGroup(source = '') {
  if (/node_modules\/(lit|lit-html|lit-element|@lit\/[^/]+)\//.test(source)) return 'framework';
  if (/node_modules\/(d3-[^/]+|topojson-client)\//.test(source)) return 'charts';
  if (/node_modules\//.test(source)) return 'other';
  return 'own';
}

/**
 * DSFR Chart's per-component builds are Vite library bundles, not minified, without source maps: Vue's runtime comes
 * first (from line 1), then @kurkle/color and Chart.js (from the « @kurkle/color » licence banner to Chart.js's last
 * statement, its time-series scale's defaults), then DSFR Chart's own code (colour helpers, components). Returns
 * `(line) → group` (0-based lines) and how the file was split.
 */
function dsfrSplit(text) {
  const lines = text.split('\n');
  const banner = lines.findIndex((l, i) => /@kurkle\/color v/.test(l) && /^\/\*!?/.test(lines[i - 1] ?? ''));
  const chartStart = banner > 0 ? banner - 1 : -1;
  let chartEnd = -1;
  for (let i = lines.length - 1; i > chartStart && chartStart >= 0; i--) {
    if (/"id", "timeseries"/.test(lines[i])) {
      chartEnd = i + 1;
      break;
    }
  }
  if (chartStart < 0 || chartEnd < 0)
    return { group: () => 'own', split: 'not split (banners not found): all counted as DSFR Chart’s own code' };
  return {
    group: (line) => (line < chartStart ? 'framework' : line < chartEnd ? 'charts' : 'own'),
    split: `Vue: lines 1–${chartStart}, Chart.js: ${chartStart + 1}–${chartEnd}, DSFR Chart: ${chartEnd + 1}–${lines.length}`,
  };
}

/** Row definitions: key, label, and how to read it from a run's breakdown `b` (window) and `load` (script load). */
const CPU_ROWS = [
  { key: 'compile', label: 'script parse and compile (lazy compile, JIT tier-up)', get: (b) => b.categories.compile },
  { key: 'script', label: 'script evaluation', get: (b) => b.categories.script, strong: true, sum: false },
  ...GROUPS.map((g) => ({
    key: `js.${g.key}`,
    label: `· ${g.label}`,
    get: (b) =>
      g.key === 'other'
        ? (b.script.other ?? 0) + (b.script.native ?? 0) + (b.script.unsplit ?? 0) + (b.script.idle ?? 0)
        : (b.script[g.key] ?? 0),
  })),
  { key: 'gc', label: 'garbage collection', get: (b) => b.categories.gc },
  { key: 'style', label: 'style recalculation', get: (b) => b.categories.style },
  { key: 'layout', label: 'layout', get: (b) => b.categories.layout },
  { key: 'paint', label: 'paint and composite (main thread)', get: (b) => b.categories.paint },
  { key: 'other', label: 'other main-thread work', get: (b) => b.categories.other },
  { key: 'harness', label: 'benchmark harness (polling for the marks)', get: (b) => b.categories.harness },
];
const WAIT_ROWS = [
  {
    key: 'network',
    label: 'network wait (a request pending, the main thread idle or only polling)',
    get: (b) => b.categories.network,
  },
  { key: 'idle', label: 'idle (waiting for a frame or a task)', get: (b) => b.categories.idle },
  {
    key: 'blocked',
    label: 'not running inside a task (descheduled by the machine’s load, or waiting)',
    get: (b) => b.categories.blocked,
  },
];
const ROWS = [
  ...CPU_ROWS,
  {
    key: 'work',
    label: 'main-thread work, CPU time (the rows above)',
    get: (b) => CPU_ROWS.filter((r) => r.sum !== false).reduce((n, r) => n + r.get(b), 0),
    strong: true,
  },
  ...WAIT_ROWS,
  { key: 'total', label: 'total: insertion → painted (wall time, traced)', get: (b) => b.totalMs, strong: true },
  { key: 'marks', label: 'insertion → marks drawn (wall time, traced)', get: (b) => b.marksMs },
  { key: 'untraced', label: 'insertion → painted without tracing', get: (b) => b.untracedMs },
  { key: 'raster', label: 'raster on other threads (in parallel, not in the total)', get: (b) => b.offMain.raster },
  {
    key: 'offCompile',
    label: 'compile on other threads (in parallel, not in the total)',
    get: (b) => b.offMain.compile,
  },
  {
    key: 'load.background',
    label: 'before insertion, loading the script: parse and compile on other threads',
    load: (l) => l?.backgroundMs,
  },
  { key: 'load.compile', label: 'before insertion: compile on the main thread', load: (l) => l?.compileMs },
  {
    key: 'load.evaluate',
    label: 'before insertion: top-level evaluation (classes, define)',
    load: (l) => l?.evaluateMs,
  },
];
/** Rows that « what dominates » ranks: main-thread work and waits, not the machine's load (blocked). */
const PARTS = [...CPU_ROWS.filter((r) => r.sum !== false).map((r) => r.key), 'network', 'idle'];

const fmt = (v) =>
  v === undefined || v === null || !Number.isFinite(v) ? '–' : v >= 100 ? `${Math.round(v)}` : v.toFixed(1);
const times = (dsfr, ours) => {
  if (!Number.isFinite(dsfr) || !Number.isFinite(ours) || ours < 0.05 || dsfr < 0.05) return '–';
  const r = dsfr / ours;
  return r >= 10 ? `${Math.round(r)}×` : `${r.toFixed(1)}×`;
};

/**
 * @param {{ browser: import('playwright').Browser, baseUrl: string, root: string, data: (count: number) => string, log: (s: string) => void, runs: number }} ctx
 */
export async function run({ browser, baseUrl, root, data, log, runs = defaultRuns }) {
  const started = Date.now();
  const loadBefore = loadavg()[0];
  const entries = await ensureEntries(root, { log });
  const entry = new Map(entries.map((e) => [e.name, e]));
  const pairs = fixtures(root, data).filter(
    (p) => PAIRS.includes(p.id) && (p.widget !== 'map' || entry.has('relance-territory-map')),
  );
  const pageUrl = (p) => `${baseUrl}/bench/pages/${p}.html`;

  // Which code a profile frame belongs to: our bundles through their source maps, DSFR Chart's by line ranges.
  const classifiers = new Map();
  const splits = {};
  for (const e of entries) {
    const lookup = sourceLookup(JSON.parse(readFileSync(e.map, 'utf8')));
    classifiers.set(`${baseUrl}${e.file}`, (f) => ourGroup(lookup(f.lineNumber ?? 0, f.columnNumber ?? 0)));
  }
  const dsfrScript = (page) => {
    const comp = page === 'dsfr-chart-pie' ? 'PieChart' : page === 'dsfr-chart-map' ? 'MapChart' : 'TableChart';
    return { comp, path: `/${DSFR}/${comp}/${comp}.js` };
  };
  for (const comp of ['PieChart', 'MapChart', 'TableChart']) {
    const path = `/${DSFR}/${comp}/${comp}.js`;
    const { group, split } = dsfrSplit(readFileSync(resolve(root, path.slice(1)), 'utf8'));
    splits[comp] = split;
    classifiers.set(`${baseUrl}${path}`, (f) => group(f.lineNumber ?? 0));
  }
  const classifyFrame = (f) => classifiers.get(f.url)?.(f);
  const scriptUrl = (side, f) => `${baseUrl}${side === 'ours' ? entry.get(f.tag).file : dsfrScript(f.page).path}`;

  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion: 'reduce' });
  const results = [];
  let eventNames;
  const sampleIntervals = [];
  try {
    for (const pair of pairs) {
      const sides = { ours: [], dsfr: [] };
      for (let k = 0; k < WARMUP + runs; k++) {
        for (const side of ['ours', 'dsfr']) {
          const f = pair[side];
          const args = { fixtureUrl: f.url, noAnimation: side === 'dsfr' && f.check === 'canvas' };
          const where = `${f.tag} on bench/pages/${f.page}.html`;
          const { trace } = await withPage(context, pageUrl(f.page), (page) => page.evaluate(measure, args), {
            trace: { browser, categories: TRACE_CATEGORIES },
          }).catch((e) => {
            throw new Error(`${pair.id}, ${side === 'ours' ? 'ours' : 'DSFR Chart'}: ${where}: ${e.message}`);
          });
          const untraced = (
            await withPage(context, pageUrl(f.page), (page) => page.evaluate(measure, args)).catch((e) => {
              throw new Error(
                `${pair.id}, ${side === 'ours' ? 'ours' : 'DSFR Chart'} (not traced): ${where}: ${e.message}`,
              );
            })
          ).out;
          if (k < WARMUP) continue;
          if (process.env.BENCH_TRACES) {
            mkdirSync(resolve(process.env.BENCH_TRACES), { recursive: true });
            writeFileSync(resolve(process.env.BENCH_TRACES, `${pair.id}-${side}-${k - WARMUP + 1}.json`), trace);
          }
          const events = parseTrace(trace);
          const hint = `${where}; painted = ${PAINTED[f.check]}`;
          const first = findWindow(events, 'bench:first', hint);
          const names = checkTrace(events, first.pid, first.tid);
          eventNames ??= names;
          const tree = threadTree(events, first.pid, first.tid);
          const samples = cpuSamples(events, first.pid, first.tid);
          if (samples) sampleIntervals.push(median(samples.times.slice(1).map((t, i) => t - samples.times[i])));
          const analyse = (w, untracedMs) => ({
            ...breakdown(events, w, { classifyFrame, tree, samples }),
            marksMs: w.marks ? (w.marks - w.start) / 1000 : undefined,
            untracedMs,
          });
          const record = {
            first: analyse(first, untraced.paintedMs),
            load: scriptLoad(events, {
              pid: first.pid,
              tid: first.tid,
              url: scriptUrl(side, f),
              before: first.start,
              tree,
            }),
          };
          if (pair.again !== false) record.again = analyse(findWindow(events, 'bench:again', hint), untraced.warmMs);
          sides[side].push(record);
        }
        log(
          `  ${pair.id} (${Math.round((Date.now() - started) / 1000)} s): ${k < WARMUP ? `warm-up ${k + 1}/${WARMUP}` : `run ${k - WARMUP + 1}/${runs}`} (ours, DSFR Chart; traced and not)`,
        );
      }

      // Medians per row, per side and phase.
      const medians = (records, phase) => {
        const out = {};
        for (const row of ROWS) {
          if (row.load && phase !== 'first') continue;
          const values = records
            .map((r) => (row.load ? row.load(r.load) : r[phase] ? row.get(r[phase]) : undefined))
            .filter((v) => Number.isFinite(v));
          if (values.length) out[row.key] = median(values);
        }
        return out;
      };
      const summary = (side) => ({
        tag: pair[side].tag,
        page: `bench/pages/${pair[side].page}.html`,
        script: side === 'ours' ? entry.get(pair[side].tag).file : dsfrScript(pair[side].page).path,
        painted: PAINTED[pair[side].check],
        first: medians(sides[side], 'first'),
        again: pair.again === false ? null : medians(sides[side], 'again'),
        runs: sides[side].map((r) => ({
          first: compact(r.first),
          again: r.again ? compact(r.again) : undefined,
          load: r.load,
        })),
      });
      results.push({ pair: pair.id, label: pair.label, ours: summary('ours'), dsfr: summary('dsfr') });
    }
  } finally {
    await context.close();
  }

  // Tables: one per pair; rows = categories, columns = ours / DSFR Chart / ratio, 1st on page and again.
  const tables = results.map((r) => {
    const again = r.ours.again !== null;
    const rows = ROWS.filter(
      (row) => !(row.load && !Number.isFinite(r.ours.first[row.key]) && !Number.isFinite(r.dsfr.first[row.key])),
    ).map((row) => {
      const cell = (side, phase) => (row.load && phase === 'again' ? '' : fmt(r[side][phase]?.[row.key]));
      const b = (s) => (row.strong ? `**${s}**` : s);
      const title = row.strong ? `**${row.label}**` : row.label;
      return [
        title,
        b(cell('ours', 'first')),
        b(cell('dsfr', 'first')),
        row.load ? '' : times(r.dsfr.first[row.key], r.ours.first[row.key]),
        again ? b(cell('ours', 'again')) : row.load ? '' : 'not measured',
        again ? b(cell('dsfr', 'again')) : row.load ? '' : 'not measured',
        again && !row.load ? times(r.dsfr.again[row.key], r.ours.again[row.key]) : '',
      ];
    });
    return {
      title: `${r.label}: ours (${r.ours.tag}) vs DSFR Chart (${r.dsfr.tag}), ms, medians of ${runs} run${runs > 1 ? 's' : ''}; ratio = DSFR Chart ÷ ours`,
      headers: [
        'where the time goes',
        'ours, 1st on page',
        'DSFR Chart, 1st',
        'ratio',
        'ours, again',
        'DSFR Chart, again',
        'ratio',
      ],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      rows,
    };
  });

  // What dominates, per pair: the three largest parts.
  const label = (key) => {
    const row = ROWS.find((r) => r.key === key);
    return (key.startsWith('js.') ? `script: ${GROUPS.find((g) => `js.${g.key}` === key).label}` : row.label).replace(
      / \(.*\)$/,
      '',
    );
  };
  // Shares of the time that is not the machine's load: the main thread's work, the network wait and the idle time.
  const largest = (m) => {
    const base = (m.work ?? 0) + (m.network ?? 0) + (m.idle ?? 0);
    return PARTS.map((k) => [k, m?.[k] ?? 0])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([k, v]) => `${label(k)} ${fmt(v)} ms (${Math.round((100 * v) / (base || 1))} %)`)
      .join(', ');
  };
  const dominant = results.map((r) => {
    const parts = [
      `**${r.label}**, the largest parts (% of work + network wait + idle): ours, 1st on page: ${largest(r.ours.first)}; DSFR Chart: ${largest(r.dsfr.first)}.`,
    ];
    if (r.ours.again) parts.push(`Again: ours: ${largest(r.ours.again)}; DSFR Chart: ${largest(r.dsfr.again)}.`);
    return parts.join(' ');
  });

  const browserVersion = browser.version();
  const interval = median(sampleIntervals);
  const allRuns = results
    .flatMap((r) => [r.ours, r.dsfr])
    .flatMap((side) => side.runs.flatMap((run) => [run.first, run.again].filter(Boolean)));
  const warnings = [
    allRuns.some((b) => !b.samples) &&
      'some runs had no CPU profile samples in their window: their script time is not split (counted as « no page frame »)',
    allRuns.some((b) => b.clock !== 'thread') &&
      'some windows had no thread clock (tts) on their marks: their rows are wall time',
  ].filter(Boolean);
  const notes = [
    `Chromium ${browserVersion}, ${cpus().length} cores (load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end), ${new Date().toISOString().slice(0, 10)}, ${Math.round((Date.now() - started) / 1000)} s; @gouvfr/dsfr-chart ${DSFR_VERSION}; ${runs} traced runs per side after ${WARMUP} warm-up, interleaved, each also measured once without tracing.`,
    ...dominant,
    ...warnings.map((w) => `**Warning**: ${w}.`),
    `Window: from just before stage.append(el) (the element created, its attributes set) to painted, the rule of the case dsfr-chart (marks drawn, then two frames without a DOM change), between user-timing marks. « 1st on page »: a fresh page (new renderer, no HTTP cache), the library's first element; « again »: a second element on the same page. Medians per row (so a sum of medians is close to, not exactly, the median of the sums).`,
    `Main-thread rows are CPU time (the trace's thread clock): each instant goes to the innermost event running (nothing counted twice; a layout forced by a script is layout), so a machine busy elsewhere does not inflate them. The wall-time rows add the time the main thread did not run: « not running inside a task » is mostly the machine's load (2 shared cores) and varies from run to run; « network wait »: our map's geometry request pending. All rows together make the total. Compare the CPU rows; the totals are as noisy as the machine.`,
    `Script evaluation is split by CPU profile samples (median interval ${fmt(interval / 1000)} ms): the innermost frame of a page script decides, so DOM and built-in calls count for the code that made them (Lit's template cloning counts as Lit, our render's DOM updates as ours). Ours: our entries' source maps (src/ → own code, lit*/@lit → Lit, d3-* → D3). DSFR Chart (Vue in its development build, no source map): ${Object.entries(
      splits,
    )
      .map(([c, sp]) => `${c} ${sp}`)
      .join('; ')}.`,
    `Compile: V8's main-thread work on code (lazy compile of each function on its first call, JIT tier-up). Paint and composite: PrePaint, Paint, Layerize, Commit…; raster runs on other threads, shown apart, like the compile V8 does there. Harness: the benchmark polls for the marks between tasks (a busy loop) and waits for frames; its own tasks and calls are counted apart. Tracing (CPU profiler, a trace event per compiled function) slows the page: compare the total with « without tracing »; ratios are what count.`,
    `Before insertion (1st on page, not in the window): loading the script — its streamed parse and compile on other threads, then on the main thread the module's compile and its top-level evaluation (CPU time).`,
  ];

  const report = {
    date: new Date().toISOString(),
    browser: { name: 'Chromium', version: browserVersion },
    cores: cpus().length,
    dsfrChartVersion: DSFR_VERSION,
    runsPerSide: runs,
    warmupPerSide: WARMUP,
    traceCategories: TRACE_CATEGORIES,
    sampleIntervalMs: round(interval / 1000, 3),
    dsfrSplit: splits,
    eventNames: Object.fromEntries(
      Object.entries(eventNames ?? {}).map(([k, v]) => [
        k,
        v.length > 15 ? [...v.slice(0, 15), `… ${v.length - 15} more`] : v,
      ]),
    ),
    rows: Object.fromEntries(ROWS.map((r) => [r.key, r.label.replace(/\*/g, '')])),
    pairs: results,
    loadAverage1m: { start: round(loadBefore, 2), end: round(loadavg()[0], 2) },
    durationS: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(resolve(root, 'bench/results'), { recursive: true });
  writeFileSync(resolve(root, 'bench/results/breakdown.json'), JSON.stringify(report, null, 2) + '\n');
  log('  Wrote bench/results/breakdown.json');
  return { results: report, tables, notes };
}

/** A run's breakdown for the results file: numbers rounded to 0.01 ms, event names kept. */
function compact(b) {
  const r2 = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v, 2)]));
  return {
    totalMs: round(b.totalMs, 2),
    marksMs: b.marksMs === undefined ? undefined : round(b.marksMs, 2),
    untracedMs: round(b.untracedMs, 2),
    categories: r2(b.categories),
    script: r2(b.script),
    compileBy: r2(b.compileBy),
    offMain: r2(b.offMain),
    requests: b.requests.map((q) => ({ ...q, ms: round(q.ms, 2), inWindowMs: round(q.inWindowMs, 2) })),
    samples: b.samples,
    pollingTasks: b.pollingTasks,
    clock: b.clock,
    names: b.names,
  };
}
