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
//
// The modules, in bench/lib/trace/: categories.mjs (TRACE_CATEGORIES, CATEGORIES, RULES, categoryOf, checkTrace),
// events.mjs (parseTrace, findWindow, requests), thread.mjs (threadTree, selfSegments), samples.mjs (cpuSamples and
// the split of script time), breakdown.mjs (breakdown), script-load.mjs (scriptLoad), source-map.mjs (sourceLookup).
export { breakdown } from './trace/breakdown.mjs';
export { CATEGORIES, categoryOf, checkTrace, RULES, TRACE_CATEGORIES } from './trace/categories.mjs';
export { findWindow, parseTrace, requests } from './trace/events.mjs';
export { cpuSamples } from './trace/samples.mjs';
export { scriptLoad } from './trace/script-load.mjs';
export { sourceLookup } from './trace/source-map.mjs';
export { selfSegments, threadTree } from './trace/thread.mjs';
