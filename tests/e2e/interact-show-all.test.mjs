// Interaction: a ranking of 40 villages. "Show all" adds the 25 beyond the
// top 15; the search box finds a village by part of its Chinese name, pins it
// (it joins the top 15 as an extra row, with its true rank) and scrolls to it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, chooseFile, waitForCaption, canvasSize, rankingRows, liveText,
} from './helpers.mjs';

after(closeBrowser);

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章';
const PLACES = ['庄', '洼', '沟', '营', '寨'];
const nameOf = (i) => `${SURNAMES[i]}家${PLACES[i % PLACES.length]}村`;
/** 40 villages, 赵家庄村 400,000 元 down to 章家寨村 205,000 元, in rank order. */
function fortyVillages() {
  const villages = Array.from(SURNAMES, (s, i) => ({
    name: nameOf(i),
    values: { income: 400000 - i * 5000 },
  }));
  return JSON.stringify({
    title: '四十个村',
    locale: 'zh-CN',
    ranking: { title: '四十个村', metrics: [{ key: 'income', label: '村集体经济收入', unit: '元' }], villages },
  });
}

function showAll(page) {
  return page.$eval(inFigure('ranking', 'button.show-all'), (b) => ({ hidden: b.hidden, visible: b.offsetWidth > 0, text: b.textContent }));
}

test('show all grows the chart by 25 rows; search pins 魏家寨村 and scrolls to it', async () => {
  // Short enough that the page must scroll to reach a row below the top 15.
  const p = await openPage('file', { viewport: { width: 900, height: 560 } });
  const { page } = p;
  try {
    assert.equal(SURNAMES.length, 40);
    await chooseFile(page, 'forty.json', fortyVillages());
    await waitForCaption(page, 'ranking', '四十个村：村集体经济收入');

    assert.deepEqual(await showAll(page), { hidden: false, visible: true, text: '显示全部（另有 25 个村）' });
    const top15 = await canvasSize(page, 'ranking');
    let rows = await rankingRows(page);
    assert.equal(rows.length, 15);
    assert.equal(rows[0].heading, '第 1 名 · 赵家庄村');

    await page.click(inFigure('ranking', 'button.show-all'));
    const all = await canvasSize(page, 'ranking');
    assert.equal(all.height - top15.height, 25 * 26, `25 rows of 26 px: ${top15.height} → ${all.height}`);
    assert.equal(all.backingHeight, Math.round(all.height * all.dpr), 'the backing store follows');
    assert.equal((await showAll(page)).text, '只显示前 15 名');
    rows = await rankingRows(page);
    assert.equal(rows.length, 40);
    assert.equal(rows[39].heading, `第 40 名 · ${nameOf(39)}`);

    await page.click(inFigure('ranking', 'button.show-all'));
    assert.equal((await canvasSize(page, 'ranking')).height, top15.height, 'back to the top 15');
    assert.equal((await showAll(page)).text, '显示全部（另有 25 个村）');

    // Search by part of a name: 魏家 (the 30th) is not among the top 15.
    const wei = SURNAMES.indexOf('魏');
    assert.equal(nameOf(wei), '魏家寨村');
    await page.evaluate(() => window.scrollTo(0, 0));
    const input = page.locator(inFigure('ranking', 'form.village-search input[type=search]'));
    const status = inFigure('ranking', '.search-status');
    await input.fill('魏家');
    assert.equal(await page.textContent(status), '找到 1 个');
    await input.press('Enter');
    assert.equal(await page.textContent(status), '已标记 魏家寨村，第 30 名');
    // Said once: by the search box's status (a live region), not again by the chart's.
    assert.equal(await page.getAttribute(status, 'role'), 'status');
    assert.notEqual(await liveText(page, 'ranking'), '已标记 魏家寨村，第 30 名');
    const pinned = await canvasSize(page, 'ranking');
    assert.equal(pinned.height - top15.height, 26, 'the pinned village is one extra row');
    assert.equal((await showAll(page)).text, '显示全部（另有 24 个村）');
    rows = await rankingRows(page);
    assert.equal(rows.length, 16);
    assert.equal(rows[15].heading, `第 ${wei + 1} 名 · 魏家寨村`, 'the extra row keeps the true rank');

    // The page scrolls (smoothly) to the pinned row.
    await page.waitForFunction(() => window.scrollY > 0, null, { timeout: 3000 });
    let last = -1;
    for (let i = 0; i < 20; i++) {
      const y = await page.evaluate(() => window.scrollY);
      if (y === last) break;
      last = y;
      await page.waitForTimeout(100);
    }
    const seen = await page.$eval(inFigure('ranking', 'canvas.base'), (c, rowY) => {
      const top = c.getBoundingClientRect().top + rowY;
      return { top, inner: window.innerHeight, scrollY: window.scrollY };
    }, rows[15].y);
    assert.ok(seen.scrollY > 0, 'the page scrolled');
    assert.ok(seen.top + seen.scrollY > seen.inner, `unscrolled, the row would be below the fold: ${JSON.stringify(seen)}`);
    assert.ok(seen.top > 0 && seen.top < seen.inner, `the pinned row is in the viewport: ${JSON.stringify(seen)}`);

    // Searching again for the same village keeps one pin; no match says so.
    await page.click(inFigure('ranking', 'button.search-go'));
    assert.equal((await canvasSize(page, 'ranking')).height, pinned.height, 'searching again does not unpin');
    await input.fill('不存在');
    assert.equal(await page.textContent(status), '没有找到');
    await input.press('Enter');
    assert.equal(await page.textContent(status), '没有找到');
    assert.equal((await canvasSize(page, 'ranking')).height, pinned.height);
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('a village found outside the current view is shown, or the status says it is not', {
}, async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.locator(inFigure('ranking', 'button.group-filter')).filter({ hasText: '李楼镇' }).click();
    const input = page.locator(inFigure('ranking', 'form.village-search input[type=search]'));
    await input.fill('王屯');
    await input.press('Enter');
    const status = await page.textContent(inFigure('ranking', '.search-status'));
    const rows = (await rankingRows(page)).map((r) => r.heading);
    assert.ok(rows.some((h) => h.includes('王屯村')) || status !== '已标记 王屯村',
      `status “${status}” while the chart shows ${JSON.stringify(rows)}`);

    // 大西村 has no 户均分红: ranked by it, a pin cannot show it.
    await page.selectOption(inFigure('ranking', 'select.metric-select'), { label: '户均分红' });
    await input.fill('大西');
    await input.press('Enter');
    const status2 = await page.textContent(inFigure('ranking', '.search-status'));
    const rows2 = (await rankingRows(page)).map((r) => r.heading);
    assert.ok(rows2.some((h) => h.includes('大西村')) || status2 !== '已标记 大西村',
      `status “${status2}” while the chart shows ${JSON.stringify(rows2)}`);
  } finally {
    await p.close();
  }
});
