// What the browser scripts share: a static server over a built output
// folder (as a plain web host serves it), Chromium through playwright-core
// from the site-check tools, a request log with gzip sizes, and checks that
// count failures.
import { createRequire } from 'node:module';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';

const tools = process.env.TOOLS || path.join(os.homedir(), '.cache', 'site-check');
const require = createRequire(path.join(tools, 'node', 'node_modules', 'x.js'));

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.mjs': 'text/javascript', '.json': 'application/json', '.wasm': 'application/wasm',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

/// Serves `dir` on a loopback port; resolves to the server (`.address().port`).
export function serve(dir) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/// Headless Chromium from the Debian package (or $CHROMIUM).
export async function launch() {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
      '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/// The gzip size (level 6, what web servers use) of a file of `dir`
/// named by a URL path.
export function gzipSize(dir, pathname) {
  let rel = decodeURIComponent(pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(path.resolve(dir), path.normalize(rel));
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return 0;
  return zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
}

/// Records the paths a page requests from now on; `take()` returns and
/// clears them.
export function requestLog(page) {
  let seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return { take() { const s = seen; seen = []; return s; } };
}

let failures = 0;
export function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? `: ${detail}` : ''}`);
  if (!ok) failures++;
}
export function failed() { return failures; }
