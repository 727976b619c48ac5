// The README's TypeScript example type-checks against the package's
// declarations (scripts/pkg/heluo.d.ts, what the build copies to pkg/) with
// tsc --strict (typescript pinned in package-lock.json), and a wrong action
// does not: the declarations have teeth. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const TSC = join(ROOT, 'node_modules/.bin/tsc');
const DECLARATIONS = join(ROOT, 'scripts/pkg/heluo.d.ts');

const README = () => readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The README's ```ts blocks, joined. */
function readmeExample() {
  const blocks = [...README().matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.ok(blocks.length > 0, 'the README has a TypeScript example');
  return blocks.map((b) => `{\n${b}\n}`).join('\n');
}

/** The README's "Embedding a chart in an article" section. */
function embeddingSection() {
  const readme = README();
  const start = readme.indexOf('## Embedding a chart in an article');
  assert.ok(start >= 0);
  return readme.slice(start, readme.indexOf('\n## ', start + 5));
}

/** The element's attributes as the README lists them ("Attributes: `src` … `group`."). */
function readmeAttributes() {
  const m = embeddingSection().match(/Attributes: ([\s\S]*?)\. Changing an attribute/);
  assert.ok(m, 'the README lists the attributes');
  // A name in backticks followed by its values in parentheses, or a list of names.
  return [...new Set([...m[1].matchAll(/`([a-z][a-z-]*)`/g)].map((x) => x[1]))]
    .filter((name) => !['trend', 'ranking', 'light', 'dark', 'auto', 'full', 'none', 'zh-CN', 'en', 'locale'].includes(name));
}

/** tsc's verdict on `code`: null when it type-checks, else its output. */
function typeCheck(code) {
  const dir = mkdtempSync(join(tmpdir(), 'heluo-ts-'));
  try {
    const file = join(dir, 'example.ts');
    writeFileSync(file, `/// <reference path="${DECLARATIONS}" />\nexport {};\n${code}`);
    execFileSync(TSC, ['--noEmit', '--strict', '--target', 'es2020', '--lib', 'es2020,dom', file], { encoding: 'utf8' });
    return null;
  } catch (err) {
    return String(err.stdout || err.message);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the README's TypeScript example type-checks, and wrong actions do not", () => {
  const example = readmeExample();
  assert.equal(typeCheck(example), null);
  for (const wrong of [
    'declare const v: Heluo.ChartEngine; v.apply({ type: "metric", kye: "income" });',
    'declare const v: Heluo.ChartEngine; v.apply({ type: "pin" });',
    'declare const v: Heluo.ChartEngine; v.apply({ type: "explode" });',
    'declare const v: Heluo.ChartEngine; const c: number = v.apply({ type: "leave" });',
    'declare const d: Heluo.DatasetHandle; new Heluo.ChartEngine(d, { chart: "pie", canvas: document.createElement("canvas"), overlay: document.createElement("canvas") });',
  ]) {
    assert.notEqual(typeCheck(wrong), null, `tsc accepts: ${wrong}`);
  }
});

test('every attribute the README documents is an option the types accept, and every option is documented', () => {
  const attributes = readmeAttributes();
  for (const name of ['chart', 'metric', 'top', 'theme', 'lang', 'chart-title', 'controls', 'footer', 'fallback', 'time', 'name', 'value', 'group']) {
    assert.ok(attributes.includes(name), `the README lists ${name}: ${attributes}`);
  }
  // "Options are the element's attributes": each (src aside, it is the data) type-checks as an option.
  const values = { chart: '"trend"', theme: '"auto"', lang: '"en"', controls: '"none"', footer: '"none"', top: '10' };
  const options = attributes.filter((a) => a !== 'src').map((a) => `"${a}": ${values[a] || '"x"'}`).join(', ');
  assert.equal(typeCheck(`const o: Heluo.RenderOptions = { ${options} }; Heluo.render(document.body, "{}", o);`), null, options);
  // The declarations' options are all in the README's Embedding section.
  const declared = readFileSync(DECLARATIONS, 'utf8').match(/interface RenderOptions \{([\s\S]*?)\n  \}/)[1];
  const keys = [...declared.matchAll(/^\s+"?([a-zA-Z-]+)"?\?:/gm)].map((m) => m[1]);
  assert.ok(keys.length >= 15, keys.join(','));
  const section = embeddingSection();
  for (const key of keys) assert.ok(section.includes('`' + key + '`'), `the README documents the option ${key}`);
  // And a wrong value has teeth.
  assert.notEqual(typeCheck('Heluo.render(document.body, "{}", { footer: "hidden" });'), null);
  assert.notEqual(typeCheck('Heluo.render(document.body, "{}", { "chart-titel": "x" });'), null);
});
