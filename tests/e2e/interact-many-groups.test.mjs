// Interaction: a ranking with a thousand groups. The group menu is a box to
// type in whose suggestions are the first few groups holding the text, so
// the chart's DOM stays small whatever the number of groups; choosing a
// suggestion filters the ranking, and "全部" brings every group back.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, loadAndSettle, inFigure, rankingRows, runAxe } from './helpers.mjs';

after(closeBrowser);

const GROUPS = 1000;
const town = (i) => `镇${String(i % GROUPS).padStart(4, '0')}`;
const villages = Array.from({ length: 3 * GROUPS }, (_, i) => ({
  name: `村${i}`, group: town(i), values: { income: 100000 + i },
}));
const DATA = JSON.stringify({
  title: '千镇', ranking: { metrics: [{ key: 'income', label: '收入', unit: '元' }], villages },
});

const BOX = inFigure('ranking', 'input.group-select');
const suggestions = (page) => page.$eval(BOX, (input) => Array.from(input.list.options, (o) => o.value));
const names = async (page) => (await rankingRows(page)).map((r) => r.heading.replace(/^第 \d+ 名 · /, ''));

test('a thousand groups: a box with a dozen suggestions, not a thousand options', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const loaded = await loadAndSettle(page, 'towns.json', Buffer.from(DATA));
    assert.equal(loaded.outcome, 'loaded', JSON.stringify(loaded));
    const nodes = await page.$eval(inFigure('ranking'), (f) => f.querySelectorAll('*').length);
    assert.ok(nodes < 300, `the ranking's figure holds ${nodes} elements for ${GROUPS} groups`);
    assert.equal(await page.$$eval(inFigure('ranking', 'option'), (o) => o.length) <= 12, true);
    // Labelled, showing the current choice.
    assert.equal(await page.$eval(BOX, (i) => i.labels[0].textContent.trim()), '镇/街道');
    assert.equal(await page.inputValue(BOX), '全部');
    assert.deepEqual(await runAxe(page), [], 'WCAG A/AA: the box is named and its list is well formed');

    // Focused: the first groups are suggested; typing narrows them.
    await page.focus(BOX);
    const first = await suggestions(page);
    assert.equal(first.length, 12);
    assert.deepEqual(first.slice(0, 3), ['全部', '镇0000', '镇0001']);
    await page.keyboard.type('077');
    assert.deepEqual(await suggestions(page), ['镇0077', ...Array.from({ length: 10 }, (_, k) => `镇077${k}`)]);

    // A suggestion taken (the browser puts its text in the box): filtered.
    await page.fill(BOX, '镇0777');
    const shown = await names(page);
    assert.deepEqual(shown.sort(), ['村1777', '村2777', '村777'], 'only 镇0777\'s villages');

    // Left, the box shows the group chosen; a half-typed text is undone.
    await page.keyboard.type('x');
    await page.focus(inFigure('ranking', 'button.sort-order'));
    assert.equal(await page.inputValue(BOX), '镇0777');

    // "全部" brings every group back.
    await page.fill(BOX, '全部');
    assert.equal((await names(page)).length, 15, 'the top 15 of all groups again');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
