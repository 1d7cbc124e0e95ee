// the scores grid of the editor (issue 23): criteria by members, one tab per
// phase and sheet, the ranking the server's engine computes from what is
// typed (POST /api/scores/preview), save with conflict check, publish.
// editor.js calls BangtinScores.list(ui) and BangtinScores.open(ui, path)
// with its helpers (el, w, request, …); nothing here judges a value: the
// checks and the ranking are the server's.
(function () {
  'use strict';

  var STATUSES = ['', 'partial', 'withdrawn', 'not_submitted'];
  var ROW_STATUS_WORDS = { ranked: 'ScoresRanked', partial: 'ScoresPartial', withdrawn: 'ScoresWithdrawn', not_submitted: 'ScoresNotSubmitted' };
  var UNIT_STATUS_WORDS = { '': 'ScoresStatusNone', partial: 'ScoresPartial', withdrawn: 'ScoresWithdrawn', not_submitted: 'ScoresNotSubmitted' };
  var PREVIEW_DELAY = 350;

  function cellKey(c) { return [c.phase, c.unit, c.sheet, c.criterion].join('\u0001'); }
  function unitKey(phase, unit) { return phase + '\u0001' + unit; }

  // ---- the list of cluster-years with a scheme
  function list(ui) {
    var el = ui.el, w = ui.w;
    ui.page(w('ScoresTitle'), function (main) {
      ui.request('GET', 'scores/list').then(function (r) {
        ui.clear(main);
        if (!r.ok) { ui.add(main, el('p', { class: 'bt-error', role: 'alert', text: w('LoadFailed', { error: r.error }) })); return; }
        var items = (r.data && r.data.cluster_years) || [];
        ui.add(main, el('h2', { text: w('ScoresPick') }));
        if (!items.length) { ui.add(main, el('p', { class: 'bt-quiet', text: w('ScoresNone') })); return; }
        ui.add(main, el('ul', { class: 'bt-docs' }, items.map(function (c) {
          return el('li', null, el('a', { href: '#scores=' + encodeURIComponent(c.path), class: 'bt-doclink' },
            el('span', { class: 'bt-doctitle', text: c.name + ' · ' + c.year }),
            el('span', { class: 'bt-docmeta' }, c.exists ? '' : el('span', { class: 'bt-badge', text: w('ScoresNoFileYet') })),
            el('span', { class: 'bt-path', text: c.path })));
        })));
      });
    });
  }

  // ---- one scores file
  function open(ui, path) {
    var w = ui.w;
    ui.page(w('ScoresTitle'), function (main) {
      ui.request('GET', 'scores/grid?' + ui.q({ path: path })).then(function (r) {
        ui.clear(main);
        if (!r.ok) { ui.add(main, ui.el('p', { class: 'bt-error', role: 'alert', text: w('LoadFailed', { error: r.error }) })); return; }
        new Grid(ui, main, r.data).render();
      });
    });
  }

  function Grid(ui, main, data) {
    this.ui = ui;
    this.main = main;
    this.load(data);
    this.tab = { phase: 0, sheet: 0 };
    this.seq = 0;
    this.timer = null;
  }

  Grid.prototype.load = function (data) {
    this.data = data;
    this.cells = {};   // cellKey → typed text, only the changed ones
    this.units = {};   // unitKey → the unit's whole entry, only the changed ones
    this.inputs = {};  // cellKey → its <input>
    this.ui.setDirty(false);
  };

  // the typed value of a cell: changed, else the file's
  Grid.prototype.value = function (c) {
    var k = cellKey(c);
    if (Object.prototype.hasOwnProperty.call(this.cells, k)) return this.cells[k];
    var u = this.phase(c.phase).units[c.unit];
    var s = u && u.sheets && u.sheets[c.sheet];
    return s && s[c.criterion] !== undefined ? s[c.criterion] : '';
  };
  Grid.prototype.phase = function (id) {
    return this.data.phases.filter(function (p) { return p.id === id; })[0] || { units: {} };
  };
  // a unit's entry (status, note, items) as it is now: changed, else the file's
  Grid.prototype.unit = function (phase, unit) {
    var k = unitKey(phase, unit);
    if (this.units[k]) return this.units[k];
    var u = this.phase(phase).units[unit] || {};
    return { phase: phase, unit: unit, status: u.status || null, note: u.note || null,
      bonus: (u.bonus || []).slice(), penalties: (u.penalties || []).slice(), disqualified: (u.disqualified || []).slice() };
  };
  Grid.prototype.setUnit = function (entry) {
    this.units[unitKey(entry.phase, entry.unit)] = entry;
    this.changed();
  };
  Grid.prototype.setCell = function (c, text) {
    this.cells[cellKey(c)] = text;
    this.changed();
  };
  Grid.prototype.changed = function () {
    this.ui.setDirty(true);
    this.status.textContent = this.ui.w('ScoresUnsaved');
    this.subtotals();
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.preview(); }, PREVIEW_DELAY);
  };
  // typed values or unit entries not saved yet
  Grid.prototype.dirty = function () {
    return Object.keys(this.cells).length > 0 || Object.keys(this.units).length > 0;
  };

  Grid.prototype.changes = function () {
    var self = this;
    return {
      path: this.data.path,
      cells: Object.keys(this.cells).map(function (k) {
        var p = k.split('\u0001');
        return { phase: p[0], unit: p[1], sheet: p[2], criterion: p[3], value: self.cells[k] };
      }),
      units: Object.keys(this.units).map(function (k) { return self.units[k]; })
    };
  };

  // ---- the page
  Grid.prototype.render = function () {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    var d = this.data;
    ui.clear(this.main);
    this.status = el('span', { class: 'bt-status', role: 'status' });
    this.saveBtn = el('button', { type: 'button', class: 'bt-primary', text: w('Save'), onclick: function () { self.save(false); } });
    this.notice = el('p', { class: 'bt-warn', role: 'note' });
    this.general = el('ul', { class: 'bt-diags', 'aria-label': w('ScoresFileProblems') });
    this.tabs = el('div', { class: 'bt-tabs', role: 'tablist', 'aria-label': w('ScoresSheets') });
    this.panel = el('div', { class: 'bt-tabpanel', role: 'tabpanel', id: 'bt-scores-panel' });
    this.ranking = el('section', { class: 'bt-ranking', 'aria-labelledby': 'bt-rank-h' });
    ui.add(this.main, [
      el('div', { class: 'bt-head' },
        el('h2', { text: d.name + ' · ' + d.year }),
        el('p', { class: 'bt-path', text: d.path + (d.version ? '' : ' — ' + w('ScoresNoFileYet')) }),
        el('p', { class: 'bt-quiet', text: w('ScoresHelp') }),
        el('div', { class: 'bt-actions' }, this.saveBtn, ui.publishButton(), window.BangtinExcel.actions(this), this.status)),
      this.notice, this.general,
      el('div', { class: 'bt-scores' },
        el('section', { class: 'bt-sheet', 'aria-label': w('ScoresEntry') }, this.tabs, this.panel),
        this.ranking)]);
    this.renderTabs();
    this.showPreview(d.preview);
  };

  Grid.prototype.renderTabs = function () {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    ui.clear(this.tabs);
    var many = this.data.phases.length > 1;
    this.data.phases.forEach(function (p, pi) {
      var sheets = p.sheets.concat([{ key: '_status', name: w('ScoresStatusTab') }]);
      sheets.forEach(function (s, si) {
        var on = pi === self.tab.phase && si === self.tab.sheet;
        ui.add(self.tabs, el('button', { type: 'button', role: 'tab', class: 'bt-tab', 'aria-selected': on ? 'true' : 'false',
          'aria-controls': 'bt-scores-panel', tabindex: on ? '0' : '-1',
          text: (many ? p.name + ' · ' : '') + s.name,
          onclick: function () { self.tab = { phase: pi, sheet: si }; self.renderTabs(); },
          onkeydown: function (e) { self.tabKey(e); } }));
      });
    });
    this.renderSheet();
  };
  // arrow keys move along the tabs, as a tab list does
  Grid.prototype.tabKey = function (e) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    var tabs = Array.prototype.slice.call(this.tabs.querySelectorAll('[role=tab]'));
    var i = tabs.indexOf(e.currentTarget) + (e.key === 'ArrowRight' ? 1 : -1);
    if (i < 0 || i >= tabs.length) return;
    e.preventDefault();
    tabs[i].click();
    this.tabs.querySelectorAll('[role=tab]')[i].focus();
  };

  Grid.prototype.renderSheet = function () {
    var ui = this.ui, el = ui.el;
    var p = this.data.phases[this.tab.phase];
    if (!p) return;
    var sheet = p.sheets[this.tab.sheet];
    ui.clear(this.panel);
    this.inputs = {};
    var table = sheet ? this.sheetTable(p, sheet) : this.statusTable(p);
    ui.add(this.panel, el('div', { class: 'bt-gridwrap', tabindex: '0', role: 'region', 'aria-label': sheet ? sheet.name : ui.w('ScoresStatusTab') }, table));
    this.subtotals();
    this.markCells();
  };

  function membersOf(p, sheet) {
    return (sheet && sheet.members) || (p.sheets[0] && p.sheets[0].members) || [];
  }

  Grid.prototype.headRow = function (members, firstCols) {
    var el = this.ui.el;
    return el('thead', null, el('tr', null, firstCols.map(function (t) { return el('th', { scope: 'col', text: t }); }),
      members.map(function (m) { return el('th', { scope: 'col', class: 'bt-unitcol', text: m.name }); })));
  };

  Grid.prototype.sheetTable = function (p, sheet) {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    var members = membersOf(p, sheet);
    var body = el('tbody');
    sheet.rows.forEach(function (row, ri) {
      var tr = el('tr', { class: 'bt-row-' + row.kind });
      var label = (row.id ? row.id + '. ' : '') + (row.title || (row.kind === 'total' ? w('ScoresTotal') : ''));
      if (row.kind === 'heading') {
        ui.add(tr, el('th', { scope: 'rowgroup', colspan: String(2 + members.length), text: row.title }));
        ui.add(body, tr);
        return;
      }
      ui.add(tr, el('th', { scope: 'row', text: label }));
      var limit = row.kind === 'leaf' ? w('ScoresMax', { max: row.max }) + (row.rule_text ? ' · ' + row.rule_text : '')
        : row.kind === 'section' ? w('ScoresMax', { max: row.max })
          : row.kind === 'bonus' ? '+' + row.points : row.kind === 'penalty' ? '−' + row.points : '';
      ui.add(tr, el('td', { class: 'bt-limit', text: limit }));
      members.forEach(function (m, mi) {
        var td = el('td', { class: 'bt-cell' });
        if (row.kind === 'leaf') ui.add(td, self.cellInput(p, sheet, row, m, ri, mi));
        else if (row.kind === 'bonus' || row.kind === 'penalty') ui.add(td, self.countInput(p, row, m, ri, mi));
        else if (row.kind === 'disqualifier') ui.add(td, self.disqualifierBox(p, row, m));
        else td.setAttribute('data-sum', row.kind + ':' + ri + ':' + m.unit);
        ui.add(tr, td);
      });
      ui.add(body, tr);
    });
    this.rows = sheet.rows;
    this.members = members;
    return el('table', { class: 'bt-grid' }, el('caption', { class: 'visually-hidden', text: sheet.name + ' — ' + p.name }),
      this.headRow(members, [w('ScoresCriterion'), w('ScoresLimit')]), body);
  };

  Grid.prototype.cellInput = function (p, sheet, row, m, ri, mi) {
    var ui = this.ui, w = ui.w, self = this;
    var c = { phase: p.id, unit: m.unit, sheet: sheet.key, criterion: row.id };
    var eid = ui.id('ce');
    var input = ui.el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', class: 'bt-score',
      value: this.value(c), 'data-r': String(ri), 'data-c': String(mi), 'aria-describedby': eid,
      'aria-label': w('ScoresCellLabel', { criterion: row.id, unit: m.name }) });
    input.addEventListener('input', function () { self.setCell(c, input.value.trim()); });
    input.addEventListener('keydown', function (e) { self.cellKey(e, input); });
    input.addEventListener('paste', function (e) { self.paste(e, input, p, sheet); });
    this.inputs[cellKey(c)] = input;
    return [input, ui.el('span', { class: 'bt-cellerr', id: eid })];
  };

  // bonus and penalty items: how many times, per unit
  Grid.prototype.countInput = function (p, row, m, ri, mi) {
    var ui = this.ui, self = this;
    var field = row.kind === 'bonus' ? 'bonus' : 'penalties';
    var current = this.unit(p.id, m.unit)[field].filter(function (x) { return x.item === row.id; })[0];
    var input = ui.el('input', { type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'bt-score',
      value: current ? String(current.count) : '', 'data-r': String(ri), 'data-c': String(mi),
      'aria-label': ui.w('ScoresCountLabel', { item: row.id, unit: m.name }) });
    var err = ui.el('span', { class: 'bt-cellerr' });
    input.addEventListener('input', function () {
      var t = input.value.trim();
      var ok = /^\d*$/.test(t);
      input.setAttribute('aria-invalid', ok ? 'false' : 'true');
      err.textContent = ok ? '' : ui.w('ScoresCountWhole');
      if (!ok) return;
      var entry = self.unit(p.id, m.unit);
      var old = entry[field].filter(function (x) { return x.item === row.id; })[0];
      var rest = entry[field].filter(function (x) { return x.item !== row.id; });
      var n = t === '' ? 0 : parseInt(t, 10);
      if (n > 0) rest.push({ item: row.id, count: n, evidence: old ? old.evidence : null });
      entry[field] = rest;
      self.setUnit(entry);
    });
    input.addEventListener('keydown', function (e) { self.cellKey(e, input); });
    return [input, err];
  };

  Grid.prototype.disqualifierBox = function (p, row, m) {
    var ui = this.ui, self = this;
    var box = ui.el('input', { type: 'checkbox', checked: this.unit(p.id, m.unit).disqualified.indexOf(row.id) >= 0,
      'aria-label': ui.w('ScoresDisqualifierLabel', { item: row.id, unit: m.name }) });
    box.addEventListener('change', function () {
      var entry = self.unit(p.id, m.unit);
      entry.disqualified = entry.disqualified.filter(function (x) { return x !== row.id; });
      if (box.checked) entry.disqualified.push(row.id);
      self.setUnit(entry);
    });
    return box;
  };

  // a unit's status and note, per phase
  Grid.prototype.statusTable = function (p) {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    var members = membersOf(p, null);
    this.rows = [];
    var statusRow = el('tr', null, el('th', { scope: 'row', text: w('ScoresStatus') }));
    var noteRow = el('tr', null, el('th', { scope: 'row', text: w('ScoresNote') }));
    members.forEach(function (m) {
      var entry = self.unit(p.id, m.unit);
      var sel = el('select', { 'aria-label': w('ScoresStatusLabel', { unit: m.name }) },
        STATUSES.map(function (s) { return el('option', { value: s, text: w(UNIT_STATUS_WORDS[s]) }); }));
      sel.value = entry.status || '';
      var note = el('input', { type: 'text', autocomplete: 'off', value: entry.note || '', 'aria-label': w('ScoresNoteLabel', { unit: m.name }) });
      sel.addEventListener('change', function () { var e = self.unit(p.id, m.unit); e.status = sel.value || null; self.setUnit(e); });
      note.addEventListener('input', function () { var e = self.unit(p.id, m.unit); e.note = note.value.trim() || null; self.setUnit(e); });
      ui.add(statusRow, el('td', null, sel));
      ui.add(noteRow, el('td', null, note));
    });
    return el('table', { class: 'bt-grid' }, el('caption', { class: 'visually-hidden', text: w('ScoresStatusTab') + ' — ' + p.name }),
      this.headRow(members, ['']), el('tbody', null, statusRow, noteRow));
  };

  // ---- keyboard like a spreadsheet: arrows, Enter (down), Tab as usual
  Grid.prototype.cellKey = function (e, input) {
    var r = +input.getAttribute('data-r'), c = +input.getAttribute('data-c');
    var atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    var atEnd = input.selectionStart === input.value.length;
    var step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], Enter: [e.shiftKey ? -1 : 1, 0],
      ArrowLeft: atStart ? [0, -1] : null, ArrowRight: atEnd ? [0, 1] : null }[e.key];
    if (!step) return;
    var next = this.find(r, c, step[0], step[1]);
    if (!next) return;
    e.preventDefault();
    next.focus();
    next.select();
  };
  Grid.prototype.find = function (r, c, dr, dc) {
    for (var i = 1; i <= this.rows.length + 1; i++) {
      var n = this.panel.querySelector('input[data-r="' + (r + dr * i) + '"][data-c="' + (c + dc * i) + '"]');
      if (n) return n;
      if (dc) return null;
    }
    return null;
  };

  // a block copied from Excel: tab-separated columns, one line per row,
  // filled from this cell to the right and downwards
  Grid.prototype.paste = function (e, input, p, sheet) {
    var text = (e.clipboardData || window.clipboardData).getData('text');
    if (!/[\t\n]/.test(text.replace(/\r?\n$/, ''))) return;
    e.preventDefault();
    var lines = text.replace(/\r/g, '').replace(/\n$/, '').split('\n');
    var r0 = +input.getAttribute('data-r'), c0 = +input.getAttribute('data-c');
    var r = r0, filled = 0, self = this;
    lines.forEach(function (line, li) {
      if (li > 0) {
        var below = self.find(r, c0, 1, 0);
        if (!below) return;
        r = +below.getAttribute('data-r');
      }
      line.split('\t').forEach(function (v, vi) {
        var target = self.panel.querySelector('input.bt-score[data-r="' + r + '"][data-c="' + (c0 + vi) + '"]');
        if (!target) return;
        target.value = v.trim();
        target.dispatchEvent(new Event('input'));
        filled++;
      });
    });
    this.ui.announce(this.ui.w('ScoresPasted', { count: filled }));
  };

  // ---- subtotals of the sheet shown: plain sums of the typed points, as
  // the paper form adds them; a proportional criterion (a ratio, not points)
  // or a value that is not a number leaves the sum blank
  function points(text) {
    var t = String(text).trim().replace(',', '.');
    if (t === '') return 0;
    if (!/^\d+(\.\d{1,6})?$/.test(t)) return null;
    var parts = t.split('.');
    return parseInt(parts[0], 10) * 1e6 + parseInt(((parts[1] || '') + '000000').slice(0, 6), 10);
  }
  function showPoints(n, comma) {
    var whole = Math.floor(n / 1e6), frac = String(n % 1e6 + 1e6).slice(1).replace(/0+$/, '');
    return whole + (frac ? (comma ? ',' : '.') + frac : '');
  }
  Grid.prototype.subtotals = function () {
    var self = this, rows = this.rows || [];
    var p = this.data.phases[this.tab.phase];
    var sheet = p && p.sheets[this.tab.sheet];
    if (!sheet) return;
    function leafSum(ri, unit) {
      var row = rows[ri];
      if (row.kind !== 'leaf') return 0;
      if (row.rule === 'proportional') return null;
      return points(self.value({ phase: p.id, unit: unit, sheet: sheet.key, criterion: row.id }));
    }
    function sectionSum(ri, unit) {
      var sum = 0;
      for (var i = 0; i < (rows[ri].children || []).length; i++) {
        var v = leafSum(rows[ri].children[i], unit);
        if (v === null) return null;
        sum += v;
      }
      return sum;
    }
    Array.prototype.forEach.call(this.panel.querySelectorAll('td[data-sum]'), function (td) {
      var parts = td.getAttribute('data-sum').split(':');
      var ri = +parts[1], unit = parts.slice(2).join(':');
      var v;
      if (parts[0] === 'section') v = sectionSum(ri, unit);
      else {
        v = 0;
        (rows[ri].sections || []).forEach(function (s) { var x = sectionSum(s, unit); v = v === null || x === null ? null : v + x; });
      }
      td.textContent = v === null ? '—' : showPoints(v, self.data.comma);
    });
  };

  // ---- the server's judgement
  Grid.prototype.preview = function () {
    var self = this, seq = ++this.seq;
    this.ranking.setAttribute('aria-busy', 'true');
    this.ui.request('POST', 'scores/preview', this.changes()).then(function (r) {
      if (seq !== self.seq) return; // a newer preview is on its way
      self.ranking.removeAttribute('aria-busy');
      if (!r.ok) { self.status.textContent = r.error; return; }
      self.showPreview(r.data);
    });
  };

  Grid.prototype.showPreview = function (pv) {
    this.last = pv || { diagnostics: [], ignored: [] };
    this.markCells();
    var ui = this.ui, el = ui.el, w = ui.w;
    this.notice.textContent = this.last.rewritten ? w('ScoresRewritten') : '';
    ui.clear(this.general);
    var self = this;
    (this.last.diagnostics || []).forEach(function (g) {
      if (!g.cell || !self.inputs[cellKey(g.cell)]) ui.add(self.general, self.ui.diagItem(g, false, g.cell ? self.where(g.cell) : ''));
    });
    this.renderRanking();
  };

  // where a diagnostic of a cell on another tab is: "Đợt 1 · Tự chấm · I.1 · unit"
  Grid.prototype.where = function (c) {
    var p = this.phase(c.phase);
    var s = (p.sheets || []).filter(function (x) { return x.key === c.sheet; })[0];
    var m = (s && s.members || []).filter(function (x) { return x.unit === c.unit; })[0];
    return [p.name, s ? s.name : c.sheet, c.criterion, m ? m.name : c.unit].join(' · ');
  };

  Grid.prototype.markCells = function () {
    var self = this, w = this.ui.w;
    var errs = {};
    ((this.last && this.last.diagnostics) || []).forEach(function (g) {
      if (!g.cell) return;
      var k = cellKey(g.cell);
      (errs[k] = errs[k] || []).push(g.message + (g.hint ? ' — ' + g.hint : ''));
    });
    var ignored = {};
    ((this.last && this.last.ignored) || []).forEach(function (c) { ignored[cellKey(c)] = true; });
    Object.keys(this.inputs).forEach(function (k) {
      var input = self.inputs[k];
      var msg = errs[k] ? errs[k].join(' ') : '';
      input.setAttribute('aria-invalid', msg ? 'true' : 'false');
      var span = document.getElementById(input.getAttribute('aria-describedby'));
      if (span) span.textContent = msg ? msg + (ignored[k] ? ' ' + w('ScoresIgnored') : '') : '';
    });
  };

  Grid.prototype.renderRanking = function () {
    var ui = this.ui, el = ui.el, w = ui.w;
    var pv = this.last || {};
    var p = this.data.phases[this.tab.phase];
    var table = pv.results;
    var title = w('ScoresRankingYear');
    if (!table && p) {
      var ph = (pv.phases || []).filter(function (x) { return x.id === p.id; })[0];
      if (ph && ph.results) { table = ph.results; title = w('ScoresRankingPhase', { phase: p.name }); }
    }
    ui.clear(this.ranking);
    ui.add(this.ranking, el('h2', { id: 'bt-rank-h', text: w('ScoresRanking') }));
    if (!table || !table.rows) { ui.add(this.ranking, el('p', { class: 'bt-quiet', text: w('ScoresNoRanking') })); return; }
    ui.add(this.ranking, el('p', { class: 'bt-quiet', text: title + ' — ' + w('ScoresRankingNote') }));
    ui.add(this.ranking, el('table', { class: 'bt-rank' },
      el('thead', null, el('tr', null, [w('ScoresRank'), w('FieldUnits'), w('ScoresTotal'), w('ScoresClass')].map(function (t) {
        return el('th', { scope: 'col', text: t });
      }))),
      el('tbody', null, table.rows.map(function (row) {
        var state = row.status === 'ranked' ? '' : w(ROW_STATUS_WORDS[row.status] || 'ScoresPartial');
        return el('tr', { 'data-unit': row.unit },
          el('td', { class: 'bt-num', text: row.rank ? String(row.rank) : '—' }),
          el('th', { scope: 'row', text: row.name }, state ? el('span', { class: 'bt-badge', text: state }) : null,
            row.note ? el('span', { class: 'bt-note', text: row.note }) : null),
          el('td', { class: 'bt-num', text: row.total ? decimal(row.total, this.data.comma) : '—' }),
          el('td', { text: row.classification || '' }));
      }, this))));
  };
  function decimal(s, comma) { return comma ? String(s).replace('.', ',') : String(s); }

  // ---- saving
  Grid.prototype.save = function (force, version) {
    var ui = this.ui, w = ui.w, self = this;
    clearTimeout(this.timer);
    var body = this.changes();
    body.version = version !== undefined ? version : this.data.version;
    body.force = !!force;
    this.saveBtn.disabled = true;
    this.status.textContent = w('Saving');
    ui.request('POST', 'scores', body).then(function (r) {
      self.saveBtn.disabled = false;
      if (r.status === 409 && r.data && r.data.disk) { self.conflict(r.data); return; }
      if (!r.ok) {
        self.status.textContent = r.error;
        // (a refused save has no diagnostics: the preview's stay shown)
        ui.announce(r.error);
        return;
      }
      var tab = self.tab;
      self.load(r.data);
      self.tab = tab;
      self.render();
      self.status.textContent = w('Saved');
      ui.announce(w('Saved'));
    });
  };

  Grid.prototype.conflict = function (data) {
    var self = this;
    this.ui.conflict(data.error, this.ui.w('ScoresConflict'),
      function () { self.save(false, data.disk.version); },
      function () { self.load(data.disk); self.render(); });
  };

  window.BangtinScores = { list: list, open: open };
})();
