#!/usr/bin/env node
// The README's screenshots of the default theme, from a built site, in
// headless Chromium (the browser tests' tools: tests/browser/run.sh
// --install-only installs them):
//
//   cargo run --release -- build --output /tmp/site
//   node docs/screenshots/make.mjs /tmp/site
//
// Writes docs/screenshots/<page>-<desktop|phone>.png: the home page, an
// article with its gallery, a cluster-year page, each as the first screen
// at 1366×900 and 390×844.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from '../../tests/browser/lib.mjs';

const root = process.argv[2];
if (!root) {
  console.error('usage: node docs/screenshots/make.mjs OUTPUT_DIR');
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const pages = {
  home: '/',
  article: '/tin-tuc/2024/ky-ket-cum-3/',
  'cluster-year': '/cum-thi-dua/cdvc-cum-3/2024/',
};
const screens = {
  desktop: { viewport: { width: 1366, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true },
};
const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
for (const [screen, options] of Object.entries(screens)) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  for (const [name, url] of Object.entries(pages)) {
    await page.goto(base + url, { waitUntil: 'networkidle' });
    // The article is shown at its gallery.
    if (name === 'article') await page.locator('.gallery').first().scrollIntoViewIfNeeded();
    const file = path.join(here, `${name}-${screen}.png`);
    await page.screenshot({ path: file });
    console.log(file);
  }
  await context.close();
}
await browser.close();
server.close();
