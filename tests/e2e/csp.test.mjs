// 9. The page runs under a strict Content-Security-Policy sent as a header:
// no inline script or style, no eval (only wasm compilation), nothing remote.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, startServer, chooseFile, dropFile, waitForCaption, hoverUntil, canvasStats,
  rankingDataset, trendDataset, STRICT_CSP, RED, BLUE,
} from './helpers.mjs';

after(closeBrowser);

test('no CSP violation while loading, hovering and loading files', async () => {
  const server = await startServer({ headers: { 'Content-Security-Policy': STRICT_CSP } });
  const p = await openPage('http', { server });
  const { page } = p;
  try {
    const response = await fetch(server.url());
    assert.equal(response.headers.get('content-security-policy'), STRICT_CSP, 'the server sends the policy');
    await response.arrayBuffer();

    const trend = await canvasStats(page, '#charts figure.chart-trend canvas.base', { red: RED, blue: BLUE });
    assert.ok(trend.nonWhite > 0.02 && trend.counts.red > 50 && trend.counts.blue > 50, 'the trend renders under the policy');
    const ranking = await canvasStats(page, '#charts figure.chart-ranking canvas.base', { blue: BLUE });
    assert.ok(ranking.nonWhite > 0.08, 'the ranking renders under the policy');

    // Hovering sets the tooltip's position and the swatch colours (style attributes via CSSOM).
    const tip = await hoverUntil(page, 'trend', '2013年');
    assert.ok(tip && tip.visible, 'the tooltip works under the policy');
    assert.ok(await hoverUntil(page, 'ranking', () => true, { vertical: true }), 'ranking tooltip');
    await page.mouse.move(2, 2);

    await chooseFile(page, 'csp.json', rankingDataset({ n: 20, title: 'CSP 文件' }));
    await waitForCaption(page, 'ranking', 'CSP 文件：村集体经济收入');
    await page.click('#charts button.show-all');
    await page.click('#charts button.show-table');
    await dropFile(page, 'csp-drop.json', trendDataset({ title: 'CSP 拖入' }));
    await waitForCaption(page, 'trend', 'CSP 拖入');
    await chooseFile(page, 'bad.json', '{"trend":[[2013,"3.1%"]]}');
    await page.waitForFunction(() => !document.getElementById('alert').hidden);
    await page.waitForTimeout(200);

    assert.deepEqual(await p.violations(), [], 'securitypolicyviolation events');
    assert.deepEqual(p.consoleErrors, [], 'console errors (Chromium logs CSP violations there too)');
    assert.deepEqual(p.pageErrors, []);

    // The recorder does see a violation, so the empty list above means something.
    await page.evaluate(() => {
      const s = document.createElement('style');
      s.textContent = 'body { color: red }';
      document.head.appendChild(s);
    });
    await page.waitForFunction(() => window.__heluoTest.violations.length > 0, null, { timeout: 5_000 });
    const [violation] = await p.violations();
    assert.match(violation.effective, /^style-src/);
  } finally {
    await p.close();
    await server.close();
  }
});
