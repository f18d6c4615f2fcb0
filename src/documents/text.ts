// Plain text: paragraphs are separated by blank lines; a first line may carry a `date YYYY-MM-DD`
// header, sometimes glued to the first sentence (as in the seed article).
import { ParagraphBuilder, type SourceParagraph } from './builder.ts';

const DATE_HEADER = /^\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$)/i;

/**
 * Blank lines between paragraphs. One object for every call (each sets lastIndex before its search
 * and reads to the end), not a literal, which was a new RegExp object per document.
 */
const BLANK_LINES = /\n(?:[ \t\r\f\v]*\n)+/g;

export interface ReadText { date?: string; paragraphs: SourceParagraph[] }

export function readPlainText(source: string): ReadText {
  let from = 0;
  let date: string | undefined;
  const header = DATE_HEADER.exec(source);
  if (header && isCalendarDate(header[1])) { date = header[1]; from = header[0].length; }
  const builder = new ParagraphBuilder();
  const blank = BLANK_LINES;
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

/** Whether YYYY-MM-DD names a day of the (proleptic Gregorian) calendar, as Date.UTC would keep it. */
function isCalendarDate(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}
