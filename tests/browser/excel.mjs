// Excel in the scores grid, as a secretary uses it: Tải mẫu Excel gives the
// phase's template; a self-assessment sheet saved as CSV (the file's values,
// one score raised) goes in with Nhập từ Excel: the dialog lists exactly that
// change, nothing is written until Lưu, then the file and the grid hold it.
// A sheet with a word for a score is refused at its cell; with a cell typed
// and not saved, the import asks to save first. axe-core on the change table.
import fs from 'node:fs';
import path from 'node:path';
import { launch, check, failed, bangtinBin, exampleCopy, serveEditor, axeCheck, closeEditor } from './lib.mjs';

const bin = bangtinBin('excel');
const site = exampleCopy('bangtin-excel-');
const rel = 'data/scores/2024/cdvc-cum-3.yaml';
const file = path.join(site, rel);
const before = fs.readFileSync(file, 'utf8');
const { serve, address } = await serveEditor(bin, site);
const browser = await launch();
const settle = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 20000 }).then(() => true, () => false);

// The self sheet of the first phase as a spreadsheet saves it as CSV: the
// template's hidden id row, the criteria ids in column A, the values typed,
// with `change(unit, criterion, value)` applied.
function selfSheetCsv(grid, change) {
  const phase = grid.phases[0];
  const sheet = phase.sheets.find((s) => s.key === 'self');
  const leaves = sheet.rows.filter((r) => r.kind === 'leaf');
  const q = (s) => `"${String(s).replace(/"/g, '""')}"`;
  const lines = [
    // a spreadsheet pads every line to the sheet's width
    [q(grid.name), '', '', '', ...sheet.members.map(() => '')],
    [q('bangtin-scores-v1'), q('self'), q(`${grid.cluster}/${grid.year}/${phase.id}`), '', ...sheet.members.map((m) => q(m.unit))],
    [q('Mã'), q('Tiêu chí'), q('Tối đa'), q('Cách chấm'), ...sheet.members.map((m) => q(m.name))],
    ...leaves.map((r) => [q(r.id), q(r.title), q(r.max), '', ...sheet.members.map((m) => {
      const u = phase.units[m.unit];
      const typed = u && u.sheets && u.sheets.self && u.sheets.self[r.id];
      const v = change(m.unit, r.id) ?? typed;
      return v === undefined || v === null ? '' : q(v);
    })]),
  ];
  return '\uFEFF' + lines.map((l) => l.join(';')).join('\r\n') + '\r\n';
}

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(address);
  await page.getByRole('link', { name: 'Điểm thi đua' }).click();
  await page.click(`a[href="#scores=${encodeURIComponent(rel)}"]`);
  await page.waitForSelector('.bt-rank tbody tr');
  const grid = await page.evaluate((p) => fetch('/_bangtin/api/scores/grid?path=' + encodeURIComponent(p)).then((r) => r.json()), rel);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải mẫu Excel của đợt này' }).click()]);
  check(download.suggestedFilename() === `diem-cdvc-cum-3-2024-${grid.phases[0].id}.xlsx`, 'the template of the phase shown downloads', download.suggestedFilename());

  const unit = grid.phases[0].sheets[0].members[0];
  const raise = (u, c) => (u === unit.unit && c === 'I.1' ? '20' : undefined);
  const choose = async (name, text) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Nhập từ Excel' }).click()]);
    await chooser.setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
    await page.waitForSelector('dialog[open]');
  };

  // a word for a score: refused at its cell, nothing written
  await choose('tu-cham.csv', selfSheetCsv(grid, (u, c) => (u === unit.unit && c === 'I.2' ? 'chín' : undefined)));
  const refusal = await page.locator('dialog[open]').innerText();
  check(/chưa lưu gì/.test(refusal) && /tu-cham\.csv/.test(refusal) && /chín/.test(refusal), 'a word for a score is refused at its sheet and cell', refusal);
  await page.locator('dialog[open]').getByRole('button', { name: 'Đóng' }).click();

  await choose('tu-cham.csv', selfSheetCsv(grid, raise));
  const rows = await page.$$eval('dialog[open] .bt-changes tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  check(rows.length === 1 && rows[0][0] === unit.name && /I\.1/.test(rows[0][1]) && rows[0][3] === '20',
    'the dialog lists the one raised score, for the unit by name', JSON.stringify(rows));
  check(fs.readFileSync(file, 'utf8') === before, 'nothing is written before Lưu');
  await axeCheck(page, 'the change table of an import');
  await page.locator('dialog[open]').getByRole('button', { name: 'Lưu 1 thay đổi' }).click();
  check(await settle(page, () => !document.querySelector('dialog[open]') && /Đã nhập và lưu 1 thay đổi/.test(document.querySelector('.bt-status').textContent)),
    'Lưu writes the import and says so');
  const after = fs.readFileSync(file, 'utf8');
  const changed = after.split('\n').filter((l, i) => l !== before.split('\n')[i]);
  check(changed.length === 1 && /I\.1: 20\b/.test(changed[0]), 'the file changed in the one line of that unit', JSON.stringify(changed));
  const col = await page.$$eval('thead th.bt-unitcol', (ths, name) => ths.findIndex((t) => t.textContent === name), unit.name);
  check(await page.locator(`input.bt-score[data-c="${col}"]`).first().inputValue() === '20', 'the grid shows the imported value');

  // unsaved cells are never lost to an import
  await page.locator(`input.bt-score[data-c="${col}"]`).first().fill('19');
  await page.getByRole('button', { name: 'Nhập từ Excel' }).click();
  const ask = await page.locator('dialog[open]').innerText();
  check(/Hãy Lưu/.test(ask), 'with a cell not saved, the import asks to save first', ask);
  check(errors.length === 0, 'no script error', errors.join('; '));
} finally {
  await closeEditor(browser, serve, site);
}
process.exit(failed() ? 1 : 0);
