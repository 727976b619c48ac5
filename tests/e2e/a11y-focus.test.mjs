// Accessibility (issue 22, WCAG 2.4.3): focus never drops to <body>. Every
// control of both charts is reached with Tab and pressed with the keyboard
// (Enter, Space, arrows in a select); after each press the focus is on a
// control of the page, never on <body>. A control that disappears ("重置缩放",
// "缩小" back at the full range, the last "highlighted line" button) hands
// focus to its neighbour; "放大" at its closest zoom stays, aria-disabled.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, inFigure, chooseFile, twoFrames } from './helpers.mjs';

after(closeBrowser);

/** Where the keyboard focus is: a short description, and whether it is <body> (or nothing). */
function focusNow(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    const dropped = !a || a === document.body || a === document.documentElement || !a.isConnected;
    const figure = a && a.closest && a.closest('figure.chart');
    return {
      dropped,
      what: a ? `${a.tagName.toLowerCase()}${a.className ? '.' + a.className : ''}${a.id ? '#' + a.id : ''}` : 'nothing',
      kind: figure ? Array.from(figure.classList).find((c) => c.startsWith('chart-')).slice(6) : null,
      text: a ? (a.getAttribute('aria-label') || a.textContent || '').slice(0, 60) : '',
      visible: !!a && a.getClientRects().length > 0,
    };
  });
}

async function assertHeld(page, after) {
  await twoFrames(page);
  const f = await focusNow(page);
  assert.equal(f.dropped, false, `focus dropped to <body> after ${after}`);
  assert.equal(f.visible, true, `focus is on something shown after ${after}: ${f.what}`);
  return f;
}

/** Focuses a chart control by Tab from the canvas of its chart (keyboard only), by class. */
async function tabTo(page, kind, className) {
  await page.focus(inFigure(kind, 'canvas.base'));
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await focusNow(page);
    if (f.kind === kind && f.what.split('#')[0].split('.').slice(1).includes(className)) return f;
  }
  throw new Error(`${kind} ${className}: not reached by Tab`);
}

test('zoom by the keyboard: 缩小 and 重置缩放 hand focus on; 放大 at its closest stays, aria-disabled', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await tabTo(page, 'trend', 'zoom-in');
    const zoomIn = page.locator(inFigure('trend', 'button.zoom-in'));
    // Press 放大 until it can do nothing more: it stays, focused, and says so.
    let presses = 0;
    while ((await zoomIn.getAttribute('aria-disabled')) !== 'true') {
      await page.keyboard.press('Enter');
      await assertHeld(page, `放大 #${++presses}`);
      assert.ok(presses < 10, 'zooming in ends');
    }
    assert.ok(presses >= 2, `zoomed in ${presses} times`);
    let f = await assertHeld(page, '放大 at its closest');
    assert.equal(f.what, 'button.zoom-in', 'focus stays on 放大 when it can do nothing more');
    // Pressing it again does nothing and keeps the focus.
    const range = await page.textContent(inFigure('trend', 'button.reset-zoom'));
    await page.keyboard.press('Enter');
    await page.keyboard.press(' ');
    f = await assertHeld(page, '放大 pressed while disabled');
    assert.equal(f.what, 'button.zoom-in');
    assert.equal(await page.textContent(inFigure('trend', 'button.reset-zoom')), range, 'the zoom did not change');

    // 缩小 to the full range: the button disappears and focus goes to its neighbour (放大).
    await page.keyboard.press('Tab');
    f = await focusNow(page);
    assert.equal(f.what, 'button.zoom-out');
    for (let i = 0; i < 10 && (await page.isVisible(inFigure('trend', 'button.zoom-out'))); i++) {
      await page.keyboard.press('Enter');
      f = await assertHeld(page, `缩小 #${i + 1}`);
    }
    assert.equal(await page.isVisible(inFigure('trend', 'button.zoom-out')), false, 'back at the full range, 缩小 is gone');
    assert.equal(f.what, 'button.zoom-in', `focus went to the neighbour, 放大: ${f.what}`);
    assert.equal(await zoomIn.getAttribute('aria-disabled'), null, '放大 can zoom again');

    // 重置缩放: zoom in by Enter, Tab twice to 重置缩放, Enter.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    f = await focusNow(page);
    assert.equal(f.what, 'button.reset-zoom');
    await page.keyboard.press('Enter');
    f = await assertHeld(page, '重置缩放');
    assert.equal(await page.isVisible(inFigure('trend', 'button.reset-zoom')), false);
    assert.equal(f.what, 'button.zoom-in', `focus went to the neighbour, 放大: ${f.what}`);

    // Space as well as Enter.
    await page.keyboard.press(' ');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    f = await assertHeld(page, '重置缩放 by Space');
    assert.equal(f.what, 'button.zoom-in');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('every control of both charts pressed by the keyboard: focus is never on <body>', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    // Walk the page by Tab from the start; press each chart control as it comes.
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    const pressed = [];
    const seen = new Set();
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const f = await focusNow(page);
      assert.equal(f.dropped, false, `Tab #${i + 1} left focus on <body> (after ${pressed.join(', ')})`);
      if (!f.kind) { if (seen.size > 0) break; else continue; }
      const key = `${f.kind} ${f.what} ${f.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const tag = f.what.split(/[.#]/)[0];
      if (tag === 'button') {
        // Twice: a toggle goes back (a hidden line shown again, the table hidden again).
        await page.keyboard.press('Enter');
        await assertHeld(page, `Enter on ${key}`);
        await page.keyboard.press(' ');
        await assertHeld(page, `the second press on ${key}`);
      } else if (tag === 'select') {
        await page.keyboard.press('ArrowDown');
        await assertHeld(page, `ArrowDown in ${key}`);
        await page.keyboard.press('ArrowUp');
        await assertHeld(page, `ArrowUp in ${key}`);
      } else if (tag === 'canvas') {
        for (const k of ['ArrowRight', 'ArrowDown', 'Enter', 'Enter', 'End', 'Escape']) {
          await page.keyboard.press(k);
          await assertHeld(page, `${k} on ${key}`);
        }
      } else if (tag === 'input') {
        await page.keyboard.type('村');
        await page.keyboard.press('Enter');
        await assertHeld(page, `a search in ${key}`);
      }
      pressed.push(key);
    }
    const kinds = (k) => pressed.filter((x) => x.startsWith(k)).length;
    assert.ok(kinds('trend') >= 8, `trend controls pressed: ${pressed.join(' | ')}`);
    assert.ok(kinds('ranking') >= 8, `ranking controls pressed: ${pressed.join(' | ')}`);
    for (const c of ['canvas', 'legend-toggle', 'zoom-in', 'export-png', 'export-svg', 'show-table', 'sort-order', 'group-filter', 'metric-select']) {
      assert.ok(pressed.some((x) => x.includes(c)), `${c} was pressed: ${pressed.join(' | ')}`);
    }
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('150 lines: the last highlighted line\'s button removed by the keyboard hands focus on', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const series = [];
    for (let i = 0; i < 150; i++) series.push({ name: `区县${i}`, points: [[2013, 2 + i / 10], [2019, 0.5 + i / 30]] });
    await chooseFile(page, 'counties.json', JSON.stringify({ title: '一百五十个区县', trend: { title: '贫困发生率', unit: '%', series } }));
    await page.waitForFunction(() => document.getElementById('dataset-title').textContent === '一百五十个区县');
    const input = page.locator(inFigure('trend', 'form.village-search input[type=search]'));
    await input.focus();
    await page.keyboard.type('区县42');
    await page.keyboard.press('Enter');
    let f = await assertHeld(page, 'a search pinned');
    assert.equal(f.what.startsWith('input'), true, `the search keeps focus: ${f.what}`);
    const toggle = page.locator(inFigure('trend', 'button.highlight-toggle'));
    assert.equal(await toggle.count(), 1);
    // Tab to the highlighted line's button and press it: it disappears.
    for (let i = 0; i < 6 && !(await focusNow(page)).what.includes('highlight-toggle'); i++) await page.keyboard.press('Tab');
    assert.match((await focusNow(page)).what, /highlight-toggle/);
    await page.keyboard.press('Enter');
    f = await assertHeld(page, 'the highlighted line\'s button pressed');
    assert.equal(await toggle.count(), 0, 'the button is gone');
    assert.equal(f.kind, 'trend', `focus stays in the trend: ${f.what}`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
