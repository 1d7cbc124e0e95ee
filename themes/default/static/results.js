// Results tables of the default theme (issue 20): sorting by a column and
// the breakdown opened for printing. Progressive enhancement: without this
// script every table is complete and in rank order, and the page prints the
// same figures. An external file, so the theme's Content-Security-Policy
// (script-src 'self') holds; its words come from data-* attributes of its
// <script> tag (the theme's i18n file).
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || !window.Intl) return;
  var words = {
    by: me.getAttribute('data-sort-by') || '{col}',
    ascending: me.getAttribute('data-sorted-asc') || '{col}',
    descending: me.getAttribute('data-sorted-desc') || '{col}'
  };
  // Vietnamese collation: "Ban" < "Bảo" < "Cục" < "Đảng", tones after letters.
  var collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

  /// A shown figure as a number: "96,65" → 96.65, "1.250,5" → 1250.5,
  /// "3 đồng hạng" → 3; "—" and words → null (sorted last).
  function number(cell) {
    var first = cell.textContent.trim().split(/\s+/)[0].replace(/\./g, '').replace(',', '.');
    var v = parseFloat(first);
    return isNaN(v) ? null : v;
  }

  function name(cell) {
    var a = cell.querySelector('a');
    return (a || cell).textContent.trim();
  }

  function setup(table) {
    if (!table.tHead || !table.tBodies.length) return;
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    // Unranked rows (withdrawn, not submitted) have no figures: they stay
    // last, in the cluster's member order, whatever the sort.
    var ranked = rows.filter(function (r) { return r.classList.contains('status-ranked'); });
    var unranked = rows.filter(function (r) { return !r.classList.contains('status-ranked'); });
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    var wrap = table.parentNode;
    wrap.parentNode.insertBefore(status, wrap.nextSibling);
    var state = { col: -1, dir: 'ascending' };

    heads.forEach(function (th, i) {
      var kind = th.getAttribute('data-sort');
      if (!kind) return;
      var label = th.textContent.trim();
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.textContent = label;
      button.title = words.by.replace('{col}', label);
      th.textContent = '';
      th.appendChild(button);
      if (th.classList.contains('rank')) {
        state.col = i;
        th.setAttribute('aria-sort', 'ascending');
      }
      button.addEventListener('click', function () {
        var dir = state.col === i && state.dir === 'ascending' ? 'descending' : 'ascending';
        sort(i, kind, dir);
        heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir);
        state = { col: i, dir: dir };
        status.textContent = words[dir].replace('{col}', label);
      });
    });

    function sort(i, kind, dir) {
      var sign = dir === 'ascending' ? 1 : -1;
      var keyed = ranked.map(function (r, order) {
        var cell = r.cells[i];
        return { row: r, order: order, key: kind === 'text' ? name(cell) : number(cell) };
      });
      keyed.sort(function (a, b) {
        if (a.key === null || b.key === null) {
          if (a.key === b.key) return a.order - b.order;
          return a.key === null ? 1 : -1;
        }
        var c = kind === 'text' ? collator.compare(a.key, b.key) : a.key - b.key;
        // Equal keys keep the rank order (a stable sort either way).
        return c !== 0 ? sign * c : a.order - b.order;
      });
      keyed.forEach(function (k) { body.appendChild(k.row); });
      unranked.forEach(function (r) { body.appendChild(r); });
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('table.results'), setup);

  // Printing shows the per-criterion breakdown, even when it was closed.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details.breakdown:not([open])'), function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
