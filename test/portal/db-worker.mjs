// The portal server's database, in a worker thread (generating it takes about 40 s the first time, a query on a
// million rows up to a second: neither may block the test runner's own server): sql.js (SQLite compiled to
// WebAssembly) with the database file of scripts/portal-data.mjs, generated if missing, loaded in memory. Messages: { id, queries: [{ sql, params }] } → { id, results: [rows…] }
// or { id, error }; rows are plain objects keyed by the SQL result's column names.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { ensurePortalDb, sqlJs } from '../../scripts/portal-data.mjs';

const SQL = await sqlJs();
const path = await ensurePortalDb({ rows: workerData.rows });
const db = new SQL.Database(readFileSync(path));
parentPort.postMessage({ ready: true });

function run(sql, params) {
  const stmt = db.prepare(sql);
  try {
    stmt.bind(params ?? []);
    const rows = [];
    while (stmt.step()) rows.push(stmt.getAsObject());
    return rows;
  } finally {
    stmt.free();
  }
}

parentPort.on('message', ({ id, queries }) => {
  try {
    const started = performance.now();
    const results = queries.map((q) => run(q.sql, q.params));
    parentPort.postMessage({ id, results, ms: performance.now() - started });
  } catch (e) {
    parentPort.postMessage({ id, error: String(e?.message ?? e) });
  }
});
