// Builds the demo pages as static files in demo-dist/: the pages as they are, the CDN bundle (with its
// geometry), the data files, and the part of DSFR the pages use (CSS, Marianne fonts, the icons the CSS
// references). Open them from any static file server: no other network access is needed.
// Usage: node scripts/build-demo.mjs   (after `npm run build:cdn`)
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const out = join(root, 'demo-dist');
const dsfr = join(root, 'node_modules/@gouvfr/dsfr/dist');
if (!existsSync(join(root, 'cdn/france-relance-widgets.js'))) {
  console.error('cdn/ is missing: run `npm run build:cdn` first');
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
const copy = (from, to) => {
  mkdirSync(dirname(join(out, to)), { recursive: true });
  cpSync(join(root, from), join(out, to), { recursive: true });
};
for (const f of readdirSync(join(root, 'demo')))
  if (/\.(html|css|js)$/.test(f) && !f.includes('scratch')) copy(`demo/${f}`, `demo/${f}`);
copy('cdn', 'cdn');
copy('data/communique-2021-12-21.json', 'data/communique-2021-12-21.json');
copy('data/demo', 'data/demo');
// DSFR: the stylesheet, and only the files it references (fonts, icons).
const css = readFileSync(join(dsfr, 'dsfr.min.css'), 'utf8');
copy('node_modules/@gouvfr/dsfr/dist/dsfr.min.css', 'vendor/dsfr/dsfr.min.css');
const refs = new Set([...css.matchAll(/url\((?!["']?data:)["']?([^"')]+)["']?\)/g)].map((m) => m[1].split(/[?#]/)[0]));
let n = 0;
for (const ref of refs) {
  if (!existsSync(join(dsfr, ref))) continue;
  copy(`node_modules/@gouvfr/dsfr/dist/${ref}`, `vendor/dsfr/${ref}`);
  n++;
}
copy('node_modules/@gouvfr/dsfr/LICENSE.md', 'vendor/dsfr/LICENSE.md');
console.log(
  `demo-dist/ written: ${readdirSync(join(out, 'demo')).length} demo files, cdn/, data/, DSFR CSS with ${n} referenced files`,
);
