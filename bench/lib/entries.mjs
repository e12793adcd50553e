// Each element's entry (src/components/<dir>/relance-<dir>.ts) bundled with its dependencies,
// minified, exactly as scripts/size.mjs measures it (same Vite options: es2021, minify, one file,
// no Lit template minifier), but written to .cache/bench/entries/ so that the benchmark pages serve
// the very files whose size is reported. The map geometry is copied to .cache/bench/entries/geo/,
// where the map's default geometry URL (geo/ next to the module) resolves. Each file gets a hidden source map
// (<name>.js.map, no sourceMappingURL comment: the served file is byte for byte the one measured), which the case
// breakdown uses to tell our code from Lit's and D3's in a CPU profile.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Gzip size, level 9 (as scripts/size.mjs). */
export const gzipSize = (buf) => gzipSync(buf, { level: 9 }).length;

/** Newest modification time (ms) of the files under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

/** Entry files of the elements: `{ name: 'relance-funding-donut', entry: '/abs/src/components/…/relance-funding-donut.ts' }`. */
export function elementEntries(root) {
  const components = resolve(root, 'src/components');
  return readdirSync(components)
    .sort()
    .map((dir) => ({ name: `relance-${dir}`, entry: join(components, dir, `relance-${dir}.ts`) }))
    .filter((e) => existsSync(e.entry));
}

/**
 * Bundles every element entry into `.cache/bench/entries/<name>.js` (rebuilt when `src/` is newer) and
 * copies the geometry next to them. Resolves to `[{ name, file (URL path from the root), map (absolute path of
 * its source map), raw, gzip }]`.
 */
export async function ensureEntries(root, { log = console.log } = {}) {
  const outDir = resolve(root, '.cache/bench/entries');
  mkdirSync(outDir, { recursive: true });
  const sources = Math.max(newest(resolve(root, 'src')), statSync(resolve(root, 'package-lock.json')).mtimeMs);
  const entries = elementEntries(root);
  const { build } = await import('vite');
  const out = [];
  for (const { name, entry } of entries) {
    const file = join(outDir, `${name}.js`);
    if (!existsSync(file) || !existsSync(`${file}.map`) || statSync(file).mtimeMs < sources) {
      log(`Bundling ${name} with its dependencies…`);
      await build({
        configFile: false,
        logLevel: 'error',
        root,
        build: {
          write: true,
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          minify: true,
          sourcemap: 'hidden',
          target: 'es2021',
          lib: { entry, formats: ['es'], fileName: () => `${name}.js` },
          rollupOptions: { output: { codeSplitting: false } },
        },
      });
    }
    const buf = readFileSync(file);
    out.push({
      name,
      file: `/${relative(root, file).split('\\').join('/')}`,
      map: `${file}.map`,
      raw: buf.length,
      gzip: gzipSize(buf),
    });
  }
  // The map loads geo/<file> next to its module.
  const { copyGeometry } = await import(new URL('../../scripts/copy-geo.mjs', import.meta.url).href);
  await copyGeometry(relative(root, outDir));
  return out;
}
