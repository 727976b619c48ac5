// Accessibility round two (issue 22), read where a screen reader reads it: the
// browser's accessibility tree, through the Chrome DevTools Protocol
// (Accessibility.getFullAXTree). An explorable chart (role "application" named
// by its summary, the summary also a paragraph for browse mode), annotations in
// words (summary, that year's announcement, the table's caption), a table toggle
// whose state is what assistive technology gets, names and summaries that follow
// the view, controls that tell the two charts apart, each text once, a visible
// search label, languages of parts, and the embed page's landmark and title.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, inFigure, chooseFile, englishDataset, twoFrames, runAxe, browser, startServer,
} from './helpers.mjs';

after(closeBrowser);

/** The accessibility tree (nodes not ignored): { role, name, description, roledescription, props }. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    return nodes.filter((n) => !n.ignored).map((n) => {
      const props = {};
      for (const p of n.properties || []) props[p.name] = p.value.value;
      return {
        role: n.role && n.role.value,
        name: (n.name && n.name.value) || '',
        description: (n.description && n.description.value) || '',
        // CDP hands this one property as the Latin-1 reading of its UTF-8 bytes.
        roledescription: props.roledescription && Buffer.from(props.roledescription, 'latin1').toString('utf8'),
        props,
      };
    });
  } finally {
    await cdp.detach();
  }
}

const byRole = (tree, role) => tree.filter((n) => n.role === role);
/** What a live region of `kind`'s figure says now. */
const liveOf = (page, kind) => page.textContent(inFigure(kind, 'p.live'));
const summaryOf = (page, kind) => page.textContent(inFigure(kind, 'p.summary'));

async function pressOn(page, selector, key) {
  await page.focus(selector);
  await page.keyboard.press(key);
  await twoFrames(page);
}

test('the charts are applications named by their summaries; the summaries are also text for browse mode', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const tree = await axTree(page);
    const apps = byRole(tree, 'application');
    assert.equal(apps.length, 2, 'one application per chart');
    assert.equal(byRole(tree, 'image').length + byRole(tree, 'img').length, 0, 'no chart is an img any more');
    const trend = await summaryOf(page, 'trend');
    const ranking = await summaryOf(page, 'ranking');
    assert.match(trend, /^折线图，贫困发生率。洛龙区从2013年的3\.12%降至2019年的0\.36%；/);
    assert.match(ranking, /^条形图，村集体经济：村集体经济收入。王屯村/);
    assert.deepEqual(apps.map((a) => a.name), [trend, ranking], 'named by the summary');
    assert.deepEqual(apps.map((a) => a.roledescription), ['交互式折线图', '交互式条形图']);
    assert.match(apps[0].description, /^按键：← → 逐年查看/, 'described by its keys');
    assert.match(apps[1].description, /^按键：↑ ↓ 逐项查看/);
    for (const a of apps) assert.equal(a.props.focusable, true);
    // Browse mode reads text: the same summary is a paragraph's text, outside the application.
    const texts = byRole(tree, 'StaticText').map((n) => n.name);
    assert.ok(texts.includes(trend), 'the trend summary is text in the tree');
    assert.ok(texts.includes(ranking), 'the ranking summary is text in the tree');
    assert.equal(await page.$eval(inFigure('trend', 'p.summary'), (s) => s.closest('[role=application]')), null);

    // The keys reach it: focused, the application is what has focus, and an arrow moves it.
    await pressOn(page, inFigure('trend', 'canvas.base'), 'ArrowRight');
    const focused = (await axTree(page)).find((n) => n.props.focused && n.role !== 'RootWebArea');
    assert.equal(focused && focused.role, 'application');
    assert.match(await liveOf(page, 'trend'), /^2012年：/);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('annotations in words: in the summary, in that year\'s announcement, in the table\'s caption', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    assert.match(await summaryOf(page, 'trend'), /。注释：2015年：打赢脱贫攻坚战的决定。$/);
    await page.focus(inFigure('trend', 'canvas.base'));
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await liveOf(page, 'trend'), '2015年：打赢脱贫攻坚战的决定；洛龙区 无数据，全国农村 5.7%');
    await page.keyboard.press('ArrowRight');
    assert.match(await liveOf(page, 'trend'), /^2016年：洛龙区/, 'a year without one says none');
    // The table, shown: its caption has the note.
    await pressOn(page, inFigure('trend', 'button.show-table'), 'Enter');
    const tables = byRole(await axTree(page), 'table');
    assert.equal(tables.length, 1);
    assert.equal(tables[0].name, '贫困发生率。注释：2015年：打赢脱贫攻坚战的决定。');
    // In English too.
    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await summaryOf(page, 'trend'), /\. Notes: 2015: 打赢脱贫攻坚战的决定\.$/);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('the table toggle says what assistive technology gets: collapsed, no table; expanded, the table', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const toggles = () => axTree(page).then((t) => byRole(t, 'button').filter((b) => /数据表/.test(b.name)));
    let tree = await axTree(page);
    assert.equal(byRole(tree, 'table').length, 0, 'collapsed tables are not in the tree');
    assert.deepEqual((await toggles()).map((b) => [b.name, b.props.expanded]),
      [['显示数据表（趋势图）', false], ['显示数据表（排名图）', false]]);
    await pressOn(page, inFigure('ranking', 'button.show-table'), 'Enter');
    tree = await axTree(page);
    const tables = byRole(tree, 'table');
    assert.equal(tables.length, 1, 'the expanded table is in the tree');
    assert.equal(tables[0].name, '村集体经济：村集体经济收入');
    assert.ok(byRole(tree, 'cell').some((c) => c.name === '王屯村'));
    assert.deepEqual((await toggles()).map((b) => [b.name, b.props.expanded]),
      [['显示数据表（趋势图）', false], ['隐藏数据表（排名图）', true]]);
    // A re-sort rebuilds the controls: the state stays true.
    await pressOn(page, inFigure('ranking', 'button.sort-order'), 'Enter');
    assert.equal((await toggles())[1].props.expanded, true);
    await pressOn(page, inFigure('ranking', 'button.show-table'), 'Enter');
    assert.equal(byRole(await axTree(page), 'table').length, 0, 'collapsed again, gone again');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('names tell controls apart, each title is a name once, one text per event, a visible search label', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    let tree = await axTree(page);
    const names = byRole(tree, 'button').map((b) => b.name);
    assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), [], `every button's name differs: ${names.join(' | ')}`);
    for (const n of ['下载 PNG（趋势图）', '下载 SVG（趋势图）', '下载 PNG（排名图）', '下载 SVG（排名图）']) assert.ok(names.includes(n), n);
    // The visible words start the name (WCAG 2.5.3).
    assert.equal(await page.textContent(inFigure('trend', 'button.export-png')), '下载 PNG');
    // The title names its figure; no other control or group repeats it as its name.
    const titled = tree.filter((n) => n.name === '贫困发生率' && !['StaticText', 'InlineTextBox'].includes(n.role));
    assert.deepEqual(titled.map((n) => n.role), ['figure']);

    // A year stepped to: said once, by the live region; the tooltip is not in the tree
    // and is not the application's description.
    await page.focus(inFigure('trend', 'canvas.base'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await twoFrames(page);
    assert.equal(await page.isVisible(inFigure('trend', '.tooltip')), true, 'the tooltip shows');
    tree = await axTree(page);
    const said = await liveOf(page, 'trend');
    assert.match(said, /^2013年：洛龙区 3\.12%，全国农村 8\.5%$/);
    assert.equal(byRole(tree, 'tooltip').length, 0, 'the tooltip is hidden from assistive technology');
    assert.equal(byRole(tree, 'StaticText').filter((n) => n.name.includes('2013年：') || n.name === '2013年').length, 1,
      'the year is text once (the live region)');
    assert.match(byRole(tree, 'application')[0].description, /^按键：/, 'the description stays the key help');

    // The search box: named by a visible label.
    const box = byRole(tree, 'searchbox');
    assert.equal(box.length, 1);
    assert.equal(box[0].name, '查找名称并标记');
    const label = await page.$eval(inFigure('ranking', 'label.search-label'), (l) => {
      const r = l.getBoundingClientRect();
      return { text: l.textContent, w: r.width, h: r.height, for: l.htmlFor, input: document.getElementById(l.htmlFor).type };
    });
    assert.equal(label.text, '查找名称并标记');
    assert.ok(label.w > 20 && label.h > 8, `the label is visible: ${JSON.stringify(label)}`);
    assert.equal(label.input, 'search');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('names follow the view: zoom, hidden lines, metric, filter; a control that can do nothing more says so', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    const app = async (kind) => byRole(await axTree(page), 'application')[kind === 'trend' ? 0 : 1].name;
    const whole = await app('trend');
    assert.match(whole, /洛龙区从2013年的3\.12%降至2019年的0\.36%；全国农村从2012年的10\.2%降至2019年的0\.6%。注释：2015年/);

    // Zoomed by the keyboard: the name says the years shown, and only their annotations.
    await pressOn(page, inFigure('trend', 'canvas.base'), '+');
    const range = (await page.textContent(inFigure('trend', 'button.reset-zoom'))).match(/(\d{4})–(\d{4})/);
    assert.ok(range, 'zoomed');
    const zoomed = await app('trend');
    assert.notEqual(zoomed, whole);
    assert.ok(zoomed.includes(`${range[2]}年`), `${zoomed} ends at ${range[2]}`);
    for (const y of [2012, 2019]) if (y < Number(range[1]) || y > Number(range[2])) assert.ok(!zoomed.includes(`${y}年`), `${zoomed} has no ${y}`);
    assert.equal(zoomed.includes('注释：2015年'), Number(range[1]) <= 2015 && Number(range[2]) >= 2015);
    assert.equal(await summaryOf(page, 'trend'), zoomed, 'the browse-mode summary follows too');

    // Zoomed in as far as it goes: 放大 is disabled for assistive technology, and focusable.
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    const zoomIn = byRole(await axTree(page), 'button').find((b) => b.name === '放大');
    assert.equal(zoomIn.props.disabled, true, '放大 says it can do nothing more');
    assert.equal(zoomIn.props.focusable, true);
    await page.keyboard.press('0');
    assert.equal(await app('trend'), whole, 'reset: the whole summary');
    assert.equal(byRole(await axTree(page), 'button').find((b) => b.name === '放大').props.disabled, undefined);

    // A line hidden: the summary leaves it out; shown: back.
    await pressOn(page, inFigure('trend', 'button.legend-toggle:nth-of-type(2)'), 'Enter');
    const hidden = await app('trend');
    assert.ok(!hidden.includes('全国农村'), hidden);
    assert.ok(hidden.includes('洛龙区从2013年'), hidden);
    await page.keyboard.press('Enter');
    assert.equal(await app('trend'), whole);

    // Ranking: metric and group filter.
    const first = await app('ranking');
    await page.focus(inFigure('ranking', 'select.metric-select'));
    await page.selectOption(inFigure('ranking', 'select.metric-select'), { label: '户均分红' });
    const metric = await app('ranking');
    assert.match(metric, /^条形图，村集体经济：户均分红。/);
    await page.locator(inFigure('ranking', 'button.group-filter')).filter({ hasText: '李楼镇' }).press('Enter');
    const filtered = await app('ranking');
    assert.notEqual(filtered, metric);
    assert.match(filtered, /1 个村/, filtered);
    assert.notEqual(first, metric);
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

/** Every text node inside `selector` with a character of `script`: its nearest lang. */
function langsOf(page, selector, script) {
  return page.$$eval(selector, (nodes, source) => {
    const re = new RegExp(source, 'u');
    const out = [];
    for (const root of nodes) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if (re.test(t.data)) out.push([t.data, t.parentElement.closest('[lang]').lang]);
      }
    }
    return out;
  }, script);
}
const HAN = '\\p{Script=Han}';
const LATIN = '[A-Za-z]';

test('languages of parts: Chinese data in an English page and English data in a Chinese page are marked', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    // The Chinese sample in English.
    await page.selectOption('#lang-select', 'en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await summaryOf(page, 'trend'), /^Line chart: 贫困发生率\. 洛龙区 fell from 3\.12% in 2013/);
    await page.focus(inFigure('trend', 'canvas.base'));
    await page.keyboard.press('End');
    await pressOn(page, inFigure('ranking', 'button.show-table'), 'Enter');
    const parts = ['figcaption', 'p.summary', 'p.live', '.chart-controls button', 'table.data caption', 'table.data th', 'table.data td']
      .map((s) => `#charts figure.chart ${s}`).join(', ');
    const marked = await langsOf(page, parts, HAN);
    assert.ok(marked.length >= 20, `Chinese text found: ${marked.length}`);
    assert.deepEqual(marked.filter(([, lang]) => lang !== 'zh-CN'), [], 'every Chinese run is lang="zh-CN"');
    assert.ok(marked.some(([t]) => t === '洛龙区'), 'a name is its own span');
    assert.deepEqual((await langsOf(page, '#charts figure.chart p.summary', LATIN)).filter(([, l]) => l !== 'en'), [],
      'the English words stay in the page\'s language');
    assert.equal(await page.$eval('#dataset-title', (h) => h.lang), 'zh-CN', 'the dataset\'s title has its language');
    assert.deepEqual(await runAxe(page), [], 'axe: Chinese data in an English page');

    // An English dataset in a Chinese page.
    await page.selectOption('#lang-select', 'zh-CN');
    await chooseFile(page, 'english.json', englishDataset({ n: 8 }));
    await page.waitForFunction(() => document.getElementById('dataset-title').textContent.startsWith('Poverty'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    const latin = await langsOf(page, ['figcaption', 'p.summary', '.chart-controls button'].map((s) => `#charts figure.chart ${s}`).join(', '), LATIN);
    assert.ok(latin.some(([t, l]) => t === 'Luolong' && l === 'en'), JSON.stringify(latin));
    assert.deepEqual(latin.filter(([, l]) => l !== 'en'), [], 'every English run is lang="en"');
    assert.equal(await page.$eval('#dataset-title', (h) => h.lang), 'en');
    // The application's name is composed from the lang-marked summary.
    const app = await page.$eval(inFigure('trend', 'canvas.base'), (c) => document.getElementById(c.getAttribute('aria-labelledby')).className);
    assert.match(app, /summary/);
    assert.deepEqual(await runAxe(page), [], 'axe: English data in a Chinese page');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('the embed page: a main landmark, a heading and a title naming the chart', async () => {
  const server = await startServer();
  const context = await (await browser()).newContext({ viewport: { width: 700, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(server.url('www/embed.html?src=data/luolong.json&chart=ranking'));
    await page.waitForFunction(() => document.title !== 'Heluo chart', null, { timeout: 15_000 });
    assert.equal(await page.title(), '村集体经济：村集体经济收入');
    const tree = await axTree(page);
    assert.equal(byRole(tree, 'main').length, 1, 'one main landmark');
    const headings = byRole(tree, 'heading');
    assert.deepEqual(headings.map((h) => [h.name, h.props.level]), [['村集体经济：村集体经济收入', 1]]);
    const box = await page.$eval('#embed-heading', (h) => h.getBoundingClientRect().height);
    assert.ok(box <= 1, 'the heading is visually hidden');
    assert.ok(await page.$eval('main', (m) => !!m.querySelector('heluo-chart')), 'the chart is in the main landmark');
    assert.deepEqual(await runAxe(page), [], 'axe: the embed page, light, Chinese');

    // Dark and English: the same landmark and heading; axe finds nothing.
    await page.goto(server.url('www/embed.html?src=data/luolong.json&chart=trend&theme=dark&lang=en'));
    await page.waitForFunction(() => document.title !== 'Heluo chart', null, { timeout: 15_000 });
    assert.equal(await page.title(), '贫困发生率');
    assert.equal(await page.$eval('heluo-chart', (h) => h.getAttribute('data-theme')), 'dark');
    const dark = await axTree(page);
    assert.equal(byRole(dark, 'main').length, 1);
    assert.deepEqual(byRole(dark, 'heading').map((h) => h.name), ['贫困发生率']);
    assert.deepEqual(byRole(dark, 'application').map((a) => a.roledescription), ['interactive line chart']);
    assert.deepEqual(await runAxe(page), [], 'axe: the embed page, dark, English');
  } finally {
    await context.close();
    await server.close();
  }
});
