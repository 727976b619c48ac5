// The host decides the theme: a reader with a dark system setting sees a
// light chart on a light-only article (the default, and theme="auto" where
// the page declares no dark support); theme="auto" follows the page's
// declared color-scheme (<meta name="color-scheme"> or CSS color-scheme),
// and the reader's setting only where the page supports both. The controls
// follow the chart's theme.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, closeBrowser, ROOT } from './helpers.mjs';

after(closeBrowser);

const DIR = join(ROOT, 'target', 'e2e-embed-theme');
const DATA = JSON.stringify({ title: '主题', trend: [[2013, 3.12], [2016, 1.5], [2019, 0.36]] });

/** A page declaring `head` (a <meta> or a <link> to CSS), with three charts. */
async function writePage(name, head, css = '') {
  await mkdir(DIR, { recursive: true });
  await writeFile(join(DIR, 'ready.js'), `"use strict";
document.addEventListener("heluo:ready", function () { document.documentElement.setAttribute("data-heluo", "ready"); });
document.addEventListener("DOMContentLoaded", function () {
  Heluo.render(document.getElementById("by-js"), ${JSON.stringify(DATA)}, { theme: "auto" });
});`);
  if (css) await writeFile(join(DIR, `${name}.css`), css);
  await writeFile(join(DIR, `${name}.html`), `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>theme</title>${head}${css ? `<link rel="stylesheet" href="${name}.css">` : ''}
<script src="ready.js"></script></head>
<body>
<heluo-chart id="plain"><script type="application/json">${DATA}</script></heluo-chart>
<heluo-chart id="auto" theme="auto"><script type="application/json">${DATA}</script></heluo-chart>
<div id="by-js"></div>
<script src="/pkg/heluo.js"></script>
</body></html>
`);
}

/** Each chart's theme, canvas corner and first button's background. */
function themes(page) {
  return page.evaluate(() => {
    const roots = { plain: document.getElementById('plain'), auto: document.getElementById('auto'), js: document.querySelector('#by-js heluo-render') };
    const out = {};
    for (const [k, host] of Object.entries(roots)) {
      const root = host.shadowRoot;
      const c = root.querySelector('canvas.base');
      const px = c.getContext('2d').getImageData(2, 2, 1, 1).data;
      const bg = getComputedStyle(root.querySelector('.chart-controls button')).backgroundColor;
      const dark = (rgb) => rgb[0] < 80 && rgb[1] < 80 && rgb[2] < 80;
      out[k] = { attr: host.getAttribute('data-theme'), canvas: dark(px) ? 'dark' : 'light', button: dark(bg.match(/\d+/g).map(Number)) ? 'dark' : 'light' };
    }
    return out;
  });
}

async function themesOf(name, head, css) {
  await writePage(name, head, css);
  const p = await openPage('http', { path: `target/e2e-embed-theme/${name}.html`, contextOptions: { colorScheme: 'dark' } });
  try {
    await p.page.waitForFunction(() => document.querySelector('#by-js heluo-render') && document.getElementById('auto').shadowRoot.querySelector('canvas.base') && document.getElementById('plain').shadowRoot.querySelector('canvas.base'));
    assert.equal(await p.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true, 'the reader prefers dark');
    const t = await themes(p.page);
    assert.deepEqual(p.pageErrors, []);
    return t;
  } finally {
    await p.close();
  }
}

const LIGHT = { attr: 'light', canvas: 'light', button: 'light' };
const DARK = { attr: 'dark', canvas: 'dark', button: 'dark' };

test('a page that declares nothing: light, whatever the reader prefers', async () => {
  const t = await themesOf('none', '');
  assert.deepEqual(t, { plain: LIGHT, auto: LIGHT, js: LIGHT });
});

test('<meta name="color-scheme" content="light dark">: auto follows the reader (dark); the default stays light', async () => {
  const t = await themesOf('meta-both', '<meta name="color-scheme" content="light dark">');
  assert.deepEqual(t, { plain: LIGHT, auto: DARK, js: DARK });
});

test('<meta name="color-scheme" content="only light">: auto is light', async () => {
  const t = await themesOf('meta-light', '<meta name="color-scheme" content="only light">');
  assert.deepEqual(t, { plain: LIGHT, auto: LIGHT, js: LIGHT });
});

test('CSS color-scheme: dark on the page: auto is dark, the controls too', async () => {
  const t = await themesOf('css-dark', '', ':root { color-scheme: dark; background: #111; }');
  assert.deepEqual(t, { plain: LIGHT, auto: DARK, js: DARK });
});
