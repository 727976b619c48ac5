// Issue 21: a chart's DOM does not grow with its data. The data table is built
// when the reader opens it, and a large one renders only the rows (and, when
// wide, the columns) in its scrolling box: a 3,000-series trend (3,001
// columns) and a 100,000-village ranking (its table stops at 1,000 rows) keep
// at most 1,500 nodes in their <figure> after load, opened, and after the keys
// moved through the table. The table still says its whole size
// (aria-rowcount, aria-colcount), each rendered row its place (aria-rowindex);
// ↓ ↑ PageDown PageUp Home End move the focused row through every row, and
// the row End reaches is the data's last, as the browser's accessibility tree
// shows it too. Printed, an open table prints every row. Data that changes
// while the table is closed builds nothing; open, the table follows it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage, closeBrowser, chooseFile, inFigure, readTable, runAxe } from './helpers.mjs';
import { trendDataset, rankingDataset } from '../bench/gen.mjs';

after(closeBrowser);

const MAX_NODES = 1500;

/** Every node (elements, text, comments) in the figure of `kind`, the figure included. */
function figureNodes(page, kind) {
  return page.$eval(inFigure(kind), (figure) => {
    let count = 1;
    const walker = document.createTreeWalker(figure);
    while (walker.nextNode()) count++;
    return count;
  });
}

async function load(page, name, dataset) {
  await chooseFile(page, name, JSON.stringify(dataset));
  await page.waitForFunction((title) => document.getElementById('dataset-title').textContent === title,
    dataset.title, { timeout: 60_000 });
}

/** The focused element, if a table row: its aria-rowindex and its cells' texts and aria-colindex. */
function focusedRow(page) {
  return page.evaluate(() => {
    const row = document.activeElement;
    if (!row || row.tagName !== 'TR') return null;
    const cells = Array.from(row.cells).filter((c) => c.getAttribute('aria-hidden') !== 'true');
    return {
      index: Number(row.getAttribute('aria-rowindex')),
      cells: cells.map((c) => c.textContent),
      columns: cells.map((c, i) => Number(c.getAttribute('aria-colindex')) || i + 1),
    };
  });
}

/** The focused node of the accessibility tree and its children's names (CDP). */
async function focusedAx(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const focused = nodes.find((n) => !n.ignored && n.role.value !== 'RootWebArea'
      && (n.properties || []).some((p) => p.name === 'focused' && p.value.value));
    const texts = (n) => (n.childIds || []).map((id) => byId.get(id)).filter((c) => c && !c.ignored).map((c) => c.name && c.name.value);
    return focused && { role: focused.role.value, cells: texts(focused) };
  } finally {
    await cdp.detach();
  }
}

/** Moves through the table of `kind` with the keys; checks each step; returns the row End reached. */
async function walkKeys(page, kind, rowCount) {
  await page.focus(inFigure(kind, '.table-box'));
  await page.keyboard.press('ArrowDown');
  assert.equal((await focusedRow(page)).index, 2, 'the first ↓ makes the first data row current');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focusedRow(page)).index, 3);
  await page.keyboard.press('PageDown');
  const paged = (await focusedRow(page)).index;
  assert.ok(paged > 4 || rowCount <= 4, `PageDown moves a page (row ${paged})`);
  await page.keyboard.press('End');
  const end = await focusedRow(page);
  assert.equal(end.index, rowCount, 'End reaches the last row');
  const inView = await page.$eval(inFigure(kind, '.table-box'), (box) => {
    const row = document.activeElement.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return row.top >= b.top - 1 && row.bottom <= b.bottom + 1;
  });
  assert.ok(inView, 'the current row is scrolled into the box');
  assert.ok(await figureNodes(page, kind) <= MAX_NODES, 'at the end too, few nodes');
  const ax = await focusedAx(page);
  assert.equal(ax && ax.role, 'row', 'the accessibility tree has the row focused');
  assert.deepEqual(ax.cells, end.cells, 'its cells are the row\'s');
  await page.keyboard.press('Home');
  assert.equal((await focusedRow(page)).index, 2, 'Home goes back to the first row');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focusedRow(page)).index, 2, '↑ stops at the first row');
  await page.keyboard.press('End');
  return focusedRow(page);
}

test('a 3,000-series trend: at most 1,500 nodes loaded and with its table open; the keys reach 2019', async () => {
  const p = await openPage('file', { viewport: { width: 1280, height: 800 } });
  const { page } = p;
  try {
    const data = trendDataset(3000);
    await load(page, 'trend-3000.json', data);
    const loaded = await figureNodes(page, 'trend');
    assert.ok(loaded <= MAX_NODES, `${loaded} nodes after load`);
    assert.equal(await page.$$eval(inFigure('trend', 'table'), (t) => t.length), 0, 'no table until it is opened');

    await page.click(inFigure('trend', 'button.show-table'));
    const opened = await figureNodes(page, 'trend');
    assert.ok(opened <= MAX_NODES, `${opened} nodes with the table open`);
    const years = data.trend.series[0].points.map((pt) => pt.year);
    const sizes = await page.$eval(inFigure('trend', 'table.data'), (t) => [t.getAttribute('aria-rowcount'), t.getAttribute('aria-colcount')]);
    assert.deepEqual(sizes, [String(years.length + 1), '3001'], 'every year and the header; the year and every series');
    const head = await page.$$eval(inFigure('trend', 'table.data thead th'), (ths) => ths.map((t) => [t.textContent, Number(t.getAttribute('aria-colindex'))]));
    assert.deepEqual(head[0], ['年份', 1]);
    for (const [name, col] of head.slice(1)) assert.equal(name, data.trend.series[col - 2].name, `column ${col}`);

    console.log(`3,000-series trend: ${loaded} nodes loaded, ${opened} opened (before issue 21: 126,117)`);
    const end = await walkKeys(page, 'trend', years.length + 1);
    // The last year, each value as the data has it (written with two decimals and %).
    assert.equal(end.cells[0], String(years[years.length - 1]));
    assert.ok(end.cells.length > 5, `the columns in view: ${end.cells.length}`);
    end.columns.slice(1).forEach((col, i) => {
      const value = data.trend.series[col - 2].points[years.length - 1].value;
      assert.ok(Math.abs(parseFloat(end.cells[i + 1]) - value) < 0.006, `${end.cells[i + 1]} is ${value} (column ${col})`);
    });

    // Scrolled far right, the columns there are rendered, the year still first.
    await page.$eval(inFigure('trend', '.table-box'), (box) => { box.scrollLeft = box.scrollWidth; });
    await page.waitForFunction((sel) => {
      const cells = document.querySelectorAll(`${sel} thead th`);
      return cells[cells.length - 1].getAttribute('aria-colindex') === '3001';
    }, inFigure('trend', 'table.data'));
    const last = await page.$$eval(inFigure('trend', 'table.data thead th'), (ths) => ths.map((t) => t.textContent));
    assert.equal(last[0], '年份');
    assert.equal(last[last.length - 1], data.trend.series[2999].name);
    assert.ok(await figureNodes(page, 'trend') <= MAX_NODES);
    assert.deepEqual(await runAxe(page), [], 'axe: the wide table, scrolled');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a 100,000-village ranking: at most 1,500 nodes; the table says its 1,000 rows, End reaches the last', async () => {
  const p = await openPage('file', { viewport: { width: 1280, height: 800 } });
  const { page } = p;
  try {
    const data = rankingDataset(100000, 40);
    await load(page, 'villages-100000.json', data);
    const loaded = await figureNodes(page, 'ranking');
    assert.ok(loaded <= MAX_NODES, `${loaded} nodes after load`);

    await page.click(inFigure('ranking', 'button.show-table'));
    const opened = await figureNodes(page, 'ranking');
    assert.ok(opened <= MAX_NODES, `${opened} nodes with the table open`);
    // The core's table stops at 1,000 rows (src/chart/mod.rs, TABLE_ROWS) and its caption says so.
    const rowCount = await page.$eval(inFigure('ranking', 'table.data'), (t) => Number(t.getAttribute('aria-rowcount')));
    assert.equal(rowCount, 1001, 'the 1,000 rows and the header');
    assert.match(await page.textContent(inFigure('ranking', 'table.data caption')), /前 1,000 个，共 100,000 个村/);
    const rendered = await page.$$eval(inFigure('ranking', 'table.data tbody tr[aria-rowindex]'), (r) => r.length);
    assert.ok(rendered > 10 && rendered < 100, `${rendered} rows rendered`);

    console.log(`100,000-village ranking: ${loaded} nodes loaded, ${opened} opened (before issue 21: 13,159)`);
    const end = await walkKeys(page, 'ranking', rowCount);
    // The last row: the 1,000th largest income, one of the villages with it.
    const byIncome = data.ranking.villages.slice().sort((a, b) => b.values.income - a.values.income);
    const income = byIncome[999].values.income;
    const [rank, name, group, shown] = end.cells;
    assert.ok(Number(rank) <= 1000, `rank ${rank}`);
    assert.match(shown, /万元$/);
    assert.ok(Math.abs(parseFloat(shown.replace(/,/g, '')) * 10000 - income) <= 50, `${shown} is ${income} 元`);
    assert.ok(data.ranking.villages.some((v) => v.name === name && v.group === group && v.values.income === income),
      `${name} (${group}) has ${income} 元`);

    assert.deepEqual(await runAxe(page), [], 'axe: the open table, a row current');

    // Read whole by scrolling through (as tests/e2e/helpers.mjs readTable does): every row, in rank order.
    const table = await readTable(page, 'ranking');
    assert.equal(table.rows.length, 1000);
    assert.deepEqual(table.rows[999], end.cells);
    const incomes = table.rows.map((r) => parseFloat(r[3].replace(/,/g, '')));
    assert.ok(incomes.every((v, i) => i === 0 || v <= incomes[i - 1]), 'the rows are in rank order');
    assert.equal(table.rows[0][1], byIncome[0].name);

    // Printed, the open table prints every row (the last village is on paper).
    const dir = mkdtempSync(join(tmpdir(), 'heluo-table-print-'));
    try {
      writeFileSync(join(dir, 'page.pdf'), await page.pdf({ format: 'A4' }));
      const lines = execFileSync('pdftotext', ['-layout', join(dir, 'page.pdf'), '-']).toString('utf8').split('\n');
      for (const row of [table.rows[0], table.rows[499], table.rows[999]]) {
        assert.ok(lines.some((l) => l.trim().split(/\s+/).slice(0, 3).join(' ') === row.slice(0, 3).join(' ')), `printed: ${row.join(' ')}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.ok(await figureNodes(page, 'ranking') <= MAX_NODES, 'after printing, the rows in view again');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('data that changes while the table is closed builds nothing; opened, the table has the new data and follows it', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const select = inFigure('ranking', 'select.metric-select');
    const caption = () => page.$eval(inFigure('ranking', '.table-box'), (b) => {
      const c = b.querySelector('table.data caption');
      return c && c.textContent;
    });
    await page.selectOption(select, { label: '户均分红' });
    assert.equal(await caption(), null, 'closed: no table built');
    await page.click(inFigure('ranking', 'button.show-table'));
    assert.match(await caption(), /户均分红/, 'opened: the current metric');
    await page.click(inFigure('ranking', 'button.show-table'));
    await page.selectOption(select, { label: '村集体经济收入' });
    assert.equal(await caption(), null, 'closed again, a change leaves it stale and empty');
    await page.click(inFigure('ranking', 'button.show-table'));
    await page.selectOption(select, { label: '户均分红' });
    assert.match(await caption(), /户均分红/, 'open, it follows the data');
    const first = await page.$eval(inFigure('ranking', 'table.data tr[aria-rowindex="2"]'), (r) => r.cells[1].textContent);
    assert.equal(first, '王屯村');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
