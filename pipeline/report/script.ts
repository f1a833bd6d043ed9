// The report's only script, written once as report.js: a tooltip for focused or hovered marks, j/k to step through them, and a speaker's name page passed straight on to the speaker.
//
// A document page's quote mark (by its id, or `data-q` on the marks that go on with it) shows its
// row of the page's quote table (`l-<id>`), each cell under its column's heading; the error view's
// marks carry their rows as JSON in `data-tip`. Rows are written with textContent, never innerHTML:
// corpus text stays text here too.
export const SCRIPT = `'use strict';
(function () {
  // a name page opened at a name (speakers/names/4f.html#n-…, from a document) leads on to its speaker
  var name = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  var go = name ? name.querySelector('a[data-go]') : null;
  if (go) { location.replace(go.href); return; }
  var tip = document.getElementById('tip');
  if (!tip) return;
  var current = null;
  function target(node) { return node && node.closest ? node.closest('[data-tip],[data-q],mark.q[id]') : null; }
  function rowsOf(el) {
    var q = el.getAttribute('data-q') || (el.hasAttribute('data-tip') ? null : el.id);
    if (q) {
      var row = document.getElementById('l-' + q);
      var table = row ? row.closest('table') : null;
      if (!table || !table.tHead) return null;
      var heads = table.tHead.rows[0].cells;
      return Array.prototype.map.call(row.cells, function (cell, i) { return [heads[i] ? heads[i].textContent : '', cell.textContent]; });
    }
    try { return JSON.parse(el.getAttribute('data-tip')); } catch (e) { return null; }
  }
  function show(el) {
    var rows = rowsOf(el);
    if (!rows) return;
    var dl = document.createElement('dl');
    rows.forEach(function (row) {
      var dt = document.createElement('dt'); dt.textContent = row[0];
      var dd = document.createElement('dd'); dd.textContent = row[1];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    tip.replaceChildren(dl);
    tip.hidden = false;
    current = el;
    place();
    el.setAttribute('aria-describedby', 'tip');
  }
  // under the mark, or above it when there is no room below; aligned with its first line
  function place() {
    var box = current.getBoundingClientRect();
    var r = current.getClientRects()[0] || box;
    var top = box.bottom + 6;
    if (top + tip.offsetHeight > window.innerHeight) top = Math.max(4, box.top - tip.offsetHeight - 6);
    tip.style.top = top + 'px';
    tip.style.left = Math.max(4, Math.min(r.left, window.innerWidth - tip.offsetWidth - 4)) + 'px';
  }
  function hide() {
    if (current) current.removeAttribute('aria-describedby');
    tip.hidden = true;
    current = null;
  }
  document.addEventListener('focusin', function (e) { var el = target(e.target); if (el) show(el); else hide(); });
  document.addEventListener('focusout', function () { hide(); });
  document.addEventListener('mouseover', function (e) { var el = target(e.target); if (el && el !== current) show(el); });
  document.addEventListener('mouseout', function (e) { if (current && !target(e.relatedTarget) && document.activeElement !== current) hide(); });
  function follow() { if (current && document.activeElement === current) place(); else hide(); }
  window.addEventListener('scroll', follow, { passive: true });
  window.addEventListener('resize', follow);
  document.addEventListener('keydown', function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Escape') { hide(); return; }
    if (e.key !== 'j' && e.key !== 'k') return;
    var stops = Array.prototype.slice.call(document.querySelectorAll('[data-tip][tabindex="0"],mark.q[tabindex="0"]'));
    if (stops.length === 0) return;
    var at = stops.indexOf(document.activeElement);
    var next = e.key === 'j' ? (at + 1) % stops.length : (at <= 0 ? stops.length - 1 : at - 1);
    stops[next].scrollIntoView({ block: 'center' });
    stops[next].focus({ preventScroll: true });
    e.preventDefault();
  });
})();
`;
