// 8. The data never leaves the browser: loading files makes no request, and a
// page opened from disk requests nothing over http(s).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, chooseFile, dropFile, waitForCaption, rankingDataset, trendDataset, isFavicon,
} from './helpers.mjs';

after(closeBrowser);

async function loadThreeWays(page) {
  await chooseFile(page, 'input.json', rankingDataset({ n: 18, title: '选的文件' }));
  await waitForCaption(page, 'ranking', '选的文件：村集体经济收入');
  await page.click('#charts button.show-all');
  await dropFile(page, 'drop.json', trendDataset({ title: '拖的文件' }));
  await waitForCaption(page, 'trend', '拖的文件');
  await chooseFile(page, 'bad.json', '{"trend":[[2013,"3.1%"]]}');
  await page.waitForFunction(() => !document.getElementById('alert').hidden);
  // The samples are in the page (samples.js); choosing one fetches nothing.
  // The format v1 samples (the table samples load the on-demand importer,
  // pkg/heluo-tables.js, once: a same-origin request by design).
  await page.selectOption('#sample-select', '1');
  await page.selectOption('#sample-select', '0');
  await waitForCaption(page, 'trend', '贫困发生率');
  await page.waitForTimeout(300);
}

test('over http: after the page loaded, loading files requests nothing', async () => {
  const p = await openPage('http');
  const { page, server } = p;
  try {
    await page.waitForLoadState('networkidle');
    const pageBefore = p.requests.length;
    const serverBefore = server.requests.filter((u) => !isFavicon(server.origin + u)).length;
    await loadThreeWays(page);
    // The one request: the bad file's whole message comes from the on-demand
    // importer (heluo.js says only where format v1 fails), fetched once from
    // the page's own folder; no data goes with it.
    const importer = server.origin + '/pkg/heluo-tables.js';
    assert.deepEqual(p.requests.slice(pageBefore).filter((u) => u !== importer), [], 'requests seen by the browser');
    assert.ok(p.requests.slice(pageBefore).filter((u) => u === importer).length <= 1, 'the importer, at most once');
    assert.deepEqual(server.requests.filter((u) => !isFavicon(server.origin + u)).slice(serverBefore).filter((u) => u !== '/pkg/heluo-tables.js'), [],
      'requests that reached the server');
    // What the page did load: itself, its script, style and samples; all same-origin.
    for (const url of p.requests) assert.ok(url.startsWith(server.origin + '/'), `same origin: ${url}`);
    // A request the page's own policy blocked never reaches the network, but
    // it was still tried: it shows up as a violation.
    assert.deepEqual(await p.violations(), [], 'no request was attempted and blocked either');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('from file:// there is no http(s) request at all', async () => {
  const p = await openPage('file');
  try {
    await loadThreeWays(p.page);
    const remote = p.requests.filter((u) => !u.startsWith('file:'));
    assert.deepEqual(remote, []);
    assert.ok(p.requests.some((u) => u.endsWith('/pkg/heluo.js')), 'the engine came from disk');
    assert.deepEqual(await p.violations(), [], 'no request was attempted and blocked either');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
