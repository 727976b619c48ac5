// The data's words go with the chart: the title, subtitle and note (the source
// is the canvas' credit line; in the fallback table, the footer says it)
// (the Luolong sample's "…的数值为示意数据…": some values are illustrative)
// are under the chart in the element, Heluo.render and the iframe (the
// standalone file: embed-standalone.test.mjs); footer="none" hides them, and
// only that.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, closeBrowser, runAxe, ROOT } from './helpers.mjs';

after(closeBrowser);

const DIR = join(ROOT, 'target', 'e2e-embed-footer');

test('title, subtitle, source and note under every embedded chart; footer="none" hides them', async () => {
  const sample = JSON.parse(await readFile(join(ROOT, 'www/data/luolong.json'), 'utf8'));
  await mkdir(DIR, { recursive: true });
  await writeFile(join(DIR, 'ready.js'), `"use strict";
document.addEventListener("heluo:ready", function () { document.documentElement.setAttribute("data-heluo", "ready"); });
document.addEventListener("DOMContentLoaded", function () {
  fetch("/www/data/luolong.json").then(function (r) { return r.text(); }).then(function (text) {
    Heluo.render(document.getElementById("by-js"), text, { chart: "ranking" });
    Heluo.render(document.getElementById("by-js-none"), text, { chart: "ranking", footer: "none" });
  });
});`);
  await writeFile(join(DIR, 'footer.html'), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>footer</title><script src="ready.js"></script></head>
<body>
<heluo-chart id="element" src="/www/data/luolong.json" chart="trend"></heluo-chart>
<heluo-chart id="none" src="/www/data/luolong.json" chart="trend" footer="none"></heluo-chart>
<div id="by-js"></div><div id="by-js-none"></div>
<iframe id="frame" title="Heluo chart" style="width: 600px; height: 700px" src="/www/embed.html?src=data/luolong.json&amp;chart=ranking"></iframe>
<script src="/pkg/heluo.js"></script>
</body></html>
`);
  const p = await openPage('http', { path: 'target/e2e-embed-footer/footer.html' });
  const { page } = p;
  try {
    await page.waitForFunction(() => document.querySelectorAll('#by-js heluo-render, #by-js-none heluo-render').length === 2
      && document.getElementById('none').shadowRoot.querySelector('figure'), null, { timeout: 10_000 });
    const feet = await page.evaluate(() => {
      const foot = (root) => {
        const f = root.querySelector('.chart-foot');
        if (!f) return null;
        const r = f.getBoundingClientRect();
        return { lines: [...f.children].map((c) => c.textContent), shown: r.height > 20 && r.width > 100, inFigure: !!f.closest('figure') };
      };
      return {
        element: foot(document.getElementById('element').shadowRoot),
        none: foot(document.getElementById('none').shadowRoot),
        js: foot(document.querySelector('#by-js heluo-render').shadowRoot),
        jsNone: foot(document.querySelector('#by-js-none heluo-render').shadowRoot),
      };
    });
    // The source is the canvas' own credit line (drawn, and in the exports), so not repeated.
    const expected = [sample.title, sample.subtitle, `注：${sample.note}`];
    assert.match(sample.note, /示意数据/);
    assert.deepEqual(feet.element, { lines: expected, shown: true, inFigure: true });
    assert.deepEqual(feet.js, { lines: expected, shown: true, inFigure: true });
    assert.equal(feet.none, null, 'footer="none" hides it');
    assert.equal(feet.jsNone, null, '{footer: "none"} hides it');

    await page.evaluate(() => document.getElementById('frame').scrollIntoView());
    const frame = page.frame({ url: /embed\.html/ });
    await frame.waitForFunction(() => { const c = document.querySelector('heluo-chart'); return c && c.shadowRoot.querySelector('.chart-foot'); }, null, { timeout: 10_000 });
    const inFrame = await frame.evaluate(() => [...document.querySelector('heluo-chart').shadowRoot.querySelector('.chart-foot').children].map((c) => c.textContent));
    assert.deepEqual(inFrame, expected, 'the iframe has them too');

    assert.deepEqual(await runAxe(page), [], 'axe: the footers pass WCAG A/AA (contrast included)');

    // A wrong value is named, never silently taken as "none".
    const bad = await page.evaluate(() => new Promise((resolve) => {
      const el = document.getElementById('element');
      el.addEventListener('heluo:error', (e) => resolve(e.detail.message), { once: true });
      el.setAttribute('footer', 'hidden');
    }));
    assert.equal(bad, 'footer="hidden" is not allowed: use "full" or "none"');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
