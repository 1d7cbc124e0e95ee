#!/usr/bin/env node
// Measures a first search in headless Chromium, bangtin's /tim-kiem/ against
// Pagefind over the same built site (bench/search.sh prepares both):
//
//   node bench/search.mjs OUTPUT_DIR QUERIES.tsv
//
// QUERIES.tsv: one `query<TAB>expected address` a line. For each query, in
// a fresh browser (empty cache), it counts the requests and the gzip bytes
// (level 6, or the file's own size when that is smaller: Pagefind's files are
// compressed already) of the search's own files until the first results show,
// and whether the first result is the expected page. bangtin: the search
// script and the index files the page had when it showed the first results,
// the query typed into the page's field, and the routing table the page
// carries (its bytes, no request).
// Pagefind: pagefind.js and every file it fetches, the query given to its
// JavaScript API and the first 5 results' data loaded (what its UI shows
// first). The HTML page, style sheet and icon are left out for both.
// Prints one JSON line per query and tool, then a summary line per tool.
// SEARCH_TOOLS=bangtin measures bangtin alone (no Pagefind index needed).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch } from '../tests/browser/lib.mjs';

const [root, list] = process.argv.slice(2);
if (!root || !list) {
  console.error('usage: node bench/search.mjs OUTPUT_DIR QUERIES.tsv');
  process.exit(2);
}
const queries = fs.readFileSync(list, 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => { const [q, want] = l.split('\t'); return { q, want }; });

function sent(pathname) {
  let rel = decodeURIComponent(pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(path.resolve(root), path.normalize(rel));
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) return 0;
  const bytes = fs.readFileSync(file);
  return Math.min(bytes.length, zlib.gzipSync(bytes, { level: 6 }).length);
}

// Pagefind's page: its API, the first five results' data, their addresses.
const PF_PAGE = '/pagefind-bench.html';
fs.writeFileSync(path.join(root, PF_PAGE.slice(1)), `<!doctype html><meta charset="utf-8"><title>pf</title>
<script type="module">
window.run = async (q) => {
  const pf = await import("/pagefind/pagefind.js");
  const r = await pf.search(q);
  const data = await Promise.all(r.results.slice(0, 5).map((x) => x.data()));
  return data.map((d) => d.url);
};
</script>`);

// The gzip bytes of the routing table the search page carries.
const ROUTING = (() => {
  const page = fs.readFileSync(path.join(root, 'tim-kiem', 'index.html'), 'utf8');
  const table = /<script[^>]*id="chi-muc-tim"[^>]*>([\s\S]*?)<\/script>/.exec(page);
  return table ? zlib.gzipSync(Buffer.from(table[1]), { level: 6 }).length : 0;
})();

const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

async function measure(tool, q) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  let log = [];
  page.on('request', (r) => log.push(new URL(r.url()).pathname));
  let first = '';
  const t0 = Date.now();
  if (tool === 'bangtin') {
    await page.goto(`${base}/tim-kiem/`, { waitUntil: 'load' });
    // The files fetched by the time the status says the count, which it
    // does once the first results are on the page (the rest of the page of
    // results may load after).
    await page.evaluate(() => {
      const s = document.getElementById('trang-thai-tim');
      new MutationObserver(() => {
        if (!window.benchShown && s.textContent !== '' && s.textContent !== s.dataset.loading) {
          window.benchShown = performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
        }
      }).observe(s, { childList: true, characterData: true, subtree: true });
    });
    await page.fill('#tu-khoa', q);
    await page.waitForFunction(() => window.benchShown, null, { timeout: 30000 });
    log = await page.evaluate(() => window.benchShown);
    first = await page.evaluate(() => document.querySelector('#ket-qua-tim h2 a')?.getAttribute('href') || '');
  } else {
    await page.goto(`${base}${PF_PAGE}`, { waitUntil: 'load' });
    log = [];
    const urls = await page.evaluate((query) => window.run(query), q);
    first = urls[0] || '';
  }
  const ms = Date.now() - t0;
  const files = log.filter((p) => p !== '/tim-kiem/' && p !== PF_PAGE && !p.endsWith('.css') && !p.startsWith('/favicon.'));
  // bangtin's routing table comes inside the page: its bytes count, as no
  // request of its own.
  const inPage = tool === 'bangtin' ? [`(in /tim-kiem/) routing table ${ROUTING}`] : [];
  const bytes = files.reduce((n, p) => n + sent(p), 0) + (tool === 'bangtin' ? ROUTING : 0);
  await ctx.close();
  return { tool, q, requests: files.length, bytes, first, ms, files: [...inPage, ...files.map((p) => `${p} ${sent(p)}`)] };
}

const sum = {};
for (const { q, want } of queries) {
  for (const tool of (process.env.SEARCH_TOOLS || 'bangtin,pagefind').split(',')) {
    const m = await measure(tool, q);
    m.ok = m.first === want;
    m.want = want;
    console.log(JSON.stringify(m));
    const s = sum[tool] || (sum[tool] = { tool, queries: 0, ok: 0, bytes: [], requests: [] });
    s.queries++; if (m.ok) s.ok++;
    s.bytes.push(m.bytes); s.requests.push(m.requests);
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
for (const s of Object.values(sum)) {
  console.log(JSON.stringify({ summary: s.tool, first_ok: `${s.ok}/${s.queries}`,
    bytes_median: median(s.bytes), bytes_max: Math.max(...s.bytes),
    requests_median: median(s.requests), requests_max: Math.max(...s.requests) }));
}
fs.unlinkSync(path.join(root, PF_PAGE.slice(1)));
await browser.close();
server.close();
