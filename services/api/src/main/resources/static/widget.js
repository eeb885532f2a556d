/*! mostread widget: <div class="mostread" data-site="news21" data-period="24h" data-limit="7"></div><script async src="https://HOST/widget.js"></script> */
(function (w, d) {
  var s = d.currentScript;
  var base = s ? new URL(s.src).origin : '';
  var LABELS = {
    ko: { title: '많이 본 뉴스', more: '더보기', empty: '아직 보여 드릴 기사가 없습니다.' },
    en: { title: 'Most read', more: 'More', empty: 'Nothing to show yet.' }
  };
  var css = '.mostread{--mostread-accent:#c00;--mostread-text:inherit;--mostread-muted:#666;--mostread-gap:.5em;' +
    '--mostread-rank-size:1.6em;--mostread-image-size:64px;font:inherit;color:var(--mostread-text);word-break:keep-all;overflow-wrap:anywhere}' +
    '@media (prefers-color-scheme:dark){.mostread{--mostread-accent:#ff6b6b;--mostread-muted:#aaa}}' +
    '.mostread-title{font-size:1.1em;margin:0 0 var(--mostread-gap)}' +
    '.mostread-list{list-style:none;margin:0;padding:0}' +
    '.mostread-item{display:flex;align-items:flex-start;gap:var(--mostread-gap);margin:0 0 var(--mostread-gap)}' +
    '.mostread-rank{flex:0 0 auto;min-width:1.2em;font-size:var(--mostread-rank-size);line-height:1;font-weight:700;color:var(--mostread-accent)}' +
    '.mostread-body{min-width:0}.mostread-link{color:inherit;text-decoration:none}.mostread-link:hover{text-decoration:underline}' +
    '.mostread-snippet,.mostread-time{display:block;margin:.2em 0 0;color:var(--mostread-muted);font-size:.9em}' +
    '.mostread-image{flex:0 0 auto;width:var(--mostread-image-size);height:var(--mostread-image-size);object-fit:cover}' +
    '.mostread-empty{color:var(--mostread-muted);margin:0}.mostread-more{display:inline-block;margin-top:var(--mostread-gap);color:var(--mostread-accent)}';

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

  function graphemes(t, lang) {
    if (w.Intl && Intl.Segmenter) {
      return Array.from(new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment(t), function (x) { return x.segment; });
    }
    return Array.from(t);
  }

  // The first n characters, cut on a grapheme and, if one is near, a word boundary; with … when cut.
  function snippet(t, n, lang) {
    var g = graphemes(t.trim(), lang);
    if (g.length <= n) return g.join('');
    var cut = g.slice(0, n).join('');
    var space = cut.search(/\s\S*$/);
    return (space > cut.length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:·、。]+$/, '') + '…';
  }

  function ago(iso, lang) {
    var t = Date.parse(iso);
    if (!t || !(w.Intl && Intl.RelativeTimeFormat)) return null;
    var f = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
    var m = Math.round((t - Date.now()) / 60000);
    return Math.abs(m) < 60 ? f.format(m, 'minute') : Math.abs(m) < 1440 ? f.format(Math.round(m / 60), 'hour')
      : f.format(Math.round(m / 1440), 'day');
  }

  function settings(box) {
    var a = function (n, v) { return box.getAttribute('data-' + n) || v; };
    var host = box.closest('[lang]');
    var lang = (a('lang', host && host.getAttribute('lang')) || 'en').toLowerCase();
    return { a: a, lang: lang, labels: LABELS[lang.split('-')[0]] || LABELS.en };
  }

  function render(box, items, o) {
    var a = o.a;
    var key = JSON.stringify(items);
    if (box.__mostread === key) return; // nothing changed: focus and reading position stay
    box.__mostread = key;
    var list = box.querySelector('.mostread-list') || el('ol', 'mostread-list');
    list.setAttribute('role', 'list'); // Safari drops list semantics under list-style:none
    var rows = d.createDocumentFragment();
    var n = parseInt(a('snippet', '0'), 10);
    items.forEach(function (item) {
      var li = el('li', 'mostread-item');
      li.appendChild(el('span', 'mostread-rank', item.rank)).setAttribute('aria-hidden', 'true');
      var img = a('images', '') === 'true' && safe(item.imageUrl);
      if (img) {
        var i = el('img', 'mostread-image');
        i.src = img; i.alt = ''; i.loading = 'lazy';
        li.appendChild(i);
      }
      var body = el('div', 'mostread-body');
      var href = safe(item.url);
      var link = el(href ? 'a' : 'span', 'mostread-link', item.title || item.articleId);
      if (href) link.href = href;
      body.appendChild(link);
      if (n > 0 && item.summary) body.appendChild(el('span', 'mostread-snippet', snippet(item.summary, n, o.lang)));
      var when = a('dates', '') === 'relative' && item.publishedAt && ago(item.publishedAt, o.lang);
      if (when) body.appendChild(el('time', 'mostread-time', when)).setAttribute('datetime', item.publishedAt);
      li.appendChild(body);
      rows.appendChild(li);
    });
    list.replaceChildren(rows);
    var empty = box.querySelector('.mostread-empty');
    if (items.length) {
      if (empty) empty.remove();
      if (!list.parentNode) box.insertBefore(list, box.querySelector('.mostread-more'));
    } else {
      quiet(box, o);
    }
  }

  function quiet(box, o) {
    var list = box.querySelector('.mostread-list');
    if (list && list.children.length) return; // keep what readers see through a failed refresh
    if (!box.querySelector('.mostread-empty')) {
      box.insertBefore(el('p', 'mostread-empty', o.a('empty', o.labels.empty)), box.querySelector('.mostread-more'));
    }
  }

  // Ids to leave out: data-exclude (comma-separated) and, unless data-exclude-current="false", the page's own
  // article (data-article-id, else the id the tracker sent). Each id goes as its own parameter: ids may hold commas.
  function excluded(box, a) {
    var ids = (a('exclude', '') ? a('exclude', '').split(',') : []);
    if (a('exclude-current', 'true') !== 'false') {
      var own = a('article-id', '') || (w.mostread && w.mostread.articleId);
      if (own) ids.push(own);
    }
    return ids.filter(function (id) { return id; }).slice(0, 20).map(function (id) {
      return '&exclude=' + encodeURIComponent(id);
    }).join('');
  }

  // Only the newest request of a box may render: an older answer (say, from before the tracker named the page's
  // article) that arrives late must not overwrite a newer one.
  function load(box, o) {
    var a = o.a;
    var seq = box.mostreadSeq = (box.mostreadSeq || 0) + 1;
    var q = 'period=' + encodeURIComponent(a('period', '1h')) + '&limit=' + encodeURIComponent(a('limit', '10')) +
      '&section=' + encodeURIComponent(a('section', '')) + (a('sort', '') ? '&sort=' + encodeURIComponent(a('sort', '')) : '') +
      (a('published', '') ? '&published=' + encodeURIComponent(a('published', '')) : '') +
      excluded(box, a);
    fetch(base + '/api/v1/sites/' + encodeURIComponent(a('site', '')) + '/most-read?' + q, { credentials: 'omit' })
      .then(function (r) { if (!r.ok) throw r.status; return r.json(); })
      .then(function (data) { if (seq === box.mostreadSeq) render(box, data.items || [], o); })
      .catch(function () { if (seq === box.mostreadSeq) quiet(box, o); });
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
      var o = settings(box);
      var level = Math.min(6, Math.max(1, parseInt(o.a('heading-level', '2'), 10) || 2));
      var h = el('h' + level, 'mostread-title', o.a('title', o.labels.title));
      h.id = 'mostread-' + Math.random().toString(36).slice(2);
      box.setAttribute('role', 'region');
      box.setAttribute('aria-labelledby', h.id);
      box.appendChild(h);
      var more = safe(o.a('more-url', ''));
      if (more) {
        var m = el('a', 'mostread-more', o.a('more-label', o.labels.more));
        m.href = more;
        box.appendChild(m);
      }
      load(box, o);
      setInterval(function () { load(box, o); }, 30000);
    });
  }

  // The tracker may run after the widget: once it names the page's article, load again without it.
  d.addEventListener('mostread:article', function () {
    d.querySelectorAll('div.mostread[data-mostread-ready]').forEach(function (box) {
      var o = settings(box);
      if (o.a('exclude-current', 'true') !== 'false' && !o.a('article-id', '')) load(box, o);
    });
  });

  if (d.readyState === 'loading') d.addEventListener('DOMContentLoaded', start); else start();
})(window, document);
