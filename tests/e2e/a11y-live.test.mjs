// Accessibility (issue 9): what a screen reader hears. Every change to a live
// region ([aria-live], role=status, role=alert) is recorded by a
// MutationObserver (helpers: recordAnnouncements) through a reader's session:
// load a file, hover (says nothing), arrow keys (one announcement per key, in
// the chart's own region only), Enter pins ("已标记 … 第 N 名"), metric
// switch, sort, group filter, show all, zoom by "+" and by the button. No
// table, tooltip or control is inside a live region.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  openPage, closeBrowser, inFigure, chooseFile, rankingDataset, canvasSize, hoverAt, rankingRows,
  recordAnnouncements, takeAnnouncements, tooltipOf, ROOT,
} from './helpers.mjs';

after(closeBrowser);

const LUOLONG = readFileSync(join(ROOT, 'www', 'data', 'luolong.json'), 'utf8');

/** Non-empty announcements (an emptied region says nothing). */
const said = (entries) => entries.filter((e) => e.text.trim() !== '');
const show = (entries) => JSON.stringify(entries.map((e) => `${e.region}: ${e.text}`));

/** Runs `action`, then returns what was announced (non-empty), asserting none was inserted with text. */
async function announced(page, action) {
  await takeAnnouncements(page);
  await action();
  // Let any frame-driven update land (a re-sort animates; announcements do not wait for it).
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const all = await takeAnnouncements(page);
  assert.deepEqual(all.filter((e) => e.inserted && e.text.trim()), [], `a live region was inserted with text in it: ${show(all)}`);
  return said(all);
}

/** Asserts `action` makes exactly one announcement, in `region`, and returns its text. */
async function one(page, region, action, what) {
  const got = await announced(page, action);
  assert.equal(got.length, 1, `${what}: exactly one announcement, got ${show(got)}`);
  assert.equal(got[0].region, region, `${what}: announced in the ${region} region: ${show(got)}`);
  return got[0].text;
}

/** The live regions of the page, and what is inside them. */
function liveRegions(page) {
  return page.evaluate(() => {
    const SELECTOR = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
    return Array.from(document.querySelectorAll(SELECTOR)).map((r) => ({
      where: r.id || (r.closest('figure.chart') ? r.closest('figure.chart').className + ' ' + r.className : r.className),
      live: r.getAttribute('aria-live'),
      role: r.getAttribute('role'),
      inside: Array.from(r.querySelectorAll('table, .tooltip, [role=tooltip], button, select, input, textarea, canvas, a, figure, details'))
        .map((n) => n.tagName.toLowerCase() + (n.className ? '.' + n.className : '')),
      nested: !!r.parentElement.closest(SELECTOR),
    }));
  });
}

test('live regions: one per chart, the page status and the alert; no table, tooltip or control inside one', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    // A shown table and a tooltip: still outside every live region.
    await page.click(inFigure('ranking', 'button.show-table'));
    const { width, height } = await canvasSize(page, 'trend');
    assert.equal((await hoverAt(page, 'trend', width * 0.5, height * 0.5)).visible, true);
    const regions = await liveRegions(page);
    assert.deepEqual(regions.map((r) => r.where).sort(), [
      'alert',
      'chart chart-ranking search-status',
      'chart chart-ranking sr-only live',
      'chart chart-trend sr-only live',
      // The import panel's error line (it says why a correction failed).
      'import-error',
      'page-status',
    ]);
    for (const r of regions) {
      assert.deepEqual(r.inside, [], `nothing interactive or tabular inside ${r.where}`);
      assert.equal(r.nested, false, `${r.where} is not inside another live region`);
      if (r.role !== 'alert') assert.equal(r.live === 'polite' || (r.live === null && r.role === 'status'), true, `${r.where} is polite`);
    }
    assert.equal(await page.$eval('#dataset', (m) => m.getAttribute('aria-live')), null, '<main> is not a live region');
    assert.equal(await page.$eval('#charts', (c) => c.closest('[aria-live]')), null, 'the charts are not in a live region');
  } finally {
    await p.close();
  }
});

test('announcements: load, hover, keys, pin, metric, sort, filter, zoom', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await recordAnnouncements(page);

    // Load a file: the page says once what it holds; the charts' regions start empty.
    let got = await announced(page, async () => {
      await chooseFile(page, 'luolong.json', LUOLONG);
      await page.waitForFunction(() => document.getElementById('dataset-label').textContent.includes('luolong.json'));
    });
    assert.deepEqual(got, [{ region: 'page-status', text: '已载入“洛阳市洛龙区脱贫攻坚”：折线图和条形图', inserted: false }], show(got));
    assert.equal(await page.textContent(inFigure('trend', 'p.live')), '');
    assert.equal(await page.textContent(inFigure('ranking', 'p.live')), '');

    // Hover: tooltips show, nothing is said, no live region even changes.
    await takeAnnouncements(page);
    const t = await canvasSize(page, 'trend');
    let tips = 0;
    for (let i = 1; i <= 12; i++) {
      const tip = await hoverAt(page, 'trend', (t.width * i) / 13, t.height * 0.5);
      if (tip.visible) tips++;
    }
    const rows = await rankingRows(page);
    const r = await canvasSize(page, 'ranking');
    for (const row of rows) if ((await hoverAt(page, 'ranking', r.width * 0.5, row.y)).visible) tips++;
    await page.mouse.move(1, 1);
    assert.ok(tips >= 12, `the pointer showed tooltips (${tips})`);
    let all = await takeAnnouncements(page);
    assert.deepEqual(all, [], `hovering announces nothing: ${show(all)}`);

    // Trend keys: one announcement per key, in the trend's region only.
    await page.focus(inFigure('trend', 'canvas.base'));
    all = await takeAnnouncements(page);
    assert.deepEqual(said(all), [], `focusing the canvas announces nothing: ${show(all)}`);
    const trendKeys = [
      ['ArrowRight', /^2012年：(洛龙区 无数据，)?全国农村 10\.2%$/],
      ['ArrowRight', /^2013年：洛龙区 3\.12%，全国农村 8\.5%$/],
      ['ArrowRight', /^2014年：/],
      ['End', /^2019年：洛龙区 0\.36%，全国农村 0\.6%$/],
      ['ArrowLeft', /^2018年：/],
      ['Home', /^2012年：/],
    ];
    for (const [key, words] of trendKeys) {
      const text = await one(page, 'trend', () => page.keyboard.press(key), `trend ${key}`);
      assert.match(text, words, `trend ${key}`);
      assert.equal((await tooltipOf(page, 'trend')).visible, true, 'the tooltip shows what is said');
    }
    // Zoom by key, out, reset.
    assert.match(await one(page, 'trend', () => page.keyboard.press('+'), 'trend +'), /^已放大到 \d{4}–\d{4} 年$/);
    assert.match(await one(page, 'trend', () => page.keyboard.press('-'), 'trend -'), /^已放大到 \d{4}–\d{4} 年$|^已显示全部年份$/);
    await page.keyboard.press('+');
    assert.equal(await one(page, 'trend', () => page.keyboard.press('0'), 'trend 0'), '已显示全部年份');
    // Escape hides the tooltip and says nothing.
    got = await announced(page, () => page.keyboard.press('Escape'));
    assert.deepEqual(got, [], `Escape says nothing: ${show(got)}`);
    assert.equal((await tooltipOf(page, 'trend')).visible, false);

    // Ranking keys: one announcement per key; a missing value is said to be missing.
    await page.focus(inFigure('ranking', 'canvas.base'));
    const rankingKeys = [
      /^第 1 名 · 王屯村：镇\/街道 科技园街道，村集体经济收入 200,000 元，户均分红 2,000 元$/,
      /^第 2 名 · 夏庄村：镇\/街道 李楼镇，村集体经济收入 168,000 元，户均分红 1,200 元$/,
      /^第 3 名 · 皂角树村：/,
      /^第 4 名 · 大西村：.*村集体经济收入 96,000 元，户均分红 无数据$/,
    ];
    for (const words of rankingKeys) {
      assert.match(await one(page, 'ranking', () => page.keyboard.press('ArrowDown'), 'ranking ↓'), words);
    }
    // Enter pins and says so, with the rank; Enter again unpins.
    assert.equal(await one(page, 'ranking', () => page.keyboard.press('Enter'), 'Enter'), '已标记 大西村，第 4 名');
    assert.equal(await one(page, 'ranking', () => page.keyboard.press('Enter'), 'Enter again'), '已取消标记 大西村');
    await page.keyboard.press('ArrowUp');
    assert.match(await one(page, 'ranking', () => page.keyboard.press('Enter'), 'Enter on 皂角树村'), /^已标记 皂角树村，第 3 名$/);

    // Metric switch, sort, group filter: one announcement each, in the ranking's region.
    assert.equal(await one(page, 'ranking',
      () => page.selectOption(inFigure('ranking', 'select.metric-select'), { label: '户均分红' }), 'metric'),
    '按户均分红从大到小排序');
    assert.equal(await one(page, 'ranking', () => page.click(inFigure('ranking', 'button.sort-order')), 'sort'),
      '按户均分红从小到大排序');
    const lilou = page.locator(inFigure('ranking', 'button.group-filter')).filter({ hasText: '李楼镇' });
    assert.equal(await one(page, 'ranking', () => lilou.click(), 'group filter'), '只显示李楼镇，1 个村');
    assert.match(await one(page, 'ranking', () => lilou.click(), 'group filter off'), /^显示所有分组，\d+ 个村$/);
    assert.equal(await one(page, 'ranking',
      () => page.selectOption(inFigure('ranking', 'select.metric-select'), { label: '村集体经济收入' }), 'metric back'),
    '按村集体经济收入从小到大排序');

    // Zoom by the buttons.
    assert.match(await one(page, 'trend', () => page.click(inFigure('trend', 'button.zoom-in')), 'zoom button'), /^已放大到 \d{4}–\d{4} 年$/);
    assert.equal(await one(page, 'trend', () => page.click(inFigure('trend', 'button.reset-zoom')), 'reset button'), '已显示全部年份');

    // Showing a table or typing a search moves no live region.
    got = await announced(page, () => page.click(inFigure('ranking', 'button.show-table')));
    assert.deepEqual(got, [], show(got));
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('announcements: show all and back on 40 villages; a pin beyond the top 15', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await recordAnnouncements(page);
    const got = await announced(page, async () => {
      await chooseFile(page, 'forty.json', rankingDataset({ n: 40 }));
      await page.waitForFunction(() => document.getElementById('dataset-title').textContent === '测试数据集');
    });
    assert.deepEqual(got.map((e) => [e.region, e.text]), [['page-status', '已载入“测试数据集”：条形图']]);
    assert.equal(await one(page, 'ranking', () => page.click(inFigure('ranking', 'button.show-all')), 'show all'), '显示全部 40 个村');
    assert.equal(await one(page, 'ranking', () => page.click(inFigure('ranking', 'button.show-all')), 'show top'), '显示前 15 名，共 40 个村');
    await page.focus(inFigure('ranking', 'canvas.base'));
    assert.match(await one(page, 'ranking', () => page.keyboard.press('End'), 'End'), /^第 15 名 · Village 14：村集体经济收入 160,000 元$/);
    assert.equal(await one(page, 'ranking', () => page.keyboard.press('Enter'), 'Enter'), '已标记 Village 14，第 15 名');
    const input = page.locator(inFigure('ranking', 'form.village-search input[type=search]'));
    await input.fill('Village 30');
    assert.equal(await one(page, 'ranking', () => input.press('Enter'), 'search pin'), '已标记 Village 30，第 31 名');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('announcements: an error is said once, by the alert; the charts stay silent', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await recordAnnouncements(page);
    const got = await announced(page, async () => {
      await chooseFile(page, 'broken.json', '{"trend": [');
      await page.waitForSelector('#alert:not([hidden])');
    });
    assert.equal(got.length, 1, show(got));
    assert.equal(got[0].region, 'alert');
    assert.match(got[0].text, /^无法载入 “broken\.json”/);
  } finally {
    await p.close();
  }
});

test('announcements: a missing value in the trend is said to be missing (无数据)', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await recordAnnouncements(page);
    await chooseFile(page, 'gap.json', JSON.stringify({
      title: '缺值',
      trend: {
        title: '贫困发生率', unit: '%',
        series: [
          { name: '甲区', points: [[2013, 3], [2014, null], [2015, 2]] },
          { name: '乙区', points: [[2013, 4], [2014, 3], [2015, 1]] },
        ],
      },
    }));
    await page.waitForFunction(() => document.getElementById('dataset-title').textContent === '缺值');
    await page.focus(inFigure('trend', 'canvas.base'));
    assert.equal(await one(page, 'trend', () => page.keyboard.press('ArrowRight'), '2013'), '2013年：甲区 3%，乙区 4%');
    assert.equal(await one(page, 'trend', () => page.keyboard.press('ArrowRight'), '2014'), '2014年：甲区 无数据，乙区 3%');
  } finally {
    await p.close();
  }
});
