// The package as a bundler sees it: ./pkg installed into a fresh project
// (npm, from the folder), an entry that does `import { render } from "heluo"`
// bundled by esbuild and by Vite (both pinned in package-lock.json), and each
// bundle drawing a chart in Chromium. And importing the package in Node, as a server rendering
// the page would, works without a window.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openPage, closeBrowser, startServer } from './helpers.mjs';

after(closeBrowser);

const WORK = join(ROOT, 'target/e2e-esm-bundle');
const ESBUILD = join(ROOT, 'node_modules/.bin/esbuild');
const VITE = join(ROOT, 'node_modules/.bin/vite');

/** The app's entry: one chart through the package's named exports. */
const MAIN = `
import { render, define } from "heluo";
const data = { title: "Luolong", trend: { unit: "%", series: [{ name: "洛龙区", points: [[2013, 3.12], [2015, 1.9], [2019, 0.36]] }] } };
const handle = render(document.getElementById("chart"), data, { chart: "trend", lang: "en", theme: "light" });
window.__heluo = { element: define() === customElements.get("heluo-chart"), svg: handle.toSVG().startsWith("<svg") };
document.documentElement.setAttribute("data-heluo", "ready");
`;

/** Opens `path` (under the repository) and checks the chart in it is drawn. */
async function drawn(path) {
  const server = await startServer();
  const p = await openPage('http', { server, path });
  try {
    const got = await p.page.evaluate(() => {
      // Heluo.render draws in its own shadow root (styled, out of the host CSS's reach).
      const root = document.querySelector('#chart heluo-render').shadowRoot;
      const canvas = root.querySelector('canvas.base');
      const ctx = canvas.getContext('2d');
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
      return { ...window.__heluo, width: canvas.width, ink: ink / (data.length / 4), caption: root.querySelector('figcaption').textContent };
    });
    assert.ok(got.width > 0, 'a canvas');
    assert.ok(got.ink > 0.01, `the chart is drawn (${got.ink})`);
    assert.equal(got.caption, 'Luolong');
    assert.ok(got.element, 'define() returns the <heluo-chart> class');
    assert.ok(got.svg, 'the handle exports SVG');
    assert.deepEqual(p.pageErrors, []);
  } finally {
    await p.close();
    await server.close();
  }
}

/** A fresh project with ./pkg installed as the dependency "heluo". */
function project() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  writeFileSync(join(WORK, 'package.json'), JSON.stringify({
    name: 'heluo-esm-test', private: true, type: 'module', dependencies: { heluo: `file:${join(ROOT, 'pkg')}` },
  }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: WORK });
}

test('esbuild: import { render } from "heluo" draws a chart', async () => {
  project();
  writeFileSync(join(WORK, 'main.js'), MAIN);
  execFileSync(ESBUILD, ['main.js', '--bundle', '--format=esm', '--outfile=out.js', '--log-level=warning'], { cwd: WORK });
  writeFileSync(join(WORK, 'index.html'), '<!doctype html><meta charset="utf-8"><title>esbuild</title><div id="chart" style="width: 600px"></div><script type="module" src="out.js"></script>\n');
  await drawn('target/e2e-esm-bundle/index.html');
});

test('Vite: a minimal app with import { render } from "heluo" draws a chart', async () => {
  project();
  writeFileSync(join(WORK, 'main.js'), MAIN);
  writeFileSync(join(WORK, 'index.html'), '<!doctype html><meta charset="utf-8"><title>Vite</title><div id="chart" style="width: 600px"></div><script type="module" src="./main.js"></script>\n');
  execFileSync(VITE, ['build', '--base', './', '--outDir', 'dist', '--logLevel', 'warn'], { cwd: WORK, stdio: 'pipe' });
  await drawn('target/e2e-esm-bundle/dist/index.html');
});

test('importing the package in Node (server rendering) needs no window', () => {
  project();
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `
const heluo = await import("heluo");
console.log(JSON.stringify({
  window: typeof window, render: typeof heluo.render, define: heluo.define(),
  parsed: heluo.parseDataset(new TextEncoder().encode('{"trend": [[2013, 3.12]]}')).charts,
}));
`], { cwd: WORK, encoding: 'utf8' });
  assert.deepEqual(JSON.parse(out), { window: 'undefined', render: 'function', parsed: ['trend'] });
});

test('TypeScript resolves the ES module entry\'s types through package.json exports', () => {
  project();
  writeFileSync(join(WORK, 'check.ts'), `
import { render, define, parseDataset } from "heluo";
const handle: Heluo.ChartHandle = render(document.body, { trend: [[2013, 3.12]] }, { chart: "trend" });
handle.destroy();
const element: CustomElementConstructor | undefined = define();
const charts: string[] = parseDataset(new Uint8Array()).charts;
export { element, charts };
`);
  const tsc = join(ROOT, 'node_modules/.bin/tsc');
  const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2020', '--lib', 'es2020,dom', 'check.ts'];
  execFileSync(tsc, args, { cwd: WORK, encoding: 'utf8' });
  // And a wrong option is caught.
  writeFileSync(join(WORK, 'check.ts'), 'import { render } from "heluo";\nrender(document.body, {}, { chart: "pie" });\n');
  assert.throws(() => execFileSync(tsc, args, { cwd: WORK, encoding: 'utf8', stdio: 'pipe' }));
});
