// Reading a trace (bench/lib/trace.mjs): its events, the window between a case's user-timing marks, the renderer's
// network requests, and µs → ms.

/** The trace events (array) of a trace buffer, string or parsed object. */
export function parseTrace(trace) {
  const parsed = typeof trace === 'string' || Buffer.isBuffer(trace) ? JSON.parse(String(trace)) : trace;
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  if (!Array.isArray(events) || events.length === 0)
    throw new Error('empty trace (did tracing start before the page?)');
  return events;
}

export const ms = (us) => us / 1000;

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
