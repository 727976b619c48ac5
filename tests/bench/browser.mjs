// Browser benchmark: time to first chart and the cost of a hover, in Chromium.
// Prints numbers; asserts nothing. Run by scripts/bench.sh.
import { chromium } from 'playwright-core';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const browser = await chromium.launch({
  executablePath: process.env.HELUO_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
const t0 = Date.now();
await page.goto(pathToFileURL(path.join(root, 'www/index.html')).href);
await page.waitForSelector('html[data-heluo="ready"]');
const load = Date.now() - t0;
const nav = await page.evaluate(() => {
  const n = performance.getEntriesByType('navigation')[0];
  return { dcl: n.domContentLoadedEventEnd, ready: performance.now() };
});
console.log(`page from file:// to both sample charts drawn       ${String(load).padStart(7)} ms (in-page: ${nav.ready.toFixed(0)} ms)`);

// 2,000 pointer moves dispatched in the page (no driver round trips).
const hover = await page.evaluate(() => {
  const result = {};
  for (const kind of ['trend', 'ranking']) {
    const stage = document.querySelector(`figure.chart-${kind} .stage`);
    const rect = stage.getBoundingClientRect();
    const n = 2000;
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const x = rect.left + (i * 37) % rect.width;
      const y = rect.top + (kind === 'trend' ? rect.height / 2 : (i * 13) % rect.height);
      stage.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
    }
    result[kind] = (performance.now() - start) / n;
  }
  return result;
});
console.log(`hover, trend (pointer → overlay + tooltip DOM)     ${hover.trend.toFixed(3).padStart(9)} ms per move`);
console.log(`hover, ranking                                      ${hover.ranking.toFixed(3).padStart(9)} ms per move`);

// Large files through the file input: load, then pin a bar and switch the metric.
const frame = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
for (const n of [5000, 50000]) {
  const villages = Array.from({ length: n }, (_, i) => ({
    name: `村${i}`, group: `镇${i % 30}`, values: { income: (i * 7919) % 1000003, dividend: i % 977 },
  }));
  const big = JSON.stringify({
    ranking: { metrics: [{ key: 'income', unit: '元' }, { key: 'dividend', unit: '元' }], villages },
  });
  let t = Date.now();
  await page.setInputFiles('#file-input', { name: `big${n}.json`, mimeType: 'application/json', buffer: Buffer.from(big) });
  await page.waitForFunction((n) => document.querySelector('#dataset-label').textContent.includes(`big${n}.json`), n, { timeout: 120000 });
  await frame();
  const load = Date.now() - t;
  const box = await page.locator('figure.chart-ranking canvas.base').boundingBox();
  t = Date.now();
  await page.mouse.click(box.x + box.width / 2, box.y + 120);
  await frame();
  const pin = Date.now() - t;
  t = Date.now();
  await page.selectOption('figure.chart-ranking select.metric-select', '1');
  await frame();
  const metric = Date.now() - t;
  const kb = (big.length / 1024).toFixed(0);
  console.log(`${n} villages (${kb} KB): load to chart ${load} ms, pin ${pin} ms, metric switch ${metric} ms`);
}
await browser.close();
