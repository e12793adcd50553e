// The map geometry on the test server (web-test-runner.config.mjs): served under any `…/geo/<file>` path, from
// data/geo/ (or GEO_DIR) and the projected files derived from it.
import { createReadStream, existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { geoDir, projectedGeometry } from '../../scripts/copy-geo.mjs';

/**
 * Serves any request for `…/geo/<file>` (the package's geometry folder) from data/geo/ (or GEO_DIR), and the files the
 * build derives from it (`*.projected.json`, computed once per run by scripts/copy-geo.mjs).
 */
export async function geometryMiddleware(ctx, next) {
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
