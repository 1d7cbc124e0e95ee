// the editor: list, form, text, photos, preview, save and publish (plain JS)
(function () {
  'use strict';

  var WORDS = {};
  try { WORDS = JSON.parse(document.getElementById('bangtin-words').textContent || '{}'); } catch (e) { WORDS = {}; }
  // a word of EditorMsg with its {name} placeholders filled; the variant name when missing
  function w(name, vars) {
    var s = typeof WORDS[name] === 'string' ? WORDS[name] : name;
    if (vars) s = s.replace(/\{(\w+)\}/g, function (m, k) { return vars[k] !== undefined ? String(vars[k]) : m; });
    return s;
  }

  var API = '/_bangtin/api/';
  var app = document.getElementById('app');
  var live, state = { list: null, doc: null, dirty: false, filters: { q: '', year: '', tag: '', draft: '' } };
  var uid = 0;
  function id(p) { return 'bt-' + (p || 'x') + '-' + (++uid); }

  // ---- DOM helpers
  function el(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), v);
      else if (k === 'value' || k === 'checked') e[k] = v;
      else e.setAttribute(k, v === true ? '' : v);
    });
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }
  function add(e, c) {
    if (c === null || c === undefined || c === false) return;
    if (Array.isArray(c)) c.forEach(function (x) { add(e, x); });
    else e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  function announce(msg) {
    if (!live) return;
    live.textContent = '';
    setTimeout(function () { live.textContent = msg; }, 30);
  }

  // ---- HTTP
  function request(method, path, body, raw) {
    var opts = { method: method, credentials: 'same-origin', headers: {} };
    if (body !== undefined) {
      if (raw) opts.body = body;
      else { opts.body = JSON.stringify(body); opts.headers['Content-Type'] = 'application/json'; }
    }
    return fetch(API + path, opts).then(function (r) {
      return r.text().then(function (t) {
        var data = null;
        try { data = t ? JSON.parse(t) : null; } catch (e) { data = null; }
        var err = null;
        if (!r.ok) err = data && data.error ? data.error : w('HttpError', { status: r.status });
        return { ok: r.ok, status: r.status, data: data, error: err };
      });
    }, function () {
      return { ok: false, status: 0, data: null, error: w('NetworkError') };
    });
  }
  function q(params) {
    return Object.keys(params).map(function (k) { return encodeURIComponent(k) + '=' + encodeURIComponent(params[k]); }).join('&');
  }

  // ---- folding, as api.md says
  function fold(s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd')
      .toLowerCase().replace(/\s+/g, ' ').trim();
  }

  // ---- shell
  function shell() {
    document.title = w('Title');
    clear(app);
    live = el('div', { id: 'bt-live', class: 'visually-hidden', 'aria-live': 'polite', role: 'status' });
    document.body.appendChild(live);
    window.addEventListener('hashchange', route);
    window.addEventListener('beforeunload', function (e) {
      if (state.dirty) { e.preventDefault(); e.returnValue = w('LeaveWarning'); return e.returnValue; }
    });
    route();
  }
  var ignoreHash = false;
  function route() {
    if (ignoreHash) { ignoreHash = false; return; }
    var m = location.hash.match(/^#(doc|scores|cluster)=(.+)$/);
    if (state.dirty && !window.confirm(w('LeaveWarning'))) {
      ignoreHash = true;
      location.hash = state.hash || '';
      return;
    }
    state.dirty = false;
    state.hash = location.hash;
    if (m && m[1] === 'doc') openDoc(decodeURIComponent(m[2]));
    else if (m && m[1] === 'scores') { state.doc = null; window.BangtinScores.open(UI, decodeURIComponent(m[2])); }
    else if (m) { state.doc = null; window.BangtinClusters.open(UI, decodeURIComponent(m[2])); }
    else if (location.hash === '#scores') { state.doc = null; window.BangtinScores.list(UI); }
    else if (location.hash === '#clusters') { state.doc = null; window.BangtinClusters.list(UI); }
    else if (location.hash === '#units') { state.doc = null; window.BangtinClusters.units(UI); }
    else showList();
  }
  // what scores.js and clusters.js use of this page: its helpers, a page
  // with the header and back link, the unsaved-changes flag, the conflict
  // dialog
  var BACK_WORDS = { '#': 'BackToList', '#scores': 'ScoresBack', '#clusters': 'ClustersBack' };
  var UI = {
    el: el, add: add, clear: clear, w: w, id: id, q: q, fold: fold, request: request, announce: announce, api: API,
    dialog: function (t) { return dialog(t); }, publishButton: function () { return publishButton(); },
    diagItem: function (g, withLine, where) { return diagItem(g, withLine, where); },
    setDirty: function (v) { state.dirty = v; },
    page: function (title, fill) {
      clear(app);
      var back = location.hash.indexOf('#scores=') === 0 ? '#scores' : location.hash.indexOf('#cluster=') === 0 ? '#clusters' : '#';
      var main = el('main', { id: 'bt-main', class: 'bt-wide' }, el('p', { class: 'bt-quiet', text: w('Loading') }));
      add(app, [el('header', { class: 'bt-top' },
        el('a', { href: back, class: 'bt-back', text: '← ' + w(BACK_WORDS[back]) }),
        el('h1', { text: title })), main]);
      fill(main);
    },
    // the file changed on disk since it was opened: keep mine (`keep` saves
    // over the disk's version) or take the disk's (`take`)
    conflict: function (error, explain, keep, take) {
      var dlg = dialog(w('ConflictTitle'));
      add(dlg.body, [el('p', { text: error || '' }), el('p', { text: explain })]);
      var keepBtn = el('button', { type: 'button', class: 'bt-primary', text: w('KeepMine'), onclick: function () { dlg.close(); keep(); } });
      var takeBtn = el('button', { type: 'button', text: w('TakeDisk'), onclick: function () { dlg.close(); take(); announce(w('TookDisk')); } });
      dlg.foot.insertBefore(takeBtn, dlg.closeBtn);
      dlg.foot.insertBefore(keepBtn, takeBtn);
      announce(w('ConflictTitle'));
      dlg.show();
    }
  };
  function go(path) { location.hash = path ? '#doc=' + encodeURIComponent(path) : ''; }

  // ================= LIST
  function showList() {
    state.doc = null;
    clear(app);
    var header = el('header', { class: 'bt-top' }, el('h1', { text: w('Title') }),
      el('div', { class: 'bt-actions' }, el('a', { href: '#units', class: 'bt-button', text: w('UnitsTitle') }),
        el('a', { href: '#clusters', class: 'bt-button', text: w('ClustersTitle') }),
        el('a', { href: '#scores', class: 'bt-button', text: w('ScoresTitle') }), publishButton()));
    var main = el('main', { class: 'bt-list', id: 'bt-main' });
    add(app, [header, main]);
    add(main, el('p', { class: 'bt-quiet', text: w('Loading') }));
    request('GET', 'docs').then(function (r) {
      clear(main);
      if (!r.ok) { add(main, el('p', { class: 'bt-error', role: 'alert', text: w('LoadFailed', { error: r.error }) })); return; }
      state.list = r.data || { docs: [], years: [], tags: [] };
      renderList(main);
    });
  }

  function renderList(main) {
    var L = state.list, f = state.filters;
    var newBox = el('section', { class: 'bt-new', 'aria-labelledby': 'bt-new-h' }, el('h2', { id: 'bt-new-h', text: w('NewDoc') }));
    var nt = id('new');
    var kindSel = el('select', { id: nt + 'k' },
      el('option', { value: 'article', text: w('NewArticle') }), el('option', { value: 'page', text: w('NewPage') }));
    var titleIn = el('input', { id: nt, type: 'text', required: true, autocomplete: 'off' });
    var newErr = el('p', { class: 'bt-error', id: nt + 'e' });
    var form = el('form', { class: 'bt-newform', onsubmit: function (e) {
      e.preventDefault();
      var title = titleIn.value.trim();
      if (!title) { newErr.textContent = w('TitleNeeded'); titleIn.setAttribute('aria-invalid', 'true'); titleIn.focus(); return; }
      request('POST', 'new', { kind: kindSel.value, title: title }).then(function (r) {
        if (!r.ok) { newErr.textContent = r.error; titleIn.setAttribute('aria-invalid', 'true'); announce(r.error); titleIn.focus(); return; }
        announce(w('Created', { title: title }));
        state.pendingDoc = r.data;
        go(r.data.path);
      });
    } },
      el('div', { class: 'bt-field' }, el('label', { for: nt + 'k', text: w('NewKind') }), kindSel),
      el('div', { class: 'bt-field bt-grow' }, el('label', { for: nt, text: w('NewTitlePrompt') }), titleIn),
      el('button', { type: 'submit', class: 'bt-primary', text: w('Create') }));
    titleIn.setAttribute('aria-describedby', nt + 'e');
    add(newBox, [form, newErr]);

    // filters
    var sid = id('q'), yid = id('y'), tid = id('t'), did = id('d');
    var search = el('input', { id: sid, type: 'search', value: f.q, autocomplete: 'off' });
    var year = el('select', { id: yid }, el('option', { value: '', text: w('All') }),
      (L.years || []).map(function (y) { return el('option', { value: String(y), text: String(y) }); }));
    year.value = f.year;
    var tag = el('select', { id: tid }, el('option', { value: '', text: w('All') }),
      (L.tags || []).map(function (t) { return el('option', { value: t, text: t }); }));
    tag.value = f.tag;
    var draft = el('select', { id: did }, el('option', { value: '', text: w('All') }),
      el('option', { value: 'draft', text: w('Drafts') }), el('option', { value: 'live', text: w('Published') }));
    draft.value = f.draft;
    var filters = el('form', { class: 'bt-filters', role: 'search', onsubmit: function (e) { e.preventDefault(); } },
      el('div', { class: 'bt-field bt-grow' }, el('label', { for: sid, text: w('Search') }), search),
      el('div', { class: 'bt-field' }, el('label', { for: yid, text: w('FilterYear') }), year),
      el('div', { class: 'bt-field' }, el('label', { for: tid, text: w('FieldTags') }), tag),
      el('div', { class: 'bt-field' }, el('label', { for: did, text: w('FilterState') }), draft));
    var count = el('p', { class: 'bt-quiet', 'aria-live': 'polite' });
    var artList = el('ul', { class: 'bt-docs' });
    var pageList = el('ul', { class: 'bt-docs' });
    function refresh() {
      f.q = search.value; f.year = year.value; f.tag = tag.value; f.draft = draft.value;
      var fq = fold(f.q);
      var arts = L.docs.filter(function (d) {
        if (d.kind !== 'article') return false;
        if (f.year && String(d.year) !== f.year) return false;
        if (f.tag && (d.tags || []).indexOf(f.tag) < 0) return false;
        if (f.draft === 'draft' && !d.draft) return false;
        if (f.draft === 'live' && d.draft) return false;
        if (fq && (d.key || fold(d.title)).indexOf(fq) < 0) return false;
        return true;
      });
      clear(artList);
      arts.forEach(function (d) { add(artList, docItem(d)); });
      if (!arts.length) add(artList, el('li', { class: 'bt-quiet', text: w('NoDocs') }));
      count.textContent = w('DocCount', { count: arts.length });
    }
    [search, year, tag, draft].forEach(function (c) { c.addEventListener('input', refresh); c.addEventListener('change', refresh); });
    L.docs.filter(function (d) { return d.kind !== 'article'; }).forEach(function (d) { add(pageList, docItem(d)); });
    add(main, [newBox,
      el('section', { 'aria-labelledby': 'bt-arts-h' }, el('h2', { id: 'bt-arts-h', text: w('Articles') }), filters, count, artList),
      el('section', { 'aria-labelledby': 'bt-pages-h' }, el('h2', { id: 'bt-pages-h', text: w('Pages') }), pageList)]);
    refresh();
  }

  function docItem(d) {
    var title = d.kind === 'home' ? (d.title || w('HomeIntro')) : (d.title || w('NoTitle'));
    var meta = [];
    if (d.kind === 'article' && d.date) meta.push(formatDate(d.date));
    if (d.kind === 'home') meta.push(w('HomeIntro'));
    var badges = [];
    if (d.draft) badges.push(el('span', { class: 'bt-badge', text: w('DraftBadge') }));
    if (d.broken) badges.push(el('span', { class: 'bt-badge bt-bad', text: w('Broken') }));
    return el('li', null,
      el('a', { href: '#doc=' + encodeURIComponent(d.path), class: 'bt-doclink' },
        el('span', { class: 'bt-doctitle', text: title }),
        el('span', { class: 'bt-docmeta' }, meta.join(' · '), ' ', badges,
          (d.tags || []).length ? el('span', { class: 'bt-doctags', text: d.tags.join(', ') }) : null),
        el('span', { class: 'bt-path', text: d.path })));
  }
  function formatDate(s) {
    var m = String(s).match(/^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?/);
    if (!m) return s;
    return m[3] + '/' + m[2] + '/' + m[1] + (m[4] ? ' ' + m[4] + ':' + m[5] : '');
  }

  // ================= PUBLISH
  function publishButton() {
    return el('button', { type: 'button', class: 'bt-publish', text: w('Publish'), onclick: publish });
  }
  function publish(e) {
    var btn = e && e.currentTarget;
    if (btn) btn.disabled = true;
    announce(w('Publishing'));
    request('POST', 'publish', {}).then(function (r) {
      if (btn) btn.disabled = false;
      var dlg = dialog(w('PublishResult'));
      if (!r.ok && !(r.data && r.data.summary)) {
        add(dlg.body, el('p', { class: 'bt-error', text: r.error }));
        announce(r.error);
      } else {
        var d = r.data;
        add(dlg.body, el('p', { class: d.ok ? 'bt-ok' : 'bt-error', text: d.summary || '' }));
        announce(d.summary || '');
        if ((d.diagnostics || []).length) {
          add(dlg.body, el('ul', { class: 'bt-diags' }, d.diagnostics.map(function (g) {
            var item = diagItem(g, true);
            if (g.path) add(item, el('a', { href: '#doc=' + encodeURIComponent(g.path), class: 'bt-open', text: w('OpenPath', { path: g.path }) + (g.line ? ' (' + w('Line', { line: g.line }) + ')' : ''),
              onclick: function () { dlg.close(); } }));
            return item;
          })));
        }
      }
      dlg.show();
    });
  }

  // a modal dialog (native <dialog>), focus returns where it was
  function dialog(title) {
    var hid = id('dlg');
    var before = document.activeElement;
    var body = el('div', { class: 'bt-dlgbody' });
    var foot = el('div', { class: 'bt-dlgfoot' });
    var closeBtn = el('button', { type: 'button', text: w('Close') });
    var d = el('dialog', { class: 'bt-dialog', 'aria-labelledby': hid }, el('h2', { id: hid, text: title }), body, foot);
    add(foot, closeBtn);
    document.body.appendChild(d);
    var api = {
      body: body, foot: foot, el: d, closeBtn: closeBtn,
      show: function () { if (d.showModal) d.showModal(); else d.setAttribute('open', ''); (foot.querySelector('.bt-primary') || closeBtn).focus(); },
      close: function () { if (d.close) d.close(); d.remove(); if (before && before.focus && document.contains(before)) before.focus(); }
    };
    closeBtn.addEventListener('click', api.close);
    d.addEventListener('cancel', function (e) { e.preventDefault(); api.close(); });
    return api;
  }

  function sevWord(s) { return w(s === 'error' ? 'SevError' : s === 'warning' ? 'SevWarning' : 'SevNote'); }
  function diagItem(g, withLine, where) {
    return el('li', { class: 'bt-diag bt-' + (g.severity || 'note') },
      el('span', { class: 'bt-sev', text: sevWord(g.severity) + ': ' }),
      withLine && g.body_line ? el('span', { class: 'bt-line', text: w('Line', { line: g.body_line }) + ' — ' }) : null,
      where ? el('span', { class: 'bt-line', text: where + ' — ' }) : null,
      el('span', { class: 'bt-msg', text: g.message || g.text || '' }),
      g.hint ? el('span', { class: 'bt-hint', text: g.hint }) : null);
  }

  // ================= DOCUMENT
  function openDoc(path) {
    clear(app);
    var header = el('header', { class: 'bt-top' },
      el('a', { href: '#', class: 'bt-back', text: '← ' + w('BackToList') }),
      el('h1', { text: w('Title') }));
    var main = el('main', { id: 'bt-main' }, el('p', { class: 'bt-quiet', text: w('Loading') }));
    add(app, [header, main]);
    var pending = state.pendingDoc;
    state.pendingDoc = null;
    var p = pending && pending.path === path ? Promise.resolve({ ok: true, data: pending }) : request('GET', 'doc?' + q({ path: path }));
    p.then(function (r) {
      if (!r.ok) { clear(main); add(main, el('p', { class: 'bt-error', role: 'alert', text: w('LoadFailed', { error: r.error }) })); return; }
      renderDoc(r.data);
    });
    if (!state.list) request('GET', 'docs').then(function (r) { if (r.ok) state.list = r.data; });
  }

  // the form's controls for the current document
  var F = null;

  function renderDoc(doc) {
    state.doc = doc;
    state.dirty = false;
    clear(app);
    F = { doc: doc, inputs: {}, errors: {}, tags: [], units: [], photos: [], cover: doc.cover || null };
    var kindWord = doc.kind === 'home' ? w('HomeIntro') : doc.kind === 'page' ? w('KindPage') : w('KindArticle');
    var titleText = doc.raw ? doc.path : (doc.fields && doc.fields.title) || (doc.kind === 'home' ? w('HomeIntro') : w('NoTitle'));
    F.status = el('span', { class: 'bt-status' });
    F.saveBtn = el('button', { type: 'submit', form: 'bt-form', class: 'bt-primary', text: w('Save') });
    var header = el('header', { class: 'bt-top' },
      el('a', { href: '#', class: 'bt-back', text: '← ' + w('BackToList') }),
      F.heading = el('h1', { text: titleText }),
      el('div', { class: 'bt-actions' }, F.status,
        doc.url ? el('a', { href: doc.url, target: '_blank', rel: 'noopener', class: 'bt-button', text: w('ViewSite') }) : null,
        F.saveBtn, publishButton()));
    var form = el('form', { id: 'bt-form', class: 'bt-form', novalidate: true, onsubmit: function (e) { e.preventDefault(); save(false); } });
    F.form = form;
    var main = el('main', { id: 'bt-main', class: 'bt-doc' });
    add(main, el('p', { class: 'bt-kind' }, kindWord, ' · ', el('span', { class: 'bt-path', text: doc.path })));
    var diags = doc.diagnostics || [];

    if (doc.raw) {
      var tid = id('raw');
      F.raw = el('textarea', { id: tid, class: 'bt-text', rows: 24, spellcheck: 'false' });
      F.raw.value = doc.text || '';
      add(form, [el('p', { class: 'bt-note', text: w('RawNote') }),
        diagList(diags),
        el('div', { class: 'bt-field' }, el('label', { for: tid, text: w('FieldText') }), F.raw)]);
      F.raw.addEventListener('input', markDirty);
      add(main, form);
      add(app, [header, main]);
      return;
    }

    var fields = doc.fields || {};
    var news = doc.kind === 'article';
    var formCol = el('div', { class: 'bt-col-form' });
    var meta = el('fieldset', { class: 'bt-meta' }, el('legend', { text: w('Details') }));
    add(meta, textField('title', w('FieldTitle'), fields.title || '', diags, { required: doc.kind !== 'home' }));
    if (news) {
      var dateField = textField('date', w('FieldDate'), fields.date || '', diags, { type: 'datetime-local', note: w('DateNote') });
      add(meta, dateField);
      add(meta, tagsField(fields.tags || [], diags));
    }
    add(meta, textField('summary', w('FieldSummary'), fields.summary || '', diags, { multiline: true }));
    add(meta, textField('byline', w('FieldByline'), fields.byline || '', diags, {}));
    if (news) {
      add(meta, clusterField(fields, diags));
      add(meta, unitsField(fields.units || [], diags));
    }
    add(meta, checkField('draft', w('FieldDraft'), !!fields.draft, diags));
    // diagnostics of keys the form does not show, or of no key
    var shown = { title: 1, date: news, tags: news, summary: 1, byline: 1, cluster: news, cluster_year: news, units: news, draft: 1, body: 1 };
    var other = diags.filter(function (g) { return !g.field || !shown[g.field]; });
    if (other.length) add(meta, el('div', { class: 'bt-otherdiags' }, el('h3', { text: w('OtherDiagnostics') }), diagList(other)));
    add(formCol, meta);

    // text
    add(formCol, bodySection(doc.body || '', diags.filter(function (g) { return g.field === 'body'; })));
    // photos
    add(formCol, photosSection(doc));

    var previewCol = el('section', { class: 'bt-col-preview', 'aria-labelledby': 'bt-prev-h' },
      el('h2', { id: 'bt-prev-h', text: w('Preview') }),
      F.previewMsg = el('p', { class: 'bt-quiet', text: w('PreviewLoading') }),
      F.previewDiags = el('ul', { class: 'bt-diags' }),
      F.frame = el('iframe', { sandbox: 'allow-same-origin', title: w('Preview'), class: 'bt-frame' }));
    add(form, el('div', { class: 'bt-grid' }, formCol, previewCol));
    add(main, form);
    add(app, [header, main]);
    form.addEventListener('input', function (e) {
      if (e.target && e.target.closest && e.target.closest('.bt-newtag')) return;
      markDirty();
    });
    form.addEventListener('change', markDirty);
    if (news) loadChoices(fields.date);
    preview();
  }

  function markDirty() {
    if (!state.dirty) { state.dirty = true; F.status.textContent = w('Unsaved'); }
    schedulePreview();
  }

  function fieldDiags(name, diags) {
    return diags.filter(function (g) { return g.field === name; });
  }
  function diagList(list) {
    if (!list.length) return null;
    return el('ul', { class: 'bt-diags' }, list.map(function (g) { return diagItem(g, true); }));
  }
  // a labelled field with its error slot and diagnostics
  function wrapField(name, label, control, diags, note, fid) {
    var errId = fid + '-err', noteId = fid + '-note';
    var err = el('p', { class: 'bt-error', id: errId });
    F.errors[name] = err;
    var describedBy = [errId];
    var list = diagList(fieldDiags(name, diags));
    if (list) { list.id = fid + '-diag'; describedBy.push(list.id); }
    if (note) describedBy.push(noteId);
    control.setAttribute('aria-describedby', describedBy.join(' '));
    if (fieldDiags(name, diags).some(function (g) { return g.severity === 'error'; })) control.setAttribute('aria-invalid', 'true');
    return el('div', { class: 'bt-field', 'data-field': name },
      el('label', { for: fid, text: label }),
      note ? el('span', { class: 'bt-note', id: noteId, text: note }) : null,
      control, list, err);
  }
  function textField(name, label, value, diags, o) {
    var fid = id(name);
    var c = o.multiline ? el('textarea', { id: fid, rows: 3 }) : el('input', { id: fid, type: o.type || 'text', autocomplete: 'off' });
    c.value = value;
    if (o.required) c.setAttribute('aria-required', 'true');
    F.inputs[name] = c;
    if (name === 'title') c.addEventListener('input', function () { F.heading.textContent = c.value || w('NoTitle'); });
    if (name === 'date') c.addEventListener('change', function () { loadChoices(c.value); });
    return wrapField(name, label, c, diags, o.note, fid);
  }
  function checkField(name, label, value, diags) {
    var fid = id(name);
    var c = el('input', { id: fid, type: 'checkbox', checked: value });
    F.inputs[name] = c;
    var list = diagList(fieldDiags(name, diags));
    var err = el('p', { class: 'bt-error', id: fid + '-err' });
    F.errors[name] = err;
    c.setAttribute('aria-describedby', fid + '-err');
    return el('div', { class: 'bt-field bt-check', 'data-field': name }, el('span', null, c, ' ', el('label', { for: fid, text: label })), list, err);
  }

  // tags: chips + input with suggestions
  function tagsField(tags, diags) {
    var fid = id('tags'), listId = id('tagsugg');
    F.tags = tags.slice();
    var chips = el('ul', { class: 'bt-chips', 'aria-label': w('FieldTags') });
    var input = el('input', { id: fid, type: 'text', list: listId, autocomplete: 'off', class: 'bt-newtag' });
    var sugg = el('datalist', { id: listId }, ((state.list && state.list.tags) || []).map(function (t) { return el('option', { value: t }); }));
    function draw(focusIdx) {
      clear(chips);
      F.tags.forEach(function (t, i) {
        var b = el('button', { type: 'button', class: 'bt-chipx', 'aria-label': w('TagRemove', { tag: t }), text: '×',
          onclick: function () { F.tags.splice(i, 1); draw(Math.min(i, F.tags.length - 1)); markDirty(); announce(w('TagRemoved', { tag: t })); },
          onkeydown: function (e) {
            if (e.key === 'ArrowLeft' && i > 0) { e.preventDefault(); chips.querySelectorAll('button')[i - 1].focus(); }
            if (e.key === 'ArrowRight') { e.preventDefault(); var n = chips.querySelectorAll('button')[i + 1]; (n || input).focus(); }
            if (e.key === 'Backspace' || e.key === 'Delete') { e.preventDefault(); this.click(); }
          } });
        add(chips, el('li', { class: 'bt-chip' }, el('span', { text: t }), b));
      });
      if (focusIdx !== undefined) {
        var bs = chips.querySelectorAll('button');
        (bs[focusIdx] || input).focus();
      }
    }
    function addTag() {
      var parts = input.value.split(',').map(function (s) { return s.trim().normalize('NFC'); }).filter(Boolean);
      var added = false;
      parts.forEach(function (t) { if (F.tags.indexOf(t) < 0) { F.tags.push(t); added = true; announce(w('TagAdded', { tag: t })); } });
      input.value = '';
      if (added) { draw(); markDirty(); }
    }
    input.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ',') { if (input.value.trim()) { e.preventDefault(); addTag(); } else if (e.key === 'Enter') e.preventDefault(); }
      else if (e.key === 'Backspace' && !input.value && F.tags.length) { e.preventDefault(); var bs = chips.querySelectorAll('button'); bs[bs.length - 1].focus(); }
    });
    input.addEventListener('change', function () {
      // a pick from the suggestions
      if ((state.list && state.list.tags || []).indexOf(input.value.trim()) >= 0) addTag();
    });
    input.addEventListener('blur', function () { if (input.value.trim()) addTag(); });
    draw();
    F.inputs.tags = input;
    var box = wrapField('tags', w('FieldTags'), input, diags, w('TagsNote'), fid);
    box.insertBefore(chips, input);
    box.appendChild(sugg);
    return box;
  }

  function clusterField(fields, diags) {
    var fid = id('cluster');
    var sel = el('select', { id: fid }, el('option', { value: '', text: w('ClusterNone') }));
    F.inputs.cluster = sel;
    F.clusterValue = fields.cluster || '';
    F.clusterYear = fields.cluster_year === undefined ? null : fields.cluster_year;
    if (F.clusterValue) add(sel, el('option', { value: F.clusterValue, text: F.clusterValue }));
    sel.value = F.clusterValue;
    sel.addEventListener('change', function () {
      F.clusterValue = sel.value;
      var o = sel.options[sel.selectedIndex];
      F.clusterYear = o && o.getAttribute('data-year') ? parseInt(o.getAttribute('data-year'), 10) : F.clusterYear;
    });
    F.choicesMsg = el('p', { class: 'bt-quiet', 'aria-live': 'polite' });
    var box = wrapField('cluster', w('FieldCluster'), sel, diags, null, fid);
    add(box, F.choicesMsg);
    return box;
  }
  function unitsField(units, diags) {
    var fid = id('units');
    F.units = units.slice();
    var filter = el('input', { id: fid, type: 'search', autocomplete: 'off', class: 'bt-newtag' });
    var box = el('div', { class: 'bt-units', role: 'group', 'aria-label': w('FieldUnits') });
    F.unitsBox = box;
    F.unitsFilter = filter;
    filter.addEventListener('input', function () {
      var fq = fold(filter.value);
      Array.prototype.forEach.call(box.children, function (row) {
        row.hidden = fq && fold(row.textContent).indexOf(fq) < 0 && !row.querySelector('input').checked;
      });
    });
    drawUnits([]);
    var wrapper = wrapField('units', w('FieldUnits'), filter, diags, w('UnitsNote'), fid);
    add(wrapper, box);
    return wrapper;
  }
  function drawUnits(choices) {
    var box = F.unitsBox;
    clear(box);
    var known = {};
    choices.forEach(function (u) { known[u.id] = u.name; });
    // units already chosen but not offered for that date stay, by id
    var all = choices.slice();
    F.units.forEach(function (u) { if (!(u in known)) all.push({ id: u, name: u }); });
    all.forEach(function (u) {
      var cid = id('unit');
      var cb = el('input', { type: 'checkbox', id: cid, value: u.id, checked: F.units.indexOf(u.id) >= 0,
        onchange: function () {
          var i = F.units.indexOf(u.id);
          if (cb.checked && i < 0) F.units.push(u.id);
          if (!cb.checked && i >= 0) F.units.splice(i, 1);
        } });
      add(box, el('div', { class: 'bt-unit' }, cb, el('label', { for: cid, text: u.name === u.id ? u.id : u.name + ' (' + u.id + ')' })));
    });
    if (!all.length) add(box, el('p', { class: 'bt-quiet', text: w('NoUnits') }));
  }
  var choicesSeq = 0;
  function loadChoices(date) {
    var day = String(date || '').slice(0, 10);
    if (!/^\d{4}-\d\d-\d\d$/.test(day)) return;
    var seq = ++choicesSeq;
    F.choicesMsg.textContent = w('Loading');
    request('GET', 'choices?' + q({ date: day })).then(function (r) {
      if (seq !== choicesSeq || !F) return;
      if (!r.ok) { F.choicesMsg.textContent = w('ChoicesFailed', { error: r.error }); return; }
      F.choicesMsg.textContent = '';
      var sel = F.inputs.cluster, cur = F.clusterValue;
      clear(sel);
      add(sel, el('option', { value: '', text: w('ClusterNone') }));
      var found = false;
      (r.data.clusters || []).forEach(function (c) {
        if (c.id === cur) found = true;
        add(sel, el('option', { value: c.id, 'data-year': c.year, text: c.name + ' (' + c.year + ')' }));
      });
      if (cur && !found) add(sel, el('option', { value: cur, text: cur }));
      sel.value = cur;
      drawUnits(r.data.units || []);
    });
  }

  // ---- the text and its toolbar
  function bodySection(body, diags) {
    var fid = id('body');
    var ta = el('textarea', { id: fid, class: 'bt-text', rows: 18, spellcheck: 'true' });
    ta.value = body;
    F.body = ta;
    var tools = [
      ['ToolHeading', 'H', function () { linePrefix('## ', true); }],
      ['ToolBold', 'B', function () { wrapSel('**', '**'); }],
      ['ToolItalic', 'I', function () { wrapSel('*', '*'); }],
      ['ToolBullets', '•', function () { linePrefix('- '); }],
      ['ToolNumbers', '1.', function () { linePrefix('1. ', false, true); }],
      ['ToolLink', '[↗]', function () { link(); }],
      ['ToolTable', '⊞', function () { table(); }],
      ['ToolQuote', '»', function () { linePrefix('> '); }]
    ];
    var bar = el('div', { class: 'bt-toolbar', role: 'toolbar', 'aria-label': w('Toolbar'), 'aria-controls': fid });
    tools.forEach(function (t, i) {
      add(bar, el('button', { type: 'button', class: 'bt-tool bt-tool-' + t[0].slice(4).toLowerCase(), 'aria-label': w(t[0]), title: w(t[0]), tabindex: i ? '-1' : '0',
        onclick: function () { t[2](); ta.focus(); markDirty(); } }, el('span', { 'aria-hidden': 'true', class: 'bt-glyph', 'data-g': t[1] })));
    });
    // roving focus in the toolbar
    bar.addEventListener('keydown', function (e) {
      var bs = Array.prototype.slice.call(bar.querySelectorAll('button')), i = bs.indexOf(document.activeElement);
      if (i < 0) return;
      var n = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? bs.length - 1 : null;
      if (n === null) return;
      e.preventDefault();
      n = (n + bs.length) % bs.length;
      bs[i].tabIndex = -1; bs[n].tabIndex = 0; bs[n].focus();
    });
    ta.addEventListener('keydown', function (e) {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        var k = e.key.toLowerCase();
        if (k === 'b') { e.preventDefault(); wrapSel('**', '**'); markDirty(); }
        else if (k === 'i') { e.preventDefault(); wrapSel('*', '*'); markDirty(); }
        else if (k === 'k') { e.preventDefault(); link(); markDirty(); }
      }
    });
    ta.addEventListener('paste', onPaste);
    var list = diags.length ? el('div', { class: 'bt-bodydiags' }, el('h3', { text: w('BodyDiagnostics') }),
      el('ul', { class: 'bt-diags' }, diags.map(function (g) {
        var li = diagItem(g, false);
        if (g.body_line) li.insertBefore(el('button', { type: 'button', class: 'bt-linkbtn', text: w('Line', { line: g.body_line }),
          onclick: function () { goLine(g.body_line); } }), li.firstChild);
        return li;
      }))) : null;
    var err = el('p', { class: 'bt-error', id: fid + '-err' });
    F.errors.body = err;
    ta.setAttribute('aria-describedby', fid + '-err' + ' ' + fid + '-note');
    return el('section', { class: 'bt-body', 'aria-labelledby': fid + '-h', 'data-field': 'body' },
      el('h2', { id: fid + '-h' }, el('label', { for: fid, text: w('FieldBody') })),
      list,
      el('p', { class: 'bt-note', id: fid + '-note', text: w('BodyNote') }),
      bar, ta, err);
  }
  function goLine(n) {
    var ta = F.body, lines = ta.value.split('\n'), pos = 0;
    for (var i = 0; i < n - 1 && i < lines.length; i++) pos += lines[i].length + 1;
    ta.focus();
    ta.setSelectionRange(pos, pos + (lines[n - 1] || '').length);
    var lh = parseFloat(getComputedStyle(ta).lineHeight) || 20;
    ta.scrollTop = Math.max(0, (n - 3) * lh);
  }
  function replaceSel(text, selStart, selEnd) {
    var ta = F.body, s = ta.selectionStart, e = ta.selectionEnd;
    ta.focus();
    ta.setSelectionRange(s, e);
    var ok = false;
    try { ok = document.execCommand && document.execCommand('insertText', false, text); } catch (x) { ok = false; }
    if (!ok || ta.value.slice(s, s + text.length) !== text) ta.setRangeText(text, s, e, 'end');
    ta.setSelectionRange(s + (selStart === undefined ? text.length : selStart), s + (selEnd === undefined ? text.length : selEnd));
  }
  function wrapSel(a, b) {
    var ta = F.body, sel = ta.value.slice(ta.selectionStart, ta.selectionEnd);
    var lead = sel.match(/^\s*/)[0], trail = sel.match(/\s*$/)[0], core = sel.trim();
    if (core && core.slice(0, a.length) === a && core.slice(-b.length) === b && core.length >= a.length + b.length) {
      var inner = core.slice(a.length, core.length - b.length);
      replaceSel(lead + inner + trail, lead.length, lead.length + inner.length);
    } else replaceSel(lead + a + core + b + trail, lead.length + a.length, lead.length + a.length + core.length);
  }
  function linePrefix(p, heading, numbered) {
    var ta = F.body, v = ta.value;
    var s = v.lastIndexOf('\n', ta.selectionStart - 1) + 1;
    var e = v.indexOf('\n', ta.selectionEnd); if (e < 0 || ta.selectionEnd > ta.selectionStart && v[ta.selectionEnd - 1] === '\n') e = e < 0 ? v.length : e;
    if (e < 0) e = v.length;
    ta.setSelectionRange(s, e);
    var lines = v.slice(s, e).split('\n'), k = 0;
    var all = lines.every(function (l) { return !l.trim() || (numbered ? /^\d+\.\s/.test(l) : heading ? /^#{2,6}\s/.test(l) : l.indexOf(p) === 0); });
    var out = lines.map(function (l) {
      if (!l.trim() && lines.length > 1) return l;
      if (all) return numbered ? l.replace(/^\d+\.\s/, '') : heading ? l.replace(/^#{2,6}\s/, '') : l.slice(p.length);
      k++;
      var bare = l.replace(/^(#{1,6}\s|[-*]\s|\d+\.\s|>\s?)/, '');
      return (numbered ? k + '. ' : p) + bare;
    }).join('\n');
    replaceSel(out, 0, out.length);
  }
  function link() {
    var ta = F.body, sel = ta.value.slice(ta.selectionStart, ta.selectionEnd).trim();
    var dlg = dialog(w('ToolLink'));
    var tid = id('lt'), uid2 = id('lu');
    var t = el('input', { id: tid, type: 'text', value: sel });
    var u = el('input', { id: uid2, type: 'url', value: /^https?:\/\//.test(sel) ? sel : 'https://' });
    var s = ta.selectionStart, e = ta.selectionEnd;
    var f = el('form', { onsubmit: function (ev) {
      ev.preventDefault();
      var href = u.value.trim();
      if (!href || /^\s*javascript:/i.test(href)) { u.setAttribute('aria-invalid', 'true'); u.focus(); return; }
      var text = t.value.trim() || href;
      dlg.close();
      ta.setSelectionRange(s, e);
      replaceSel('[' + text + '](' + href.replace(/[()\s]/g, encodeURIComponent) + ')');
      markDirty();
      ta.focus();
    } }, el('div', { class: 'bt-field' }, el('label', { for: tid, text: w('LinkText') }), t),
      el('div', { class: 'bt-field' }, el('label', { for: uid2, text: w('LinkAddress') }), u),
      el('button', { type: 'submit', class: 'bt-primary', text: w('Insert') }));
    add(dlg.body, f);
    dlg.show();
    (sel ? u : t).focus();
  }
  function table() {
    var c1 = w('TableColumn', { n: 1 }), c2 = w('TableColumn', { n: 2 });
    var ta = F.body, before = ta.value.slice(0, ta.selectionStart);
    var pre = !before || /\n\n$/.test(before) ? '' : /\n$/.test(before) ? '\n' : '\n\n';
    var tb = pre + '| ' + c1 + ' | ' + c2 + ' |\n| --- | --- |\n|  |  |\n\n';
    replaceSel(tb, pre.length + 2, pre.length + 2 + c1.length);
  }

  // ---- paste
  function onPaste(e) {
    var cd = e.clipboardData;
    if (!cd) return;
    var files = Array.prototype.filter.call(cd.files || [], function (f) { return /^image\//.test(f.type); });
    var html = cd.getData && cd.getData('text/html');
    if (!html && !files.length) return;
    var P = window.bangtinPaste;
    if (html && P) {
      var md = P.htmlToMarkdown(html);
      var imgs = P.dataImages ? P.dataImages(html) : [];
      if (md || imgs.length || files.length) {
        e.preventDefault();
        if (md) {
          // blocks stand apart from the text around them
          var ta = F.body, before = ta.value.slice(0, ta.selectionStart), after = ta.value.slice(ta.selectionEnd);
          if (/\n\n/.test(md) || /^(#|[-|>]|\d+\.)/.test(md)) {
            md = (!before || /\n\n$/.test(before) ? '' : /\n$/.test(before) ? '\n' : '\n\n') + md +
              (!after ? '\n' : /^\n\n/.test(after) ? '' : /^\n/.test(after) ? '\n' : '\n\n');
          }
          replaceSel(md); markDirty();
        }
        imgs.forEach(function (src, i) { uploadBlob(dataUrlBlob(src), w('PastedImage', { n: i + 1 }) + extOf(src)); });
        if (!imgs.length) files.forEach(function (f) { uploadBlob(f, f.name || w('PastedImage', { n: 1 }) + extOf(f.type)); });
        announce(w('Pasted'));
        return;
      }
    }
    if (files.length) {
      e.preventDefault();
      files.forEach(function (f, i) { uploadBlob(f, f.name && f.name !== 'image.png' ? f.name : w('PastedImage', { n: i + 1 }) + extOf(f.type)); });
    }
  }
  function extOf(s) {
    var m = String(s).match(/image\/(png|jpe?g|gif|webp|avif)/i);
    return m ? '.' + m[1].toLowerCase().replace('jpeg', 'jpg') : '.png';
  }
  function dataUrlBlob(src) {
    var m = src.match(/^data:([^;,]+)(;base64)?,(.*)$/);
    if (!m) return new Blob([]);
    var bytes;
    if (m[2]) { var bin = atob(m[3]); bytes = new Uint8Array(bin.length); for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i); }
    else bytes = new TextEncoder().encode(decodeURIComponent(m[3]));
    return new Blob([bytes], { type: m[1] });
  }

  // ---- photos
  function photosSection(doc) {
    F.photos = (doc.photos || []).map(function (p) { return { file: p.file, caption: p.caption || '', alt: p.alt || '' }; });
    var hid = id('ph');
    F.photoList = el('ol', { class: 'bt-photos' });
    F.photoMsg = el('p', { class: 'bt-quiet', 'aria-live': 'polite' });
    var pid = id('pick');
    var picker = el('input', { type: 'file', id: pid, accept: 'image/*', multiple: true, class: 'visually-hidden',
      onchange: function () { Array.prototype.forEach.call(picker.files, function (f) { uploadBlob(f, f.name); }); picker.value = ''; } });
    var drop = el('div', { class: 'bt-drop' },
      el('span', { text: w('PhotoDrop') + ' ' }), picker, el('label', { for: pid, class: 'bt-button', text: w('PhotoPick') }));
    drop.addEventListener('dragover', function (e) { if (e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types, 'Files') >= 0) { e.preventDefault(); drop.classList.add('bt-over'); } });
    drop.addEventListener('dragleave', function () { drop.classList.remove('bt-over'); });
    drop.addEventListener('drop', function (e) {
      drop.classList.remove('bt-over');
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      e.preventDefault();
      Array.prototype.forEach.call(e.dataTransfer.files, function (f) { uploadBlob(f, f.name); });
    });
    drawPhotos();
    return el('section', { class: 'bt-photosec', 'aria-labelledby': hid },
      el('h2', { id: hid, text: w('Photos') }), F.photoList, F.photoMsg, drop);
  }
  function drawPhotos(focusSel) {
    var ol = F.photoList;
    clear(ol);
    var group = id('cover');
    if (!F.photos.length) { add(ol, el('li', { class: 'bt-quiet', text: w('NoPhotos') })); }
    F.photos.forEach(function (p, i) {
      var cid = id('cap'), aid = id('alt'), rid = id('cov'), fileId = id('file');
      var cap = el('input', { id: cid, type: 'text', value: p.caption, oninput: function () { p.caption = cap.value; } });
      var alt = el('input', { id: aid, type: 'text', value: p.alt, oninput: function () { p.alt = alt.value; } });
      var radio = el('input', { type: 'radio', name: group, id: rid, checked: F.cover === p.file || (!F.cover && i === 0),
        onchange: function () { if (radio.checked) { F.cover = p.file; markDirty(); } } });
      var li = el('li', { class: 'bt-photo', draggable: 'true', 'data-i': i },
        el('img', { src: API + 'photo?' + q({ path: F.doc.path, file: p.file }), alt: '', loading: 'lazy', class: 'bt-thumb' }),
        el('div', { class: 'bt-photofields' },
          el('p', { class: 'bt-file', id: fileId, text: p.file }),
          el('div', { class: 'bt-field' }, el('label', { for: cid, text: w('PhotoCaption', { file: p.file }) }), cap),
          el('div', { class: 'bt-field' }, el('label', { for: aid, text: w('PhotoAlt', { file: p.file }) }), alt),
          el('div', { class: 'bt-photoacts' },
            el('span', { class: 'bt-check' }, radio, ' ', el('label', { for: rid, text: w('PhotoCover') })),
            el('button', { type: 'button', 'aria-describedby': fileId, disabled: i === 0, 'data-act': 'up', onclick: function () { movePhoto(i, i - 1, 'up'); } }, el('span', { 'aria-hidden': 'true', text: '↑ ' }), w('MoveUp')),
            el('button', { type: 'button', 'aria-describedby': fileId, disabled: i === F.photos.length - 1, 'data-act': 'down', onclick: function () { movePhoto(i, i + 1, 'down'); } }, el('span', { 'aria-hidden': 'true', text: '↓ ' }), w('MoveDown')),
            el('button', { type: 'button', class: 'bt-danger', 'aria-describedby': fileId, onclick: function () { removePhoto(p); } }, w('Remove')))));
      li.addEventListener('dragstart', function (e) { F.dragFrom = i; e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', p.file); li.classList.add('bt-dragging'); });
      li.addEventListener('dragend', function () { li.classList.remove('bt-dragging'); });
      li.addEventListener('dragover', function (e) { if (F.dragFrom !== undefined && F.dragFrom !== null) { e.preventDefault(); li.classList.add('bt-over'); } });
      li.addEventListener('dragleave', function () { li.classList.remove('bt-over'); });
      li.addEventListener('drop', function (e) {
        li.classList.remove('bt-over');
        if (F.dragFrom === undefined || F.dragFrom === null) return;
        e.preventDefault(); e.stopPropagation();
        var from = F.dragFrom; F.dragFrom = null;
        if (from !== i) movePhoto(from, i);
      });
      add(ol, li);
    });
    if (focusSel) {
      var li = ol.children[focusSel.i];
      var b = li && li.querySelector('[data-act="' + focusSel.act + '"]');
      if (b && b.disabled) b = li.querySelector('[data-act]:not([disabled])');
      if (b) b.focus();
    }
  }
  function movePhoto(from, to, act) {
    if (to < 0 || to >= F.photos.length) return;
    var p = F.photos.splice(from, 1)[0];
    F.photos.splice(to, 0, p);
    drawPhotos(act ? { i: to, act: act } : null);
    markDirty();
    announce(w('PhotoMoved', { file: p.file, position: to + 1, count: F.photos.length }));
  }
  function removePhoto(p) {
    if (!window.confirm(w('PhotoRemoveConfirm', { file: p.file }))) return;
    request('POST', 'photo/remove', { path: F.doc.path, file: p.file, version: F.doc.version }).then(function (r) {
      if (!r.ok) { F.photoMsg.textContent = r.error; announce(r.error); return; }
      F.doc.version = r.data.version || F.doc.version;
      var i = F.photos.indexOf(p);
      if (i >= 0) F.photos.splice(i, 1);
      if (F.cover === p.file) F.cover = r.data.cover || null;
      drawPhotos();
      F.photoMsg.textContent = w('PhotoRemoved', { file: p.file });
      announce(w('PhotoRemoved', { file: p.file }));
      schedulePreview();
    });
  }
  function uploadBlob(blob, name) {
    if (!F || F.doc.raw) return;
    F.photoMsg.textContent = w('PhotoUploading', { name: name });
    request('POST', 'photo?' + q({ path: F.doc.path, name: name }), blob, true).then(function (r) {
      if (!r.ok) { var m = w('PhotoUploadFailed', { name: name, error: r.error }); F.photoMsg.textContent = m; announce(m); return; }
      var d = r.data || {};
      if (d.path && d.path !== F.doc.path) {
        F.doc.path = d.path;
        ignoreHash = true;
        location.replace('#doc=' + encodeURIComponent(d.path));
        setTimeout(function () { ignoreHash = false; }, 0);
      }
      if (d.version) F.doc.version = d.version;
      F.photos.push({ file: d.file, caption: '', alt: '' });
      drawPhotos();
      markDirty();
      F.photoMsg.textContent = w('PhotoUploaded', { file: d.file });
      announce(w('PhotoUploaded', { file: d.file }));
    });
  }

  // ---- collecting the form
  function collect() {
    var doc = F.doc;
    if (doc.raw) return { path: doc.path, version: doc.version, text: F.raw.value };
    var fields = {};
    Object.keys(doc.fields || {}).forEach(function (k) { fields[k] = doc.fields[k]; });
    var I = F.inputs;
    fields.title = I.title.value;
    if (I.summary) fields.summary = I.summary.value;
    if (I.byline) fields.byline = I.byline.value;
    fields.draft = I.draft.checked;
    if (doc.kind === 'article') {
      fields.date = I.date.value;
      if (I.tags.value.trim()) { I.tags.dispatchEvent(new Event('blur')); }
      fields.tags = F.tags.slice();
      fields.cluster = F.clusterValue || '';
      fields.cluster_year = F.clusterValue ? F.clusterYear : null;
      fields.units = F.units.slice();
    }
    return {
      path: doc.path, version: doc.version, fields: fields, body: F.body.value,
      photos: F.photos.map(function (p) { return { file: p.file, caption: p.caption, alt: p.alt }; }),
      cover: F.photos.length ? (F.cover || null) : null
    };
  }

  // ---- preview
  var previewTimer = null, previewSeq = 0;
  function schedulePreview() {
    if (!F || F.doc.raw) return;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, 600);
  }
  function preview() {
    if (!F || F.doc.raw) return;
    var seq = ++previewSeq, c = collect();
    request('POST', 'preview', { path: c.path, fields: c.fields, body: c.body, photos: c.photos, cover: c.cover }).then(function (r) {
      if (seq !== previewSeq || !F) return;
      clear(F.previewDiags);
      if (!r.ok) { F.previewMsg.textContent = w('PreviewUnavailable', { error: r.error }); return; }
      var d = r.data || {};
      (d.diagnostics || []).forEach(function (g) { add(F.previewDiags, diagItem(g, true)); });
      if (d.html == null) { F.previewMsg.textContent = w('PreviewFailed'); F.frame.hidden = true; return; }
      F.previewMsg.textContent = '';
      F.frame.hidden = false;
      // keep the scroll position across refreshes
      var y = 0;
      try { y = F.frame.contentWindow.scrollY; } catch (e) { y = 0; }
      F.frame.onload = function () { try { F.frame.contentWindow.scrollTo(0, y); } catch (e) { /* nothing */ } };
      F.frame.srcdoc = d.html;
    });
  }

  // ---- save
  function clearErrors() {
    Object.keys(F.errors).forEach(function (k) { F.errors[k].textContent = ''; });
    Array.prototype.forEach.call(F.form.querySelectorAll('[aria-invalid="true"]'), function (x) { x.removeAttribute('aria-invalid'); });
  }
  function save(force, version) {
    if (!F) return;
    var body = collect();
    if (version) body.version = version;
    if (force) body.force = true;
    clearErrors();
    F.saveBtn.disabled = true;
    F.status.textContent = w('Saving');
    request('POST', 'doc', body).then(function (r) {
      F.saveBtn.disabled = false;
      if (r.ok) {
        var scrollY = window.scrollY, active = document.activeElement && document.activeElement.id;
        announce(w('Saved'));
        renderDoc(r.data);
        F.status.textContent = w('Saved');
        window.scrollTo(0, scrollY);
        var a = active && document.getElementById(active);
        (a || F.saveBtn).focus();
        return;
      }
      if (r.status === 409 && r.data && r.data.disk) { F.status.textContent = w('Unsaved'); conflict(body, r.data); return; }
      F.status.textContent = w('Unsaved');
      var msg = w('SaveFailed', { error: r.error });
      if (r.status === 400 && r.data && r.data.field) {
        var f = r.data.field, c = f === 'body' ? F.body : F.inputs[f];
        if (F.errors[f]) F.errors[f].textContent = r.error;
        if (c) { c.setAttribute('aria-invalid', 'true'); c.focus(); }
      }
      F.status.textContent = msg;
      announce(msg);
    });
  }
  function summaryOf(d) {
    if (d.raw) return d.text || '';
    var f = d.fields || {}, lines = [];
    Object.keys(f).forEach(function (k) {
      var v = f[k];
      if (v === null || v === '' || (Array.isArray(v) && !v.length)) return;
      var names = { title: 'FieldTitle', date: 'FieldDate', tags: 'FieldTags', summary: 'FieldSummary', byline: 'FieldByline', cluster: 'FieldCluster', units: 'FieldUnits', draft: 'FieldDraft' };
      if (k === 'draft') v = v ? '✓' : '—';
      lines.push((names[k] ? w(names[k]) : k) + ': ' + (Array.isArray(v) ? v.join(', ') : v));
    });
    return lines.join('\n') + '\n\n' + (d.body || '');
  }
  function conflict(mine, data) {
    var disk = data.disk;
    var dlg = dialog(w('ConflictTitle'));
    add(dlg.body, [el('p', { text: data.error || w('ConflictIntro') }), el('p', { text: w('ConflictIntro') }),
      el('div', { class: 'bt-compare' },
        el('section', null, el('h3', { text: w('ConflictMine') }), el('pre', { tabindex: '0', 'aria-label': w('ConflictMine'), text: summaryOf(mine) })),
        el('section', null, el('h3', { text: w('ConflictDisk') }), el('pre', { tabindex: '0', 'aria-label': w('ConflictDisk'), text: summaryOf(disk) })))]);
    var keep = el('button', { type: 'button', class: 'bt-primary', text: w('KeepMine'), onclick: function () { dlg.close(); save(false, disk.version); } });
    var take = el('button', { type: 'button', text: w('TakeDisk'), onclick: function () { dlg.close(); state.dirty = false; renderDoc(disk); announce(w('TookDisk')); } });
    dlg.foot.insertBefore(take, dlg.closeBtn);
    dlg.foot.insertBefore(keep, take);
    announce(w('ConflictTitle'));
    dlg.show();
  }

  document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's' && F && state.doc) { e.preventDefault(); save(false); }
  });

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', shell); else shell();
})();
