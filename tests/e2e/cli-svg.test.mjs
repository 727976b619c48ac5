// The command line draws what the page draws: the page's "下载 SVG" of each
// sample chart and `heluo render … --width W -o x.svg` at the width the page
// laid the chart out at are the same bytes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, openPage, closeBrowser, exportFrom } from './helpers.mjs';

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
