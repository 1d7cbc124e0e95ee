#!/usr/bin/env node
// The search page of the built example site in headless Chromium, as a
// reader on a phone uses it:
//
//   node tests/browser/search.mjs OUTPUT_DIR
//
// (tests/browser/run.sh installs what it needs, builds the site and runs it.)
// It types toneless queries key by key and checks the first result, the
// highlighted words in their own diacritics, the live status, the address
// (?q= kept in history, the back button), the requests a first query makes,
// a page of ten and more on request, and the page without JavaScript.
// Exits 1 when any check fails.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, requestLog, gzipSize, check, failed } from './lib.mjs';

const root = process.argv[2];
if (!root || !fs.existsSync(path.join(root, 'tim-kiem', 'index.html'))) {
  console.error('usage: node tests/browser/search.mjs OUTPUT_DIR (a built site with /tim-kiem/)');
  process.exit(2);
}

const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

/// The results as shown: kind line, title, and the marked words.
async function results(page) {
  return page.$$eval('#ket-qua-tim > li', (lis) => lis.map((li) => ({
    kind: li.querySelector('.search-kind')?.textContent || '',
    title: li.querySelector('h2')?.textContent || '',
    href: li.querySelector('h2 a')?.getAttribute('href') || '',
    marks: [...li.querySelectorAll('mark')].map((m) => m.textContent),
  })));
}

/// Types `q` into the field key by key and waits for its results: the page
/// writes ?q= when it starts the search, the status then turns from
/// "searching" to a count or "none".
async function typeQuery(page, q) {
  await page.fill('#tu-khoa', '');
  await page.type('#tu-khoa', q, { delay: 40 });
  await settled(page, q);
}

async function settled(page, q) {
  await page.waitForFunction((want) => {
    const status = document.getElementById('trang-thai-tim');
    return new URL(location.href).searchParams.get('q') === want
      && status.textContent !== '' && status.textContent !== status.dataset.loading;
  }, q, { timeout: 10000 });
  await page.waitForLoadState('networkidle');
}

const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
const page = await phone.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
const log = requestLog(page);

// The header's search link leads to the page.
await page.goto(`${base}/`, { waitUntil: 'load' });
await page.click('a.search-link');
await page.waitForURL('**/tim-kiem/');
await page.waitForLoadState('networkidle');
const onLoad = log.take();
check(onLoad.includes('/search.js'), 'the page loads search.js', onLoad.join(' '));
check(!onLoad.some((p) => p.includes('/chi-muc/')), 'no index file before a query', onLoad.join(' '));

// 1. A unit, typed without tones: "so tu phap" → Sở Tư pháp.
await typeQuery(page, 'so tu phap');
let got = await results(page);
const firstQuery = log.take().filter((p) => p.includes('/chi-muc/'));
check(got.length > 0 && got[0].title === 'Sở Tư pháp tỉnh Thanh Lâm',
  '"so tu phap" puts the unit Sở Tư pháp first', JSON.stringify(got[0]));
check(got[0]?.kind.startsWith('Đơn vị'), 'the first result is typed Đơn vị', got[0]?.kind);
check(['Sở', 'Tư', 'pháp'].every((w) => got[0]?.marks.includes(w)),
  'the matched words are marked in their own diacritics', JSON.stringify(got[0]?.marks));
check(!firstQuery.includes('/tim-kiem/chi-muc/index.json'), 'the routing table comes with the page',
  firstQuery.join(' '));
const bytes = firstQuery.reduce((n, p) => n + gzipSize(root, p), gzipSize(root, '/search.js'));
console.log(`     first query: ${firstQuery.length + 1} requests with search.js, ${bytes} B gzip: ${firstQuery.join(' ')}`);
check(bytes <= 60 * 1024, 'a first query transfers at most 60 KB gzip', `${bytes}`);
const status = await page.textContent('#trang-thai-tim');
check(status === `Tìm thấy ${got.length} kết quả.` || /^Tìm thấy [\d.]+ kết quả\.$/.test(status),
  'the live region announces the count', status);
check(await page.getAttribute('#trang-thai-tim', 'aria-live') === 'polite', 'the status is a polite live region');
check(new URL(page.url()).searchParams.get('q') === 'so tu phap', 'the address carries ?q=', page.url());

// 2. A result row, with d for đ and no tones, submitted with Enter.
await page.fill('#tu-khoa', 'ket qua thi dua so tu phap 2024');
await page.press('#tu-khoa', 'Enter');
await settled(page, 'ket qua thi dua so tu phap 2024');
got = await results(page);
check(got[0]?.kind.startsWith('Kết quả') && got[0]?.title === 'Công đoàn cơ sở Sở Tư pháp',
  '"ket qua thi dua so tu phap 2024" puts the unit\'s result first', JSON.stringify(got[0]));

// The back button returns to the first query and its results.
await page.goBack();
await page.waitForFunction(() => document.getElementById('tu-khoa').value === 'so tu phap');
await page.waitForFunction(() => document.querySelector('#ket-qua-tim h2')?.textContent === 'Sở Tư pháp tỉnh Thanh Lâm');
check(true, 'back returns to the earlier query and its results');

// 3. An abbreviation and a cluster.
await typeQuery(page, 'ldld');
got = await results(page);
check(got.length > 0 && got[0].title.includes('Liên đoàn Lao động'), '"ldld" finds Liên đoàn Lao động',
  JSON.stringify(got[0]));
await typeQuery(page, 'cum thi dua so 1');
got = await results(page);
check(got[0]?.kind.startsWith('Cụm thi đua') && got[0]?.title.startsWith('Cụm thi đua số 1'),
  '"cum thi dua so 1" puts the cluster first', JSON.stringify(got[0]));

// 4. Nothing found says so.
await typeQuery(page, 'xyzzyq');
check(await page.textContent('#trang-thai-tim') === 'Không tìm thấy kết quả nào.', 'no result says so');

// 5. A common word: the first screen of results, then the rest of the page
// of ten, then ten more on request.
await typeQuery(page, 'cong doan');
got = await results(page);
const many = Number((await page.textContent('#trang-thai-tim')).replace(/\D/g, ''));
check(many > 20 && got.length === 10, 'a page shows ten results of many', `${got.length} of ${many}`);
check(await page.isVisible('#them-ket-qua'), 'more results are offered');
await page.click('#them-ket-qua');
await page.waitForFunction(() => document.querySelectorAll('#ket-qua-tim > li').length === 20);
const twenty = await results(page);
check(new Set(twenty.map((r) => `${r.href} ${r.title}`)).size === 20, 'the button adds ten other results',
  JSON.stringify(twenty.map((r) => r.title)));

// 6. An address with ?q= searches on arrival; keyboard reaches the results.
await page.goto(`${base}/tim-kiem/?q=${encodeURIComponent('ky ket giao uoc')}`, { waitUntil: 'load' });
await settled(page, 'ky ket giao uoc');
got = await results(page);
check(await page.inputValue('#tu-khoa') === 'ky ket giao uoc', 'the field shows the query of the address');
check(got.length > 0 && got[0].kind.startsWith('Tin tức') && got[0].marks.some((m) => /^ký$/i.test(m)),
  '"ky ket giao uoc" finds a news article with "ký" marked', JSON.stringify(got[0]));
await page.focus('#tu-khoa');
let focused = '';
for (let i = 0; i < 6 && !focused.startsWith('a:/'); i++) {
  await page.keyboard.press('Tab');
  focused = await page.evaluate(() => `${document.activeElement.tagName.toLowerCase()}:${document.activeElement.getAttribute('href') || ''}`);
}
check(focused === `a:${got[0].href}`, 'Tab from the field reaches the first result', focused);

check(errors.length === 0, 'no script error or blocked resource', errors.join(' | '));
await phone.close();

// 7. Without JavaScript the page says so and offers the lists.
const plain = await browser.newContext({ javaScriptEnabled: false });
const nojs = await plain.newPage();
await nojs.goto(`${base}/tim-kiem/`, { waitUntil: 'load' });
const noscript = await nojs.$$eval('noscript', (ns) => ns.map((n) => n.innerHTML).join(' '));
check(noscript.includes('cần JavaScript') && noscript.includes('/chu-de/'),
  'without JavaScript the page says so and links the tags', noscript);
await plain.close();

await browser.close();
server.close();
if (failed()) {
  console.error(`${failed()} check(s) failed`);
  process.exit(1);
}
console.log('search: every check passed');
