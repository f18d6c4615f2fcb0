// Plain text: paragraphs are separated by blank lines; a first line may carry a `date YYYY-MM-DD`
// header, sometimes glued to the first sentence (as in the seed article).
import { ParagraphBuilder, type SourceParagraph } from './builder.ts';

const DATE_HEADER = /^\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)/i;

export interface ReadText { date?: string; paragraphs: SourceParagraph[] }

export function readPlainText(source: string): ReadText {
  let from = 0;
  let date: string | undefined;
  const header = DATE_HEADER.exec(source);
  if (header && isCalendarDate(header[1])) { date = header[1]; from = header[0].length; }
  const builder = new ParagraphBuilder();
  const blank = /\n(?:[ \t\r\f\v]*\n)+/g;
  blank.lastIndex = from;
  let at = from;
  for (let m: RegExpExecArray | null; (m = blank.exec(source)); at = m.index + m[0].length) {
    builder.append(source.slice(at, m.index), at);
    builder.close();
  }
  builder.append(source.slice(at), at);
  builder.close();
  return { date, paragraphs: builder.paragraphs };
}

function isCalendarDate(iso: string): boolean {
  const d = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}
