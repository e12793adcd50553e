// @web/test-runner: unit and component tests in headless Chromium (Debian's /usr/bin/chromium by default).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoDir, projectedGeometry } from './scripts/copy-geo.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Serves any request for `…/geo/<file>` (the package's geometry folder) from data/geo/ (or GEO_DIR), and the files the
 * build derives from it (`*.projected.json`, computed once per run by scripts/copy-geo.mjs).
 */
async function geometryMiddleware(ctx, next) {
  const match = /\/geo\/([\w.-]+\.(?:json|md))$/.exec(ctx.path);
  const derived = match ? projectedGeometry(basename(match[1])) : undefined;
  if (derived) {
    ctx.type = 'application/json';
    ctx.body = await derived;
    return undefined;
  }
  if (match) {
    const file = resolve(geoDir, basename(match[1]));
    if (existsSync(file)) {
      ctx.type = file.endsWith('.md') ? 'text/markdown' : 'application/json';
      ctx.body = createReadStream(file);
      return undefined;
    }
  }
  return next();
}

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
  const file = geo ? resolve(geoDir, geo[1]) : resolve(here, path);
  const inside = file.startsWith(resolve(geo ? geoDir : here) + sep);
  return inside && existsSync(file) ? file : undefined;
}
function typeOf(file) {
  return file.endsWith('.csv') ? 'text/csv; charset=utf-8' : file.endsWith('.json') ? 'application/json' : 'application/octet-stream';
}
async function faultsMiddleware(ctx, next) {
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
    ctx.res.writeHead(status, { 'content-type': type, 'content-length': String(data.length), 'cache-control': 'no-store' });
    ctx.res.end(data);
  };
  switch (fault) {
    case 'status':
      return send(Number(arg), 'text/html; charset=utf-8', Buffer.from(`<!doctype html><html><body><h1>Erreur ${Number(arg)}</h1></body></html>`));
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
      ctx.res.writeHead(200, { 'content-type': typeOf(path), 'content-length': String(data.length), 'cache-control': 'no-store' });
      ctx.res.write(data.subarray(0, Number(arg)), () => setTimeout(() => ctx.req.socket.destroy(), 50));
      return undefined;
    }
    default:
      return send(200, typeOf(path), body());
  }
}

/**
 * `executeServerCommand('heap-usage')`: the page's JS heap in bytes after a full garbage collection, through the
 * DevTools protocol (`performance.memory` is coarse and rarely updated). For the long-lived page tests.
 */
const heapPlugin = {
  name: 'relance-heap-usage',
  async executeCommand({ command, session }) {
    if (command !== 'heap-usage') return undefined;
    const page = session.browser.getPage(session.id);
    const cdp = await page.context().newCDPSession(page);
    try {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      return usedSize;
    } finally {
      await cdp.detach();
    }
  },
};

export default {
  rootDir: here,
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  middleware: [faultsMiddleware, geometryMiddleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: resolve(here, 'tsconfig.json') }), heapPlugin],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath,
        args: [
          ...(asRoot ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          // Long-lived page tests: gc() (test/hardening/long-lived.test.ts).
          '--js-flags=--expose-gc',
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
  // Lit's « dev mode » banner, printed once per test file, is known: marked as issued so that Lit does not print it,
  // and a real warning stands out. Every other Lit warning (change-in-update…) still prints.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <body>
        <script>window.litIssuedWarnings = new Set(['dev-mode']);</script>
        <script type="module" src="${testFramework}"></script>
      </body>
    </html>`,
  // The hostile-input corpus (test/hardening/corpus.test.ts) runs about a minute on 2 cores.
  testsFinishTimeout: 240000,
};
