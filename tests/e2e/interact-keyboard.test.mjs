// Interaction: the keyboard on the focused canvas. Trend: ←/→ step years,
// Home/End jump, Esc clears; ranking: ↑/↓ move between bars, Enter pins.
// Each step shows the tooltip and announces it in the figure's live region.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, canvasInk, canvasHash, liveText, tooltipOf, exportFrom,
} from './helpers.mjs';

after(closeBrowser);

async function live(page, kind) {
  const region = await page.$eval(inFigure(kind, 'p.live'), (p) => ({
    polite: p.getAttribute('aria-live'),
    text: p.textContent,
    hidden: p.getBoundingClientRect().width <= 1,
  }));
  assert.equal(region.polite, 'polite');
  assert.equal(region.hidden, true, 'the live region is visually hidden');
  return region.text;
}

test('trend: → steps years from 2012, End jumps to 2019, Esc clears', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const base = inFigure('trend', 'canvas.base');
    assert.equal(await page.$eval(base, (c) => c.tabIndex), 0, 'the canvas is in the tab order');
    await page.focus(base);
    assert.equal(await page.evaluate(() => document.activeElement.matches('figure.chart-trend canvas.base')), true);
    const scrollBefore = await page.evaluate(() => window.scrollY);

    await page.keyboard.press('ArrowRight');
    let text = await live(page, 'trend');
    assert.ok(text.startsWith('2012年'), `first → : ${text}`);
    assert.ok(text.includes('全国农村 10.2%'), text);
    let tip = await tooltipOf(page, 'trend');
    assert.equal(tip.visible, true, 'the tooltip shows for the focused year');
    assert.equal(tip.heading, '2012年');
    assert.ok(await canvasInk(page, inFigure('trend', 'canvas.overlay')) > 0, 'the crosshair is drawn');

    await page.keyboard.press('ArrowRight');
    text = await live(page, 'trend');
    assert.ok(text.startsWith('2013年'), text);
    assert.ok(text.includes('洛龙区 3.12%') && text.includes('全国农村 8.5%'), text);
    assert.equal((await tooltipOf(page, 'trend')).heading, '2013年');

    await page.keyboard.press('End');
    assert.ok((await liveText(page, 'trend')).startsWith('2019年'));
    assert.ok((await liveText(page, 'trend')).includes('洛龙区 0.36%'));
    await page.keyboard.press('ArrowRight');
    assert.ok((await liveText(page, 'trend')).startsWith('2019年'), '→ at the last year stays there');
    await page.keyboard.press('ArrowLeft');
    assert.ok((await liveText(page, 'trend')).startsWith('2018年'));
    await page.keyboard.press('Home');
    assert.ok((await liveText(page, 'trend')).startsWith('2012年'));
    assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'arrow keys do not scroll the page');

    await page.keyboard.press('Escape');
    tip = await tooltipOf(page, 'trend');
    assert.equal(tip.hidden, true, 'Esc hides the tooltip');
    assert.equal(await liveText(page, 'trend'), '', 'Esc empties the live region');
    assert.equal(await canvasInk(page, inFigure('trend', 'canvas.overlay')), 0, 'and clears the crosshair');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('ranking: ↓ goes to 王屯村 then 夏庄村; Enter pins it', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const base = inFigure('ranking', 'canvas.base');
    const svgBefore = (await exportFrom(page, 'ranking', 'export-svg')).buffer.toString('utf8');
    assert.ok(!svgBefore.includes('第 2 名'), 'no rank callout before pinning');
    const hashBefore = await canvasHash(page, base);
    await page.focus(base);

    await page.keyboard.press('ArrowDown');
    let text = await live(page, 'ranking');
    assert.ok(text.includes('第 1 名 · 王屯村'), `first ↓: ${text}`);
    assert.ok(text.includes('200,000 元'), text);
    assert.equal((await tooltipOf(page, 'ranking')).heading, '第 1 名 · 王屯村');
    await page.keyboard.press('ArrowDown');
    text = await live(page, 'ranking');
    assert.ok(text.includes('第 2 名 · 夏庄村'), `second ↓: ${text}`);
    assert.equal((await tooltipOf(page, 'ranking')).heading, '第 2 名 · 夏庄村');

    await page.keyboard.press('Enter');
    assert.equal(await liveText(page, 'ranking'), '已标记 夏庄村，第 2 名', 'Enter pins and says so, with the rank');
    assert.equal((await tooltipOf(page, 'ranking')).heading, '第 2 名 · 夏庄村', 'Enter keeps the focus on 夏庄村');
    assert.notEqual(await canvasHash(page, base), hashBefore, 'the pin is drawn');
    const svg = (await exportFrom(page, 'ranking', 'export-svg')).buffer.toString('utf8');
    assert.ok(svg.includes('168,000 元 · 第 2 名'), 'the exported chart calls out the pinned rank');

    // More keys: End, ↑, and Enter again unpins.
    await page.focus(base);
    await page.keyboard.press('End');
    assert.ok((await liveText(page, 'ranking')).includes('第 7 名 · 分金沟村'));
    await page.keyboard.press('ArrowUp');
    assert.ok((await liveText(page, 'ranking')).includes('第 6 名 · 王山村'));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await liveText(page, 'ranking'), '已取消标记 夏庄村');
    const svgAfter = (await exportFrom(page, 'ranking', 'export-svg')).buffer.toString('utf8');
    assert.ok(!svgAfter.includes('第 2 名'), 'Enter on a pinned village unpins it');
    assert.equal(await canvasHash(page, base), hashBefore, 'and the chart is as before');
    await page.focus(base);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    assert.equal((await tooltipOf(page, 'ranking')).hidden, true);
    assert.equal(await liveText(page, 'ranking'), '');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
