// 5. A bad file is reported in #alert with the core's exact message, and the
// charts already shown stay; a good file afterwards clears the alert.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, chooseFile, dropFile, chartTexts, waitForCaption, canvasStats, rankingDataset } from './helpers.mjs';

after(closeBrowser);

async function waitForAlert(page, previous = '') {
  await page.waitForFunction(
    (previous) => {
      const a = document.getElementById('alert');
      return !a.hidden && a.textContent !== '' && a.textContent !== previous;
    },
    previous,
    { timeout: 5_000 },
  );
  return page.$eval('#alert', (a) => ({ text: a.textContent, role: a.getAttribute('role'), hidden: a.hidden, shown: a.offsetHeight > 0 }));
}

/* Marks the figures on screen so that we can tell whether they were replaced. */
function markFigures(page) {
  return page.evaluate(() => document.querySelectorAll('#charts figure').forEach((f) => { f.__kept = true; }));
}
function figuresKept(page) {
  return page.evaluate(() => {
    const figures = Array.from(document.querySelectorAll('#charts figure'));
    return figures.length > 0 && figures.every((f) => f.__kept === true);
  });
}

test('a wrong value gives the exact message and keeps the charts; a good file clears it', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const before = await chartTexts(page);
    const trendBefore = await canvasStats(page, '#charts figure.chart-trend canvas.base');
    await markFigures(page);

    await chooseFile(page, 'bad.json', '{"trend":[[2013,"3.1%"]]}');
    const alert = await waitForAlert(page);
    assert.equal(alert.text, '无法载入 “bad.json”：trend[0][1]：应为数字，实为字符串 "3.1%"');
    assert.equal(alert.role, 'alert');
    assert.ok(alert.shown, 'the alert is visible');

    assert.deepEqual(await chartTexts(page), before, 'captions, summaries and tables are unchanged');
    assert.ok(await figuresKept(page), 'the same figures are still in the page');
    const trendAfter = await canvasStats(page, '#charts figure.chart-trend canvas.base');
    assert.ok(trendAfter.nonWhite > 0.02, 'the trend canvas is still drawn');
    assert.equal(trendAfter.nonWhite, trendBefore.nonWhite, 'and unchanged');
    assert.equal(await page.getAttribute('html', 'data-heluo'), 'ready');

    await chooseFile(page, 'good.json', rankingDataset({ n: 5, title: '好文件' }));
    await waitForCaption(page, 'ranking', '好文件：村集体经济收入');
    const cleared = await page.$eval('#alert', (a) => ({ hidden: a.hidden, text: a.textContent, height: a.offsetHeight }));
    assert.deepEqual(cleared, { hidden: true, text: '', height: 0 }, 'a good file clears the alert');

    // The only console output expected is none: a data error is the user's, not the page's.
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('invalid JSON names the line and column; a dropped bad file is reported too', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const before = await chartTexts(page);
    await chooseFile(page, 'syntax.json', '{\n  "trend": [[2013, 3.1],]\n}');
    const first = await waitForAlert(page);
    assert.match(first.text, /^无法载入 “syntax\.json”：/);
    assert.match(first.text, /第 2 行第 \d+ 列/, first.text);
    assert.deepEqual(await chartTexts(page), before);

    await dropFile(page, 'empty.json', '   ');
    const second = await waitForAlert(page, first.text);
    assert.match(second.text, /^无法载入 “empty\.json”：文件是空的/);
    assert.deepEqual(await chartTexts(page), before);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
