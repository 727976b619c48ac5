// Heluo.render styles itself: on a page with a hostile stylesheet and no
// chart CSS of its own, the chart it draws looks as <heluo-chart>'s does
// (same height, the data table hidden, the controls at their size). No blank
// band under a chart (the key help takes no room until the keys are used).
// A missing or detached target, and data that is not there, are said clearly
// in the page's language.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, closeBrowser, startServer, ROOT } from './helpers.mjs';

after(closeBrowser);

const DIR = join(ROOT, 'target', 'e2e-embed-render');
const HOSTILE = `canvas { display: none !important; }
* { font-size: 40px; line-height: 3; }
p, footer, figure, table, button, select { margin: 60px !important; padding: 30px !important; }
table, caption, .sr-only, .keys-help, .table-box { position: static !important; clip: auto !important; width: auto !important; height: auto !important; display: block !important; }
heluo-render, heluo-chart { border: 5px solid red; }
body { margin: 0 12px; }`;

async function writePage(lang) {
  await mkdir(DIR, { recursive: true });
  await writeFile(join(DIR, 'hostile.css'), HOSTILE);
  await writeFile(join(DIR, 'ready.js'), `"use strict";
document.addEventListener("heluo:ready", function () { document.documentElement.setAttribute("data-heluo", "ready"); });`);
  await writeFile(join(DIR, `page-${lang}.html`), `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>render</title>
<link rel="stylesheet" href="hostile.css"><script src="ready.js"></script></head>
<body>
<heluo-chart id="element" src="/www/data/luolong.json" chart="trend"></heluo-chart>
<div id="target"></div>
<script src="/pkg/heluo.js"></script>
</body></html>
`);
}

/** Facts about a chart's figure inside `root` (a shadow root). */
function figureFacts(root) {
  const rect = (n) => (n ? n.getBoundingClientRect() : null);
  const fig = root.querySelector('figure');
  const bar = root.querySelector('.chart-controls');
  const foot = root.querySelector('.chart-foot');
  const keys = root.querySelector('.keys-help');
  const button = root.querySelector('button');
  return {
    figure: rect(fig).height,
    canvas: getComputedStyle(root.querySelector('canvas.base')).display,
    keys: rect(keys).height,
    table: rect(root.querySelector('.table-box')).height,
    fontSize: getComputedStyle(button).fontSize,
    // From the controls' bottom to the figure's, less the footer: a blank band.
    band: rect(fig).bottom - rect(foot || bar).bottom,
    foot: foot ? foot.textContent : null,
  };
}

test('Heluo.render under a hostile stylesheet looks as the element does, with no blank band', async () => {
  await writePage('zh-CN');
  const p = await openPage('http', { path: 'target/e2e-embed-render/page-zh-CN.html' });
  const { page } = p;
  try {
    await page.evaluate(async () => {
      const data = await (await fetch('/www/data/luolong.json')).text();
      window.__handle = Heluo.render(document.getElementById('target'), data, { chart: 'trend' });
    });
    const facts = await page.evaluate((fn) => {
      const f = new Function(`return (${fn})`)();
      const host = document.querySelector('#target > heluo-render');
      return {
        element: f(document.getElementById('element').shadowRoot),
        render: f(host.shadowRoot),
        hostDisplay: getComputedStyle(host).display,
        theme: host.getAttribute('data-theme'),
      };
    }, figureFacts.toString());
    assert.equal(facts.hostDisplay, 'block');
    assert.equal(facts.theme, 'light');
    for (const which of ['element', 'render']) {
      const f = facts[which];
      assert.equal(f.canvas, 'block', `${which}: host CSS cannot hide the canvas`);
      assert.ok(parseFloat(f.fontSize) < 20, `${which}: controls keep their size (${f.fontSize})`);
      assert.ok(f.table <= 1, `${which}: the data table stays hidden until asked for (${f.table} px)`);
      assert.ok(f.keys <= 1, `${which}: the unused key help takes no room (${f.keys} px)`);
      assert.ok(f.band >= 0 && f.band < 4, `${which}: no blank band under the chart (${f.band} px)`);
      assert.ok(f.figure < 700, `${which}: ${f.figure} px tall`);
      assert.match(f.foot, /示意数据/, `${which}: the data's note is under the chart`);
    }
    assert.ok(Math.abs(facts.element.figure - facts.render.figure) <= 2, `render ${facts.render.figure} px, element ${facts.element.figure} px`);

    // The key help shows while the keys are used.
    await page.evaluate(() => document.querySelector('#target > heluo-render').shadowRoot.querySelector('canvas.base').focus());
    await page.keyboard.press('ArrowRight');
    const keys = await page.evaluate(() => document.querySelector('#target > heluo-render').shadowRoot.querySelector('.keys-help').getBoundingClientRect().height);
    assert.ok(keys > 5, `the key help shows on keyboard focus (${keys} px)`);

    // destroy() takes its box away.
    await page.evaluate(() => window.__handle.destroy());
    assert.equal(await page.$$eval('#target > *', (n) => n.length), 0);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a missing or detached target and a 404 are said in the page language', async () => {
  await writePage('zh-CN');
  await writePage('en');
  for (const lang of ['zh-CN', 'en']) {
    const server = await startServer();
    const p = await openPage('http', { server, path: `target/e2e-embed-render/page-${lang}.html` });
    const { page } = p;
    try {
      const errors = await page.evaluate(() => {
        const out = [];
        for (const target of [null, undefined, document.createElement('div')]) {
          try { Heluo.render(target, { trend: [[2013, 3.1], [2019, 0.4]] }); out.push(null); } catch (err) { out.push({ message: err.message, reason: err.reason, type: err.constructor.name }); }
        }
        return out;
      });
      if (lang === 'en') {
        assert.deepEqual(errors, [
          { message: 'Heluo.render: no element for the chart (null)', reason: 'no-target', type: 'Error' },
          { message: 'Heluo.render: no element for the chart (undefined)', reason: 'no-target', type: 'Error' },
          { message: 'Heluo.render: the element is not in the page', reason: 'detached', type: 'Error' },
        ]);
      } else {
        assert.deepEqual(errors.map((e) => e.message), [
          'Heluo.render：没有放图表的元素（null）',
          'Heluo.render：没有放图表的元素（undefined）',
          'Heluo.render：元素不在页面中',
        ]);
      }
      // A 404: the element has no lang of its own; the page's decides.
      const detail = await page.evaluate(() => new Promise((resolve) => {
        const el = document.getElementById('element');
        el.addEventListener('heluo:error', (e) => resolve(e.detail), { once: true });
        el.setAttribute('src', '/www/data/missing.json');
      }));
      assert.equal(detail.reason, 'load-failed');
      if (lang === 'en') assert.match(detail.message, /^could not load http:\/\/127\.0\.0\.1:\d+\/www\/data\/missing\.json: HTTP 404/);
      else assert.match(detail.message, /^无法载入 http:\/\/127\.0\.0\.1:\d+\/www\/data\/missing\.json：服务器回答 HTTP 404/);
      const alert = await page.$eval('#element', (h) => h.shadowRoot.querySelector('[role=alert]').textContent);
      assert.equal(alert, detail.message);
      assert.deepEqual(p.pageErrors, []);
    } finally {
      await p.close();
      await server.close();
    }
  }
});
