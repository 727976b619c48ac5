// Issue 17 on the page: tables (CSV in GB18030 or UTF-8 with a BOM, pasted
// cells, JSON records, a same-origin ?data= address) are imported by the
// on-demand importer (pkg/heluo-tables.js) and charted; the line under the
// file name says what was understood, the panel corrects it and the charts
// follow; "Save as Heluo JSON" gives a file that loads back as the same
// charts; Heluo.render and <heluo-chart> take a JavaScript array of records.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPage, closeBrowser, chartTexts, chooseBytes, readTable, waitForTable, ROOT } from './helpers.mjs';

after(closeBrowser);

const TABLES = join(ROOT, 'www/data/tables');

/* Drops raw bytes on the page as a file, as a browser does. */
function dropBytes(page, name, buffer, type = '') {
  return page.evaluate(([name, base64, type]) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], name, { type }));
    for (const kind of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(kind, { bubbles: true, cancelable: true, composed: true, dataTransfer: dt }));
    }
  }, [name, buffer.toString('base64'), type]);
}

/* Waits until the page's status says `name` was loaded (the charts are swapped in). */
async function waitForCharts(page, match) {
  await page.waitForFunction((m) => {
    const caps = Array.from(document.querySelectorAll('#charts figure.chart figcaption')).map((c) => c.textContent).join('|');
    return caps.includes(m);
  }, match, { timeout: 15_000 }).catch(async (err) => {
    const alert = await page.textContent('#alert');
    const caps = await page.$$eval('#charts figcaption', (c) => c.map((x) => x.textContent));
    throw new Error(`no chart with "${match}": alert ${JSON.stringify(alert)}, captions ${JSON.stringify(caps)} (${err.message.split('\n')[0]})`);
  });
}

/* The rows of the data table of `kind`, opened and read whole (readTable). */
async function tableRows(page, kind) {
  return (await readTable(page, kind)).rows;
}

test('a dropped GBK bureau export draws its trend: 农村贫困发生率, 8 years', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    assert.equal(await page.evaluate(() => typeof HeluoTables), 'undefined', 'the importer loads only when a table arrives');
    const bytes = await readFile(join(TABLES, 'national-nbs.csv'));
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'the sample is GB18030, not UTF-8');
    await dropBytes(page, 'national-nbs.csv', bytes, 'text/csv');
    await page.waitForFunction(() => document.querySelector('#dataset-label').textContent.includes('national-nbs.csv'), null, { timeout: 15_000 });
    const [trend] = await chartTexts(page);
    assert.equal(trend.kind, 'chart-trend');
    // The indicator is the line, with its unit from "农村贫困发生率(%)"; the
    // title is the export's "指标：" line and the source its "数据来源：" line.
    assert.match(trend.label, /农村贫困发生率从2012年的10\.2%降至2019年的0\.6%/, trend.label);
    const { head: heads } = await readTable(page, 'trend');
    assert.deepEqual(heads.slice(1), ['农村贫困发生率']);
    assert.match(await page.textContent('#dataset-note'), /国家统计局/);
    const rows = await tableRows(page, 'trend');
    assert.equal(rows.length, 8, `8 years: ${JSON.stringify(rows)}`);
    assert.deepEqual(rows.map((r) => r[0]).sort(), ['2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019']);
    const r2013 = rows.find((r) => r[0] === '2013');
    assert.ok(r2013.some((c) => c.startsWith('8.5')), `2013 reads 8.5: ${r2013}`);
    // What was understood is said, in the page's language, with the panel to correct it.
    assert.equal(await page.isVisible('#import-box'), true);
    const line = await page.textContent('#import-line');
    assert.match(line, /趋势/, line);
    assert.equal(await page.textContent('#import-adjust'), '调整');
    assert.equal(await page.isHidden('#alert'), true, 'no error');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(await p.violations(), [], 'the importer loads under the strict policy');
  } finally {
    await p.close();
  }
});

const BOM_CSV = '\ufeff村,镇/街道,村集体经济收入(元)\n王屯村,科技园街道,"205,000"\n夏庄村,李楼镇,"168,000"\n皂角树村,李楼镇,"152,000"\n大西村,安乐镇,"96,000"\n';

test('a UTF-8 CSV with a BOM and "205,000" draws a ranking whose first value reads 205,000', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await chooseBytes(page, 'villages.csv', Buffer.from(BOM_CSV, 'utf8'), 'text/csv');
    /* The sample shown before has a ranking of 村集体经济收入 too: wait for
       the file's own name, then for its chart. */
    await page.waitForFunction(() => document.querySelector('#dataset-label').textContent.includes('villages.csv'), null, { timeout: 15_000 });
    await waitForCharts(page, '村集体经济收入');
    const rows = await tableRows(page, 'ranking');
    assert.equal(rows.length, 4, JSON.stringify(rows));
    assert.equal(rows[0][1], '王屯村', `the first row is 王屯村 (no BOM in the name): ${rows[0]}`);
    assert.ok(rows[0].some((c) => /^205,000/.test(c)), `first value reads 205,000: ${rows[0]}`);
    assert.deepEqual(p.pageErrors, []);

    // One bad cell among the rest: the chart is drawn, the summary counts it,
    // and the list names the place, one click away.
    await chooseBytes(page, 'villages2.csv', Buffer.from(BOM_CSV + '小村,安乐镇,约二十万\n', 'utf8'), 'text/csv');
    await page.waitForFunction(() => document.querySelector('#dataset-label').textContent.includes('villages2.csv'), null, { timeout: 15_000 });
    const again = await tableRows(page, 'ranking');
    assert.equal(again[0][1], '王屯村', 'the other villages are drawn');
    assert.ok(again.some((r) => r[1] === '大西村'), JSON.stringify(again));
    assert.match(await page.textContent('#import-line'), /跳过 1 个/);
    await page.click('#import-adjust');
    await page.click('#import-skipped summary');
    const item = await page.textContent('#import-skipped li');
    assert.match(item, /约二十万/, item);
    assert.match(item, /C/, `the column letter: ${item}`);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a table pasted outside text fields is charted; a paste into a field is not', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const paste = (text, selector) => page.evaluate(([text, selector]) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      const target = selector ? document.querySelector(selector) : document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, [text, selector]);
    const cells = '年份\t洛龙区\t全国\n2013\t3.12\t8.5\n2016\t1.5\t4.5\n2019\t0.36\t0.6\n';
    // Into the embed code's textarea: the page leaves it alone.
    const before = await chartTexts(page);
    await paste(cells, '#embed-element');
    await page.waitForTimeout(300);
    assert.deepEqual(await chartTexts(page), before, 'a paste into a text field changes nothing');
    await paste(cells, null);
    await page.waitForFunction(() => document.querySelector('#dataset-label').textContent === '粘贴的表格', null, { timeout: 15_000 });
    const rows = await tableRows(page, 'trend');
    assert.deepEqual(rows.map((r) => r[0]), ['2013', '2016', '2019']);
    const heads = await page.$$eval('#charts figure.chart-trend table.data thead th', (t) => t.map((x) => x.textContent));
    assert.deepEqual(heads.slice(1), ['洛龙区', '全国']);
    assert.ok(rows[0].some((c) => c.startsWith('3.12')), JSON.stringify(rows[0]));
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('index.html?data= loads a same-origin table; a missing or cross-origin one says which', async () => {
  const p = await openPage('http', { path: 'www/index.html?data=data/tables/luolong-villages.csv' });
  const { page, server } = p;
  try {
    const rows = await tableRows(page, 'ranking');
    assert.equal(rows[0][1], '王屯村', JSON.stringify(rows[0]));
    assert.equal(await page.textContent('#dataset-label'), await page.evaluate(() => Heluo.fillText(HELUO_PAGE_WORDS['zh-CN'].fileLabel, 'luolong-villages.csv', '')));

    await page.goto(server.url('www/index.html?data=data/tables/missing.csv'));
    await page.waitForSelector('#alert:not([hidden])', { timeout: 15_000 });
    assert.match(await page.textContent('#alert'), /HTTP 404/);
    assert.match(await page.textContent('#alert'), /data\/tables\/missing\.csv/);

    await page.goto(server.url('www/index.html?data=https://example.com/table.csv'));
    await page.waitForSelector('#alert:not([hidden])', { timeout: 15_000 });
    assert.match(await page.textContent('#alert'), /另一个网站/, 'cross-origin, in the page\'s language');

    // The embed takes the same parameter.
    await page.goto(server.url('www/embed.html?data=data/tables/national-nbs.csv&chart=trend'));
    await page.waitForFunction(() => {
      const h = document.querySelector('heluo-chart');
      return h && h.shadowRoot && h.shadowRoot.querySelector('figure.chart-trend figcaption');
    }, null, { timeout: 15_000 });
    const label = await page.$eval('heluo-chart', (h) => h.shadowRoot.querySelector('canvas.base').getAttribute('aria-label'));
    assert.match(label, /农村贫困发生率从2012年的10\.2%/, label);
    await page.goto(server.url('www/embed.html?data=https://example.com/table.csv'));
    assert.match(await page.textContent('[role=alert]'), /另一个网站/);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('correcting the mapping redraws; an impossible one is explained and the charts stay', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await chooseBytes(page, 'luolong-villages.csv', await readFile(join(TABLES, 'luolong-villages.csv')), 'text/csv');
    /* The sample shown before ranks the same villages: wait for the file's
       own name first, or the steps below race the import. */
    await page.waitForFunction(() => document.querySelector('#dataset-label').textContent.includes('luolong-villages.csv'), null, { timeout: 15_000 });
    await waitForCharts(page, '村');
    const first = await tableRows(page, 'ranking');
    assert.equal(first[0][1], '王屯村');
    await page.click('#import-adjust');
    // The controls are labelled (a screen reader names each).
    const unlabelled = await page.$$eval('#import-form select, #import-form input', (els) =>
      els.filter((e) => !(e.labels && e.labels.length && e.labels[0].textContent.trim())).map((e) => e.id));
    assert.deepEqual(unlabelled, []);
    const values = await page.$$eval('#import-form input[type=checkbox][id^=import-value-]', (els) =>
      els.map((e) => [e.labels[0].textContent, e.checked]));
    assert.deepEqual(values.filter((v) => v[1]).map((v) => v[0]), ['村集体经济收入(元)', '户均分红(元)'], JSON.stringify(values));
    // Only 户均分红: the ranking's metric is now that column.
    await page.getByLabel('村集体经济收入(元)', { exact: true }).uncheck();
    const heads = (await waitForTable(page, 'ranking', (t) => !t.head.join('|').includes('村集体经济收入'))).head.join('|');
    assert.match(heads, /户均分红/, heads);
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.labels[0].textContent), '村集体经济收入(元)', 'focus stays on the control');
    // The unit of a value column.
    await page.getByLabel('“户均分红(元)”的单位').fill('块');
    await page.getByLabel('“户均分红(元)”的单位').press('Enter');
    await page.getByLabel('“户均分红(元)”的单位').evaluate((e) => e.dispatchEvent(new Event('change')));
    await waitForTable(page, 'ranking', (t) => t.text.includes('块'));
    assert.equal(await page.isHidden('#import-error'), true, `a unit is a fine correction: ${await page.textContent('#import-error')}`);
    // Naming a column that cannot be the name: the panel says why; the chart stays.
    const shown = await tableRows(page, 'ranking');
    await page.selectOption('#import-name', '');
    await page.waitForSelector('#import-error:not([hidden])', { timeout: 10_000 });
    assert.match(await page.textContent('#import-error'), /无法这样调整：.*名称/);
    assert.deepEqual(await tableRows(page, 'ranking'), shown, 'the charts stay');
    assert.equal(await page.isHidden('#alert'), true, `the error is the panel's, not the page's: ${await page.textContent('#alert')}`);
    // Back to a name column: the error goes.
    await page.selectOption('#import-name', '村');
    await page.waitForSelector('#import-error', { state: 'hidden', timeout: 10_000 });
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('Save as Heluo JSON, then loading that file, gives the same charts', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await chooseBytes(page, 'national-nbs.csv', await readFile(join(TABLES, 'national-nbs.csv')), 'text/csv');
    await page.waitForFunction(() => document.querySelector('#dataset-label').textContent.includes('national-nbs.csv'), null, { timeout: 15_000 });
    const before = await chartTexts(page);
    assert.match(before[0].label, /农村贫困发生率/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#save-json')]);
    assert.equal(download.suggestedFilename(), 'heluo-dataset.json');
    const saved = await readFile(await download.path());
    const json = JSON.parse(saved.toString('utf8'));
    assert.ok(json.recipe && typeof json.recipe === 'object', 'the recipe is kept in the file');
    // Something else first, then the saved file.
    await page.selectOption('#sample-select', '1');
    await page.waitForFunction(() => !document.querySelector('#dataset-label').textContent.includes('national-nbs.csv'));
    await chooseBytes(page, 'heluo-dataset.json', saved);
    await page.waitForFunction(() => document.querySelector('#dataset-label').textContent.includes('heluo-dataset.json'), null, { timeout: 15_000 });
    assert.equal(await page.isHidden('#alert'), true, await page.textContent('#alert'));
    assert.equal(await page.isHidden('#import-box'), true, 'format v1: nothing to adjust');
    const afterTexts = await chartTexts(page);
    assert.deepEqual(afterTexts.map((c) => [c.kind, c.caption, c.table]), before.map((c) => [c.kind, c.caption, c.table]));
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a .json that is neither format v1 nor a table keeps format v1\'s message', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await chooseBytes(page, 'broken.json', Buffer.from('{"title": "x", "trend": ', 'utf8'));
    await page.waitForSelector('#alert:not([hidden])', { timeout: 15_000 });
    // heluo.js says only where; the page shows the whole message, which the
    // table importer gives (Heluo.explain), and says it once.
    const expected = await page.evaluate(async () => {
      const bytes = new TextEncoder().encode('{"title": "x", "trend": ');
      try { Heluo.parseDataset(bytes, 'zh-CN'); } catch (e) { return (await Heluo.explain(e, bytes, 'zh-CN')).message; }
      return null;
    });
    assert.match(expected, /JSON 语法错误，位于第 1 行第 24 列/);
    assert.ok((await page.textContent('#alert')).includes(expected), await page.textContent('#alert'));
  } finally {
    await p.close();
  }
});

test('Heluo.render and <heluo-chart> take a JavaScript array of records with a mapping', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const result = await page.evaluate(async () => {
      const box = document.createElement('div');
      document.body.appendChild(box);
      const records = [
        { year: 2013, county: '洛龙区', rate: 3.12, id: 'a' },
        { year: 2016, county: '洛龙区', rate: 1.5, id: 'b' },
        { year: 2019, county: '洛龙区', rate: 0.36, id: 'c' },
        { year: 2013, county: '全国', rate: 8.5, id: 'd' },
        { year: 2019, county: '全国', rate: 0.6, id: 'e' },
      ];
      const handle = Heluo.render(box, records, { chart: 'trend', time: 'year', name: 'county', value: 'rate' });
      await handle.ready;
      // The tables are built when opened (their button), as a reader does.
      handle.chart.figure.querySelector('button.show-table').click();
      const cells = Array.from(handle.chart.figure.querySelectorAll('table.data td')).map((td) => td.textContent);
      // An object of columns, too.
      const box2 = document.createElement('div');
      document.body.appendChild(box2);
      const h2 = Heluo.render(box2, { village: ['甲村', '乙村'], income: [100, 300] }, { name: 'village', value: 'income' });
      await h2.ready;
      h2.chart.figure.querySelector('button.show-table').click();
      const first = Array.from(h2.chart.figure.querySelector('table.data tr[aria-rowindex="2"]').cells).map((c) => c.textContent);
      return { figure: handle.chart.figure.matches('figure.chart-trend') && box.contains(handle.chart.figure.getRootNode().host), cells, first };
    });
    assert.ok(result.figure, 'a trend is drawn');
    assert.ok(result.cells.some((c) => c.startsWith('3.12')), JSON.stringify(result.cells));
    assert.ok(result.cells.some((c) => c.startsWith('8.5')));
    assert.equal(result.first[1], '乙村', `the larger first: ${result.first}`);

    // The element with the mapping as attributes and records inline.
    await page.evaluate(() => {
      const h = document.createElement('heluo-chart');
      h.id = 'records';
      h.setAttribute('time', 'year');
      h.setAttribute('name', 'county');
      h.setAttribute('value', 'rate');
      const s = document.createElement('script');
      s.type = 'application/json';
      s.textContent = JSON.stringify([{ year: 2013, county: '洛龙区', rate: 3.12 }, { year: 2019, county: '洛龙区', rate: 0.36 }]);
      h.appendChild(s);
      document.body.prepend(h);
    });
    await page.waitForFunction(() => {
      const h = document.getElementById('records');
      return h.shadowRoot && h.shadowRoot.querySelector('figure.chart-trend');
    }, null, { timeout: 15_000 });
    const cells = await page.$eval('#records', (h) => {
      h.shadowRoot.querySelector('button.show-table').click();
      return Array.from(h.shadowRoot.querySelectorAll('table.data td')).map((td) => td.textContent);
    });
    assert.ok(cells.some((c) => c.startsWith('0.36')), JSON.stringify(cells));
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a recipe replays an import: Heluo.render and <heluo-chart recipe>, and the page\'s iframe code carries it', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const csv = 'village,town,income,dividend\n甲村,一镇,100,50\n乙村,一镇,300,7\n丙村,二镇,200,9\n';
    const result = await page.evaluate(async (csv) => {
      const tables = await loadTableImporter();
      const imp = tables.Import.fromText(csv, false, undefined, 'zh-CN');
      const inferred = imp.mapping();
      imp.free();
      // The correction a reader makes: rank by dividend only.
      const recipe = Object.assign({}, inferred, { value: ['dividend'], metrics: ['dividend'] });
      const columns = async (options) => {
        const box = document.createElement('div');
        document.body.appendChild(box);
        const h = Heluo.render(box, csv, Object.assign({ chart: 'ranking' }, options));
        await h.ready;
        return { metric: h.chart.engine.metricKey, columns: h.chart.engine.table().columns };
      };
      // setOptions draws the same table again with other options.
      const box = document.body.appendChild(document.createElement('div'));
      const h = Heluo.render(box, csv, { chart: 'ranking' });
      await h.ready;
      h.setOptions({ metric: 'dividend', lang: 'en' });
      await h.ready;
      const again = { metric: h.chart.engine.metricKey, lang: h.chart.engine.lang, rows: h.chart.engine.table().rows.map((r) => r.join('|')) };
      return { inferred, again, plain: await columns({}), asText: await columns({ recipe: JSON.stringify(recipe) }), asObject: await columns({ recipe }) };
    }, csv);
    assert.equal(result.again.metric, 'dividend', JSON.stringify(result.again));
    assert.equal(result.again.lang, 'en');
    assert.equal(result.again.rows.length, 3, JSON.stringify(result.again));
    assert.match(result.again.rows[0], /甲村\|.*50/, 'the villages by dividend, 甲村 first');
    assert.ok(JSON.stringify(result.plain.columns).includes('income'), JSON.stringify(result));
    for (const replayed of [result.asText, result.asObject]) {
      assert.ok(!JSON.stringify(replayed.columns).includes('income'), `the recipe's metrics only: ${JSON.stringify(replayed)}`);
      assert.ok(JSON.stringify(replayed.columns).includes('dividend'), JSON.stringify(replayed));
    }
    // A recipe that is not JSON is named.
    const bad = await page.evaluate(async (csv) => {
      try { Heluo.render(document.body.appendChild(document.createElement('div')), csv, { recipe: '{nope' }); } catch (e) { return e.message; }
      return null;
    }, csv);
    assert.match(bad || '', /^recipe: not JSON/);

    // The page's iframe code for an imported table carries its recipe.
    await chooseBytes(page, 'villages.csv', Buffer.from(csv, 'utf8'));
    await page.waitForFunction(() => document.querySelector('#charts figure'), null, { timeout: 15_000 });
    await page.evaluate(() => { document.getElementById('embed-panel').open = true; });
    await page.waitForFunction(() => /recipe=/.test(document.getElementById('embed-iframe').value), null, { timeout: 5_000 });
    const code = await page.$eval('#embed-iframe', (t) => t.value);
    const src = code.match(/src="heluo-embed\/embed\.html\?([^"]*)"/)[1].replace(/&amp;/g, '&');
    const recipe = JSON.parse(new URLSearchParams(src).get('recipe'));
    assert.deepEqual(recipe.metrics || recipe.value, result.inferred.metrics || result.inferred.value);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a file dragged over the page starts loading the importer; dragged text does not', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const drag = (withFile) => page.evaluate((withFile) => {
      const dt = new DataTransfer();
      if (withFile) dt.items.add(new File(['a,b\n1,2\n'], 'x.csv', { type: 'text/csv' }));
      else dt.setData('text/plain', 'a,b');
      document.body.dispatchEvent(new DragEvent('dragenter', { bubbles: true, cancelable: true, dataTransfer: dt }));
      document.body.dispatchEvent(new DragEvent('dragleave', { bubbles: true, dataTransfer: dt }));
    }, withFile);
    await drag(false);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await page.evaluate(() => typeof HeluoTables), 'undefined', 'dragged text loads nothing');
    await drag(true);
    await page.waitForFunction(() => typeof HeluoTables === 'object', null, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.body.classList.contains('dragging')), false, 'the drag left: no highlight');
    assert.equal(await page.isHidden('#alert'), true);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});
