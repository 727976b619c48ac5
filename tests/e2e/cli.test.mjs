// The command line makes what the page makes: the page's "下载 SVG" of each
// sample chart and `heluo render … --width W -o x.svg` at the width the page
// laid the chart out at are the same bytes; `heluo html` is the page's
// standalone download plus a <noscript> image per chart, and opens from
// file:// under its CSP.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, openPage, closeBrowser, exportFrom, browser } from './helpers.mjs';

after(closeBrowser);

/** The `heluo` binary: HELUO_BIN, or the debug build (built here if missing). */
function heluoBin() {
  if (process.env.HELUO_BIN) return process.env.HELUO_BIN;
  const bin = join(ROOT, 'target/debug/heluo');
  if (!existsSync(bin)) execFileSync('cargo', ['build', '--quiet', '--bin', 'heluo'], { cwd: ROOT, stdio: 'inherit' });
  return bin;
}

test('heluo render gives the page\'s SVG export, byte for byte, for both sample charts', async () => {
  const bin = heluoBin();
  const dir = mkdtempSync(join(tmpdir(), 'heluo-cli-'));
  const p = await openPage('file');
  const { page } = p;
  try {
    for (const kind of ['trend', 'ranking']) {
      const exported = (await exportFrom(page, kind, 'export-svg')).buffer.toString('utf8');
      const width = Number(/<svg width="(\d+)"/.exec(exported)[1]);
      assert.ok(width > 300, `the ${kind} is ${width} px wide`);
      const out = join(dir, `${kind}.svg`);
      execFileSync(bin, ['render', join(ROOT, 'www/data/luolong.json'), '--chart', kind, '--width', String(width), '-o', out]);
      const drawn = readFileSync(out, 'utf8');
      assert.equal(drawn, exported, `the ${kind}: heluo render differs from the page's export`);
    }
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
  }
});

test('heluo html is the page\'s standalone download with a <noscript> image per chart, and it runs from file://', async () => {
  const bin = heluoBin();
  const dir = mkdtempSync(join(tmpdir(), 'heluo-cli-'));
  const out = join(dir, 'chart.html');
  execFileSync(bin, ['html', join(ROOT, 'www/data/luolong.json'), '-o', out]);
  const made = readFileSync(out, 'utf8');
  const p = await openPage('file');
  try {
    await p.page.click('#embed-panel summary');
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.click('#download-html')]);
    const downloaded = readFileSync(await download.path(), 'utf8');
    const images = made.match(/<noscript><img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" width="\d+" height="\d+" alt="[^"<>]+"><\/noscript>\n/g) || [];
    assert.equal(images.length, 2, 'one image per chart');
    assert.equal(images.reduce((html, img) => html.replace(img, ''), made), downloaded, 'the rest is the page\'s download, byte for byte');
    const svg = Buffer.from(/base64,([^"]+)/.exec(images[1])[1], 'base64').toString('utf8');
    assert.match(svg, /^<svg width="800"/);
    assert.ok(svg.includes('王屯村'), 'the ranking image names the villages');
  } finally {
    await p.close();
  }
  // Opened from disk, it draws both charts with no CSP violation.
  const context = await (await browser()).newContext({ viewport: { width: 800, height: 1600 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective), true);
  });
  await page.goto(pathToFileURL(out).href);
  await page.waitForFunction(() => {
    const els = [...document.querySelectorAll('heluo-chart')];
    return els.length === 2 && els.every((e) => e.shadowRoot && e.shadowRoot.querySelector('figure canvas.base'));
  }, null, { timeout: 15_000 });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});
