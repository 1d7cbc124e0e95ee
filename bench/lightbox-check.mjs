#!/usr/bin/env node
// Drives the default theme's lightbox in a real browser (Chromium through
// playwright-core). Not part of `cargo test`: CI has no browser.
//
//   cargo run --release -- build --output /tmp/site
//   node bench/lightbox-check.mjs /tmp/site [/tin-tuc/2024/ky-ket-cum-3/]
//
// It builds nothing: it serves the given output folder on a loopback port
// and checks, on an article with photos, that
//   - no large image is requested before the lightbox opens;
//   - clicking a gallery photo opens the dialog with the large image and
//     its caption; ArrowRight/ArrowLeft move; Tab and Shift+Tab stay
//     inside; Escape closes and focus returns to the clicked photo;
//   - a swipe on a touch screen moves to the next photo;
//   - axe-core finds no WCAG problem in the open dialog;
//   - without JavaScript the photo's link opens the large JPEG.
// Exits 1 when any check fails.
// Env: TOOLS (default ~/.cache/site-check), CHROMIUM (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

/// A photo's path without its format: the lightbox shows the WebP of the
/// large JPEG the link points to.
const stem = (p) => p.replace(/\.(webp|jpe?g|png)$/, '');

const tools = process.env.TOOLS || path.join(os.homedir(), '.cache', 'site-check');
const require = createRequire(path.join(tools, 'node', 'node_modules', 'x.js'));
const { chromium } = require('playwright-core');

const root = process.argv[2];
const pagePath = process.argv[3] || '/tin-tuc/2024/ky-ket-cum-3/';
if (!root || !fs.existsSync(path.join(root, 'index.html'))) {
  console.error('usage: node bench/lightbox-check.mjs OUTPUT_DIR [PAGE_PATH]');
  process.exit(2);
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.jpg': 'image/jpeg', '.webp': 'image/webp', '.png': 'image/png', '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

function serve(dir) {
  const server = http.createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

let failures = 0;
function check(ok, what, detail = '') {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${!ok && detail ? `: ${detail}` : ''}`);
  if (!ok) failures++;
}

const LAUNCH = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
  '--disable-background-networking', '--disable-dev-shm-usage'];

async function withJs(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await ctx.newPage();
  const requested = [];
  const errors = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  // Scroll through the page so lazy pictures load as they would for a reader.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
  await page.waitForLoadState('networkidle');

  const links = await page.$$eval('.gallery a.photo-link', (as) => as.map((a) => ({
    href: new URL(a.href).pathname,
    caption: a.closest('figure')?.querySelector('figcaption')?.textContent || '',
  })));
  // The lightbox moves through each large image once, in page order.
  const all = [...new Set(await page.$$eval('a.photo-link', (as) => as.map((a) => new URL(a.href).pathname)))];
  check(links.length >= 3, `the gallery has photos (${links.length})`);
  const large = new Set(all);
  const early = requested.filter((p) => large.has(p));
  check(early.length === 0, 'no large image is requested before the lightbox opens', early.join(', '));

  const first = all.indexOf(links[0].href);
  const open = page.locator('.gallery a.photo-link').first();
  await open.scrollIntoViewIfNeeded();
  await open.click();
  const dialog = page.locator('dialog.lightbox');
  await dialog.waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
  check(await dialog.evaluate((d) => d.open).catch(() => false), 'clicking a photo opens the dialog');
  const state = () => page.evaluate(() => {
    const d = document.querySelector('dialog.lightbox');
    const img = d.querySelector('img');
    return {
      src: new URL(img.currentSrc || img.src, location.href).pathname,
      loaded: img.complete && img.naturalWidth > 0,
      alt: img.alt,
      caption: d.querySelector('figcaption').hidden ? '' : d.querySelector('figcaption').textContent,
      counter: d.querySelector('.lightbox-counter')?.textContent || '',
      focusInside: d.contains(document.activeElement),
      focused: document.activeElement?.className || document.activeElement?.tagName,
    };
  });
  await page.waitForFunction(() => document.querySelector('dialog.lightbox img')?.complete);
  let s = await state();
  check(stem(s.src) === stem(links[0].href) && s.loaded, 'the dialog shows the large image', JSON.stringify(s));
  check(s.src.endsWith('.webp'), 'the large image is the WebP of the same size (issue 20)', s.src);
  check(s.caption === links[0].caption && s.caption !== '', 'the dialog shows its caption', JSON.stringify(s));
  check(requested.some((p) => stem(p) === stem(links[0].href)), 'the large image is requested once shown');
  check(s.focusInside, 'focus moves into the dialog', s.focused);
  // Evaluated, not added as a <script>: the theme's Content-Security-Policy
  // refuses inline scripts, and rightly so.
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => (await window.axe.run(
    document.querySelector('dialog.lightbox'),
    { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  )).violations.map((v) => `${v.id} (${v.nodes.length})`));
  check(violations.length === 0, 'axe finds no WCAG problem in the open dialog', violations.join(', '));

  await page.keyboard.press('ArrowRight');
  s = await state();
  const next = all[(first + 1) % all.length];
  check(stem(s.src) === stem(next), 'ArrowRight shows the next photo', `${s.src} ≠ ${next}`);
  check(s.caption === links[1].caption, 'ArrowRight shows the next caption', `${s.caption} ≠ ${links[1].caption}`);
  await page.keyboard.press('ArrowLeft');
  s = await state();
  check(stem(s.src) === stem(links[0].href), 'ArrowLeft goes back', s.src);
  await page.keyboard.press('ArrowLeft');
  s = await state();
  const prev = all[(first - 1 + all.length) % all.length];
  check(stem(s.src) === stem(prev), 'ArrowLeft wraps around', `${s.src} ≠ ${prev}`);
  await page.keyboard.press('ArrowRight');

  let inside = true;
  const seen = new Set();
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press(i < 4 ? 'Tab' : 'Shift+Tab');
    s = await state();
    seen.add(s.focused);
    inside = inside && s.focusInside;
  }
  check(inside, 'Tab and Shift+Tab stay inside the dialog', [...seen].join(', '));
  check(seen.size >= 3, 'Tab reaches every button of the dialog', [...seen].join(', '));

  await page.keyboard.press('Escape');
  const after = await page.evaluate((href) => ({
    open: document.querySelector('dialog.lightbox').open,
    focusBack: document.activeElement?.matches('.gallery a.photo-link')
      && new URL(document.activeElement.href).pathname === href,
    scrollLocked: document.documentElement.classList.contains('lightbox-open'),
  }), links[0].href);
  check(!after.open, 'Escape closes the dialog');
  check(after.focusBack, 'focus returns to the clicked photo');
  check(!after.scrollLocked, 'the page scrolls again after closing');

  // A second opening from another photo, closed with the close button.
  await page.locator('.gallery a.photo-link').nth(2).click();
  s = await state();
  check(stem(s.src) === stem(links[2].href) && s.caption === links[2].caption, 'another photo opens at itself', JSON.stringify(s));
  await page.locator('dialog.lightbox .lightbox-close').click();
  const back = await page.evaluate((href) => !document.querySelector('dialog.lightbox').open
    && new URL(document.activeElement.href).pathname === href, links[2].href);
  check(back, 'the close button closes and focus returns');
  check(errors.length === 0, 'no JavaScript errors', errors.join('; '));
  await ctx.close();
  return links;
}

async function swipe(browser, url, links) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('.gallery a.photo-link').first().tap();
  await page.locator('dialog.lightbox').waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
  const src = await page.evaluate(() => {
    const d = document.querySelector('dialog.lightbox');
    const touch = (type, x) => d.dispatchEvent(new TouchEvent(type, {
      bubbles: true,
      changedTouches: [new Touch({ identifier: 1, target: d, clientX: x, clientY: 400 })],
    }));
    touch('touchstart', 300);
    touch('touchend', 100);
    return new URL(d.querySelector('img').src).pathname;
  });
  check(stem(src) === stem(links[1].href), 'a swipe to the left shows the next photo', src);
  const fits = await page.evaluate(() => {
    const img = document.querySelector('dialog.lightbox img');
    const r = img.getBoundingClientRect();
    return r.width <= innerWidth + 1 && r.height <= innerHeight + 1;
  });
  check(fits, 'the large image fits a phone screen');
  await ctx.close();
}

async function withoutJs(browser, url, links) {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const [response] = await Promise.all([
    page.waitForNavigation(),
    page.locator('.gallery a.photo-link').first().click(),
  ]);
  const type = response?.headers()['content-type'] || '';
  const at = new URL(page.url()).pathname;
  check(at === links[0].href && at.endsWith('.jpg') && type === 'image/jpeg',
    'without JavaScript the photo links to the large JPEG', `${at} (${type})`);
  await ctx.close();
}

const server = await serve(root);
const url = `http://127.0.0.1:${server.address().port}${pagePath}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: LAUNCH });
try {
  console.log(`lightbox check on ${url}`);
  const links = await withJs(browser, url);
  await swipe(browser, url, links);
  await withoutJs(browser, url, links);
} catch (e) {
  check(false, 'the check ran to the end', e.stack || String(e));
} finally {
  await browser.close();
  server.close();
}
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
