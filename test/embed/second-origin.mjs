// A second origin for the tests of the embed page (test/embed/): a plain static server of the project root on
// another loopback port (127.0.0.1, a free port; the test runner's pages are on localhost), as the server of a site
// or CDN that hosts cdn/embed.html would be. Every response has `Access-Control-Allow-Origin: *`, as CDNs and GitHub
// Pages send it: an iframe sandboxed without `allow-same-origin` has an opaque origin, so its module scripts, data
// and map geometry are cross-origin requests (README, « Embed in a CMS page »). HTML pages also carry their own
// policy as `Content-Security-Policy-Report-Only` with a `report-uri` here: each violation of the policy the page
// enforces (its meta tag) is reported, and `GET /__reports` answers them (a JSON array).
// The test runner's plugin answers the command `second-origin` with this server's origin.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json',
};

/** The policy in a page's `<meta http-equiv="Content-Security-Policy">`, if any. */
function metaPolicy(html) {
  const m = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
  return m ? m[1] : undefined;
}

export function secondOrigin() {
  let server;
  let origin;
  const reports = [];
  return {
    name: 'relance-second-origin',
    async serverStart() {
      server = createServer(async (req, res) => {
        const url = new URL(req.url, 'http://x');
        const cors = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };
        if (url.pathname === '/__reports') {
          if (req.method === 'POST') {
            const chunks = [];
            for await (const c of req) chunks.push(c);
            try {
              const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              reports.push(body['csp-report'] ?? body);
            } catch {
              reports.push({ unreadable: true });
            }
            res.writeHead(204, cors).end();
          } else res.writeHead(200, { ...cors, 'Content-Type': 'application/json' }).end(JSON.stringify(reports));
          return;
        }
        const file = join(root, decodeURIComponent(url.pathname));
        if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) {
          res.writeHead(404, cors).end();
          return;
        }
        const headers = { ...cors, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
        if (file.endsWith('.html')) {
          const policy = metaPolicy(readFileSync(file, 'utf8'));
          if (policy) headers['Content-Security-Policy-Report-Only'] = `${policy}; report-uri ${origin}/__reports`;
        }
        res.writeHead(200, headers);
        createReadStream(file).pipe(res);
      });
      await new Promise((done) => server.listen(0, '127.0.0.1', done));
      origin = `http://127.0.0.1:${server.address().port}`;
    },
    async serverStop() {
      await new Promise((done) => server?.close(done));
    },
    executeCommand({ command }) {
      if (command === 'second-origin') return origin;
      return undefined;
    },
  };
}
