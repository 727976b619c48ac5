// 4. A file dropped anywhere on the page loads it; body.dragging marks the drag.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, dropFile, chartTexts, waitForCaption, trendDataset, canvasStats, RED } from './helpers.mjs';

after(closeBrowser);

test('dropping a file on the page loads it', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    assert.equal(await page.$eval('body', (b) => b.classList.contains('dragging')), false);
    const result = await dropFile(page, 'drop.json', trendDataset({ title: '拖进来的趋势', name: '嵩县' }));
    assert.equal(result.draggingAfterEnter, true, 'body.dragging is set on dragenter');
    assert.equal(result.enterPrevented, true, 'dragenter is accepted (preventDefault)');
    assert.equal(result.overPrevented, true, 'dragover is accepted, so the browser allows the drop');
    assert.equal(result.dropPrevented, true, 'drop is handled, so the browser does not open the file');
    assert.equal(result.draggingAfterDrop, false, 'the highlight goes after the drop');

    await waitForCaption(page, 'trend', '拖进来的趋势');
    const charts = await chartTexts(page);
    assert.deepEqual(charts.map((c) => c.kind), ['chart-trend']);
    assert.ok(charts[0].cells.includes('4.25%'), `table: ${charts[0].table}`);
    assert.ok(charts[0].table.includes('嵩县'));
    assert.equal(await page.textContent('#dataset-label'), '文件：drop.json');
    const stats = await canvasStats(page, '#charts figure.chart-trend canvas.base', { red: RED });
    assert.ok(stats.nonWhite > 0.02 && stats.counts.red > 50, 'the dropped trend is drawn, its one series in red');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('dragging in and out again removes the highlight', async () => {
  const p = await openPage('file');
  try {
    const state = await p.page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['{}'], 'x.json', { type: 'application/json' }));
      const fire = (type, target) => target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      const states = [];
      fire('dragenter', document.body);
      fire('dragenter', document.querySelector('#charts')); // into a child
      fire('dragleave', document.body);
      states.push(document.body.classList.contains('dragging'));
      fire('dragleave', document.querySelector('#charts'));
      states.push(document.body.classList.contains('dragging'));
      return states;
    });
    assert.deepEqual(state, [true, false], 'highlight stays while over a child, goes when the drag leaves the page');
  } finally {
    await p.close();
  }
});
