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
    it or Windows-1252 as Western Excel does; with the encoding read and how many characters could not be (U+FFFD).
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
    decoder = new TextDecoder(alone > 0 ? "windows-1252" : "gb18030");
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
