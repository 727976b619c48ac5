// An iframe embed that can be copied: the page's embed panel says which files
// to copy and where; exactly those files (from pkg/embed/, which the build
// makes, and the data file) are copied to a fresh folder, served by another
// server on another origin, and the panel's code, pasted into a page there,
// draws the charts at their height. Nothing is asked for that is not there.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, mkdir, copyFile, writeFile, readFile, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, extname, sep } from 'node:path';
import { openPage, closeBrowser, browser, ROOT } from './helpers.mjs';
import { workbook } from './xlsx.mjs';

after(closeBrowser);

const TYPES = { '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/** A static server for `dir` alone, on its own port; records 404s. */
async function serve(dir) {
  const missing = [];
  const server = createServer(async (req, res) => {
    const file = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    const body = file.startsWith(dir + sep) ? await readFile(file).catch(() => null) : null;
    if (!body) {
      if (!/favicon\.ico$/.test(req.url)) missing.push(req.url);
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, missing, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

for (const lang of ['zh-CN', 'en']) {
  test(`the panel's iframe code (${lang}) works from a folder of exactly the files it lists, on another origin`, async () => {
    const p = await openPage('file');
    let code;
    try {
      if (lang === 'en') {
        await p.page.selectOption('#lang-select', 'en');
        await p.page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      await p.page.click('#embed-panel summary');
      // The code is written once the panel is open (it may take a moment).
      await p.page.waitForFunction(() => document.querySelector('#embed-iframe').value.length > 0);
      code = await p.page.inputValue('#embed-iframe');
    } finally {
      await p.close();
    }
    // The first line says what to copy, where.
    const first = code.split('\n')[0];
    const m = first.match(/pkg\/embed\/[^(（]*[(（]([^)）]+)[)）][^]*?heluo-embed\/[^]*?(\S+\.json)/);
    assert.ok(m, `the panel lists the files to copy: ${first}`);
    const files = m[1].trim().split(/\s+/);
    const data = m[2];
    assert.deepEqual(files, ['embed.html', 'embed.js', 'embed.css', 'heluo.js', 'heluo-tables.js', 'sheet-loader.js', 'heluo-sheet.js', 'embed-host.js']);
    assert.equal(data, 'luolong.json');
    if (lang === 'en') assert.match(first, /^<!-- Copy the folder pkg\/embed\//);
    else assert.match(first, /^<!-- 把 pkg\/embed\/ 文件夹/);
    // pkg/embed/ holds exactly those files.
    assert.deepEqual((await readdir(join(ROOT, 'pkg/embed'))).sort(), [...files].sort());

    const dir = await mkdtemp(join(tmpdir(), 'heluo-copy-'));
    const server = await serve(dir);
    try {
      await mkdir(join(dir, 'heluo-embed'));
      for (const f of files) await copyFile(join(ROOT, 'pkg/embed', f), join(dir, 'heluo-embed', f));
      await copyFile(join(ROOT, 'www/data', data), join(dir, 'heluo-embed', data));
      await writeFile(join(dir, 'article.html'), `<!doctype html><html lang="${lang}"><meta charset="utf-8"><title>article</title>\n<p>An article.</p>\n${code}\n</html>\n`);
      assert.ok(!existsSync(join(dir, 'pkg')) && !existsSync(join(dir, 'www')), 'a fresh folder');

      const context = await (await browser()).newContext({ viewport: { width: 700, height: 1200 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${server.url}article.html`);
      assert.notEqual(new URL(server.url).origin, new URL(p.url).origin);
      await page.waitForFunction(() => {
        const frames = [...document.querySelectorAll('iframe')];
        return frames.length === 2 && frames.every((f) => { const h = f.getBoundingClientRect().height; return h > 200 && h !== 480; });
      }, null, { timeout: 15_000 });
      for (const frame of page.frames().filter((f) => /embed\.html/.test(f.url()))) {
        const ink = await frame.evaluate(() => {
          const c = document.querySelector('heluo-chart').shadowRoot.querySelector('canvas.base');
          const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 0; i < d.length; i += 16) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) n++;
          return n;
        });
        assert.ok(ink > 500, `the chart draws in ${frame.url()} (${ink})`);
      }
      // A workbook put into the copied folder draws too: the workbook reader
      // is in it, fetched only now.
      const villages = [['村', '镇', '集体收入(万元)'], ...Array.from({ length: 30 }, (_, i) => [`村${i + 1}`, `镇${i % 3}`, 10 + i])];
      await writeFile(join(dir, 'heluo-embed', 'villages.xlsx'), workbook(villages));
      const sheetPage = await context.newPage();
      sheetPage.on('pageerror', (e) => errors.push(String(e)));
      await sheetPage.goto(`${server.url}heluo-embed/embed.html?src=villages.xlsx&chart=ranking&lang=${lang}`);
      await sheetPage.waitForFunction(() => {
        const el = document.querySelector('heluo-chart');
        return el && el.shadowRoot && /村30/.test(el.shadowRoot.textContent);
      }, null, { timeout: 15_000 });
      await context.close();
      assert.deepEqual(server.missing, [], 'nothing asked for that the panel did not list');
      assert.deepEqual(errors, []);
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}
