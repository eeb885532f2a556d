/*! mostread widget: <div class="mostread" data-site="news21" data-period="24h" data-limit="7"></div><script async src="https://HOST/widget.js"></script> */
(function (w, d) {
  var s = d.currentScript;
  var base = s ? new URL(s.src).origin : '';
  var css = '.mostread{--mostread-accent:#c00;--mostread-text:inherit;--mostread-muted:#777;--mostread-gap:.5em;' +
    '--mostread-rank-size:1.6em;--mostread-image-size:64px;font:inherit;color:var(--mostread-text)}' +
    '.mostread-title{font-size:1.1em;margin:0 0 var(--mostread-gap)}' +
    '.mostread-list{list-style:none;margin:0;padding:0}' +
    '.mostread-item{display:flex;align-items:flex-start;gap:var(--mostread-gap);margin:0 0 var(--mostread-gap)}' +
    '.mostread-rank{flex:0 0 auto;min-width:1.2em;font-size:var(--mostread-rank-size);line-height:1;font-weight:700;color:var(--mostread-accent)}' +
    '.mostread-link{color:inherit;text-decoration:none}.mostread-link:hover{text-decoration:underline}' +
    '.mostread-image{flex:0 0 auto;width:var(--mostread-image-size);height:var(--mostread-image-size);object-fit:cover}' +
    '.mostread-empty{color:var(--mostread-muted);margin:0}';

  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // Only absolute http(s) URLs become links or images; anything else (javascript:, data:, ...) is dropped.
  function safe(u) {
    try {
      var p = new URL(u);
      return p.protocol === 'http:' || p.protocol === 'https:' ? p.href : null;
    } catch (e) { return null; }
  }

  function render(box, items, images) {
    var list = box.querySelector('.mostread-list') || el('ol', 'mostread-list');
    var rows = d.createDocumentFragment();
    items.forEach(function (item) {
      var li = el('li', 'mostread-item');
      li.appendChild(el('span', 'mostread-rank', item.rank)).setAttribute('aria-hidden', 'true');
      var img = images && safe(item.imageUrl);
      if (img) {
        var i = el('img', 'mostread-image');
        i.src = img; i.alt = ''; i.loading = 'lazy';
        li.appendChild(i);
      }
      var href = safe(item.url);
      var a = el(href ? 'a' : 'span', 'mostread-link', item.title || item.articleId);
      if (href) a.href = href;
      li.appendChild(a);
      rows.appendChild(li);
    });
    list.replaceChildren(rows);
    var empty = box.querySelector('.mostread-empty');
    if (items.length) {
      if (empty) empty.remove();
      if (!list.parentNode) box.appendChild(list);
    } else {
      quiet(box);
    }
  }

  function quiet(box) {
    var list = box.querySelector('.mostread-list');
    if (list && list.children.length) return; // keep what readers see through a failed refresh
    if (!box.querySelector('.mostread-empty')) box.appendChild(el('p', 'mostread-empty', box.getAttribute('data-empty') || 'Nothing to show yet.'));
  }

  function load(box) {
    var a = function (n, v) { return box.getAttribute('data-' + n) || v; };
    var q = 'period=' + encodeURIComponent(a('period', '1h')) + '&limit=' + encodeURIComponent(a('limit', '10')) +
      '&section=' + encodeURIComponent(a('section', ''));
    fetch(base + '/api/v1/sites/' + encodeURIComponent(a('site', '')) + '/most-read?' + q, { credentials: 'omit' })
      .then(function (r) { if (!r.ok) throw r.status; return r.json(); })
      .then(function (data) { render(box, data.items || [], a('images', '') === 'true'); })
      .catch(function () { quiet(box); });
  }

  function start() {
    if (!d.getElementById('mostread-style')) {
      var st = el('style', null, css);
      st.id = 'mostread-style';
      d.head.insertBefore(st, d.head.firstChild);
    }
    d.querySelectorAll('div.mostread[data-site]').forEach(function (box) {
      if (box.getAttribute('data-mostread-ready')) return;
      box.setAttribute('data-mostread-ready', '1');
      var title = box.getAttribute('data-title') || 'Most read';
      var h = el('h2', 'mostread-title', title);
      h.id = 'mostread-' + Math.random().toString(36).slice(2);
      box.setAttribute('role', 'region');
      box.setAttribute('aria-labelledby', h.id);
      box.appendChild(h);
      load(box);
      setInterval(function () { load(box); }, 30000);
    });
  }

  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start); else start();
})(window, document);
