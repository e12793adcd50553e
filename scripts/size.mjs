// Prints the gzip size of what a page downloads: the loader alone, the one-file bundle, what a page with each widget
// (and with all of them) downloads through the loader (each file gzipped apart, as served), each element's entry
// bundled with its dependencies (minified, as an application's bundler would ship it), and the map geometry files.
// Usage: node scripts/size.mjs [--json FILE]   (run `npm run build` first)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

const rows = [];
const cdnDir = join(root, 'cdn');
const cdn = join(cdnDir, 'france-relance-widgets.js');
if (!existsSync(cdn)) {
  console.error('cdn/ is missing: run `npm run build` first');
  process.exit(2);
}
const file = (name) => readFileSync(join(cdnDir, name));
const cdnBuf = file('france-relance-widgets.js');
rows.push({
  what: 'cdn/france-relance-widgets.js (the loader alone: a page without any widget)',
  raw: cdnBuf.length,
  gzip: gz(cdnBuf),
});
const bundleBuf = file('france-relance-widgets.bundle.js');
rows.push({
  what: 'cdn/france-relance-widgets.bundle.js (every widget, one file)',
  raw: bundleBuf.length,
  gzip: gz(bundleBuf),
});
// A map also imports its geometry code (src/layout/map/map-engine.ts), beside the bundle, with its geometry.
const bundleEngine = file('frw-bundle-map-engine.js');
rows.push({
  what: 'the one-file bundle on a page with a map (2 files: + frw-bundle-map-engine.js)',
  raw: bundleBuf.length + bundleEngine.length,
  gzip: gz(bundleBuf) + gz(bundleEngine),
});

/** Files a widget always imports on demand: the map's geometry code, with its geometry. */
const ON_DEMAND = { 'relance-territory-map': ['frw-map-engine.js'] };

/**
 * The CDN files a page with this widget downloads through the loader: the loader, the widget's file and its imports
 * (and what it always imports on demand; not the portal's nor the downloads' files, which only some pages use).
 */
function pageFiles(tag) {
  const files = new Set(['france-relance-widgets.js']);
  const visit = (name) => {
    if (files.has(name)) return;
    files.add(name);
    for (const m of file(name)
      .toString()
      .matchAll(/(?:import|from)\s*["']\.\/(frw-[\w-]+\.js)["']/g))
      visit(m[1]);
  };
  visit(`frw-${tag}.js`);
  for (const name of ON_DEMAND[tag] ?? []) visit(name);
  return [...files];
}
const tags = readdirSync(cdnDir)
  .filter((f) => /^frw-relance-[\w-]+\.js$/.test(f))
  .map((f) => f.slice(4, -3));
for (const tag of tags) {
  const files = pageFiles(tag);
  const bufs = files.map(file);
  rows.push({
    what: `a page with <${tag}> through the loader (${files.length} files)`,
    raw: bufs.reduce((n, b) => n + b.length, 0),
    gzip: bufs.reduce((n, b) => n + gz(b), 0),
  });
}
const everyFiles = [...new Set(tags.flatMap(pageFiles))];
rows.push({
  what: `a page with every widget through the loader (${everyFiles.length} files)`,
  raw: everyFiles.reduce((n, f) => n + file(f).length, 0),
  gzip: everyFiles.reduce((n, f) => n + gz(file(f)), 0),
});

/** Bundles one entry with its dependencies, minified, in memory. */
async function bundle(entry) {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root,
    build: {
      write: false,
      minify: true,
      target: 'es2021',
      lib: { entry, formats: ['es'], fileName: () => 'entry.js' },
      rollupOptions: { output: { codeSplitting: false } },
    },
  });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  return Buffer.concat(chunks.map((c) => Buffer.from(c.code)));
}

const components = join(root, 'src/components');
for (const dir of readdirSync(components)) {
  const entry = join(components, dir, `relance-${dir}.ts`);
  if (!existsSync(entry)) continue;
  const buf = await bundle(entry);
  rows.push({ what: `relance-${dir} entry + dependencies`, raw: buf.length, gzip: gz(buf) });
}

for (const file of ['france-regions.topo.json', 'france-departements.topo.json']) {
  const path = join(root, 'cdn/geo', file);
  if (!existsSync(path)) continue;
  const buf = readFileSync(path);
  rows.push({ what: `geometry: ${file}`, raw: buf.length, gzip: gz(buf) });
}

console.log('| What | Minified | Gzip |\n|---|---:|---:|');
for (const r of rows) console.log(`| ${r.what} | ${kB(r.raw)} | ${kB(r.gzip)} |`);
const i = process.argv.indexOf('--json');
if (i > 0) writeFileSync(process.argv[i + 1], JSON.stringify(rows, null, 2));
