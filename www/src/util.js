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

/** Text of a file: in `encoding` (a TextDecoder label) when given, else UTF-8
    (a byte order mark dropped), else GB18030 as Chinese Excel and WPS write it. */
export function decodeText(bytes, encoding) {
  if (encoding) return new TextDecoder(encoding).decode(bytes);
  try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); } catch (err) { return new TextDecoder("gb18030").decode(bytes); }
}

/** A workbook (xlsx/ods: a zip; xls: an OLE compound file), by its first bytes. */
export function isWorkbook(bytes) {
  return bytes.length >= 4 && ((bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) ||
    (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0));
}
