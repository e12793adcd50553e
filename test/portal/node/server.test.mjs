// Node-side tests of the portal test server and of the adapters' weight (`node --test test/portal/node/`):
// its answers have the shapes of the portals' documented answers (../fixtures/), its parser reads what the adapters
// write, and the part of the adapters that widgets import statically stays small (the rest loads on demand).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { listen, TABULAR_RID, TABULAR_RID_NO_AGGREGATION } from '../server.mjs';
import { matchText, parseWhere } from '../odsql-parse.mjs';
import { parseList } from '../tabular.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name) => JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

/** Same keys (objects), same element shape (arrays), same types (null matches anything). */
function sameShape(got, want, path = '$') {
  if (want === null || got === null) return;
  if (Array.isArray(want)) {
    assert.ok(Array.isArray(got), `${path}: an array`);
    if (want.length && got.length) sameShape(got[0], want[0], `${path}[0]`);
    return;
  }
  if (typeof want === 'object') {
    assert.equal(typeof got, 'object', `${path}: an object`);
    assert.deepEqual(Object.keys(got).sort(), Object.keys(want).sort(), `${path}: keys`);
    for (const k of Object.keys(want)) sameShape(got[k], want[k], `${path}.${k}`);
    return;
  }
  assert.equal(typeof got, typeof want, `${path}: ${typeof want}`);
}

describe('portal test server (20 000 rows)', () => {
  let server;
  const ods = (query) =>
    `${server.url}/__portal/ods/node/-/api/explore/v2.1/catalog/datasets/plan-de-relance/records?${query}`;
  const tab = (query, rid = TABULAR_RID) => `${server.url}/__portal/tabular/node/-/api/resources/${rid}/data/?${query}`;
  const get = async (url) => {
    const r = await fetch(url);
    return { status: r.status, headers: r.headers, json: await r.json() };
  };

  before(async () => {
    server = await listen({ rows: 20_000 });
    await server.portal.ready();
  });
  after(() => server.close());

  it('records: total_count and flat records, as the Explore API v2.1 documents them', async () => {
    const { status, json, headers } = await get(ods('limit=3'));
    assert.equal(status, 200);
    assert.equal(headers.get('access-control-allow-origin'), '*');
    assert.equal(json.total_count, 20_000);
    assert.equal(json.results.length, 3);
    sameShape(json, fixture('ods-records.json'));
  });

  it('aggregates: one result per group, keyed by the aliases', async () => {
    const select = encodeURIComponent(
      'type_entreprise, count(*) AS laureats, sum(montant_participation_etat) AS montant, count(montant_participation_etat) AS montant_n',
    );
    const { json } = await get(ods(`select=${select}&group_by=type_entreprise&limit=100`));
    sameShape(json, fixture('ods-aggregate.json'));
    assert.equal(
      json.results.reduce((s, r) => s + r.laureats, 0),
      20_000,
    );
  });

  it('errors: a bad query, an unknown field, a limit, a 429, with the API’s bodies', async () => {
    const bad = await get(ods(`where=${encodeURIComponent('(a = "x"')}`));
    assert.equal(bad.status, 400);
    sameShape(bad.json, fixture('ods-error-odsql.json'));
    const unknown = await get(ods(`select=${encodeURIComponent('sum(montant_inexistant) AS m')}`));
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.message, /Unknown field: montant_inexistant/);
    const limit = await get(ods('limit=500'));
    assert.equal(limit.status, 400);
    sameShape(limit.json, fixture('ods-error-limit.json'));
    const deep = await get(ods('limit=20&offset=9990'));
    assert.equal(deep.status, 400);
    const quota = await get(
      `${server.url}/__portal/ods/q429/429x1/api/explore/v2.1/catalog/datasets/plan-de-relance/records`,
    );
    assert.equal(quota.status, 429);
    assert.equal(quota.headers.get('x-ratelimit-remaining'), '0');
    sameShape(quota.json, fixture('ods-error-429.json'));
    const after = await get(
      `${server.url}/__portal/ods/q429/429x1/api/explore/v2.1/catalog/datasets/plan-de-relance/records`,
    );
    assert.equal(after.status, 200);
  });

  it('tabular API: data, links and meta; aggregation; its errors', async () => {
    const data = await get(
      tab('page_size=2&columns=entreprise,type_entreprise,code_departement,nom_region,montant_participation_etat'),
    );
    sameShape(data.json, fixture('tabular-data.json'));
    assert.equal(data.json.meta.total, 20_000);
    assert.deepEqual(
      data.json.data.map((r) => r.__id),
      [1, 2],
    );
    const agg = await get(tab('type_entreprise__groupby&__id__count&montant_participation_etat__sum'));
    sameShape(agg.json, fixture('tabular-aggregation.json'));
    const refused = await get(tab('type_entreprise__groupby&__id__count', TABULAR_RID_NO_AGGREGATION));
    assert.equal(refused.status, 403);
    sameShape(refused.json, fixture('tabular-error.json'));
    const malformed = await get(tab('a=b=c'));
    assert.equal(malformed.status, 400);
    sameShape(malformed.json, fixture('tabular-error.json'));
    const column = await get(tab('montant_inexistant__exact=1'));
    assert.equal(column.status, 400);
    sameShape(column.json, fixture('tabular-error-database.json'));
    const big = await get(tab('page_size=51'));
    assert.equal(big.status, 400);
  });

  it('direct SQL: SELECT only', async () => {
    const post = (sql) =>
      fetch(`${server.url}/__portal/sql`, { method: 'POST', body: JSON.stringify({ sql }) }).then(async (r) => ({
        status: r.status,
        json: await r.json(),
      }));
    assert.equal((await post('SELECT count(*) AS n FROM records')).json.rows[0].n, 20_000);
    assert.equal((await post('DELETE FROM records')).status, 400);
    assert.equal((await post('SELECT 1; DELETE FROM records')).status, 400);
  });
});

describe('portal test server: parsing', () => {
  it('string literals with escapes, keywords inside strings, search words', () => {
    assert.deepEqual(parseWhere('f = "a \\" OR \\\\ b" AND NOT g IS NULL'), {
      type: 'and',
      left: { type: 'cmp', field: { type: 'field', name: 'f' }, op: '=', value: 'a " OR \\ b' },
      right: { type: 'not', expr: { type: 'null', field: { type: 'field', name: 'g' }, negated: false } },
    });
    assert.equal(matchText("l'Atelier* Saint-Étienne"), '"l" "atelier*" "saint" "etienne"');
    assert.throws(() => parseWhere('f = "x'), /unterminated/);
    assert.throws(() => parseWhere('f = "x" OR'), /expected/);
  });

  it('PostgREST lists: quoted values with commas, quotes and backslashes', () => {
    assert.deepEqual(parseList('a,"b,c","d\\"e","f\\\\g"'), ['a', 'b,c', 'd"e', 'f\\g']);
  });
});

describe('portal adapters: what the widgets’ bundle carries', () => {
  /**
   * Bundles an entry, everything outside src/query/portal/ external (already in the widgets' common code); with
   * `staticOnly`, the adapters too (what a page that never uses a portal downloads).
   */
  async function sizes(entry, { staticOnly = false } = {}) {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      splitting: !staticOnly,
      format: 'esm',
      minify: true,
      write: false,
      outdir: '/tmp/portal-size',
      absWorkingDir: root,
      plugins: [
        {
          name: 'common-external',
          setup(build) {
            build.onResolve({ filter: /^\.\.?\// }, (args) => {
              const path = new URL(args.path, `file://${args.resolveDir}/`).pathname;
              const adapter = /\/(ods|tabular)-source\.js$/.test(path);
              return path.includes('/src/query/portal/') && !(staticOnly && adapter)
                ? undefined
                : { path: args.path, external: true };
            });
          },
        },
      ],
    });
    return result.outputFiles.map((f) => ({ file: f.path.split('/').pop(), gzip: gzipSync(f.contents).length }));
  }

  it('the static part (load.ts: address check, adapter choice, field-* attributes, errors) is under 3 kB gzip; adapters are chunks of their own', async () => {
    const [entry] = await sizes('src/query/portal/load.ts', { staticOnly: true });
    const all = await sizes('src/query/portal/load.ts');
    console.log(
      `portal: static part ${entry.gzip} B gzip; on demand: ${all.map((f) => `${f.file} ${f.gzip} B`).join(', ')}`,
    );
    assert.ok(entry.gzip < 3000, `the static part is ${entry.gzip} bytes gzip`);
    assert.ok(all.length >= 3, 'the adapters are chunks of their own');
  });
});
