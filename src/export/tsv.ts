// segments.tsv: one segment per row for spreadsheets and grep. Cells are escaped with backslash
// sequences (\t \n \r \\), the convention of PostgreSQL COPY and MySQL, so every value stays on its
// row and unescapeTsvCell restores it exactly. A cell starting with = + - @ gets a backslash in front
// too, so a spreadsheet never runs segment text as a formula (CSV injection); it unescapes the same way.
import type { Segment } from '../types.ts';
import { targetOrigin } from './origin.ts';

export const TSV_COLUMNS = ['doc', 'id', 'src_lang', 'src_text', 'tgt_lang', 'tgt_text', 'score', 'terms', 'flags', 'origin'] as const;

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const UNESCAPES: Record<string, string> = { '\\': '\\', t: '\t', n: '\n', r: '\r', '=': '=', '+': '+', '-': '-', '@': '@' };

/** Any character escapeTsvCell changes; most cells have none and are returned as they are. */
const NEEDS_ESCAPE = /[\\\t\n\r]|^[=+\-@]/;

export function escapeTsvCell(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (ch) => ESCAPES[ch]).replace(/^[=+\-@]/, '\\$&');
}

export function unescapeTsvCell(cell: string): string {
  return cell.replace(/\\(.)/gs, (seq, ch: string) => UNESCAPES[ch] ?? seq);
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

/** Splits segments.tsv back into rows of unescaped cells keyed by column name (header required). */
export function readTsvRows(text: string): Array<Record<string, string>> {
  const [header, ...lines] = text.replace(/^\uFEFF/, '').split('\n').filter((line) => line !== '');
  const names = (header ?? '').split('\t');
  return lines.map((line) => {
    const cells = line.split('\t').map(unescapeTsvCell);
    return Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']));
  });
}
