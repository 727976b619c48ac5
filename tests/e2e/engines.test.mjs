// Readers are on every engine: the app page (from file://) and the news-like
// host page (over http, strict CSP header) draw their charts in WebKit
// (WebKitGTK's MiniBrowser over W3C WebDriver, under xvfb-run) and Firefox
// (firefox-esr --headless --screenshot), not only Chromium.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileUrl, startServer } from './helpers.mjs';
import { decodePng, countColor } from '../engines/png.mjs';

const run = promisify(execFile);
const RED = [0xc0, 0x39, 0x2b];
const BLUE = [0x1f, 0x6f, 0xb5];
const NEWS_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'";
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

let server;
after(async () => { if (server) await server.close(); });

/** A WebDriver session in WebKitGTK's MiniBrowser; returns { exec(script), go(url), close() }. */
async function webkit() {
  const port = 4600 + Math.floor(Math.random() * 300);
  const driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const wd = async (method, path, body) => {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    const json = await r.json();
    if (json.value && json.value.error) throw new Error(`${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  let session;
  for (let i = 0; i < 40 && !session; i++) {
    try {
      session = await wd('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } } });
    } catch (err) {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  assert.ok(session, 'WebKitWebDriver answers');
  const id = session.sessionId;
  return {
    go: (url) => wd('POST', `/session/${id}/url`, { url }),
    exec: (script) => wd('POST', `/session/${id}/execute/sync`, { script, args: [] }),
    async close() {
      await wd('DELETE', `/session/${id}`).catch(() => {});
      try { process.kill(-driver.pid); } catch { /* gone */ }
    },
  };
}

/* In the page: how much of each canvas in `root` is drawn (non-white pixels). */
const INK = `
  const ink = (c) => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; let n = 0;
    for (let i = 0; i < d.length; i += 16) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200)) n++; return n; };`;

async function until(fn, ms = 15_000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > end) return null;
    await new Promise((r) => setTimeout(r, 250));
  }
}

test('WebKit: the app page from file:// and the news page under a CSP draw their charts', async () => {
  server = server || await startServer({ headers: { 'Content-Security-Policy': NEWS_CSP } });
  const wk = await webkit();
  try {
    await wk.go(fileUrl());
    const app = await until(() => wk.exec(`${INK} if (document.documentElement.getAttribute('data-heluo') !== 'ready') return null;
      return { inks: [...document.querySelectorAll('#charts canvas.base')].map(ink), alert: document.getElementById('alert').textContent };`));
    assert.ok(app, 'the app page became ready');
    assert.equal(app.alert, '');
    assert.equal(app.inks.length, 2);
    assert.ok(app.inks.every((n) => n > 300), `both charts drawn: ${app.inks}`);

    await wk.go(server.url('tests/e2e/pages/news.html'));
    await until(() => wk.exec(`return document.documentElement.getAttribute('data-heluo') === 'ready';`));
    await wk.exec(`document.getElementById('inline').scrollIntoView(); return true;`);
    const news = await until(() => wk.exec(`${INK} const els = [...document.querySelectorAll('heluo-chart')];
      const c = els.map((e) => e.shadowRoot && e.shadowRoot.querySelector('canvas.base'));
      if (c.some((x) => !x)) return null; return c.map(ink);`));
    assert.ok(news && news.every((n) => n > 100), `both elements drawn: ${news}`);
  } finally {
    await wk.close();
  }
});

test('Firefox: the app page from file:// draws both charts', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'heluo-ff-'));
  try {
    const shot = join(dir, 'shot.png');
    await run('firefox-esr', ['--headless', '--no-remote', '--profile', dir, '--window-size', '900,1500', '--screenshot', shot, fileUrl()], { timeout: 90_000 });
    const img = decodePng(await readFile(shot));
    const red = countColor(img, RED);
    const blue = countColor(img, BLUE);
    assert.ok(red > 400, `the red 洛龙区 line and legend are drawn (${red} px)`);
    assert.ok(blue > 4_000, `the blue series and bars are drawn (${blue} px)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('Firefox: the news page over http, under a strict CSP, draws its first chart', async () => {
  server = server || await startServer({ headers: { 'Content-Security-Policy': NEWS_CSP } });
  const dir = await mkdtemp(join(tmpdir(), 'heluo-ff-'));
  try {
    const shot = join(dir, 'news.png');
    // --screenshot shoots at the load event, which may come before the
    // element's fetch of its data has been drawn: up to three shots.
    let red = 0;
    for (let attempt = 0; attempt < 3 && red <= 100; attempt++) {
      await run('firefox-esr', ['--headless', '--no-remote', '--profile', dir, '--window-size', '390,1400', '--screenshot', shot, server.url('tests/e2e/pages/news.html')], { timeout: 90_000 });
      red = countColor(decodePng(await readFile(shot)), RED);
    }
    assert.ok(red > 100, `the trend element's red line is drawn (${red} px)`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
