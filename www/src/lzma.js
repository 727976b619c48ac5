/* A raw LZMA (LZMA1) decoder: unpacks the WebAssembly inlined in pkg/heluo.js,
   heluo-tables.js and heluo-sheet.js (scripts/bundle.mjs packs it with xz).
   Why by hand, rather than the browser's DecompressionStream:
   - DecompressionStream offers only gzip, deflate and deflate-raw. Measured
     2026-12-07 on heluo.js's optimised wasm (321,186 bytes): gzip -9 129,328
     bytes, raw LZMA 106,939 (17% less); inlined as base64 and served gzipped,
     130,484 against 107,930 bytes: LZMA saves 22 KB of the download, for a
     decoder of about 1 KB gzipped.
   - It is asynchronous: Heluo could not be ready when the script ends, as a
     page opened from file:// and <heluo-chart> (defined at once) need it.
   It follows the LZMA specification's reference decoder (LzmaSpec.cpp, public
   domain). `props` is lc + 9 * (lp + 5 * pb); `size` is the unpacked size.
   Throws on corrupt input. */
export function lzmaDecode(input, props, size) {
  var lc = props % 9, lp = ((props / 9) | 0) % 5, pb = (props / 45) | 0;
  var out = new Uint8Array(size), pos = 0, inPos = 1;
  var range = 0xffffffff, code = 0;
  function corrupt() { throw new Error("Heluo: the inlined WebAssembly is corrupt"); }
  for (var i = 0; i < 4; i++) code = code * 256 + input[inPos++];
  if (input[0] !== 0 || code >= range) corrupt();
  function probs(n) { var p = new Uint16Array(n); p.fill(1024); return p; }
  function normalize() {
    if (range < 16777216) {
      if (inPos >= input.length) corrupt();
      range *= 256;
      code = code * 256 + input[inPos++];
    }
  }
  function bit(p, i) {
    var v = p[i], bound = (range >>> 11) * v;
    var b;
    if (code < bound) { range = bound; p[i] = v + ((2048 - v) >>> 5); b = 0; }
    else { range -= bound; code -= bound; p[i] = v - (v >>> 5); b = 1; }
    normalize();
    return b;
  }
  function tree(p, base, bits) {
    var m = 1;
    for (var i = 0; i < bits; i++) m = (m << 1) + bit(p, base + m);
    return m - (1 << bits);
  }
  function reverse(p, base, bits) {
    var m = 1, s = 0;
    for (var i = 0; i < bits; i++) { var b = bit(p, base + m); m = (m << 1) + b; s |= b << i; }
    return s;
  }
  function direct(bits) {
    var r = 0;
    for (var i = 0; i < bits; i++) {
      range = range >>> 1;
      if (code >= range) { code -= range; r = (r << 1) | 1; } else r <<= 1;
      normalize();
    }
    return r >>> 0;
  }
  function lenDecoder() {
    var choice = probs(2), low = probs(16 << 3), mid = probs(16 << 3), high = probs(256);
    return function (posState) {
      if (!bit(choice, 0)) return tree(low, posState << 3, 3);
      if (!bit(choice, 1)) return 8 + tree(mid, posState << 3, 3);
      return 16 + tree(high, 0, 8);
    };
  }
  var lit = probs(0x300 << (lc + lp));
  var isMatch = probs(192), isRep = probs(12), isRepG0 = probs(12), isRepG1 = probs(12),
    isRepG2 = probs(12), isRep0Long = probs(192);
  var posSlot = probs(256), posDec = probs(115), align = probs(16);
  var len = lenDecoder(), repLen = lenDecoder();
  var state = 0, rep0 = 0, rep1 = 0, rep2 = 0, rep3 = 0;
  var pbMask = (1 << pb) - 1, lpMask = (1 << lp) - 1;
  while (pos < size) {
    var posState = pos & pbMask;
    if (!bit(isMatch, (state << 4) + posState)) {
      var prev = pos > 0 ? out[pos - 1] : 0;
      var base = 0x300 * (((pos & lpMask) << lc) + (prev >>> (8 - lc)));
      var s = 1;
      if (state >= 7) {
        if (rep0 >= pos) corrupt();
        var match = out[pos - rep0 - 1];
        do {
          var mb = (match >>> 7) & 1;
          match <<= 1;
          var b = bit(lit, base + ((1 + mb) << 8) + s);
          s = (s << 1) | b;
          if (mb !== b) break;
        } while (s < 0x100);
      }
      while (s < 0x100) s = (s << 1) | bit(lit, base + s);
      out[pos++] = s - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    var n;
    if (bit(isRep, state)) {
      if (pos === 0) corrupt();
      if (!bit(isRepG0, state)) {
        if (!bit(isRep0Long, (state << 4) + posState)) {
          state = state < 7 ? 9 : 11;
          out[pos] = out[pos - rep0 - 1];
          pos++;
          continue;
        }
      } else {
        var dist;
        if (!bit(isRepG1, state)) dist = rep1;
        else {
          if (!bit(isRepG2, state)) dist = rep2;
          else { dist = rep3; rep3 = rep2; }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      n = repLen(posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2; rep2 = rep1; rep1 = rep0;
      n = len(posState);
      state = state < 7 ? 7 : 10;
      var slot = tree(posSlot, (n < 3 ? n : 3) << 6, 6);
      if (slot < 4) rep0 = slot;
      else {
        var bits = (slot >>> 1) - 1;
        rep0 = ((2 | (slot & 1)) << bits) >>> 0;
        if (slot < 14) rep0 += reverse(posDec, rep0 - slot, bits);
        else rep0 = (rep0 + direct(bits - 4) * 16 + reverse(align, 0, 4)) >>> 0;
        if (rep0 === 0xffffffff) break; /* the end marker */
      }
    }
    n += 2;
    if (rep0 >= pos || n > size - pos) corrupt();
    for (; n > 0; n--, pos++) out[pos] = out[pos - rep0 - 1];
  }
  if (pos !== size) corrupt();
  return out;
}

/** The WebAssembly inlined by scripts/bundle.mjs (raw LZMA in base64), unpacked. */
export function unpack(base64, props, size) {
  return lzmaDecode(bytesOf(base64), props, size);
}

/* Base64 to bytes: the browser's own decoder where there is one (Chromium
   140, Firefox 133, Safari 18.2), else a plain loop, several times faster
   than Uint8Array.from with a mapping function (17 against 4.5 ms for
   heluo.js's wasm on a desktop, the first and only time it runs). */
export function bytesOf(base64) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(base64);
  const text = atob(base64), bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
