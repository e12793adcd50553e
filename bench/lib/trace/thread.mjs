// A thread's trace events as a tree, and each event's self time (bench/lib/trace.mjs): the wall and CPU clocks of
// every event, the segments not covered by its children.
import { categoryOf } from './categories.mjs';

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
