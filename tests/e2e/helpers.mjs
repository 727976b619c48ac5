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
 * { deviceScaleFactor: 2 }), viewport, path (another page than www/index.html,
 * relative to the repository root).
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
  if (mode === 'file') url = fileUrl(options.path);
  else if (mode === 'http') url = server.url(options.path);
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

/**
 * In the page: the data table of `figure` read as a reader gets it. The table
 * is built when opened and a large one renders only the rows and columns in
 * its scrolling box (www/heluo-chart.js, tableView): it is opened with its
 * button if closed (and closed again after), then scrolled through, cell by
 * cell from each row's aria-rowindex and each cell's aria-colindex (else its
 * place). Returns null without a table box, else { caption, head, rows, text }:
 * `head` the column names, `rows` each row's cell texts, `text` what
 * table.textContent would be with every row in the DOM.
 */
export async function readFigureTable(figure) {
  const box = figure.querySelector('.table-box');
  if (!box) return null;
  const toggle = figure.querySelector('button.show-table');
  const closed = box.classList.contains('sr-only');
  if (closed) toggle.click();
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const table = box.querySelector('table.data');
  const cells = new Map();
  const read = () => {
    for (const tr of table.querySelectorAll('tr[aria-rowindex]')) {
      let c = 0;
      for (const cell of tr.cells) {
        if (cell.getAttribute('aria-hidden') === 'true') continue;
        c = Number(cell.getAttribute('aria-colindex')) || c + 1;
        cells.set(`${tr.getAttribute('aria-rowindex')},${c}`, cell.textContent);
      }
    }
  };
  const was = [box.scrollLeft, box.scrollTop];
  // Steps a little shorter than the box (its header is sticky); the table
  // renders a margin of rows and columns beyond the box besides.
  for (let y = 0; ; y += Math.max(1, box.clientHeight - 60)) {
    for (let x = 0; ; x += Math.max(1, box.clientWidth - 60)) {
      box.scrollTo(x, y);
      await frames();
      read();
      if (x + box.clientWidth >= box.scrollWidth) break;
    }
    if (y + box.clientHeight >= box.scrollHeight) break;
  }
  box.scrollTo(...was);
  const rowCount = Number(table.getAttribute('aria-rowcount'));
  const colCount = Number(table.getAttribute('aria-colcount')) || table.tHead.rows[0].cells.length;
  const grid = [];
  for (let r = 1; r <= rowCount; r++) {
    const row = [];
    for (let c = 1; c <= colCount; c++) {
      const text = cells.get(`${r},${c}`);
      if (text === undefined) throw new Error(`readFigureTable: cell ${r},${c} of ${rowCount}×${colCount} was never rendered`);
      row.push(text);
    }
    grid.push(row);
  }
  if (closed) toggle.click();
  const caption = table.caption.textContent;
  return { caption, head: grid[0], rows: grid.slice(1), text: caption + grid.flat().join('') };
}

/** The data table of the figure of `kind` ('trend'/'ranking') on the page: readFigureTable. */
export async function readTable(page, kind) {
  // A figure replaced while it is read (a file's chart after the sample's)
  // has no table left: read the one in the page now.
  for (let attempt = 1; ; attempt++) {
    try {
      const figure = await page.$(inFigure(kind));
      return await figure.evaluate(readFigureTable);
    } catch (err) {
      if (attempt >= 3) throw err;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Waits until `test(table)` holds for the data table of `kind` (readTable), polling. */
export async function waitForTable(page, kind, test, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const table = await readTable(page, kind).catch(() => null);
    if (table && test(table)) return table;
    if (Date.now() > end) throw new Error(`waitForTable: ${kind} table never matched: ${table && table.text.slice(0, 200)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The texts of each figure: kind, caption, aria-label, table text and cells (readFigureTable). */
export async function chartTexts(page) {
  const out = [];
  for (const figure of await page.$$('#charts figure.chart')) {
    const texts = await figure.evaluate((figure) => {
      const id = figure.getAttribute('aria-labelledby');
      const caption = id ? document.getElementById(id) : null;
      const base = figure.querySelector('canvas.base');
      return {
        kind: Array.from(figure.classList).find((c) => c.startsWith('chart-')) || '',
        caption: caption ? caption.textContent : null,
        captionInFigure: !!caption && figure.contains(caption) && caption.tagName === 'FIGCAPTION',
        label: base ? base.getAttribute('aria-label') : null,
      };
    });
    const table = await figure.evaluate(readFigureTable);
    out.push({ ...texts, table: table ? table.text : null, cells: table ? table.rows.flat() : [] });
  }
  return out;
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

/* ------------------------------------------------------------------------ */
/* Interaction helpers (tests/e2e/interact-*.test.mjs).                      */
/* ------------------------------------------------------------------------ */

/** A selector for the figure of `kind` ('trend'/'ranking'), or for `inner` inside it. */
export function inFigure(kind, inner = '') {
  return `#charts figure.chart-${kind}${inner ? ' ' + inner : ''}`;
}

/** An FNV-1a hash of a canvas' pixels (backing store), with its size. */
export function canvasHash(page, selector) {
  return page.evaluate((selector) => {
    const c = document.querySelector(selector);
    if (!c) return null;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let h = 0x811c9dc5;
    for (let i = 0; i < d.length; i++) {
      h ^= d[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return `${c.width}x${c.height}:${h.toString(16)}`;
  }, selector);
}

/** How many pixels of a canvas are not fully transparent. */
export function canvasInk(page, selector) {
  return page.evaluate((selector) => {
    const c = document.querySelector(selector);
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  }, selector);
}

/**
 * The tooltip the page shows at each of `points` ([x, y] in CSS px from the
 * top left of the base canvas of `kind`), found by dispatching synthetic
 * pointermove events on the canvas in the page (fast: one round trip for
 * hundreds of points). Ends with a pointerleave, so no tooltip is left.
 * Returns [{ x, y, heading, text }] (heading null where no tooltip shows).
 * Only for finding where things are; tests then act with the real mouse.
 */
export function probeTooltips(page, kind, points) {
  return page.evaluate(
    ([kind, points]) => {
      const figure = document.querySelector(`#charts figure.chart-${kind}`);
      const base = figure.querySelector('canvas.base');
      const stage = figure.querySelector('.stage');
      const tip = figure.querySelector('.tooltip');
      const rect = base.getBoundingClientRect();
      const init = (x, y) => ({
        bubbles: true,
        cancelable: true,
        composed: true,
        clientX: rect.left + x,
        clientY: rect.top + y,
        pointerId: 77,
        pointerType: 'mouse',
        isPrimary: true,
      });
      const out = points.map(([x, y]) => {
        base.dispatchEvent(new PointerEvent('pointermove', init(x, y)));
        const heading = tip.hidden ? null : (tip.querySelector('.heading') || {}).textContent || '';
        return { x, y, heading, text: tip.hidden ? null : tip.textContent };
      });
      stage.dispatchEvent(new PointerEvent('pointerleave', { ...init(-1, -1), bubbles: false }));
      return out;
    },
    [kind, points],
  );
}

/** CSS size of the base canvas of `kind`. */
export function canvasSize(page, kind) {
  return page.$eval(inFigure(kind, 'canvas.base'), (c) => {
    const r = c.getBoundingClientRect();
    return { width: r.width, height: r.height, backingWidth: c.width, backingHeight: c.height, dpr: window.devicePixelRatio };
  });
}

/**
 * Trend: the x (CSS px on the canvas) of each year column, probed (with
 * synthetic pointer events, as probeTooltips) along the line at `yFrac` of the
 * canvas height: a coarse scan, then a bisection of each boundary between two
 * years. Regions of a year meet halfway between columns, so a column is the
 * middle of its two boundaries (an end column is extrapolated from the
 * spacing next to it). Returns { year: x }. With fewer than three columns
 * the positions are rough (only which years there are is reliable).
 */
export function trendYearXs(page, { yFrac = 0.5, step = 6 } = {}) {
  return page.evaluate(
    ([yFrac, step]) => {
      const figure = document.querySelector('#charts figure.chart-trend');
      const base = figure.querySelector('canvas.base');
      const stage = figure.querySelector('.stage');
      const tip = figure.querySelector('.tooltip');
      const rect = base.getBoundingClientRect();
      const y = Math.round(rect.height * yFrac);
      const init = (x) => ({
        bubbles: true, cancelable: true, composed: true, clientX: rect.left + x, clientY: rect.top + y,
        pointerId: 77, pointerType: 'mouse', isPrimary: true,
      });
      const yearAt = (x) => {
        base.dispatchEvent(new PointerEvent('pointermove', init(x)));
        const h = tip.hidden ? null : (tip.querySelector('.heading') || {}).textContent;
        const m = h && /^(\d{4})年$/.exec(h);
        return m ? Number(m[1]) : null;
      };
      const samples = [];
      for (let x = 0; x <= rect.width; x += step) samples.push([x, yearAt(x)]);
      const years = [];
      const bounds = [];
      let prev = null;
      for (const [x, year] of samples) {
        if (year === null) continue;
        if (prev && year !== prev[1]) {
          // Bisect between prev[0] (prev year) and x (this year).
          let [a, b] = [prev[0], x];
          while (b - a > 0.25) {
            const mid = (a + b) / 2;
            if (yearAt(mid) === prev[1]) a = mid; else b = mid;
          }
          bounds.push((a + b) / 2);
        }
        if (!prev || year !== prev[1]) years.push(year);
        prev = [x, year];
      }
      stage.dispatchEvent(new PointerEvent('pointerleave', { ...init(-1), bubbles: false }));
      const xs = {};
      const n = years.length;
      years.forEach((year, i) => {
        if (n === 1) xs[year] = rect.width / 2;
        else if (n === 2) xs[year] = i === 0 ? bounds[0] - 1 : bounds[0] + 1;
        else if (i === 0) xs[year] = bounds[0] - (bounds[1] - bounds[0]) / 2;
        else if (i === n - 1) xs[year] = bounds[i - 1] + (bounds[i - 1] - bounds[i - 2]) / 2;
        else xs[year] = (bounds[i - 1] + bounds[i]) / 2;
      });
      return xs;
    },
    [yFrac, step],
  );
}

/**
 * Ranking: the rows a pointer finds, top to bottom, probed down the canvas at
 * `xFrac` of its width: [{ heading, top, bottom, y }] in CSS px (y the middle).
 */
export async function rankingRows(page, { xFrac = 0.5, step = 2 } = {}) {
  const { width, height } = await canvasSize(page, 'ranking');
  const x = Math.round(width * xFrac);
  const points = [];
  for (let y = 0; y <= height; y += step) points.push([x, y]);
  const probes = await probeTooltips(page, 'ranking', points);
  const rows = [];
  for (const p of probes) {
    if (!p.heading) continue;
    const last = rows[rows.length - 1];
    if (last && last.heading === p.heading && p.y - last.bottom <= step) last.bottom = p.y;
    else rows.push({ heading: p.heading, text: p.text, top: p.y, bottom: p.y });
  }
  return rows.map((r) => ({ ...r, y: (r.top + r.bottom) / 2 }));
}

/** Page coordinates of CSS point (x, y) of the base canvas of `kind`, scrolled into view first. */
export async function canvasPoint(page, kind, x, y) {
  const canvas = page.locator(inFigure(kind, 'canvas.base'));
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  return { x: box.x + x, y: box.y + y };
}

/** Moves the real mouse to CSS point (x, y) of the canvas of `kind`; returns the tooltip. */
export async function hoverAt(page, kind, x, y) {
  const p = await canvasPoint(page, kind, x, y);
  await page.mouse.move(p.x, p.y);
  return tooltipOf(page, kind);
}

/** Clicks (down and up without moving) the real mouse at CSS point (x, y) of the canvas of `kind`. */
export async function clickAt(page, kind, x, y) {
  const p = await canvasPoint(page, kind, x, y);
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.mouse.up();
}

/** Drags the real mouse across the canvas of `kind` from x0 to x1 at height y (CSS px), in `steps` moves. */
export async function dragAcross(page, kind, x0, x1, y, steps = 12) {
  const a = await canvasPoint(page, kind, x0, y);
  const b = await canvasPoint(page, kind, x1, y);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps });
  await page.mouse.up();
}

/**
 * The box (CSS px on the canvas) of the topmost cluster of pixels close to
 * `color` ([r, g, b]) on a canvas: the first row holding such a pixel, and
 * the `band` CSS px below it. For finding a legend swatch above the plot.
 * Options: x range [xMin, xMax] in CSS px. Returns { x, y, w, h, cx, cy } or null.
 */
export function topmostColorBox(page, selector, color, { band = 12, xMin = 0, xMax = Infinity } = {}) {
  return page.evaluate(
    ([selector, color, band, xMin, xMax]) => {
      const c = document.querySelector(selector);
      const s = c.width / c.getBoundingClientRect().width;
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const near = (i) =>
        Math.abs(d[i] - color[0]) <= 24 && Math.abs(d[i + 1] - color[1]) <= 24 && Math.abs(d[i + 2] - color[2]) <= 24 && d[i + 3] > 200;
      const x0 = Math.max(0, Math.floor(xMin * s));
      const x1 = Math.min(c.width, xMax === null ? c.width : Math.ceil(xMax * s));
      let top = -1;
      for (let y = 0; y < c.height && top < 0; y++) {
        for (let x = x0; x < x1; x++) if (near((y * c.width + x) * 4)) { top = y; break; }
      }
      if (top < 0) return null;
      let minX = Infinity, maxX = -1, maxY = top;
      for (let y = top; y < Math.min(c.height, top + band * s); y++) {
        for (let x = x0; x < x1; x++) {
          if (near((y * c.width + x) * 4)) {
            minX = Math.min(minX, x); maxX = Math.max(maxX, x); maxY = Math.max(maxY, y);
          }
        }
      }
      const box = { x: minX / s, y: top / s, w: (maxX - minX + 1) / s, h: (maxY - top + 1) / s };
      return { ...box, cx: box.x + box.w / 2, cy: box.y + box.h / 2 };
    },
    [selector, color, band, xMin, Number.isFinite(xMax) ? xMax : null],
  );
}

/** The text of the figure's live region (p.live). */
export function liveText(page, kind) {
  return page.$eval(inFigure(kind, 'p.live'), (p) => p.textContent);
}

/**
 * Clicks a figure's export button (`export-png` / `export-svg`) and returns
 * the download: { name, buffer, url }.
 */
export async function exportFrom(page, kind, buttonClass) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10_000 }),
    page.click(inFigure(kind, `button.${buttonClass}`)),
  ]);
  const path = await download.path();
  const buffer = await readFile(path);
  return { name: download.suggestedFilename(), url: download.url(), buffer };
}

/** Waits until no frame changes the canvas (two hashes `ms` apart are equal); returns the hash. */
export async function settledHash(page, selector, ms = 150, tries = 20) {
  let last = await canvasHash(page, selector);
  for (let i = 0; i < tries; i++) {
    await page.waitForTimeout(ms);
    const now = await canvasHash(page, selector);
    if (now === last) return now;
    last = now;
  }
  return last;
}

/**
 * Keeps the page producing animation frames (an empty requestAnimationFrame
 * loop). Headless Chromium gives a page that draws nothing no idle periods,
 * and canvas.toBlob encodes in idle time: a PNG export then waits for
 * Chromium's idle-task timeouts (1–7 s). With frames running it takes ~100 ms.
 */
export function keepFramesRunning(page) {
  return page.evaluate(() => {
    if (window.__heluoFrames) return;
    window.__heluoFrames = true;
    (function frame() { requestAnimationFrame(frame); })();
  });
}

/* ------------------------------------------------------------------------ */
/* Reliability helpers (tests/e2e/reliability-*.test.mjs).                   */
/* ------------------------------------------------------------------------ */

/** Chooses a file in #file-input from raw bytes (a Buffer), e.g. a binary or non-UTF-8 file. */
export async function chooseBytes(page, name, buffer, mimeType = 'application/json') {
  if (!Buffer.isBuffer(buffer)) {
    // { size, fill, head }: a file too large to send through the protocol,
    // made in the page (`size` bytes of `fill`, starting with the text `head`).
    // The page's garbage is collected first: Chromium holds in-memory blobs
    // within a quota, and an earlier 256 MB file not yet collected makes the
    // next one unreadable.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
    await page.evaluate(({ name, mimeType, size, fill, head }) => {
      const bytes = new Uint8Array(size).fill(fill);
      bytes.set(new TextEncoder().encode(head).subarray(0, size));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: mimeType }));
      const input = document.getElementById('file-input');
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, { name, mimeType, ...buffer });
    return;
  }
  await page.setInputFiles('#file-input', { name, mimeType, buffer });
}

/**
 * Loads `buffer` as the file `name` through #file-input and waits until the
 * page has reacted: either #alert shows a message about this file (a fresh
 * one: a MutationObserver on #alert tells a new message from an old one with
 * the same text), or new figures replaced the ones on screen. Returns
 * { outcome: 'alert', text } or { outcome: 'loaded', title, alertHidden, alertText, captions }.
 */
export async function loadAndSettle(page, name, buffer, { timeout = 10_000 } = {}) {
  await page.evaluate(() => {
    const alert = document.getElementById('alert');
    if (!window.__heluoAlertWatch) {
      window.__heluoAlertWatch = { changes: 0 };
      new MutationObserver((records) => { window.__heluoAlertWatch.changes += records.length; })
        .observe(alert, { attributes: true, childList: true, characterData: true, subtree: true });
    }
    window.__heluoAlertWatch.armed = window.__heluoAlertWatch.changes;
    document.querySelectorAll('#charts figure').forEach((f) => { f.__heluoBefore = true; });
  });
  await chooseBytes(page, name, buffer);
  const handle = await page.waitForFunction(
    (name) => {
      const alert = document.getElementById('alert');
      const watch = window.__heluoAlertWatch;
      if (watch.changes > watch.armed && !alert.hidden && alert.textContent.startsWith('无法载入 “' + name + '”')) {
        return { outcome: 'alert', text: alert.textContent };
      }
      const figures = Array.from(document.querySelectorAll('#charts figure'));
      if (figures.length > 0 && figures.every((f) => !f.__heluoBefore)) {
        return {
          outcome: 'loaded',
          title: document.getElementById('dataset-title').textContent,
          alertHidden: alert.hidden,
          alertText: alert.textContent,
          captions: figures.map((f) => {
            const c = document.getElementById(f.getAttribute('aria-labelledby'));
            return c ? c.textContent : null;
          }),
        };
      }
      return false;
    },
    name,
    { timeout, polling: 'raf' },
  );
  return handle.jsonValue();
}

/**
 * What is on screen, cheaply: per figure its kind, figcaption text, whether
 * it is one of the figures marked by the last loadAndSettle (the same DOM
 * node), and how much of its base canvas is drawn (fraction of non-white,
 * non-transparent pixels, sampled every `stride` pixels).
 */
export function screenState(page, stride = 7) {
  return page.evaluate((stride) => {
    return Array.from(document.querySelectorAll('#charts figure.chart')).map((figure) => {
      const caption = document.getElementById(figure.getAttribute('aria-labelledby'));
      const base = figure.querySelector('canvas.base');
      let ink = 0;
      let seen = 0;
      if (base && base.width > 0 && base.height > 0) {
        const d = base.getContext('2d').getImageData(0, 0, base.width, base.height).data;
        for (let i = 0; i < d.length; i += 4 * stride) {
          seen++;
          if (d[i + 3] > 10 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) ink++;
        }
      }
      return {
        kind: Array.from(figure.classList).find((c) => c.startsWith('chart-')) || '',
        caption: caption ? caption.textContent : null,
        same: figure.__heluoBefore === true,
        ink: seen ? ink / seen : 0,
        width: base ? base.width : 0,
        height: base ? base.height : 0,
      };
    });
  }, stride);
}

/**
 * Adds an init script to the page's context and reloads, so that it runs
 * before the page's own scripts; waits for html[data-heluo="ready"] again.
 */
export async function addInitScriptAndReload(page, script, arg) {
  await page.context().addInitScript(script, arg);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('html[data-heluo="ready"]', { state: 'attached', timeout: 15_000 });
}

/**
 * An init script: keeps every WebAssembly.Instance the page creates in
 * window.__heluoWasmInstances (the bundle keeps its instance in a closure),
 * so that a test can read the size of the instance's memory.
 */
export function captureWasmInstances() {
  window.__heluoWasmInstances = [];
  const Original = WebAssembly.Instance;
  WebAssembly.Instance = new Proxy(Original, {
    construct(target, args, newTarget) {
      const instance = Reflect.construct(target, args, newTarget === WebAssembly.Instance ? target : newTarget);
      window.__heluoWasmInstances.push(instance);
      return instance;
    },
  });
}

/** Byte length of the memory of the latest captured wasm instance (see captureWasmInstances), or null. */
export function wasmMemoryBytes(page) {
  return page.evaluate(() => {
    const list = window.__heluoWasmInstances || [];
    const last = list[list.length - 1];
    const memory = last && Object.values(last.exports).find((e) => e instanceof WebAssembly.Memory);
    return memory ? memory.buffer.byteLength : null;
  });
}

/**
 * The page's JS heap after a full garbage collection, through the DevTools
 * protocol (HeapProfiler.collectGarbage, Runtime.getHeapUsage), with the DOM
 * counters (Memory.getDOMCounters). `cdp` is page.context().newCDPSession(page).
 */
export async function heapAfterGc(cdp) {
  // Twice: the first pass can leave objects that only a second pass frees
  // (weak references and finalizers run between them).
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
  return { used: heap.usedSize, total: heap.totalSize, dom };
}

/**
 * How many objects in the page's heap have the prototype that `expression`
 * evaluates to (e.g. 'Heluo.ChartEngine.prototype'), through the DevTools
 * protocol (Runtime.queryObjects, which collects garbage first). For telling
 * leaked wasm-bindgen wrappers from freed ones.
 */
export async function liveObjects(cdp, expression) {
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression });
  if (!proto.objectId) throw new Error(`${expression} is not an object`);
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.length; }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: proto.objectId });
  return result.value;
}

/* ------------------------------------------------------------------------ */
/* Accessibility helpers (tests/e2e/a11y-*.test.mjs).                        */
/* ------------------------------------------------------------------------ */

/** Waits two animation frames (a ResizeObserver and its redraw have run). */
export function twoFrames(page) {
  return page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** A dataset in English (locale "en") with a trend of two series and a ranking of `n` villages in two groups. */
export function englishDataset({ n = 8 } = {}) {
  const villages = [];
  for (let i = 0; i < n; i++) {
    villages.push({
      name: `Village ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''}`,
      group: i % 2 ? 'North township' : 'South street',
      values: { income: 250000 - i * 20000, dividend: 2500 - i * 100 },
    });
  }
  villages[3].values = { income: villages[3].values.income };
  return JSON.stringify({
    title: 'Poverty alleviation in Luolong district',
    subtitle: 'The poverty rate fell from 3.12% in 2013 to 0.36%',
    source: 'Dongfang Daily; National Bureau of Statistics',
    locale: 'en',
    trend: {
      title: 'Poverty rate', unit: '%',
      series: [
        { name: 'Luolong', points: [[2013, 3.12], [2015, 2.1], [2017, 1.2], [2019, 0.36]] },
        { name: 'Rural China', points: [[2012, 10.2], [2014, 7.2], [2016, 4.5], [2018, 1.7], [2019, 0.6]] },
      ],
      annotations: [{ year: 2015, label: 'Targeted poverty alleviation' }],
    },
    ranking: {
      title: 'Village collective income',
      metrics: [
        { key: 'income', label: 'Village collective income', unit: '元' },
        { key: 'dividend', label: 'Dividend per household', unit: '元' },
      ],
      villages,
    },
  });
}

/**
 * A dataset whose words do not break: a village, a group, a series, the
 * title and a source URL of `length` characters without a space.
 */
export function unbreakableDataset({ length = 90 } = {}) {
  const long = (stem) => (stem.repeat(Math.ceil(length / stem.length))).slice(0, length);
  return JSON.stringify({
    title: long('洛阳市洛龙区脱贫攻坚'),
    subtitle: long('Subtitlewithoutanyspace'),
    source: 'https://example.org/' + long('averylongpathsegment/'),
    note: long('注'),
    locale: 'zh-CN',
    trend: {
      title: long('贫困发生率'), unit: '%',
      series: [{ name: long('Seriesnamewithoutspaces'), points: [[2013, 3.12], [2016, 1.5], [2019, 0.36]] }],
    },
    ranking: {
      title: long('村集体经济收入'),
      metrics: [{ key: 'income', label: long('Metriclabel'), unit: '元' }],
      villages: [
        { name: long('Wangtuncunvillage'), group: long('Kejiyuanjiedao'), values: { income: 200000 } },
        { name: '夏庄村', group: long('Kejiyuanjiedao'), values: { income: 168000 } },
        { name: long('王屯村'), values: { income: 35000 } },
      ],
    },
  });
}

/** The WCAG A and AA tags axe-core runs in the accessibility tests. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/**
 * Runs axe-core (node_modules/axe-core) on the page with the WCAG 2.0/2.1/2.2
 * A and AA rules; returns its violations, each as { id, impact, help,
 * nodes: [{ target, summary, html }] }. axe is evaluated through the DevTools
 * protocol, which the page's Content-Security-Policy does not apply to.
 */
export async function runAxe(page, { tags = AXE_TAGS } = {}) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    const source = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    await page.evaluate(source);
  }
  return page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
      // No fetching of style sheets (the page's CSP allows no connections;
      // only css-orientation-lock reads them, and the page locks nothing).
      preload: false,
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary, html: n.html.slice(0, 200) })),
    }));
  }, tags);
}

/**
 * Starts recording what live regions say: a MutationObserver on the whole
 * body notes, after each batch of mutations, every live region
 * ([aria-live] other than "off", role=status, role=alert, role=log) whose
 * content changed, with its text then. Entries: { region, text, inserted }:
 * region is the element's id, or the kind of the chart figure it is in
 * ('trend'/'ranking') for a chart's own region; inserted is true for a live
 * region added to the page with text already in it. Read them with
 * takeAnnouncements().
 */
export function recordAnnouncements(page) {
  return page.evaluate(() => {
    if (window.__heluoAnnouncements) return;
    const log = (window.__heluoAnnouncements = []);
    const SELECTOR = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
    const regionOf = (node) => {
      const el = node && (node.nodeType === 1 ? node : node.parentElement);
      return el ? el.closest(SELECTOR) : null;
    };
    const name = (region) => {
      if (region.id) return region.id;
      const figure = region.closest('figure.chart');
      const kind = figure && Array.from(figure.classList).find((c) => c.startsWith('chart-'));
      return kind ? kind.slice('chart-'.length) : region.tagName.toLowerCase() + '.' + region.className;
    };
    new MutationObserver((records) => {
      const changed = new Set();
      const inserted = new Set();
      for (const r of records) {
        const region = regionOf(r.target);
        if (region) changed.add(region);
        r.addedNodes.forEach((n) => {
          if (n.nodeType !== 1) return;
          if (!region) [n, ...n.querySelectorAll(SELECTOR)].forEach((m) => { if (m.matches(SELECTOR)) inserted.add(m); });
        });
      }
      changed.forEach((region) => log.push({ region: name(region), text: region.textContent, inserted: false }));
      inserted.forEach((region) => log.push({ region: name(region), text: region.textContent, inserted: true }));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** What the live regions said since the last call (see recordAnnouncements), and clears it. */
export function takeAnnouncements(page) {
  return page.evaluate(() => (window.__heluoAnnouncements || []).splice(0));
}
