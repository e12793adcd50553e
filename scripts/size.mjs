// Prints the gzip size of what a page downloads: the whole CDN bundle, each element's entry bundled
// with its dependencies (minified, as a bundler would ship it), and the map geometry files.
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
const cdn = join(root, 'cdn/france-relance-widgets.js');
if (!existsSync(cdn)) {
  console.error('cdn/ is missing: run `npm run build` first');
  process.exit(2);
}
const cdnBuf = readFileSync(cdn);
rows.push({ what: 'cdn/france-relance-widgets.js (every widget)', raw: cdnBuf.length, gzip: gz(cdnBuf) });

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
      rollupOptions: { output: { inlineDynamicImports: true } },
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
