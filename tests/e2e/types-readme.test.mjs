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

/** The README's first ```ts block. */
function readmeExample() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const m = readme.match(/```ts\n([\s\S]*?)```/);
  assert.ok(m, 'the README has a TypeScript example');
  return m[1];
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
    'declare const v: Heluo.ChartView; v.apply({ type: "metric", kye: "income" });',
    'declare const v: Heluo.ChartView; v.apply({ type: "pin" });',
    'declare const v: Heluo.ChartView; v.apply({ type: "explode" });',
    'declare const v: Heluo.ChartView; const c: number = v.apply({ type: "leave" });',
    'declare const d: Heluo.DatasetHandle; new Heluo.ChartView(d, { chart: "pie", canvas: document.createElement("canvas"), overlay: document.createElement("canvas") });',
  ]) {
    assert.notEqual(typeCheck(wrong), null, `tsc accepts: ${wrong}`);
  }
});
