// Rebuilds the map geometry in data/geo/ from its source, with mapshaper (a dev dependency):
//   departements-avec-outre-mer.geojson + departement-region.csv → france-departements.topo.json, france-regions.topo.json
// Recipe (see data/geo/README.md): join the région of each département; weighted Visvalingam on the sphere keeping
// 15 % of removable vertices for metropolitan départements (10 % for the régions-only file) and 50 % for the five
// overseas ones; régions dissolved from départements in the same topology; TopoJSON quantized at 1e5 with
// fix-geometry; geometry id = code; features sorted by code.
// Usage: node scripts/geo-build.mjs            rewrite the two TopoJSON files
//        node scripts/geo-build.mjs --check    exit 1 when the committed files differ from what the recipe gives
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const sourceDir = resolve(root, 'data/geo');

const INPUT =
  '-i departements-avec-outre-mer.geojson -join departement-region.csv keys=code,dep string-fields=dep,region';
/** Keeps `metro` of the removable vertices of metropolitan départements (2-character codes), 50 % overseas (971…976). */
const simplify = (metro) => `-simplify variable percentage='code.length === 3 ? "50%" : "${metro}"'`;
const OUTPUT = 'format=topojson quantization=100000 fix-geometry id-field=code';

/** mapshaper commands for each file, run in data/geo/. */
export const RECIPES = {
  'france-departements.topo.json': [
    INPUT,
    simplify('15%'),
    '-sort code -rename-layers departements',
    '-dissolve region + name=regions copy-fields=region_nom target=departements',
    "-each 'code = region; nom = region_nom' target=regions -filter-fields code,nom target=regions -sort code target=regions",
    '-filter-fields code,nom,region target=departements',
    `-o france-departements.topo.json ${OUTPUT} target=departements,regions`,
  ].join(' '),
  'france-regions.topo.json': [
    INPUT,
    simplify('10%'),
    '-dissolve region name=regions copy-fields=region_nom',
    "-each 'code = region; nom = region_nom' -filter-fields code,nom -sort code",
    `-o france-regions.topo.json ${OUTPUT}`,
  ].join(' '),
};

/** Runs the recipes; resolves to `{ [file]: text }` without writing anything. */
export async function buildGeometry(dir = sourceDir) {
  const { default: mapshaper } = await import('mapshaper');
  // mapshaper reads its inputs (the GeoJSON, and the CSV of -join) from the working directory.
  const cwd = process.cwd();
  const files = {};
  process.chdir(dir);
  try {
    for (const [file, commands] of Object.entries(RECIPES)) {
      const output = await mapshaper.applyCommands(`${commands} -quiet`);
      const text = output[file];
      if (text === undefined) throw new Error(`mapshaper wrote ${Object.keys(output).join(', ')}, not ${file}`);
      files[file] = typeof text === 'string' ? text : Buffer.from(text).toString('utf8');
    }
  } finally {
    process.chdir(cwd);
  }
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const check = process.argv.includes('--check');
  const files = await buildGeometry();
  let stale = 0;
  for (const [file, text] of Object.entries(files)) {
    const path = resolve(sourceDir, file);
    if (check) {
      const same = readFileSync(path, 'utf8') === text;
      if (!same) stale++;
      console.log(`${same ? 'ok     ' : 'DIFFERS'} data/geo/${file}`);
    } else {
      writeFileSync(path, text);
      console.log(`wrote data/geo/${file} (${(text.length / 1024).toFixed(1)} kB)`);
    }
  }
  if (stale) {
    console.error(`${stale} file(s) differ from the recipe: run \`npm run geo:build\` and commit the result`);
    process.exit(1);
  }
}
