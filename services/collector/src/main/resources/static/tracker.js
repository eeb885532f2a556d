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
  function slug(v) {
    return v ? v.toLowerCase().trim().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) : null;
  }
  function cut(v, max) { return v ? String(v).slice(0, max) : null; }

  var url = attr('url') || meta('og:url') || location.href.split('#')[0];
  var id = attr('article-id');
  if (!id) {
    try { id = new URL(url, location.href).pathname; } catch (e) { id = location.pathname; }
    id = id.replace(/^\/+|\/+$/g, '').replace(/\//g, ':').replace(/[^A-Za-z0-9._:~-]/g, '-').slice(-128) || 'home';
  }
  var ogType = meta('og:type');
  var view = {
    site: site,
    articleId: id,
    type: attr('type') || (attr('article-id') || !ogType || ogType === 'article' ? 'article' : cut(ogType, 64)),
    title: cut(attr('title') || meta('og:title') || d.title, 512),
    url: /^https?:\/\//i.test(url) ? cut(url, 2048) : null,
    section: slug(attr('section') || meta('article:section')),
    imageUrl: /^https?:\/\//i.test(meta('og:image') || '') ? cut(meta('og:image'), 2048) : null,
    referrer: cut(d.referrer, 2048),
    userAgent: cut(n.userAgent, 1024)
  };

  // A first-party visitor id, for unique visitors and reload de-duplication; none under GPC or Do-Not-Track.
  var optedOut = n.globalPrivacyControl === true || n.doNotTrack === '1' || w.doNotTrack === '1';
  if (!optedOut) {
    try {
      var vid = w.localStorage.getItem('mostread.vid');
      if (!vid) {
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
