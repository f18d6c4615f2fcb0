// Bytes to text: UTF-8 with or without BOM. Binary files and invalid UTF-8 are refused with the byte
// position of the first offending byte, so the user can find it (e.g. with `xxd -s N`).
import { isUtf8 } from 'node:buffer';
import { DocumentError } from './errors.ts';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function decodeUtf8(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DocumentError('binary', { byte: nul });
  if (!isUtf8(bytes)) throw new DocumentError('invalidUtf8', { byte: firstInvalidUtf8Byte(bytes) });
  // TextDecoder drops a leading BOM (ignoreBOM: false), so offsets count from after it.
  return decoder.decode(bytes);
}

/**
 * Offset of the first byte that does not belong to a well-formed UTF-8 sequence, or -1. With
 * `at: 'sequence'`, a sequence broken by a bad continuation byte is reported where it starts.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array, at: 'byte' | 'sequence' = 'byte'): number {
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
      if (c === undefined || (c & 0xc0) !== 0x80) return at === 'byte' && i + k < bytes.length ? i + k : i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}
