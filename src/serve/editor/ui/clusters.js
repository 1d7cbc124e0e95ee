// units and cluster-years in the editor (issue 23): the list of units with
// add, rename and merge; the cluster-years, a new year started from the
// last; a cluster-year's members (order, roles, dates) and targets.
// editor.js calls BangtinClusters.units(ui), .list(ui) and .open(ui, path)
// with its helpers. Every check is the server's: a change it refuses comes
// back with the checks' own words, shown where they belong.
(function () {
  'use strict';

  var KIND_WORDS = { agency: 'KindAgency', union_base: 'KindUnionBase', union_upper: 'KindUnionUpper', enterprise: 'KindEnterprise', place: 'KindPlace' };
  var ROLE_WORDS = { '': 'RoleMember', cum_truong: 'RoleLeader', cum_pho: 'RoleDeputy' };
  var DONE_WORDS = { add: 'UnitsAdded', rename: 'UnitsRenamed', merge: 'UnitsMerged' };
  var MOVE_WORDS = { up: 'ClusterUp', down: 'ClusterDown' };
  var FIELD_WORDS = { from: 'ClusterFrom', until: 'ClusterUntil', left_reason: 'ClusterLeftReason' };
  // what a new cluster-year assumed, shown once on the page it opens
  var madeNotes = null;

  function day(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || '');
    return m ? m[3] + '/' + m[2] + '/' + m[1] : (s || '');
  }
  function loadFailed(ui, main, r) {
    ui.clear(main);
    ui.add(main, ui.el('p', { class: 'bt-error', role: 'alert', text: ui.w('LoadFailed', { error: r.error }) }));
  }

  // a labelled control in a .bt-field; `control` gets the id
  function field(ui, label, control, note) {
    var fid = ui.id('f');
    control.id = fid;
    var box = ui.el('div', { class: 'bt-field' }, ui.el('label', { for: fid, text: label }), control);
    if (note) {
      var nid = fid + 'n';
      ui.add(box, ui.el('p', { class: 'bt-note', id: nid, text: note }));
      control.setAttribute('aria-describedby', nid);
    }
    return box;
  }
  // a form's answer from the server: its error at the field it names, or
  // the checks' diagnostics under the form
  function showRefusal(ui, r, controls, errBox) {
    ui.clear(errBox);
    Object.keys(controls).forEach(function (k) { controls[k].removeAttribute('aria-invalid'); });
    var name = r.data && r.data.field;
    if (name && controls[name]) { controls[name].setAttribute('aria-invalid', 'true'); controls[name].focus(); }
    ui.add(errBox, ui.el('p', { class: 'bt-error', text: r.error }));
    if (r.data && r.data.hint) ui.add(errBox, ui.el('p', { class: 'bt-note', text: r.data.hint }));
    var diags = (r.data && r.data.diagnostics) || [];
    if (diags.length) ui.add(errBox, ui.el('ul', { class: 'bt-diags' }, diags.map(function (g) { return ui.diagItem(g, false); })));
    ui.announce(r.error);
  }

  // ================= UNITS
  function units(ui) {
    ui.page(ui.w('UnitsTitle'), function (main) {
      ui.request('GET', 'units').then(function (r) {
        if (!r.ok) { loadFailed(ui, main, r); return; }
        new UnitList(ui, main, r.data).render('', '');
      });
    });
  }

  function UnitList(ui, main, data) {
    this.ui = ui;
    this.main = main;
    this.data = data;
    this.query = '';
  }

  UnitList.prototype.render = function (changed, message) {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    ui.clear(this.main);
    var status = el('p', { class: 'bt-status', role: 'status', text: message });
    var general = this.data.diagnostics.filter(function (g) { return !g.unit; });
    ui.add(this.main, [status, general.length ? el('section', { class: 'bt-meta', 'aria-label': w('UnitsFileProblems') },
      el('h2', { text: w('UnitsFileProblems') }),
      el('ul', { class: 'bt-diags' }, general.map(function (g) { return ui.diagItem(g, false, g.line ? w('Line', { line: g.line }) : ''); }))) : null]);
    ui.add(this.main, this.addForm());
    var search = el('input', { type: 'search', autocomplete: 'off', value: this.query });
    var count = el('p', { class: 'bt-quiet', 'aria-live': 'polite' });
    var list = el('ul', { class: 'bt-docs bt-unitlist' });
    ui.add(this.main, [el('form', { class: 'bt-filters', role: 'search', onsubmit: function (e) { e.preventDefault(); } },
      field(ui, w('UnitsSearch'), search)), count, list]);
    var items = this.data.units.map(function (u) { return { key: u.key, li: self.item(u) }; });
    function refresh() {
      self.query = search.value;
      var words = ui.fold(search.value).split(' ').filter(Boolean);
      var shown = 0;
      ui.clear(list);
      items.forEach(function (it) {
        if (words.every(function (x) { return it.key.indexOf(x) >= 0; })) { ui.add(list, it.li); shown += 1; }
      });
      count.textContent = shown ? w('UnitsCount', { count: shown }) : w('UnitsNone');
    }
    search.addEventListener('input', refresh);
    refresh();
    if (changed) {
      var row = list.querySelector('[data-unit="' + changed + '"]');
      if (row) { row.scrollIntoView({ block: 'center' }); row.querySelector('h3').focus(); }
    }
  };

  UnitList.prototype.unitName = function (id) {
    var u = this.data.units.filter(function (x) { return x.id === id; })[0];
    return u ? u.name : id;
  };

  UnitList.prototype.item = function (u) {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    var diags = this.data.diagnostics.filter(function (g) { return g.unit === u.id; });
    var span = [u.valid_from ? w('UnitsSince', { from: day(u.valid_from) }) : '', u.valid_until ? w('UnitsUntil', { until: day(u.valid_until) }) : '']
      .filter(Boolean).join(' ');
    var names = u.names.length > 1 ? el('ol', { class: 'bt-names', 'aria-label': w('UnitsNames') }, u.names.map(function (n) {
      var when = [n.from ? w('UnitsSince', { from: day(n.from) }) : '', n.until ? w('UnitsUntil', { until: day(n.until) }) : ''].filter(Boolean).join(' ');
      return el('li', { text: n.full + (when ? ' (' + when + ')' : '') });
    })) : null;
    return el('li', { class: 'bt-unitrow', 'data-unit': u.id },
      el('h3', { class: 'bt-doctitle', tabindex: '-1', text: u.name }),
      el('p', { class: 'bt-docmeta' },
        el('span', { class: 'bt-path', text: u.id }),
        el('span', { text: w(KIND_WORDS[u.kind] || 'KindAgency') }),
        span ? el('span', { text: span }) : null,
        u.merged_into ? el('span', { class: 'bt-badge', text: w('UnitsMergedInto', { unit: this.unitName(u.merged_into.unit), date: day(u.merged_into.date) }) }) : null),
      names,
      diags.length ? el('ul', { class: 'bt-diags' }, diags.map(function (g) { return ui.diagItem(g, false, g.line ? w('Line', { line: g.line }) : ''); })) : null,
      el('div', { class: 'bt-actions' },
        el('button', { type: 'button', text: w('UnitsRename'), 'aria-label': w('UnitsRenameTitle', { name: u.name }), onclick: function () { self.renameDialog(u); } }),
        u.merged_into ? null : el('button', { type: 'button', text: w('UnitsMerge'), 'aria-label': w('UnitsMergeButton', { name: u.name }), onclick: function () { self.mergeDialog(u); } })));
  };

  // after a change the server answers the whole list again
  UnitList.prototype.changed = function (r, done) {
    this.data = r.data;
    this.query = ''; // the unit changed is shown, whatever was searched
    this.render(r.data.id, this.ui.w(DONE_WORDS[done], { name: this.unitName(r.data.id), id: r.data.id }));
  };

  UnitList.prototype.addForm = function () {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    var c = {
      name: el('input', { type: 'text', required: true, autocomplete: 'off' }),
      short: el('input', { type: 'text', autocomplete: 'off' }),
      kind: el('select', null, this.data.kinds.map(function (k) { return el('option', { value: k, text: w(KIND_WORDS[k] || 'KindAgency') }); })),
      from: el('input', { type: 'date' }),
      id: el('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' })
    };
    var err = el('div', { 'aria-live': 'polite' });
    var form = el('form', { class: 'bt-newform', onsubmit: function (e) {
      e.preventDefault();
      ui.request('POST', 'units/add', { name: c.name.value, short: c.short.value, kind: c.kind.value, from: c.from.value, id: c.id.value })
        .then(function (r) { if (r.ok) self.changed(r, 'add'); else showRefusal(ui, r, c, err); });
    } },
      field(ui, w('UnitsName'), c.name), field(ui, w('UnitsShort'), c.short), field(ui, w('UnitsKind'), c.kind),
      field(ui, w('UnitsFrom'), c.from), field(ui, w('UnitsId'), c.id, w('UnitsIdNote')),
      el('button', { type: 'submit', class: 'bt-primary', text: w('UnitsAdd') }));
    return el('section', { class: 'bt-new', 'aria-labelledby': 'bt-unit-add-h' },
      el('h2', { id: 'bt-unit-add-h', text: w('UnitsAdd') }), form, err);
  };

  // a dialog holding a form; `send` gets the controls and answers a request
  UnitList.prototype.formDialog = function (title, controls, fields, note, send, done) {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    var dlg = ui.dialog(title);
    var err = el('div', { 'aria-live': 'polite' });
    var form = el('form', { onsubmit: function (e) {
      e.preventDefault();
      send(controls).then(function (r) {
        if (!r.ok) { showRefusal(ui, r, controls, err); return; }
        dlg.close();
        self.changed(r, done);
      });
    } }, fields, note ? el('p', { class: 'bt-note', text: note }) : null, err);
    ui.add(dlg.body, form);
    var ok = el('button', { type: 'button', class: 'bt-primary', text: w('Save'), onclick: function () { form.requestSubmit(); } });
    dlg.foot.insertBefore(ok, dlg.closeBtn);
    dlg.show();
    fields[0].querySelector('input, select').focus();
  };

  UnitList.prototype.renameDialog = function (u) {
    var ui = this.ui, el = ui.el, w = ui.w;
    var c = { name: el('input', { type: 'text', autocomplete: 'off', value: u.name }),
              short: el('input', { type: 'text', autocomplete: 'off' }), from: el('input', { type: 'date' }) };
    this.formDialog(w('UnitsRenameTitle', { name: u.name }), c,
      [field(ui, w('UnitsNewName'), c.name), field(ui, w('UnitsShort'), c.short), field(ui, w('UnitsNewFrom'), c.from)],
      w('UnitsRenameNote'),
      function (c) { return ui.request('POST', 'units/rename', { id: u.id, name: c.name.value, short: c.short.value, from: c.from.value }); },
      'rename');
  };

  UnitList.prototype.mergeDialog = function (u) {
    var ui = this.ui, el = ui.el, w = ui.w;
    var others = this.data.units.filter(function (x) { return x.id !== u.id && !x.merged_into; });
    var c = { into: el('select', null, [el('option', { value: '', text: w('ClusterPickUnit') })].concat(others.map(function (x) {
      return el('option', { value: x.id, text: x.name });
    }))), date: el('input', { type: 'date' }) };
    this.formDialog(w('UnitsMergeTitle', { name: u.name }), c,
      [field(ui, w('UnitsInto'), c.into), field(ui, w('UnitsMergeDate'), c.date)],
      w('UnitsMergeNote'),
      function (c) { return ui.request('POST', 'units/merge', { id: u.id, into: c.into.value, date: c.date.value }); },
      'merge');
  };

  // ================= CLUSTER-YEARS
  function list(ui) {
    var el = ui.el, w = ui.w;
    ui.page(w('ClustersTitle'), function (main) {
      ui.request('GET', 'cluster-years').then(function (r) {
        if (!r.ok) { loadFailed(ui, main, r); return; }
        ui.clear(main);
        ui.add(main, newYearForm(ui, r.data.clusters || []));
        var rows = r.data.cluster_years || [];
        if (!rows.length) { ui.add(main, el('p', { class: 'bt-quiet', text: w('ClustersNone') })); return; }
        ui.add(main, el('h2', { text: w('ClustersPick') }));
        var years = [];
        rows.forEach(function (c) { if (years.indexOf(c.year) < 0) years.push(c.year); });
        years.forEach(function (y) {
          ui.add(main, [el('h3', { text: w('ClustersYear') + ' ' + y }), el('ul', { class: 'bt-docs' }, rows.filter(function (c) { return c.year === y; }).map(function (c) {
            return el('li', null, el('a', { href: '#cluster=' + encodeURIComponent(c.path), class: 'bt-doclink' },
              el('span', { class: 'bt-doctitle', text: c.name }),
              el('span', { class: 'bt-docmeta', text: w('ClustersMembersCount', { count: c.members }) }),
              el('span', { class: 'bt-path', text: c.path })));
          }))]);
        });
      });
    });
  }

  function newYearForm(ui, clusters) {
    var el = ui.el, w = ui.w;
    if (!clusters.length) return null;
    var cluster = el('select', null, clusters.map(function (c) {
      return el('option', { value: c.cluster, text: c.name + ' (' + w('ClustersLatest', { year: c.latest }) + ')' });
    }));
    var year = el('input', { type: 'number', min: '1900', max: '2999', step: '1', inputmode: 'numeric' });
    function proposeYear() {
      var c = clusters.filter(function (x) { return x.cluster === cluster.value; })[0];
      year.value = c ? String(c.latest + 1) : '';
    }
    cluster.addEventListener('change', proposeYear);
    proposeYear();
    var err = el('div', { 'aria-live': 'polite' });
    var form = el('form', { class: 'bt-newform', onsubmit: function (e) {
      e.preventDefault();
      var y = /^\d+$/.test(year.value) ? Number(year.value) : year.value;
      ui.request('POST', 'cluster-years/new', { cluster: cluster.value, year: y }).then(function (r) {
        if (!r.ok) { showRefusal(ui, r, { cluster: cluster, year: year }, err); return; }
        madeNotes = { path: r.data.path, notes: r.data.notes || [] };
        location.hash = '#cluster=' + encodeURIComponent(r.data.path);
      });
    } }, field(ui, w('ClustersCluster'), cluster), field(ui, w('ClustersYear'), year),
      el('button', { type: 'submit', class: 'bt-primary', text: w('ClustersStart') }));
    return el('section', { class: 'bt-new', 'aria-labelledby': 'bt-newyear-h' },
      el('h2', { id: 'bt-newyear-h', text: w('ClustersNewYear') }), el('p', { class: 'bt-note', text: w('ClustersNewYearNote') }), form, err);
  }

  function open(ui, path) {
    ui.page(ui.w('ClustersTitle'), function (main) {
      ui.request('GET', 'cluster-year?' + ui.q({ path: path })).then(function (r) {
        if (!r.ok) { loadFailed(ui, main, r); return; }
        var notes = madeNotes && madeNotes.path === path ? madeNotes.notes : [];
        madeNotes = null;
        new ClusterForm(ui, main, r.data, notes).render();
      });
    });
  }

  function ClusterForm(ui, main, data, notes) {
    this.ui = ui;
    this.main = main;
    this.notes = notes;
    this.load(data);
  }

  ClusterForm.prototype.load = function (data) {
    this.data = data;
    this.members = data.members.map(function (m) {
      return { unit: m.unit, role: m.role || '', from: m.from || '', until: m.until || '', left_reason: m.left_reason || '' };
    });
    this.targets = data.targets.slice();
    this.documents = (data.documents || []).map(function (d) {
      return { kind: d.kind || '', title: d.title || '', number: d.number || '', date: d.date || '', file: d.file || '' };
    });
    var s = data.signing || {};
    this.signing = { date: s.date || '', host: s.host || '', place: s.place || '' };
    this.ui.setDirty(false);
  };

  ClusterForm.prototype.dirty = function () {
    this.ui.setDirty(true);
    this.status.textContent = this.ui.w('ScoresUnsaved');
  };

  ClusterForm.prototype.unitName = function (id) {
    var u = this.data.units.filter(function (x) { return x.id === id; })[0];
    return u ? u.name : id;
  };

  ClusterForm.prototype.render = function () {
    var ui = this.ui, el = ui.el, w = ui.w, self = this, d = this.data;
    ui.clear(this.main);
    this.status = el('span', { class: 'bt-status', role: 'status' });
    this.saveBtn = el('button', { type: 'submit', class: 'bt-primary', text: w('Save') });
    this.problems = el('div', { 'aria-live': 'polite' });
    this.table = el('tbody');
    this.targetList = el('ol', { class: 'bt-targets' });
    this.docTable = el('tbody');
    var form = el('form', { class: 'bt-form', novalidate: true, onsubmit: function (e) { e.preventDefault(); self.save(false); } });
    ui.add(form, [
      el('p', { class: 'bt-path', text: d.path }),
      this.notes.length ? el('section', { class: 'bt-meta' }, el('h2', { text: w('ClusterNotes') }),
        el('ul', null, this.notes.map(function (n) { return el('li', { text: n }); }))) : null,
      this.problems,
      el('h2', { id: 'bt-members-h', text: w('ClusterMembers') }),
      el('div', { class: 'bt-tablewrap' }, el('table', { class: 'bt-rank bt-members', 'aria-labelledby': 'bt-members-h' },
        el('thead', null, el('tr', null, ['#', w('ClusterUnit'), w('ClusterRole'), w('ClusterFrom'), w('ClusterUntil'), w('ClusterLeftReason'), w('ClusterActions')]
          .map(function (t) { return el('th', { scope: 'col', text: t }); }))), this.table)),
      el('button', { type: 'button', text: w('ClusterAddMember'), onclick: function () {
        self.members.push({ unit: '', role: '', from: '', until: '', left_reason: '' });
        self.dirty();
        self.drawMembers(self.members.length - 1, 'select');
      } }),
      el('h2', { id: 'bt-targets-h', text: w('ClusterTargets') }), this.targetList,
      el('button', { type: 'button', text: w('ClusterAddTarget'), onclick: function () {
        self.targets.push('');
        self.dirty();
        self.drawTargets(self.targets.length - 1);
      } }),
      el('h2', { id: 'bt-docs-h', text: w('ClusterDocuments') }),
      el('div', { class: 'bt-tablewrap' }, el('table', { class: 'bt-rank bt-members', 'aria-labelledby': 'bt-docs-h' },
        el('thead', null, el('tr', null, [w('DocKind'), w('DocTitle'), w('DocNumber'), w('DocDate'), w('DocFile'), w('Remove')]
          .map(function (t) { return el('th', { scope: 'col', text: t }); }))), this.docTable)),
      el('datalist', { id: 'bt-doc-kinds' }, (d.document_kinds || []).map(function (k) { return el('option', { value: k }); })),
      this.documentButtons(),
      this.signingFields(),
      el('p', { class: 'bt-note', text: w('ClusterOtherFields', { path: d.path }) }),
      el('div', { class: 'bt-actions' }, this.saveBtn, this.status, ui.publishButton(),
        d.scheme ? el('a', { href: '#scores=' + encodeURIComponent('data/scores/' + d.year + '/' + d.cluster + '.yaml'), text: w('ClusterOpenScores') }) : null)
    ]);
    ui.add(this.main, form);
    this.showProblems(d.diagnostics, '');
    this.drawMembers();
    this.drawTargets();
    this.drawDocuments();
  };

  ClusterForm.prototype.showProblems = function (diags, error) {
    var ui = this.ui, el = ui.el, w = ui.w;
    ui.clear(this.problems);
    if (error) ui.add(this.problems, el('p', { class: 'bt-error', text: error }));
    if (!diags || !diags.length) return;
    ui.add(this.problems, el('section', { class: 'bt-meta' }, el('h2', { text: w('ClusterFileProblems') }),
      el('ul', { class: 'bt-diags' }, diags.map(function (g) { return ui.diagItem(g, false, g.line ? w('Line', { line: g.line }) : ''); }))));
  };

  // the members table; `focus` is the row and control to focus after a move
  ClusterForm.prototype.drawMembers = function (focusRow, focusWhat) {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    ui.clear(this.table);
    var known = {};
    this.data.units.forEach(function (u) { known[u.id] = true; });
    this.members.forEach(function (m, i) {
      var name = m.unit ? self.unitName(m.unit) : w('ClusterNewMember', { n: i + 1 });
      var label = function (what) { return w('ClusterCellLabel', { what: what, unit: name }); };
      var opts = [el('option', { value: '', text: w('ClusterPickUnit') })];
      if (m.unit && !known[m.unit]) opts.push(el('option', { value: m.unit, text: w('ClusterUnitUnknown', { id: m.unit }) }));
      self.data.units.forEach(function (u) { opts.push(el('option', { value: u.id, text: u.name })); });
      var unit = el('select', { 'aria-label': label(w('ClusterUnit')), 'data-what': 'select' }, opts);
      unit.value = m.unit;
      var role = el('select', { 'aria-label': label(w('ClusterRole')) }, Object.keys(ROLE_WORDS).map(function (k) {
        return el('option', { value: k, text: w(ROLE_WORDS[k]) });
      }));
      role.value = m.role;
      var input = function (key, type) {
        var c = el('input', { type: type, value: m[key], 'aria-label': label(w(FIELD_WORDS[key])) });
        c.addEventListener('input', function () { m[key] = c.value; self.dirty(); });
        return c;
      };
      unit.addEventListener('change', function () { m.unit = unit.value; self.dirty(); self.drawMembers(i, 'select'); });
      role.addEventListener('change', function () { m.role = role.value; self.dirty(); });
      var move = function (to, what) {
        var word = MOVE_WORDS[what];
        return el('button', { type: 'button', 'data-what': what, class: 'bt-tool', disabled: to < 0 || to >= self.members.length,
          'aria-label': w(word, { unit: name }), title: w(word, { unit: name }),
          onclick: function () {
            var x = self.members.splice(i, 1)[0];
            self.members.splice(to, 0, x);
            self.dirty();
            self.drawMembers(to, what);
            ui.announce(w('ClusterMoved', { unit: name, n: to + 1 }));
          } }, el('span', { 'aria-hidden': 'true', text: what === 'up' ? '↑' : '↓' }));
      };
      var remove = el('button', { type: 'button', class: 'bt-danger', text: w('Remove'), 'aria-label': w('ClusterRemove', { unit: name }),
        onclick: function () {
          self.members.splice(i, 1);
          self.dirty();
          self.drawMembers(Math.min(i, self.members.length - 1), 'select');
          ui.announce(w('ClusterRemoved', { unit: name }));
        } });
      ui.add(self.table, el('tr', { 'data-unit': m.unit },
        el('td', { class: 'bt-num', text: String(i + 1) }), el('td', null, unit), el('td', null, role),
        el('td', null, input('from', 'date')), el('td', null, input('until', 'date')), el('td', null, input('left_reason', 'text')),
        el('td', { class: 'bt-rowacts' }, move(i - 1, 'up'), move(i + 1, 'down'), remove)));
    });
    if (focusRow !== undefined && focusRow >= 0) {
      var row = this.table.children[focusRow];
      var target = row && (row.querySelector('[data-what="' + focusWhat + '"]:not([disabled])') || row.querySelector('select'));
      if (target) target.focus();
    }
  };

  ClusterForm.prototype.drawTargets = function (focusIdx) {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    ui.clear(this.targetList);
    this.targets.forEach(function (t, i) {
      var input = el('input', { type: 'text', value: t, 'aria-label': w('ClusterTargetLabel', { n: i + 1 }) });
      input.addEventListener('input', function () { self.targets[i] = input.value; self.dirty(); });
      ui.add(self.targetList, el('li', { class: 'bt-targetrow' }, input,
        el('button', { type: 'button', class: 'bt-danger', text: w('Remove'), 'aria-label': w('ClusterTargetRemove', { n: i + 1 }),
          onclick: function () { self.targets.splice(i, 1); self.dirty(); self.drawTargets(Math.min(i, self.targets.length - 1)); } })));
      if (i === focusIdx) setTimeout(function () { input.focus(); }, 0);
    });
  };

  // ---- documents: a row each; a PDF uploaded adds a row with its file
  ClusterForm.prototype.drawDocuments = function (focusRow) {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    ui.clear(this.docTable);
    this.documents.forEach(function (doc, i) {
      var label = function (what) { return w('DocCellLabel', { what: what, n: i + 1 }); };
      var input = function (key, type, word, attrs) {
        var c = el('input', { type: type, value: doc[key], 'aria-label': label(w(word)) });
        Object.keys(attrs || {}).forEach(function (k) { c.setAttribute(k, attrs[k]); });
        c.addEventListener('input', function () { doc[key] = c.value; self.dirty(); });
        return c;
      };
      var title = input('title', 'text', 'DocTitle');
      ui.add(self.docTable, el('tr', null,
        el('td', null, input('kind', 'text', 'DocKind', { list: 'bt-doc-kinds' })), el('td', null, title),
        el('td', null, input('number', 'text', 'DocNumber')), el('td', null, input('date', 'date', 'DocDate')),
        el('td', null, input('file', 'text', 'DocFile', { spellcheck: 'false' }),
          doc.file ? el('a', { href: '/' + doc.file, target: '_blank', rel: 'noopener', text: w('DocOpen') }) : null),
        el('td', { class: 'bt-rowacts' }, el('button', { type: 'button', class: 'bt-danger', text: w('Remove'),
          'aria-label': w('DocRemove', { n: i + 1 }), onclick: function () {
            self.documents.splice(i, 1);
            self.dirty();
            self.drawDocuments();
          } }))));
      if (i === focusRow) setTimeout(function () { title.focus(); }, 0);
    });
  };

  ClusterForm.prototype.documentButtons = function () {
    var ui = this.ui, el = ui.el, w = ui.w, self = this;
    var err = el('div', { 'aria-live': 'polite' });
    // never shown: the button opens it
    var input = el('input', { type: 'file', accept: '.pdf,application/pdf', hidden: true, 'aria-label': w('DocUpload') });
    input.addEventListener('change', function () {
      var f = input.files && input.files[0];
      input.value = '';
      if (!f) return;
      ui.clear(err);
      f.arrayBuffer().then(function (bytes) {
        return ui.request('POST', 'cluster-year/document?' + ui.q({ path: self.data.path, name: f.name }), bytes, true);
      }).then(function (r) {
        if (!r.ok) { showRefusal(ui, r, {}, err); return; }
        self.documents.push({ kind: '', title: r.data.title, number: '', date: '', file: r.data.file });
        self.dirty();
        self.drawDocuments(self.documents.length - 1);
        ui.announce(w('DocUploaded', { file: r.data.file }));
      });
    });
    return el('div', null, el('div', { class: 'bt-actions' },
      el('button', { type: 'button', text: w('DocUpload'), onclick: function () { input.click(); } }),
      el('button', { type: 'button', text: w('DocAdd'), onclick: function () {
        self.documents.push({ kind: '', title: '', number: '', date: '', file: '' });
        self.dirty();
        self.drawDocuments(self.documents.length - 1);
      } }), input), err);
  };

  // ---- the signing meeting; its host may be any unit
  ClusterForm.prototype.signingFields = function () {
    var ui = this.ui, el = ui.el, w = ui.w, self = this, s = this.signing;
    var date = el('input', { type: 'date', value: s.date });
    var host = el('select', null, [el('option', { value: '', text: w('ClusterPickUnit') })].concat((this.data.all_units || []).map(function (u) {
      return el('option', { value: u.id, text: u.name });
    })));
    host.value = s.host;
    var place = el('input', { type: 'text', value: s.place });
    [['date', date], ['host', host], ['place', place]].forEach(function (p) {
      p[1].addEventListener(p[1].tagName === 'SELECT' ? 'change' : 'input', function () { s[p[0]] = p[1].value; self.dirty(); });
    });
    return el('fieldset', { class: 'bt-meta' }, el('legend', { text: w('ClusterSigning') }),
      field(ui, w('SigningDate'), date), field(ui, w('SigningHost'), host), field(ui, w('SigningPlace'), place));
  };

  ClusterForm.prototype.save = function (force, version) {
    var ui = this.ui, w = ui.w, self = this;
    var members = this.members.filter(function (m) { return m.unit; }).map(function (m) {
      return { unit: m.unit, role: m.role || null, from: m.from || null, until: m.until || null, left_reason: m.left_reason || null };
    });
    var orNull = function (v) { return v ? v : null; };
    var documents = this.documents.map(function (d) {
      return { kind: orNull(d.kind), title: d.title, number: orNull(d.number), date: orNull(d.date), file: orNull(d.file) };
    });
    var s = this.signing;
    var signing = s.date || s.host || s.place ? { date: orNull(s.date), host: orNull(s.host), place: orNull(s.place) } : null;
    var body = { path: this.data.path, version: version !== undefined ? version : this.data.version,
                 members: members, targets: this.targets, documents: documents, signing: signing, force: !!force };
    this.saveBtn.disabled = true;
    this.status.textContent = w('Saving');
    ui.request('POST', 'cluster-year', body).then(function (r) {
      self.saveBtn.disabled = false;
      if (r.status === 409 && r.data && r.data.disk) { self.conflict(r.data); return; }
      if (!r.ok) {
        self.status.textContent = r.error;
        self.showProblems(r.data && r.data.diagnostics, r.error);
        ui.announce(r.error);
        return;
      }
      self.notes = [];
      self.load(r.data);
      self.render();
      self.status.textContent = w('Saved');
      ui.announce(w('Saved'));
    });
  };

  ClusterForm.prototype.conflict = function (data) {
    var self = this;
    this.ui.conflict(data.error, this.ui.w('ClusterConflict'),
      function () { self.save(false, data.disk.version); },
      function () { self.load(data.disk); self.render(); });
  };

  window.BangtinClusters = { units: units, list: list, open: open };
})();
