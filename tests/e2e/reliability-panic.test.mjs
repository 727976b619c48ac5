// Reliability 2. A Rust panic in the wasm (Heluo.__panicForTesting panics on
// purpose) becomes a WebAssembly.RuntimeError after the panic hook logs
// "Heluo internal error: …" on the console. When such a trap reaches the page
// through its own calls (www/app.js fail() → recoverFromTrap()), the page must
// show a clear error, log it, start a fresh instance (Heluo.fresh()), keep the
// charts shown (redrawn by the new instance), and the next file must work.
//
// How a trap reaches the page here, faithfully (no page code is replaced):
// a trap does not poison a wasm instance by itself: the instance stays usable,
// but each panic leaves Rust's shadow-stack pointer where the panic was (the
// unwinding that would restore it never runs), about 96 bytes a panic. About
// 10,900 deliberate panics exhaust the 1 MiB stack; from then on every call
// that needs the stack traps with "memory access out of bounds": a dead
// instance, exactly what the page's recovery is for. The next file the page
// parses, or the next hover, hits it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage,
  closeBrowser,
  loadAndSettle,
  screenState,
  canvasHash,
  probeTooltips,
  rankingDataset,
  trendDataset,
  addInitScriptAndReload,
  captureWasmInstances,
} from './helpers.mjs';

after(closeBrowser);

const PANIC_LOG = /^Heluo internal error: panicked at src\/web\/mod\.rs:\d+:\d+:\ndeliberate panic for testing the page's recovery/;
const RESTART_LOG = /^Heluo: the chart engine stopped \((.+)\); starting a fresh instance\. \[/;
// In the page's language (the sample is Chinese), like every word of the page.
const INTERNAL = '图表引擎出现内部错误，已重新启动；之前的图表保留。请告诉我们你做了什么。';
const TREND = '#charts figure.chart-trend canvas.base';
const RANKING = '#charts figure.chart-ranking canvas.base';

/** Waits (up to 5 s) until `count` console errors from index `from` on match `pattern`: console events arrive asynchronously. */
async function consoleMatches(p, pattern, { from = 0, count = 1 } = {}) {
  const deadline = Date.now() + 5_000;
  const found = () => p.consoleErrors.slice(from).filter((e) => pattern.test(e));
  while (found().length < count && Date.now() < deadline) await p.page.waitForTimeout(20);
  await p.page.waitForTimeout(100); // and any that follow, so that "exactly once" means it
  return found();
}

function markFigures(page) {
  return page.evaluate(() => document.querySelectorAll('#charts figure').forEach((f) => { f.__heluoBefore = true; }));
}

async function hashes(page) {
  return [await canvasHash(page, TREND), await canvasHash(page, RANKING)];
}

/** Hovers across the middle of the chart of `kind` (synthetic pointer events); returns the headings seen. */
async function hoverHeadings(page, kind) {
  const { width, height } = await page.$eval(`#charts figure.chart-${kind} canvas.base`, (c) => c.getBoundingClientRect().toJSON());
  const points = [];
  for (let i = 1; i < 40; i++) {
    points.push(kind === 'trend' ? [(width * i) / 40, height / 2] : [width / 2, (height * i) / 40]);
  }
  return (await probeTooltips(page, kind, points)).map((t) => t.heading).filter(Boolean);
}

/**
 * Panics until the instance is dead (see the header). console.error is
 * muted meanwhile (ten thousand copies of the panic message say nothing new).
 * Returns { panics, last: { name, message }, deadParse: { name, message } }.
 */
function killInstance(page) {
  return page.evaluate(() => {
    const error = console.error;
    let muted = 0;
    console.error = () => { muted++; };
    let panics = 0;
    let last = null;
    try {
      while (panics < 100_000) {
        panics++;
        try {
          Heluo.__panicForTesting();
        } catch (e) {
          last = e;
          if (!(e instanceof WebAssembly.RuntimeError) || e.message !== 'unreachable') break;
        }
      }
    } finally {
      console.error = error;
    }
    return { panics, muted, last: last && { name: last.constructor.name, message: last.message, trap: last instanceof WebAssembly.RuntimeError } };
  });
}

test('a deliberate panic traps with a RuntimeError, is logged, and the page keeps working', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const before = await screenState(page);
    const pixels = await hashes(page);
    await markFigures(page);
    await page.evaluate(() => { window.__heluoApiAtStart = window.Heluo; });

    const trap = await page.evaluate(() => {
      const api = window.Heluo;
      try {
        Heluo.__panicForTesting();
        return { threw: false };
      } catch (e) {
        window.__trap = e;
        return { threw: true, trap: e instanceof WebAssembly.RuntimeError, name: e.constructor.name, message: e.message, sameApi: window.Heluo === api };
      }
    });
    assert.deepEqual(trap, { threw: true, trap: true, name: 'RuntimeError', message: 'unreachable', sameApi: true });
    const logged = await consoleMatches(p, PANIC_LOG);
    assert.equal(logged.length, 1, `the panic hook logs once: ${JSON.stringify(p.consoleErrors)}`);
    console.log(`panic hook logged: ${JSON.stringify(logged[0])}`);

    // The trap did not go through the page, which has nothing to show for it;
    // the charts on screen are untouched.
    const state = await screenState(page);
    assert.deepEqual(state.map((c) => [c.kind, c.caption, c.same]), before.map((c) => [c.kind, c.caption, true]));
    assert.deepEqual(await hashes(page), pixels);
    assert.equal(await page.$eval('#alert', (a) => a.hidden), true);

    // The next file: it loads, or (if the page first reports the internal
    // error and restarts) the file after it does.
    const next = await loadAndSettle(page, 'after-panic.json', Buffer.from(rankingDataset({ n: 6, title: '崩溃之后' })));
    let loaded = next;
    if (next.outcome === 'alert') {
      console.log(`after the panic the next file was refused: ${next.text}`);
      assert.equal(next.text, `无法载入 “after-panic.json”：${INTERNAL}`);
      loaded = await loadAndSettle(page, 'after-panic-2.json', Buffer.from(rankingDataset({ n: 6, title: '崩溃之后' })));
    } else {
      console.log('after the panic the next file loaded at once (the instance survives a trap; the page never saw it)');
    }
    const replaced = await page.evaluate(() => window.Heluo !== window.__heluoApiAtStart);
    console.log(`instance replaced by the page: ${replaced}`);
    assert.equal(loaded.outcome, 'loaded', JSON.stringify(loaded));
    assert.deepEqual(loaded.captions, ['崩溃之后：村集体经济收入']);
    assert.equal(loaded.alertHidden, true);
    const headings = await hoverHeadings(page, 'ranking');
    assert.ok(headings.includes('第 1 名 · 张庄村'), `a hover shows the first bar: ${JSON.stringify(headings)}`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a dead instance: the next file is retried on a fresh instance and loads; bad files are reported normally after', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await addInitScriptAndReload(page, captureWasmInstances);
    assert.equal(await page.evaluate(() => window.__heluoWasmInstances.length), 1);
    await page.evaluate(() => { window.__heluoApiAtStart = window.Heluo; });
    const before = await screenState(page);
    const pixels = await hashes(page);
    await markFigures(page);
    const errorsBefore = p.consoleErrors.length;

    const killed = await killInstance(page);
    console.log(`instance dead after ${killed.panics} deliberate panics: ${killed.last.name}: ${killed.last.message}`);
    assert.deepEqual(killed.last, { name: 'RuntimeError', message: 'memory access out of bounds', trap: true });
    assert.ok(killed.panics > 1000, `${killed.panics} panics`);

    // The page has not noticed yet.
    assert.equal(await page.$eval('#alert', (a) => a.hidden), true);

    // A good file now reaches the dead instance through the page's own load().
    const loaded = await loadAndSettle(page, 'good-after-crash.json', Buffer.from(rankingDataset({ n: 8, title: '重启之后' })));
    // The trap came from the instance the panics broke, not from this file: the
    // page restarts the engine and tries the file again, which then loads.
    const restarts = (await consoleMatches(p, RESTART_LOG, { from: errorsBefore })).map((e) => RESTART_LOG.exec(e));
    assert.deepEqual(restarts.map((m) => m[1]), ['memory access out of bounds'], JSON.stringify(p.consoleErrors.slice(errorsBefore)));
    const fresh = await page.evaluate(() => ({
      replaced: window.Heluo !== window.__heluoApiAtStart,
      instances: window.__heluoWasmInstances.length,
    }));
    assert.deepEqual(fresh, { replaced: true, instances: 2 });
    assert.equal(loaded.outcome, 'loaded', JSON.stringify(loaded));
    assert.deepEqual(loaded.captions, ['重启之后：村集体经济收入']);
    assert.equal(loaded.alertHidden, true);
    assert.ok((await hoverHeadings(page, 'ranking')).includes('第 1 名 · 张庄村'));

    // And the fresh instance reports bad files normally.
    const bad = await loadAndSettle(page, 'bad.json', Buffer.from('{"trend":[[2013,"3.1%"]]}'));
    assert.equal(bad.text, '无法载入 “bad.json”：trend[0][1]：应为数字，实为字符串 "3.1%"');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

/** Kills the instance, then moves the pointer over the live trend canvas once; returns what the page did. */
async function hoverOnDeadInstance(p) {
  const { page } = p;
  await page.evaluate(() => { window.__heluoApiAtStart = window.Heluo; });
  const killed = await killInstance(page);
  assert.equal(killed.last.message, 'memory access out of bounds');
  const errorsBefore = p.consoleErrors.length;
  await page.evaluate(() => {
    const base = document.querySelector('#charts figure.chart-trend canvas.base');
    const r = base.getBoundingClientRect();
    base.dispatchEvent(new PointerEvent('pointermove', {
      bubbles: true, cancelable: true, composed: true, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2,
      pointerId: 77, pointerType: 'mouse', isPrimary: true,
    }));
  });
  await page.waitForFunction(() => !document.getElementById('alert').hidden, null, { timeout: 5_000 });
  return {
    alert: await page.$eval('#alert', (a) => a.textContent),
    replaced: await page.evaluate(() => window.Heluo !== window.__heluoApiAtStart),
    restarts: (await consoleMatches(p, RESTART_LOG, { from: errorsBefore })).map((e) => RESTART_LOG.exec(e)[1]),
  };
}

test('a trap during a hover: a clear error, one restart, the charts redrawn, hovering and loading work again', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const before = await screenState(page);
    const pixels = await hashes(page);
    await markFigures(page);
    const seen = await hoverOnDeadInstance(p);
    console.log(`hover on a dead instance: alert ${JSON.stringify(seen.alert)}`);
    assert.equal(seen.alert, `图表出错：${INTERNAL}`);
    assert.equal(seen.replaced, true, 'a fresh instance');
    assert.deepEqual(seen.restarts, ['memory access out of bounds'], 'logged once');

    const state = await screenState(page);
    assert.deepEqual(state.map((c) => [c.kind, c.caption, c.same]), before.map((c) => [c.kind, c.caption, false]));
    assert.deepEqual(await hashes(page), pixels, 'the charts shown before, pixel for pixel');
    assert.ok((await hoverHeadings(page, 'trend')).includes('2013年'), 'hovering works on the fresh instance');

    const next = await loadAndSettle(page, 'trend.json', Buffer.from(trendDataset({ title: '悬停之后' })));
    assert.equal(next.outcome, 'loaded');
    assert.deepEqual(next.captions, ['悬停之后']);
    assert.equal(next.alertHidden, true);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test(
  'a trap during a hover is not reported as a failed load of a file named "chart"',
  async () => {
    const p = await openPage('file');
    try {
      const seen = await hoverOnDeadInstance(p);
      assert.doesNotMatch(seen.alert, /^无法载入 “chart”/);
      assert.doesNotMatch(seen.alert, /on this file/);
    } finally {
      await p.close();
    }
  },
);
