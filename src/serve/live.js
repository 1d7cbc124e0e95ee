// bangtin serve: reload on save, swap stylesheets, show build errors.
// Added by `bangtin serve` only; never part of a built site.
(function () {
  "use strict";
  var me = document.currentScript;
  var page = (me && me.getAttribute("data-page")) || location.pathname;
  var overlay = null;

  function isStyle(p) { return /\.css$/i.test(p); }
  function isPage(p) { return /\/$|\.html$/i.test(p); }

  function swapStyles() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      url.searchParams.set("bangtin", Date.now().toString(36));
      links[i].href = url.toString();
    }
  }

  function hideOverlay() {
    if (overlay) { overlay.remove(); overlay = null; }
  }

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text) e.textContent = text;
    return e;
  }

  function showOverlay(o) {
    hideOverlay();
    overlay = el("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
      "background:rgba(20,20,20,.92);color:#f5f5f5;font:15px/1.5 system-ui,sans-serif;padding:24px");
    overlay.id = "bangtin-overlay";
    overlay.setAttribute("role", "alertdialog");
    overlay.setAttribute("aria-label", o.title);
    var close = el("button", "float:right;font:inherit;padding:4px 12px;cursor:pointer", o.close);
    close.onclick = hideOverlay;
    overlay.appendChild(close);
    overlay.appendChild(el("h2", "margin:0 0 8px;color:#ff8a80;font-size:22px", o.title));
    overlay.appendChild(el("p", "margin:0 0 16px;color:#ddd", o.note));
    o.problems.forEach(function (p) {
      var box = el("section", "margin:0 0 16px;padding:12px;background:#2b2b2b;border-left:4px solid #ff5252");
      if (p.location) box.appendChild(el("div", "font-weight:bold;color:#ffd180", p.location));
      box.appendChild(el("div", "margin:4px 0", p.message));
      box.appendChild(el("pre", "margin:8px 0 0;white-space:pre-wrap;font:13px/1.4 ui-monospace,monospace", p.text));
      overlay.appendChild(box);
    });
    document.body.appendChild(overlay);
  }

  function onReload(ev) {
    hideOverlay();
    if (ev.all) { location.reload(); return; }
    var styles = false;
    for (var i = 0; i < ev.paths.length; i++) {
      var p = ev.paths[i];
      if (isStyle(p)) { styles = true; continue; }
      if (p === page || !isPage(p)) { location.reload(); return; }
    }
    if (styles) swapStyles();
  }

  var source = new EventSource("/__bangtin/events");
  source.onmessage = function (m) {
    var ev;
    try { ev = JSON.parse(m.data); } catch (e) { return; }
    if (ev.kind === "reload") onReload(ev);
    else if (ev.kind === "error") showOverlay(ev);
  };
})();
