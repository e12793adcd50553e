/**
 * Vite: the demo server (`npm start`) and the self-contained CDN bundle (`vite build --mode cdn`
 * → `cdn/france-relance-widgets.js`). The npm build of `dist/` is plain `tsc` (unbundled ESM).
 *
 * Map geometry is read from data/geo/ (or GEO_DIR; rebuilt from its source by `npm run geo:build`) and served at
 * `…/geo/<file>` in development, and copied next to the bundle (`cdn/geo/`) at build time, with the levels
 * projected in advance (`*.projected.json`, see scripts/copy-geo.mjs).
 */
import { createReadStream, existsSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';
import { defineConfig } from 'vite';
import { copyGeometry, geoDir, projectedGeometry } from './scripts/copy-geo.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The local portal test server, started on the first `/__portal/` request of the dev server. */
let portalServer: Promise<{ handle: (req: unknown, res: unknown) => Promise<boolean> }> | undefined;

/** Serves `…/geo/<file>` from data/geo/ in development, `/vendor/dsfr/…` from DSFR, and `/__portal/` (the demo's portal). */
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
        // The demo's « Données du portail » page: the local portal test server (fictitious rows, SQLite in WebAssembly),
        // as the test runner mounts it; loaded on its first request (development only, never built).
        if (req.url?.startsWith('/__portal/')) {
          portalServer ??= import('./test/portal/server.mjs').then((m) => m.createPortalServer());
          portalServer
            .then((portal) => portal.handle(req, res))
            .then(
              (handled: boolean) => {
                if (!handled) next();
              },
              (e: unknown) => next(e),
            );
          return;
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

/** The portal adapters: src/query/portal/ but errors.ts (widgets import it). */
const PORTAL_ADAPTERS = /\/src\/query\/portal\/(?!errors\.ts$)[\w-]+\.ts$/;

/**
 * The loader's chunks: what every widget needs (Lit, the base classes, texts, styles, data model, parts,
 * controllers) in one `common` chunk; each widget's own code (and its D3 modules) in the widget's chunk.
 */
function commonChunk(id: string): string | undefined {
  const path = id.split(sep).join('/');
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit|@lit-labs)\//.test(path)) return 'common';
  // The portal adapters (see PORTAL_ADAPTERS): one chunk loaded on demand, the first time a page uses `api`.
  if (PORTAL_ADAPTERS.test(path)) return 'portal';
  if (
    /\/src\/(base|i18n|events|parts|controllers|model|styles|fallback|query)\//.test(path) ||
    /\/src\/(events|geo-url|export\/export)\.ts$/.test(path) ||
    // What the map's widget and its geometry code (frw-map-engine.js, imported with the geometry) share.
    /\/src\/layout\/map\/(labels|round|types)\.ts$/.test(path)
  )
    return 'common';
  return undefined;
}

/**
 * Vite wraps each dynamic `import()` in its preload helper (about 1,5 kB before gzip) to fetch the chunk's own imports
 * and CSS in parallel. Ours have none to preload (no CSS files; the loader fetches the common chunk itself): the
 * helper is replaced by one that only calls the import.
 */
const noPreloadHelper: Plugin = {
  name: 'relance-no-preload-helper',
  enforce: 'pre',
  resolveId: (id) => (id === '\0vite/preload-helper.js' ? id : undefined),
  load: (id) => (id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (load) => load();' : undefined),
};

/**
 * Every import of a file beside the CDN files (`import("./frw-…")`: the map's geometry code, the portal adapters, the
 * downloads) tries again with a new address after a failure (`?retry=<n>`, as the loader does for the widgets): Firefox
 * keeps a failed module import failed for the page's life, so that « Réessayer » would otherwise never fetch it again.
 */
const RETRY_IMPORT = /\bimport\((["'])\.\/(frw-[\w.-]+\.js)\1\)/g;
const retryingImports: Plugin = {
  name: 'relance-retrying-imports',
  renderChunk(code) {
    if (!code.match(RETRY_IMPORT)) return null;
    const s = new MagicString(code);
    for (const m of code.matchAll(RETRY_IMPORT))
      s.overwrite(m.index, m.index + m[0].length, `__frwImport(${JSON.stringify(m[2])})`);
    s.prepend(
      'const __frwTries = new Map();\n' +
        'const __frwImport = (file) => {\n' +
        '  const n = __frwTries.get(file) || 0;\n' +
        '  return import(new URL(n ? `${file}?retry=${n}` : file, import.meta.url).href).catch((e) => {\n' +
        '    __frwTries.set(file, n + 1);\n' +
        '    throw e;\n' +
        '  });\n' +
        '};\n',
    );
    return { code: s.toString(), map: s.generateMap({ hires: true }) };
  },
};

const canOpen = process.platform !== 'linux' || Boolean(process.env['DISPLAY'] || process.env['WAYLAND_DISPLAY']);

export default defineConfig(({ mode }) => {
  if (mode === 'cdn' || mode === 'cdn-bundle') {
    const outDir = resolve(root, 'cdn');
    // Two builds into cdn/ (`npm run build:cdn` runs both): `cdn` the loader (france-relance-widgets.js, the one
    // script tag of a page) and each widget's code in its own chunk beside it, with the shared code in one common
    // chunk; `cdn-bundle` every widget in one file (france-relance-widgets.bundle.js) for pages whose policy lists
    // scripts by hash (the embed page) and for code that imports the classes.
    const split = mode === 'cdn';
    return {
      // Minifies the HTML and CSS inside Lit's html`` and css`` templates (after TypeScript is stripped). Whitespace is
      // collapsed to one space, not removed: spaces between a binding and an element are text (« Aucun lauréat · 3
      // régions », not « Aucun lauréat· 3 régions »).
      plugins: [
        minifyHTML({ failOnError: true, options: { minifyOptions: { conservativeCollapse: true } } }) as Plugin,
        geometry(outDir),
        noPreloadHelper,
        retryingImports,
      ],
      build: {
        outDir,
        emptyOutDir: split,
        target: 'es2021',
        // No <link rel=modulepreload> polyfill nor helper: the loader imports its chunks itself.
        modulePreload: false,
        cssCodeSplit: false,
        // terser packs this bundle about 10 % smaller (gzip) than the default minifier.
        minify: 'terser',
        terserOptions: {
          module: true,
          ecma: 2020,
          safari10: false,
          // hoist_funs groups the function declarations at the top of each scope: about 900 bytes less after gzip.
          compress: { passes: 2, hoist_funs: true },
          // Private members are named `_name` (TypeScript `private`, never read by tests nor from outside): in the
          // one-file build their names are shortened. Lit's own internals are `_$…` and are left alone, as is anything
          // quoted. Not in the chunks: terser mangles each chunk alone, so a base class's `_a` (common chunk) and a
          // widget's `_b` (its chunk) could get the same short name on one object.
          mangle: split ? true : { properties: { regex: /^_[A-Za-z]/, keep_quoted: true } },
          // No /* @__PURE__ */ annotations (nothing tree-shakes this file further); non-ASCII characters escaped
          // (« é » as \xe9 packs about 150 bytes smaller after gzip than its two UTF-8 bytes).
          // The loader keeps its `/* @vite-ignore */` comments: a Vite dev server serving cdn/ (`npm start`) then
          // leaves its computed imports alone without a warning.
          format: { comments: split ? /@vite-ignore/ : false, preserve_annotations: false, ascii_only: true },
        },
        sourcemap: true,
        // Not `build.lib`: in library mode Vite keeps terser's /* @__PURE__ */ annotations.
        rollupOptions: split
          ? {
              // The loader, and each widget's registration as an entry of its own (`frw-<tag>.js`, imported by the
              // loader by name: no bundler wrapper around the imports, and stable file names).
              input: {
                'france-relance-widgets': resolve(root, 'src/loader.ts'),
                ...Object.fromEntries(
                  ['dataset', 'funding-donut', 'key-figures', 'laureate-list', 'territory-map'].map((w) => [
                    `frw-relance-${w}`,
                    resolve(root, `src/components/${w}/relance-${w}.ts`),
                  ]),
                ),
              },
              preserveEntrySignatures: 'strict',
              output: {
                format: 'es',
                entryFileNames: '[name].js',
                // Next to the loader (not in a folder): the geometry's default URL is resolved against the module
                // that holds src/geo-url.ts, and must stay cdn/geo/.
                chunkFileNames: 'frw-[name].js',
                manualChunks: commonChunk,
              },
            }
          : {
              input: resolve(root, 'src/all.ts'),
              // 'allow-extension': what rolldown needs to leave the portal's dependencies in the bundle (below).
              preserveEntrySignatures: 'allow-extension',
              output: {
                format: 'es',
                entryFileNames: 'france-relance-widgets.bundle.js',
                // What a page uses only on demand is beside the bundle, imported the first time it is needed: the
                // portal adapters (`api`) and the downloads' files (a click on « Télécharger »). Everything else,
                // including what those two import from the widgets' code, stays in the bundle.
                chunkFileNames: 'frw-bundle-[name].js',
                codeSplitting: {
                  groups: [{ name: 'portal', test: PORTAL_ADAPTERS, includeDependenciesRecursively: false }],
                },
              },
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
