// Builds the pages shipped next to the CDN bundle (in cdn/, so also in the npm package and demo-dist/), each with
// its own script, loaded only on its page (the widgets' bundle stays as it is):
// - cdn/embed.html, embed.js, resize.js: the embed page for CMS without scripts (src/embed/), its one script holding
//   the widgets and the page, named by its hash in the page's policy (also its integrity attribute);
// - cdn/builder.html, builder.js, builder.css: the builder for webmasters (src/builder/).
// Usage: node scripts/build-pages.mjs   (after `vite build --mode cdn`; `npm run build:cdn` runs both)
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const cdn = join(root, 'cdn');
if (!existsSync(join(cdn, 'france-relance-widgets.js'))) {
  console.error('cdn/france-relance-widgets.js is missing: run `vite build --mode cdn` first');
  process.exit(2);
}

/** One page's script: an ES module, minified, no dependency on the widgets' code (the page loads their bundle). */
async function bundle(entry, fileName) {
  await build({
    configFile: false,
    logLevel: 'warn',
    root,
    build: {
      outDir: cdn,
      emptyOutDir: false,
      target: 'es2021',
      minify: 'terser',
      sourcemap: false,
      copyPublicDir: false,
      rollupOptions: {
        input: join(root, entry),
        preserveEntrySignatures: false,
        output: { format: 'es', entryFileNames: fileName, codeSplitting: false },
      },
    },
  });
}

/** The SRI hash of a built file, as both `integrity` and a CSP source take it. */
const sri = (file) =>
  `sha384-${createHash('sha384')
    .update(readFileSync(join(cdn, file)))
    .digest('base64')}`;

/** Copies a page, with the hashes of the scripts it loads in its policy and integrity attributes. */
function page(from, to, hashes) {
  let html = readFileSync(join(root, from), 'utf8');
  for (const [key, file] of Object.entries(hashes)) html = html.replaceAll(`%${key}%`, sri(file));
  if (/%[A-Z_]+%/.test(html)) throw new Error(`${from}: a placeholder is left`);
  writeFileSync(join(cdn, to), html);
}

/**
 * A page's script with every widget in it, built as the one-file bundle is (the CDN build's template minifier and
 * names), but with nothing left to load later: what the bundle imports on demand is inlined.
 */
async function bundleWithWidgets(entry, fileName) {
  await build({
    configFile: join(root, 'vite.config.ts'),
    mode: 'cdn-bundle',
    logLevel: 'warn',
    build: {
      sourcemap: false,
      rollupOptions: { input: join(root, entry), output: { entryFileNames: fileName, codeSplitting: false } },
    },
  });
}

await bundleWithWidgets('src/embed/page.ts', 'embed.js');
page('src/embed/embed.html', 'embed.html', { EMBED_HASH: 'embed.js' });
copyFileSync(join(root, 'src/embed/resize.js'), join(cdn, 'resize.js'));
await bundle('src/builder/builder.ts', 'builder.js');
page('src/builder/builder.html', 'builder.html', {
  WIDGETS_HASH: 'france-relance-widgets.bundle.js',
  BUILDER_HASH: 'builder.js',
});
copyFileSync(join(root, 'src/builder/builder.css'), join(cdn, 'builder.css'));
for (const f of ['embed.js', 'embed.html', 'resize.js', 'builder.js', 'builder.html', 'builder.css'])
  console.log(`cdn/${f} ${statSync(join(cdn, f)).size} bytes`);
