'use strict';
(function () {
  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  }
  // the outer first: the one that ends later, then the lower rank
  function outerFirst(a, b) { return b.e - a.e || a.rank - b.rank || a.s - b.s; }
  // the text split at every mark's ends into text nodes inside the marks' elements
  function markUp(text, marks) {
    var spans = [];
    marks.forEach(function (m) {
      var s = Math.max(0, m.s), e = Math.min(text.length, m.e);
      if (e > s) spans.push({ s: s, e: e, rank: m.rank, make: m.make, n: 0 });
    });
    spans.sort(function (a, b) { return a.s - b.s; });
    var points = [0, text.length];
    spans.forEach(function (o) { points.push(o.s, o.e); });
    points.sort(function (a, b) { return a - b; });
    var root = document.createDocumentFragment();
    var stack = [];
    var next = 0;
    for (var i = 0; i < points.length; i++) {
      var at = points[i];
      if (i > 0 && at === points[i - 1]) continue;
      // close what ends here, and everything opened inside it, which is reopened below
      var opening = [];
      var lowest = 0;
      while (lowest < stack.length && stack[lowest].o.e > at) lowest++;
      while (stack.length > lowest) { var closed = stack.pop(); if (closed.o.e > at) opening.push(closed.o); }
      while (next < spans.length && spans[next].s === at) opening.push(spans[next++]);
      if (opening.length > 1) opening.sort(outerFirst);
      opening.forEach(function (o) {
        var el = o.make(o.n++);
        (stack.length ? stack[stack.length - 1].el : root).appendChild(el);
        stack.push({ o: o, el: el });
      });
      var j = i + 1;
      while (j < points.length && points[j] === at) j++;
      if (j < points.length) (stack.length ? stack[stack.length - 1].el : root).appendChild(document.createTextNode(text.slice(at, points[j])));
    }
    return root;
  }
  // numbers a quote takes in a section's data (render-document.ts)
  var Q = 14;
  // a document's section of a page: its text marked up, its quote table filled, ids after the section's
  function renderDocument(section) {
    var data = section.querySelector('script.page-data');
    var box = section.querySelector('.text');
    if (!data || !box) return;
    var d = JSON.parse(data.textContent);
    var text = box.textContent;
    // offsets are into the text as written: a page whose text the browser read otherwise stays unmarked
    if (text.length !== d.n) return;
    var marks = [];
    d.b.forEach(function (b) {
      marks.push({ s: b[0], e: b[1], rank: 0, make: function () { var el = element('span', b[2]); if (b[3] !== null) el.title = b[3]; return el; } });
    });
    // a cue or a mention that several quotes share is marked once; a span given twice gets -2, -3 on its id
    var marked = {};
    var given = {};
    function once(key) { if (marked[key]) return false; marked[key] = true; return true; }
    var quotes = [];
    for (var i = 0; i + Q <= d.q.length; i += Q) {
      var v = d.q.slice(i, i + Q);
      var id = section.id + '-q-' + v[0] + '-' + v[1];
      given[id] = (given[id] || 0) + 1;
      quotes.push({
        s: v[0], e: v[1], type: d.t[v[2]], id: given[id] === 1 ? id : id + '-' + given[id],
        cue: v[3] < 0 ? null : { s: v[3], e: v[4], words: v[12] < 0 ? text.slice(v[3], v[4]) : d.t[v[12]], lemma: d.t[v[9]] },
        who: v[7] < 0 ? null : { s: v[5], e: v[6], name: d.s[v[7]][0], link: d.s[v[7]][1], mention: v[13] < 0 ? text.slice(v[5], v[6]) : d.t[v[13]], title: v[8] < 0 ? null : d.t[v[8]] },
        sieve: d.t[v[10]], confidence: d.t[v[11]]
      });
    }
    quotes.forEach(function (q) {
      marks.push({ s: q.s, e: q.e, rank: 1, make: function (n) {
        var el = element('mark', 'q q-' + q.type + (n === 0 ? '' : ' q-cont'));
        if (n === 0) { el.id = q.id; el.tabIndex = 0; } else el.setAttribute('data-q', q.id);
        return el;
      } });
      if (q.cue && once('cue ' + q.cue.s + ' ' + q.cue.e)) marks.push({ s: q.cue.s, e: q.cue.e, rank: 2, make: function () { return element('span', 'cue'); } });
      if (q.who && once('who ' + q.who.s + ' ' + q.who.e)) marks.push({ s: q.who.s, e: q.who.e, rank: 2, make: function () { return element('span', 'who'); } });
    });
    box.replaceChildren(markUp(text, marks));
    var body = section.querySelector('.quote-table tbody');
    if (body) quotes.forEach(function (q) {
      var row = element('tr');
      row.id = 'l-' + q.id;
      var type = element('a', 'tag tag-' + q.type, q.type);
      type.href = '#' + q.id;
      row.appendChild(element('td')).appendChild(type);
      var who = row.appendChild(element('td'));
      if (q.who === null) who.appendChild(element('span', 'muted', 'unknown speaker'));
      else {
        if (q.who.link === null) who.appendChild(document.createTextNode(q.who.name));
        else { var link = element('a', '', q.who.name); link.href = q.who.link; who.appendChild(link); }
        var as = (q.who.mention !== q.who.name ? ' as “' + q.who.mention + '”' : '') + (q.who.title !== null ? ', ' + q.who.title : '');
        if (as !== '') who.appendChild(element('span', 'muted', as));
      }
      row.appendChild(element('td', '', q.cue === null ? 'none' : '“' + q.cue.words + '” (' + q.cue.lemma + ')'));
      row.appendChild(element('td', '', q.sieve));
      row.appendChild(element('td', 'num', q.confidence));
      body.appendChild(row);
    });
  }
  var sections = document.querySelectorAll('article.document');
  Array.prototype.forEach.call(sections, renderDocument);
  // what the link points at: a quote exists only now, and above a document the tables have moved
  var at = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (at && sections.length > 0) at.scrollIntoView();
  // a name page opened at a name (speakers/names/4f.html#n-…, from a document) leads on to its speaker
  var go = at ? at.querySelector('a[data-go]') : null;
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
