// Accessibility (issue 9, WCAG 1.4.13 content on hover): Escape dismisses a
// hover tooltip without moving the pointer, wherever keyboard focus is (the
// body, another control), and says nothing; moving the pointer shows it again.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, canvasSize, hoverAt, tooltipOf, canvasInk, rankingRows,
  recordAnnouncements, takeAnnouncements,
} from './helpers.mjs';

after(closeBrowser);

test('Escape hides the trend tooltip shown by hover, with focus on the body', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await recordAnnouncements(page);
    const { width, height } = await canvasSize(page, 'trend');
    const tip = await hoverAt(page, 'trend', width * 0.5, height * 0.5);
    assert.equal(tip.visible, true, 'hovering shows the tooltip');
    assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'focus is on the body');
    assert.ok(await canvasInk(page, inFigure('trend', 'canvas.overlay')) > 0, 'the crosshair is drawn');
    await page.keyboard.press('Escape');
    assert.equal((await tooltipOf(page, 'trend')).visible, false, 'Escape hides the hover tooltip (focus on the body)');
    assert.equal(await canvasInk(page, inFigure('trend', 'canvas.overlay')), 0, 'and the crosshair');
    assert.equal(await page.$eval(inFigure('trend', 'canvas.base'), (c) => c.getAttribute('aria-describedby')),
      await page.$eval(inFigure('trend', '.keys-help'), (k) => k.id), 'the canvas is described by its key help again');
    // Moving the pointer shows it again.
    const again = await hoverAt(page, 'trend', width * 0.75, height * 0.5);
    assert.equal(again.visible, true, 'the pointer moved: the tooltip is back');
    assert.deepEqual((await takeAnnouncements(page)).filter((e) => e.text.trim()), [], 'nothing was announced');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('Escape hides the ranking tooltip shown by hover, with focus on another control', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.focus('#sample-select');
    const rows = await rankingRows(page);
    const { width } = await canvasSize(page, 'ranking');
    const tip = await hoverAt(page, 'ranking', width * 0.5, rows[1].y);
    assert.equal(tip.visible, true);
    await page.keyboard.press('Escape');
    assert.equal((await tooltipOf(page, 'ranking')).visible, false, 'Escape hides the hover tooltip (focus on a select)');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sample-select', 'focus stays where it was');

    // Focus on the trend's own buttons, pointer on the trend.
    await page.focus(inFigure('trend', 'button.show-table'));
    const t = await canvasSize(page, 'trend');
    assert.equal((await hoverAt(page, 'trend', t.width * 0.4, t.height * 0.5)).visible, true);
    await page.keyboard.press('Escape');
    assert.equal((await tooltipOf(page, 'trend')).visible, false, 'Escape hides the hover tooltip (focus in the figure)');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
