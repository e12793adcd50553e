#!/usr/bin/env node
// Benchmarks in headless Chromium, against the CDN bundle.
//
//   node bench/run.mjs            every case in bench/cases/
//   node bench/run.mjs list       only the named case(s)
//   node bench/run.mjs --runs=5   runs per measurement (default 3, or the case's `defaultRuns`; medians are reported)
//
// A case is a module bench/cases/<name>.mjs exporting `name`, `description` and
// `run({ browser, baseUrl, root, data, log, runs })`, which resolves to
// `{ results: object[], table: { headers: string[], rows: string[][] }, notes?: string[] }`
// (or `tables: [{ title?, headers, rows, align? }]` for several tables; `align`: 'left' | 'right' per column).
// A case may export `defaultRuns`, used when --runs is not given.
// Prints the Markdown tables of each case and writes bench/results/latest.json (gitignored).
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { ensureBundle } from './lib/build.mjs';
import { fictitiousData } from './lib/data.mjs';
import { serve } from './lib/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const log = (s) => console.error(s);

const available = readdirSync(resolve(here, 'cases'))
  .filter((f) => f.endsWith('.mjs'))
  .map((f) => f.slice(0, -4))
  .sort();
const args = process.argv.slice(2);
const runsArg = args.find((a) => a.startsWith('--runs='));
const runs = runsArg ? Math.max(1, Number(runsArg.slice(7)) || 1) : 3;
/** Runs for a case: --runs if given, else the case's `defaultRuns`, else 3. */
const runsFor = (mod) =>
  runsArg ? runs : Number.isInteger(mod.defaultRuns) && mod.defaultRuns > 0 ? mod.defaultRuns : runs;
const wanted = args.filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length) {
  console.error(`Unknown case(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}
const selected = wanted.length ? wanted : available;

ensureBundle(root, { log });
const server = await serve(root);
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
  ],
});

const report = {
  date: new Date().toISOString(),
  browser: `Chromium ${browser.version()}`,
  node: process.version,
  machine: `${platform()} ${arch()}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB`,
  runs,
  cases: {},
};
const markdown = [`Benchmarks – ${report.browser}, ${report.machine}`, ''];
let failed = false;
try {
  for (const caseName of selected) {
    const mod = await import(pathToFileURL(resolve(here, 'cases', `${caseName}.mjs`)).href);
    log(`Case ${caseName}: ${mod.description ?? ''}`);
    try {
      const out = await mod.run({
        browser,
        baseUrl: server.url,
        root,
        data: (count) => fictitiousData(root, count, { log }),
        log,
        runs: runsFor(mod),
      });
      report.cases[caseName] = {
        description: mod.description,
        runs: runsFor(mod),
        results: out.results,
        notes: out.notes ?? [],
      };
      markdown.push(`### ${caseName}: ${mod.description ?? ''}`, '');
      for (const table of out.tables ?? [out.table]) {
        if (table.title) markdown.push(`**${table.title}**`, '');
        const rule = (i) =>
          table.align ? (table.align[i] === 'right' ? ' ---: ' : ' --- ') : i === 0 ? ' ---: ' : ' --- ';
        markdown.push(`| ${table.headers.join(' | ')} |`, `|${table.headers.map((_, i) => rule(i)).join('|')}|`);
        for (const row of table.rows) markdown.push(`| ${row.join(' | ')} |`);
        markdown.push('');
      }
      markdown.push(...(out.notes ?? []).map((n) => `- ${n}`), '');
    } catch (e) {
      failed = true;
      report.cases[caseName] = { error: String(e?.stack ?? e) };
      markdown.push(`### ${caseName}: FAILED`, '', '```', String(e?.message ?? e), '```', '');
    }
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(markdown.join('\n'));
mkdirSync(resolve(here, 'results'), { recursive: true });
writeFileSync(resolve(here, 'results/latest.json'), JSON.stringify(report, null, 2) + '\n');
log(`Wrote bench/results/latest.json`);
process.exit(failed ? 1 : 0);
