// UTF-8, base64 and URI escaping written out in plain TypeScript (no TextEncoder, atob or
// Buffer in the pure core).

export function utf8Encode(text: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd; // lone surrogate
    if (code < 0x80) bytes.push(code);
    else if (code < 0x800) bytes.push(0xc0 | (code >> 6), 0x80 | (code & 63));
    else if (code < 0x10000) bytes.push(0xe0 | (code >> 12), 0x80 | ((code >> 6) & 63), 0x80 | (code & 63));
    else
      bytes.push(
        0xf0 | (code >> 18),
        0x80 | ((code >> 12) & 63),
        0x80 | ((code >> 6) & 63),
        0x80 | (code & 63),
      );
  }
  return bytes;
}

/** Decodes UTF-8; invalid sequences become U+FFFD as .NET's decoder does. */
export function utf8Decode(bytes: ArrayLike<number>): string {
  let out = "";
  let i = 0;
  const n = bytes.length;
  const at = (k: number) => bytes[k] ?? 0;
  while (i < n) {
    const b = at(i);
    let code = 0xfffd;
    let size = 1;
    if (b < 0x80) code = b;
    else if (b >= 0xc2 && b < 0xe0 && i + 1 < n && (at(i + 1) & 0xc0) === 0x80) {
      code = ((b & 31) << 6) | (at(i + 1) & 63);
      size = 2;
    } else if (
      b >= 0xe0 &&
      b < 0xf0 &&
      i + 2 < n &&
      (at(i + 1) & 0xc0) === 0x80 &&
      (at(i + 2) & 0xc0) === 0x80
    ) {
      code = ((b & 15) << 12) | ((at(i + 1) & 63) << 6) | (at(i + 2) & 63);
      size = 3;
      if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) code = 0xfffd;
    } else if (
      b >= 0xf0 &&
      b < 0xf5 &&
      i + 3 < n &&
      (at(i + 1) & 0xc0) === 0x80 &&
      (at(i + 2) & 0xc0) === 0x80 &&
      (at(i + 3) & 0xc0) === 0x80
    ) {
      code = ((b & 7) << 18) | ((at(i + 1) & 63) << 12) | ((at(i + 2) & 63) << 6) | (at(i + 3) & 63);
      size = 4;
      if (code < 0x10000 || code > 0x10ffff) code = 0xfffd;
    }
    out += String.fromCodePoint(code);
    i += size;
  }
  return out;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DECODE = new Map<string, number>();
for (let i = 0; i < ALPHABET.length; i++) DECODE.set(ALPHABET[i] as string, i);
DECODE.set("-", 62); // base64url
DECODE.set("_", 63);

export function base64Encode(bytes: ArrayLike<number>): string {
  let out = "";
  const n = bytes.length;
  for (let i = 0; i < n; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    out += ALPHABET[b0 >> 2];
    out += ALPHABET[((b0 & 3) << 4) | (b1 >> 4)];
    out += i + 1 < n ? ALPHABET[((b1 & 15) << 2) | (b2 >> 6)] : "=";
    out += i + 2 < n ? ALPHABET[b2 & 63] : "=";
  }
  return out;
}

/** Decodes base64 (whitespace ignored, padding optional); undefined when the text is not base64. */
export function base64Decode(text: string): number[] | undefined {
  const clean = text.replace(/[\s]/g, "");
  const body = clean.replace(/=+$/, "");
  if (clean.length - body.length > 2 || body.length % 4 === 1) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of body) {
    const v = DECODE.get(ch);
    if (v === undefined) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return bytes;
}

/** RFC 3986 escaping as .NET's Uri.EscapeDataString: only A-Z a-z 0-9 - _ . ~ stay as they are. */
export function escapeDataString(text: string): string {
  let out = "";
  for (const byte of utf8Encode(text)) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.~]/.test(ch)) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Decodes %XX sequences as UTF-8; undefined when a sequence is malformed. */
export function unescapeDataBytes(text: string): number[] | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "%") {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      const cp = text.codePointAt(i) ?? 0;
      bytes.push(...utf8Encode(String.fromCodePoint(cp)));
      if (cp > 0xffff) i++;
    }
  }
  return bytes;
}
