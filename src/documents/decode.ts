// Bytes to text: UTF-8 with or without BOM, and UTF-16 named by its BOM (what Windows tools save as
// "Unicode" text, and Excel as "Unicode text"). Binary files and invalid UTF-8 are refused with the
// position of the first offending byte (and its line), so the user can find it (e.g. `xxd -s N`).
import { isUtf8 } from 'node:buffer';
import { DocumentError } from './errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeText(bytes: Uint8Array): string {
  const utf16 = utf16ByBom(bytes);
  if (utf16) return decodeUtf16(bytes, utf16);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DocumentError(looksLikeUtf16(bytes) ? 'utf16NoBom' : 'binary', { byte: nul });
  if (!isUtf8(bytes)) {
    const byte = firstInvalidUtf8Byte(bytes), encoding = legacyCyrillic(bytes);
    throw new DocumentError('invalidUtf8', { byte, line: lineOfByte(bytes, byte), ...(encoding && { encoding, context: 'legacy' }) });
  }
  // TextDecoder drops a leading BOM (ignoreBOM: false), so offsets count from after it.
  return decoder.decode(bytes);
}

/**
 * The single-byte Cyrillic encoding that bytes which are not UTF-8 most likely are, if they read as
 * Cyrillic at all: most of their letters are high bytes (Latin-1 text has a few accents among ASCII
 * letters), and most of those are lowercase, which windows-1251 puts at E0–FF and KOI8-R at C0–DF.
 * Only named in the error, never used to decode: a wrong guess would corrupt a document's output
 * without a word, where the error costs one `iconv`.
 */
export function legacyCyrillic(bytes: Uint8Array): 'windows-1251' | 'koi8-r' | undefined {
  let ascii = 0, high = 0, c0 = 0, e0 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80) { high++; if (b >= 0xe0) e0++; else if (b >= 0xc0) c0++; }
    else if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) ascii++;
  }
  if (high < 8 || high < 0.3 * (ascii + high) || c0 + e0 < 0.7 * high) return undefined;
  return e0 >= 2 * c0 ? 'windows-1251' : c0 >= 2 * e0 ? 'koi8-r' : undefined;
}

/** The UTF-16 a byte-order mark names (FF FE little-endian, FE FF big-endian), if any. */
export function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): string {
  let text: string;
  try {
    // Fatal: a lone surrogate or an odd last byte is a broken file, not text to guess at.
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DocumentError('invalidUtf16');
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) throw new DocumentError('binary', { byte: 2 * (nul + 1) });
  return text;
}

/**
 * Whether bytes with NULs in them are UTF-16 without its BOM rather than binary: in the first 256
 * bytes, one byte parity holds the high bytes of the characters, which in text of one script are
 * one or two values (00 for Latin text and its spaces; 04 and 00 for Cyrillic), and NUL is rare in
 * the other parity. Binary data spreads over many values in both.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 256) & ~1;
  if (n < 4) return false;
  const half = n / 2;
  const high = (parity: number) => {
    const counts = new Map<number, number>();
    let nul = 0;
    for (let i = parity; i < n; i += 2) { counts.set(bytes[i], (counts.get(bytes[i]) ?? 0) + 1); if (bytes[i] === 0) nul++; }
    const [first = 0, second = 0] = [...counts.values()].sort((a, b) => b - a);
    return { nul, topTwo: first + second };
  };
  const even = high(0), odd = high(1);
  const fits = (h: typeof even, other: typeof even) => h.nul > 0.05 * half && h.topTwo >= 0.9 * half && other.nul < 0.05 * half;
  return fits(even, odd) || fits(odd, even);
}

/** The 1-based line a byte offset is on (lines end with LF, as in CRLF files too). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset (0-based, as `xxd -s` takes it) of the first byte that does not begin a well-formed UTF-8
 * sequence, or -1: a sequence broken by a bad continuation byte is reported where it starts, so a
 * windows-1251 letter is found at its own byte, not at the one after it.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    let need: number, min: number;
    if (b < 0x80) { i++; continue; }
    else if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
