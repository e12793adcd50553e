// The committed map geometry (data/geo/) is what scripts/geo-build.mjs makes from its source, and says what
// data/geo/README.md says it does. Run by `npm test` (node --test test/node/).
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { buildGeometry, RECIPES, sourceDir } from '../../scripts/geo-build.mjs';
import { copyGeometry, GEO_FILES, PROJECTED_FILES } from '../../scripts/copy-geo.mjs';

const read = (file) => readFileSync(resolve(sourceDir, file), 'utf8');

test('the committed TopoJSON files are byte for byte what `npm run geo:build` writes', async () => {
  const built = await buildGeometry();
  assert.deepEqual(Object.keys(built).sort(), Object.keys(RECIPES).sort());
  for (const [file, text] of Object.entries(built)) {
    assert.ok(text === read(file), `data/geo/${file} differs from the recipe's output: run npm run geo:build`);
  }
});

test('régions and départements match departement-region.csv (codes, names, membership, sort order, ids)', () => {
  const csv = read('departement-region.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [dep, region, nom] = line.split(',');
      return { dep, region, nom: nom.replace(/^"|"$/g, '') };
    });
  const regionNames = new Map(csv.map((r) => [r.region, r.nom]));
  const departements = JSON.parse(read('france-departements.topo.json'));
  const deps = departements.objects.departements.geometries;
  assert.equal(deps.length, 101);
  assert.deepEqual(
    deps.map((g) => g.id),
    [...csv.map((r) => r.dep)].sort(),
  );
  for (const g of deps) {
    assert.equal(g.id, g.properties.code);
    assert.equal(g.properties.region, csv.find((r) => r.dep === g.id).region, `région of ${g.id}`);
    assert.ok(g.properties.nom.length > 1);
  }
  for (const file of ['france-departements.topo.json', 'france-regions.topo.json']) {
    const regions = JSON.parse(read(file)).objects.regions.geometries;
    assert.equal(regions.length, 18, file);
    assert.deepEqual(
      regions.map((g) => g.id),
      [...regionNames.keys()].sort(),
      file,
    );
    for (const g of regions) {
      assert.deepEqual(g.properties, { code: g.id, nom: regionNames.get(g.id) }, `${file} ${g.id}`);
    }
  }
  // Régions dissolved in the same topology: every arc of a région is an arc of one of its départements.
  const arcsOf = (geometry) =>
    new Set(
      JSON.stringify(geometry.arcs)
        .match(/-?\d+/g)
        .map((i) => (+i < 0 ? ~+i : +i)),
    );
  for (const region of departements.objects.regions.geometries) {
    const own = new Set(deps.filter((d) => d.properties.region === region.id).flatMap((d) => [...arcsOf(d)]));
    for (const arc of arcsOf(region)) assert.ok(own.has(arc), `arc ${arc} of région ${region.id}`);
  }
});

test('the build copies the geometry with its attribution and licence texts, and each level projected', async () => {
  const out = mkdtempSync(resolve(tmpdir(), 'relance-geo-'));
  try {
    const target = await copyGeometry(out);
    assert.deepEqual(readdirSync(target).sort(), [...GEO_FILES, ...Object.keys(PROJECTED_FILES)].sort());
    assert.match(readFileSync(resolve(target, 'ATTRIBUTION.md'), 'utf8'), /Licence Ouverte/);
    for (const file of Object.keys(PROJECTED_FILES)) {
      const projected = JSON.parse(readFileSync(resolve(target, file), 'utf8'));
      assert.match(projected.source, /IGN – ADMIN EXPRESS COG/, file);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
