// @web/test-runner: unit and component tests in three engines, from Debian's packages (README, « Supported browsers »):
// - chromium: Playwright driving /usr/bin/chromium (CHROME_PATH);
// - firefox: puppeteer-core over WebDriver BiDi driving /usr/bin/firefox-esr (FIREFOX_PATH);
// - webkit: WebDriver (webdriverio) against WebKitGTK's WebKitWebDriver, which starts MiniBrowser in automation mode,
//   both under xvfb-run (WEBKIT_WEBDRIVER_PATH, MINIBROWSER_PATH).
// BROWSERS=chromium,firefox,webkit chooses the engines of one run (default: chromium, e.g. for `npm run test:watch`);
// `npm test` runs the three one after the other through scripts/test-browsers.mjs.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoDir, projectedGeometry } from './scripts/copy-geo.mjs';
import { CSP } from './test/smoke/static-server.mjs';
// The embed page's tests (test/embed/): a second origin on another loopback port.
import { secondOrigin } from './test/embed/second-origin.mjs';
// The portal adapters' tests (test/portal/): a local Explore API v2.1 and tabular API under /__portal/, on SQLite
// (sql.js) with 1 000 000 fictitious rows, loaded on the first request to it (generated once into .cache/portal/).
import { createPortalServer } from './test/portal/server.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const webkitDriverPath = process.env.WEBKIT_WEBDRIVER_PATH || '/usr/bin/WebKitWebDriver';
const miniBrowserPath = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const engines = (process.env.BROWSERS || 'chromium')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
for (const e of engines)
  if (!['chromium', 'firefox', 'webkit'].includes(e)) throw new Error(`BROWSERS: unknown engine ${e}`);
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
  return file.endsWith('.csv')
    ? 'text/csv; charset=utf-8'
    : file.endsWith('.json')
      ? 'application/json'
      : 'application/octet-stream';
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

/**
 * The CDN build with some of its files failing once (test/loader.test.ts): `/__cdn-fail/<key>~<name>[+<name>…]/<file>`
 * serves cdn/<file>, except the first request of each `frw-<name>.js` under that key, answered 503 (a widget's file,
 * `frw-relance-laureate-list.js`, or another chunk, `frw-downloads.js`).
 */
const cdnFailed = new Set();
async function cdnFailMiddleware(ctx, next) {
  const match = /^\/__cdn-fail\/(\w+)~([\w+-]+)\/([\w.-]+\.js)$/.exec(ctx.path);
  if (!match) return next();
  const [, key, names, name] = match;
  const file = resolve(here, 'cdn', name);
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

/**
 * The strict-CSP page in every engine (test/csp.test.ts): `/__csp/<key>/test/smoke/<page>.html` is that page with the
 * policy of test/smoke/csp-smoke.mjs as a response header, and `report-uri /__csp-report/<key>`; the browser POSTs
 * each violation there, and a GET of the same URL answers the reports received so far (a JSON array).
 */
const cspReports = new Map();
async function cspMiddleware(ctx, next) {
  const page = /^\/__csp\/(\w+)\/(test\/smoke\/[\w-]+\.html)$/.exec(ctx.path);
  if (page) {
    const [, key, path] = page;
    const data = readFileSync(resolve(here, path));
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

/**
 * Server commands of the tests that the engines answer each in their own way (`session.browser.type` is `playwright`
 * for Chromium, `puppeteer` for Firefox, `webdriver` for WebKit):
 * - `engine`: `chromium`, `firefox` or `webkit`, the engine of the session's launcher (test/engine.ts).
 * - `heap-usage`: the page's JS heap in bytes after a full garbage collection, for the long-lived page tests
 *   (`performance.memory` is coarse and rarely updated). Chromium: the DevTools protocol. Firefox: `TestUtils.gc()`
 *   (a full GC and CC, what WPT's testdriver uses) and `performance.mozMemory.gc.gcBytes` (the JS engine's heap), both
 *   behind the preferences set in `firefox()`. WebKit: none (its WebDriver has no such command and MiniBrowser exposes
 *   no forced GC to the page): the test is excluded in WebKit (README, « Supported browsers »).
 * - `media` (`{ media: 'print' | 'screen' }`): the CSS media type of the page, for the print test of the map. Chromium:
 *   Playwright's `emulateMedia`. Firefox: the browsing context's `mediumOverride`, what Firefox's own DevTools set to
 *   simulate print, from the browser's privileged scope (`--remote-allow-system-access`), since WebDriver BiDi has no
 *   media emulation. WebKit: `false`, nothing emulated (classic WebDriver has no media emulation); the print test is
 *   excluded in WebKit.
 */
/**
 * Runs `body` (a function body) in Firefox's privileged browser scope, over WebDriver BiDi, and resolves to what it
 * returns: how the tests set Firefox's preferences and the tab's print medium (`--remote-allow-system-access`).
 */
async function firefoxChrome(session, command, body) {
  const connection = session.browser.getPage(session.id).browser().connection;
  const { contexts } = await connection
    .send('browsingContext.getTree', { 'moz:scope': 'chrome' })
    .then((r) => r.result);
  const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error(`${command}: no Firefox browser window`);
  const { result } = await connection.send('script.evaluate', {
    target: { context: window.context },
    awaitPromise: false,
    expression: `(() => { ${body} })()`,
  });
  if (result.type !== 'success') throw new Error(`${command}: ${JSON.stringify(result)}`);
  return result.result.value;
}

/** Every test file imports test/lit-dev-warnings.ts first: a Lit dev-mode warning fails the test that printed it. */
const litDevWarnings = {
  name: 'lit-dev-warnings',
  transform(context) {
    if (context.path.endsWith('.test.ts')) return { body: `import '/test/lit-dev-warnings.ts';\n${context.body}` };
  },
};

const enginePlugin = {
  name: 'relance-engine-commands',
  async executeCommand({ command, payload, session }) {
    if (command === 'engine') return engineOf.get(session.browser);
    if (command === 'viewport') {
      // The page's viewport size. WebKit: the window is sized so that its inner size (the viewport) is the one asked.
      const { width, height } = payload ?? {};
      if (!(width > 0 && height > 0)) throw new Error('viewport: { width, height }');
      if (session.browser.type === 'playwright') {
        await session.browser.getPage(session.id).setViewportSize({ width, height });
        return true;
      }
      if (session.browser.type === 'puppeteer') {
        await session.browser.getPage(session.id).setViewport({ width, height });
        return true;
      }
      if (session.browser.type === 'webdriver') {
        // MiniBrowser's window is at least 447 px wide (its toolbar): a narrower viewport cannot be had. The window is
        // then put back as it was, and the command says false.
        const driver = session.browser.driver;
        const [ow0, oh0] = await driver.execute('return [outerWidth, outerHeight]');
        for (let attempt = 0; attempt < 3; attempt++) {
          const [ow, oh, iw, ih] = await driver.execute('return [outerWidth, outerHeight, innerWidth, innerHeight]');
          if (iw === width && ih === height) return true;
          await driver.setWindowSize(width + ow - iw, height + oh - ih);
        }
        const [iw, ih] = await driver.execute('return [innerWidth, innerHeight]');
        if (iw === width && ih === height) return true;
        await driver.setWindowSize(ow0, oh0);
        return false;
      }
      return false;
    }
    if (command === 'forced-colors') {
      // forced-colors: active. Chromium: Playwright's emulation. Firefox: « Override the colours specified by the
      // page: always » (browser.display.document_color_use = 2), set from the browser's chrome scope. WebKit: its
      // WebDriver has no such switch (false).
      const active = payload?.active === true;
      if (session.browser.type === 'playwright') {
        await session.browser.getPage(session.id).emulateMedia({ forcedColors: active ? 'active' : 'none' });
        return true;
      }
      if (session.browser.type === 'puppeteer') {
        await firefoxChrome(
          session,
          'forced-colors',
          `Services.prefs.setIntPref('browser.display.document_color_use', ${active ? 2 : 0}); return true;`,
        );
        return true;
      }
      return false;
    }
    if (command === 'reduced-motion') {
      // prefers-reduced-motion: reduce. Chromium: Playwright's emulation. Firefox: ui.prefersReducedMotion, from the
      // browser's chrome scope. WebKit: no such switch in its WebDriver (false).
      const reduce = payload?.reduce === true;
      if (session.browser.type === 'playwright') {
        await session.browser.getPage(session.id).emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
        return true;
      }
      if (session.browser.type === 'puppeteer') {
        const pref = reduce
          ? `Services.prefs.setIntPref('ui.prefersReducedMotion', 1)`
          : `Services.prefs.clearUserPref('ui.prefersReducedMotion')`;
        await firefoxChrome(session, 'reduced-motion', `${pref}; return true;`);
        return true;
      }
      return false;
    }
    if (command === 'ax-tree') {
      // What a screen reader is given: Chromium's accessibility tree (DevTools protocol), flattened to the nodes that
      // are not ignored, with their role, name and the ARIA states a test reads. Firefox's WebDriver BiDi and
      // WebKit's WebDriver have no such command: `null` there.
      if (session.browser.type !== 'playwright') return null;
      const page = session.browser.getPage(session.id);
      const cdp = await page.context().newCDPSession(page);
      try {
        await cdp.send('Accessibility.enable');
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        const byId = new Map(nodes.map((n) => [n.nodeId, n]));
        /** The nearest ancestor that is not ignored. */
        const parentOf = (n) => {
          let p = byId.get(n.parentId);
          while (p?.ignored) p = byId.get(p.parentId);
          return p;
        };
        return nodes
          .filter((n) => !n.ignored)
          .map((n) => ({
            parent: parentOf(n) ? `${parentOf(n).role?.value ?? ''}:${parentOf(n).name?.value ?? ''}` : '',
            role: n.role?.value ?? '',
            name: n.name?.value ?? '',
            description: n.description?.value ?? '',
            live: n.properties?.find((p) => p.name === 'live')?.value?.value ?? '',
            focusable: n.properties?.some((p) => p.name === 'focusable' && p.value?.value === true) ?? false,
          }));
      } finally {
        await cdp.detach();
      }
    }
    if (command === 'heap-usage') {
      if (session.browser.type === 'playwright') {
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
      }
      if (session.browser.type === 'puppeteer') {
        const page = session.browser.getPage(session.id);
        return page.evaluate(async () => {
          await globalThis.TestUtils.gc();
          await globalThis.TestUtils.gc();
          return performance.mozMemory.gc.gcBytes;
        });
      }
      throw new Error(`heap-usage: no heap measure in ${session.browser.name}`);
    }
    if (command === 'media') {
      const media = payload?.media;
      if (media !== 'print' && media !== 'screen') throw new Error('media: { media: "print" | "screen" }');
      if (session.browser.type === 'playwright') {
        await session.browser.getPage(session.id).emulateMedia({ media });
        return true;
      }
      if (session.browser.type === 'puppeteer') {
        const page = session.browser.getPage(session.id);
        const tabs = await firefoxChrome(
          session,
          'media',
          `const tabs = gBrowser.tabs.filter((t) => t.linkedBrowser.currentURI.spec === ${JSON.stringify(page.url())});
          for (const t of tabs) t.linkedBrowser.browsingContext.mediumOverride = ${JSON.stringify(media === 'print' ? 'print' : '')};
          return tabs.length;`,
        );
        if (tabs !== 1) throw new Error(`media: the test page's tab was not found (${tabs} tabs)`);
        return true;
      }
      return false;
    }
    return undefined;
  },
};

/**
 * Keys for WebKit's WebDriver, one key down and up after the other. The launcher's own `sendKeys` (webdriverio's
 * `keys()`) presses every key of the text down before releasing them, as for a chord: a repeated letter (« nn » of
 * « etienne ») is then typed once. Named keys as in Playwright (`Tab`, `ArrowDown`, `Shift+Tab`…).
 */
const WEBDRIVER_KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Delete: '\uE017',
  Meta: '\uE03D',
};
function webdriverKeyActions(keys) {
  const actions = [];
  for (const key of keys) {
    const chord = key.length > 1 && key.includes('+') ? key.split('+') : [key];
    const values = chord.map((k) => {
      const value = WEBDRIVER_KEYS[k] ?? k;
      if ([...value].length !== 1) throw new Error(`sendKeys: unknown key ${k}`);
      return value;
    });
    for (const value of values) actions.push({ type: 'keyDown', value });
    for (const value of values.reverse()) actions.push({ type: 'keyUp', value });
  }
  return [{ type: 'key', id: 'keyboard', actions }];
}

const chromium = () =>
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
  });

/** Firefox ESR through puppeteer-core (WebDriver BiDi), with the launcher of @web/test-runner-puppeteer minus its browser download. */
const firefox = () =>
  chromeLauncher({
    puppeteer: puppeteerCore,
    launchOptions: {
      browser: 'firefox',
      executablePath: firefoxPath,
      headless: true,
      // The `media` command (above) sets the print medium from the browser's privileged scope.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // Long-lived page tests (heap-usage above): TestUtils.gc() (a full GC and CC, as WPT's testdriver uses it) and
        // performance.mozMemory (the JS engine's heap size).
        'dom.testing.testutils.enabled': true,
        'dom.enable_memory_stats': true,
      },
    },
  });

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/**
 * WebKit: WebKitWebDriver on a free port (other checkouts may run theirs on this machine), under xvfb-run since
 * MiniBrowser needs an X display; webdriverio drives it. The driver's process group is ended when the run stops.
 */
function webkit() {
  let driver;
  const launcher = webdriverLauncher({
    hostname: '127.0.0.1',
    port: 0,
    path: '/',
    logLevel: 'error',
    capabilities: {},
  });
  const initialize = launcher.initialize.bind(launcher);
  const stop = launcher.stop.bind(launcher);
  launcher.initialize = async (config, testFiles) => {
    const port = await freePort();
    driver = spawn(
      'xvfb-run',
      ['-a', '-s', '-screen 0 1280x1024x24', webkitDriverPath, `--port=${port}`, '--host=127.0.0.1'],
      {
        detached: true,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const ended = new Promise((done) => driver.once('exit', done));
    // Also when the run is interrupted before stop().
    process.once('exit', () => endDriver());
    for (let i = 0; ; i++) {
      const ready = await fetch(`http://127.0.0.1:${port}/status`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ready) break;
      if (i > 100 || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start (${webkitDriverPath})`);
      await Promise.race([ended, new Promise((done) => setTimeout(done, 100))]);
    }
    launcher.options.port = port;
    launcher.options.capabilities = {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only: webdriverio must not ask for a BiDi socket (`webSocketUrl`).
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
    };
    await initialize(config, testFiles);
    launcher.name = 'WebKit (MiniBrowser)';
  };
  launcher.sendKeys = (sessionId, keys) => launcher.driverManager.performActions(sessionId, webdriverKeyActions(keys));
  const endDriver = () => {
    if (driver && driver.exitCode === null) {
      try {
        process.kill(-driver.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  launcher.stop = async () => {
    await stop();
    endDriver();
  };
  return launcher;
}

const launchers = { chromium, firefox, webkit };
const engineOf = new Map();

export default {
  rootDir: here,
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  middleware: [cspMiddleware, faultsMiddleware, cdnFailMiddleware, geometryMiddleware, createPortalServer().middleware],
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: resolve(here, 'tsconfig.json') }),
    litDevWarnings,
    enginePlugin,
    secondOrigin(),
  ],
  browsers: engines.map((e) => {
    const launcher = launchers[e]();
    engineOf.set(launcher, e);
    return launcher;
  }),
  testFramework: { config: { timeout: 10000 } },
  // The test page:
  // - Lit's « dev mode » banner, printed once per test file, is known: marked as issued so that Lit does not print it,
  //   and a real warning stands out. Every other Lit warning (change-in-update…) prints and fails the test that
  //   printed it (test/lit-dev-warnings.ts, imported first by every test file).
  // - Text in Marianne, DSFR's font (what the widgets meet on government pages), loaded before the first test: every
  //   engine and every machine measures the same text widths (each engine's default font differs, and layouts from
  //   measured text would differ with it).
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <head>
        <style>
          @font-face { font-family: Marianne; font-weight: 400; src: url(/node_modules/@gouvfr/dsfr/dist/fonts/Marianne-Regular.woff2) format('woff2'); }
          @font-face { font-family: Marianne; font-weight: 500; src: url(/node_modules/@gouvfr/dsfr/dist/fonts/Marianne-Medium.woff2) format('woff2'); }
          @font-face { font-family: Marianne; font-weight: 700; src: url(/node_modules/@gouvfr/dsfr/dist/fonts/Marianne-Bold.woff2) format('woff2'); }
          html { font-family: Marianne, arial, sans-serif; }
        </style>
      </head>
      <body>
        <script>window.litIssuedWarnings = new Set(['dev-mode']);</script>
        <script type="module">
          await Promise.all(['400', '500', '700'].map((w) => document.fonts.load(w + ' 1em Marianne')));
          await import('${testFramework}');
        </script>
      </body>
    </html>`,
  // The hostile-input corpus (test/hardening/corpus.test.ts) runs about a minute on 2 cores.
  testsFinishTimeout: 240000,
};
