// Text scanning helpers: word tokens, and the spans where terms must never be matched (URLs, e-mail
// addresses, @handles).

export interface Token {
  start: number;
  end: number;
  text: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  return out;
}

// A URL (with scheme, www., or a bare host followed by a path), an e-mail address, or an @handle.
const PROTECTED = new RegExp([
  String.raw`\b(?:https?|ftp)://[^\s<>"«»]+`,
  String.raw`\bwww\.[^\s<>"«»]+`,
  String.raw`\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/[^\s<>"«»]*`,
  String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
  String.raw`(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+`,
].join('|'), 'gu');

/** [start, end) spans of URLs, e-mail addresses and @handles, in order. */
export function protectedSpans(text: string): Array<[number, number]> {
  // Every protected form has an '@' or a '/' (or starts with www.): most paragraphs skip the scan.
  if (!/[@/]|www\./i.test(text)) return [];
  return [...text.matchAll(PROTECTED)].map((m) => [m.index!, m.index! + m[0].length]);
}

/** True when the hashtag sign stands right before `start` (#Lukashenko). */
export const isHashtag = (text: string, start: number) => start > 0 && (text[start - 1] === '#' || text[start - 1] === '＃');

/** The case pattern of a surface form, so a replacement can be written the same way. */
export type CasePattern = 'upper' | 'lower' | 'as-is';

export function casePattern(surface: string): CasePattern {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
  if (letters && letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return 'lower';
  return 'as-is';
}

export function applyCase(text: string, pattern: CasePattern): string {
  if (pattern === 'upper') return text.toUpperCase();
  if (pattern === 'lower') return text.toLowerCase();
  return text;
}
