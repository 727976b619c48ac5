// From the app to a news site: the embed panel's snippets, pasted into fresh
// pages, render; the standalone HTML download works offline from file://
// under its own strict CSP.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openPage, closeBrowser, browser, startServer, ROOT } from './helpers.mjs';

after(closeBrowser);

const OUT = join(ROOT, 'target', 'e2e-embed');

/** Opens `url` in a fresh context; returns facts about its <heluo-chart> elements once ready. */
async function rendered(url) {
  const context = await (await browser()).newContext({ viewport: { width: 800, height: 1600 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective), true);
  });
  await page.goto(url);
  await page.waitForFunction(() => {
    const els = [...document.querySelectorAll('heluo-chart')];
    return els.length > 0 && els.every((e) => e.shadowRoot && e.shadowRoot.querySelector('figure canvas.base'));
  }, null, { timeout: 15_000 });
  const facts = await page.$$eval('heluo-chart', (els) => els.map((e) => {
    const c = e.shadowRoot.querySelector('canvas.base');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 16) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++;
    const foot = e.shadowRoot.querySelector('.chart-foot');
    return { kind: e.getAttribute('chart'), ink, foot: foot ? foot.textContent : null, alert: e.shadowRoot.querySelector('[role=alert]').hidden ? null : e.shadowRoot.querySelector('[role=alert]').textContent };
  }));
  const violations = await page.evaluate(() => window.__violations);
  await context.close();
  return { facts, errors, violations };
}

test('the embed panel\'s element snippet, pasted into a fresh page, renders', async () => {
  const p = await openPage('file');
  try {
    await p.page.click('#embed-panel summary');
    const element = await p.page.inputValue('#embed-element');
    assert.match(element, /^<script src="heluo.js"><\/script>\n<heluo-chart chart="trend" theme="auto" lang="zh-CN">/);
    assert.match(element, /<heluo-chart chart="ranking" metric="income" theme="auto" lang="zh-CN">/);
    const iframe = await p.page.inputValue('#embed-iframe');
    assert.match(iframe, /<iframe id="heluo-1" title="贫困发生率" src="heluo-embed\/embed.html\?src=luolong.json&amp;chart=trend&amp;theme=auto&amp;lang=zh-CN&amp;id=heluo-1"/);
    assert.match(iframe, /<script src="heluo-embed\/embed-host.js"><\/script>$/);

    await mkdir(OUT, { recursive: true });
    const pkg = pathToFileURL(join(ROOT, 'pkg/heluo.js')).href;
    await writeFile(join(OUT, 'element.html'), `<!doctype html><meta charset="utf-8"><title>pasted</title>\n${element.replace('src="heluo.js"', `src="${pkg}"`)}\n`);
    const r = await rendered(pathToFileURL(join(OUT, 'element.html')).href);
    assert.deepEqual(r.facts.map((f) => f.kind), ['trend', 'ranking']);
    for (const f of r.facts) {
      assert.equal(f.alert, null);
      assert.ok(f.ink > 500, `the ${f.kind} is drawn (${f.ink})`);
    }
    assert.deepEqual(r.errors, []);

    // The iframe form, with the paths of where the files are hosted.
    const server = await startServer();
    try {
      const hosted = iframe.replaceAll('src="heluo-embed/embed.html?src=luolong.json', 'src="/www/embed.html?src=data/luolong.json').replace('src="heluo-embed/embed-host.js"', 'src="/www/embed-host.js"');
      await writeFile(join(OUT, 'iframe.html'), `<!doctype html><meta charset="utf-8"><title>pasted iframe</title>\n${hosted}\n`);
      const context = await (await browser()).newContext();
      const page = await context.newPage();
      await page.goto(server.url('target/e2e-embed/iframe.html'));
      await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.getBoundingClientRect().height > 200 && f.getBoundingClientRect().height !== 480), null, { timeout: 15_000 });
      await context.close();
    } finally {
      await server.close();
    }
  } finally {
    await p.close();
  }
});

test('the standalone HTML download opens from file:// under its strict CSP', async () => {
  const p = await openPage('file');
  try {
    await p.page.click('#embed-panel summary');
    const [download] = await Promise.all([p.page.waitForEvent('download'), p.page.click('#download-html')]);
    const html = await readFile(await download.path(), 'utf8');
    assert.equal(download.suggestedFilename(), 'heluo-chart.html');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:">/);
    assert.doesNotMatch(html, /<script src=/, 'nothing is loaded from elsewhere');
    await mkdir(OUT, { recursive: true });
    const file = join(OUT, 'standalone.html');
    await writeFile(file, html);
    const r = await rendered(pathToFileURL(file).href);
    assert.deepEqual(r.facts.map((f) => f.kind), ['trend', 'ranking']);
    assert.ok(r.facts.every((f) => f.ink > 500 && f.alert === null), JSON.stringify(r.facts));
    // The data's words travel with the charts: the note says which values are illustrative.
    assert.ok(r.facts.every((f) => /洛阳市洛龙区脱贫攻坚/.test(f.foot) && /示意数据/.test(f.foot)), JSON.stringify(r.facts.map((f) => f.foot)));
    assert.deepEqual(r.violations, [], 'no CSP violation');
    assert.deepEqual(r.errors, []);
  } finally {
    await p.close();
  }
});
