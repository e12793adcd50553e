// The CDN build with some of its files failing once, for the loader's retry tests (web-test-runner.config.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the test server's root), from test/server/. */
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The CDN build with some of its files failing once (test/loader.test.ts): `/__cdn-fail/<key>~<name>[+<name>…]/<file>`
 * serves cdn/<file>, except the first request of each `frw-<name>.js` under that key, answered 503 (a widget's file,
 * `frw-relance-laureate-list.js`, or another chunk, `frw-downloads.js`).
 */
const cdnFailed = new Set();
export async function cdnFailMiddleware(ctx, next) {
  const match = /^\/__cdn-fail\/(\w+)~([\w+-]+)\/([\w.-]+\.js)$/.exec(ctx.path);
  if (!match) return next();
  const [, key, names, name] = match;
  const file = resolve(root, 'cdn', name);
  const fail = names.split('+').some((n) => name === `frw-${n}.js`) && !cdnFailed.has(`${key}/${name}`);
  if (fail) cdnFailed.add(`${key}/${name}`);
  const data = fail ? Buffer.from('Service indisponible') : existsSync(file) ? readFileSync(file) : undefined;
  ctx.respond = false;
  if (!data) {
    ctx.res.writeHead(404, { 'cache-control': 'no-store' }).end();
    return undefined;
  }
  ctx.res.writeHead(fail ? 503 : 200, {
    'content-type': fail ? 'text/plain' : 'text/javascript',
    'content-length': String(data.length),
    'cache-control': 'no-store',
  });
  ctx.res.end(data);
  return undefined;
}
