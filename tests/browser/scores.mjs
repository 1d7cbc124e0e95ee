// The scores grid of the local editor, used the way a cluster secretary
// uses it: open Điểm thi đua, pick a cluster-year and an assessor's sheet,
// type scores for the leader and three more units of the ranking: one off the step and
// one above the maximum (each cell shows the server's message, the ranking
// leaves the unit out), fix them, type low scores (the ranking order
// changes), Lưu, Xuất bản; then the built ket-qua.json ranks as the preview
// did. axe-core on the grid page.
import fs from 'node:fs';
import path from 'node:path';
import { launch, check, failed, bangtinBin, exampleCopy, serveEditor, axeCheck, publish, closeEditor } from './lib.mjs';

const bin = bangtinBin('scores');
const site = exampleCopy('bangtin-scores-');
const file = path.join(site, 'data', 'scores', '2024', 'cdvc-cum-3.yaml');
const before = fs.readFileSync(file, 'utf8');
const { serve, address } = await serveEditor(bin, site);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(address);
  await page.getByRole('link', { name: 'Điểm thi đua' }).click();
  await page.click(`a[href="#scores=${encodeURIComponent('data/scores/2024/cdvc-cum-3.yaml')}"]`);
  await page.waitForSelector('.bt-rank tbody tr');

  // the first four units of the ranking and their first cell on a sheet
  // that counts: the scheme ranks the year by its last phase, as the panel
  // of assessors scored it
  await page.locator('[role=tab]', { hasText: 'Chấm –' }).last().click();
  // (the sheet's assessor has no column of its own)
  const rows = await page.$$eval('.bt-rank tbody tr', (trs) => trs.map((tr) => ({ unit: tr.dataset.unit, name: tr.querySelector('th').firstChild.textContent })));
  const colOf = await page.$$eval('thead th.bt-unitcol', (ths, names) => names.map((n) => ths.findIndex((t) => t.textContent === n)), rows.map((u) => u.name));
  const ranked = rows.filter((u, i) => colOf[i] >= 0).slice(0, 4);
  const cols = colOf.filter((c) => c >= 0).slice(0, 4);
  check(ranked.length === 4 && rows[0].unit === ranked[0].unit, 'the leader and three more units of the ranking have columns on this sheet', JSON.stringify(colOf));
  const [top, second, third, fourth] = ranked.map((u, i) => ({ ...u, col: cols[i], cell: page.locator(`input.bt-score[data-c="${cols[i]}"]`).first() }));
  for (const u of [top, second, third, fourth]) u.original = await u.cell.inputValue();
  const rankOf = (unit) => page.$eval(`.bt-rank tr[data-unit="${unit}"] td`, (td) => td.textContent).catch(() => 'missing');
  const messageOf = (u) => u.cell.evaluate((i) => document.getElementById(i.getAttribute('aria-describedby')).textContent);
  const settle = (fn, arg) => page.waitForFunction(fn, arg, { timeout: 20000 }).then(() => true, () => false);
  const invalid = (u, yes) => settle(([c, v]) => document.querySelector(`input.bt-score[data-c="${c}"]`).getAttribute('aria-invalid') === v, [u.col, yes ? 'true' : 'false']);

  await top.cell.fill('0,3');
  check(await invalid(top, true), 'a value off the step is marked invalid at once');
  const stepMsg = await messageOf(top);
  check(/0,3/.test(stepMsg) && /bước/.test(stepMsg), 'the cell says, in Vietnamese, that 0,3 is off the step', stepMsg);
  check(await rankOf(top.unit) === '—', 'the ranking leaves the unit out while its cell is wrong', await rankOf(top.unit));

  await second.cell.fill('999');
  check(await invalid(second, true), 'a value above the maximum is marked invalid');
  const maxMsg = await messageOf(second);
  check(/999/.test(maxMsg) && maxMsg !== stepMsg, 'a value above the maximum gets its own message', maxMsg);
  check(await settle(([u]) => document.querySelector(`.bt-rank tr[data-unit="${u}"] td`).textContent === '—', [second.unit]),
    'the second unit is left out too while its cell is wrong');

  await top.cell.fill(top.original);
  await second.cell.fill(second.original);
  const fixed = await settle(([a, b, u]) => [a, b].every((c) => document.querySelector(`input.bt-score[data-c="${c}"]`).getAttribute('aria-invalid') === 'false')
    && document.querySelector(`.bt-rank tr[data-unit="${u}"] td`).textContent === '1', [top.col, second.col, top.unit]);
  check(fixed, 'fixing both values clears the marks and the unit leads again');

  // the third and fourth units' scores typed, then a low score for the
  // leader: the order changes
  await third.cell.fill(third.original);
  await fourth.cell.fill('0');
  await top.cell.fill('0');
  const moved = await settle(([u, f]) => document.querySelector('.bt-rank tbody tr').dataset.unit !== u
    && document.querySelector(`.bt-rank tr[data-unit="${f}"]`) !== null, [top.unit, fourth.unit]);
  check(moved, 'low scores change the ranking order');
  const preview = await page.$$eval('.bt-rank tbody tr', (trs) => trs.map((tr) => [tr.dataset.unit, tr.querySelector('td').textContent]));

  await axeCheck(page, 'the scores grid');

  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  check(await settle(() => /Đã lưu/.test(document.querySelector('.bt-status').textContent)), 'Lưu saves');
  const after = fs.readFileSync(file, 'utf8');
  check(after !== before && after.split('\n').length === before.split('\n').length,
    'the file changed in place, line for line', after.slice(0, 300));

  await publish(page);
  const found = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'ket-qua.json') found.push(p);
    }
  })(path.join(site, 'output'));
  const table = found.map((p) => JSON.parse(fs.readFileSync(p, 'utf8')))
    .find((t) => t.cluster === 'cdvc-cum-3' && t.year === 2024 && t.phase === 'year');
  const built = table ? table.rows.map((r) => [r.unit, r.rank ? String(r.rank) : '—']) : null;
  check(JSON.stringify(built) === JSON.stringify(preview), 'the published ket-qua.json ranks as the preview did',
    JSON.stringify({ built, preview }));
  check(errors.length === 0, 'no script error on the grid', errors.join('; '));
} finally {
  await closeEditor(browser, serve, site);
}
process.exit(failed() ? 1 : 0);
