// 10. Names from a file are text, never markup: a village called
// <img src=x onerror=alert(1)> shows literally and runs nothing.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, chooseFile, chartTexts, waitForCaption, hoverUntil, tooltipOf } from './helpers.mjs';

after(closeBrowser);

const EVIL = '<img src=x onerror=alert(1)>';

test('markup in names shows as text and does nothing', async () => {
  const p = await openPage('http');
  const { page, server } = p;
  try {
    const dataset = JSON.stringify({
      title: `标题 ${EVIL}`,
      subtitle: EVIL,
      note: EVIL,
      trend: { title: `趋势 ${EVIL}`, unit: '%', series: [{ name: EVIL, points: [[2014, 5.5], [2016, 2.25]] }] },
      ranking: {
        title: '排名',
        metrics: [{ key: 'income', label: `收入 ${EVIL}`, unit: '元' }],
        villages: [
          { name: EVIL, group: EVIL, values: { income: 500000 } },
          { name: '王屯村', values: { income: 200000 } },
        ],
      },
    });
    await chooseFile(page, `${EVIL}.json`, dataset);
    await waitForCaption(page, 'trend', `趋势 ${EVIL}`);

    const [trend, ranking] = await chartTexts(page);
    assert.ok(trend.table.includes(EVIL), `trend table: ${trend.table}`);
    assert.ok(ranking.cells.includes(EVIL), `ranking table: ${ranking.table}`);
    assert.ok(ranking.label.includes(EVIL), 'the summary (aria-label) holds the literal text');
    assert.equal(await page.textContent('#dataset-title'), `标题 ${EVIL}`);

    const bar = await hoverUntil(page, 'ranking', () => true, { vertical: true, steps: 60 });
    assert.ok(bar, 'the first bar shows a tooltip');
    assert.ok(bar.heading.includes(EVIL), `tooltip heading: ${bar.heading}`);
    const tip = await tooltipOf(page, 'trend');
    assert.equal(tip.hidden, true);
    const trendTip = await hoverUntil(page, 'trend', '2014年');
    assert.ok(trendTip, 'trend tooltip for 2014');
    assert.ok(trendTip.text.includes(EVIL), `trend tooltip: ${trendTip.text}`);

    // A bad file whose name is markup: the alert shows it as text.
    await chooseFile(page, `${EVIL}.json`, '{"trend":[[2013,"3.1%"]]}');
    await page.waitForFunction(() => !document.getElementById('alert').hidden);
    assert.ok((await page.textContent('#alert')).includes(`“${EVIL}.json”`));
    await page.waitForTimeout(300);

    assert.equal(await page.locator('img').count(), 0, 'no <img> element anywhere');
    // The alert is text, with the core's detail (in the page's language, so
    // with no language mark of its own) in one <span>.
    const alertNodes = await page.$$eval('#alert *', (els) => els.map((e) => `${e.tagName}:${[...e.attributes].map((a) => a.name).join(',')}:${e.children.length}`));
    assert.deepEqual(alertNodes, ['SPAN::0'], 'the alert holds only text');
    assert.deepEqual(p.dialogs, [], 'no dialog opened');
    assert.ok(!server.requests.some((u) => /\/x$/.test(u)), `no request for the image "x": ${server.requests}`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
