// The trace's categories and the rules that put each event in one (bench/lib/trace.mjs): the tracing categories to
// record, the main-thread categories of the breakdown, the event name patterns (RULES), and checkTrace(), which fails
// when a category finds no event (renamed events).

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

/** Category of an event name, or undefined when it is not known (it then takes its parent's). */
export function categoryOf(name) {
  for (const [key, pattern] of RULES) if (pattern.test(name)) return key;
  return undefined;
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
      `no main-thread trace event for ${missing.map((c) => c.label).join(', ')} (patterns in RULES, bench/lib/trace/categories.mjs); ` +
        `the most expensive main-thread events of this trace: ${seen.join(', ')}`,
    );
  }
  return Object.fromEntries(Object.entries(found).map(([k, v]) => [k, [...v].sort()]));
}
