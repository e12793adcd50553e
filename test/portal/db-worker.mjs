// The portal server's database, in a worker thread (queries on a million rows take a second at most, and must not
// block the test runner's own server): sql.js (SQLite compiled to WebAssembly) with the database file of
// scripts/portal-data.mjs loaded in memory. Messages: { id, queries: [{ sql, params }] } → { id, results: [rows…] }
// or { id, error }; rows are plain objects keyed by the SQL result's column names.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { sqlJs } from '../../scripts/portal-data.mjs';

const SQL = await sqlJs();
const db = new SQL.Database(readFileSync(workerData.path));
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
