// Character-level reading of a sentence for the aligner: the character classes of the Unicode
// property escapes its word pattern uses, white space, digit-group separators and the punctuation
// that is an anchor of its own, each looked up by code unit rather than by regular expression.
import { isSpace } from '../documents/space.ts';

// Character classes as the Unicode property escapes define them, looked up once per code point.
export const OTHER = 1, LETTER = 2, MARK = 3, NUMBER = 4;
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

function classify(ch: string): number {
  return /\p{L}/u.test(ch) ? LETTER : /\p{M}/u.test(ch) ? MARK : /\p{N}/u.test(ch) ? NUMBER : OTHER;
}

/** The class of a code unit outside the surrogates. */
function bmpClassOf(c: number): number {
  let k = bmpClass[c];
  if (k === 0) { k = classify(String.fromCharCode(c)); bmpClass[c] = k; }
  return k;
}

function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
      let k = astralClass.get(cp);
      if (k === undefined) { k = classify(String.fromCodePoint(cp)); astralClass.set(cp, k); }
      return k;
    }
  }
  return bmpClassOf(c);
}

/** 2 at a surrogate pair (one code point, as the u flag reads it), else 1. */
function widthAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

// \s by character code: the documents stage's (space.ts itself, as language/scan.ts takes it, rather
// than the documents index with its HTML and Markdown readers).
export { isSpace } from '../documents/space.ts';

/** The separators isGroupSeparator accepts (\s takes in the no-break spaces). */
export const GROUP_SEPARATORS = /[\s'’]/g;
const isAsciiDigit = (c: number) => c >= 48 && c <= 57;

/** A separator of digit groups: /(\d)[\s'’](?=\d{3}(?!\d))/ with the separator at i. */
export function isGroupSeparator(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (isSpace(c) || c === 39 || c === 0x2019) && i > 0 && i + 3 < text.length && isAsciiDigit(text.charCodeAt(i - 1))
    && isAsciiDigit(text.charCodeAt(i + 1)) && isAsciiDigit(text.charCodeAt(i + 2)) && isAsciiDigit(text.charCodeAt(i + 3))
    && !(i + 4 < text.length && isAsciiDigit(text.charCodeAt(i + 4)));
}

/** Length in UTF-16 units with whitespace runs counted once and the ends trimmed: text.replace(/\s+/g, ' ').trim().length. */
export function normalizedLength(text: string): number {
  let len = 0, space = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) { space = len > 0; continue; }
    if (space) { len++; space = false; }
    len++;
  }
  return len;
}

// Punctuation that is an anchor of its own: a question, an exclamation, a quotation.
export const QUESTION = 1, EXCLAMATION = 2, QUOTE = 4;

/** The anchor mark of one character: ["«»“”„‟] are quotes. */
export function markOf(c: number): number {
  if (c === 63) return QUESTION;
  if (c === 33) return EXCLAMATION;
  return c === 34 || c === 0xab || c === 0xbb || (c >= 0x201c && c <= 0x201f) ? QUOTE : 0;
}

export function textMarks(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) marks |= markOf(text.charCodeAt(i));
  return marks;
}

/**
 * The class and width of the character at i of the text's code units (`codesOf`), as
 * `class << 2 | width` (classAt and widthAt in one): one table load for a character of the BMP, so
 * the word scan makes a single small call per character; a surrogate pair reads the string.
 */
export function stepAtCode(codes: Uint16Array, text: string, i: number): number {
  const s = bmpStep[codes[i]];
  return s !== 0 ? s : firstStep(codes[i], text, i);
}

// class << 2 | 1 per BMP code unit, filled on first sight; 0 for not seen yet and for high surrogates.
const bmpStep = new Uint8Array(0x10000);

function firstStep(c: number, text: string, i: number): number {
  if (c >= 0xd800 && c <= 0xdbff) return (classAt(text, i) << 2) | widthAt(text, i);
  const s = (bmpClassOf(c) << 2) | 1;
  bmpStep[c] = s;
  return s;
}
