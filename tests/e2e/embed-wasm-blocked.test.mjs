// A news site whose Content-Security-Policy says `script-src 'self'` (no
// 'wasm-unsafe-eval'): the WebAssembly cannot be compiled. That is a state,
// not a blank: <heluo-chart> is still defined and says, in the page's
// language, what the policy needs (and that the iframe needs no change),
// with the fallback image and the data as a table, and heluo:error carries
// the reason "wasm-blocked". The same page with 'wasm-unsafe-eval' draws.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, closeBrowser, startServer, runAxe, ROOT } from './helpers.mjs';

after(closeBrowser);

const DIR = join(ROOT, 'target', 'e2e-embed-blocked');
const BASE = "default-src 'none'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-src http://127.0.0.1:*";
const NO_WASM = `${BASE}; script-src 'self'`;
const WASM = `${BASE}; script-src 'self' 'wasm-unsafe-eval'`;
// A 2×2 PNG: the image the command line would have made (fallback="chart.png").
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4YKkNRAwQCgAiUgSRh/00sAAAAABJRU5ErkJggg==', 'base64');

const RANKING = JSON.stringify({
  title: '村集体经济', source: '示例来源', note: '夏庄村的数值为示意数据',
  ranking: { metrics: [{ key: 'income', label: '村集体经济收入', unit: '元' }],
    villages: [{ name: '王屯村', values: { income: 200000 } }, { name: '夏庄村', values: { income: 168000 } }] },
});

async function writePages() {
  await mkdir(DIR, { recursive: true });
  await writeFile(join(DIR, 'chart.png'), PNG);
  // Listens before heluo.js runs: every heluo:error of the page.
  await writeFile(join(DIR, 'listen.js'), `"use strict";
window.__errors = [];
document.addEventListener("heluo:error", function (e) { window.__errors.push(e.detail); });
document.addEventListener("heluo:ready", function () { document.documentElement.setAttribute("data-heluo", "ready"); });
document.addEventListener("DOMContentLoaded", function () {
  try {
    window.__render = Heluo.render(document.getElementById("by-js"), ${JSON.stringify(RANKING)}, {});
    window.__render.ready.then(function () { window.__renderReady = true; }, function (err) { window.__renderError = { message: err.message, reason: err.reason }; });
  } catch (err) { window.__renderError = { message: err.message, thrown: true }; }
  /* The iframe embed, from the folder's own origin (?embed=ORIGIN). */
  var embed = new URLSearchParams(location.search).get("embed");
  if (embed) document.getElementById("frame").src = embed + "/www/embed.html?src=data/luolong.json&chart=trend";
  document.documentElement.setAttribute("data-heluo", "ready");
});
`);
  for (const lang of ['zh-CN', 'en']) {
    await writeFile(join(DIR, `news-${lang}.html`), `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>news</title>
<script src="listen.js"></script></head>
<body><article><h1>洛龙区脱贫攻坚</h1><p>正文。</p>
<heluo-chart id="from-src" src="/www/data/luolong.json" chart="trend" fallback="chart.png"></heluo-chart>
<heluo-chart id="inline" chart="ranking"><script type="application/json">${RANKING}</script></heluo-chart>
<div id="by-js"></div>
<iframe id="frame" width="600" height="500" title="iframe"></iframe>
</article>
<script src="/pkg/heluo.js"></script>
</body></html>
`);
  }
}

/** What a reader of one element sees. */
function elementState(page, id) {
  return page.$eval(`#${id}`, (host) => {
    const root = host.shadowRoot;
    const alert = root.querySelector('[role=alert]');
    const img = root.querySelector('img');
    return {
      height: host.getBoundingClientRect().height,
      alert: alert && !alert.hidden ? alert.textContent : null,
      img: img ? { loaded: img.complete && img.naturalWidth === 2, alt: img.alt, shown: img.getBoundingClientRect().width > 0 } : null,
      tables: [...root.querySelectorAll('table')].map((t) => [...t.rows].filter((r) => !r.hidden).map((r) => [...r.cells].map((c) => c.textContent))),
      tableVisible: [...root.querySelectorAll('table')].every((t) => t.getBoundingClientRect().height > 30),
      foot: root.querySelector('.chart-foot') ? root.querySelector('.chart-foot').textContent : null,
      canvases: root.querySelectorAll('canvas').length,
    };
  });
}

test("script-src 'self' without 'wasm-unsafe-eval': the element explains and shows the data; the iframe draws", async () => {
  await writePages();
  const server = await startServer({ headers: { 'Content-Security-Policy': NO_WASM } });
  // The iframe's folder, served without the article's policy (embed.html carries its own).
  const embedServer = await startServer();
  const p = await openPage('http', { server, path: `target/e2e-embed-blocked/news-zh-CN.html?embed=${embedServer.origin}` });
  const { page } = p;
  try {
    assert.equal((await fetch(server.url('pkg/heluo.js'))).headers.get('content-security-policy'), NO_WASM);
    const global = await page.evaluate(() => ({ defined: !!customElements.get('heluo-chart'), blocked: window.Heluo && window.Heluo.blocked }));
    assert.deepEqual(global, { defined: true, blocked: 'wasm-blocked' });
    await page.waitForFunction(() => window.__errors.length >= 2 && window.__render, null, { timeout: 10_000 });
    await page.waitForFunction(() => document.getElementById('from-src').shadowRoot.querySelector('table'), null, { timeout: 10_000 });
    await page.waitForFunction(() => document.getElementById('from-src').shadowRoot.querySelector('img').complete);

    const src = await elementState(page, 'from-src');
    assert.ok(src.height > 150, `the element takes room (${src.height} px)`);
    assert.match(src.alert, /内容安全策略/);
    assert.match(src.alert, /'wasm-unsafe-eval'/);
    assert.match(src.alert, /用 iframe 嵌入则文章页的策略无需改动/);
    assert.equal(src.canvases, 0);
    assert.deepEqual(src.img, { loaded: true, alt: '洛阳市洛龙区脱贫攻坚', shown: true });
    // The trend as a table: a year column, one column per series.
    assert.deepEqual(src.tables[0][0], ['年份', '洛龙区', '全国农村']);
    assert.ok(src.tables[0].some((r) => r.join('|') === '2013|3.12|8.5'), JSON.stringify(src.tables[0]));
    assert.ok(src.tableVisible, 'the table is shown, not hidden for screen readers only');
    assert.match(src.foot, /示意数据/, 'the data\'s note goes with the fallback');
    assert.match(src.foot, /来源：东方今报/);

    const inline = await elementState(page, 'inline');
    assert.equal(inline.img, null, 'no image unless one is given');
    assert.deepEqual(inline.tables[0].slice(0, 2), [['名称', '村集体经济收入 (元)'], ['王屯村', '200,000']]);
    assert.match(inline.alert, /'wasm-unsafe-eval'/);

    const reasons = await page.evaluate(() => window.__errors.map((d) => d.reason));
    assert.deepEqual(reasons, ['wasm-blocked', 'wasm-blocked']);

    // Heluo.render says the same in its own box, with the table.
    const js = await page.evaluate(() => {
      const host = document.querySelector('#by-js heluo-render');
      const root = host && host.shadowRoot;
      return {
        error: window.__renderError,
        alert: root && root.querySelector('[role=alert]').textContent,
        rows: root ? root.querySelectorAll('table tr:not([hidden])').length : 0,
      };
    });
    assert.equal(js.error.reason, 'wasm-blocked');
    assert.match(js.alert, /'wasm-unsafe-eval'/);
    assert.equal(js.rows, 3);
    assert.deepEqual(await runAxe(page), [], 'axe: the explanation, the image and the tables pass WCAG A/AA');

    // As the message says: the iframe embed draws, with no change to the article's policy.
    const frame = page.frame({ url: /embed\.html/ });
    await frame.waitForFunction(() => { const c = document.querySelector('heluo-chart'); return c && c.shadowRoot.querySelector('canvas.base'); }, null, { timeout: 10_000 });
    assert.equal(await frame.evaluate(() => window.Heluo.blocked), undefined);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
    await server.close();
    await embedServer.close();
  }
});

test('an English page gets the explanation in English', async () => {
  await writePages();
  const server = await startServer({ headers: { 'Content-Security-Policy': NO_WASM } });
  const p = await openPage('http', { server, path: 'target/e2e-embed-blocked/news-en.html' });
  try {
    await p.page.waitForFunction(() => window.__errors.length >= 2, null, { timeout: 10_000 });
    const src = await elementState(p.page, 'from-src');
    assert.match(src.alert, /^The chart needs 'wasm-unsafe-eval' in the site's Content-Security-Policy/);
    assert.match(src.alert, /the iframe embed needs no change to the article's policy/);
    assert.deepEqual(src.tables[0][0], ['Year', '洛龙区', '全国农村']);
    assert.match(src.foot, /Note: /);
  } finally {
    await p.close();
    await server.close();
  }
});

test("the same page with 'wasm-unsafe-eval' draws the charts", async () => {
  await writePages();
  const server = await startServer({ headers: { 'Content-Security-Policy': WASM } });
  const p = await openPage('http', { server, path: 'target/e2e-embed-blocked/news-zh-CN.html' });
  const { page } = p;
  try {
    await page.waitForFunction(() => document.getElementById('from-src').shadowRoot.querySelector('canvas.base'), null, { timeout: 10_000 });
    const src = await elementState(page, 'from-src');
    assert.equal(src.alert, null);
    assert.equal(src.img, null, 'the fallback image is only for when the chart cannot draw');
    assert.ok(src.canvases >= 2);
    assert.equal(await page.evaluate(() => window.Heluo.blocked), undefined);
    assert.deepEqual(await page.evaluate(() => window.__errors), []);
    assert.deepEqual(await p.violations(), []);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
    await server.close();
  }
});
