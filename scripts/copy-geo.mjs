// Copies the map geometry (never committed) from ../shared/data/geo (or GEO_DIR) into <outdir>/geo/,
// with its attribution and licence texts. Used by the dist build and by vite.config.ts for cdn/.
// Usage: node scripts/copy-geo.mjs <outdir>
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const geoDir = resolve(root, process.env.GEO_DIR ?? '../shared/data/geo');
export const GEO_FILES = [
  'france-regions.topo.json',
  'france-departements.topo.json',
  'ATTRIBUTION.md',
  'LICENCE-OUVERTE-2.0.fr.md',
  'OPEN-LICENCE-2.0.en.md',
];

export function copyGeometry(outDir) {
  const target = resolve(root, outDir, 'geo');
  mkdirSync(target, { recursive: true });
  for (const file of GEO_FILES) {
    const from = resolve(geoDir, file);
    if (!existsSync(from)) throw new Error(`Map geometry not found: ${from} (clone next to ../shared or set GEO_DIR)`);
    copyFileSync(from, resolve(target, file));
    chmodSync(resolve(target, file), 0o644);
  }
  return target;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const out = process.argv[2];
  if (!out) {
    console.error('usage: node scripts/copy-geo.mjs <outdir>');
    process.exit(2);
  }
  console.log(`geometry copied to ${copyGeometry(out)}`);
}
