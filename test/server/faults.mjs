// Network faults on the test server for the hardening tests (web-test-runner.config.mjs): errors, hangs, delays, wrong
// content types, truncated and cut responses, faults that clear after one or two requests, on the project's data
// files and the map geometry.
import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoDir } from '../../scripts/copy-geo.mjs';

/** The repository root (the test server's root), from test/server/. */
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Network faults for the hardening tests, under `/__faults/<fault>/<arg>/<file>` where `<file>` is a path from the
 * project root (`data/…`) or `geo/<file>` (the map geometry):
 * - `status/<code>/…`: that HTTP status with an HTML error page;
 * - `hang/-/…`: no answer until the client gives up (at most 30 s);
 * - `slow/<ms>/<file>`: the file after a delay;
 * - `type/<mime>/<file>`: the file with another content type (`text~html` for `text/html`);
 * - `truncate/<bytes>/<file>`: the first bytes of the file, as a complete response;
 * - `cut/<bytes>/<file>`: the full length announced, the first bytes sent, then the connection closed;
 * - `once-<fault>/<key>~<arg>/<file>` (`twice-…`): the fault on the first (two) request(s) of `<key>`, then the file
 *   (retry tests).
 */
const faultKeys = new Map();
function faultFile(path) {
  const geo = /^geo\/([\w.-]+)$/.exec(path);
  const file = geo ? resolve(geoDir, geo[1]) : resolve(root, path);
  const inside = file.startsWith(resolve(geo ? geoDir : root) + sep);
  return inside && existsSync(file) ? file : undefined;
}
function typeOf(file) {
  return file.endsWith('.csv')
    ? 'text/csv; charset=utf-8'
    : file.endsWith('.json')
      ? 'application/json'
      : 'application/octet-stream';
}
export async function faultsMiddleware(ctx, next) {
  const match = /^\/__faults\/([\w-]+)\/([^/]+)\/(.+)$/.exec(ctx.path);
  if (!match) return next();
  let [, fault, arg, path] = match;
  const times = /^(once|twice)-(.+)$/.exec(fault);
  if (times) {
    const [key, ...inner] = arg.split('~');
    const seen = faultKeys.get(key) ?? 0;
    faultKeys.set(key, seen + 1);
    fault = seen < (times[1] === 'once' ? 1 : 2) ? times[2] : 'file';
    arg = inner.join('~') || '-';
  }
  const file = faultFile(path);
  const body = () => (file ? readFileSync(file) : Buffer.from('missing test file'));
  // Written raw: the test runner's own middleware would make the response cacheable (a cached 404 would defeat the
  // retry tests).
  const send = (status, type, data) => {
    ctx.respond = false;
    ctx.res.writeHead(status, {
      'content-type': type,
      'content-length': String(data.length),
      'cache-control': 'no-store',
    });
    ctx.res.end(data);
  };
  switch (fault) {
    case 'status':
      return send(
        Number(arg),
        'text/html; charset=utf-8',
        Buffer.from(`<!doctype html><html><body><h1>Erreur ${Number(arg)}</h1></body></html>`),
      );
    case 'hang':
      await new Promise((done) => {
        const timer = setTimeout(done, 30_000);
        ctx.req.socket.once('close', () => {
          clearTimeout(timer);
          done();
        });
      });
      return send(504, 'text/plain', Buffer.from(''));
    case 'slow':
      await new Promise((done) => setTimeout(done, Number(arg)));
      return send(200, typeOf(path), body());
    case 'type':
      return send(200, arg.replace('~', '/'), body());
    case 'truncate':
      return send(200, typeOf(path), body().subarray(0, Number(arg)));
    case 'cut': {
      const data = body();
      ctx.respond = false;
      ctx.res.writeHead(200, {
        'content-type': typeOf(path),
        'content-length': String(data.length),
        'cache-control': 'no-store',
      });
      ctx.res.write(data.subarray(0, Number(arg)), () => setTimeout(() => ctx.req.socket.destroy(), 50));
      return undefined;
    }
    default:
      return send(200, typeOf(path), body());
  }
}
