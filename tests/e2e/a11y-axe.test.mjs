// Accessibility (issue 9): axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA
// rules on every state the other e2e tests reach: as loaded, tooltips (trend
// and ranking, by pointer and by keys), keyboard focus on a canvas with its
// key help, a pin, a metric switch, a group filter, the order flipped, a
// search, "show all", a zoomed trend, a hidden series, data tables shown, an
// error alert, an English dataset, the embed panel open. Zero violations.
//
// axe sees the DOM only, not what a canvas draws: the canvas' colours are
// checked by the native theme test.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, chooseFile, rankingDataset, canvasSize, hoverAt, rankingRows,
  englishDataset, runAxe, twoFrames,
} from './helpers.mjs';

after(closeBrowser);

/** Runs axe in the state `name` and asserts no violation; returns how many states were checked. */
async function expectClean(page, name, seen) {
  await twoFrames(page);
  const violations = await runAxe(page);
  const text = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target}: ${n.summary.replace(/\n/g, ' ')}\n      ${n.html}`).join('\n')).join('\n  ');
  seen.push(name);
  assert.equal(violations.length, 0, `${name}: ${violations.length} axe violation(s):\n  ${text}`);
}

test('axe: the sample page in every state a reader can reach', async () => {
  const p = await openPage('file');
  const { page } = p;
  const seen = [];
  try {
    await expectClean(page, 'as loaded', seen);

    // Tooltips by the pointer.
    const t = await canvasSize(page, 'trend');
    assert.equal((await hoverAt(page, 'trend', t.width * 0.5, t.height * 0.5)).visible, true);
    await expectClean(page, 'trend tooltip (pointer)', seen);
    const rows = await rankingRows(page);
    const r = await canvasSize(page, 'ranking');
    assert.equal((await hoverAt(page, 'ranking', r.width * 0.5, rows[1].y)).visible, true);
    await expectClean(page, 'ranking tooltip (pointer)', seen);
    await page.mouse.move(1, 1);

    // Keyboard focus on the trend: key help shown, tooltip by keys.
    await page.focus(inFigure('trend', 'canvas.base'));
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.$eval(inFigure('trend', '.keys-help'), (k) => getComputedStyle(k).visibility), 'visible');
    await expectClean(page, 'trend focused by keys, tooltip shown', seen);

    // Zoom by key and by button, then a series hidden.
    await page.keyboard.press('+');
    await page.click(inFigure('trend', 'button.zoom-in'));
    await expectClean(page, 'trend zoomed', seen);
    await page.click(inFigure('trend', 'button.reset-zoom'));
    await page.locator(inFigure('trend', 'button.legend-toggle')).first().click();
    await expectClean(page, 'trend series hidden', seen);
    await page.locator(inFigure('trend', 'button.legend-toggle')).first().click();

    // Ranking: focus, a pin by Enter.
    await page.focus(inFigure('ranking', 'canvas.base'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectClean(page, 'ranking pinned by Enter', seen);
    await page.keyboard.press('Escape');

    // Metric, order, group filter, search.
    await page.selectOption(inFigure('ranking', 'select.metric-select'), { label: '户均分红' });
    await expectClean(page, 'metric switched', seen);
    await page.click(inFigure('ranking', 'button.sort-order'));
    await expectClean(page, 'order flipped', seen);
    await page.locator(inFigure('ranking', 'button.group-filter')).filter({ hasText: '李楼镇' }).click();
    await expectClean(page, 'group filter', seen);
    await page.locator(inFigure('ranking', 'button.group-filter')).filter({ hasText: '李楼镇' }).click();
    const input = page.locator(inFigure('ranking', 'form.village-search input[type=search]'));
    await input.fill('王');
    await expectClean(page, 'search typed', seen);
    await input.press('Enter');
    await expectClean(page, 'search pinned', seen);

    // Both data tables shown.
    await page.click(inFigure('trend', 'button.show-table'));
    await page.click(inFigure('ranking', 'button.show-table'));
    await expectClean(page, 'data tables shown', seen);

    // The embed panel open.
    if (await page.$('#embed-panel')) {
      await page.click('#embed-panel summary');
      await expectClean(page, 'embed panel open', seen);
    }

    // An error alert (the charts stay).
    await chooseFile(page, 'broken.json', '{"trend": [');
    await page.waitForSelector('#alert:not([hidden])');
    await expectClean(page, 'error alert', seen);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
  assert.ok(seen.length >= 15, seen.join(', '));
});

test('axe: "show all" on 40 villages, pinned beyond the top 15, table shown', async () => {
  const p = await openPage('file');
  const { page } = p;
  const seen = [];
  try {
    await chooseFile(page, 'forty.json', rankingDataset({ n: 40 }));
    await page.waitForFunction(() => document.getElementById('dataset-title').textContent === '测试数据集');
    await expectClean(page, '40 villages, top 15', seen);
    await page.click(inFigure('ranking', 'button.show-all'));
    await expectClean(page, 'show all', seen);
    await page.click(inFigure('ranking', 'button.show-all'));
    const input = page.locator(inFigure('ranking', 'form.village-search input[type=search]'));
    await input.fill('Village 30');
    await input.press('Enter');
    await page.click(inFigure('ranking', 'button.show-table'));
    await expectClean(page, 'pinned beyond the top 15, table shown', seen);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('axe: 150 lines, one searched and highlighted (its button shown), and a line hovered by keys', async () => {
  const p = await openPage('file', { viewport: { width: 900, height: 1200 } });
  const { page } = p;
  const seen = [];
  try {
    const series = [];
    for (let i = 0; i < 150; i++) series.push({ name: `区县${i}`, points: [[2013, 2 + i / 10], [2019, 0.5 + i / 30]] });
    await chooseFile(page, 'counties.json', JSON.stringify({ title: '一百五十个区县', trend: { title: '贫困发生率', unit: '%', series } }));
    await page.waitForFunction(() => document.getElementById('dataset-title').textContent === '一百五十个区县');
    await expectClean(page, '150 lines', seen);
    const input = page.locator(inFigure('trend', 'form.village-search input[type=search]'));
    await input.fill('区县42');
    await input.press('Enter');
    assert.equal(await page.locator(inFigure('trend', 'button.highlight-toggle')).count(), 1);
    await expectClean(page, 'a line highlighted, its button shown', seen);
    await page.focus(inFigure('trend', 'canvas.base'));
    await page.keyboard.press('ArrowDown');
    await expectClean(page, 'a line stepped to by keys', seen);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('axe: an English dataset, and the language switch', async () => {
  const p = await openPage('file');
  const { page } = p;
  const seen = [];
  try {
    await chooseFile(page, 'english.json', englishDataset({ n: 12 }));
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expectClean(page, 'English dataset', seen);
    const t = await canvasSize(page, 'trend');
    await hoverAt(page, 'trend', t.width * 0.5, t.height * 0.5);
    await page.click(inFigure('ranking', 'button.show-table'));
    await expectClean(page, 'English: tooltip and table', seen);
    await chooseFile(page, 'broken.json', '{"ranking": {"metrics": 3}}');
    await page.waitForSelector('#alert:not([hidden])');
    await expectClean(page, 'English: error alert', seen);
    await page.selectOption('#lang-select', 'zh-CN');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await expectClean(page, 'switched to Chinese', seen);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('axe: at 320 px with tables shown', async () => {
  const p = await openPage('file', { viewport: { width: 320, height: 640 } });
  const { page } = p;
  const seen = [];
  try {
    await expectClean(page, '320 px', seen);
    await page.click(inFigure('trend', 'button.show-table'));
    await page.click(inFigure('ranking', 'button.show-table'));
    await expectClean(page, '320 px, tables shown', seen);
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(await p.violations(), [], 'running axe broke no CSP rule');
  } finally {
    await p.close();
  }
});
