// Interaction: switching the ranking's metric. Rows re-sort by 户均分红 (the
// villages without one leave the chart but stay in the table), pins survive,
// and the re-sort is animated unless the reader prefers reduced motion.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, canvasHash, canvasSize, rankingRows, hoverAt, clickAt,
  liveText, chartTexts, exportFrom, settledHash, readTable,
} from './helpers.mjs';

after(closeBrowser);

const BASE = inFigure('ranking', 'canvas.base');
const SELECT = inFigure('ranking', 'select.metric-select');

test('户均分红: 王屯村 first with 2,000 元; 夏庄村 stays pinned at 第 2 名', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const options = await page.$$eval(`${SELECT} option`, (os) => os.map((o) => o.textContent));
    assert.deepEqual(options, ['村集体经济收入', '户均分红']);
    const { width } = await canvasSize(page, 'ranking');

    // Pin 夏庄村 by clicking its bar.
    let rows = await rankingRows(page);
    const xia = rows.find((r) => r.heading.includes('夏庄村'));
    await clickAt(page, 'ranking', width * 0.5, xia.y);
    const pinnedSvg = (await exportFrom(page, 'ranking', 'export-svg')).buffer.toString('utf8');
    assert.ok(pinnedSvg.includes('168,000 元 · 第 2 名'), 'the click pinned 夏庄村');

    await page.selectOption(SELECT, { label: '户均分红' });
    assert.equal(await page.$eval(SELECT, (s) => s.value), '1');
    assert.equal(await liveText(page, 'ranking'), '按户均分红从大到小排序');

    rows = await rankingRows(page);
    assert.deepEqual(rows.map((r) => r.heading),
      ['第 1 名 · 王屯村', '第 2 名 · 夏庄村', '第 3 名 · 皂角树村', '第 4 名 · 溢坡村'],
      'only villages with 户均分红, by 户均分红');
    const first = await hoverAt(page, 'ranking', width * 0.5, rows[0].y);
    assert.equal(first.heading, '第 1 名 · 王屯村');
    const values = await page.$$eval(inFigure('ranking', '.tooltip .row'), (rs) =>
      rs.map((r) => [r.querySelector('.label').textContent, r.querySelector('.value').textContent]));
    assert.deepEqual(values.find((v) => v[0] === '户均分红'), ['户均分红', '2,000 元']);
    const second = await hoverAt(page, 'ranking', width * 0.5, rows[1].y);
    assert.equal(second.heading, '第 2 名 · 夏庄村', 'the pinned village, hovered, has its new rank');
    await page.mouse.move(1, 1);

    // The table: same order; villages without 户均分红 come last, unranked.
    const [, ranking] = await chartTexts(page);
    const table = (await readTable(page, 'ranking')).rows.map((r) => [r[0], r[1]]);
    assert.deepEqual(table, [
      ['1', '王屯村'], ['2', '夏庄村'], ['3', '皂角树村'], ['4', '溢坡村'],
      ['—', '大西村'], ['—', '王山村'], ['—', '分金沟村'],
    ]);
    assert.ok(ranking.table.startsWith('村集体经济：户均分红'), `table caption: ${ranking.table.slice(0, 20)}`);

    // The exported chart: the pin callout, and the footnote on who is left out.
    const svg = (await exportFrom(page, 'ranking', 'export-svg')).buffer.toString('utf8');
    assert.ok(svg.includes('1,200 元 · 第 2 名'), 'the pin survives the metric switch');
    assert.ok(svg.includes('另有 3 个村无“户均分红”数据，未列入排名'), 'the footnote names the 3 villages left out');
    // (The dataset's note under the exported chart names it; no bar label does.)
    assert.ok(!svg.split('\n').some((line) => line.trim() === '分金沟村'), 'a village without 户均分红 is not drawn');

    // And back.
    await page.selectOption(SELECT, { label: '村集体经济收入' });
    rows = await rankingRows(page);
    assert.equal(rows.length, 7);
    assert.equal(rows[1].heading, '第 2 名 · 夏庄村');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('the figure caption and canvas description follow the metric', {
}, async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.selectOption(SELECT, { label: '户均分红' });
    const [, ranking] = await chartTexts(page);
    assert.equal(ranking.caption, '村集体经济：户均分红', 'the figure is named for the metric shown');
    assert.ok(ranking.label.startsWith('条形图，村集体经济：户均分红。王屯村的户均分红在 4 个村中排第一，为 2,000 元'),
      `the canvas aria-label describes what it shows: ${ranking.label}`);
  } finally {
    await p.close();
  }
});

/* Records the base canvas' hash on every animation frame, in the page, from
   the moment it is called; `stop()` returns [{ t, hash }] for each change. */
function startRecording(page) {
  return page.evaluate((selector) => {
    const c = document.querySelector(selector);
    const hash = () => {
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let h = 0x811c9dc5;
      for (let i = 0; i < d.length; i += 4) {
        h ^= d[i] | (d[i + 1] << 8) | (d[i + 2] << 16);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      return `${c.width}x${c.height}:${h}`;
    };
    const rec = { changes: [{ t: performance.now(), hash: hash() }], on: true, hash };
    window.__frames = rec;
    (function frame() {
      if (!rec.on) return;
      const h = hash();
      if (h !== rec.changes[rec.changes.length - 1].hash) rec.changes.push({ t: performance.now(), hash: h });
      requestAnimationFrame(frame);
    })();
  }, BASE);
}

function stopRecording(page) {
  return page.evaluate(() => {
    window.__frames.on = false;
    return { changes: window.__frames.changes, now: window.__frames.hash() };
  });
}

let finalHash = null;

test('the re-sort is animated over several frames', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), false);
    await startRecording(page);
    const t0 = await page.evaluate(() => performance.now());
    await page.selectOption(SELECT, { label: '户均分红' });
    const immediate = await canvasHash(page, BASE);
    await page.waitForTimeout(900);
    const { changes, now } = await stopRecording(page);
    finalHash = await canvasHash(page, BASE);
    assert.equal(await settledHash(page, BASE, 100, 3), finalHash, 'nothing moves after the transition');
    assert.notEqual(immediate, finalHash, 'right after the switch the chart is not yet in its final state');
    // changes[0] is before the switch; the rest are the frames after it.
    const frames = changes.slice(1);
    assert.ok(frames.length >= 4, `at least 4 distinct frames after the switch, got ${frames.length}`);
    const last = frames[frames.length - 1];
    assert.ok(last.t - t0 > 250, `the animation lasts: last change ${Math.round(last.t - t0)} ms after the switch`);
    assert.ok(last.t - t0 < 900, `and ends: last change at ${Math.round(last.t - t0)} ms`);
    // The first frame after the switch and one halfway through are
    // intermediate: neither is the final picture. (By their order, not at
    // fixed times: on a loaded machine a frame can come late.)
    const early = frames[0];
    const mid = frames[Math.floor(frames.length / 2)];
    assert.ok(early.t - t0 > 0, 'frames were drawn after the switch');
    assert.equal(last.hash, now, 'the last frame recorded is what stays');
    assert.notEqual(early.hash, now, 'the first frame after the switch is intermediate');
    assert.notEqual(mid.hash, now, 'the frame halfway through is intermediate');
    assert.notEqual(early.hash, mid.hash, 'and they differ from each other');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('with prefers-reduced-motion the chart is final at once', async () => {
  const p = await openPage('file', { contextOptions: { reducedMotion: 'reduce' } });
  const { page } = p;
  try {
    assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
    const before = await canvasHash(page, BASE);
    await startRecording(page);
    await page.selectOption(SELECT, { label: '户均分红' });
    const immediate = await canvasHash(page, BASE);
    await page.waitForTimeout(600);
    const { changes } = await stopRecording(page);
    assert.notEqual(immediate, before, 'the switch redrew the chart');
    assert.equal(await canvasHash(page, BASE), immediate, 'no frame changes the chart after the switch');
    assert.ok(changes.length <= 2, `at most one change recorded (the switch itself), got ${changes.length - 1}`);
    if (finalHash) assert.equal(immediate, finalHash, 'the same picture the animation ends on');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
