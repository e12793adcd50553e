// Loading a script, before the window (bench/lib/trace.mjs): its fetch, compile and evaluation, on the main thread
// and on the others.
import { ms, requests } from './events.mjs';
import { selfSegments, threadTree } from './thread.mjs';

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
