// Bytes of an HTML page to text, honouring the charset the page declares. Plain text and Markdown
// carry no declaration, so they stay UTF-8 (or UTF-16 by BOM) and a legacy encoding is refused rather
// than guessed (decode.ts). A saved web page does carry one: browsers save a page in the bytes it was
// served in, and Russian and Belarusian sites still serve windows-1251 with <meta charset>, which
// every browser honours. So the HTML reader follows the declaration, as the HTML standard's
// pre-scan does: a BOM wins, then the <meta> (or XML declaration) in the first 1024 bytes.
import { isUtf8 } from 'node:buffer';
import { decodeText, utf16ByBom } from './decode.ts';

const PRESCAN_BYTES = 1024;
/** <meta charset=x>, <meta http-equiv=Content-Type content="text/html; charset=x">, <?xml encoding="x"?> */
const DECLARATION = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w:.-]+)|<\?xml\b[^>]*?\bencoding\s*=\s*["']([\w:.-]+)/i;

/** The page's text: UTF-8 or UTF-16 as decodeText reads them, else the declared single-byte charset. */
export function decodeHtml(bytes: Uint8Array): string {
  const encoding = declaredEncoding(bytes);
  // Bytes that are valid UTF-8 are UTF-8 whatever the page says: a page converted by an editor keeps
  // its old <meta>, while windows-1251 Cyrillic is practically never valid UTF-8 by chance.
  if (!encoding || utf16ByBom(bytes) || isUtf8(bytes) || bytes.indexOf(0) >= 0) return decodeText(bytes);
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return decodeText(bytes); // not valid in the declared charset either: refused as invalid UTF-8, with its line
  }
}

/** The encoding the page declares (WHATWG name), unless it is unknown or a Unicode one. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1');
  const m = DECLARATION.exec(head);
  const label = m?.[1] ?? m?.[2];
  if (!label) return undefined;
  let encoding: string;
  try { encoding = new TextDecoder(label).encoding; } catch { return undefined; }
  // The standard reads a declared UTF-16 as UTF-8: a page that could declare it in ASCII is not UTF-16.
  return encoding === 'utf-8' || encoding.startsWith('utf-16') ? undefined : encoding;
}
