// Embedding: a news-like host page (tests/e2e/pages/news.html) with hostile
// CSS, two <heluo-chart> elements (one from src, one with inline JSON in
// English) and one responsive iframe, served with a strict CSP header, on a
// 390×844 phone at devicePixelRatio 3.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, startServer, addInitScriptAndReload, captureWasmInstances, wasmMemoryBytes } from './helpers.mjs';

after(closeBrowser);

const NEWS_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'";
const PATH = 'tests/e2e/pages/news.html';

/** Facts about one <heluo-chart>'s shadow root. */
function chartState(page, id) {
  return page.$eval(`#${id}`, (host) => {
    const root = host.shadowRoot;
    const base = root.querySelector('canvas.base');
    const alert = root.querySelector('[role=alert]');
    const r = base ? base.getBoundingClientRect() : null;
    return {
      figures: root.querySelectorAll('figure').length,
      theme: host.getAttribute('data-theme'),
      display: base ? getComputedStyle(base).display : null,
      css: r ? [r.width, r.height] : null,
      backing: base ? [base.width, base.height] : null,
      alert: alert && !alert.hidden ? alert.textContent : null,
      buttons: [...root.querySelectorAll('button')].map((b) => b.textContent),
      fontSize: root.querySelector('button') ? getComputedStyle(root.querySelector('button')).fontSize : null,
      lang: root.querySelector('figure') ? root.querySelector('figure').getAttribute('lang') : null,
    };
  });
}

test('a news page with two elements and an iframe, under a strict CSP, on a phone', async () => {
  const server = await startServer({ headers: { 'Content-Security-Policy': NEWS_CSP } });
  const p = await openPage('http', {
    server, path: PATH, viewport: { width: 390, height: 844 }, contextOptions: { deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  });
  const { page } = p;
  try {
    // Lazy: the inline chart, far below, has not started.
    let inline = await chartState(page, 'inline');
    assert.equal(inline.figures, 0, 'the chart below the fold waits until it comes near');
    const top = await chartState(page, 'from-src');
    assert.equal(top.figures, 1);
    assert.equal(top.display, 'block', 'host CSS cannot hide the canvas');
    assert.deepEqual(top.backing, [Math.round(top.css[0] * 3), Math.round(top.css[1] * 3)], 'sharp at dpr 3');
    assert.ok(top.css[0] <= 390, 'no wider than the phone');
    assert.ok(parseFloat(top.fontSize) < 20, `host "* { font-size: 40px }" does not blow up the controls (${top.fontSize})`);

    await page.evaluate(() => document.getElementById('inline').scrollIntoView());
    await page.waitForFunction(() => document.getElementById('inline').shadowRoot.querySelector('figure'), null, { timeout: 10_000 });
    inline = await chartState(page, 'inline');
    assert.equal(inline.lang, 'en');
    assert.ok(inline.buttons.includes('Show all (1 more country)'), JSON.stringify(inline.buttons));
    assert.doesNotMatch(inline.buttons.join(' '), /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/, 'no Chinese in the English chart');

    // The iframe takes its chart's height.
    await page.evaluate(() => document.getElementById('frame1').scrollIntoView());
    await page.waitForFunction(() => document.getElementById('frame1').getBoundingClientRect().height > 300, null, { timeout: 10_000 });
    const frame = page.frame({ url: /embed\.html/ });
    const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = await page.$eval('#frame1', (f) => f.getBoundingClientRect().height);
    assert.ok(Math.abs(inner - outer) <= 1, `iframe ${outer} px for content ${inner} px`);

    // Theme and language switches redraw.
    await page.evaluate(() => document.getElementById('inline').setAttribute('theme', 'dark'));
    await page.waitForFunction(() => document.getElementById('inline').getAttribute('data-theme') === 'dark');
    const dark = await page.$eval('#inline', (h) => {
      const c = h.shadowRoot.querySelector('canvas.base');
      const d = c.getContext('2d').getImageData(2, 2, 1, 1).data;
      return [d[0], d[1], d[2]];
    });
    assert.ok(dark[0] < 60 && dark[1] < 60 && dark[2] < 60, `a dark background: ${dark}`);
    await page.evaluate(() => document.getElementById('inline').setAttribute('lang', 'zh-CN'));
    await page.waitForFunction(() => document.getElementById('inline').shadowRoot.querySelector('figure').getAttribute('lang') === 'zh-CN');
    assert.ok((await chartState(page, 'inline')).buttons.includes('显示数据表'));

    // A bad attribute: a message naming it, and the chart already shown stays.
    const errors = [];
    await page.exposeFunction('__heluoError', (m) => errors.push(m));
    await page.evaluate(() => {
      const el = document.getElementById('inline');
      el.addEventListener('heluo:error', (e) => window.__heluoError(e.detail.message));
      el.setAttribute('chart', 'pie');
    });
    await page.waitForFunction(() => { const a = document.getElementById('inline').shadowRoot.querySelector('[role=alert]'); return a && !a.hidden; });
    const bad = await chartState(page, 'inline');
    assert.equal(bad.alert, 'chart="pie" is not allowed: use "trend" or "ranking"');
    assert.equal(bad.figures, 1, 'the chart shown stays');
    assert.deepEqual(errors, ['chart="pie" is not allowed: use "trend" or "ranking"']);
    await page.evaluate(() => document.getElementById('inline').setAttribute('metric', 'nope'));
    await page.evaluate(() => document.getElementById('inline').setAttribute('chart', 'ranking'));
    await page.waitForTimeout(100);
    assert.match((await chartState(page, 'inline')).alert || '', /^metric="nope" is not allowed: use "life", "gdp"$/);

    assert.deepEqual(await p.violations(), [], 'no CSP violation in the page');
    assert.deepEqual(await frame.evaluate(() => window.__heluoTest.violations), [], 'nor in the iframe');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
    await server.close();
  }
});

test('200 charts created and removed leave the heap and the wasm memory flat', async () => {
  const server = await startServer();
  const p = await openPage('http', { server, path: PATH });
  const { page } = p;
  try {
    await addInitScriptAndReload(page, captureWasmInstances);
    const cycle = (n) => page.evaluate(async (n) => {
      const data = document.querySelector('#inline script').textContent;
      for (let i = 0; i < n; i++) {
        const el = document.createElement('heluo-chart');
        el.setAttribute('chart', 'ranking');
        const s = document.createElement('script');
        s.type = 'application/json';
        s.textContent = data;
        el.appendChild(s);
        document.body.prepend(el);
        await new Promise((r) => requestAnimationFrame(r));
        el.remove();
      }
    }, n);
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    await cycle(20);
    const before = await heap();
    const wasmBefore = await wasmMemoryBytes(page);
    await cycle(200);
    const after = await heap();
    const wasmAfter = await wasmMemoryBytes(page);
    assert.ok(after - before < 2_000_000, `heap grew by ${after - before} bytes over 200 cycles`);
    assert.ok(wasmBefore > 0, 'the wasm memory is measured');
    assert.equal(wasmAfter, wasmBefore, 'the wasm memory did not grow: every removed chart was freed');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
    await server.close();
  }
});

test('a dark chart prints on white, and is dark again after', async () => {
  const server = await startServer();
  const p = await openPage('http', { server, path: PATH });
  const { page } = p;
  try {
    const corner = () => page.$eval('#from-src', (h) => [...h.shadowRoot.querySelector('canvas.base').getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3));
    await page.evaluate(() => document.getElementById('from-src').setAttribute('theme', 'dark'));
    await page.waitForFunction(() => document.getElementById('from-src').getAttribute('data-theme') === 'dark');
    await page.waitForTimeout(200);
    assert.deepEqual(await corner(), [0x16, 0x19, 0x1d], 'dark on screen');
    await page.emulateMedia({ media: 'print' });
    await page.waitForTimeout(200);
    assert.deepEqual(await corner(), [255, 255, 255], 'white in print');
    await page.emulateMedia({ media: 'screen' });
    await page.waitForTimeout(200);
    assert.deepEqual(await corner(), [0x16, 0x19, 0x1d], 'dark again');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
    await server.close();
  }
});

test('changing src while a fetch is in flight never shows the older data', async () => {
  const server = await startServer();
  const p = await openPage('http', { server, path: PATH });
  const { page } = p;
  try {
    const errors = [];
    await page.exposeFunction('__srcError', (m) => errors.push(m));
    await page.evaluate(() => {
      const el = document.getElementById('from-src');
      el.addEventListener('heluo:error', (e) => window.__srcError(e.detail.message));
      // A missing file first, then at once the national sample: the 404 must not win.
      el.setAttribute('src', '../../../www/data/missing.json');
      el.setAttribute('src', '../../../www/data/national.json');
    });
    await page.waitForFunction(() => {
      const f = document.getElementById('from-src').shadowRoot.querySelector('figcaption');
      return f && !f.textContent.includes('贫困发生率') ? f.textContent : null;
    }, null, { timeout: 10_000 }).catch(() => null);
    await page.waitForTimeout(300);
    const state = await page.$eval('#from-src', (h) => ({
      caption: h.shadowRoot.querySelector('figcaption').textContent,
      alert: h.shadowRoot.querySelector('[role=alert]').hidden,
    }));
    assert.equal(state.alert, true, 'no error from the older request');
    assert.deepEqual(errors, []);
    assert.match(state.caption, /全国/, `the newer data is shown: ${state.caption}`);
    // A bad src alone: the message names the URL and the HTTP status.
    await page.evaluate(() => document.getElementById('from-src').setAttribute('src', '../../../www/data/missing.json'));
    await page.waitForFunction(() => !document.getElementById('from-src').shadowRoot.querySelector('[role=alert]').hidden);
    const message = await page.$eval('#from-src', (h) => h.shadowRoot.querySelector('[role=alert]').textContent);
    assert.match(message, /^could not load http:\/\/127\.0\.0\.1:\d+\/www\/data\/missing\.json: HTTP 404/);
    assert.equal(await page.$eval('#from-src', (h) => h.shadowRoot.querySelectorAll('figure').length), 1, 'the chart shown stays');
  } finally {
    await p.close();
    await server.close();
  }
});
