// Runs the real tracker.js once per generated page, in Node, with just the browser APIs it uses, and prints
// the body of each beacon it sends (one JSON line per page; "null" when it sent none).
// Usage: node tracker-harness.js TRACKER_JS PAGES_JSON
'use strict';
const fs = require('fs');
const vm = require('vm');
const [trackerFile, pagesFile] = process.argv.slice(2);
const tracker = fs.readFileSync(trackerFile, 'utf8');
const pages = JSON.parse(fs.readFileSync(pagesFile, 'utf8'));

async function run(page) {
  let sent = null;
  const metas = page.metas || {};
  const script = {
    src: 'https://mostread.example/tracker.js',
    getAttribute: (name) => (page.attributes || {})[name] ?? null
  };
  const document = {
    currentScript: script,
    title: page.title ?? '',
    referrer: page.referrer ?? '',
    querySelector(selector) {
      if (selector === 'link[rel="canonical"]') {
        return page.canonical == null ? null : { getAttribute: () => page.canonical };
      }
      const m = /^meta\[property="(.*)"\],meta\[name="(.*)"\]$/s.exec(selector);
      if (m && Object.prototype.hasOwnProperty.call(metas, m[1])) {
        return { getAttribute: () => metas[m[1]] };
      }
      return null;
    }
  };
  const storage = new Map();
  const window = {
    localStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => storage.set(k, String(v)) },
    crypto: globalThis.crypto
  };
  const navigator = {
    userAgent: page.userAgent ?? 'Mozilla/5.0',
    sendBeacon(url, blob) { sent = blob; return true; }
  };
  const context = { window, document, navigator, location: new URL(page.location), URL, Blob, Uint8Array, JSON, Array,
    String, Math, Object, RegExp, encodeURIComponent, decodeURIComponent };
  vm.createContext(context);
  vm.runInContext(tracker, context);
  return sent == null ? 'null' : await sent.text();
}

(async () => {
  const out = [];
  for (const page of pages) {
    try {
      out.push(await run(page));
    } catch (e) {
      out.push('ERROR ' + String(e && e.stack || e).replace(/\n/g, ' | '));
    }
  }
  process.stdout.write(out.join('\n') + '\n');
})();
