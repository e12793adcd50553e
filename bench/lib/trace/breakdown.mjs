// Where the time of a window goes (bench/lib/trace.mjs): the main thread's CPU time by category and by whose script
// ran, the wall time when it did not run (blocked, network wait, idle), and the renderer's other threads.
import { CATEGORIES } from './categories.mjs';
import { ms, requests } from './events.mjs';
import { cpuSamples, NOT_PAGE, sampleSegments, splitBySamples } from './samples.mjs';
import { selfSegments, threadTree } from './thread.mjs';

/** The union of intervals `[[start, end]…]` clipped to [from, to], as sorted disjoint intervals. */
function union(intervals, from = -Infinity, to = Infinity) {
  const sorted = intervals
    .map(([s, e]) => [Math.max(s, from), Math.min(e, to)])
    .filter(([s, e]) => e > s)
    .sort((x, y) => x[0] - y[0]);
  const out = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const length = (intervals) => intervals.reduce((n, [s, e]) => n + e - s, 0);

/** Total length of the intersection of two sets of sorted disjoint intervals. */
function overlap(a, b) {
  let total = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const s = Math.max(a[i][0], b[j][0]);
    const e = Math.min(a[i][1], b[j][1]);
    if (e > s) total += e - s;
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return total;
}

/**
 * Breakdown of a window `w` (findWindow) on its main thread, in ms adding up to the window's wall time `totalMs`:
 * - `categories`: main-thread CPU time by category (compile, script, gc, style, layout, paint, other, harness: the
 *   benchmark's own polling, i.e. its tasks that ran no page script and no rendering, and its share of the samples
 *   in other tasks), then wall time: `blocked`, inside tasks while the thread was not running (descheduled by a
 *   loaded machine, or waiting, e.g. for the compositor); `network`, a request pending while the thread was idle or
 *   only polling; `idle`, the rest of the time between tasks;
 * - `script`: script CPU time by whose code ran (`classifyFrame(callFrame)` → group of a page script's frame, or
 *   undefined; 'native': no page frame), `compileBy` likewise for compile (the code being called);
 * - `cpuMs`: the main thread's CPU time; `offMain: { raster, compile, gc }`: CPU time on the renderer's other threads
 *   during the window (in parallel, not in the total); `requests`, `names` (most expensive events per category).
 */
export function breakdown(events, w, { classifyFrame = () => undefined, tree, samples } = {}) {
  const { pid, tid } = w;
  tree ??= threadTree(events, pid, tid);
  samples ??= cpuSamples(events, pid, tid);
  const from = w.start;
  const to = w.end;
  const hasCpu = Number.isFinite(w.cpuStart) && Number.isFinite(w.cpuEnd) && w.cpuEnd >= w.cpuStart;
  const segments = selfSegments(tree, hasCpu ? { from, to, cfrom: w.cpuStart, cto: w.cpuEnd } : { from, to });
  sampleSegments(segments, samples, classifyFrame);

  // Tasks of the harness alone: JS ran (no URL: not a page script), no page-script sample, no rendering or compile.
  const roots = new Map();
  for (const s of segments) {
    const r = roots.get(s.root) ?? { js: false, page: false, work: false };
    if (s.category === 'script') r.js = true;
    else if (s.category !== 'other' && s.cpu > 0) r.work = true;
    if (/^(FunctionCall|EvaluateScript)$/.test(s.name) && s.args?.data?.url) r.page = true;
    for (const g of s.groups.keys()) if (!NOT_PAGE.has(g)) r.page = true;
    roots.set(s.root, r);
  }
  const harnessOnly = (s) => {
    const r = roots.get(s.root);
    return r.js && !r.page && !r.work;
  };

  const reqs = requests(events, pid);
  const pending = union(
    reqs.filter((r) => r.start < to && r.end > from).map((r) => [r.start, r.end]),
    from,
    to,
  );
  const sums = Object.fromEntries(CATEGORIES.map((c) => [c.key, 0]));
  const names = {};
  let cpuInEvents = 0;
  for (const s of segments) {
    cpuInEvents += s.cpu;
    if (harnessOnly(s)) {
      // The harness polling while a request is pending is waiting for the network; otherwise it is the harness.
      const waiting = s.wall > 0 ? overlap([[s.start, s.end]], pending) / s.wall : 0;
      sums.network += s.wall * waiting;
      sums.harness += s.cpu * (1 - waiting);
      sums.blocked += (s.wall - s.cpu) * (1 - waiting);
      continue;
    }
    sums[s.category] += s.cpu;
    sums.blocked += s.wall - s.cpu;
    const byName = (names[s.category] ??= {});
    byName[s.name] = (byName[s.name] ?? 0) + s.cpu;
  }
  const cpu = hasCpu ? w.cpuEnd - w.cpuStart : cpuInEvents;
  const busy = union(
    segments.map((s) => [s.start, s.end]),
    from,
    to,
  );
  const gaps = [];
  let cursor = from;
  for (const [s, e] of busy) {
    if (s > cursor) gaps.push([cursor, s]);
    cursor = Math.max(cursor, e);
  }
  if (to > cursor) gaps.push([cursor, to]);
  const gapsWaiting = overlap(gaps, pending);
  const gapsIdle = length(gaps) - gapsWaiting;
  sums.network += gapsWaiting;
  // CPU time between events (the scheduler's own work, the thread's wake-ups) happens between tasks: its share of
  // the idle time is other work (its share of a network wait, mostly the harness's polling, stays in the wait).
  const between = Math.max(0, cpu - cpuInEvents);
  const betweenIdle = Math.min(gapsIdle, gaps.length ? (between * gapsIdle) / length(gaps) : 0);
  sums.other += betweenIdle;
  sums.idle = gapsIdle - betweenIdle;

  const script = splitBySamples(segments.filter((s) => s.category === 'script' && !harnessOnly(s)));
  const compileBy = splitBySamples(segments.filter((s) => s.category === 'compile' && !harnessOnly(s)));
  // The harness's share of script in other tasks is harness; GC samples inside script events (a scavenge without a GC
  // event of its own) are GC.
  for (const [key, target] of [
    ['harness', 'harness'],
    ['gc', 'gc'],
  ]) {
    if (!script[key]) continue;
    sums[target] += script[key];
    sums.script -= script[key];
    delete script[key];
  }

  // The renderer's other threads (raster workers, V8's background compiler and GC helpers).
  const offMain = { raster: 0, compile: 0, gc: 0 };
  const threads = new Set(events.filter((e) => e.pid === pid && e.tid !== tid && e.ph === 'X').map((e) => e.tid));
  for (const t of threads) {
    for (const s of selfSegments(threadTree(events, pid, t), { from, to })) {
      if (s.category === 'paint') offMain.raster += s.cpu;
      else if (s.category === 'compile' || s.category === 'gc') offMain[s.category] += s.cpu;
    }
  }

  const toMs = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, ms(v)]));
  const top = (o) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, us]) => `${name} ${ms(us).toFixed(1)}`);
  return {
    totalMs: ms(to - from),
    cpuMs: ms(cpu),
    categories: toMs(sums),
    script: toMs(script),
    compileBy: toMs(compileBy),
    offMain: toMs(offMain),
    requests: reqs
      .filter((r) => r.start < to && r.end > from)
      .map((r) => ({
        url: r.url,
        type: r.type,
        ms: ms(r.end - r.start),
        inWindowMs: ms(Math.min(r.end, to) - Math.max(r.start, from)),
      })),
    names: Object.fromEntries(Object.entries(names).map(([k, v]) => [k, top(v)])),
    samples: samples ? samples.times.filter((t) => t >= from && t < to).length : 0,
    pollingTasks: new Set(segments.filter(harnessOnly).map((s) => s.root)).size,
    clock: hasCpu ? 'thread' : 'wall',
  };
}
