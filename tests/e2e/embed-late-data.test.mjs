// Late and changing data, as frameworks write it: a <heluo-chart> put in the
// page first and its <script type="application/json"> appended afterwards
// draws; changing that script's text redraws; so does a new src.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, closeBrowser, ROOT } from './helpers.mjs';

after(closeBrowser);

const DIR = join(ROOT, 'target', 'e2e-embed-late');

test('inline JSON appended or changed after connect, and a new src, redraw', async () => {
  await mkdir(DIR, { recursive: true });
  await writeFile(join(DIR, 'late.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>late</title></head>
<body><div id="app"></div>
<script src="/pkg/heluo.js"></script>
<script src="late.js"></script>
</body></html>
`);
  await writeFile(join(DIR, 'late.js'), `"use strict";
window.__events = [];
["heluo:ready", "heluo:error"].forEach(function (type) {
  document.addEventListener(type, function (e) { window.__events.push(type + (e.detail ? ":" + e.detail.reason : "")); });
});
document.documentElement.setAttribute("data-heluo", "ready");
`);
  const p = await openPage('http', { path: 'target/e2e-embed-late/late.html' });
  const { page } = p;
  const caption = () => page.$eval('#late', (h) => { const f = h.shadowRoot.querySelector('figcaption'); return f ? f.textContent : null; });
  try {
    // As a framework does: the element first, its data a moment later.
    await page.evaluate(() => {
      const chart = document.createElement('heluo-chart');
      chart.id = 'late';
      document.getElementById('app').appendChild(chart);
    });
    await page.waitForFunction(() => window.__events.length > 0);
    assert.deepEqual(await page.evaluate(() => window.__events), ['heluo:error:no-data'], 'no data yet, said so');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = JSON.stringify({ title: '后来的数据', trend: [[2013, 3.12], [2019, 0.36]] });
      document.getElementById('late').appendChild(script);
    });
    await page.waitForFunction(() => window.__events.includes('heluo:ready'), null, { timeout: 10_000 });
    assert.match(await caption(), /后来的数据/);
    assert.equal(await page.$eval('#late', (h) => h.shadowRoot.querySelector('[role=alert]').hidden), true, 'the no-data message is gone');

    // The script's text changes: the chart follows.
    await page.evaluate(() => {
      document.querySelector('#late script').textContent = JSON.stringify({ title: '改过的数据', trend: [[2014, 5], [2018, 1]] });
    });
    await page.waitForFunction(() => document.getElementById('late').shadowRoot.querySelector('figcaption').textContent.includes('改过的数据'), null, { timeout: 10_000 });
    assert.equal(await page.$$eval('#late', (h) => h[0].shadowRoot.querySelectorAll('figure').length), 1, 'one chart, replaced');

    // A src set later wins over the inline data; a new src redraws.
    await page.evaluate(() => document.getElementById('late').setAttribute('src', '/www/data/luolong.json'));
    await page.waitForFunction(() => document.getElementById('late').shadowRoot.querySelector('figcaption').textContent.includes('贫困发生率'), null, { timeout: 10_000 });
    await page.evaluate(() => document.getElementById('late').setAttribute('src', '/www/data/national.json'));
    await page.waitForFunction(() => /全国/.test(document.getElementById('late').shadowRoot.querySelector('figcaption').textContent), null, { timeout: 10_000 });
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
