// Where the time of a window goes, from a Chromium trace (the case breakdown).
//
// The renderer's main thread is a tree of trace events (RunTask > FunctionCall > V8.CompileCode…). Every instant of
// the window is given to the innermost event that covers it (its self time), under that event's category, or under
// its nearest categorised ancestor's when the event itself is not known (e.g. ParseHTML inside a FunctionCall counts
// as script, a Layout forced by a script counts as layout): nothing is counted twice. Categories are counted in the
// thread's CPU time (the trace's thread clock), so that a task during which a loaded machine ran something else is
// not inflated; the rest of the window is wall time when the thread did not run: inside a task (descheduled, or
// waiting), or between tasks (idle, or waiting for a request). The rows add up to the window exactly.
//
// Script time is then split between the code that ran, from the CPU profile the trace carries (a sample every
// ~0.2 ms): the innermost frame of each sample that belongs to a page script decides (a DOM or built-in call counts
// for the script that made it), mapped to a source file with the script's source map (sourceLookup).
//
// Event names change between Chromium versions: they are matched by patterns (RULES), and checkTrace() fails with the
// names the trace does hold when a category finds none, rather than reporting zero.

/** Trace categories: the DevTools timeline, V8's execution, compile and GC events, its CPU profiler, user timing. */
export const TRACE_CATEGORIES = [
  '-*',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'disabled-by-default-v8.cpu_profiler',
  'blink.user_timing',
];

/**
 * Main-thread categories, in table order. « compile » is V8's work on code on the main thread: the module's compile,
 * the lazy compile of each function on its first call, and the JIT's tier-up (budget interrupts, finalising baseline
 * and optimised code compiled on other threads). `required`: checkTrace() fails when the trace holds no such event.
 */
export const CATEGORIES = [
  { key: 'compile', label: 'script parse and compile', required: true },
  { key: 'script', label: 'script evaluation', required: true },
  { key: 'gc', label: 'garbage collection' },
  { key: 'style', label: 'style recalculation', required: true },
  { key: 'layout', label: 'layout', required: true },
  { key: 'paint', label: 'paint and composite (main thread)', required: true },
  { key: 'other', label: 'other main-thread work' },
  { key: 'harness', label: 'benchmark harness (polling for the marks)' },
  { key: 'blocked', label: 'main thread not running inside a task (descheduled, or waiting)' },
  { key: 'network', label: 'network wait (a request pending, the main thread idle or only polling)' },
  { key: 'idle', label: 'idle (waiting for a frame or a task)' },
];

/** A pattern matching any of `names` exactly (each a regular expression source). */
const any = (...names) => new RegExp(`^(?:${names.join('|')})$`);

/**
 * Event name → category. Several spellings per category (Chromium has renamed some over the years: RecalculateStyles
 * → UpdateLayoutTree, CompileScript → v8.compile, FunctionCall inside v8.callFunction…); first match wins.
 */
export const RULES = [
  [
    'compile',
    any(
      'v8\\.compile',
      'v8\\.compileModule',
      'v8\\.parseOnBackground\\w*',
      'v8\\.compileOnBackground\\w*',
      'v8\\.produceCache',
      'v8\\.produceModuleCache',
      'v8\\.deserializeOnBackground',
      'CompileScript',
      'CompileCode',
      'CompileModule',
      'StreamingCompileScript\\w*',
      'CacheScript',
      'V8\\.Compile\\w*',
      'V8\\.Parse\\w*',
      'V8\\.PreParse\\w*',
      'V8\\.Finalize\\w*Compilation',
      'V8\\.Maglev\\w*',
      'V8\\.Turbo[Ff]an\\w*',
      'V8\\.Baseline\\w*',
      'V8\\.Optimize\\w*',
      'OptimizeCode',
      'V8\\.MarkCandidatesForOptimization',
      'V8\\.BytecodeBudgetInterrupt\\w*',
      'V8\\.Deoptimize\\w*',
      'FlushInstructionCache',
    ),
  ],
  [
    'gc',
    any(
      'MinorGC',
      'MajorGC',
      'GCEvent',
      'MinorMS\\w*',
      'V8\\.GC\\w*',
      'V8\\.Scavenge\\w*',
      'V8\\.ExternalPrologue',
      'BlinkGC\\.\\w+',
      'CppGC\\.\\w+',
      'ThreadState::\\w+',
      'ConcurrentMarking::.+',
    ),
  ],
  [
    'script',
    any(
      'EvaluateScript',
      'v8\\.run',
      'v8\\.evaluateModule',
      'v8\\.callFunction',
      'v8\\.callAsConstructor',
      'v8\\.newInstance',
      'v8\\.callModuleMethod',
      'FunctionCall',
      'RunMicrotasks',
      'V8\\.RunMicrotasks',
      'TimerFire',
      'FireAnimationFrame',
      'FireIdleCallback',
      'EventDispatch',
      'XHRReadyStateChange',
      'XHRLoad',
      'V8\\.Execute',
      'V8\\.HandleInterrupts',
      'V8\\.StackGuard',
      'V8\\.InvokeApiInterruptCallbacks',
      'HandlePostMessage',
      '(?:Resize|Intersection|Mutation)Observer\\w*',
    ),
  ],
  [
    'style',
    any(
      'UpdateLayoutTree',
      'RecalculateStyles',
      'RecalcStyle',
      'ParseAuthorStyleSheet',
      'ParseStyleSheet',
      'StyleRecalc\\w*',
      'Document::updateStyle',
      'Document::recalcStyle',
    ),
  ],
  ['layout', any('Layout', 'UpdateLayout', 'PerformLayout', 'LocalFrameView::layout', 'LayoutNG')],
  [
    'paint',
    any(
      'PrePaint',
      'Paint',
      'PaintImage',
      'PaintSetup',
      'Layerize',
      'UpdateLayer',
      'UpdateLayerTree',
      'UpdateLayers',
      'CompositeLayers',
      'Commit',
      'Decode Image',
      'Decode LazyPixelRef',
      'ImageDecodeTask',
      'Rasterize',
      'RasterTask',
      'ScrollLayer',
      'CullRectUpdate',
    ),
  ],
];

/** The trace events (array) of a trace buffer, string or parsed object. */
export function parseTrace(trace) {
  const parsed = typeof trace === 'string' || Buffer.isBuffer(trace) ? JSON.parse(String(trace)) : trace;
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  if (!Array.isArray(events) || events.length === 0)
    throw new Error('empty trace (did tracing start before the page?)');
  return events;
}

/** Category of an event name, or undefined when it is not known (it then takes its parent's). */
export function categoryOf(name) {
  for (const [key, pattern] of RULES) if (pattern.test(name)) return key;
  return undefined;
}

const ms = (us) => us / 1000;

/**
 * The window delimited by the user-timing marks `<prefix>:start` and `<prefix>:painted` (and `<prefix>:marks` in
 * between when present): `{ pid, tid, start, marks?, end }` in trace microseconds (wall clock), and `cpuStart`,
 * `cpuEnd`: the same instants in the thread's own clock (CPU time). The marks' thread is the renderer's main
 * thread. Fails with `hint` when a mark is missing (the element was never painted).
 */
export function findWindow(events, prefix, hint = '') {
  const mark = (suffix) =>
    events.find((e) => e.name === `${prefix}:${suffix}` && (e.cat ?? '').includes('user_timing'));
  const start = mark('start');
  const end = mark('painted');
  if (!start || !end) {
    const missing = [!start && `${prefix}:start`, !end && `${prefix}:painted`].filter(Boolean).join(' and ');
    throw new Error(`the trace has no ${missing} mark: the element was never painted${hint ? ` (${hint})` : ''}`);
  }
  const marks = mark('marks');
  return {
    pid: start.pid,
    tid: start.tid,
    start: start.ts,
    marks: marks?.ts,
    end: end.ts,
    cpuStart: start.tts,
    cpuEnd: end.tts,
  };
}

/**
 * Complete events of one thread as a forest: `[{ name, start, end, cstart, cend, category, args, children }]`,
 * sorted; start/end on the wall clock, cstart/cend on the thread's CPU clock (tts, tdur: the thread's time only
 * advances while it runs, so a task during which the machine ran something else is not inflated). B/E pairs become
 * complete events; a child that overflows its parent (rounding) is clipped to it; an event without thread times
 * (V8 omits them on its shortest events) gets them from its neighbours': the thread clock at the last instant known
 * before it, advanced by the wall time since, but never past the next instant known.
 */
export function threadTree(events, pid, tid) {
  const flat = [];
  const open = [];
  const known = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X' && e.dur > 0) {
      const cpu = Number.isFinite(e.tts) && Number.isFinite(e.tdur) ? [e.tts, e.tts + e.tdur] : undefined;
      if (cpu) known.push([e.ts, cpu[0]], [e.ts + e.dur, cpu[1]]);
      flat.push({ name: e.name, start: e.ts, end: e.ts + e.dur, cpu, args: e.args });
    } else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (!b || e.ts <= b.ts) continue;
      const cpu = Number.isFinite(b.tts) && Number.isFinite(e.tts) ? [b.tts, e.tts] : undefined;
      if (cpu) known.push([b.ts, cpu[0]], [e.ts, cpu[1]]);
      flat.push({ name: b.name, start: b.ts, end: e.ts, cpu, args: b.args });
    }
  }
  // Wall → thread clock, from the instants known (made monotonic).
  known.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (let i = 1; i < known.length; i++) if (known[i][1] < known[i - 1][1]) known[i][1] = known[i - 1][1];
  const cpuAt = (t) => {
    let lo = 0;
    let hi = known.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (known[mid][0] <= t) lo = mid + 1;
      else hi = mid;
    }
    const before = known[lo - 1];
    const after = known[lo];
    if (!before) return after ? after[1] - Math.max(0, after[0] - t) : t;
    return Math.min(before[1] + (t - before[0]), after ? after[1] : Infinity);
  };
  flat.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots = [];
  const stack = [];
  for (const e of flat) {
    while (stack.length && stack[stack.length - 1].end <= e.start) stack.pop();
    const parent = stack[stack.length - 1];
    e.children = [];
    e.own = categoryOf(e.name);
    e.category = e.own ?? parent?.category ?? 'other';
    if (parent && e.end > parent.end) e.end = parent.end;
    [e.cstart, e.cend] = e.cpu ?? [cpuAt(e.start), cpuAt(e.end)];
    delete e.cpu;
    if (parent) {
      e.cstart = Math.min(Math.max(e.cstart, parent.cstart), parent.cend);
      e.cend = Math.min(Math.max(e.cend, e.cstart), parent.cend);
      parent.children.push(e);
    } else roots.push(e);
    stack.push(e);
  }
  return roots;
}

/**
 * Self-time segments `[{ start, end, wall, cpu, category, name, args, root }]` of a forest: the parts of each event
 * not covered by its children, clipped to the window — [from, to] on the wall clock; and on the thread's clock to
 * [cfrom, cto] when given (the main thread), else in proportion to the wall time kept (other threads, whose clocks
 * differ). `wall`, `cpu`: lengths in µs; `root`: the top-level event (task) it belongs to. With `scope`, only the self
 * time of events for which `scope(event)` holds or that are inside such an event.
 */
export function selfSegments(roots, { from = -Infinity, to = Infinity, cfrom, cto } = {}, scope) {
  const out = [];
  const cpuClip = Number.isFinite(cfrom) && Number.isFinite(cto);
  const emit = (ws, we, cs, ce, e, root) => {
    const s = Math.max(ws, from);
    const t = Math.min(we, to);
    const wall = Math.max(0, t - s);
    // A thread cannot run longer than the wall time: the two clocks disagree by rounding at most.
    const cpu = Math.min(
      wall,
      cpuClip ? Math.max(0, Math.min(ce, cto) - Math.max(cs, cfrom)) : we > ws ? ((ce - cs) * wall) / (we - ws) : 0,
    );
    if (wall > 0)
      out.push({ start: s, end: Math.max(s, t), wall, cpu, category: e.category, name: e.name, args: e.args, root });
  };
  const walk = (e, inScope, root) => {
    if ((e.end <= from || e.start >= to) && !(cpuClip && e.cend > cfrom && e.cstart < cto)) return;
    const counted = inScope || !scope || scope(e);
    let [w, c] = [e.start, e.cstart];
    for (const child of e.children) {
      if (counted && (child.start > w || child.cstart > c))
        emit(w, Math.max(w, child.start), c, Math.max(c, child.cstart), e, root);
      walk(child, counted, root);
      w = Math.max(w, child.end);
      c = Math.max(c, child.cend);
    }
    if (counted) emit(w, Math.max(w, e.end), c, Math.max(c, e.cend), e, root);
  };
  for (const r of roots) walk(r, false, r);
  return out;
}

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
 * Network requests of a renderer (sent from its main thread): `[{ id, url, type, start, response, end }]` (µs; end =
 * finish, or the end of the trace when it never finished).
 */
export function requests(events, pid) {
  const byId = new Map();
  let last = 0;
  for (const e of events) {
    if (e.ts > last) last = e.ts;
    const d = e.args?.data;
    if (e.pid !== pid || !d?.requestId) continue;
    if (e.name === 'ResourceSendRequest' && !byId.has(d.requestId))
      byId.set(d.requestId, { id: d.requestId, url: d.url, type: d.resourceType, start: e.ts });
    const r = byId.get(d.requestId);
    if (!r) continue;
    if (e.name === 'ResourceReceiveResponse') r.response = e.ts;
    if (e.name === 'ResourceFinish')
      r.end = d.finishTime > 0 ? Math.max(d.finishTime * 1e6, r.response ?? r.start) : e.ts;
  }
  return [...byId.values()].map((r) => ({ ...r, end: r.end ?? last }));
}

/**
 * The CPU profile samples of one thread, `{ times: number[] (µs, sorted), ids: node id of each, nodes: Map<id, node> }`
 * (node: `{ callFrame, parent }`), or undefined when the trace has none (profiler category off).
 */
export function cpuSamples(events, pid, tid) {
  const profiles = new Map();
  for (const e of events) {
    if (e.pid !== pid || e.name !== 'Profile') continue;
    if (e.tid === tid) profiles.set(e.id, { start: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [] });
  }
  if (!profiles.size) return undefined;
  const chunks = events
    .filter((e) => e.pid === pid && e.name === 'ProfileChunk' && profiles.has(e.id))
    .sort((a, b) => a.ts - b.ts);
  const cursor = new Map();
  for (const e of chunks) {
    const p = profiles.get(e.id);
    const data = e.args?.data ?? {};
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, { callFrame: n.callFrame, parent: n.parent });
    const ids = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    let t = cursor.get(e.id) ?? p.start;
    for (let i = 0; i < ids.length; i++) {
      t += deltas[i] ?? 0;
      p.samples.push([t, ids[i]]);
    }
    cursor.set(e.id, t);
  }
  const nodes = new Map();
  const samples = [];
  for (const [profile, p] of profiles) {
    for (const [id, n] of p.nodes)
      nodes.set(`${profile}:${id}`, { ...n, parent: n.parent === undefined ? undefined : `${profile}:${n.parent}` });
    for (const [t, id] of p.samples) samples.push([t, `${profile}:${id}`]);
  }
  samples.sort((a, b) => a[0] - b[0]);
  return { times: samples.map((s) => s[0]), ids: samples.map((s) => s[1]), nodes };
}

/**
 * Who a sample's time belongs to: `classifyFrame(callFrame)` is asked for each frame from the innermost out and
 * returns a group or undefined (not a page script: ask the caller). Frames of scripts evaluated without a URL
 * (the benchmark's in-page code, injected by playwright) are 'harness'; a stack with no page frame is 'native'.
 */
function sampleGroup(nodes, id, classifyFrame, cache) {
  if (cache.has(id)) return cache.get(id);
  const node = nodes.get(id);
  let group;
  if (!node) group = 'native';
  else {
    const f = node.callFrame ?? {};
    if (f.functionName === '(garbage collector)') group = 'gc';
    else if (f.functionName === '(idle)') group = 'idle';
    else if (f.functionName === '(program)' || f.functionName === '(root)') group = 'native';
    else if (f.url) group = classifyFrame(f) ?? 'other';
    else if (Number(f.scriptId) > 0) group = 'harness';
    group ??= node.parent === undefined ? 'native' : sampleGroup(nodes, node.parent, classifyFrame, cache);
  }
  cache.set(id, group);
  return group;
}

/** Adds to each segment `groups`: Map(group → number of CPU profile samples taken during it). */
function sampleSegments(segments, samples, classifyFrame) {
  const cache = new Map();
  for (const s of segments) {
    s.groups = new Map();
    if (!samples) continue;
    // First sample at or after s.start (binary search).
    let lo = 0;
    let hi = samples.times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (samples.times[mid] < s.start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < samples.times.length && samples.times[i] < s.end; i++) {
      const g = sampleGroup(samples.nodes, samples.ids[i], classifyFrame, cache);
      s.groups.set(g, (s.groups.get(g) ?? 0) + 1);
    }
  }
}

/**
 * Splits the CPU time of `segments` between the groups of the samples taken during each of them: `{ group: µs }`.
 * A segment without samples (most last a few µs) is shared like all the others together.
 */
function splitBySamples(segments) {
  const total = segments.reduce((n, s) => n + s.cpu, 0);
  if (!total) return {};
  const split = new Map();
  let pooled = 0;
  for (const s of segments) {
    const n = [...s.groups.values()].reduce((a, b) => a + b, 0);
    if (!n) pooled += s.cpu;
    else for (const [g, c] of s.groups) split.set(g, (split.get(g) ?? 0) + (s.cpu * c) / n);
  }
  const attributed = total - pooled;
  if (!attributed) return { unsplit: total };
  return Object.fromEntries([...split].map(([g, v]) => [g, v + (pooled * v) / attributed]));
}

/** Groups of page scripts (the rest: the harness, the browser's own code, the profiler's pseudo-frames). */
const NOT_PAGE = new Set(['harness', 'native', 'idle', 'gc', 'unsplit']);

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

/**
 * Fails when the main thread `{pid, tid}` holds no event of a required category (a renamed event would otherwise
 * read as zero), naming the events it does hold. Returns the names found per category.
 */
export function checkTrace(events, pid, tid) {
  const found = {};
  const all = new Map();
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid || e.ph !== 'X') continue;
    all.set(e.name, (all.get(e.name) ?? 0) + (e.dur ?? 0));
    const c = categoryOf(e.name);
    if (c) (found[c] ??= new Set()).add(e.name);
  }
  const missing = CATEGORIES.filter((c) => c.required && !found[c.key]);
  if (missing.length) {
    const seen = [...all]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([n]) => n);
    throw new Error(
      `no main-thread trace event for ${missing.map((c) => c.label).join(', ')} (patterns in RULES, bench/lib/trace.mjs); ` +
        `the most expensive main-thread events of this trace: ${seen.join(', ')}`,
    );
  }
  return Object.fromEntries(Object.entries(found).map(([k, v]) => [k, [...v].sort()]));
}

// ---------------------------------------------------------------------------------------------
// Loading a script, before the window

/**
 * The cost of loading the module script `url` (before any element is inserted): `{ compileMs (main thread: module
 * compile and the lazy compiles during its evaluation), evaluateMs (the rest of its top-level evaluation: classes,
 * customElements.define…), backgroundMs (its streamed parse and compile on other threads, waiting for bytes
 * excluded) }` in CPU time, and on the wall clock `{ fetchMs (request → last byte), readyMs (request → end of its
 * evaluation) }`, or undefined if not found.
 */
export function scriptLoad(events, { pid, tid, url, before = Infinity, tree }) {
  tree ??= threadTree(events, pid, tid);
  const isScript = (e) => e.args?.data?.url === url || e.args?.fileName === url;
  const isEvaluation = (e) =>
    /^(v8\.evaluateModule|EvaluateModule|EvaluateScript)$/.test(e.name) && (isScript(e) || /module/i.test(e.name));
  const segments = selfSegments(tree, { to: before }, (e) => isScript(e) || isEvaluation(e));
  if (!segments.length) return undefined;
  let compile = 0;
  let evaluate = 0;
  for (const s of segments) {
    if (s.category === 'compile') compile += s.cpu;
    else evaluate += s.cpu;
  }
  let background = 0;
  const threads = new Set(
    events.filter((e) => e.pid === pid && e.tid !== tid && e.ph === 'X' && isScript(e)).map((e) => e.tid),
  );
  for (const t of threads) {
    for (const s of selfSegments(threadTree(events, pid, t), { to: before }, isScript))
      if (!/Waiting/i.test(s.name)) background += s.cpu;
  }
  const request = requests(events, pid).find((r) => r.url === url);
  const evaluated = Math.max(...segments.map((s) => s.end));
  return {
    fetchMs: request ? ms(request.end - request.start) : undefined,
    compileMs: ms(compile),
    evaluateMs: ms(evaluate),
    backgroundMs: ms(background),
    readyMs: request ? ms(evaluated - request.start) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Source maps (the Base64 VLQ « mappings » of a version 3 source map)

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** `(line, column)` (0-based, generated file) → source path, for a parsed source map. */
export function sourceLookup(map) {
  const lines = [];
  let source = 0;
  for (const line of map.mappings.split(';')) {
    const segs = [];
    let column = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = B64.get(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) {
        source += values[1];
        segs.push([column, source]);
      }
    }
    lines.push(segs);
  }
  return (line, column) => {
    // The last segment at or before (line, column), looking back over earlier lines if needed.
    for (let l = Math.min(line, lines.length - 1), c = column; l >= 0; l--, c = Infinity) {
      const segs = lines[l];
      let found;
      for (const s of segs) {
        if (s[0] <= c) found = s;
        else break;
      }
      if (found) return map.sources[found[1]];
    }
    return undefined;
  };
}
