// Issue 17, "the view can be shared as a # fragment": the page writes the
// chart(s), the metric, the pins, the zoom (and, for an imported table the
// reader corrected, its mapping) into location.hash as the reader changes
// them, with history.replaceState (no reload, no new history entry); a page
// opened with such a fragment, with a sample or ?data=<url>, shows that view.
// Unknown or stale parts are ignored without an error, and the fragment's
// text is never markup.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, fileUrl, inFigure, startServer } from './helpers.mjs';

after(closeBrowser);

/* The fragment as the page wrote it, decoded. */
async function fragment(page) {
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#v1&/, hash);
  const params = new URLSearchParams(hash.slice(4));
  return { hash, get: (k) => params.get(k), all: (k) => params.getAll(k) };
}

/* Opens `url` fresh (a hash-only change of the same page would not reload it). */
async function openAt(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('html[data-heluo="ready"]', { state: 'attached', timeout: 15_000 });
}

function label(page, kind) {
  return page.$eval(inFigure(kind, 'canvas.base'), (c) => c.getAttribute('aria-label'));
}

test('the reader\'s changes are written to the fragment, without a reload or a history entry', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await page.evaluate(() => { window.__sameDocument = true; });
    const length = await page.evaluate(() => history.length);
    let f = await fragment(page);
    assert.equal(f.get('sample'), 'luolong.json');
    assert.equal(f.get('chart'), 'trend,ranking');
    assert.equal(f.get('metric'), 'income');
    assert.equal(f.get('zoom'), null);
    assert.deepEqual(f.all('pin'), []);

    // The metric menu.
    const metric = inFigure('ranking', 'select');
    const options = await page.$$eval(`${metric} option`, (o) => o.map((x) => x.textContent));
    await page.selectOption(metric, String(options.findIndex((t) => /分红/.test(t))));
    await page.waitForFunction(() => /metric=dividend/.test(location.hash));
    // A pin, by the search box (Enter pins the first match).
    await page.fill(inFigure('ranking', 'input'), '夏庄');
    await page.press(inFigure('ranking', 'input'), 'Enter');
    await page.waitForFunction(() => /pin=/.test(location.hash));
    // A zoom, by the button.
    await page.click(inFigure('trend', 'button.zoom-in'));
    await page.waitForFunction(() => /zoom=\d+-\d+/.test(location.hash));
    f = await fragment(page);
    assert.equal(f.get('metric'), 'dividend');
    assert.deepEqual(f.all('pin'), ['夏庄村']);
    assert.match(f.get('zoom'), /^20\d\d-20\d\d$/);
    assert.match(f.hash, /chart=trend,ranking/, 'readable: the comma is not escaped');
    assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
    assert.equal(await page.evaluate(() => history.length), length, 'no new history entry');

    // Reset zoom: the zoom leaves the fragment.
    await page.focus(inFigure('trend', 'canvas.base'));
    await page.keyboard.press('0');
    await page.waitForFunction(() => !/zoom=/.test(location.hash));
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('a page opened with a fragment shows that view: sample, metric, pins, zoom, charts', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const plain = await label(page, 'trend');
    await openAt(page, `${fileUrl()}#v1&sample=luolong.json&metric=dividend&pin=${encodeURIComponent('夏庄村')}&pin=${encodeURIComponent('王屯村')}&zoom=2014-2017`);
    await page.waitForFunction(() => /pin=/.test(location.hash) && /zoom=/.test(location.hash));
    const f = await fragment(page);
    // Read back from the engine: the view was applied, not just copied.
    assert.equal(f.get('metric'), 'dividend');
    assert.deepEqual(f.all('pin'), ['夏庄村', '王屯村']);
    const zoom = f.get('zoom').split('-').map(Number);
    assert.ok(zoom[0] >= 2014 && zoom[1] <= 2017 && zoom[1] > zoom[0], `zoomed inside 2014–2017: ${f.get('zoom')}`);
    // And the reader sees it: the metric menu, the trend's description of the years shown.
    const metric = await page.$eval(inFigure('ranking', 'select'), (s) => s.options[s.selectedIndex].textContent);
    assert.match(metric, /分红/);
    const zoomed = await label(page, 'trend');
    assert.notEqual(zoomed, plain, 'the trend describes the zoomed years');
    assert.match(await label(page, 'ranking'), /夏庄村|王屯村/);

    // chart= keeps only the charts it names.
    await openAt(page, `${fileUrl()}#v1&sample=${encodeURIComponent('tables/luolong-trend-records.json')}&chart=trend`);
    const kinds = await page.$$eval('#charts figure.chart', (f) => f.map((x) => x.className));
    assert.equal(kinds.length, 1, `one chart: ${kinds}`);
    assert.match(kinds[0], /chart-trend/);
    assert.equal((await fragment(page)).get('sample'), 'tables/luolong-trend-records.json');
    assert.equal(await page.$eval('#sample-select', (s) => s.options[s.selectedIndex].textContent), await page.textContent('#dataset-label'));
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('unknown, stale or hostile parts are ignored: no error, no markup', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const evil = encodeURIComponent('<img src=x onerror="window.__owned=1">');
    await openAt(page, `${fileUrl()}#v1&sample=${evil}&metric=${evil}&pin=${evil}&pin=${encodeURIComponent('不存在村')}&zoom=abc&chart=${evil}&future=1&time=${evil}`);
    await page.waitForFunction(() => /^#v1&/.test(location.hash));
    assert.equal(await page.isHidden('#alert'), true, 'no alert');
    assert.equal(await page.evaluate(() => window.__owned), undefined);
    assert.equal(await page.$$eval('img', (i) => i.length), 0, 'nothing became markup');
    const f = await fragment(page);
    assert.equal(f.get('sample'), 'luolong.json', 'the first sample');
    assert.equal(f.get('metric'), 'income', 'the default metric');
    assert.deepEqual(f.all('pin'), []);
    assert.equal(f.get('future'), null, 'what the page does not know is not written back');
    assert.equal(await page.$$eval('#charts figure.chart', (x) => x.length), 2);

    // A fragment of another version is left alone.
    await openAt(page, `${fileUrl()}#v9&metric=dividend`);
    assert.equal((await fragment(page)).get('metric'), 'income');
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('?data= with a fragment: the corrected mapping and the view come back', async () => {
  const p = await openPage('http', { path: 'www/index.html?data=data/tables/luolong-villages.csv' });
  const { page, server } = p;
  try {
    await page.waitForFunction(() => document.querySelector('#dataset-label').textContent.includes('luolong-villages.csv'), null, { timeout: 15_000 });
    let f = await fragment(page);
    assert.equal(f.get('sample'), null, 'not a sample');
    assert.equal(f.get('value'), null, 'the mapping as inferred is not written');
    // Correct the mapping: only the dividend column as a value.
    await page.click('#import-adjust');
    const boxes = await page.$$eval('#import-form fieldset input[type=checkbox][id^=import-value-]', (b) =>
      b.map((x) => ({ id: x.id, text: x.parentElement.textContent, checked: x.checked })));
    const income = boxes.find((b) => /收入/.test(b.text));
    assert.ok(income && income.checked, JSON.stringify(boxes));
    await page.click(`#${income.id}`);
    await page.waitForFunction(() => /value=/.test(location.hash));
    await page.fill(inFigure('ranking', 'input'), '王屯');
    await page.press(inFigure('ranking', 'input'), 'Enter');
    await page.waitForFunction(() => /pin=/.test(location.hash));
    f = await fragment(page);
    assert.deepEqual(f.all('value'), ['户均分红(元)']);
    assert.equal(f.get('encoding'), 'utf-8');
    assert.deepEqual(f.all('pin'), ['王屯村']);
    const link = await page.evaluate(() => location.href);

    await page.goto('about:blank');
    await page.goto(link);
    await page.waitForFunction(() => /pin=/.test(location.hash) && document.querySelector('#dataset-label').textContent.includes('luolong-villages.csv'), null, { timeout: 15_000 });
    const back = await fragment(page);
    assert.deepEqual(back.all('value'), ['户均分红(元)']);
    assert.deepEqual(back.all('pin'), ['王屯村']);
    // The ranking ranks the dividend only: no metric menu of two.
    assert.equal(await page.$$eval(inFigure('ranking', 'select option'), (o) => o.length), 0);
    assert.match(await label(page, 'ranking'), /分红/);
    assert.equal(await page.isHidden('#alert'), true);
    assert.ok(server);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('an iframe embed opened with a fragment shows that view; the element\'s apply() acts on its chart', async () => {
  const server = await startServer();
  const p = await openPage('http', { server });
  const { page } = p;
  try {
    const base = server.url('www/embed.html?src=data/luolong.json&chart=ranking');
    const canvasLabel = () => page.$eval('heluo-chart canvas.base', (c) => c.getAttribute('aria-label'));
    await page.goto(base);
    await page.waitForSelector('heluo-chart canvas.base');
    const plain = await canvasLabel();
    await openAtEmbed(page, `${base}#v1&chart=ranking&metric=dividend&pin=${encodeURIComponent('夏庄村')}&pin=${encodeURIComponent('不存在村')}`);
    await page.waitForFunction(() => /夏庄村/.test(document.querySelector('heluo-chart').shadowRoot.querySelector('canvas.base').getAttribute('aria-label') || ''));
    const metric = await page.$eval('heluo-chart select', (s) => s.options[s.selectedIndex].textContent);
    assert.match(metric, /分红/, 'the fragment\'s metric');
    assert.notEqual(await canvasLabel(), plain);
    // The query wins over the fragment.
    await openAtEmbed(page, `${server.url('www/embed.html?src=data/luolong.json&chart=ranking&metric=income')}#v1&metric=dividend`);
    assert.match(await page.$eval('heluo-chart select', (s) => s.options[s.selectedIndex].textContent), /收入/);
    // apply(): what changed, or a clear error naming the field.
    const r = await page.evaluate(() => {
      const el = document.querySelector('heluo-chart');
      const changed = el.apply({ type: 'pin', village: '王屯村' });
      let error = null;
      try { el.apply({ type: 'metric', key: 'incme' }); } catch (e) { error = e.message; }
      return { marks: changed && changed.marks, error };
    });
    assert.equal(r.marks, true, 'a pin changes the marks');
    assert.match(r.error, /incme/);
    // A trend embed: the zoom.
    const trend = server.url('www/embed.html?src=data/luolong.json&chart=trend');
    await openAtEmbed(page, trend);
    const whole = await canvasLabel();
    await openAtEmbed(page, `${trend}#v1&zoom=2014-2017`);
    await page.waitForFunction((whole) => document.querySelector('heluo-chart').shadowRoot.querySelector('canvas.base').getAttribute('aria-label') !== whole, whole);
    assert.equal(await page.evaluate(() => window.__owned), undefined);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
    await server.close();
  }
});

/* Opens the embed at `url` fresh and waits for its chart. */
async function openAtEmbed(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('heluo-chart canvas.base');
  await page.waitForFunction(() => document.title && document.title !== 'Heluo chart');
}
