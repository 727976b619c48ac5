// Issue 20 on the page: what a reader sees of each promise of "numbers you
// can publish", in the tooltip, the table and the SVG export. A tiny non-zero
// value is not written as 0; equal values share a rank ("并列第 1 名"); twin
// names carry their group; a long name is cut with … in the picture but whole
// in the table; one value has one text everywhere; an annotation far outside
// the data's years is listed under the chart instead of stretching the axis.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  openPage, closeBrowser, chooseFile, waitForCaption, exportFrom, keepFramesRunning, rankingRows, hoverUntil, readTable,
} from './helpers.mjs';

after(closeBrowser);

const LONG = '很长的村名'.repeat(40);

function rankingDataset() {
  return JSON.stringify({
    locale: 'zh-CN',
    ranking: {
      title: '数字测试',
      metrics: [{ key: 'income', label: '收入', unit: '元' }],
      villages: [
        { name: '王屯村', group: '镇一', values: { income: 2000000 } },
        { name: '王屯村', group: '镇二', values: { income: 2000000 } },
        { name: LONG, group: '镇三', values: { income: 1234500 } },
        { name: '微村', group: '镇四', values: { income: 0.000000001 } },
      ],
    },
  });
}

function trendDataset() {
  return JSON.stringify({
    locale: 'zh-CN',
    trend: {
      title: '远注释测试',
      unit: '%',
      series: [{ name: '甲县', points: [[2013, 3.12], [2016, 2], [2019, 0.0000001]] }],
      annotations: [
        { year: 2015, label: '决定' },
        { year: 2090, label: '未来' },
      ],
    },
  });
}

/* The words of an SVG's <text> elements, unescaped, with their x positions. */
function svgTexts(svg) {
  const out = [];
  for (const m of svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
    const text = m[2]
      .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'")
      .replace(/&amp;/g, '&');
    const x = Number((m[1].match(/\bx="([^"]*)"/) || [])[1]);
    out.push({ text: text.trim(), x });
  }
  return out;
}

/* The data table of the figure of `kind`, as rows of cell texts (readTable: opened and read whole). */
async function tableRows(page, kind) {
  return (await readTable(page, kind)).rows;
}

const ZERO = /^[−-]?0(\.0+)?\s*(元|万元|%)?$/;

test('the ranking: tiny values, ties, twins, a long name and one text per value in tooltip, table and SVG', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await chooseFile(page, 'numbers.json', rankingDataset());
    await waitForCaption(page, 'ranking', '数字测试：收入');

    // The table: every name whole, the twins with their group (its column),
    // ties at 1, the tiny value not 0.
    const rows = await tableRows(page, 'ranking');
    assert.equal(rows.length, 4);
    const row = (name, group) => rows.find((r) => r.includes(name) && (!group || r.includes(group)));
    const twin1 = row('王屯村', '镇一');
    const twin2 = row('王屯村', '镇二');
    assert.ok(twin1 && twin2 && twin1 !== twin2, `the twins carry their group in the table: ${JSON.stringify(rows)}`);
    assert.equal(twin1[0], '1');
    assert.equal(twin2[0], '1', 'equal values share rank 1');
    const long = row(LONG);
    assert.ok(long, 'the long name is whole in the table');
    const tiny = row('微村');
    assert.ok(tiny, 'the tiny village is in the table');
    const tinyText = tiny[tiny.length - 1];
    assert.ok(!ZERO.test(tinyText.trim()) && /[1-9]/.test(tinyText), `a tiny non-zero value is not written as 0: ${tinyText}`);
    const twinText = twin1[twin1.length - 1];
    assert.equal(twinText, '200.00万元');
    const longText = long[long.length - 1];

    // The tooltips: the shared rank, the twin's group, the same value text as the table.
    const bars = await rankingRows(page);
    const tipOf = (name) => bars.find((b) => b.heading.includes(name));
    const tip1 = tipOf('王屯村（镇一）');
    assert.ok(tip1, `a tooltip for a twin: ${JSON.stringify(bars.map((b) => b.heading))}`);
    assert.match(tip1.heading, /^并列第 1 名 · 王屯村（镇一）$/);
    assert.ok(tip1.text.includes(twinText), `tooltip "${tip1.text}" writes ${twinText}`);
    const tip2 = tipOf('王屯村（镇二）');
    assert.ok(tip2 && tip2.heading.startsWith('并列第 1 名'), `${tip2 && tip2.heading}`);
    const tipLong = tipOf(LONG);
    assert.ok(tipLong, 'the long name is whole in its tooltip');
    assert.ok(tipLong.text.includes(longText), `tooltip "${tipLong.text.slice(-40)}" writes ${longText}`);
    const tipTiny = tipOf('微村');
    assert.ok(tipTiny && tipTiny.text.includes(tinyText), `tooltip of the tiny value: ${tipTiny && tipTiny.text}`);
    await page.mouse.move(1, 1);
    // The description names the tied twins apart.
    const said = await page.$eval('#charts figure.chart-ranking canvas.base', (c) => c.getAttribute('aria-label'));
    assert.match(said, /王屯村（镇一）、王屯村（镇二）的收入在 4 个村中并列第一，为 200\.00万元/, said);
    assert.ok(said.includes(`微村 ${tinyText}`), said);

    // The SVG export: the same texts; the long name cut with … inside the picture.
    await keepFramesRunning(page);
    const svg = (await exportFrom(page, 'ranking', 'export-svg')).buffer.toString('utf8');
    const texts = svgTexts(svg);
    const words = texts.map((t) => t.text);
    for (const label of ['王屯村（镇一）', '王屯村（镇二）', '微村']) {
      assert.ok(words.includes(label), `${label} is drawn in the SVG: ${JSON.stringify(words)}`);
    }
    for (const value of [twinText, longText, tinyText]) {
      assert.ok(words.includes(value), `${value} is written the same in the SVG: ${JSON.stringify(words)}`);
    }
    assert.ok(!words.some((w) => ZERO.test(w.trim())), `no value is written as 0: ${JSON.stringify(words)}`);
    assert.ok(!svg.includes(LONG), 'the long name is not drawn whole');
    const cut = texts.find((t) => t.text.startsWith('很长的村名') && t.text.endsWith('…'));
    assert.ok(cut, 'the long name is cut with …');
    assert.ok(LONG.startsWith(cut.text.slice(0, -1)));
    assert.ok(cut.x >= 0, `the cut name starts inside the picture: x = ${cut.x}`);
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});

test('the trend: a far annotation is listed under the chart, not stretching the axis; values keep one text', async () => {
  const p = await openPage('file');
  const { page } = p;
  try {
    await chooseFile(page, 'far.json', trendDataset());
    await waitForCaption(page, 'trend', '远注释测试');

    // In words: the chart's description says the far annotation.
    const label = await page.$eval('#charts figure.chart-trend canvas.base', (c) => c.getAttribute('aria-label'));
    assert.match(label, /2090年：未来/, label);

    // The table and the tooltip write each value the same; a tiny value is not 0.
    const rows = await tableRows(page, 'trend');
    assert.deepEqual(rows.map((r) => r[0]), ['2013', '2016', '2019'], 'the table has the data years only');
    const tip = await hoverUntil(page, 'trend', '2016年');
    assert.ok(tip, 'a tooltip at 2016');
    const at2016 = rows[1][1];
    assert.ok(tip.text.includes(at2016), `tooltip "${tip.text}" writes ${at2016}`);
    const tiny = rows[2][1];
    assert.ok(!ZERO.test(tiny.trim()) && /[1-9]/.test(tiny), `0.0000001% is not written as 0: ${tiny}`);
    // The description writes the values as the table does (the picture draws no value labels).
    assert.ok(label.includes(`2013年的${rows[0][1]}`) && label.includes(`2019年的${tiny}`), label);
    await page.mouse.move(1, 1);

    // The SVG export: the note under the chart; the year axis spans 2013–2019 only.
    await keepFramesRunning(page);
    const svg = (await exportFrom(page, 'trend', 'export-svg')).buffer.toString('utf8');
    const words = svgTexts(svg).map((t) => t.text);
    assert.ok(words.includes('未标出的注释：2090年：未来'), `the far annotation is listed: ${JSON.stringify(words)}`);
    assert.ok(words.includes('决定'), 'the annotation within the data is drawn on the plot');
    assert.ok(!words.includes('未来'), 'the far annotation is not drawn on the plot');
    const years = words.filter((w) => /^\d{4}$/.test(w)).map(Number);
    assert.ok(years.includes(2013) && years.includes(2019), `years ${years}`);
    assert.ok(years.every((y) => y >= 2013 && y <= 2019), `the axis stays on the data's years: ${years}`);
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.consoleErrors, []);
  } finally {
    await p.close();
  }
});
