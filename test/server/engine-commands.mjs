// The test server's commands that each engine answers in its own way (web-test-runner.config.mjs, test/engine.ts):
// the engine's name, viewport size, forced colours, reduced motion, the accessibility tree, the heap after a full
// garbage collection, the print medium.
import { engineOf } from './launchers.mjs';

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

/**
 * Server commands of the tests that the engines answer each in their own way (`session.browser.type` is `playwright`
 * for Chromium, `puppeteer` for Firefox, `webdriver` for WebKit):
 * - `engine`: `chromium`, `firefox` or `webkit`, the engine of the session's launcher (test/engine.ts).
 * - `heap-usage`: the page's JS heap in bytes after a full garbage collection, for the long-lived page tests
 *   (`performance.memory` is coarse and rarely updated). Chromium: the DevTools protocol. Firefox: `TestUtils.gc()`
 *   (a full GC and CC, what WPT's testdriver uses) and `performance.mozMemory.gc.gcBytes` (the JS engine's heap), both
 *   behind the preferences set in `firefox()` (launchers.mjs). WebKit: none (its WebDriver has no such command and
 *   MiniBrowser exposes no forced GC to the page): the test is excluded in WebKit (README, « Supported browsers »).
 * - `media` (`{ media: 'print' | 'screen' }`): the CSS media type of the page, for the print test of the map. Chromium:
 *   Playwright's `emulateMedia`. Firefox: the browsing context's `mediumOverride`, what Firefox's own DevTools set to
 *   simulate print, from the browser's privileged scope (`--remote-allow-system-access`), since WebDriver BiDi has no
 *   media emulation. WebKit: `false`, nothing emulated (classic WebDriver has no media emulation); the print test is
 *   excluded in WebKit.
 */
export const enginePlugin = {
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
