// @web/test-runner: unit and component tests in three engines, from Debian's packages (README, « Supported browsers »):
// - chromium: Playwright driving /usr/bin/chromium (CHROME_PATH);
// - firefox: puppeteer-core over WebDriver BiDi driving /usr/bin/firefox-esr (FIREFOX_PATH);
// - webkit: WebDriver (webdriverio) against WebKitGTK's WebKitWebDriver, which starts MiniBrowser in automation mode,
//   both under xvfb-run (WEBKIT_WEBDRIVER_PATH, MINIBROWSER_PATH).
// BROWSERS=chromium,firefox,webkit chooses the engines of one run (default: chromium, e.g. for `npm run test:watch`);
// `npm test` runs the three one after the other through scripts/test-browsers.mjs.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// The embed page's tests (test/embed/): a second origin on another loopback port.
import { secondOrigin } from './test/embed/second-origin.mjs';
// The portal adapters' tests (test/portal/): a local Explore API v2.1 and tabular API under /__portal/, on SQLite
// (sql.js) with 1 000 000 fictitious rows, loaded on the first request to it (generated once into .cache/portal/).
import { createPortalServer } from './test/portal/server.mjs';
// The test server's middlewares and commands, and the browsers' launchers (test/server/).
import { cdnFailMiddleware } from './test/server/cdn-fail.mjs';
import { cspMiddleware } from './test/server/csp.mjs';
import { enginePlugin } from './test/server/engine-commands.mjs';
import { faultsMiddleware } from './test/server/faults.mjs';
import { geometryMiddleware } from './test/server/geometry.mjs';
import { engineOf, launchers } from './test/server/launchers.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const engines = (process.env.BROWSERS || 'chromium')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
for (const e of engines)
  if (!['chromium', 'firefox', 'webkit'].includes(e)) throw new Error(`BROWSERS: unknown engine ${e}`);

/** Every test file imports test/lit-dev-warnings.ts first: a Lit dev-mode warning fails the test that printed it. */
const litDevWarnings = {
  name: 'lit-dev-warnings',
  transform(context) {
    if (context.path.endsWith('.test.ts')) return { body: `import '/test/lit-dev-warnings.ts';\n${context.body}` };
  },
};

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
