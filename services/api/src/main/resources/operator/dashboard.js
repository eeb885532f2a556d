/* The operators' dashboard: lists from the SSE streams, rates from /api/v1/stats, charts by uPlot. */
(function () {
  'use strict';
  var PERIODS = [['1h', 'Last hour'], ['24h', 'Last 24 hours'], ['7d', 'Last 7 days'], ['30d', 'Last 30 days'],
    ['today', 'Today'], ['yesterday', 'Yesterday']];
  var WINDOW = 150; // points kept on the charts (5 minutes at one poll every 2 s)
  var siteSelect = document.getElementById('site');
  var sortSelect = document.getElementById('sort');
  var publishedSelect = document.getElementById('published');
  // the chosen sort and published window, as query parameters for every list
  function choice() {
    return '&sort=' + encodeURIComponent(sortSelect.value) +
      (publishedSelect.value ? '&published=' + encodeURIComponent(publishedSelect.value) : '');
  }
  var streams = [];
  var lists = {};
  var previous = null;
  var series = { t: [], counted: [], accepted: [], reasons: {} };
  var rateChart, filteredChart;

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function fmt(n, digits) { return n == null || isNaN(n) ? '–' : n.toFixed(digits == null ? 1 : digits); }

  function move(item) {
    if (item.previousRank == null) return ['new', 'new'];
    var d = item.previousRank - item.rank;
    return d > 0 ? ['up', '▲' + d] : d < 0 ? ['down', '▼' + (-d)] : ['same', '='];
  }

  function renderList(period, label) {
    var box = $('list-' + period);
    if (!box) {
      box = el('div', 'list');
      box.id = 'list-' + period;
      box.setAttribute('data-period', period);
      var h = el('h2');
      h.appendChild(el('span', null, label));
      h.appendChild(el('span', 'muted age', ''));
      box.appendChild(h);
      box.appendChild(el('table'));
      $('lists').appendChild(box);
    }
    renderRows(box.querySelector('table'), lists[period], 'No views in this period yet.', function (item) {
      return [el('td', 'num views', item.views),
        el('td', 'num muted', item.visitors == null ? '' : item.visitors + ' v')];
    });
  }

  // One list's rows: rank, move and title, then the cells its kind adds; a line of text when it is empty.
  function renderRows(table, data, emptyText, cells) {
    var rows = document.createDocumentFragment();
    (data ? data.items : []).forEach(function (item) {
      var tr = el('tr', 'item');
      var m = move(item);
      tr.appendChild(el('td', 'num', item.rank));
      tr.appendChild(el('td', m[0], m[1]));
      tr.appendChild(el('td', 'title', item.title || item.articleId));
      cells(item).forEach(function (td) { tr.appendChild(td); });
      rows.appendChild(tr);
    });
    if (!data || !data.items.length) {
      var tr = el('tr');
      tr.appendChild(el('td', 'muted', emptyText));
      rows.appendChild(tr);
    }
    table.replaceChildren(rows);
  }

  // Trending: score (× expected), views in the last 15 minutes and the expectation they were compared with.
  var trendingKept = false;
  function renderTrending() {
    var box = $('trending');
    var data = lists.trending;
    renderRows(box.querySelector('table'), data, trendingKept ? 'Nothing read in the last 15 minutes.'
      : 'Trending lists are not kept: add trending to mostread.ranker.sorts.', function (item) {
      return [el('td', 'num score', '×' + fmt(item.score, 2)),
        el('td', 'num muted', item.viewsLast15m + ' in 15 min (expected ' + fmt(item.expectedLast15m, 1) + ')')];
    });
    box.querySelector('.age').textContent = data ? 'as of ' + fmt((Date.now() - Date.parse(data.asOf)) / 1000, 0) + ' s ago' : '';
  }

  function ages() {
    var newest = null;
    PERIODS.forEach(function (p) {
      var data = lists[p[0]];
      var box = $('list-' + p[0]);
      if (!data || !box) return;
      var age = (Date.now() - Date.parse(data.asOf)) / 1000;
      box.querySelector('.age').textContent = 'as of ' + fmt(age, 0) + ' s ago';
      newest = newest == null ? age : Math.min(newest, age);
    });
    $('list-age').textContent = newest == null ? '–' : fmt(newest, 0) + ' s';
  }

  // A browser holds at most six HTTP/1.1 connections per host: the short periods stream, the long ones (which
  // change slowly) are polled, so the rates and the other lists always have a connection left.
  var STREAMED = { '1h': true, '24h': true, 'today': true };
  var polls = [];

  function show(period, label, data) {
    lists[period] = data;
    renderList(period, label);
    ages();
    $('status').textContent = 'live';
  }

  function follow(site) {
    streams.forEach(function (s) { s.close(); });
    polls.forEach(clearInterval);
    streams = [];
    polls = [];
    lists = {};
    $('lists').replaceChildren();
    renderTrending();
    if (trendingKept) {
      var trending = function () {
        var published = publishedSelect.value ? '&published=' + encodeURIComponent(publishedSelect.value) : '';
        fetch(API + '/api/v1/sites/' + encodeURIComponent(site) + '/most-read?sort=trending&limit=10' + published)
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) { if (data) { lists.trending = data; renderTrending(); } }).catch(function () {});
      };
      trending();
      polls.push(setInterval(trending, 5000));
    }
    PERIODS.forEach(function (p) {
      renderList(p[0], p[1]);
      var path = API + '/api/v1/sites/' + encodeURIComponent(site) + '/most-read';
      if (!STREAMED[p[0]]) {
        var poll = function () {
          fetch(path + '?period=' + p[0] + '&limit=10' + choice()).then(function (r) { return r.ok ? r.json() : null; })
            .then(function (data) { if (data) show(p[0], p[1], data); }).catch(function () {});
        };
        poll();
        polls.push(setInterval(poll, 10000));
        return;
      }
      var es = new EventSource(path + '/stream?period=' + p[0] + '&limit=10' + choice());
      es.addEventListener('ranking', function (e) { show(p[0], p[1], JSON.parse(e.data)); });
      es.onerror = function () { $('status').textContent = 'reconnecting…'; };
      streams.push(es);
    });
  }

  function chart(target, names) {
    var opts = {
      width: Math.max(380, target.clientWidth - 10), height: 180,
      scales: { x: { time: true, range: function (u, min, max) { return [max - WINDOW * 2, max]; } } },
      axes: [{}, { size: 50 }],
      series: [{}].concat(names.map(function (n, i) {
        return { label: n, stroke: ['#2563eb', '#16a34a', '#dc2626', '#d97706', '#7c3aed', '#0891b2', '#db2777'][i % 7], width: 2 };
      }))
    };
    return new uPlot(opts, [[]].concat(names.map(function () { return []; })), target);
  }

  function poll() {
    fetch('/api/v1/stats', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (now) {
      if (previous) {
        var dt = (now.time - previous.time) / 1000;
        if (dt > 0) {
          // totals of every instance; one that restarts begins again from 0, so a rate is never below 0
          var counted = Math.max(0, (now.counted - previous.counted) / dt);
          var accepted = Math.max(0, (now.accepted - previous.accepted) / dt);
          $('views-rate').textContent = fmt(counted);
          $('accepted-rate').textContent = fmt(accepted);
          series.t.push(now.time / 1000);
          series.counted.push(counted);
          series.accepted.push(accepted);
          var reasons = Object.keys(now.filtered || {}).sort();
          var filteredTotal = 0;
          reasons.forEach(function (r) {
            var rate = Math.max(0, ((now.filtered[r] || 0) - ((previous.filtered || {})[r] || 0)) / dt);
            filteredTotal += rate;
            (series.reasons[r] = series.reasons[r] || []).push(rate);
          });
          $('filtered-share').textContent = counted + filteredTotal > 0
            ? fmt(100 * filteredTotal / (counted + filteredTotal)) + ' %' : '–';
          if (series.t.length > WINDOW) {
            series.t.shift(); series.counted.shift(); series.accepted.shift();
            reasons.forEach(function (r) { series.reasons[r].shift(); });
          }
          if (!rateChart) rateChart = chart($('rate-chart'), ['counted', 'accepted']);
          rateChart.setData([series.t, series.counted, series.accepted]);
          if (reasons.length) {
            if (!filteredChart) filteredChart = chart($('filtered-chart'), reasons);
            filteredChart.setData([series.t].concat(reasons.map(function (r) { return series.reasons[r]; })));
          }
        }
      }
      renderInstances(now.instances || []);
      if (now.lagSeconds) $('lag').textContent = fmt(now.lagSeconds.p50, 2) + ' / ' + fmt(now.lagSeconds.p99, 2) + ' s';
      previous = now;
    }).catch(function () { $('status').textContent = 'stats unavailable'; });
  }

  // Every collector, ranker and API that reports to operator-stats, with its readiness.
  function renderInstances(instances) {
    var rows = document.createDocumentFragment();
    instances.forEach(function (i) {
      var tr = el('tr', 'instance');
      tr.appendChild(el('td', null, i.application));
      tr.appendChild(el('td', 'muted', i.instance));
      tr.appendChild(el('td', 'health ' + String(i.health).toLowerCase(), i.health));
      tr.appendChild(el('td', 'num muted', fmt(i.reportedSecondsAgo, 0) + ' s ago'));
      rows.appendChild(tr);
    });
    $('instances').replaceChildren(rows);
  }

  function loadSites() {
    fetch(API + '/api/v1/sites').then(function (r) { return r.json(); }).then(function (sites) {
      if (!sites.length) {
        $('status').textContent = 'no site has views yet';
        setTimeout(loadSites, 2000);
        return;
      }
      var wanted = new URLSearchParams(location.search).get('site');
      sites.forEach(function (s) {
        var o = el('option', null, s.site);
        o.value = s.site;
        siteSelect.appendChild(o);
      });
      if (wanted) siteSelect.value = wanted;
      // trending has its own panel; the other sorts choose how the period lists are ordered
      var sorts = sites[0].sorts || ['views'];
      trendingKept = sorts.indexOf('trending') >= 0;
      sorts.forEach(function (sort) {
        if (sort === 'views' || sort === 'trending') return;
        var o = el('option', null, sort);
        o.value = sort;
        sortSelect.appendChild(o);
      });
      (sites[0].published || []).forEach(function (w) {
        var o = el('option', null, 'within ' + w);
        o.value = w;
        publishedSelect.appendChild(o);
      });
      follow(siteSelect.value || sites[0].site);
    }).catch(function () { setTimeout(loadSites, 2000); });
  }
  // This page is served on the management port; the lists come from the public API, wherever stats say it is.
  var API = '';
  fetch('/api/v1/stats', { cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (stats) {
    var where = stats.publicApi || '';
    API = where.charAt(0) === ':' ? location.protocol + '//' + location.hostname + where : where;
  }).catch(function () {}).then(loadSites);
  [siteSelect, sortSelect, publishedSelect].forEach(function (select) {
    select.addEventListener('change', function () { follow(siteSelect.value); });
  });
  poll();
  setInterval(poll, 2000);
  setInterval(ages, 1000);
})();
