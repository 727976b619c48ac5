// Shortens the names a wasm-bindgen module imports and exports, in the wasm
// and in its JavaScript glue together: node scripts/short-names.mjs GLUE.js MODULE_bg.wasm
//
// wasm-bindgen names each import after its function and a hash
// (`__wbg_set_lineWidth_12f039d09cd36dad`): 74 such names in heluo.js's wasm,
// whose hex digits do not compress, and again in the glue. binaryen's
// --minify-imports-and-exports-and-modules renames them (`A`, `B`, … and the
// module `a`) and prints the map, which is applied here to the glue: 1.3 KB of
// the LZMA-packed wasm and 0.6 KB of the gzipped glue in pkg/heluo.js (measured
// with scripts/build.sh, 2026-12-07). The names are unique (hashes, or the
// exports' own names after `wasm.`), so each is replaced as a whole word.
import { readFileSync, writeFileSync, renameSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [gluePath, wasmPath] = process.argv.slice(2);
if (!gluePath || !wasmPath) {
  console.error('usage: node scripts/short-names.mjs GLUE.js MODULE_bg.wasm');
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const flags = ['--enable-bulk-memory', '--enable-sign-ext', '--enable-mutable-globals',
  '--enable-nontrapping-float-to-int', '--enable-reference-types', '--enable-multivalue'];
const out = `${wasmPath}.short`;
const map = JSON.parse(execFileSync(join(root, 'node_modules/.bin/wasm-opt'),
  [...flags, '--minify-imports-and-exports-and-modules', wasmPath, '-o', out], { encoding: 'utf8', maxBuffer: 1 << 26 }));

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let glue = readFileSync(gluePath, 'utf8');
const replace = (pattern, to, what) => {
  const before = glue;
  glue = glue.replace(pattern, to);
  if (glue === before) throw new Error(`short-names: ${what} not found in ${gluePath}`);
};
const modules = new Set();
for (const [module, name, short] of map.imports) {
  modules.add(module);
  replace(new RegExp(`\\b${escape(name)}\\b`, 'g'), short, `import ${name}`);
}
// binaryen names the one module `a`.
if (modules.size !== 1) throw new Error(`short-names: expected one import module, got ${[...modules]}`);
replace(new RegExp(`(["'])${escape([...modules][0])}\\1:`, 'g'), '"a":', `module ${[...modules][0]}`);
for (const [name, short] of map.exports) {
  // Exports the glue never calls (binaryen's abort handler) have nothing to rename.
  const pattern = new RegExp(`\\bwasm\\.${escape(name)}\\b`, 'g');
  if (pattern.test(glue)) glue = glue.replace(pattern, `wasm.${short}`);
}
writeFileSync(gluePath, glue);
renameSync(out, wasmPath);
