/**
 * Vite: the demo server (`npm start`) and the self-contained CDN bundle (`vite build --mode cdn`
 * → `cdn/france-relance-widgets.js`). The npm build of `dist/` is plain `tsc` (unbundled ESM).
 *
 * Map geometry is read from data/geo/ (or GEO_DIR; rebuilt from its source by `npm run geo:build`) and served at
 * `…/geo/<file>` in development, and copied next to the bundle (`cdn/geo/`) at build time, with the levels
 * projected in advance (`*.projected.json`, see scripts/copy-geo.mjs).
 */
import { createReadStream, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { copyGeometry, geoDir, projectedGeometry } from './scripts/copy-geo.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Serves `…/geo/<file>` from data/geo/ in development, and `/vendor/dsfr/…` from DSFR. */
function geometry(outDir?: string): Plugin {
  const dsfr = resolve(root, 'node_modules/@gouvfr/dsfr/dist');
  return {
    name: 'relance-geometry',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        // The address Vite prints (http://localhost:5173/) opens the demo pages.
        if (req.url === '/' || req.url === '/index.html') {
          res.statusCode = 302;
          res.setHeader('Location', '/demo/');
          res.end();
          return;
        }
        const vendor = /^\/vendor\/dsfr\/([\w./-]+)(?:\?.*)?$/.exec(req.url ?? '');
        if (vendor && !vendor[1]!.includes('..')) {
          req.url = `/@fs${resolve(dsfr, vendor[1]!)}`;
          return next();
        }
        const match = /\/geo\/([\w.-]+\.(?:json|md))(?:\?.*)?$/.exec(req.url ?? '');
        // Files the build derives from the geometry (the levels projected in advance), computed once.
        const derived = match ? projectedGeometry(basename(match[1]!)) : undefined;
        if (derived) {
          derived.then(
            (text) => {
              res.setHeader('Content-Type', 'application/json');
              res.end(text);
            },
            (e: unknown) => next(e),
          );
          return;
        }
        const file = match ? resolve(geoDir, basename(match[1]!)) : undefined;
        if (!file || !existsSync(file)) return next();
        res.setHeader('Content-Type', file.endsWith('.md') ? 'text/markdown; charset=utf-8' : 'application/json');
        createReadStream(file).pipe(res);
      });
    },
    async closeBundle() {
      if (outDir) await copyGeometry(outDir);
    },
  };
}

const canOpen = process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);

export default defineConfig(({ mode }) => {
  if (mode === 'cdn') {
    const outDir = resolve(root, 'cdn');
    return {
      // Minifies the HTML and CSS inside Lit's html`` and css`` templates (after TypeScript is stripped). Whitespace is
      // collapsed to one space, not removed: spaces between a binding and an element are text (« Aucun lauréat · 3
      // régions », not « Aucun lauréat· 3 régions »).
      plugins: [minifyHTML({ failOnError: true, options: { minifyOptions: { conservativeCollapse: true } } }) as Plugin, geometry(outDir)],
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2021',
        // terser packs this bundle about 10 % smaller (gzip) than the default minifier.
        minify: 'terser',
        terserOptions: {
          module: true,
          ecma: 2020,
          safari10: false,
          // hoist_funs groups the function declarations at the top of each scope: about 900 bytes less after gzip.
          compress: { passes: 2, hoist_funs: true },
          // Private members are named `_name` (TypeScript `private`, never read by tests nor from outside): their
          // names are shortened. Lit's own internals are `_$…` and are left alone, as is anything quoted.
          mangle: { properties: { regex: /^_[A-Za-z]/, keep_quoted: true } },
          // No /* @__PURE__ */ annotations (nothing tree-shakes this file further); non-ASCII characters escaped
          // (« é » as \xe9 packs about 150 bytes smaller after gzip than its two UTF-8 bytes).
          format: { comments: false, preserve_annotations: false, ascii_only: true },
        },
        sourcemap: true,
        // Not `build.lib`: in library mode Vite keeps terser's /* @__PURE__ */ annotations.
        rollupOptions: {
          input: resolve(root, 'src/all.ts'),
          preserveEntrySignatures: 'strict',
          output: { format: 'es', entryFileNames: 'france-relance-widgets.js', inlineDynamicImports: true },
        },
      },
    };
  }
  return {
    plugins: [geometry()],
    server: { open: canOpen ? '/demo/' : false, port: 5173 },
    preview: { port: 4173 },
  };
});
