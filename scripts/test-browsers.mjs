// The browser tests (web-test-runner) in each engine, one engine after the other (2 cores: one browser at a time),
// with each engine's wall time. `npm test` runs it.
//   BROWSERS=chromium,firefox,webkit (default: the three) chooses the engines; other arguments go to web-test-runner,
//   e.g. `node scripts/test-browsers.mjs --files test/linking.test.ts`.
// Every engine runs even when one fails; the exit code is 1 if any failed. An engine whose browser is missing fails
// (.ci/run installs them): it is never skipped in silence.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ENGINES = ['chromium', 'firefox', 'webkit'];
const BINARIES = {
  chromium: [process.env.CHROME_PATH || '/usr/bin/chromium'],
  firefox: [process.env.FIREFOX_PATH || '/usr/bin/firefox-esr'],
  webkit: [
    process.env.WEBKIT_WEBDRIVER_PATH || '/usr/bin/WebKitWebDriver',
    process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/bin/xvfb-run',
  ],
};

const engines = (process.env.BROWSERS || ENGINES.join(','))
  .split(',')
  .map((e) => e.trim())
  .filter(Boolean);
for (const e of engines) {
  if (!ENGINES.includes(e)) {
    console.error(`BROWSERS: unknown engine ${e} (known: ${ENGINES.join(', ')})`);
    process.exit(2);
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));
const wtr = fileURLToPath(new URL('../node_modules/@web/test-runner/dist/bin.js', import.meta.url));
const results = [];

/** web-test-runner's report of each failed test: the file, « ❌ test name » and the error's first lines. */
function failuresIn(output) {
  // eslint-disable-next-line no-control-regex -- terminal colour codes
  const lines = output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '').split('\n');
  const found = [];
  let file = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\S.*\.test\.ts:\s*$/.test(line)) file = line.trim();
    if (line.includes('❌')) found.push([file, ...lines.slice(i, i + 8)].join('\n'));
  }
  return [...new Set(found)];
}

for (const engine of engines) {
  const missing = BINARIES[engine].filter((b) => !existsSync(b));
  if (missing.length) {
    console.error(`\n${engine}: missing ${missing.join(', ')} (.ci/run installs it)`);
    results.push({ engine, code: 1, seconds: 0, counts: undefined });
    continue;
  }
  console.log(`\n== web-test-runner in ${engine}`);
  const start = process.hrtime.bigint();
  let tail = '';
  let output = '';
  const child = spawn(process.execPath, [wtr, ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, BROWSERS: engine },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    tail = (tail + chunk.toString()).slice(-4000);
    output += chunk.toString();
  });
  const code = await new Promise((done) => child.on('close', (c, signal) => done(c ?? (signal ? 1 : 0))));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  // The last progress line: « Firefox: |████| 19/19 test files | 1104 passed, 0 failed, 2 skipped ».
  // eslint-disable-next-line no-control-regex -- terminal colour codes
  const plain = tail.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
  const all = [...plain.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)];
  const last = all.at(-1);
  const counts = last ? { passed: Number(last[1]), failed: Number(last[2]), skipped: Number(last[3] ?? 0) } : undefined;
  results.push({ engine, code, seconds, counts, failures: failuresIn(output) });
}

console.log('\n== Browser tests by engine');
for (const { engine, code, seconds, counts } of results) {
  const what = counts ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : 'no result';
  console.log(`${engine.padEnd(9)} ${code === 0 ? 'ok  ' : 'FAIL'} ${what} (${seconds.toFixed(1)} s)`);
}
// The failed tests with their first lines of error, repeated at the end: CI logs keep only the tail of the output.
for (const { engine, failures } of results) {
  if (failures.length) console.log(`\n== Failed in ${engine}\n${failures.join('\n')}`);
}
const sum = (k) => results.reduce((n, r) => n + (r.counts?.[k] ?? 0), 0);
const failed = results.some((r) => r.code !== 0);
console.log(
  `browsers: ${sum('passed')} passed, ${sum('failed') || (failed ? 1 : 0)} failed, ${sum('skipped')} skipped`,
);
process.exit(failed ? 1 : 0);
