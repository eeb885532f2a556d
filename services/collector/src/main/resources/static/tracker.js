/*! mostread tracker: one page view per page load. <script async src="https://HOST/tracker.js" data-site="news21"></script> */
(function (w, d, n) {
  var s = d.currentScript;
  var site = s && s.getAttribute('data-site');
  if (!site || w.__mostreadTracked) return;
  w.__mostreadTracked = true;

  function attr(name) { return s.getAttribute('data-' + name); }
  function meta(name) {
    var m = d.querySelector('meta[property="' + name + '"],meta[name="' + name + '"]');
    return m && m.getAttribute('content');
  }
  // Whatever the page holds, send only what the collector accepts: well-formed text, cut to its limit.
  function wellFormed(v) {
    var out = '';
    for (var i = 0; i < v.length; i++) {
      var c = v.charCodeAt(i);
      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < v.length && (v.charCodeAt(i + 1) & 0xFC00) === 0xDC00) {
        out += v.charAt(i) + v.charAt(++i);
      } else {
        out += c >= 0xD800 && c <= 0xDFFF ? '\uFFFD' : v.charAt(i);
      }
    }
    return out;
  }
  function cut(v, max) {
    if (v == null || v === '') return null;
    v = wellFormed(String(v)).slice(0, max);
    var last = v.charCodeAt(v.length - 1);
    return last >= 0xD800 && last <= 0xDBFF ? v.slice(0, -1) : v;
  }
  function points(v, max) {
    var nfc = v.normalize('NFC');
    while (Array.from(nfc).length > max) nfc = Array.from(nfc).slice(0, max).join('').normalize('NFC');
    return nfc;
  }
  function section(v) {
    if (!v) return null;
    v = wellFormed(String(v)).toLowerCase().normalize('NFC').replace(/[^\p{L}\p{M}\p{Nd}_-]+/gu, '-')
      .replace(/^-+|-+$/g, '');
    v = points(v, 64).replace(/-+$/, '');
    return v && v !== '_all' ? v : null;
  }
  // An id is 1-128 code points, NFC, with no whitespace, control character or '/'.
  function articleId(v) {
    v = points(wellFormed(String(v)).replace(/[\s\p{Cc}\p{Z}]+/gu, '-').replace(/\//g, ':'), 128);
    return v || 'home';
  }
  function decode(part) { try { return decodeURIComponent(part); } catch (e) { return part; } }
  var TRACKING = /^(utm_.*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ref_src|spm)$/i;
  function idOf(href) {
    var u = new URL(href, location.href);
    var path = u.pathname.split('/').map(decode).join('/').replace(/^\/+|\/+$/g, '');
    var query = u.search.slice(1).split('&').filter(function (p) {
      return p && !TRACKING.test(decode(p.split('=')[0]));
    }).map(decode).join('&');
    return path.replace(/\/+/g, ':') + (query ? '?' + query : '');
  }
  // A link the collector's java.net.URI reads with a host: http(s), a plain host name, only URI characters.
  var HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\]|([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)*[a-z]([a-z0-9-]*[a-z0-9])?\.?)$/i;
  function link(v) {
    if (!v) return null;
    try {
      var u = new URL(v, location.href);
      if (!/^https?:$/.test(u.protocol) || !HOST.test(u.hostname)) return null;
      var rest = (u.pathname + u.search + u.hash).replace(/%(?![0-9a-f]{2})/gi, '%25')
        .replace(/[^A-Za-z0-9\-._~:\/?#@!$&'()*+,;=%]/g, function (c) { return encodeURIComponent(c); });
      var href = u.protocol + '//' + u.host + rest;
      return href.length <= 2048 ? href : null;
    } catch (e) { return null; }
  }
  function canonical() {
    var c = d.querySelector('link[rel="canonical"]');
    return (c && c.getAttribute('href')) || meta('og:url') || location.href.split('#')[0];
  }

  var page = canonical();
  var id = attr('article-id');
  if (!id) {
    try { id = idOf(page); } catch (e) { id = location.pathname; }
  }
  // The widget leaves the page's own article out of the box: it reads the id from here, or waits for the event.
  w.mostread = w.mostread || {};
  w.mostread.articleId = articleId(id);
  try { d.dispatchEvent(new CustomEvent('mostread:article', { detail: w.mostread.articleId })); } catch (e) { /* old browser */ }
  var ogType = meta('og:type');
  var view = {
    site: site,
    articleId: articleId(id),
    type: attr('type') || (attr('article-id') || !ogType || ogType === 'article' ? 'article' : cut(ogType, 64)),
    title: cut(attr('title') || meta('og:title') || d.title, 512),
    summary: cut(attr('summary') || meta('og:description') || meta('description'), 300),
    url: link(attr('url') || page),
    section: section(attr('section') || meta('article:section')),
    imageUrl: link(meta('og:image')),
    referrer: cut(d.referrer, 2048),
    userAgent: cut(n.userAgent, 1024)
  };

  // A first-party visitor id, for unique visitors and reload de-duplication; none under GPC or Do-Not-Track.
  var optedOut = n.globalPrivacyControl === true || n.doNotTrack === '1' || w.doNotTrack === '1';
  if (!optedOut) {
    try {
      var vid = w.localStorage.getItem('mostread.vid');
      if (!vid || !/^[0-9a-f]{32}$/.test(vid)) {
        var b = new Uint8Array(16);
        w.crypto.getRandomValues(b);
        vid = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
        w.localStorage.setItem('mostread.vid', vid);
      }
      view.visitorId = vid;
    } catch (e) { /* storage blocked: count the view without a visitor */ }
  }

  var endpoint = new URL('/api/v1/events', s.src).href;
  var body = JSON.stringify(view);
  var sent = false;
  try { sent = n.sendBeacon && n.sendBeacon(endpoint, new Blob([body], { type: 'application/json' })); } catch (e) { sent = false; }
  if (!sent && w.fetch) {
    w.fetch(endpoint, { method: 'POST', keepalive: true, credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: body })
      .catch(function () {});
  }
})(window, document, navigator);
