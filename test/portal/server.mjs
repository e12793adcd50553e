// The local portal test server: the subset of Opendatasoft's Explore API v2.1 and of data.gouv.fr's tabular API that
// the portal adapters (src/query/portal/) use, answered from a real SQL engine (SQLite compiled to WebAssembly,
// sql.js, in a worker thread) loaded with the fictitious rows of scripts/portal-data.mjs (1 000 000 by default).
//
// Routes (every answer with `Access-Control-Allow-Origin: *`, as the real portals send it):
//   /__portal/ods/<session>/<faults>/api/explore/v2.1/catalog/datasets/<dataset>/records?select=…&where=…&group_by=…&order_by=…&limit=…&offset=…
//   /__portal/ods/<session>/<faults>/api/explore/v2.1/catalog/datasets/<dataset>/exports/json|csv?select=…&where=…&order_by=…&limit=…
//       datasets: `plan-de-relance` (every row), `plan-de-relance-petit` (the first 3 080 rows)
//   /__portal/tabular/<session>/<faults>/api/resources/<rid>/data/?col__op=value&…&page=…&page_size=…
//       resources: TABULAR_RID (aggregation allowed), TABULAR_RID_NO_AGGREGATION (refused, as for most resources)
//   /__portal/ready            waits for the database (generated on first use: about 40 s, then reused), answers its size
//   /__portal/stats/<session>  requests and bytes of a session: { requests, bytes, urls }
//   /__portal/sql              POST { sql, params }: a SELECT run directly on the database (the tests' reference)
// `<session>`: any word, for counting; `<faults>`: `-`, or a comma-separated list of
//   `429x<n>` (the first n requests of the session answer 429 with Opendatasoft's quota body), `500x<n>`, `500`
//   (always), `503x<n>`, `slow<ms>` (every answer that late), `slow<ms>x<n>` (the first n answers).
//
//   node test/portal/server.mjs [--port 8787] [--rows N]     the same routes on a port of 127.0.0.1 (demo, bench)
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { COLUMNS, DEFAULT_ROWS, portalDbPath } from '../../scripts/portal-data.mjs';
import {
  OdsqlError,
  parseGroupBy,
  parseOrderBy,
  parseSelect,
  parseWhere,
  termKey,
  termSql,
  whereSql,
} from './odsql-parse.mjs';
import { TabularError, translateTabular } from './tabular.mjs';

export const TABULAR_RID = '0f2d3c4b-1a2b-4c3d-9e8f-7a6b5c4d3e2f';
export const TABULAR_RID_NO_AGGREGATION = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';
const DATASETS = { 'plan-de-relance': undefined, 'plan-de-relance-petit': 'records.rowid <= 3080' };
const RESOURCES = {
  [TABULAR_RID]: { allowAggregation: true },
  [TABULAR_RID_NO_AGGREGATION]: { allowAggregation: false },
};
const COLUMN_SET = new Set(COLUMNS);
/** Explore API limits: records a request, deepest record, groups a request. */
const RECORDS_MAX = 100;
const WINDOW_MAX = 10_000;
const GROUPS_MAX = 20_000;
const EXPORT_MAX = 100_000;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset',
};

function odsError(status, error_code, message) {
  return { status, body: { error_code, message } };
}

export function createPortalServer({
  rows = Number(process.env.PORTAL_ROWS) || DEFAULT_ROWS,
  log = (s) => console.error(s),
} = {}) {
  let worker;
  let readyPromise;
  const pending = new Map();
  let nextId = 0;
  const sessions = new Map();

  function ready() {
    readyPromise ??= (async () => {
      if (!existsSync(portalDbPath(rows)))
        log(`portal: generating ${rows} fictitious rows into .cache/portal/ (once)…`);
      worker = new Worker(new URL('./db-worker.mjs', import.meta.url), { workerData: { rows } });
      worker.on('message', (m) => {
        if (m.ready) return;
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.error) p?.reject(new Error(m.error));
        else p?.resolve(m.results);
      });
      worker.on('error', (e) => {
        for (const p of pending.values()) p.reject(e);
        pending.clear();
      });
      const [first] = await once(worker, 'message');
      if (!first.ready) throw new Error('portal database worker did not start');
      worker.unref();
      return { rows };
    })();
    return readyPromise;
  }

  /** Runs queries in the worker, in order: resolves to the rows of each. */
  async function query(queries) {
    await ready();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, queries });
    });
  }

  function session(name) {
    let s = sessions.get(name);
    if (!s) sessions.set(name, (s = { requests: 0, bytes: 0, urls: [], counters: new Map() }));
    return s;
  }

  function send(res, s, status, body, type = 'application/json; charset=utf-8', extra = {}) {
    const data = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    if (s) s.bytes += data.length;
    res.writeHead(status, {
      'content-type': type,
      'content-length': String(data.length),
      'cache-control': 'no-store',
      ...CORS,
      ...extra,
    });
    res.end(data);
  }

  /** Applies the faults of a request; true when one answered it. */
  async function fault(faults, s, res, req) {
    if (faults === '-' || faults === '') return false;
    for (const spec of faults.split(',')) {
      const m = /^(429|500|503|slow(\d+))(?:x(\d+))?$/.exec(spec);
      if (!m) continue;
      const seen = (s.counters.get(spec) ?? 0) + 1;
      s.counters.set(spec, seen);
      if (m[3] !== undefined && seen > Number(m[3])) continue;
      if (m[2] !== undefined) {
        await new Promise((done) => {
          const timer = setTimeout(done, Number(m[2]));
          req.socket.once('close', () => {
            clearTimeout(timer);
            done();
          });
        });
        continue;
      }
      if (m[1] === '429') {
        const reset = new Date(Date.now() + 3600_000).toISOString();
        send(
          res,
          s,
          429,
          {
            errorcode: 10002,
            reset_time: reset,
            limit_time_unit: 'day',
            call_limit: 10000,
            error: 'Too many requests on the domain. Please contact the domain administrator.',
          },
          undefined,
          { 'x-ratelimit-limit': '10000', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        );
        return true;
      }
      send(
        res,
        s,
        Number(m[1]),
        `<!doctype html><html><body><h1>${m[1]} Server Error</h1></body></html>`,
        'text/html; charset=utf-8',
      );
      return true;
    }
    return false;
  }

  /** The SQL of an Explore API request; throws {status, body} for the API's errors. */
  function odsSql(dataset, params, exporting) {
    let clause = 'where';
    const column = (name) => {
      if (!COLUMN_SET.has(name)) throw new OdsqlError(`Unknown field: ${name}`, clause);
      return `records."${name}"`;
    };
    try {
      const select = params.get('select') ? parseSelect(params.get('select')) : [{ type: 'star' }];
      const where = params.get('where') ? parseWhere(params.get('where')) : undefined;
      const groupBy = params.get('group_by') ? parseGroupBy(params.get('group_by')) : [];
      const orderBy = params.get('order_by') ? parseOrderBy(params.get('order_by')) : [];
      const sqlParams = [];
      const conditions = [];
      if (DATASETS[dataset]) conditions.push(DATASETS[dataset]);
      clause = 'where';
      if (where) conditions.push(whereSql(where, column, sqlParams));
      const whereText = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      clause = 'select';
      const items = select.flatMap((it) =>
        it.type === 'star' ? COLUMNS.map((c) => ({ term: { type: 'field', name: c } })) : [it],
      );
      const keys = items.map(termKey);
      const selectSql = items.map((it, k) => `${termSql(it.term, column)} AS k${k}`).join(', ');
      clause = 'group_by';
      const groupSql = groupBy.map((g) => column(g.term.name));
      const aggregated = groupBy.length > 0 || items.some((it) => it.term.type === 'agg');
      clause = 'order_by';
      const orderSql = orderBy.map((o) => {
        const k = o.term.type === 'field' ? keys.indexOf(o.term.name) : -1;
        return `${k >= 0 ? `k${k}` : termSql(o.term, column)} ${o.direction}`;
      });
      const limitText = params.get('limit');
      let limit = limitText === null ? (exporting ? -1 : 10) : Number(limitText);
      const offset = Number(params.get('offset') ?? 0);
      const max = exporting ? EXPORT_MAX : groupBy.length ? GROUPS_MAX : RECORDS_MAX;
      if (!Number.isInteger(limit) || limit < -1 || limit > max) {
        throw odsError(
          400,
          'InvalidRESTParameterError',
          `Invalid value for limit API parameter: ${limitText} was found but -1 <= limit <= ${max} is expected.`,
        );
      }
      if (limit === -1) limit = max;
      if (!Number.isInteger(offset) || offset < 0)
        throw odsError(
          400,
          'InvalidRESTParameterError',
          `Invalid value for offset API parameter: ${params.get('offset')} was found but offset >= 0 is expected.`,
        );
      if (!groupBy.length && !exporting && offset + limit > WINDOW_MAX) {
        throw odsError(
          400,
          'InvalidRESTParameterError',
          `Invalid value for offset API parameter: ${offset} was found but offset + limit < ${WINDOW_MAX} is expected.`,
        );
      }
      const queries = [];
      if (groupBy.length) {
        queries.push({
          sql: `SELECT ${selectSql} FROM records ${whereText} GROUP BY ${groupSql.join(', ')} ORDER BY ${[...orderSql, ...groupSql].join(', ')} LIMIT ? OFFSET ?`,
          params: [...sqlParams, limit, offset],
        });
      } else if (aggregated) {
        queries.push({ sql: `SELECT ${selectSql} FROM records ${whereText}`, params: sqlParams });
      } else {
        queries.push({
          sql: `SELECT ${selectSql} FROM records ${whereText} ORDER BY ${[...orderSql, 'records.rowid'].join(', ')} LIMIT ? OFFSET ?`,
          params: [...sqlParams, limit, offset],
        });
        if (!exporting) queries.push({ sql: `SELECT count(*) AS n FROM records ${whereText}`, params: sqlParams });
      }
      return { queries, keys, aggregated };
    } catch (e) {
      if (e instanceof OdsqlError) {
        throw odsError(
          400,
          'ODSQLError',
          `ODSQL query is malformed: ${e.message}\nClause(s) containing the error(s): ${e.clause ?? clause}.`,
        );
      }
      throw e;
    }
  }

  const rename = (keys) => (row) => Object.fromEntries(keys.map((key, k) => [key, row[`k${k}`] ?? null]));

  async function ods(rest, params, s, res) {
    const m = /^api\/explore\/v2\.1\/catalog\/datasets\/([\w-]+)\/(records|exports\/(json|csv))\/?$/.exec(rest);
    if (!m) return send(res, s, 404, { error_code: 'NotFound', message: 'Unknown endpoint' });
    if (!(m[1] in DATASETS))
      return send(res, s, 404, { error_code: 'ODSQLError', message: `Unknown dataset: ${m[1]}` });
    let plan;
    try {
      plan = odsSql(m[1], params, !!m[3]);
    } catch (e) {
      if (e.status) return send(res, s, e.status, e.body);
      throw e;
    }
    const [rows, count] = await query(plan.queries);
    const results = rows.map(rename(plan.keys));
    if (m[3] === 'json') return send(res, s, 200, results);
    if (m[3] === 'csv') {
      const cell = (v) =>
        v === null || v === undefined
          ? ''
          : /[";\n\r]/.test(String(v))
            ? `"${String(v).replace(/"/g, '""')}"`
            : String(v);
      const text =
        [plan.keys.join(';'), ...results.map((r) => plan.keys.map((k) => cell(r[k])).join(';'))].join('\r\n') + '\r\n';
      return send(res, s, 200, text, 'text/csv; charset=utf-8');
    }
    return send(res, s, 200, plan.aggregated ? { results } : { total_count: count[0].n, results });
  }

  async function tabular(prefix, rest, rawQuery, s, res) {
    const m = /^api\/resources\/([\w-]+)\/data\/?$/.exec(rest);
    if (!m) return send(res, s, 404, { errors: [{ code: null, title: 'Not found', detail: 'Unknown endpoint' }] });
    const resource = RESOURCES[m[1]];
    if (!resource)
      return send(res, s, 404, {
        errors: [{ code: null, title: 'Resource not found', detail: `Resource ${m[1]} not found` }],
      });
    let t;
    try {
      t = translateTabular(rawQuery, { columns: COLUMN_SET, allowAggregation: resource.allowAggregation, rid: m[1] });
    } catch (e) {
      if (e instanceof TabularError) return send(res, s, e.status, e.body);
      throw e;
    }
    const whereText = t.where.length ? `WHERE ${t.where.join(' AND ')}` : '';
    const offset = (t.page - 1) * t.pageSize;
    let queries;
    if (t.aggregated) {
      const cols = [
        ...t.groupBy.map(([name, c]) => `${c} AS "${name}"`),
        ...t.aggregates.map(([key, sql]) => `${sql} AS "${key}"`),
      ];
      const group = t.groupBy.length ? `GROUP BY ${t.groupBy.map(([, c]) => c).join(', ')}` : '';
      const order = [...t.order, ...t.groupBy.map(([, c]) => c)];
      queries = [
        {
          sql: `SELECT ${cols.join(', ')} FROM records ${whereText} ${group} ${order.length ? `ORDER BY ${order.join(', ')}` : ''} LIMIT ? OFFSET ?`,
          params: [...t.params, t.pageSize, offset],
        },
      ];
      if (t.groupBy.length)
        queries.push({
          sql: `SELECT count(*) AS n FROM (SELECT 1 FROM records ${whereText} ${group})`,
          params: t.params,
        });
    } else {
      const cols = t.select ?? COLUMNS.map((c) => `"${c}"`);
      queries = [
        {
          sql: `SELECT rowid AS "__id", ${cols.join(', ')} FROM records ${whereText} ORDER BY ${[...t.order, 'rowid'].join(', ')} LIMIT ? OFFSET ?`,
          params: [...t.params, t.pageSize, offset],
        },
        { sql: `SELECT count(*) AS n FROM records ${whereText}`, params: t.params },
      ];
    }
    const [data, count] = await query(queries);
    const total = count ? count[0].n : data.length;
    const link = (page) => {
      const kept = rawQuery.split('&').filter((a) => a && !/^page(_size)?=/.test(a));
      return `${prefix}api/resources/${m[1]}/data/?${[...kept, `page=${page}`, `page_size=${t.pageSize}`].join('&')}`;
    };
    return send(res, s, 200, {
      data,
      links: {
        profile: `${prefix}api/resources/${m[1]}/profile/`,
        swagger: `${prefix}api/resources/${m[1]}/swagger/`,
        next: t.page * t.pageSize < total ? link(t.page + 1) : null,
        prev: t.page > 1 ? link(t.page - 1) : null,
      },
      meta: { page: t.page, page_size: t.pageSize, total },
    });
  }

  /** Answers a request under /__portal/; false for any other path. */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/__portal/')) return false;
    try {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          ...CORS,
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': 'accept, content-type',
        });
        res.end();
        return true;
      }
      if (url.pathname === '/__portal/ready') {
        send(res, undefined, 200, await ready());
        return true;
      }
      const stats = /^\/__portal\/stats\/([\w-]+)$/.exec(url.pathname);
      if (stats) {
        const s = sessions.get(stats[1]) ?? { requests: 0, bytes: 0, urls: [] };
        send(res, undefined, 200, { requests: s.requests, bytes: s.bytes, urls: s.urls });
        return true;
      }
      if (url.pathname === '/__portal/sql' && req.method === 'POST') {
        const chunks = [];
        for await (const c of req) chunks.push(c);
        const { sql, params } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (!/^\s*(select|with)\b/i.test(sql) || sql.includes(';')) {
          send(res, undefined, 400, { error: 'SELECT only' });
          return true;
        }
        try {
          const [rows] = await query([{ sql, params: params ?? [] }]);
          send(res, undefined, 200, { rows });
        } catch (e) {
          send(res, undefined, 400, { error: String(e.message) });
        }
        return true;
      }
      const route = /^\/__portal\/(ods|tabular)\/([\w-]+)\/([\w,-]+)\/(.*)$/.exec(url.pathname);
      if (!route) {
        send(res, undefined, 404, { error: 'unknown portal route' });
        return true;
      }
      const [, api, name, faults, rest] = route;
      const s = session(name);
      s.requests++;
      if (s.urls.length < 500) s.urls.push(`${url.pathname}${url.search}`);
      if (await fault(faults, s, res, req)) return true;
      if (res.destroyed || req.socket.destroyed) return true;
      await ready();
      if (api === 'ods') await ods(rest, url.searchParams, s, res);
      else await tabular(`/__portal/tabular/${name}/${faults}/`, rest, url.search.slice(1), s, res);
    } catch (e) {
      if (!res.headersSent) send(res, undefined, 500, { error: String(e?.message ?? e) });
      else res.destroy();
    }
    return true;
  }

  /** web-test-runner (Koa) middleware: the routes above, everything else to the next middleware. */
  async function middleware(ctx, next) {
    if (!ctx.path.startsWith('/__portal/')) return next();
    // Answered here, raw (a request abandoned by the client is not reported as a 404 by the test runner).
    ctx.status = 200;
    ctx.respond = false;
    await handle(ctx.req, ctx.res);
    return undefined;
  }

  function close() {
    return worker?.terminate();
  }

  return { handle, middleware, query, ready, close, sessions };
}

/** A standalone server on 127.0.0.1: resolves to `{ url, portal, close() }`. */
export async function listen({ port = 0, rows } = {}) {
  const portal = createPortalServer(rows ? { rows } : {});
  const server = createServer((req, res) => {
    portal.handle(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404, CORS);
        res.end();
      }
    });
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    url,
    portal,
    close: async () => {
      server.close();
      server.closeAllConnections?.();
      await portal.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const { url, portal } = await listen({ port: arg('--port') ?? 8787, rows: arg('--rows') });
  await portal.ready();
  console.log(`Portal test server: ${url}/__portal/ods/demo/-/api/explore/v2.1/catalog/datasets/plan-de-relance`);
  console.log(`                    ${url}/__portal/tabular/demo/-/api/resources/${TABULAR_RID}/`);
}
