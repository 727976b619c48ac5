/* Small DOM and byte helpers shared by the DOM layer's modules. */

/** A new element with an optional class and text (text, never markup). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = text;
  return node;
}

/** Saves `blob` as the file `name` (a link clicked, then revoked). */
export function download(blob, name) {
  const a = el("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** A wasm trap: the instance that threw it is done and frees nothing more. */
export function isTrap(err) {
  return err instanceof WebAssembly.RuntimeError;
}

/** Data given as a plain value (not text or bytes), or null. */
export function plainValue(data) {
  return data !== null && typeof data === "object" && !(data instanceof Uint8Array) && !(data instanceof ArrayBuffer) ? data : null;
}

/** Bytes from text, bytes or a plain object. */
export function toBytes(data) {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new TextEncoder().encode(typeof data === "string" ? data : JSON.stringify(data));
}

/** A file's text: in `forced` (a TextDecoder label) when given, else by its
    byte order mark, else UTF-8, else GB18030 as Chinese Excel and WPS write
    it, Windows-1252 as Western Excel does, or Shift_JIS, Big5 or EUC-KR as
    Japanese, Taiwanese and Korean bureaus publish; with the encoding read and how many characters could not be (U+FFFD).
    Heluo.decode, which the page uses too. */
export function decodeBytes(bytes, forced) {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? "utf-8"
    : bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "";
  let text, decoder;
  try { decoder = new TextDecoder(forced || bom || "utf-8", { fatal: !forced && !bom }); } catch (err) { decoder = new TextDecoder("utf-8"); }
  try { text = decoder.decode(bytes); } catch (err) {
    /* Not UTF-8: GB18030, as Chinese Excel and WPS write, unless most bytes
       above ASCII stand alone: a one-byte code page's letters (é, ü in
       `Müller`) come one at a time between ASCII ones, while a two-byte
       character is a pair (its second byte may be ASCII, @ to ~, before
       the next character). Windows-1252 read as GB18030 shows Chinese with
       nothing replaced to say it is wrong. */
    let alone = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i + 1];
      if (bytes[i] > 127) b > 127 || (b > 63 && b < 127 && bytes[i + 2] > 127) ? (alone--, i++) : alone++;
    }
    /* Otherwise its characters as pairs, each counted once: Shift_JIS when
       most lead with 81–9F (kana, common kanji), Big5 when none leads with
       81–A0 and a quarter end in 40–7E, EUC-KR when 20 or more are nine in
       ten Hangul syllables (B0–C8, A1–FE) and few lead past C8 (Hanja),
       else GB18030 (src/dataset/import.rs, legacy_encoding, says why). */
    let label = "windows-1252";
    if (alone <= 0) {
      const seen = new Set();
      for (let i = 0; i < bytes.length; i++) if (bytes[i] > 127) seen.add(bytes[i] << 8 | bytes[++i]);
      let n = seen.size, kana = 0, below = 0, low = 0, hangul = 0, past = 0;
      for (const p of seen) {
        const l = p >> 8, e = p & 255;
        kana += l > 128 && l < 160;
        below += l > 128 && l < 161;
        low += e > 63 && e < 127;
        hangul += l > 175 && l < 201 && e > 160;
        past += l > 200;
      }
      label = kana * 2 > n ? "shift_jis" : !below && low * 4 > n ? "big5" : n > 19 && hangul * 10 >= n * 9 && past * 50 <= n ? "euc-kr" : "gb18030";
    }
    decoder = new TextDecoder(label);
    text = decoder.decode(bytes);
  }
  let replaced = 0;
  for (let i = text.indexOf("\ufffd"); i >= 0; i = text.indexOf("\ufffd", i + 1)) replaced++;
  return { text, encoding: decoder.encoding, bom: bom === decoder.encoding, replaced };
}

/** Text of a file (see decodeBytes). */
export function decodeText(bytes, encoding) { return decodeBytes(bytes, encoding).text; }

/** A workbook (xlsx/ods: a zip; xls: an OLE compound file), by its first bytes. */
/** Whether `b` may be format v1: `{` or `[` first after blanks and a byte
    order mark (UTF-8's EF BB BF, UTF-16's FF FE or FE FF, all above 186).
    Anything else (a CSV, a workbook) is a table. */
export function mayBeJson(b) {
  let i = 0;
  while (b[i] <= 32 || (i < 3 && b[i] > 186)) i++;
  return b[i] === 123 || b[i] === 91;
}

export function isWorkbook(bytes) {
  return bytes.length >= 4 && ((bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
    (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0));
}
