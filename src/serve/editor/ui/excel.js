// Excel in the scores grid (issue 23): the phase's template to download,
// and Nhập từ Excel, a filled template put through the code of `bangtin
// import scores` on the server (POST /api/scores/import): its change table
// first, the file written only once she confirms. scores.js calls
// BangtinExcel.actions(grid) for the buttons.
(function () {
  'use strict';

  function phaseOf(grid) {
    var p = grid.data.phases[grid.tab.phase];
    return p ? p.id : '';
  }

  function actions(grid) {
    var ui = grid.ui, el = ui.el, w = ui.w;
    // never shown: the button opens it
    var input = el('input', { type: 'file', accept: '.xlsx,.xlsm,.ods,.csv', hidden: true, 'aria-label': w('ExcelImport') });
    input.addEventListener('change', function () {
      var file = input.files && input.files[0];
      input.value = '';
      if (file) upload(grid, file);
    });
    var download = el('button', { type: 'button', text: w('ExcelTemplate'), onclick: function () {
      var a = el('a', { href: ui.api + 'scores/template?' + ui.q({ path: grid.data.path, phase: phaseOf(grid) }), download: '' });
      document.body.appendChild(a);
      a.click();
      a.remove();
    } });
    var pick = el('button', { type: 'button', text: w('ExcelImport'), onclick: function () {
      if (grid.dirty()) { notice(ui, w('ExcelImport'), w('ExcelSaveFirst')); return; }
      input.click();
    } });
    return [download, pick, input];
  }

  function notice(ui, title, text) {
    var dlg = ui.dialog(title);
    ui.add(dlg.body, ui.el('p', { text: text }));
    dlg.show();
  }

  function importPath(grid, name, extra) {
    var params = { path: grid.data.path, phase: phaseOf(grid), name: name };
    Object.keys(extra || {}).forEach(function (k) { params[k] = extra[k]; });
    return 'scores/import?' + grid.ui.q(params);
  }

  function upload(grid, file) {
    var ui = grid.ui, w = ui.w;
    grid.status.textContent = w('ExcelReading', { name: file.name });
    file.arrayBuffer().then(function (bytes) {
      return ui.request('POST', importPath(grid, file.name), bytes, true).then(function (r) {
        grid.status.textContent = '';
        showChanges(grid, file.name, bytes, r);
      });
    });
  }

  // the change table of the import, and Lưu to write it
  function showChanges(grid, name, bytes, r) {
    var ui = grid.ui, el = ui.el, w = ui.w;
    var dlg = ui.dialog(w('ExcelTitle', { name: name }));
    var err = el('div', { 'aria-live': 'polite' });
    if (!r.ok) {
      refusal(ui, dlg.body, r);
      ui.announce(r.error);
      dlg.show();
      return;
    }
    var d = r.data, n = d.changes.length;
    ui.add(dlg.body, el('p', { class: 'bt-quiet', text: w('ExcelSheets', { sheets: d.sheets.join(', ') }) }));
    if (!n) {
      ui.add(dlg.body, el('p', { text: w('ExcelNoChange') }));
      dlg.show();
      return;
    }
    if (d.new_file) ui.add(dlg.body, el('p', { class: 'bt-warn', text: w('ExcelNewFile') }));
    if (d.rewritten) ui.add(dlg.body, el('p', { class: 'bt-warn', text: w('ScoresRewritten') }));
    ui.add(dlg.body, [el('div', { class: 'bt-tablewrap' }, el('table', { class: 'bt-rank bt-changes' },
      el('caption', { text: w('ExcelChanges', { count: n }) }),
      el('thead', null, el('tr', null, [w('FieldUnits'), w('ExcelWhat'), w('ExcelOld'), w('ExcelNew')].map(function (t) {
        return el('th', { scope: 'col', text: t });
      }))),
      el('tbody', null, d.changes.map(function (c) {
        return el('tr', null, el('th', { scope: 'row', text: c.name || c.unit }), el('td', { text: c.what }),
          el('td', { text: c.old }), el('td', { text: c.new }));
      })))), err]);
    var apply = el('button', { type: 'button', class: 'bt-primary', text: w('ExcelApply', { count: n }), onclick: function () {
      apply.disabled = true;
      ui.request('POST', importPath(grid, name, { write: '1', version: d.version || '' }), bytes, true).then(function (s) {
        apply.disabled = false;
        if (!s.ok) { ui.clear(err); refusal(ui, err, s); ui.announce(s.error); return; }
        dlg.close();
        var tab = grid.tab;
        grid.load(s.data.grid);
        grid.tab = tab;
        grid.render();
        grid.status.textContent = w('ExcelApplied', { count: n });
        ui.announce(w('ExcelApplied', { count: n }));
      });
    } });
    dlg.foot.insertBefore(apply, dlg.closeBtn);
    ui.announce(w('ExcelChanges', { count: n }));
    dlg.show();
  }

  function refusal(ui, box, r) {
    ui.add(box, ui.el('p', { class: 'bt-error', text: r.error }));
    var diags = (r.data && r.data.diagnostics) || [];
    if (diags.length) ui.add(box, ui.el('ul', { class: 'bt-diags' }, diags.map(function (g) { return ui.diagItem(g, false); })));
  }

  window.BangtinExcel = { actions: actions };
})();
