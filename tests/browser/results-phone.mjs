#!/usr/bin/env node
// A cluster-year page of the built example site on a 390 px phone, as a
// citizen reads its results (issue 20):
//
//   node tests/browser/results-phone.mjs OUTPUT_DIR
//
// (tests/browser/run.sh installs what it needs, builds the site and runs it.)
// For every row of the year's table, the rank, the unit's name and its total
// are inside the viewport at once without scrolling sideways, and rank and
// name stay in view when the table is scrolled to its last column; the table
// starts within the first 1.5 screens; sorting by "Tổng điểm" and back to
// rank order works from the keyboard, with aria-sort and a spoken status;
// printed, the navigation is gone and the closed breakdown shows;
// without JavaScript the table is complete and in rank order; axe (WCAG
// rules) finds nothing with the sort applied, in the light and the dark
// scheme. Exits 1 when any check fails.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { serve, launch, check, failed } from './lib.mjs';

const PAGE = '/cum-thi-dua/cdvc-cum-3/2024/';
const root = process.argv[2];
if (!root || !fs.existsSync(path.join(root, PAGE, 'index.html'))) {
  console.error(`usage: node tests/browser/results-phone.mjs OUTPUT_DIR (a built example site with ${PAGE})`);
  process.exit(2);
}
const tools = process.env.TOOLS || path.join(os.homedir(), '.cache', 'site-check');
const axeFile = path.join(tools, 'node', 'node_modules', 'axe-core', 'axe.min.js');

const server = await serve(root);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

/// The year table's rows as shown: unit name, rank text, total text, and
/// whether the rank, name and total cells lie inside the viewport.
async function rows(page) {
  return page.evaluate(() => {
    const table = document.querySelector('table.results');
    const vw = document.documentElement.clientWidth;
    const inside = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.left >= -0.5 && r.right <= vw + 0.5;
    };
    return [...table.tBodies[0].rows].map((tr) => {
      const rank = tr.querySelector('td.rank');
      const name = tr.querySelector('th[scope=row]');
      const total = tr.querySelector('.total');
      return {
        name: name?.textContent.trim() || '',
        rank: rank?.textContent.trim() || '',
        total: total?.textContent.trim() || '',
        visible: !!(rank && name && total) && inside(rank) && inside(name) && inside(total),
      };
    });
  });
}

async function axe(page, what) {
  await page.addScriptTag({ path: axeFile });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  const v = result.violations.map((x) => `${x.id} (${x.nodes.length}): ${x.nodes[0]?.target}`);
  check(v.length === 0, `axe finds no WCAG violation ${what}`, v.join('; '));
}

// 1. With JavaScript, light scheme (bypassCSP only so that the test can add axe).
const ctx = await browser.newContext({ ...phone, bypassCSP: true, colorScheme: 'light' });
const page = await ctx.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(`${base}${PAGE}`, { waitUntil: 'load' });

const start = await page.evaluate(() => document.querySelector('table.results').getBoundingClientRect().top + scrollY);
check(start < 1.5 * 844, 'the results table starts within the first 1.5 screens', `at y = ${Math.round(start)}`);
const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
check(overflow <= 0, 'the page itself does not scroll sideways', `${overflow} px wider`);
const header = await page.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().height);
check(header <= 80, 'the header takes at most 80 px', `${Math.round(header)} px`);

const before = await rows(page);
check(before.length >= 5, 'the year table has its rows', String(before.length));
const hidden = before.filter((r) => !r.visible);
check(hidden.length === 0, 'every row shows rank, name and total inside the viewport at once',
  hidden.map((r) => r.name).join(', '));
const rankOrder = before.map((r) => r.name);

// Scrolled to its last column, the table keeps rank and name in view
// (sticky), and the region that scrolls is focusable and named.
const region = await page.evaluate(() => {
  const wrap = document.querySelector('table.results').closest('.table-wrap');
  wrap.scrollLeft = wrap.scrollWidth;
  const vw = document.documentElement.clientWidth;
  const inside = (el) => { if (!el) return false; const r = el.getBoundingClientRect(); return r.left >= -0.5 && r.right <= vw + 0.5; };
  const rows = [...document.querySelector('table.results').tBodies[0].rows];
  const kept = rows.every((tr) => inside(tr.querySelector('td.rank')) && inside(tr.querySelector('th[scope=row]')));
  const out = { scrolled: wrap.scrollLeft > 0, kept, tabindex: wrap.getAttribute('tabindex'),
    named: !!(wrap.getAttribute('aria-labelledby') || wrap.getAttribute('aria-label')) };
  wrap.scrollLeft = 0;
  return out;
});
check(region.scrolled && region.kept, 'scrolled sideways, every row keeps its rank and name in view', JSON.stringify(region));
check(region.tabindex === '0' && region.named, 'the scrolling region is focusable and named', JSON.stringify(region));

// 2. Sort by "Tổng điểm" with the keyboard: ascending, then descending, then back by rank.
const totalButton = page.locator('table.results >> nth=0').locator('thead button', { hasText: 'Tổng điểm' });
check(await totalButton.count() === 1, 'the "Tổng điểm" header holds a button');
if (await totalButton.count() === 1) { // the rest needs the button
await totalButton.focus();
await page.keyboard.press('Enter');
let sorted = await rows(page);
const totals = sorted.filter((r) => r.rank !== '—').map((r) => parseFloat(r.total.replace(',', '.')));
check(totals.every((v, i) => i === 0 || totals[i - 1] <= v) && totals[0] < totals[totals.length - 1],
  'Enter on "Tổng điểm" sorts the ranked rows by total, lowest first', totals.join(' '));
check(sorted[sorted.length - 1].rank === '—', 'unranked rows stay last', sorted[sorted.length - 1].name);
const sortState = await page.evaluate(() => {
  const th = [...document.querySelector('table.results').tHead.rows[0].cells];
  return th.map((h) => h.getAttribute('aria-sort') || '').join('|');
});
check(/^\|\|ascending\|/.test(sortState), 'aria-sort="ascending" is on the total column only', sortState);
const spoken = await page.evaluate(() => document.querySelector('[role=status]')?.textContent || '');
check(spoken.includes('Tổng điểm') && spoken.includes('tăng dần'), 'the sort is announced in the status region', spoken);
await page.keyboard.press('Space');
sorted = await rows(page);
const down = sorted.filter((r) => r.rank !== '—').map((r) => parseFloat(r.total.replace(',', '.')));
check(down.every((v, i) => i === 0 || down[i - 1] >= v), 'a second press sorts highest first', down.join(' '));
const hiddenSorted = sorted.filter((r) => !r.visible);
check(hiddenSorted.length === 0, 'sorted rows still show rank, name and total', hiddenSorted.map((r) => r.name).join(', '));
await axe(page, 'with the sort applied (light scheme)');

const rankButton = page.locator('table.results >> nth=0').locator('thead button', { hasText: 'Xếp thứ' });
await rankButton.focus();
await page.keyboard.press('Enter');
const back = (await rows(page)).map((r) => r.name);
check(JSON.stringify(back) === JSON.stringify(rankOrder), 'Enter on "Xếp thứ" puts the rows back in rank order', back.join(' / '));

// Names sort by Vietnamese collation (Ban < Cục < Sở …, Đ after D).
const unitButton = page.locator('table.results >> nth=0').locator('thead button', { hasText: 'Đơn vị' });
await unitButton.focus();
await page.keyboard.press('Enter');
const names = (await rows(page)).filter((r) => r.rank !== '—').map((r) => r.name);
const vi = new Intl.Collator('vi', { sensitivity: 'base' });
check(names.every((n, i) => i === 0 || vi.compare(names[i - 1], n) <= 0), 'the unit column sorts in Vietnamese order', names.join(' / '));
} else {
  await axe(page, '(no sort button to press)');
}
check(errors.length === 0, 'no script error on the page', errors.join(' | '));
await ctx.close();

// 3. The dark scheme passes axe (contrast included).
const dark = await browser.newContext({ ...phone, bypassCSP: true, colorScheme: 'dark' });
const darkPage = await dark.newPage();
await darkPage.goto(`${base}${PAGE}`, { waitUntil: 'load' });
const bg = await darkPage.evaluate(() => getComputedStyle(document.body).backgroundColor);
check(bg !== 'rgb(255, 255, 255)', 'the dark scheme applies', bg);
await axe(darkPage, 'in the dark scheme');
await dark.close();

// 4. Printed: no header, the per-criterion breakdown shown though closed.
const printed = await browser.newContext({ viewport: { width: 794, height: 1123 } });
const printPage = await printed.newPage();
await printPage.goto(`${base}${PAGE}`, { waitUntil: 'load' });
await printPage.emulateMedia({ media: 'print' });
const print = await printPage.evaluate(() => ({
  header: getComputedStyle(document.querySelector('.site-header')).display,
  breakdown: document.querySelector('table.criteria')?.checkVisibility() ? 1 : 0,
  url: document.querySelector('.print-url') ? getComputedStyle(document.querySelector('.print-url')).display : 'none',
}));
check(print.header === 'none' && print.breakdown > 0 && print.url !== 'none',
  'printed: no navigation, the page address shown, the breakdown printed', JSON.stringify(print));
await printed.close();

// 5. Without JavaScript: complete, in rank order, no sort buttons.
const plain = await browser.newContext({ ...phone, javaScriptEnabled: false });
const plainPage = await plain.newPage();
await plainPage.goto(`${base}${PAGE}`, { waitUntil: 'load' });
const noJs = await rows(plainPage);
check(JSON.stringify(noJs.map((r) => r.name)) === JSON.stringify(rankOrder), 'without JavaScript the table is complete and in rank order');
check(await plainPage.locator('table.results button').count() === 0, 'without JavaScript no header pretends to sort');
await plain.close();

await browser.close();
server.close();
console.log(failed() ? `${failed()} check(s) failed` : 'all checks passed');
process.exit(failed() ? 1 : 0);
