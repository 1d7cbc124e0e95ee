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
import { spawn } from 'node:child_process';

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

/// The release binary of bangtin ($BANGTIN_BIN, else under $CARGO_TARGET_DIR
/// or target/); exits when it is missing.
export function bangtinBin(what) {
  const bin = process.env.BANGTIN_BIN
    || path.join(process.env.CARGO_TARGET_DIR || 'target', 'release', 'bangtin');
  if (!fs.existsSync(bin)) {
    console.error(`${what}: ${bin} is missing (build with cargo build --release)`);
    process.exit(1);
  }
  return bin;
}

/// A copy of the example site in a new temporary folder, so that a test
/// writes nowhere in the repository.
export function exampleCopy(prefix) {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const part of ['site.yaml', 'content', 'data', 'static']) {
    if (fs.existsSync(part)) fs.cpSync(part, path.join(site, part), { recursive: true });
  }
  return site;
}

/// Runs `bangtin serve` on `site` at a free port; resolves to the process
/// and the editor's token address it prints.
export function serveEditor(bin, site) {
  const serve = spawn(bin, ['serve', '--site', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error('serve printed no editor address: ' + out)), 60000);
    serve.stdout.on('data', (b) => {
      out += b;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+\/_bangtin\/\?token=[0-9a-f]+/);
      if (m) { clearTimeout(timer); ok({ serve, address: m[0] }); }
    });
    serve.on('exit', () => fail(new Error('serve stopped: ' + out)));
  });
}

/// Clicks Xuất bản and waits until its dialog reports the pages built.
export async function publish(page) {
  await page.getByRole('button', { name: 'Xuất bản' }).click();
  await page.waitForSelector('dialog[open]', { timeout: 120000 });
  await page.waitForFunction(() => /trang/.test(document.querySelector('dialog[open]').innerText), null, { timeout: 120000 });
}

/// The end of an editor test, whatever happened: the browser closed,
/// `serve` stopped, the site copy removed.
export async function closeEditor(browser, serve, site) {
  await browser.close();
  serve.kill();
  fs.rmSync(site, { recursive: true, force: true });
}

/// axe-core's WCAG 2.2 AA rules on the page, as one check.
export async function axeCheck(page, what) {
  let file = null;
  try { file = require.resolve('axe-core/axe.min.js'); } catch { file = null; }
  if (!file) { check(false, `axe-core is installed for ${what}`); return; }
  await page.addScriptTag({ path: file });
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  check(r.violations.length === 0, `axe: no WCAG violation on ${what}`,
    r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`).join('; '));
}
