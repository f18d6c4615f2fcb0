// Plain text: paragraphs are separated by blank lines; a first line may carry a `date YYYY-MM-DD`
// header, sometimes glued to the first sentence (as in the seed article).
import { ParagraphBuilder, type SourceParagraph } from './builder.ts';
import { loneCrAsLf } from './line-ends.ts';

/**
 * The header, with its own line break: left in, it made the first paragraph a block of two lines,
 * read line by line (lists, headings, wrapping) where one line needs none of that. A word glued to
 * the date ("2020-08-19Шахтёры", an export that lost the line end) starts the text; a time does not.
 */
const DATE_HEADER = /^\s*date:?[ \t]+(\d{4}-\d{2}-\d{2})(?=\s|$|\p{L}{2})\r?\n?/iu;

/**
 * Blank lines between paragraphs, and a line that starts with a form feed (a new page of wire copy or
 * a printout). One object for every call (each sets lastIndex before its search and reads to the
 * end), not a literal, which was a new RegExp object per document.
 */
const BLANK_LINES = /\n(?:[ \t\r\f\v]*\n)+|\n[ \t\v]*\f/g;

export interface ReadText { date?: string; paragraphs: SourceParagraph[] }

export function readPlainText(text: string): ReadText {
  const source = loneCrAsLf(text);
  let from = 0;
  let date: string | undefined;
  const header = DATE_HEADER.exec(source);
  if (header && isCalendarDate(header[1])) { date = header[1]; from = header[0].length; }
  const builder = new ParagraphBuilder();
  // The wrap width, measured once, when a block of several lines asks (0 until then). Handed to each
  // block and back, not read through a closure: tsx names each closure it makes (a defineProperty).
  let width = 0;
  const blank = BLANK_LINES;
  blank.lastIndex = from;
  let at = from;
  for (let m: RegExpExecArray | null; (m = blank.exec(source)); at = m.index + m[0].length) {
    width = appendBlock(builder, source.slice(at, m.index), at, source, width);
    builder.close();
  }
  appendBlock(builder, source.slice(at), at, source, width);
  builder.close();
  return { date, paragraphs: builder.paragraphs };
}

/** A list item's marker at a line's start: - * • · ▪ – — or 1. 1) */
const MARKER = /^[ \t]*(?:[-*•·▪◦–—][ \t]|\d{1,3}[.)][ \t])/;
/** Markers that never stand for a dash in wrapped prose. */
const BULLET = /^[ \t]*[*•·▪◦]/;
/** A dialogue line: a dash, then a capital (or an opening quote). */
const DIALOGUE = /^[ \t]*[—–][ \t]*[«"„“]?\p{Lu}/u;
/** A line that ends a sentence or announces a list: . ! ? … : ; and closing quotes or brackets. */
const LINE_END = /[.!?…:;][»"”’)\]]*[ \t\r]*$/;
const LOWER = /\p{Ll}/u;
/** A heading in capitals: four letters or more, none lowercase, no sentence or clause end after it. */
const CAPS_HEADING = /^(?=(?:[^\p{L}\n]*\p{Lu}){4})[^\p{Ll}\n]*[^\p{Ll}\s.!?,;:…-][ \t\r]*$/u;

/**
 * Adds a block of lines (between blank lines) as one paragraph, or as several where its lines say
 * they are not one: a list item or dialogue line after a line that ended a sentence (or after another
 * item), a bullet (• or *) anywhere, and a heading in capitals above lines of prose. Lines wrapped
 * inside a paragraph stay one paragraph, even where a wrap puts a spaced dash at a line's start.
 */
function appendBlock(builder: ParagraphBuilder, block: string, at: number, source: string, wrap: number): number {
  // Most blocks are one line: nothing to look at. So is the last of a file that ends in a line break:
  // its empty second line adds no text, and what it might do (end a paragraph after a heading, ask
  // for a break or a space) the close after every block does too. It used to measure the wrap width,
  // a pass over the whole file.
  const lineEnd = block.indexOf('\n');
  if (lineEnd < 0) { builder.append(block, at); return wrap; }
  if (lineEnd === block.length - 1) { builder.append(block.slice(0, lineEnd), at); return wrap; }
  const lines = block.split('\n');
  const prose = lines.some((l) => LOWER.test(l));
  const width = wrap || wrapWidth(source);
  const ends = lines.slice(0, -1).map((line, i) => ended(line, lines[i + 1], width));
  // A block where most lines end short of the wrap is not wrapped text: its longest line (a tweet one
  // character too long for the test) ended where its writer ended it too.
  const unwrapped = ends.length > 1 && 2 * ends.filter(Boolean).length >= ends.length;
  let inList = false;
  let offset = at;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const previous = i > 0 ? lines[i - 1] : '';
    const item = MARKER.test(line);
    const starts = i > 0 && (
      (item && (inList || BULLET.test(line) || LINE_END.test(previous)))
      || (DIALOGUE.test(line) && LINE_END.test(previous))
      || heading(previous, prose) !== heading(line, prose));
    if (starts) builder.close();
    if (i === 0 || starts) inList = item;
    builder.append(line, offset);
    if (i + 1 < lines.length && (unwrapped || ends[i])) builder.lineBreak(); else builder.separate();
    offset += line.length + 1;
  }
  return width;
}

/** A heading in capitals, in a block with lowercase letters (one all in capitals is not split). */
function heading(line: string, prose: boolean): boolean {
  return prose && CAPS_HEADING.test(line);
}

/** The narrowest wrap assumed: editors wrap at 70 (Emacs) to 80 columns. */
const MIN_WRAP = 70;
/** A line this long with words in it is a paragraph nobody wrapped. */
const UNWRAPPED = 100;

/**
 * The column the text was wrapped at: its longest line, or at least MIN_WRAP; Infinity when a line of
 * prose is longer than anyone wraps, so that the text's line ends are all its writer's.
 */
function wrapWidth(source: string): number {
  let max = 0;
  for (let from = 0; from < source.length; ) {
    let to = source.indexOf('\n', from);
    if (to < 0) to = source.length;
    const end = source.charCodeAt(to - 1) === 13 ? to - 1 : to;
    if (end - from > UNWRAPPED && spacesIn(source, from, end, 8) >= 8) return Infinity;
    max = Math.max(max, end - from);
    from = to + 1;
  }
  return Math.max(MIN_WRAP, max);
}

/** Spaces in source[from, end), counted up to `enough` (a long line's words, without splitting it). */
function spacesIn(source: string, from: number, end: number, enough: number): number {
  let n = 0;
  for (let i = from; i < end && n < enough; i++) if (source.charCodeAt(i) === 32) n++;
  return n;
}

const FIRST_WORD = /\S+/;

/**
 * Whether a line ends where its writer ended it rather than where text was wrapped: the next line's
 * first word would have fitted on it (a list of headlines, tweets one per line, an address). Such a
 * line break ends a sentence unless a lowercase word goes on (see ParagraphBuilder.lineBreak).
 */
function ended(line: string, next: string, width: number): boolean {
  if (width === Infinity) return true;
  const word = FIRST_WORD.exec(next)?.[0] ?? '';
  return line.trimEnd().length + 1 + word.length <= width;
}

/** YYYY-MM-DD of an ISO date or date-time ("2020-08-14T10:00:00+03:00"), when it names a calendar day. */
export function calendarDay(value: string | undefined): string | undefined {
  const day = value && /^\s*(\d{4}-\d{2}-\d{2})(?![\d])/.exec(value)?.[1];
  return day && isCalendarDate(day) ? day : undefined;
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
