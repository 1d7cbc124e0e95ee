// The local editor of `bangtin serve`, used the way a writer uses it: open
// the token address, create an article, fill Tiêu đề, Ngày đăng, Chủ đề and
// the text, paste a Word-like fragment, add two photos with captions, Lưu,
// Xuất bản; then the built page in output/ has the title, the pasted table
// as a table and the gallery with the captions. axe-core on the editor's
// list and form, at 390 px.
import fs from 'node:fs';
import path from 'node:path';
import { launch, check, failed, bangtinBin, exampleCopy, serveEditor, axeCheck, publish, closeEditor } from './lib.mjs';

const bin = bangtinBin('editor');
// A copy of the example site, so the test writes nowhere in the repository.
const site = exampleCopy('bangtin-editor-');
const photo = path.join('content', 'news', '2024', 'ky-ket-cum-3');
const jpgs = fs.readdirSync(photo).filter((f) => f.endsWith('.jpg')).slice(0, 2).map((f) => path.join(photo, f));
const { serve, address } = await serveEditor(bin, site);
const axe = axeCheck;

const WORD = '<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>'
  + '<p class=MsoNormal><b><span style="mso-bidi-font-weight:normal">Kết quả chấm điểm</span></b><o:p></o:p></p>'
  + '<p class=MsoNormal><o:p>&nbsp;</o:p></p>'
  + '<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>Đơn vị<o:p></o:p></p></td><td><p class=MsoNormal>Điểm<o:p></o:p></p></td></tr>'
  + '<tr><td><p class=MsoNormal>Sở Y tế<o:p></o:p></p></td><td><p class=MsoNormal>95,5<o:p></o:p></p></td></tr></table>'
  + '</body></html>';

const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(address);
  check(!page.url().includes('token='), 'the token leaves the address bar');
  await page.waitForSelector('.bt-docs li');
  await axe(page, 'the list at 390 px');

  const title = 'Cụm thi đua số 5 ký kết giao ước năm 2026';
  await page.getByLabel('Tiêu đề', { exact: false }).first().fill(title);
  await page.getByRole('button', { name: 'Tạo' }).click();
  await page.waitForSelector('.bt-text');
  await page.getByLabel('Tiêu đề', { exact: true }).fill(title);
  await page.getByLabel('Ngày đăng', { exact: true }).fill('2026-03-14T15:30');
  await page.getByLabel('Bản nháp', { exact: true }).uncheck();
  const tags = page.getByRole('combobox').or(page.locator('.bt-tags input')).first();
  await tags.fill('giao ước thi đua');
  await tags.press('Enter');
  const text = page.locator('textarea.bt-text');
  await text.fill('Chiều 14/3, Cụm thi đua số 5 ký kết giao ước.\n\n');
  await text.evaluate((el) => { el.selectionStart = el.selectionEnd = el.value.length; });
  await text.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'Kết quả chấm điểm');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD);
  check((await text.inputValue()).includes('| Sở Y tế | 95,5 |'), 'the pasted Word table became a Markdown table',
    await text.inputValue());

  // Photos need the file on disk: save first, as the page asks.
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.waitForFunction(() => !document.body.innerText.includes('Đang lưu'));
  await page.locator('input[type=file]').setInputFiles(jpgs);
  await page.waitForFunction(() => document.querySelectorAll('.bt-photosec img').length >= 2, null, { timeout: 30000 });
  const captions = page.getByLabel('Chú thích', { exact: false });
  await captions.nth(0).fill('Toàn cảnh hội nghị');
  await captions.nth(1).fill('Các đơn vị ký giao ước');
  await axe(page, 'the form at 390 px');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.waitForFunction(() => /Đã lưu/.test(document.body.innerText), null, { timeout: 15000 });

  // On a phone the buttons stay at hand and the title scrolls away with the page.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
  const phone = await page.evaluate(() => {
    const save = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Lưu');
    const bar = document.querySelector('.bt-top .bt-actions').getBoundingClientRect();
    const r = save.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, bar: bar.height, title: document.querySelector('.bt-top h1').getBoundingClientRect().bottom, h: innerHeight };
  });
  check(phone.top >= 0 && phone.bottom <= phone.h, 'Lưu stays on screen halfway down the form at 390 px', JSON.stringify(phone));
  check(phone.bar <= phone.h * 0.2 && phone.title <= 0, 'the fixed bar is small and the title scrolled away', JSON.stringify(phone));
  await publish(page);

  const built = path.join(site, 'output', 'tin-tuc', '2026', 'cum-thi-dua-so-5-ky-ket-giao-uoc-nam-2026', 'index.html');
  check(fs.existsSync(built), 'Xuất bản wrote the article into output/', built);
  const html = fs.existsSync(built) ? fs.readFileSync(built, 'utf8') : '';
  check(html.includes(title), 'the built page has the title');
  check(/<table[\s\S]*Sở Y tế[\s\S]*95,5/.test(html), 'the pasted table is a table on the built page');
  check(html.includes('Toàn cảnh hội nghị') && html.includes('Các đơn vị ký giao ước'), 'the gallery has both captions');
  const written = fs.readFileSync(path.join(site, 'content', 'news', '2026',
    'cum-thi-dua-so-5-ky-ket-giao-uoc-nam-2026', 'index.md'), 'utf8');
  check(written.includes('\ndate: 2026-03-14T15:30:00+07:00\n') && !written.includes('draft: true'),
    'the file has the picked date and is no longer a draft', written);
  check(errors.length === 0, 'no script error on the editor', errors.join('; '));
} finally {
  await closeEditor(browser, serve, site);
}
process.exit(failed() ? 1 : 0);
