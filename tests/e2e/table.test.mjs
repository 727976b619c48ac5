// 7. Each chart has a data table with the values, hidden visually (sr-only)
// until its button shows it; it is built then (issue 21: a closed table has no
// rows in the DOM), and says how many rows it has (aria-rowcount).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, chartTexts } from './helpers.mjs';

after(closeBrowser);

test('the data tables hold the values and can be shown', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    // Closed, nothing is built (chartTexts opens each table to read it).
    assert.equal(await page.$$eval('#charts table.data', (t) => t.length), 0, 'no table before it is opened');
    const [trend, ranking] = await chartTexts(page);
    assert.ok(trend.cells.includes('3.12%'), `trend table: ${trend.table}`);
    assert.ok(trend.cells.includes('0.36%'));
    assert.ok(trend.cells.includes('2013'));
    assert.ok(ranking.cells.includes('王屯村'), `ranking table: ${ranking.table}`);
    assert.ok(ranking.cells.includes('200,000 元'));
    assert.ok(ranking.cells.includes('分金沟村'), 'the last village too');

    await page.click('#charts figure.chart-trend button.show-table');
    // The row of 2013 reads 3.12% for 洛龙区 and 8.5% for 全国农村.
    const row2013 = await page.$$eval('#charts figure.chart-trend table.data tbody tr[aria-rowindex]', (rows) =>
      rows.map((r) => Array.from(r.cells).map((c) => c.textContent)).find((r) => r[0] === '2013'));
    assert.deepEqual(row2013, ['2013', '3.12%', '8.5%']);
    const heads = await page.$$eval('#charts figure.chart-trend table.data thead th', (ths) => ths.map((t) => [t.textContent, t.scope]));
    assert.deepEqual(heads, [['年份', 'col'], ['洛龙区', 'col'], ['全国农村', 'col']]);
    // A small table is rendered whole, each row with its place.
    const rowCount = await page.$eval('#charts figure.chart-trend table.data', (t) => [t.getAttribute('aria-rowcount'), t.querySelectorAll('tr[aria-rowindex]').length]);
    assert.deepEqual(rowCount, [String(trend.cells.length / 3 + 1), trend.cells.length / 3 + 1]);

    // Hidden visually, but in the accessibility tree, until toggled.
    const box = page.locator('#charts figure.chart-ranking .table-box');
    const button = page.locator('#charts figure.chart-ranking button.show-table');
    assert.equal(await box.evaluate((b) => b.classList.contains('sr-only')), true);
    assert.ok((await box.boundingBox()).height <= 1, 'table box is visually hidden');
    await button.click();
    assert.equal(await box.evaluate((b) => b.classList.contains('sr-only')), false);
    const firstRow = await page.$eval('#charts figure.chart-ranking table.data tbody tr[aria-rowindex="2"]', (r) => Array.from(r.cells).map((c) => c.textContent));
    assert.equal(firstRow[1], '王屯村');
    assert.ok(firstRow.includes('200,000 元'), firstRow.join(' | '));
    const shown = await page.locator('#charts figure.chart-ranking table.data').boundingBox();
    assert.ok(shown.height > 100 && shown.width > 100, `shown table: ${JSON.stringify(shown)}`);
    assert.notEqual(await button.textContent(), '显示数据表');
    await button.click();
    assert.equal(await box.evaluate((b) => b.classList.contains('sr-only')), true, 'the button hides it again');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
