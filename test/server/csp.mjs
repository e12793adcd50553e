// The strict-CSP page and its violation reports, for the CSP tests in every engine (web-test-runner.config.mjs).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSP } from '../smoke/static-server.mjs';

/** The repository root (the test server's root), from test/server/. */
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The strict-CSP page in every engine (test/csp.test.ts): `/__csp/<key>/test/smoke/<page>.html` is that page with the
 * policy of test/smoke/csp-smoke.mjs as a response header, and `report-uri /__csp-report/<key>`; the browser POSTs
 * each violation there, and a GET of the same URL answers the reports received so far (a JSON array).
 */
const cspReports = new Map();
export async function cspMiddleware(ctx, next) {
  const page = /^\/__csp\/(\w+)\/(test\/smoke\/[\w-]+\.html)$/.exec(ctx.path);
  if (page) {
    const [, key, path] = page;
    const data = readFileSync(resolve(root, path));
    ctx.respond = false;
    ctx.res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(data.length),
      'cache-control': 'no-store',
      'content-security-policy': `${CSP}; report-uri /__csp-report/${key}`,
    });
    ctx.res.end(data);
    return undefined;
  }
  const report = /^\/__csp-report\/(\w+)$/.exec(ctx.path);
  if (!report) return next();
  const list = cspReports.get(report[1]) ?? [];
  cspReports.set(report[1], list);
  if (ctx.method === 'POST') {
    const chunks = [];
    for await (const chunk of ctx.req) chunks.push(chunk);
    try {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      list.push(body['csp-report'] ?? body);
    } catch {
      list.push({ unreadable: Buffer.concat(chunks).toString('utf8').slice(0, 200) });
    }
    ctx.respond = false;
    ctx.res.writeHead(204, { 'cache-control': 'no-store' });
    ctx.res.end();
    return undefined;
  }
  ctx.respond = false;
  const json = Buffer.from(JSON.stringify(list));
  ctx.res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': String(json.length),
    'cache-control': 'no-store',
  });
  ctx.res.end(json);
  return undefined;
}
