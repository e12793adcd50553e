/**
 * Vite: the demo server (`npm start`) and the self-contained CDN bundle (`vite build --mode cdn`
 * → `cdn/france-relance-widgets.js`). The npm build of `dist/` is plain `tsc` (unbundled ESM).
 *
 * Map geometry is never committed: it is read from ../shared/data/geo (or GEO_DIR) and served at
 * `…/geo/<file>` in development, and copied next to the bundle (`cdn/geo/`) at build time.
 */
import { copyFileSync, createReadStream, existsSync, mkdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
export const geoDir = resolve(root, process.env['GEO_DIR'] ?? '../shared/data/geo');
export const GEO_FILES = [
  'france-regions.topo.json',
  'france-departements.topo.json',
  'ATTRIBUTION.md',
  'LICENCE-OUVERTE-2.0.fr.md',
  'OPEN-LICENCE-2.0.en.md',
];

/** Copies the geometry files into `dir/geo/`. */
export function copyGeometry(dir: string): void {
  mkdirSync(resolve(dir, 'geo'), { recursive: true });
  for (const f of GEO_FILES) {
    const from = resolve(geoDir, f);
    if (!existsSync(from)) throw new Error(`Map geometry not found: ${from} (set GEO_DIR)`);
    copyFileSync(from, resolve(dir, 'geo', f));
  }
}

/** Serves `…/geo/<file>` from the shared geometry in development. */
function geometry(outDir?: string): Plugin {
  return {
    name: 'relance-geometry',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /\/geo\/([\w.-]+\.(?:json|md))(?:\?.*)?$/.exec(req.url ?? '');
        const file = match ? resolve(geoDir, basename(match[1]!)) : undefined;
        if (!file || !existsSync(file)) return next();
        res.setHeader('Content-Type', file.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/json');
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      if (outDir) copyGeometry(outDir);
    },
  };
}

const canOpen = process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);

export default defineConfig(({ mode }) => {
  if (mode === 'cdn') {
    const outDir = resolve(root, 'cdn');
    return {
      plugins: [geometry(outDir)],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2021',
        minify: true,
        sourcemap: true,
        lib: {
          entry: resolve(root, 'src/all.ts'),
          formats: ['es'],
          fileName: () => 'france-relance-widgets.js',
        },
        rollupOptions: { output: { inlineDynamicImports: true } },
      },
    };
  }
  return {
    plugins: [geometry()],
    server: { open: canOpen ? '/demo/' : false, port: 5173 },
    preview: { port: 4173 },
  };
});
