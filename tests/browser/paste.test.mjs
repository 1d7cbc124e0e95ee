// node tests/browser/paste.test.mjs — the paste converter on Word-like HTML
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const { htmlToMarkdown } = require('../../src/serve/editor/ui/paste.js');

let failed = 0;
function eq(name, got, want) {
  if (got === want) { console.log('ok  ' + name); return; }
  failed++;
  console.log('FAIL ' + name + '\n--- got ---\n' + got + '\n--- want ---\n' + want);
}

const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:"";}</style></head><body>
<!--StartFragment-->
<h1 style="mso-margin-top-alt:auto">Hội nghị ký kết<o:p></o:p></h1>
<p class=MsoNormal><span style='mso-bidi-font-weight:normal'>Sáng nay, <b>Cụm thi đua số 1</b> đã tổ chức <i>hội nghị</i>&nbsp;&nbsp; ký kết.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Thi đua yêu nước<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'><span style='font-family:"Courier New";mso-list:Ignore'>o<span>&nbsp;&nbsp; </span></span>Cấp xã<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp; </span></span>Khen thưởng<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp; </span></span>Một<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>2.<span>&nbsp; </span></span>Hai<o:p></o:p></p>
<ul><li>Ngoài<ul><li>Trong</li></ul></li><li>Sau</li></ul>
<table class=MsoTableGrid><tr><td><p class=MsoNormal><b>Đơn vị</b></p></td><td><p>Điểm</p></td></tr>
<tr><td><p>Xã A | B</p></td><td><p>95</p></td></tr></table>
<p>Xem <a href="https://example.vn/tin">trang tin</a> và <a href="javascript:alert(1)">đây</a>.<br>Dòng hai</p>
<!--EndFragment-->
</body></html>`;

const want = `## Hội nghị ký kết

Sáng nay, **Cụm thi đua số 1** đã tổ chức *hội nghị* ký kết.

- Thi đua yêu nước
   - Cấp xã
- Khen thưởng

1. Một
2. Hai

- Ngoài
   - Trong
- Sau

| **Đơn vị** | Điểm |
| --- | --- |
| Xã A \\| B | 95 |

Xem [trang tin](https://example.vn/tin) và đây.  
Dòng hai`;

eq('Word fragment', htmlToMarkdown(word), want);
eq('h3 stays h3', htmlToMarkdown('<h3>Ba</h3><p>x</p>'), '### Ba\n\nx');
eq('ordered nested', htmlToMarkdown('<ol><li>a<ol><li>b</li></ol></li><li>c</li></ol>'), '1. a\n   1. b\n2. c');
eq('empty', htmlToMarkdown('<p>&nbsp;</p><p></p>'), '');

if (failed) { console.log(failed + ' failed'); process.exit(1); }
console.log('all passed');
