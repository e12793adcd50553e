// The CPU profile a trace carries (bench/lib/trace.mjs): its samples on one thread, the group (page script, harness,
// native…) of each sample, and the split of segments' CPU time between the groups of their samples.

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
export function sampleSegments(segments, samples, classifyFrame) {
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
export function splitBySamples(segments) {
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
export const NOT_PAGE = new Set(['harness', 'native', 'idle', 'gc', 'unsplit']);
