// bangtin's search: reads the index files that `bangtin build` writes under
// /tim-kiem/chi-muc/ (src/search/ in bangtin says how they are made).
// `words` mirrors src/search/words.rs step for step; bangtin's tests run both
// over one table, so change them together.
(function () {
  "use strict";

  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var TONES = { "\u0300": "f", "\u0301": "s", "\u0309": "r", "\u0303": "x", "\u0323": "j" };
  var SHAPES = { "\u0302": "^", "\u0306": "(", "\u031B": "+" };
  var MARK = /^\p{M}$/u;
  var ALNUM = /^[\p{L}\p{N}]$/u;
  var ASCII_ALNUM = /^[0-9A-Za-z]$/;
  var INVISIBLE = /^[\u200C\u200D\u2060\uFEFF\u00AD]$/;
  // Results a page shows, and of those the first screen's, shown as soon as
  // their files are in (the rest follow).
  var PAGE = 10, FIRST = 5;

  // The words of `text`: offsets (UTF-16), key without marks, signature.
  function words(text) {
    var out = [], key = "", sig = "", tone = "", n = 0, start = 0, end = 0;
    function flush() {
      if (n) out.push({ start: start, end: end, key: key, sig: sig + tone });
      key = ""; sig = ""; tone = ""; n = 0;
    }
    function letter(at, c, len) {
      if (!n) start = at;
      key += c; n++; end = at + len;
    }
    for (var at = 0; at < text.length;) {
      var ch = String.fromCodePoint(text.codePointAt(at)), len = ch.length;
      if (ch.charCodeAt(0) < 128) {
        if (ASCII_ALNUM.test(ch)) letter(at, ch.toLowerCase(), len); else flush();
      } else if (ch === "\u200B") {
        flush();
      } else if (!INVISIBLE.test(ch)) {
        for (var d of ch.toLowerCase().normalize("NFD")) {
          if (MARK.test(d)) {
            if (!n) continue;
            if (TONES[d]) tone = TONES[d];
            else if (SHAPES[d]) sig += (n - 1) + SHAPES[d];
          } else if (d === "\u0111" || d === "\u00F0" || d === "\u0256") {
            letter(at, "d", len); sig += (n - 1) + "-";
          } else if (ALNUM.test(d)) {
            letter(at, d, len);
          } else {
            flush();
          }
        }
        if (n) end = at + len;
      }
      at += len;
    }
    flush();
    return out;
  }

  // A list of entry ids (see src/search/encode.rs), ascending.
  function decode(s, total) {
    var out = [];
    if (!s) return out;
    var form = s.charAt(0);
    if (form === "b") {
      for (var i = 1; i < s.length; i++) {
        var bits = DIGITS.indexOf(s.charAt(i));
        for (var b = 0; b < 6; b++) if (bits & (1 << b)) out.push((i - 1) * 6 + b);
      }
      return out;
    }
    var prev = -1, v = 0, shift = 0;
    for (var j = 1; j < s.length; j++) {
      var digit = DIGITS.indexOf(s.charAt(j));
      v += (digit & 31) * Math.pow(2, shift);
      if (digit & 32) { shift += 5; continue; }
      prev += v + 1; out.push(prev); v = 0; shift = 0;
    }
    if (form !== "c") return out;
    var all = [], k = 0;
    for (var id = 0; id < total; id++) {
      if (k < out.length && out[k] === id) k++; else all.push(id);
    }
    return all;
  }

  // The ids of `base` (ascending) at the positions a relative list gives.
  function pick(positions, base) {
    return positions.map(function (i) { return base[i]; });
  }

  // The ids in both ascending lists.
  function intersect(a, b) {
    var out = [], j = 0;
    for (var i = 0; i < a.length; i++) {
      while (j < b.length && b[j] < a[i]) j++;
      if (j < b.length && b[j] === a[i]) out.push(a[i]);
    }
    return out;
  }

  // What the query asks for: words (the last one, while typing, also as a
  // prefix), with spelled-out abbreviations replaced, and adjacent pairs.
  function parse(q, root) {
    var found = words(q.normalize("NFC"));
    var typing = found.length > 0 && found[found.length - 1].end === q.length;
    var keys = found.map(function (w) { return w.key; });
    var asked = [], spelled = [];
    for (var i = 0; i < found.length; i++) {
      var abbr = abbreviationAt(keys, i, root.a);
      if (abbr) {
        asked.push({ key: abbr[0], exact: null, prefix: false });
        for (var s = i; s < i + abbr[1]; s++) spelled[s] = true;
        i += abbr[1] - 1;
        continue;
      }
      var w = found[i];
      asked.push({ key: w.key, exact: w.sig ? w.key + "!" + w.sig : null, prefix: false });
    }
    var last = asked[asked.length - 1];
    if (typing && last && last.key.length >= 2 && last.key === keys[keys.length - 1]) last.prefix = true;
    // Pairs of words asked for as words: an abbreviation is a phrase match
    // already, and its spelled-out words' shards are not asked for.
    var pairs = [];
    for (var p = 0; p + 1 < keys.length; p++) {
      if (!spelled[p] && !spelled[p + 1]) pairs.push(keys[p] + " " + keys[p + 1]);
    }
    return { words: asked, pairs: pairs };
  }

  function abbreviationAt(keys, i, table) {
    for (var t = 0; t < table.length; t++) {
      var spelled = table[t][1];
      if (i + spelled.length > keys.length) continue;
      var same = true;
      for (var j = 0; j < spelled.length; j++) if (keys[i + j] !== spelled[j]) { same = false; break; }
      if (same) return [table[t][0], spelled.length];
    }
    return null;
  }

  function Index(form) {
    this.base = form.getAttribute("data-index");
    this.dir = this.base.slice(0, this.base.lastIndexOf("/") + 1);
    this.version = form.getAttribute("data-version");
    this.files = {};
  }
  Index.prototype.get = function (name) {
    // The page carries the routing table; index.json is asked for only when
    // a theme leaves it out.
    var inline = name === "index.json" && document.getElementById("chi-muc-tim");
    if (!this.files[name] && inline && inline.textContent.trim()) {
      this.files[name] = Promise.resolve(JSON.parse(inline.textContent));
    }
    if (!this.files[name]) {
      var url = (name === "index.json" ? this.base : this.dir + name) + "?v=" + this.version;
      var files = this.files;
      files[name] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).catch(function (e) { delete files[name]; throw e; });
    }
    return this.files[name];
  };
  // The shard whose first key is the last one not after `key`.
  function shardOf(root, key) {
    var lo = 0, hi = root.s.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (root.s[mid] <= key) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  // The words whose names lists a key's relative list counts in: a pair's
  // two, a marked spelling's one (see src/search/encode.rs).
  function baseWords(key) {
    var bang = key.indexOf("!");
    return bang >= 0 ? [key.slice(0, bang)] : key.split(" ");
  }

  // The shards a query needs: each word's (a prefix's first two), each
  // pair's, and those of a pair's words.
  function shardsFor(root, query) {
    var out = [];
    function need(s) { if (out.indexOf(s) < 0) out.push(s); }
    query.words.forEach(function (w) {
      var first = shardOf(root, w.key);
      need(first);
      if (w.exact) need(shardOf(root, w.exact));
      if (w.prefix && shardOf(root, w.key + "\uFFFF") > first) need(first + 1);
    });
    query.pairs.forEach(function (p) {
      need(shardOf(root, p));
      baseWords(p).forEach(function (w) { need(shardOf(root, w)); });
    });
    return out;
  }

  // Entry ids with a score, best first.
  function rank(root, shards, query) {
    var n = root.n, lookup = {};
    shards.forEach(function (records) {
      records.forEach(function (r) { lookup[r[0]] = r; });
    });
    function names(key) {
      var r = lookup[key];
      if (!r) return null;
      if (r[2].charAt(0) !== "r") return decode(r[2], n);
      var base = null, words = baseWords(key);
      for (var i = 0; i < words.length; i++) {
        // Written only when the words have records; a missing one is an
        // index this script does not know, and finds nothing.
        var l = words[i] !== key && lookup[words[i]] ? names(words[i]) : null;
        if (!l) return [];
        base = base === null ? l : intersect(base, l);
      }
      return pick(decode(r[2].slice(1), base.length), base);
    }
    function lists(key) {
      var r = lookup[key];
      return r ? { text: decode(r[1], n), names: names(key) } : null;
    }
    function idf(df) { return Math.log(1 + (n - df + 0.5) / (df + 0.5)); }
    var scores = null;
    for (var i = 0; i < query.words.length; i++) {
      var w = query.words[i], got = new Map();
      var add = function (key, weight) {
        var l = lists(key);
        if (!l) return;
        var inText = new Set(l.text), df = inText.size;
        l.names.forEach(function (id) { if (!inText.has(id)) df++; });
        var f = idf(df) * weight;
        l.text.forEach(function (id) { got.set(id, Math.max(got.get(id) || 0, f)); });
        l.names.forEach(function (id) { got.set(id, Math.max(got.get(id) || 0, f * 3)); });
      };
      add(w.key, 1);
      if (w.prefix) {
        Object.keys(lookup).forEach(function (k) {
          if (k !== w.key && k.lastIndexOf(w.key, 0) === 0 && k.indexOf(" ") < 0 && k.indexOf("!") < 0) add(k, 0.8);
        });
      }
      if (w.exact) {
        var exact = lists(w.exact);
        if (exact) {
          var bonus = idf(exact.names.length) * 1.5;
          exact.names.forEach(function (id) { if (got.has(id)) got.set(id, got.get(id) + bonus); });
        }
      }
      if (scores === null) {
        scores = got;
      } else {
        var next = new Map();
        scores.forEach(function (s, id) { if (got.has(id)) next.set(id, s + got.get(id)); });
        scores = next;
      }
      if (!scores.size) break;
    }
    if (!scores) return [];
    query.pairs.forEach(function (p) {
      var l = lists(p);
      if (!l) return;
      var f = idf(l.text.length + l.names.length), bonus = new Map();
      l.text.forEach(function (id) { bonus.set(id, f); });
      l.names.forEach(function (id) { bonus.set(id, 2 * f); });
      bonus.forEach(function (b, id) { if (scores.has(id)) scores.set(id, scores.get(id) + b); });
    });
    var hits = [];
    scores.forEach(function (s, id) { hits.push([id, s]); });
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return hits;
  }

  // Among hits of equal score in hits[from, to), an article or a name with
  // the shorter title first (BM25's length normalisation: the words matched
  // make more of it), and the results of one table in its rank order (the
  // tables in the order they come). Only within one kind: ids put units,
  // clusters, results, pages and articles in that order, so other ties keep
  // it. `entryOf(id)` gives an entry's shown data ({k, t, r}).
  function shorterFirst(hits, from, to, entryOf) {
    function order(run) {
      var tables = new Map();
      var keyed = run.map(function (h) {
        var e = entryOf(h[0]);
        if (e.k !== "r") return { h: h, k: e.k, a: words(e.t).length, b: 0 };
        var table = e.r.c + "\n" + e.r.y;
        if (!tables.has(table)) tables.set(table, tables.size);
        return { h: h, k: e.k, a: tables.get(table), b: e.r.h || Infinity };
      });
      keyed.sort(function (x, y) {
        if (x.k !== y.k) return x.h[0] - y.h[0];
        // Two unranked rows give NaN, which falls through to the ids.
        return x.a - y.a || x.b - y.b || x.h[0] - y.h[0];
      });
      return keyed.map(function (x) { return x.h; });
    }
    var i = from;
    while (i < to) {
      var j = i + 1;
      while (j < to && hits[j][1] === hits[i][1]) j++;
      if (j - i > 1) {
        order(hits.slice(i, j)).forEach(function (h, k) { hits[i + k] = h; });
      }
      i = j;
    }
    return hits;
  }

  // `text` with the words the query matched in <mark>.
  function marked(text, query) {
    var frag = document.createDocumentFragment(), at = 0;
    words(text).forEach(function (w) {
      var hit = query.words.some(function (q) {
        return w.key === q.key || (q.prefix && w.key.lastIndexOf(q.key, 0) === 0);
      });
      if (!hit) return;
      frag.append(text.slice(at, w.start));
      var m = document.createElement("mark");
      m.textContent = text.slice(w.start, w.end);
      frag.append(m);
      at = w.end;
    });
    frag.append(text.slice(at));
    return frag;
  }

  function el(name, cls, child) {
    var e = document.createElement(name);
    if (cls) e.className = cls;
    if (child) e.append(child);
    return e;
  }

  function start() {
    var form = document.querySelector("form[data-index]");
    if (!form) return;
    var input = form.querySelector("input[name=q]");
    var status = document.getElementById("trang-thai-tim");
    var list = document.getElementById("ket-qua-tim");
    var more = document.getElementById("them-ket-qua");
    var index = new Index(form), seq = 0, timer = 0, shown = [], query = null, root = null;
    var lang = document.documentElement.lang || "vi";

    function say(kind, n) {
      var text = status.getAttribute("data-" + kind) || "";
      status.textContent = text.replace("{n}", Number(n || 0).toLocaleString(lang));
    }

    function rowLine(r) {
      var parts = [];
      if (r.st) parts.push(list.getAttribute("data-status-" + r.st));
      else if (r.h) parts.push(list.getAttribute("data-rank") + " " + r.h);
      if (r.p) parts.push(r.p + " " + list.getAttribute("data-points"));
      if (r.x) parts.push(r.x);
      parts.push(r.c, String(r.y));
      return parts.join(" · ");
    }

    function render(entry) {
      var li = el("li", "search-hit");
      var kind = list.getAttribute("data-kind-" + entry.k) + (entry.d ? " · " + entry.d : "");
      li.append(el("p", "search-kind", kind));
      var a = el("a", null, marked(entry.t, query));
      a.href = entry.u;
      li.append(el("h2", null, a));
      if (entry.r) li.append(el("p", "search-line", rowLine(entry.r)));
      if (entry.s) li.append(el("p", "search-snippet", marked(entry.s, query)));
      return li;
    }

    function showMore(mine, count) {
      var ids = shown.slice(list.children.length, list.children.length + count);
      var names = [];
      ids.forEach(function (h) {
        var name = "m" + Math.floor(h[0] / root.m) + ".json";
        if (names.indexOf(name) < 0) names.push(name);
      });
      return Promise.all(names.map(function (nm) { return index.get(nm); })).then(function (groups) {
        if (mine !== seq) return;
        function entry(id) { return groups[names.indexOf("m" + Math.floor(id / root.m) + ".json")][id % root.m]; }
        var from = list.children.length;
        shorterFirst(shown, from, from + ids.length, entry);
        shown.slice(from, from + ids.length).forEach(function (h) { list.append(render(entry(h[0]))); });
      });
    }

    // The button for more results, once the results asked for are shown.
    function offerMore(mine) {
      if (mine === seq) more.hidden = list.children.length >= shown.length;
    }

    function search(q) {
      var mine = ++seq;
      list.textContent = "";
      more.hidden = true;
      if (!q.trim()) { status.textContent = ""; return; }
      say("loading");
      index.get("index.json").then(function (r) {
        root = r;
        query = parse(q, root);
        if (!query.words.length) return [];
        var names = shardsFor(root, query);
        return Promise.all(names.map(function (s) { return index.get("s" + s + ".json"); }));
      }).then(function (shards) {
        if (mine !== seq) return;
        shown = shards.length ? rank(root, shards, query) : [];
        if (!shown.length) { say("none"); return; }
        return showMore(mine, FIRST).then(function () {
          if (mine !== seq) return;
          say("count", shown.length);
          return showMore(mine, PAGE - FIRST).then(function () { offerMore(mine); });
        });
      }).catch(function () {
        if (mine === seq) say("failed");
      });
    }

    function fromAddress() {
      var q = new URLSearchParams(location.search).get("q") || "";
      input.value = q;
      search(q);
    }

    function remember(q, push) {
      var url = new URL(location.href);
      if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
      if (url.href === location.href) return;
      if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        remember(input.value, false);
        search(input.value);
      }, 150);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      remember(input.value, true);
      search(input.value);
    });
    more.addEventListener("click", function () {
      var mine = seq;
      more.hidden = true;
      showMore(mine, PAGE).then(function () { offerMore(mine); });
    });
    window.addEventListener("popstate", fromAddress);
    fromAddress();
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  }
  if (typeof module !== "undefined") module.exports = { words: words, decode: decode, parse: parse, rank: rank, shardsFor: shardsFor, shorterFirst: shorterFirst, PAGE: PAGE, FIRST: FIRST };
})();
