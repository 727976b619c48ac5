// 3. A file chosen in the file input replaces the charts; a ranking of more
// than 15 villages gets a "show all" button that makes the chart taller.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, chooseFile, chartTexts, waitForCaption, rankingDataset, canvasStats } from './helpers.mjs';

after(closeBrowser);

test('a chosen file replaces the charts; show-all grows the ranking', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    // Absent, or present but hidden: either way a reader sees no such button.
    assert.equal(await page.locator('#charts button.show-all').filter({ visible: true }).count(), 0,
      'the 7-village sample shows no show-all button');

    await chooseFile(page, 'villages.json', rankingDataset({ n: 20, first: '张庄村', title: '二十个村' }));
    await waitForCaption(page, 'ranking', '二十个村：村集体经济收入');

    const charts = await chartTexts(page);
    assert.deepEqual(charts.map((c) => c.kind), ['chart-ranking'], 'the trend of the sample is gone');
    assert.ok(charts[0].cells.includes('张庄村'), 'the Chinese village name is in the table');
    assert.ok(charts[0].cells.includes('300,000 元'));
    assert.ok(charts[0].cells.includes('Village 19'), 'all 20 villages are in the table');
    assert.ok(!charts[0].table.includes('王屯村'), 'nothing of the sample is left in the table');
    assert.match(charts[0].label, /张庄村的村集体经济收入在 20 个村中排第一，为 300,000 元/);
    assert.equal(await page.textContent('#dataset-title'), '测试数据集');
    assert.equal(await page.textContent('#dataset-label'), '文件：villages.json');
    assert.equal(await page.$eval('#alert', (a) => a.hidden), true);
    // The input is cleared so that choosing the same file again reloads it.
    assert.equal(await page.$eval('#file-input', (i) => i.value), '');

    const button = page.locator('#charts figure.chart-ranking button.show-all');
    assert.equal(await button.count(), 1, 'a ranking of 20 villages has a show-all button');
    assert.equal(await button.isVisible(), true, 'and it is visible');
    const offer = await button.textContent();
    assert.match(offer, /显示全部/);
    const before = await canvasStats(page, '#charts figure.chart-ranking canvas.base');
    await button.click();
    const after = await canvasStats(page, '#charts figure.chart-ranking canvas.base');
    assert.ok(after.cssHeight > before.cssHeight + 4 * 20,
      `show-all makes room for 5 more rows: ${before.cssHeight} → ${after.cssHeight} CSS px`);
    assert.ok(after.height > before.height, `backing store grows too: ${before.height} → ${after.height}`);
    assert.ok(after.nonWhite > 0.08, 'the taller canvas is drawn');
    assert.notEqual(await button.textContent(), offer, 'the button now offers to go back');
    await button.click();
    const back = await canvasStats(page, '#charts figure.chart-ranking canvas.base');
    assert.equal(back.cssHeight, before.cssHeight, 'clicking again returns to the top 15');

    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});
