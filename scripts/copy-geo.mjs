// Copies the map geometry from data/geo/ (or GEO_DIR) into <outdir>/geo/, with its
// attribution and licence texts, and writes next to it each level already projected (`*.projected.json`, what the
// map loads by default: see ProjectedGeometry in src/layout/map/projected-geometry.ts). Used by the dist build, by
// vite.config.ts for cdn/ (and the dev server), by the test runner's middleware and by the benchmarks.
// Usage: node scripts/copy-geo.mjs <outdir>
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const geoDir = resolve(root, process.env.GEO_DIR ?? 'data/geo');
export const GEO_FILES = [
  'france-regions.topo.json',
  'france-departements.topo.json',
  'ATTRIBUTION.md',
  'LICENCE-OUVERTE-2.0.fr.md',
  'OPEN-LICENCE-2.0.en.md',
];

/** Derived files: one level of a TopoJSON file, projected at build time. */
export const PROJECTED_FILES = {
  'france-regions.projected.json': { topology: 'france-regions.topo.json', level: 'region' },
  'france-departements.projected.json': { topology: 'france-departements.topo.json', level: 'departement' },
};

let layoutModule;
/**
 * src/layout/map/projected-geometry.ts, the code the map runs, so that the file is exactly what the map would compute:
 * transpiled by TypeScript with the modules it imports (src/layout/map/*.ts) into .cache/geo/, where their imports
 * (d3-geo) resolve.
 */
function mapLayout() {
  layoutModule ??= (async () => {
    const { default: ts } = await import('typescript');
    const dir = resolve(root, '.cache/geo');
    const entry = resolve(root, 'src/layout/map/projected-geometry.ts');
    const done = new Set();
    let mtime = 0;
    const transpile = (source) => {
      if (done.has(source)) return;
      done.add(source);
      const text = readFileSync(source, 'utf8');
      mtime = Math.max(mtime, statSync(source).mtimeMs);
      const { outputText } = ts.transpileModule(text, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
        fileName: source,
      });
      const file = resolve(dir, relative(resolve(root, 'src'), source).replace(/\.ts$/, '.js'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, outputText);
      // Relative imports of values (type-only imports are erased): './x.js' is the module './x.ts'.
      for (const [, specifier] of outputText.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)\.js'/g))
        transpile(resolve(dirname(source), `${specifier}.ts`));
    };
    transpile(entry);
    const file = resolve(dir, 'layout/map/projected-geometry.js');
    return import(`${pathToFileURL(file).href}?${mtime}`);
  })();
  return layoutModule;
}

const projected = new Map();
/** The text of a derived file of PROJECTED_FILES (computed once per process), or undefined for another name. */
export function projectedGeometry(name) {
  const spec = PROJECTED_FILES[name];
  if (!spec) return undefined;
  let text = projected.get(name);
  if (!text) {
    text = mapLayout().then(({ projectGeometry }) => {
      const from = resolve(geoDir, spec.topology);
      if (!existsSync(from))
        throw new Error(`Map geometry not found: ${from} (data/geo/ in the repository, or GEO_DIR)`);
      const geometry = projectGeometry(JSON.parse(readFileSync(from, 'utf8')), spec.level);
      geometry.source = `${spec.topology}, projected for level ${spec.level}; IGN – ADMIN EXPRESS COG (2018), Licence Ouverte 2.0: see ATTRIBUTION.md`;
      return JSON.stringify(geometry);
    });
    projected.set(name, text);
    text.catch(() => projected.delete(name));
  }
  return text;
}

export async function copyGeometry(outDir) {
  const target = resolve(root, outDir, 'geo');
  mkdirSync(target, { recursive: true });
  for (const file of GEO_FILES) {
    const from = resolve(geoDir, file);
    if (!existsSync(from)) throw new Error(`Map geometry not found: ${from} (data/geo/ in the repository, or GEO_DIR)`);
    copyFileSync(from, resolve(target, file));
    chmodSync(resolve(target, file), 0o644);
  }
  for (const file of Object.keys(PROJECTED_FILES)) {
    writeFileSync(resolve(target, file), await projectedGeometry(file));
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
  console.log(`geometry copied to ${await copyGeometry(out)}`);
}
