// The whole page speaks one language: loaded with an English dataset, no
// Chinese character or full-width punctuation is left anywhere a reader meets
// (page UI, chart words, tooltips, tables, announcements, SVG export), except
// text marked with another `lang`; with the Chinese sample, no English word.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, closeBrowser, chooseFile, inFigure, canvasSize, hoverAt, exportFrom } from './helpers.mjs';

after(closeBrowser);

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

const ENGLISH = JSON.stringify({
  title: 'Rural poverty and village income', subtitle: 'A made-up county', source: 'County statistics office', note: 'Illustrative values.', locale: 'en',
  trend: { title: 'Poverty rate', unit: '%', series: [
    { name: 'County', points: [[2013, 3.12], [2014, null], [2016, 1.5], [2019, 0.36]] },
    { name: 'Nation', points: [[2013, 8.5], [2014, 7.2], [2016, 4.5], [2019, 0.6]] }],
  annotations: [{ year: 2015, label: 'Targeted poverty alleviation' }] },
  ranking: { title: 'Countries', item: 'country', metrics: [
    { key: 'income', label: 'Collective income', unit: 'yuan' }, { key: 'gdp', label: 'GDP per capita', unit: 'USD' }],
  villages: [
    { name: 'Japan', group: 'Asia', values: { income: 2000000, gdp: 31656 } },
    { name: 'Chad', group: 'Africa', values: { income: 40, gdp: 1704 } },
    { name: 'Peru', values: { income: -300, gdp: null } }] },
});

/** Every text a reader can meet, with the language it is marked as. */
function pageTexts(page) {
  return page.evaluate(() => {
    const out = [];
    const langOf = (node) => { const el = node.nodeType === 1 ? node : node.parentElement; const l = el && el.closest('[lang]'); return l ? l.getAttribute('lang') : ''; };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (!p || p.closest('script, textarea, noscript')) continue;
      if (n.textContent.trim()) out.push({ text: n.textContent.trim(), lang: langOf(n) });
    }
    for (const el of document.body.querySelectorAll('*')) {
      for (const a of ['aria-label', 'aria-roledescription', 'placeholder', 'title']) {
        const v = el.getAttribute(a);
        if (v) out.push({ text: v, lang: langOf(el), attr: a });
      }
    }
    out.push({ text: document.title, lang: document.documentElement.lang });
    return out;
  });
}

test('an English dataset: no Chinese word or punctuation anywhere on the page', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await chooseFile(page, 'english.json', ENGLISH);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // Reach the states that bring words: tables shown, tooltips, keys, a pin, the embed panel.
    for (const kind of ['trend', 'ranking']) await page.click(inFigure(kind, 'button.show-table'));
    await page.click('#embed-panel summary');
    await page.focus(inFigure('trend', 'canvas.base'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    assert.match(await page.textContent(inFigure('trend', 'p.live')), /^2014: County no data, Nation/);
    await page.focus(inFigure('ranking', 'canvas.base'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    assert.equal(await page.textContent(inFigure('ranking', 'p.live')), 'Pinned Japan, ranked 1st');
    const { width, height } = await canvasSize(page, 'trend');
    await hoverAt(page, 'trend', width * 0.5, height * 0.5);
    const texts = await pageTexts(page);
    const chinese = texts.filter((t) => CJK.test(t.text) && !/^zh/.test(t.lang));
    assert.deepEqual(chinese, [], 'Chinese text not marked as Chinese');
    assert.ok(texts.some((t) => t.text === 'Download PNG'));
    for (const kind of ['trend', 'ranking']) {
      const svg = (await exportFrom(page, kind, 'export-svg')).buffer.toString('utf8');
      const words = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter((t) => CJK.test(t));
      assert.deepEqual(words, [], `no Chinese in the ${kind} SVG`);
    }
  } finally {
    await p.close();
  }
});

test('the Chinese sample: no English word in the page\'s own words', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    for (const kind of ['trend', 'ranking']) await page.click(inFigure(kind, 'button.show-table'));
    await page.click('#embed-panel summary');
    await page.focus(inFigure('trend', 'canvas.base'));
    await page.keyboard.press('ArrowRight');
    const texts = await pageTexts(page);
    // Names that are the same in both languages: the product, file formats, keys.
    const ALLOWED = new Set(['Heluo', 'PNG', 'SVG', 'JSON', 'CSV', 'TSV', 'Excel', 'GBK', 'heluo', 'schema', 'json', 'Home', 'End', 'Enter', 'Esc', 'iframe', 'html', 'HTML', 'heluo-chart', 'embed', 'embed-host', 'host']);
    const english = texts
      .filter((t) => !/^en/.test(t.lang))
      .flatMap((t) => (t.text.match(/[A-Za-z][A-Za-z-]{2,}/g) || []).filter((w) => !ALLOWED.has(w)).map((w) => `${w} in ${JSON.stringify(t.text)}`));
    assert.deepEqual(english, [], 'English words in a Chinese page');
  } finally {
    await p.close();
  }
});
