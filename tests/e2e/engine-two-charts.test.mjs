// One engine per chart: two charts of two datasets (Chinese and English) on one
// page (tests/e2e/pages/two-charts.html, mounted with Heluo.mount) keep their
// own state: hovering, pinning, sorting or switching the metric of one never
// changes the other, and each speaks its own dataset's language.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, canvasHash } from './helpers.mjs';

after(closeBrowser);

const A = '#a figure canvas.base';
const B = '#b figure canvas.base';

test('two charts of two datasets on one page are independent', async () => {
  const p = await openPage('file', { path: 'tests/e2e/pages/two-charts.html' });
  const { page } = p;
  try {
    assert.equal(await page.locator('figure.chart').count(), 2);
    const langs = await page.$$eval('figure.chart', (fs) => fs.map((f) => f.getAttribute('lang')));
    assert.deepEqual(langs, ['zh-CN', 'en']);
    const before = [await canvasHash(page, A), await canvasHash(page, B)];

    // Sort and metric switch on B: A is unchanged.
    await page.click('#b button.sort-order');
    await page.selectOption('#b select.metric-select', '1');
    await page.waitForTimeout(600); // the re-rank transition
    assert.equal(await canvasHash(page, A), before[0], 'chart A unchanged by actions on B');
    assert.notEqual(await canvasHash(page, B), before[1], 'chart B changed');
    assert.match(await page.textContent('#b p.live'), /^Sorted by GDP per capita, smallest first$/);
    assert.equal(await page.textContent('#a p.live'), '', 'nothing announced on A');

    // Pin the first bar of A with the keyboard: B keeps its view.
    const bAfter = await canvasHash(page, B);
    await page.focus(A);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.match(await page.textContent('#a p.live'), /^已标记 王屯村，第 1 名$/);
    assert.equal(await canvasHash(page, B), bAfter, 'chart B unchanged by a pin on A');
    assert.match(await page.textContent('#b p.live'), /^Sorted by/);

    // Each chart's words are in its own language.
    const bText = await page.$eval('#b figure', (f) => f.textContent);
    assert.doesNotMatch(bText, /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/, 'no Chinese in the English chart');
    assert.match(bText, /Show data table/);
    const aButtons = await page.$$eval('#a figure button', (bs) => bs.map((b) => b.textContent).join(' '));
    assert.doesNotMatch(aButtons, /[A-Za-z]{3,}(?<!PNG|SVG)\b/, 'no English words on the Chinese chart\'s buttons');
    assert.deepEqual(await page.evaluate(() => window.__errors), []);
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});
