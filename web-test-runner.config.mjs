// @web/test-runner: unit and component tests in headless Chromium (Debian's /usr/bin/chromium by default).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { createReadStream, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const executablePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
/** Map geometry is never committed: tests read it from ../shared/data/geo (or GEO_DIR). */
const geoDir = resolve(here, process.env.GEO_DIR || '../shared/data/geo');

/** Serves any request for `…/geo/<file>` (the package's geometry folder) from the shared geometry. */
function geometryMiddleware(ctx, next) {
  const match = /\/geo\/([\w.-]+\.(?:json|md))$/.exec(ctx.path);
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

export default {
  rootDir: here,
  files: ['src/**/*.test.ts', 'test/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  middleware: [geometryMiddleware],
  plugins: [esbuildPlugin({ ts: true, tsconfig: resolve(here, 'tsconfig.json') })],
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
        ],
      },
    }),
  ],
  testFramework: { config: { timeout: 10000 } },
};
