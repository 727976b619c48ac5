// 1. The page loads from file:// and over http: both charts, their titles in
// figcaptions, and not one console error or uncaught exception.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPage, closeBrowser, chartTexts } from './helpers.mjs';

after(closeBrowser);

for (const mode of ['file', 'http']) {
  test(`loads from ${mode === 'file' ? 'file://' : 'http'} with both charts and no errors`, async () => {
    const p = await openPage(mode);
    try {
      assert.equal(await p.page.getAttribute('html', 'data-heluo'), 'ready');
      const charts = await chartTexts(p.page);
      assert.deepEqual(charts.map((c) => c.kind), ['chart-trend', 'chart-ranking']);
      for (const c of charts) assert.ok(c.captionInFigure, `${c.kind}: aria-labelledby names a figcaption inside the figure`);
      assert.equal(charts[0].caption, '贫困发生率');
      assert.match(charts[1].caption, /^村集体经济/);
      for (const c of charts) assert.ok(c.label && c.label.length > 10, `${c.kind}: canvas.base has an aria-label summary`);
      const roles = await p.page.$$eval('#charts canvas.base', (cs) => cs.map((c) => c.getAttribute('role')));
      // Interactive (issue 22): an application, whose keys screen readers pass through.
      assert.deepEqual(roles, ['application', 'application']);
      assert.equal(await p.page.locator('#charts canvas.overlay').count(), 2);
      assert.equal(await p.page.$eval('#alert', (a) => a.hidden), true, 'no alert after a clean load');
      assert.equal(await p.page.locator('#sample-select option').count() >= 1, true);
      // Let late errors (a rejected promise, a ResizeObserver loop) surface.
      await p.page.waitForTimeout(200);
      assert.deepEqual(p.pageErrors, [], 'page errors');
      assert.deepEqual(p.consoleErrors, [], 'console errors');
    } finally {
      await p.close();
    }
  });
}

test('the files the page links to exist next to it', async () => {
  const p = await openPage('file');
  try {
    const hrefs = await p.page.$$eval('a[href], link[href], script[src]', (els) =>
      els.map((e) => e.href || e.src).filter((u) => u.startsWith('file:')));
    assert.ok(hrefs.length >= 4, hrefs.join(' '));
    for (const href of hrefs) {
      const path = fileURLToPath(href.split('#')[0]);
      assert.ok(existsSync(path), `the page links to ${href}, which does not exist`);
    }
  } finally {
    await p.close();
  }
});
