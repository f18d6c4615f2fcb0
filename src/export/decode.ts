// Turns a segment file's bytes into text: the encodings TMX and XLIFF files arrive in, and a precise
// error (line and byte offset) for bytes that are not valid UTF-8.
import { TextDecoder } from 'node:util';
import { t } from '../i18n/index.ts';
import { fail } from './xml.ts';
// decode.ts itself rather than the documents index, which also loads the HTML and Markdown readers.
import { firstInvalidUtf8Byte, legacyCyrillic, lineOfByte, utf16ByBom } from '../documents/decode.ts';

/**
 * Decodes a segment file's bytes: UTF-8 (BOM or not), UTF-16 (by BOM, or by an XML file's first
 * '<' being two bytes wide), as some Windows CAT tools write TMX, or the legacy encoding an XML
 * declaration names. Invalid UTF-8 is an error naming the line and byte offset.
 */
export function decodeSegmentText(bytes: Uint8Array, fileName?: string): string {
  const [a, b] = bytes;
  const bom = utf16ByBom(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  if (a === 0x3C && b === 0x00) return new TextDecoder('utf-16le').decode(bytes);
  if (a === 0x00 && b === 0x3C) return new TextDecoder('utf-16be').decode(bytes);
  // An XML declaration may name a legacy encoding (windows-1251, ISO-8859-1, ...) older tools use.
  const declared = /^(?:\xEF\xBB\xBF)?<\?xml[^>]*?encoding=["']([A-Za-z0-9._-]+)["']/.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 200)))?.[1];
  if (declared && !/^utf-?8$/i.test(declared)) {
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(declared);
    } catch {
      return fail(t('export:unknownEncoding', { encoding: declared }), fileName, 1);
    }
    if (!decoder.encoding.startsWith('utf-16')) return decoder.decode(bytes);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // A table re-saved by a spreadsheet on a Russian Windows is windows-1251: named, as for documents.
    const offset = firstInvalidUtf8Byte(bytes), encoding = legacyCyrillic(bytes);
    return fail(t('export:invalidUtf8', { offset, ...(encoding && { encoding, context: 'legacy' }) }), fileName, lineOfByte(bytes, offset));
  }
}

