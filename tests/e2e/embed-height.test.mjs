// The iframe embed never collapses: www/embed.js posts a height only once its
// chart (or its error message) is laid out, never 0, and again on every real
// change; a host that takes only the first message shows the whole chart.
// www/embed-host.js ignores non-positive heights and messages from windows
// other than the iframe's own.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, startServer } from './helpers.mjs';

after(closeBrowser);

const PATH = 'tests/e2e/pages/first-height.html';

/** The iframe's content height, and whether it shows a chart and an alert. */
function inside(page, id) {
  const frame = page.frames().find((f) => f.url().includes(`id=${id}`));
  return frame.evaluate(() => {
    const host = document.querySelector('heluo-chart');
    const root = host && host.shadowRoot;
    const alert = root && root.querySelector('[role=alert]');
    return {
      height: Math.ceil(document.documentElement.getBoundingClientRect().height),
      figure: !!(root && root.querySelector('figure canvas.base')),
      alert: alert && !alert.hidden ? alert.textContent : null,
    };
  });
}

test('a host that takes only the first height message shows the whole chart', async () => {
  const server = await startServer();
  const p = await openPage('http', { server, path: PATH, viewport: { width: 800, height: 900 } });
  try {
    await check(p.page);
  } finally {
    await p.close();
    await server.close();
  }
});

async function check(page) {
  await page.waitForFunction(() => ['first', 'hosted', 'broken'].every((id) => (window.__heights[id] || []).length > 0), null, { timeout: 15_000 });
  await page.waitForTimeout(800);
  const heights = await page.evaluate(() => window.__heights);
  for (const [id, list] of Object.entries(heights)) {
    assert.ok(list.every((h) => Number.isInteger(h) && h > 0), `${id}: every height posted is positive: ${list}`);
  }

  const first = await inside(page, 'first');
  assert.ok(first.figure, 'the chart is drawn');
  assert.ok(first.height > 300, `a whole trend chart is tall: ${first.height}`);
  assert.equal(heights.first[0], first.height, 'the first message already has the whole chart\'s height');
  const outer = await page.$eval('#first', (f) => f.getBoundingClientRect().height);
  assert.equal(outer, first.height, 'sized from the first message alone, the iframe shows it all');

  const broken = await inside(page, 'broken');
  assert.match(broken.alert || '', /^无法载入 .*HTTP 404/, 'the error is shown, in the embed page\'s language (zh-CN)');
  assert.equal(heights.broken[0], broken.height, 'an error message is laid out before its height is posted');
  assert.equal(await page.$eval('#broken', (f) => f.getBoundingClientRect().height), broken.height);

  // embed-host.js: the ranking's iframe follows its own window's messages.
  const hosted = await inside(page, 'hosted');
  const hostedHeight = () => page.$eval('#hosted', (f) => f.getBoundingClientRect().height);
  assert.equal(await hostedHeight(), hosted.height);
  // Messages from other windows, and heights that are not positive, are ignored.
  await page.evaluate(() => window.postMessage({ type: 'heluo:height', id: 'hosted', height: 40 }, '*'));
  const firstFrame = page.frames().find((f) => f.url().includes('id=first'));
  await firstFrame.evaluate(() => parent.postMessage({ type: 'heluo:height', id: 'hosted', height: 50 }, '*'));
  const hostedFrame = page.frames().find((f) => f.url().includes('id=hosted'));
  await hostedFrame.evaluate(() => {
    parent.postMessage({ type: 'heluo:height', id: 'hosted', height: 0 }, '*');
    parent.postMessage({ type: 'heluo:height', id: 'hosted', height: -5 }, '*');
    parent.postMessage({ type: 'heluo:height', id: 'hosted', height: 'tall' }, '*');
  });
  await page.waitForTimeout(300);
  assert.equal(await hostedHeight(), hosted.height, 'the iframe keeps its chart\'s height');

  // A real change (a narrower page re-lays the chart out) is posted again.
  const before = heights.hosted.length;
  await page.setViewportSize({ width: 360, height: 900 });
  await page.waitForFunction((n) => window.__heights.hosted.length > n, before, { timeout: 10_000 });
  await page.waitForTimeout(500);
  const narrow = await inside(page, 'hosted');
  assert.equal(await hostedHeight(), narrow.height, 'the iframe follows its chart to the new height');
}
