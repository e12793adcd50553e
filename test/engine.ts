/**
 * The browser engine a test runs in, and the server commands that each engine answers in its own way
 * (test/server/engine-commands.mjs). `npm test` runs every test file in Chromium, Firefox and WebKit; a test excluded in
 * one engine says why next to the exclusion, and README.md (« Supported browsers ») lists every exclusion.
 */
import { executeServerCommand } from '@web/test-runner-commands';

export type Engine = 'chromium' | 'firefox' | 'webkit';

/** The engine of this run, from the test runner (the launcher that started the page), not from the user agent. */
export const engine: Engine = await (async () => {
  const name = await executeServerCommand<Engine, undefined>('engine');
  if (name !== 'chromium' && name !== 'firefox' && name !== 'webkit')
    throw new Error(`engine: unknown (${String(name)})`);
  return name;
})();

/**
 * Whether the page's JS heap can be measured after a full garbage collection (`heapUsage`): Chromium (DevTools
 * protocol) and Firefox (TestUtils.gc() and performance.mozMemory); not WebKit, whose WebDriver has no such command
 * and whose MiniBrowser exposes no forced garbage collection to the page.
 */
export const canMeasureHeap = engine !== 'webkit';

/** The page's JS heap in bytes after a full garbage collection. */
export async function heapUsage(): Promise<number> {
  const bytes = await executeServerCommand<number, undefined>('heap-usage');
  if (typeof bytes !== 'number') throw new Error(`heap-usage: no answer in ${engine}`);
  return bytes;
}

/**
 * Whether the CSS media type can be emulated (`emulateMediaType`): Chromium (Playwright) and Firefox (the browsing
 * context's medium override); not WebKit, whose WebDriver has no media emulation.
 */
export const canEmulateMedia = engine !== 'webkit';

/** Sets the CSS media type of the page; `false` where the engine cannot (WebKit: nothing to reset after a test). */
export async function emulateMediaType(media: 'print' | 'screen'): Promise<boolean> {
  return (await executeServerCommand<boolean, { media: string }>('media', { media })) === true;
}

/** A node of the accessibility tree: what a screen reader is given. */
export interface AxNode {
  /** The nearest ancestor not ignored, as `role:name`. */
  parent: string;
  role: string;
  name: string;
  description: string;
  /** `polite`, `assertive` or empty. */
  live: string;
  focusable: boolean;
}

/**
 * Whether the page's accessibility tree can be read (`axTree`): Chromium (DevTools protocol); not Firefox (WebDriver
 * BiDi has no accessibility command) nor WebKit (WebDriver has none for the whole tree).
 */
export const canReadAxTree = engine === 'chromium';

/** The page's accessibility tree, flattened (nodes not ignored), as Chromium gives it to screen readers. */
export async function axTree(): Promise<AxNode[]> {
  const nodes = await executeServerCommand<AxNode[] | null, undefined>('ax-tree');
  if (!nodes) throw new Error(`ax-tree: no accessibility tree in ${engine}`);
  return nodes;
}

/**
 * Whether a phone-sized viewport can be set (`setViewportSize` under 447 px wide): Chromium and Firefox; not WebKit,
 * whose MiniBrowser window cannot be narrower than its toolbar (447 px).
 */
export const canSetPhoneViewport = engine !== 'webkit';

/** Sets the size of the page's viewport (every engine; WebKit through its window's size, 447 px wide or more). */
export async function setViewportSize(width: number, height: number): Promise<void> {
  const done = await executeServerCommand<boolean, { width: number; height: number }>('viewport', { width, height });
  if (done !== true) throw new Error(`viewport: ${width}×${height} not set in ${engine}`);
  // Let the page see the new size.
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
}

/**
 * Whether `forced-colors: active` can be emulated (`emulateForcedColors`): Chromium (Playwright) and Firefox (its « override
 * the page's colours » setting); not WebKit, whose WebDriver has no such switch.
 */
export const canEmulateForcedColors = engine !== 'webkit';

/** Turns forced colours on or off for the page; resolves once the media query says so. */
export async function emulateForcedColors(active: boolean): Promise<void> {
  const done = await executeServerCommand<boolean, { active: boolean }>('forced-colors', { active });
  if (done !== true) throw new Error(`forced-colors: not available in ${engine}`);
  const query = matchMedia('(forced-colors: active)');
  for (let i = 0; i < 100 && query.matches !== active; i++) await new Promise((r) => setTimeout(r, 20));
  if (query.matches !== active)
    throw new Error(`forced-colors: the page does not see forced-colors: ${active ? 'active' : 'none'} in ${engine}`);
}

/**
 * Whether `prefers-reduced-motion: reduce` can be emulated (`emulateReducedMotion`): Chromium (Playwright) and Firefox
 * (ui.prefersReducedMotion); not WebKit, whose WebDriver has no such switch.
 */
export const canEmulateReducedMotion = engine !== 'webkit';

/** Turns the reader's « reduce motion » preference on or off; resolves once the media query says so. */
export async function emulateReducedMotion(reduce: boolean): Promise<void> {
  const done = await executeServerCommand<boolean, { reduce: boolean }>('reduced-motion', { reduce });
  if (done !== true) throw new Error(`reduced-motion: not available in ${engine}`);
  const query = matchMedia('(prefers-reduced-motion: reduce)');
  for (let i = 0; i < 100 && query.matches !== reduce; i++) await new Promise((r) => setTimeout(r, 20));
  if (query.matches !== reduce) throw new Error(`reduced-motion: the page does not see it in ${engine}`);
}
