// Builds the CDN bundle when it is missing or older than the sources (or vite.config.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Newest modification time (ms) of the files under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const time = entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
    if (time > latest) latest = time;
  }
  return latest;
}

/** Returns the path of `cdn/france-relance-widgets.js`, building it first if needed. */
export function ensureBundle(root, { log = console.log } = {}) {
  const bundle = resolve(root, 'cdn/france-relance-widgets.js');
  const sources = Math.max(newest(resolve(root, 'src')), statSync(resolve(root, 'vite.config.ts')).mtimeMs);
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= sources) {
    log('CDN bundle is up to date.');
    return bundle;
  }
  log('Building the CDN bundle (npx vite build --mode cdn)…');
  const result = spawnSync('npx', ['vite', 'build', '--mode', 'cdn', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(bundle)) throw new Error('vite build --mode cdn failed');
  return bundle;
}
