// Text scanning helpers: what a word character is, the spans where terms must never be matched (URLs,
// e-mail addresses, @handles), and case patterns. Words themselves are split by screen.ts.

/**
 * Soft hyphens (&shy; in news pages, Word's optional hyphen), zero-width joiners and word joiners sit
 * inside words without splitting them: Tikhanov&shy;skaya is one word, keyed without them (fold drops them).
 */
export const IN_WORD_INVISIBLE = '\u00AD\u200C\u200D\u2060\uFEFF';
const WORD_CHAR = new RegExp(`[\\p{L}\\p{M}\\p{N}${IN_WORD_INVISIBLE}]`, 'u');

/** Letters, marks, digits and invisible in-word joiners: the length of the one at `i` (0 if none). The
 * common ranges are tested by code, the rest by Unicode property. */
export function isWordChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
  if (c >= 0x400 && c <= 0x52f) return 1;
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  return WORD_CHAR.test(text[i]) ? 1 : 0;
}

// A URL (with scheme, www., or a bare host followed by a path), an e-mail address, an @handle, or a
// bare domain (Kiev.ua, president.gov.ua, tut.by: a top-level domain in one case, so that a missing
// space between sentences, "Minsk.The", is none). The last, a capturing group, is told apart: a name
// spelled as a domain (TUT.BY) is matched when it is the whole domain.
const PROTECTED = new RegExp([
  String.raw`\b(?:https?|ftp)://[^\s<>"«»]+`,
  String.raw`\bwww\.[^\s<>"«»]+`,
  String.raw`\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/[^\s<>"«»]*`,
  String.raw`[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+`,
  String.raw`(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+`,
  String.raw`(?<![\p{L}\p{N}.@_-])([\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}][\p{L}\p{N}-]*)*\.(?:[a-z]{2,}|[A-Z]{2,}|рф|бел|укр|рус))(?![\p{L}\p{N}])`,
].join('|'), 'gu');

/**
 * A run of text without white space that holds an '@', a '/', "www." or a dot between word
 * characters: what every protected form is part of. The look-behind makes it start where the run starts.
 */
const MARKED_RUN = /(?<!\S)\S*?(?:[@/]|www\.|[\p{L}\p{N}]\.[\p{L}\p{N}])\S*/gu;

/** A protected span, [start, end); `domain` for a bare domain, where a name spelled as one may stand. */
export type Span = [start: number, end: number, domain?: true];

/** True when a dot stands between two word characters somewhere in the text (tut.by, Kiev.ua). */
function hasInnerDot(text: string): boolean {
  for (let i = text.indexOf('.', 1); i > 0 && i < text.length - 1; i = text.indexOf('.', i + 1)) {
    if (isWordChar(text, i - 1) && isWordChar(text, i + 1)) return true;
  }
  return false;
}

/** Spans of URLs, e-mail addresses, @handles and bare domains, in order. */
export function protectedSpans(text: string): Span[] {
  // Every protected form has an '@', a '/' or a dot inside a word, or starts with www. (in lower case,
  // as PROTECTED has no 'i' flag): most paragraphs skip the scan, found out by indexOf, cheaper than a regex test.
  if (text.indexOf('@') < 0 && text.indexOf('/') < 0 && text.indexOf('www.') < 0 && !hasInnerDot(text)) return [];
  // No protected form holds white space, so PROTECTED is run on the marked runs alone, where its \b and
  // look-behind see at the run's start what they see in the whole text (white space or nothing): the
  // same matches. Run on a whole sentence it tried its Unicode classes at every position, some 20 µs
  // a Cyrillic sentence.
  const spans: Span[] = [];
  MARKED_RUN.lastIndex = 0;
  for (let run: RegExpExecArray | null; (run = MARKED_RUN.exec(text)); ) {
    PROTECTED.lastIndex = 0;
    for (let m: RegExpExecArray | null; (m = PROTECTED.exec(run[0])); ) {
      const start = run.index + m.index;
      spans.push(m[1] === undefined ? [start, start + m[0].length] : [start, start + m[0].length, true]);
    }
  }
  return spans;
}

/** True when the hashtag sign stands right before `start` (#Lukashenko). */
export const isHashtag = (text: string, start: number) => start > 0 && (text[start - 1] === '#' || text[start - 1] === '＃');

/** The case pattern of a surface form, so a replacement can be written the same way. */
export type CasePattern = 'upper' | 'lower' | 'capital' | 'as-is';

export function casePattern(surface: string): CasePattern {
  const letters = surface.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
  if (letters && letters === letters.toLowerCase() && letters !== letters.toUpperCase()) return 'lower';
  if (/^\p{Lu}/u.test(letters)) return 'capital';
  return 'as-is';
}

/** Writes `text` in the case pattern of the surface it replaces ('capital': a sentence-initial term). */
export function applyCase(text: string, pattern: CasePattern): string {
  if (pattern === 'upper') return text.toUpperCase();
  if (pattern === 'lower') return text.toLowerCase();
  if (pattern === 'capital') return text.charAt(0).toUpperCase() + text.slice(1);
  return text;
}
