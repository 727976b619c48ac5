// Interaction: the ranking's sort order and its group filter (buttons under
// the chart, and the group legend drawn in the canvas).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, canvasSize, rankingRows, hoverAt, clickAt, topmostColorBox, readTable,
} from './helpers.mjs';

after(closeBrowser);

const BASE = inFigure('ranking', 'canvas.base');
const BY_INCOME = ['王屯村', '夏庄村', '皂角树村', '大西村', '溢坡村', '王山村', '分金沟村'];

// Rows are read by hit-testing the final layout, so a running re-sort
// animation does not change what they say.
const names = (rows) => rows.map((r) => r.heading.replace(/^第 \d+ 名 · /, ''));

function groupButtons(page) {
  return page.$$eval(inFigure('ranking', 'button.group-filter'), (bs) =>
    bs.map((b) => [b.textContent, b.getAttribute('aria-pressed')]));
}

test('sort order: smallest first puts 分金沟村 on top; the button flips', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const order = inFigure('ranking', 'button.sort-order');
    assert.equal(await page.textContent(order), '从大到小 ↓');
    assert.deepEqual(names(await rankingRows(page)), BY_INCOME);

    await page.click(order);
    assert.equal(await page.textContent(order), '从小到大 ↑');
    const rows = await rankingRows(page);
    assert.deepEqual(names(rows), [...BY_INCOME].reverse());
    const { width } = await canvasSize(page, 'ranking');
    const tip = await hoverAt(page, 'ranking', width * 0.5, rows[0].y);
    assert.equal(tip.heading, '第 1 名 · 分金沟村', 'ranks count from the top in the chosen order');
    assert.ok(tip.text.includes('35,000 元'), tip.text);
    const firstCell = (await readTable(page, 'ranking')).rows[0][1];
    assert.equal(firstCell, '分金沟村', 'the table follows the order');

    await page.click(order);
    assert.equal(await page.textContent(order), '从大到小 ↓');
    assert.deepEqual(names(await rankingRows(page)), BY_INCOME);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('group filter: 李楼镇 leaves only 夏庄村; clicking again restores all 7', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    assert.deepEqual(await groupButtons(page),
      [['科技园街道', 'false'], ['李楼镇', 'false'], ['未分组', 'false']]);
    const full = await canvasSize(page, 'ranking');
    const lilou = page.locator(inFigure('ranking', 'button.group-filter')).filter({ hasText: '李楼镇' });

    await lilou.click();
    assert.deepEqual(await groupButtons(page),
      [['科技园街道', 'false'], ['李楼镇', 'true'], ['未分组', 'false']]);
    let rows = await rankingRows(page);
    assert.deepEqual(rows.map((r) => r.heading), ['第 1 名 · 夏庄村']);
    const tip = await hoverAt(page, 'ranking', full.width * 0.5, rows[0].y);
    assert.equal(tip.heading, '第 1 名 · 夏庄村');
    await page.mouse.move(1, 1);
    const filtered = await canvasSize(page, 'ranking');
    assert.equal(full.height - filtered.height, 6 * 26, 'six rows fewer');

    await lilou.click();
    assert.equal((await groupButtons(page))[1][1], 'false');
    rows = await rankingRows(page);
    assert.deepEqual(names(rows), BY_INCOME, 'all 7 villages are back');
    assert.equal((await canvasSize(page, 'ranking')).height, full.height);

    // The other groups, including villages without one.
    await page.locator(inFigure('ranking', 'button.group-filter')).filter({ hasText: '科技园街道' }).click();
    assert.deepEqual(names(await rankingRows(page)), ['王屯村', '溢坡村']);
    await page.locator(inFigure('ranking', 'button.group-filter')).filter({ hasText: '未分组' }).click();
    assert.deepEqual(await groupButtons(page),
      [['科技园街道', 'false'], ['李楼镇', 'false'], ['未分组', 'true']], 'one filter at a time');
    assert.deepEqual(names(await rankingRows(page)), ['皂角树村', '大西村', '王山村', '分金沟村']);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('the group legend in the canvas filters too', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    // 李楼镇's colour is the palette's third, #00a5ab; its swatch is the topmost teal.
    const swatch = await topmostColorBox(page, BASE, [0x00, 0xa5, 0xab]);
    assert.ok(swatch && swatch.w <= 14 && swatch.h <= 14, `a swatch: ${JSON.stringify(swatch)}`);
    await clickAt(page, 'ranking', swatch.cx + 20, swatch.cy);
    assert.equal((await groupButtons(page))[1][1], 'true', 'the 李楼镇 button shows the filter');
    assert.deepEqual(names(await rankingRows(page)), ['夏庄村']);
    await clickAt(page, 'ranking', swatch.cx + 20, swatch.cy);
    assert.equal((await groupButtons(page))[1][1], 'false');
    assert.deepEqual(names(await rankingRows(page)), BY_INCOME);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
