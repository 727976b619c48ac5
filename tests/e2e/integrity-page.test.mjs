// Issue 8 on the page: user text that could reorder or break the page's words
// (bidi controls, control characters) in data and in file names; exports
// well-formed whatever the data; dropping a folder or two files; the reader's
// last choice wins a loading race; 10,000 groups and 60,000 annotations keep
// the page small and quick.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, chooseFile, chartTexts, waitForCaption, hoverUntil,
  exportFrom, liveText, rankingRows, canvasSize, hoverAt, keepFramesRunning, unbreakableDataset, tooltipOf,
} from './helpers.mjs';

after(closeBrowser);

/* Bidi formatting characters, C0/C1 controls but tab and line feed, noncharacters. */
const UNSAFE = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u0000-\u0008\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]/u;
const show = (s) => String(JSON.stringify(s)).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function hostileDataset() {
  const villages = Array.from({ length: 12 }, (_, i) => ({
    name: `村\u202E${i}\u0007`,
    group: i % 2 ? '白马寺镇\u202E' : '李楼镇\u0001',
    values: { income: 1000 * (i + 1) },
  }));
  return JSON.stringify({
    title: '反转\u202E测试\uFFFE',
    source: '东方\u202E今报\u001B',
    trend: {
      title: '贫困\u202E发生率',
      unit: '%',
      series: [{ name: '洛龙\u202E区\u0000', points: [[2013, 3.12], [2016, 1.5], [2019, 0.36]] }],
      annotations: [{ year: 2016, label: '精准\u202E扶贫\u0008' }],
    },
    ranking: { metrics: [{ key: 'income', label: '收入\u202E', unit: '元' }], villages },
  });
}

/* Every text the page shows outside the charts' canvases. */
function pageTexts(page) {
  return page.evaluate(() => ({
    body: document.body.innerText,
    alert: document.getElementById('alert').textContent,
    status: document.getElementById('page-status').textContent,
    label: document.getElementById('dataset-label').textContent,
    attrs: Array.from(document.querySelectorAll('[aria-label],[title]')).map((n) => (n.getAttribute('aria-label') || '') + (n.getAttribute('title') || '')).join('\n'),
    all: document.documentElement.textContent,
  }));
}

test('a U+202E and control characters in the data reach no text of the page, tooltip, table, announcement or export', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await chooseFile(page, 'hostile.json', hostileDataset());
    await waitForCaption(page, 'ranking', '收入');
    assert.equal(await page.textContent('#dataset-title'), '反转测试');
    const charts = await chartTexts(page);
    for (const c of charts) {
      for (const field of ['caption', 'label', 'table']) {
        assert.ok(!UNSAFE.test(c[field]), `${c.kind} ${field}: ${show(c[field])}`);
      }
    }
    const ranking = charts.find((c) => c.kind === 'chart-ranking');
    assert.ok(ranking.table.includes('村0'), 'the names are in the table, cleaned');
    assert.match(ranking.label, /村11的收入在 12 个村中排第一/, `the chart's own words read in order: ${ranking.label}`);

    const trendTip = await hoverUntil(page, 'trend', (t) => t.visible && t.heading === '2016年');
    assert.ok(trendTip, 'a trend tooltip');
    assert.ok(!UNSAFE.test(trendTip.text), `trend tooltip: ${show(trendTip.text)}`);
    assert.match(trendTip.text, /洛龙区/);
    const rows = await rankingRows(page);
    const { width } = await canvasSize(page, 'ranking');
    const tip = await hoverAt(page, 'ranking', width * 0.5, rows[0].y);
    assert.equal(tip.visible, true);
    assert.ok(!UNSAFE.test(tip.text), `ranking tooltip: ${show(tip.text)}`);
    assert.match(tip.text, /村11/);
    await page.mouse.move(1, 1);

    // An announcement naming a village and its group.
    await page.focus('#charts figure.chart-ranking canvas.base');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const said = await liveText(page, 'ranking');
    assert.match(said, /村11/);
    assert.ok(!UNSAFE.test(said), `announcement: ${show(said)}`);

    const texts = await pageTexts(page);
    for (const [k, v] of Object.entries(texts)) assert.ok(!UNSAFE.test(v), `${k}: ${show(v)}`);

    // Exports: fixed file names; the SVG parses as XML and the count reads in order.
    await keepFramesRunning(page);
    for (const kind of ['trend', 'ranking']) {
      const svg = await exportFrom(page, kind, 'export-svg');
      assert.equal(svg.name, `heluo-${kind}.svg`);
      const text = svg.buffer.toString('utf8');
      assert.ok(!UNSAFE.test(text), `${kind} SVG: ${show(text.match(UNSAFE)?.[0])}`);
      const parsed = await page.evaluate((t) => {
        const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
        return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.nodeName };
      }, text);
      assert.deepEqual(parsed, { error: 0, root: 'svg' }, `${kind}: the SVG is well-formed XML`);
      if (kind === 'ranking') assert.match(text, /共 12 个村/, 'the count reads in order');
      const png = await exportFrom(page, kind, 'export-png');
      assert.equal(png.name, `heluo-${kind}.png`);
      assert.equal(png.buffer.subarray(1, 4).toString('latin1'), 'PNG');
    }
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('a U+202E in a file name does not reverse the alert, the label or the status', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await chooseFile(page, 'data\u202Egnp.json', '{"trend": [[2013, "3.1%"]]}');
    await page.waitForSelector('#alert:not([hidden])');
    const alert = await page.textContent('#alert');
    assert.ok(!UNSAFE.test(alert), `alert: ${show(alert)}`);
    assert.equal(alert, '无法载入 “datagnp.json”：trend[0][1]：应为数字，实为字符串 "3.1%"');

    await chooseFile(page, 'good\u202Enosj.json', '{"trend": {"title": "好", "series": [{"name": "甲", "points": [[2013, 1], [2014, 2]]}]}}');
    await waitForCaption(page, 'trend', '好');
    const texts = await pageTexts(page);
    for (const [k, v] of Object.entries(texts)) assert.ok(!UNSAFE.test(v), `${k}: ${show(v)}`);
    assert.equal(texts.label, '文件：goodnosj.json');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

/* Drops `files` ([{ name, text }]) on the page; `folder` makes the first item a directory entry. */
function dropMany(page, files, { folder = false } = {}) {
  return page.evaluate(([files, folder]) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    // Chromium gives a dropped folder a File entry whose webkitGetAsEntry() is a
    // directory; a DataTransfer made in a page cannot hold one, so say so here.
    const proto = DataTransferItem.prototype;
    const original = proto.webkitGetAsEntry;
    if (folder) proto.webkitGetAsEntry = function () { return { isDirectory: true, isFile: false, name: this.getAsFile().name }; };
    const fire = (type) => document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    try {
      fire('dragenter');
      fire('dragover');
      fire('drop');
    } finally {
      proto.webkitGetAsEntry = original;
    }
  }, [files, folder]);
}

function captions(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('#charts figure')).map((f) => document.getElementById(f.getAttribute('aria-labelledby')).textContent));
}

test('dropping a folder says so in the page\'s language and keeps the charts', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const before = await captions(page);
    await dropMany(page, [{ name: '数据', text: '' }], { folder: true });
    await page.waitForSelector('#alert:not([hidden])');
    assert.equal(await page.textContent('#alert'), '“数据”是文件夹：请拖入一个数据文件。');
    await page.waitForTimeout(300);
    assert.deepEqual(await captions(page), before, 'the charts stay');
    // In English, too.
    await page.selectOption('#lang-select', 'en');
    await dropMany(page, [{ name: 'data', text: '' }], { folder: true });
    await page.waitForFunction(() => !/文件夹/.test(document.getElementById('alert').textContent));
    const en = await page.textContent('#alert');
    assert.match(en, /folder/i);
    assert.ok(!/[\u4e00-\u9fff]/.test(en), en);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('dropping two files loads the first and says the second was not loaded', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const trend = (title) => JSON.stringify({ trend: { title, series: [{ name: '甲', points: [[2013, 1], [2014, 2]]}] } });
    await dropMany(page, [{ name: 'a.json', text: trend('第一个') }, { name: 'b.json', text: trend('第二个') }]);
    await waitForCaption(page, 'trend', '第一个');
    await page.waitForSelector('#alert:not([hidden])');
    assert.equal(await page.textContent('#alert'), '拖入了 2 个文件，只载入了第一个：“a.json”。');
    assert.equal(await page.textContent('#dataset-label'), '文件：a.json');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

/* Drops a file of `size` bytes made in the page (the dataset `head`, then spaces), then `ms` later a small one. */
function dropBigThenSmall(page, big, size, small, ms) {
  return page.evaluate(([big, size, small, ms]) => {
    const drop = (file) => {
      const dt = new DataTransfer();
      dt.items.add(file);
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
      }
    };
    const bytes = new Uint8Array(size).fill(0x20);
    bytes.set(new TextEncoder().encode(big));
    drop(new File([bytes], 'big.json', { type: 'application/json' }));
    return new Promise((resolve) => setTimeout(() => { drop(new File([small], 'small.json', { type: 'application/json' })); resolve(); }, ms));
  }, [big, size, small, ms]);
}

test('a big file then a small one dropped 5–20 ms later: the small one shows and stays', async () => {
  const p = await openPage('file');
  const { page } = p;
  const trend = (title) => JSON.stringify({ trend: { title, series: [{ name: '甲', points: [[2013, 1], [2014, 2]]}] } });
  try {
    for (const [size, ms] of [[2 * 1024 * 1024, 5], [12 * 1024 * 1024, 20]]) {
      await dropBigThenSmall(page, trend(`大${size}`), size, trend(`小${size}`), ms);
      await waitForCaption(page, 'trend', `小${size}`, 10_000);
      await page.waitForFunction(() => document.getElementById('load-progress').hidden, null, { timeout: 10_000 });
      await page.waitForTimeout(2500);
      assert.deepEqual(await captions(page), [`小${size}`], `the older big file never replaces the small one (${size} bytes, ${ms} ms)`);
      assert.equal(await page.textContent('#dataset-label'), '文件：small.json');
    }
    // A sample chosen right after a big file: the sample wins, and the menu names it.
    const sample = await page.$eval('#sample-select', (s) => s.options[s.options.length - 1].value);
    const label = await page.$eval('#sample-select', (s) => s.options[s.options.length - 1].textContent);
    await page.evaluate((big) => {
      const bytes = new Uint8Array(2 * 1024 * 1024).fill(0x20);
      bytes.set(new TextEncoder().encode(big));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'big.json', { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }, trend('大文件'));
    await page.selectOption('#sample-select', sample);
    await page.waitForTimeout(2500);
    assert.equal(await page.textContent('#dataset-label'), label, 'the sample is shown');
    assert.ok(!(await captions(page)).includes('大文件'), 'the big file never replaces the sample');
    assert.equal(await page.$eval('#sample-select', (s) => s.value), sample);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

/* Narrows #charts to `w` px and times the frame in which the charts re-lay out
   (their ResizeObserver runs before the next paint); checks a canvas changed width. */
function timedResize(page, kind, w) {
  return page.evaluate(([kind, w]) => new Promise((resolve) => {
    const canvas = document.querySelector(`#charts figure.chart-${kind} canvas.base`);
    const before = canvas.width;
    const t0 = performance.now();
    document.getElementById('charts').style.width = `${w}px`;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve({ ms: performance.now() - t0, changed: canvas.width !== before })));
  }), [kind, w]);
}

test('10,000 groups: the page stays short and a resize is quick', async () => {
  const p = await openPage('file', { viewport: { width: 900, height: 900 } });
  const { page } = p;
  try {
    const villages = Array.from({ length: 10_000 }, (_, i) => ({ name: `村${i}`, group: `镇${i}`, values: { v: i } }));
    await chooseFile(page, 'groups.json', JSON.stringify({ ranking: { title: '万组', metrics: [{ key: 'v', label: '值' }], villages } }));
    await waitForCaption(page, 'ranking', '万组：值', 15_000);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height < 3000, `the page is ${height} px tall`);
    const times = [];
    for (const w of [700, 860, 640, 820]) {
      const r = await timedResize(page, 'ranking', w);
      assert.ok(r.changed, `the ranking was re-laid out at ${w} px`);
      times.push(r.ms);
    }
    const worst = Math.max(...times);
    assert.ok(worst < 300, `a resize takes up to ${worst.toFixed(0)} ms: ${times.map((t) => t.toFixed(0))}`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('60,000 annotations: loading and resizing stay quick, and the SVG export stays small', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const annotations = Array.from({ length: 60_000 }, (_, i) => ({ year: 2000 + (i % 20), label: `注${i}` }));
    const text = JSON.stringify({ trend: { title: '六万注', series: [{ name: 'A', points: [[2000, 3], [2019, 1]] }], annotations } });
    const t0 = Date.now();
    await chooseFile(page, 'notes.json', text);
    await waitForCaption(page, 'trend', '六万注', 15_000);
    const load = Date.now() - t0;
    assert.ok(load < 3000, `loading took ${load} ms`);
    const resize = await timedResize(page, 'trend', 600);
    assert.ok(resize.changed, 'the trend was re-laid out');
    assert.ok(resize.ms < 500, `a resize took ${resize.ms.toFixed(0)} ms`);
    await keepFramesRunning(page);
    const svg = await exportFrom(page, 'trend', 'export-svg');
    assert.ok(svg.buffer.length < 500_000, `the SVG is ${svg.buffer.length} bytes`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('375 px, underscore-joined names and a URL source: hovering 90–95 % across shows the last year', async () => {
  const p = await openPage('file', { viewport: { width: 375, height: 800 } });
  const { page } = p;
  try {
    await chooseFile(page, 'long_tokens_everywhere_in_one_name.json', unbreakableDataset({ length: 120 }).replace(/Seriesnamewithoutspaces/g, 'series_name_'));
    await page.waitForFunction(() => document.getElementById('dataset-title').textContent.length >= 120);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `the page scrolls sideways: ${width}`);
    const { width: w, height: h } = await canvasSize(page, 'trend');
    for (const x of [0.9, 0.925, 0.95]) {
      const tip = await hoverAt(page, 'trend', w * x, h * 0.6);
      assert.equal(tip.visible, true, `a tooltip at ${x * 100} %`);
      assert.equal(tip.heading, '2019年', `the last year at ${x * 100} %`);
    }
    assert.ok((await tooltipOf(page, 'trend')).rows.some((r) => r.includes('0.36%')));
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
