// The browsers of the test run (web-test-runner.config.mjs), each from Debian's packages: Chromium through
// Playwright, Firefox ESR through puppeteer-core over WebDriver BiDi, WebKitGTK's MiniBrowser through WebKitWebDriver
// and webdriverio under xvfb-run, with WebKit's key actions.
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const webkitDriverPath = process.env.WEBKIT_WEBDRIVER_PATH || '/usr/bin/WebKitWebDriver';
const miniBrowserPath = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

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
      // The `media` command (engine-commands.mjs) sets the print medium from the browser's privileged scope.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        // Long-lived page tests (heap-usage, engine-commands.mjs): TestUtils.gc() (a full GC and CC, as WPT's testdriver
        // uses it) and performance.mozMemory (the JS engine's heap size).
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

/** The launcher of each engine, by the names of BROWSERS. */
export const launchers = { chromium, firefox, webkit };
/** The engine name of each launcher of the run (set by the config), for the `engine` command (engine-commands.mjs). */
export const engineOf = new Map();
