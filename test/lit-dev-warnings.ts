/**
 * Lit's development-mode warnings fail the test during which they were printed (as Spectrum's
 * `testForLitDevWarnings` does): « change-in-update » (an update scheduled from `updated()`), a class field
 * shadowing a reactive property, and the others at https://lit.dev/msg/. web-test-runner.config.mjs imports this
 * module first in every test file; its `afterEach` is a root hook, so it runs after every test of the file.
 * (The « dev-mode » banner is marked as issued in the test page: it is not a warning about our code.)
 */
const seen: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]): void => {
  const text = args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ');
  if (/lit\.dev\/msg\//.test(text)) seen.push(text);
  warn(...args);
};

function check(): void {
  if (!seen.length) return;
  const found = seen.splice(0);
  throw new Error(`Lit dev-mode warning${found.length > 1 ? 's' : ''} during this test:\n${found.join('\n')}`);
}

afterEach(check);
after(check);
