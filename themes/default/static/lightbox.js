/* Lightbox of the default theme of bangtin: a progressive enhancement.
   Without JavaScript every photo is a plain link to its large image. With
   it, a click opens a modal dialog: arrows and swipes move between photos,
   Escape closes, focus stays inside and returns to the photo afterwards.
   A large image is loaded only when it is shown. */
(function () {
  "use strict";
  var script = document.currentScript;
  var label = function (name, fallback) {
    return (script && script.getAttribute("data-label-" + name)) || fallback;
  };
  var links = Array.prototype.slice.call(document.querySelectorAll("a.photo-link"));
  if (!links.length || typeof HTMLDialogElement !== "function") return;
  // One entry per large image: a photo shown both in the text and in the
  // gallery is met once when moving through them; the gallery's caption wins.
  var photos = [], byHref = {};
  links.forEach(function (link) {
    var caption = captionOf(link);
    var known = byHref[link.href];
    if (known === undefined) {
      byHref[link.href] = photos.length;
      photos.push({ link: link, caption: caption });
    } else if (caption.figure && !photos[known].caption.figure) {
      photos[known].caption = caption;
    }
  });

  var dialog, img, caption, counter, current = 0, opener = null, touchX = null;

  function button(cls, text, name, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "lightbox-" + cls;
    b.setAttribute("aria-label", label(name, name));
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", label("dialog", "Photo"));
    var figure = document.createElement("figure");
    img = document.createElement("img");
    img.alt = "";
    caption = document.createElement("figcaption");
    counter = document.createElement("span");
    counter.className = "lightbox-counter";
    figure.appendChild(img);
    figure.appendChild(caption);
    dialog.appendChild(figure);
    dialog.appendChild(counter);
    if (photos.length > 1) {
      dialog.appendChild(button("prev", "\u2039", "prev", function () { show(current - 1); }));
      dialog.appendChild(button("next", "\u203A", "next", function () { show(current + 1); }));
    }
    dialog.appendChild(button("close", "\u00D7", "close", close));
    dialog.addEventListener("cancel", function (e) { e.preventDefault(); close(); });
    dialog.addEventListener("keydown", onKey);
    dialog.addEventListener("click", function (e) { if (e.target === dialog) close(); });
    dialog.addEventListener("touchstart", function (e) {
      touchX = e.changedTouches[0].clientX;
    }, { passive: true });
    dialog.addEventListener("touchend", function (e) {
      if (touchX === null) return;
      var dx = e.changedTouches[0].clientX - touchX;
      touchX = null;
      if (Math.abs(dx) > 50) show(current + (dx < 0 ? 1 : -1));
    });
    document.body.appendChild(dialog);
  }

  function captionOf(link) {
    var fig = link.closest("figure");
    var cap = fig && fig.querySelector("figcaption");
    if (cap) return { text: cap.textContent, figure: true };
    var inner = link.querySelector("img");
    return { text: inner ? inner.alt : "", figure: false };
  }

  // The WebP of the large image's width when the photo has one and the
  // browser reads WebP (it was made at the same size as the JPEG, lighter).
  var webp = (function () {
    try { return document.createElement("canvas").toDataURL("image/webp").indexOf("data:image/webp") === 0; }
    catch (e) { return false; }
  })();
  function large(link) {
    var source = webp && link.querySelector('source[type="image/webp"]');
    var want = link.getAttribute("data-large-width") + "w";
    if (source) {
      var found = source.getAttribute("srcset").split(",").map(function (c) {
        return c.trim().split(/\s+/);
      }).filter(function (c) { return c[1] === want; })[0];
      if (found) return found[0];
    }
    return link.href;
  }

  function show(i) {
    current = (i + photos.length) % photos.length;
    var link = photos[current].link;
    var inner = link.querySelector("img");
    img.removeAttribute("src");
    img.width = +link.getAttribute("data-large-width") || 0;
    img.height = +link.getAttribute("data-large-height") || 0;
    img.alt = inner ? inner.alt : "";
    img.src = large(link);
    caption.textContent = photos[current].caption.text;
    caption.hidden = !caption.textContent;
    counter.textContent = photos.length > 1 ? (current + 1) + " / " + photos.length : "";
  }

  function open(i, link) {
    if (!dialog) build();
    opener = link;
    show(i);
    dialog.showModal();
    dialog.querySelector(".lightbox-close").focus();
    document.documentElement.classList.add("lightbox-open");
  }

  function close() {
    dialog.close();
    img.removeAttribute("src");
    document.documentElement.classList.remove("lightbox-open");
    if (opener) opener.focus();
  }

  function onKey(e) {
    if (e.key === "ArrowRight") { show(current + 1); e.preventDefault(); }
    else if (e.key === "ArrowLeft") { show(current - 1); e.preventDefault(); }
    else if (e.key === "Escape") { close(); e.preventDefault(); }
    else if (e.key === "Tab") {
      var items = dialog.querySelectorAll("button");
      var first = items[0], last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) { last.focus(); e.preventDefault(); }
      else if (!e.shiftKey && document.activeElement === last) { first.focus(); e.preventDefault(); }
    }
  }

  links.forEach(function (link) {
    link.addEventListener("click", function (e) {
      if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return;
      e.preventDefault();
      open(byHref[link.href], link);
    });
  });
})();
