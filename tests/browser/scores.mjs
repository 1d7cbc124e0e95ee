// The scores grid of the local editor, used the way a cluster secretary
// uses it: open Điểm thi đua, pick a cluster-year and an assessor's sheet,
// type a value off the step and one above the maximum into the leading
// unit's column (the cell
// shows the server's message, the ranking leaves the unit out), fix it,
// type a low score (the ranking order changes), Lưu, Xuất bản; then the
// built ket-qua.json ranks as the preview did. axe-core on the grid page.
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

  // the leading unit and its first cell on a sheet that counts: the scheme
  // ranks the year by its last phase, as the panel of assessors scored it
  await page.locator('[role=tab]', { hasText: 'Chấm –' }).last().click();
  const top = await page.$eval('.bt-rank tbody tr', (tr) => ({ unit: tr.dataset.unit, name: tr.querySelector('th').firstChild.textContent }));
  const col = await page.$$eval('thead th.bt-unitcol', (ths, name) => ths.findIndex((t) => t.textContent === name), top.name);
  check(col >= 0, 'the leading unit of the ranking has a column in the grid', top.name);
  const cell = page.locator(`input.bt-score[data-c="${col}"]`).first();
  const original = await cell.inputValue();
  const rankOf = (unit) => page.$eval(`.bt-rank tr[data-unit="${unit}"] td`, (td) => td.textContent).catch(() => 'missing');
  const messageOf = () => cell.evaluate((i) => document.getElementById(i.getAttribute('aria-describedby')).textContent);
  const settle = (fn, arg) => page.waitForFunction(fn, arg, { timeout: 20000 }).then(() => true, () => false);

  await cell.fill('0,3');
  const offStep = await settle(([c]) => document.querySelector(`input.bt-score[data-c="${c}"]`).getAttribute('aria-invalid') === 'true', [col]);
  check(offStep, 'a value off the step is marked invalid at once');
  const stepMsg = await messageOf();
  check(/0,3/.test(stepMsg) && /bước/.test(stepMsg), 'the cell says, in Vietnamese, that 0,3 is off the step', stepMsg);
  check(await rankOf(top.unit) === '—', 'the ranking leaves the unit out while its cell is wrong', await rankOf(top.unit));

  await cell.fill('999');
  await settle(([c, m]) => document.getElementById(document.querySelector(`input.bt-score[data-c="${c}"]`)
    .getAttribute('aria-describedby')).textContent !== m, [col, stepMsg]);
  const maxMsg = await messageOf();
  check(/999/.test(maxMsg) && maxMsg !== stepMsg, 'a value above the maximum gets its own message', maxMsg);

  await cell.fill(original);
  const fixed = await settle(([c, u]) => document.querySelector(`input.bt-score[data-c="${c}"]`).getAttribute('aria-invalid') === 'false'
    && document.querySelector(`.bt-rank tr[data-unit="${u}"] td`).textContent === '1', [col, top.unit]);
  check(fixed, 'fixing the value clears the mark and the unit leads again');

  await cell.fill('0');
  const moved = await settle(([u]) => document.querySelector('.bt-rank tbody tr').dataset.unit !== u, [top.unit]);
  check(moved, 'a low score changes the ranking order');
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
