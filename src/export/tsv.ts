// segments.tsv: one segment per row for spreadsheets and grep. Cells are escaped with backslash
// sequences (\t \n \r \\), the convention of PostgreSQL COPY and MySQL, so every value stays on its
// row and unescapeTsvCell restores it exactly. Other characters that readers take for line breaks or
// that spreadsheets cannot show are written as code points: C0 controls and DEL as \xHH (which
// PostgreSQL COPY reads back), C1 controls (U+0085 NEL), U+2028/U+2029 (line breaks to Python's
// splitlines) and lone surrogates (possible in text from a translation service) as \uHHHH.
// A cell starting with = + - @ gets a backslash in front, so a spreadsheet never runs segment text as
// a formula (CSV injection), and so does one starting with a double quote, which spreadsheets, pandas
// and Python's csv module take for a quoted field and read on across tabs and rows to the next quote
// (a quotation that spans two sentences starts one segment with '"' and ends in the next).
import type { Segment } from '../types.ts';
import { targetOrigin } from './origin.ts';

export const TSV_COLUMNS = ['doc', 'id', 'src_lang', 'src_text', 'tgt_lang', 'tgt_text', 'score', 'terms', 'flags', 'origin'] as const;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const UNESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', '=': '=', '+': '+', '-': '-', '@': '@', '"': '"' };

// Characters written as \xHH or \uHHHH: controls, Unicode line separators, lone surrogates.
// eslint-disable-next-line no-control-regex
const CODE_POINT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const SPECIAL = new RegExp(`[\\\\\\t\\n\\r]|${CODE_POINT.source}`, 'g');
const LEADING = /^[=+\-@"]/;

/**
 * A quick test for cells escapeTsvCell may change (most have nothing and are returned as they are):
 * LEADING, or one character class holding SPECIAL's characters and all surrogates (paired ones pass
 * the full escape unchanged). SPECIAL's lookarounds for lone surrogates made the test of every cell
 * twice as slow.
 */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /^[=+\-@"]|[\\\u0000-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF]/;

const hex = (ch: string, width: number) => ch.charCodeAt(0).toString(16).toUpperCase().padStart(width, '0');

function escapeChar(ch: string): string {
  return ESCAPES[ch] ?? (ch < '\u0080' ? `\\x${hex(ch, 2)}` : `\\u${hex(ch, 4)}`);
}

export function escapeTsvCell(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(SPECIAL, escapeChar).replace(LEADING, '\\$&');
}

export function unescapeTsvCell(cell: string): string {
  return cell.replace(/\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|.)/gs, (seq, code: string) => (
    code.length > 1 ? String.fromCharCode(Number.parseInt(code.slice(1), 16)) : UNESCAPES[code] ?? seq));
}

/** Terms as "side:entry=surface" joined by "; ", readable in a spreadsheet cell. */
function termsCell(segment: Segment): string {
  return segment.terms.map((term) => `${term.side}:${term.entry}=${term.surface}`).join('; ');
}

export function segmentsToTsv(segments: Segment[]): string {
  return TSV_HEADER + segmentsToTsvRows(segments);
}

/** The header line of segments.tsv. */
export const TSV_HEADER = TSV_COLUMNS.join('\t') + '\n';

/** The segments' rows without the header (a job's documents can be written one call each). */
export function segmentsToTsvRows(segments: Segment[]): string {
  let out = '';
  for (const s of segments) {
    out += [
      s.doc, s.id, s.src.lang, s.src.text, s.tgt?.lang ?? '', s.tgt?.text ?? '',
      s.score === null || s.score === undefined ? '' : String(s.score),
      termsCell(s), (s.flags ?? []).join(','), targetOrigin(s) ?? '',
    ].map(escapeTsvCell).join('\t') + '\n';
  }
  return out;
}

/**
 * Splits segments.tsv back into rows of unescaped cells keyed by column name (header required). Lines
 * may end in CR LF, as a spreadsheet saves them on Windows (a CR in the text is written \r).
 */
export function readTsvRows(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '');
  const names = (header ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t').map(unescapeTsvCell);
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}
