// Shared machinery of the end-to-end tests: the browser, a static file server,
// opening the page from file:// or http, and what the page reports on the way
// (console errors, page errors, requests, CSP violations).
//
// Chromium comes from the machine (/usr/bin/chromium, Debian's package; see
// scripts/setup.sh); playwright-core never downloads a browser.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository root (two levels above this file). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ROOT_DIR = ROOT.replace(/[\\/]+$/, '');
/** The page, relative to the root. */
export const PAGE = 'www/index.html';

export const CHROMIUM = process.env.HELUO_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The strict policy the page is meant to run under (the same as its <meta>). */
export const STRICT_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

/** Launches headless Chromium. The caller closes it. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    timeout: 30_000,
  });
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * A static file server for the repository root on 127.0.0.1, on a free port.
 * `headers` are added to every response (e.g. a Content-Security-Policy).
 * Returns { origin, url(path), requests, close() }; `requests` lists every
 * path the server was asked for.
 */
export async function startServer({ headers = {} } = {}) {
  const requests = [];
  const server = createServer(async (req, res) => {
    requests.push(req.url);
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      const file = normalize(join(ROOT, pathname));
      if (!file.startsWith(ROOT_DIR + sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const info = await stat(file).catch(() => null);
      if (!info || !info.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('not found');
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    requests,
    url: (path = PAGE) => `${origin}/${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The page's file:// URL. */
export function fileUrl(path = PAGE) {
  return pathToFileURL(join(ROOT, path)).href;
}

/* Runs in the page before its own scripts: records CSP violations and dialogs. */
function initScript() {
  window.__heluoTest = { violations: [], dialogs: [] };
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      window.__heluoTest.violations.push({
        directive: e.violatedDirective,
        effective: e.effectiveDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
      });
    },
    true,
  );
}

/** Whether a URL is the favicon Chromium requests by itself. */
export function isFavicon(url) {
  return /^https?:\/\/[^/]+\/favicon\.ico$/.test(url);
}

let sharedBrowser = null;

/** One browser per test file (node --test runs each file in its own process). */
export async function browser() {
  if (!sharedBrowser) sharedBrowser = await launchBrowser();
  return sharedBrowser;
}

export async function closeBrowser() {
  if (sharedBrowser) {
    const b = sharedBrowser;
    sharedBrowser = null;
    await b.close();
  }
}

/**
 * Opens the page from 'file' or 'http' and waits for html[data-heluo="ready"].
 * Options: server (for 'http'; one is started, and closed with the page, if
 * absent), headers (for the started server), contextOptions (e.g.
 * { deviceScaleFactor: 2 }), viewport.
 * Returns { page, context, server, url, consoleErrors, pageErrors, requests,
 * violations(), dialogs, close() }.
 */
export async function openPage(mode = 'file', options = {}) {
  const b = await browser();
  let server = options.server || null;
  let ownServer = false;
  if (mode === 'http' && !server) {
    server = await startServer({ headers: options.headers });
    ownServer = true;
  }
  const context = await b.newContext({
    // Tall enough that both charts of the samples and a 20-village ranking
    // fit: the mouse only reaches what is inside the viewport.
    viewport: options.viewport || { width: 900, height: 1400 },
    ...(options.contextOptions || {}),
  });
  await context.addInitScript(initScript);
  const page = await context.newPage();
  const consoleErrors = [];
  const pageErrors = [];
  const requests = [];
  const dialogs = [];
  const ignoredConsole = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = (msg.location() && msg.location().url) || '';
    const entry = where ? `${msg.text()} [${where}]` : msg.text();
    // Chromium asks every http origin for /favicon.ico on its own; the test
    // server has none. That 404 is the browser's, not the page's.
    if (isFavicon(where) && /Failed to load resource/.test(msg.text())) ignoredConsole.push(entry);
    else consoleErrors.push(entry);
  });
  page.on('pageerror', (err) => pageErrors.push(String(err && err.stack ? err.stack : err)));
  page.on('request', (req) => requests.push(req.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  let url;
  if (mode === 'file') url = fileUrl();
  else if (mode === 'http') url = server.url();
  else throw new Error(`unknown mode ${mode}`);
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.waitForSelector('html[data-heluo="ready"]', { state: 'attached', timeout: 15_000 });
  } catch (err) {
    // Say why: an exception or a console error is usually the cause.
    const alert = await page.textContent('#alert').catch(() => null);
    await context.close().catch(() => {});
    if (ownServer) await server.close();
    throw new Error(
      `${url} never became ready (html[data-heluo="ready"]): ${err.message.split('\n')[0]}\n` +
        `page errors: ${JSON.stringify(pageErrors)}\nconsole errors: ${JSON.stringify(consoleErrors)}\nalert: ${JSON.stringify(alert)}`,
    );
  }
  return {
    page,
    context,
    server,
    url,
    consoleErrors,
    ignoredConsole,
    pageErrors,
    requests,
    dialogs,
    violations: () => page.evaluate(() => window.__heluoTest.violations.slice()),
    async close() {
      await context.close();
      if (ownServer) await server.close();
    },
  };
}

/** Chooses a file in #file-input. */
export async function chooseFile(page, name, text) {
  await page.setInputFiles('#file-input', {
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text, 'utf8'),
  });
}

/**
 * Drops a file on the page as a browser would: dragenter, dragover, drop on
 * document.body with a DataTransfer holding the file. Returns whether
 * body.dragging was set after dragenter, and whether the drop was cancelled
 * (preventDefault) by the page.
 */
export async function dropFile(page, name, text) {
  return page.evaluate(
    ([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      const fire = (type) => {
        const event = new DragEvent(type, { bubbles: true, cancelable: true, composed: true, dataTransfer: dt });
        document.body.dispatchEvent(event);
        return event.defaultPrevented;
      };
      const enterPrevented = fire('dragenter');
      const draggingAfterEnter = document.body.classList.contains('dragging');
      const overPrevented = fire('dragover');
      const dropPrevented = fire('drop');
      const draggingAfterDrop = document.body.classList.contains('dragging');
      return { enterPrevented, draggingAfterEnter, overPrevented, dropPrevented, draggingAfterDrop };
    },
    [name, text],
  );
}

/** The texts of each figure: kind, caption, aria-label, table text. */
export function chartTexts(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('#charts figure.chart')).map((figure) => {
      const id = figure.getAttribute('aria-labelledby');
      const caption = id ? document.getElementById(id) : null;
      const base = figure.querySelector('canvas.base');
      const table = figure.querySelector('.table-box table.data');
      return {
        kind: Array.from(figure.classList).find((c) => c.startsWith('chart-')) || '',
        caption: caption ? caption.textContent : null,
        captionInFigure: !!caption && figure.contains(caption) && caption.tagName === 'FIGCAPTION',
        label: base ? base.getAttribute('aria-label') : null,
        table: table ? table.textContent : null,
        cells: table ? Array.from(table.querySelectorAll('td')).map((td) => td.textContent) : [],
      };
    }),
  );
}

/**
 * Pixel statistics of a figure's canvas.base: its size, CSS size, the
 * fraction of non-white pixels, and how many pixels are close to each colour
 * given as [r, g, b].
 */
export function canvasStats(page, selector, colors = {}) {
  return page.evaluate(
    ([selector, colors]) => {
      const canvas = document.querySelector(selector);
      if (!canvas) return null;
      const rect = canvas.getBoundingClientRect();
      const w = canvas.width;
      const h = canvas.height;
      const data = canvas.getContext('2d').getImageData(0, 0, w, h).data;
      let nonWhite = 0;
      let transparent = 0;
      const counts = Object.fromEntries(Object.keys(colors).map((k) => [k, 0]));
      const entries = Object.entries(colors);
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i], g = data[i + 1], b = data[i + 2], a = data[i + 3];
        if (a < 10) { transparent++; continue; }
        if (r < 245 || g < 245 || b < 245) nonWhite++;
        for (const [k, c] of entries) {
          if (Math.abs(r - c[0]) <= 24 && Math.abs(g - c[1]) <= 24 && Math.abs(b - c[2]) <= 24) counts[k]++;
        }
      }
      const total = w * h;
      return {
        width: w,
        height: h,
        cssWidth: rect.width,
        cssHeight: rect.height,
        dpr: window.devicePixelRatio,
        nonWhite: nonWhite / total,
        transparent: transparent / total,
        counts,
      };
    },
    [selector, colors],
  );
}

export const RED = [0xc0, 0x39, 0x2b];
export const BLUE = [0x1f, 0x6f, 0xb5];

/** A ranking dataset of `n` villages; the first is `first` (a Chinese name by default). */
export function rankingDataset({ n = 20, first = '张庄村', title = '测试排名', extra = {} } = {}) {
  const villages = [];
  for (let i = 0; i < n; i++) {
    villages.push({
      name: i === 0 ? first : `Village ${String(i).padStart(2, '0')}`,
      values: { income: 300000 - i * 10000 },
    });
  }
  return JSON.stringify({
    title: '测试数据集',
    locale: 'zh-CN',
    ranking: {
      title,
      metrics: [{ key: 'income', label: '村集体经济收入', unit: '元' }],
      villages,
    },
    ...extra,
  });
}

/** A trend dataset with one series. */
export function trendDataset({ title = '测试趋势', name = '测试区', points = [[2014, 6.5], [2016, 4.25], [2018, 1.5]] } = {}) {
  return JSON.stringify({
    title: '测试趋势数据集',
    trend: { title, unit: '%', series: [{ name, points }] },
  });
}

/** Waits until the first figcaption of `kind` ('trend'/'ranking') reads `text`. */
export async function waitForCaption(page, kind, text, timeout = 5_000) {
  await page.waitForFunction(
    ([kind, text]) => {
      const figure = document.querySelector(`#charts figure.chart-${kind}`);
      if (!figure) return false;
      const caption = document.getElementById(figure.getAttribute('aria-labelledby'));
      return !!caption && caption.textContent === text;
    },
    [kind, text],
    { timeout },
  );
}

/** The tooltip of the figure of `kind`: { visible, hidden, role, heading, rows, text }. */
export function tooltipOf(page, kind) {
  return page.evaluate((kind) => {
    const tip = document.querySelector(`#charts figure.chart-${kind} .tooltip`);
    if (!tip) return null;
    const style = getComputedStyle(tip);
    const heading = tip.querySelector('.heading');
    return {
      hidden: tip.hidden,
      visible: !tip.hidden && style.display !== 'none' && style.visibility !== 'hidden' && tip.offsetWidth > 0,
      role: tip.getAttribute('role'),
      heading: heading ? heading.textContent : null,
      rows: Array.from(tip.querySelectorAll('.row')).map((r) => r.textContent),
      text: tip.textContent,
      elements: tip.querySelectorAll('*').length,
      imgs: tip.querySelectorAll('img').length,
    };
  }, kind);
}

/**
 * Moves the mouse across the base canvas of `kind`, left to right at the
 * fraction `yFrac` of its height (or top to bottom at `xFrac` of its width
 * with `vertical`), in `steps` steps, until the tooltip matches: `match` is the
 * heading, or a function of the tooltip. The canvas is scrolled into view
 * first. Returns the tooltip with the pointer's x, y on the canvas, or null.
 */
export async function hoverUntil(page, kind, match, { yFrac = 0.5, xFrac = 0.5, steps = 80, vertical = false } = {}) {
  const canvas = page.locator(`#charts figure.chart-${kind} canvas.base`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error(`no canvas for ${kind}`);
  const ok = typeof match === 'function' ? match : (t) => t.heading === match;
  for (let i = 0; i <= steps; i++) {
    const f = (i + 0.5) / (steps + 1);
    const x = vertical ? box.width * xFrac : box.width * f;
    const y = vertical ? box.height * f : box.height * yFrac;
    await page.mouse.move(box.x + x, box.y + y);
    const tip = await tooltipOf(page, kind);
    if (tip && !tip.hidden && ok(tip)) return { ...tip, x, y };
  }
  return null;
}
