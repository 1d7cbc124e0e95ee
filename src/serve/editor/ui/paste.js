// paste from Word or a web page: HTML to Markdown (pure; also loaded by node tests)
(function (root) {
  'use strict';

  function decode(s) {
    var named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
    return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, function (m, e) {
      if (e[0] === '#') {
        var n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return n === 160 ? ' ' : String.fromCodePoint(n);
      }
      var v = named[e.toLowerCase()];
      return v === undefined ? m : v;
    }).replace(/\u00a0/g, ' ');
  }

  // a tiny tolerant HTML parser into {tag, attrs, children} / strings
  function parse(html) {
    html = html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(style|script|head|title|xml)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, '')
      .replace(/<!doctype[^>]*>/gi, '');
    var rootNode = { tag: '#root', attrs: {}, children: [] };
    var stack = [rootNode];
    var voids = { br: 1, img: 1, hr: 1, meta: 1, link: 1, input: 1, col: 1 };
    var re = /<\/?([a-zA-Z][\w:.-]*)((?:\s+[^\s=>\/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|([^<]+)|(<)/g;
    var m;
    while ((m = re.exec(html))) {
      var top = stack[stack.length - 1];
      if (m[3] !== undefined || m[4] !== undefined) { top.children.push(decode(m[3] || m[4])); continue; }
      var tag = m[1].toLowerCase();
      if (m[0][1] === '/') {
        for (var i = stack.length - 1; i > 0; i--) {
          if (stack[i].tag === tag) { stack.length = i; break; }
        }
        continue;
      }
      var attrs = {};
      var ar = /([^\s=>\/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g, a;
      while ((a = ar.exec(m[2] || ''))) attrs[a[1].toLowerCase()] = decode(a[2] || a[3] || a[4] || '');
      var node = { tag: tag, attrs: attrs, children: [] };
      // implicit closes
      if (tag === 'p' || tag === 'li' || tag === 'tr' || tag === 'td' || tag === 'th') {
        var stop = { p: ['p'], li: ['li'], tr: ['tr', 'td', 'th'], td: ['td', 'th'], th: ['td', 'th'] }[tag];
        var bounds = { ul: 1, ol: 1, table: 1, tbody: 1, thead: 1, tr: tag !== 'tr' ? 1 : 0 };
        for (var j = stack.length - 1; j > 0; j--) {
          if (stop.indexOf(stack[j].tag) >= 0) { stack.length = j; break; }
          if (bounds[stack[j].tag]) break;
        }
        top = stack[stack.length - 1];
      }
      top.children.push(node);
      if (!voids[tag] && m[0].slice(-2) !== '/>') stack.push(node);
    }
    return rootNode;
  }

  function isIgnore(n) {
    return typeof n !== 'string' && /mso-list\s*:\s*ignore/i.test(n.attrs.style || '');
  }
  function textOf(n) {
    if (typeof n === 'string') return n;
    return n.children.map(textOf).join('');
  }

  function escapeText(s) {
    return s.replace(/([\\`*_\[\]])/g, '\\$1');
  }

  // inline content → Markdown on one logical line (with \n for <br>)
  function inline(nodes) {
    var out = '';
    nodes.forEach(function (n) {
      if (typeof n === 'string') { out += escapeText(n.replace(/[\s]+/g, ' ')); return; }
      if (isIgnore(n)) return;
      var t = n.tag;
      if (t === 'br') { out += '  \n'; return; }
      if (t === 'img' || t.indexOf(':') >= 0 && t !== 'o:p' && !n.children.length) return;
      var inner = inline(n.children);
      if (t === 'strong' || t === 'b') out += wrap(inner, '**');
      else if (t === 'em' || t === 'i') out += wrap(inner, '*');
      else if (t === 'a') {
        var href = (n.attrs.href || '').trim();
        if (!href || /^\s*(javascript|vbscript|data):/i.test(href) || href[0] === '#') out += inner;
        else out += '[' + inner.trim() + '](' + href.replace(/[()\s]/g, encodeURIComponent) + ')';
      } else if (t === 'code') out += '`' + textOf(n) + '`';
      else if (t === 'span' && /font-weight\s*:\s*(bold|[6-9]00)/i.test(n.attrs.style || '')) out += wrap(inner, '**');
      else if (t === 'span' && /font-style\s*:\s*italic/i.test(n.attrs.style || '')) out += wrap(inner, '*');
      else out += inner;
    });
    return out;
  }
  function wrap(s, m) {
    var lead = s.match(/^\s*/)[0], trail = s.match(/\s*$/)[0], core = s.trim();
    if (!core) return s;
    return lead + m + core + m + trail;
  }
  function clean(s) {
    return s.split('\n').map(function (l) { return l.replace(/[ \t]+/g, ' ').replace(/^ /, '').replace(/ $/, l.slice(-2) === '  ' ? '  ' : ''); }).join('\n').trim();
  }

  var blockTags = { p: 1, div: 1, h1: 1, h2: 1, h3: 1, h4: 1, h5: 1, h6: 1, ul: 1, ol: 1, table: 1, blockquote: 1, pre: 1, hr: 1, li: 1, section: 1, article: 1, body: 1, html: 1, main: 1, header: 1, footer: 1, tbody: 1, thead: 1, tr: 1 };

  function hasBlock(n) {
    return n.children.some(function (c) { return typeof c !== 'string' && (blockTags[c.tag] || hasBlock(c)); });
  }

  // Word fake list item: returns {ordered, level, content} or null
  function fakeItem(n) {
    if (n.tag !== 'p') return null;
    var cls = n.attrs['class'] || '', style = n.attrs.style || '';
    if (!/MsoListParagraph/i.test(cls) && !/mso-list\s*:\s*l\d/i.test(style)) return null;
    var marker = '';
    (function find(ns) {
      ns.forEach(function (c) {
        if (typeof c === 'string') return;
        if (isIgnore(c)) marker += textOf(c); else find(c.children);
      });
    })(n.children);
    var lv = style.match(/level(\d+)/i), lid = style.match(/mso-list\s*:\s*(l\d+)/i);
    marker = marker.trim();
    return { ordered: /^[0-9a-z]{1,3}[.)]$/i.test(marker) && marker !== 'o', level: lv ? parseInt(lv[1], 10) - 1 : 0, list: lid ? lid[1] : '', content: clean(inline(n.children)) };
  }

  function listMd(n, depth) {
    var ordered = n.tag === 'ol', k = 0, lines = [];
    n.children.forEach(function (li) {
      if (typeof li === 'string') return;
      if (li.tag === 'ul' || li.tag === 'ol') { lines.push(listMd(li, depth + 1)); return; }
      if (li.tag !== 'li') return;
      k++;
      var indent = '';
      for (var d = 0; d < depth; d++) indent += '   ';
      var textParts = [], subs = [];
      li.children.forEach(function (c) {
        if (typeof c !== 'string' && (c.tag === 'ul' || c.tag === 'ol')) subs.push(listMd(c, depth + 1));
        else if (typeof c !== 'string' && c.tag === 'p') textParts.push(c.children);
        else textParts.push([c]);
      });
      var txt = clean(textParts.map(function (p) { return inline(p); }).join(' '));
      lines.push(indent + (ordered ? k + '. ' : '- ') + txt.replace(/\n/g, '\n' + indent + '   '));
      subs.forEach(function (s) { lines.push(s); });
    });
    return lines.join('\n');
  }

  function rowsOf(n, rows) {
    n.children.forEach(function (c) {
      if (typeof c === 'string') return;
      if (c.tag === 'tr') rows.push(c.children.filter(function (x) { return typeof x !== 'string' && (x.tag === 'td' || x.tag === 'th'); }));
      else if (c.tag !== 'table') rowsOf(c, rows);
    });
    return rows;
  }
  function cellText(c) {
    var parts = [];
    var blocks = c.children.filter(function (x) { return typeof x !== 'string' || x.trim(); });
    blocks.forEach(function (b) { parts.push(clean(inline(typeof b === 'string' ? [b] : (b.tag === 'p' || b.tag === 'div' ? b.children : [b])))); });
    return parts.filter(Boolean).join(' ').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
  }
  function tableMd(n) {
    var rows = rowsOf(n, []).map(function (r) { return r.map(cellText); }).filter(function (r) { return r.length; });
    if (!rows.length) return '';
    var w = Math.max.apply(null, rows.map(function (r) { return r.length; }));
    var line = function (r) { var a = []; for (var i = 0; i < w; i++) a.push(r[i] || ''); return '| ' + a.join(' | ') + ' |'; };
    var sep = []; for (var i = 0; i < w; i++) sep.push('---');
    return [line(rows[0]), '| ' + sep.join(' | ') + ' |'].concat(rows.slice(1).map(line)).join('\n');
  }

  function blocks(nodes, out) {
    var buf = [];
    var fake = [];
    function flushInline() {
      var s = clean(inline(buf)); buf = [];
      if (s) out.push(s);
    }
    function flushFake() {
      if (!fake.length) return;
      var counters = [];
      out.push(fake.map(function (f) {
        counters.length = f.level + 1;
        counters[f.level] = (counters[f.level] || 0) + 1;
        var ind = ''; for (var d = 0; d < f.level; d++) ind += '   ';
        return ind + (f.ordered ? counters[f.level] + '. ' : '- ') + f.content;
      }).join('\n'));
      fake = [];
    }
    nodes.forEach(function (n) {
      if (typeof n === 'string' || !blockTags[n.tag] && !hasBlock(n)) {
        if (typeof n === 'string' && !n.trim() && !buf.length) return;
        flushFake(); buf.push(n); return;
      }
      flushInline();
      var f = fakeItem(n);
      if (f) {
        if (fake.length && (fake[0].list !== f.list || f.level === 0 && fake[0].ordered !== f.ordered)) flushFake();
        if (f.content) fake.push(f);
        return;
      }
      flushFake();
      var t = n.tag;
      var h = t.match(/^h([1-6])$/);
      if (h) {
        var s = clean(inline(n.children)).replace(/\s*\n\s*/g, ' ');
        if (s) out.push('#'.repeat(Math.max(2, +h[1])) + ' ' + s.replace(/^\*\*(.*)\*\*$/, '$1'));
      } else if (t === 'ul' || t === 'ol') { var l = listMd(n, 0); if (l.trim()) out.push(l); }
      else if (t === 'table') { var tb = tableMd(n); if (tb) out.push(tb); }
      else if (t === 'blockquote') {
        var inner = []; blocks(n.children, inner);
        if (inner.length) out.push(inner.join('\n\n').split('\n').map(function (x) { return x ? '> ' + x : '>'; }).join('\n'));
      } else if (t === 'pre') out.push('```\n' + textOf(n).replace(/\n$/, '') + '\n```');
      else if (t === 'hr') out.push('---');
      else if (t === 'p' && !hasBlock(n)) { var ps = clean(inline(n.children)); if (ps) out.push(ps); }
      else blocks(n.children, out);
    });
    flushInline(); flushFake();
    return out;
  }

  function htmlToMarkdown(html) {
    var frag = String(html || '');
    var sf = frag.match(/<!--StartFragment-->([\s\S]*?)<!--EndFragment-->/);
    if (sf) frag = sf[1];
    return blocks(parse(frag).children, []).join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
  }

  // images in pasted HTML that can be uploaded: data: URLs only (file: skipped)
  function dataImages(html) {
    var out = [], re = /<img\b[^>]*?\ssrc\s*=\s*("|')(data:image\/[^"']+)\1/gi, m;
    while ((m = re.exec(String(html || '')))) out.push(m[2]);
    return out;
  }

  var api = { htmlToMarkdown: htmlToMarkdown, dataImages: dataImages };
  root.bangtinPaste = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof window !== 'undefined' ? window : globalThis);
