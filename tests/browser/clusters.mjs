// Units and cluster-years in the local editor, used the way a cluster's
// secretary keeps them: find a unit without typing tone marks, add a new
// one, rename it from a date; start next year's cluster from this year's,
// add the new unit as Cụm phó, move it up, upload the signed covenant as a
// PDF with its number and date, date the signing, Lưu, Xuất bản; then the
// files hold those lines and the built cluster page lists the unit under
// its new name and links the document. A rename the checks refuse says why in the dialog and writes
// nothing. axe-core on the units list and the members form.
import fs from 'node:fs';
import path from 'node:path';
import { launch, check, failed, bangtinBin, exampleCopy, serveEditor, axeCheck, publish, closeEditor } from './lib.mjs';

const bin = bangtinBin('clusters');
const site = exampleCopy('bangtin-clusters-');
const unitsFile = path.join(site, 'data', 'units.yaml');
const { serve, address } = await serveEditor(bin, site);
const browser = await launch();
const settle = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 20000 }).then(() => true, () => false);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(address);

  // ---- units: folded search, add, rename
  await page.getByRole('link', { name: 'Đơn vị', exact: true }).click();
  await page.waitForSelector('.bt-unitrow');
  const all = await page.locator('.bt-unitrow').count();
  await page.getByLabel('Tìm đơn vị', { exact: false }).fill('nganh y te');
  const found = await page.$$eval('.bt-unitrow h3', (hs) => hs.map((h) => h.textContent));
  check(found.includes('Công đoàn ngành Y tế tỉnh Thanh Lâm') && found.length < all,
    'a search without tone marks finds the unit and only the matching ones', JSON.stringify(found));
  await axeCheck(page, 'the units list');

  const name = 'Công đoàn Trung tâm Kiểm soát bệnh tật tỉnh';
  await page.getByLabel('Tên đầy đủ').fill(name);
  await page.getByLabel('Tên ngắn', { exact: false }).fill('CĐ CDC tỉnh');
  await page.getByLabel('Loại đơn vị').selectOption('union_base');
  await page.getByLabel('Có từ ngày', { exact: false }).fill('2020-01-01');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  const id = 'cong-doan-trung-tam-kiem-soat-benh-tat-tinh';
  check(await settle(page, (i) => !!document.querySelector(`.bt-unitrow[data-unit="${i}"]`), id), 'the new unit is listed with the id made from its name');
  check(fs.readFileSync(unitsFile, 'utf8').includes(`  - id: ${id}\n`), 'data/units.yaml holds the new unit');

  const row = page.locator(`.bt-unitrow[data-unit="${id}"]`);
  // a rename dated before the unit existed is refused with the checks' words
  await row.getByRole('button', { name: `Đổi tên ${name}` }).click();
  const newName = 'Công đoàn Trung tâm Kiểm soát bệnh tật tỉnh Thanh Lâm';
  await page.locator('dialog[open]').getByLabel('Tên mới', { exact: true }).fill(newName);
  await page.locator('dialog[open]').getByLabel('Dùng tên mới từ ngày').fill('2019-06-01');
  const beforeBad = fs.readFileSync(unitsFile, 'utf8');
  await page.locator('dialog[open]').getByRole('button', { name: 'Lưu' }).click();
  const refused = await settle(page, () => /chưa lưu/.test(document.querySelector('dialog[open]').innerText));
  check(refused, 'a rename that breaks the file is refused in the dialog', await page.locator('dialog[open]').innerText().catch(() => ''));
  check(fs.readFileSync(unitsFile, 'utf8') === beforeBad, 'a refused rename writes nothing');
  await page.locator('dialog[open]').getByLabel('Dùng tên mới từ ngày').fill('2026-01-01');
  await page.locator('dialog[open]').getByRole('button', { name: 'Lưu' }).click();
  check(await settle(page, (n) => !document.querySelector('dialog[open]') && /Đã đổi tên/.test(document.querySelector('.bt-status').textContent)
    && [...document.querySelectorAll('.bt-unitrow h3')].some((h) => h.textContent === n), newName), 'the rename is saved and listed under the new name');
  const units = fs.readFileSync(unitsFile, 'utf8');
  check(units.includes(`{ full: ${name}, short: CĐ CDC tỉnh, from: 2020-01-01, until: 2025-12-31 }`)
    && units.includes(`{ full: ${newName}, from: 2026-01-01 }`), 'the old name ends the day before the new one', units.slice(-400));

  // ---- a new cluster-year from last year's, with the new unit in it
  await page.goto(address);
  await page.getByRole('link', { name: 'Cụm và thành viên' }).click();
  await page.getByLabel('Cụm', { exact: true }).selectOption('cdvc-cum-1');
  check(await page.getByLabel('Năm', { exact: true }).inputValue() === '2026', 'the next year after the latest is proposed');
  await page.getByRole('button', { name: 'Tạo năm mới' }).click();
  const clusterFile = path.join(site, 'data', 'clusters', '2026', 'cdvc-cum-1.yaml');
  await page.waitForSelector('.bt-members tbody tr');
  check(fs.existsSync(clusterFile), 'the new cluster-year file is made');
  check(await page.locator('text=bangtin đã giả định').count() === 1, 'the page says what the new year assumed');
  const rows = await page.locator('.bt-members tbody tr').count();
  await page.getByRole('button', { name: 'Thêm thành viên' }).click();
  const last = page.locator('.bt-members tbody tr').last();
  await last.locator('select').first().selectOption(id);
  await page.locator('.bt-members tbody tr').last().locator('select').nth(1).selectOption('cum_pho');
  // the old deputy steps down, or the checks refuse two deputies
  const deputy = await page.$$eval('.bt-members tbody tr', (trs) => trs.findIndex((tr) => tr.querySelectorAll('select')[1].value === 'cum_pho'));
  await page.locator('.bt-members tbody tr').nth(deputy).locator('select').nth(1).selectOption('');
  await page.getByRole('button', { name: `Đưa ${newName} lên` }).click();
  const order = await page.$$eval('.bt-members tbody tr', (trs) => trs.map((tr) => tr.querySelector('select').value));
  check(order.length === rows + 1 && order[rows - 1] === id, 'the new member moved up one place', JSON.stringify(order));
  check(await page.evaluate(() => document.activeElement && document.activeElement.dataset.what === 'up'), 'focus stays on the moved row\'s button');
  // a PDF of the signed covenant, its number and date; the signing
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Tải lên văn bản PDF' }).click()]);
  await chooser.setFiles({ name: 'Giao ước thi đua 2026.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  const docTitle = page.getByLabel('Tên văn bản – văn bản 1');
  check(await settle(page, () => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Tên văn bản – văn bản 1'),
    'the uploaded document gets a row, its title focused');
  check(await docTitle.inputValue() === 'Giao ước thi đua 2026', 'the title is proposed from the file name', await docTitle.inputValue());
  await page.getByLabel('Loại – văn bản 1').fill('giao_uoc');
  await page.getByLabel('Số, ký hiệu – văn bản 1').fill('01/GƯ-CTĐ1');
  await page.getByLabel('Ngày ban hành – văn bản 1').fill('2026-03-10');
  await page.getByLabel('Ngày ký kết').fill('2026-03-10');
  await page.getByLabel('Đơn vị đăng cai').selectOption('tl-cd-so-vhttdl');
  await axeCheck(page, 'the members form');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  check(await settle(page, () => /Đã lưu/.test(document.querySelector('.bt-status').textContent)), 'Lưu saves the members');
  const written = fs.readFileSync(clusterFile, 'utf8');
  check(written.includes(`  - { unit: ${id}, role: cum_pho }\n`), 'the member is written as one flow line', written);
  const pdf = 'docs/2026/cdvc-cum-1/giao-uoc-thi-dua-2026.pdf';
  check(written.includes(`  - { kind: giao_uoc, title: Giao ước thi đua 2026, number: 01/GƯ-CTĐ1, date: 2026-03-10, file: ${pdf} }\n`)
    && written.includes('signing: { date: 2026-03-10, host: tl-cd-so-vhttdl }'), 'the document and the signing are written', written);
  check(fs.existsSync(path.join(site, 'static', pdf)), 'the PDF is in static/');

  await publish(page);
  const built = path.join(site, 'output', 'cum-thi-dua', 'cdvc-cum-1', '2026', 'index.html');
  const html = fs.existsSync(built) ? fs.readFileSync(built, 'utf8') : '';
  check(html.includes(newName), 'the built cluster page lists the unit under its 2026 name', built);
  check(html.includes('Giao ước thi đua 2026') && fs.existsSync(path.join(site, 'output', pdf)), 'the built page links the document, published with it');
  check(errors.length === 0, 'no script error on these pages', errors.join('; '));
} finally {
  await closeEditor(browser, serve, site);
}
process.exit(failed() ? 1 : 0);
