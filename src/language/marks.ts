// Marks: what a text holds that some noise pattern (noise.ts) may need, found by one table load per
// code unit. Kept apart from noise.ts so that the letter pass (alphabet.ts), which noise.ts itself
// uses to find words, can read the table too: a text with no marks has no noise to mask.

const DIGIT = /\p{N}/u;

// What a text holds that some noise pattern needs (noiseMarks), one bit each.
export const COLON = 1; // "://" of a link
export const DOT = 2; // a '.' with a character other than a space after it: "www.", "pic.", ".com"
export const AT = 4; // e-mail, handles
export const HASH = 8; // hashtags
export const DIGITS = 16; // a number character (\p{N}): numbers, dates
/** Looked for after the pass: a '.' counts only with a character other than a space after it. */
export const PERIOD = 32;
/** A code unit not yet asked whether it is a number character. */
const UNKNOWN = 64;
/** A high surrogate: asked with the unit after it (pairMarks). */
const PAIR = 128;

/**
 * Per UTF-16 code unit, its marks. ASCII, Latin and Cyrillic letters (no \p{N} among them) are known
 * from the start; any other code unit is asked once, when first met. One table load per character
 * instead of a chain of tests: in running text the branches of such a chain were taken in turn
 * (letter, space, letter) and mispredicted at every word.
 */
export const MARKS = new Uint8Array(0x10000).fill(UNKNOWN, 0x80).fill(0, 0xc0, 0x250).fill(0, 0x400, 0x530).fill(PAIR, 0xd800, 0xdc00);
MARKS.fill(DIGITS, 48, 58);
MARKS[58] = COLON;
MARKS[46] = PERIOD;
MARKS[64] = AT;
MARKS[35] = HASH;

/**
 * The marks of the patterns that may match in the text, in one pass over its codes: most sentences
 * hold none, and each pattern's own test (six searches of the text and a regex scan) cost more than
 * the masking itself. A mark is only a hint (a DOT may precede no link); the pattern decides.
 */
export function noiseMarks(text: string): number {
  let marks = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // Called on String.prototype for the reason given in alphabet.ts tallyLetters.
    const c = String.prototype.charCodeAt.call(text, i);
    let m = MARKS[c];
    if (m >= UNKNOWN) {
      if (m === PAIR) m = pairMarks(text, i++);
      else m = MARKS[c] = DIGIT.test(text[i]) ? DIGITS : 0;
    }
    marks |= m;
  }
  if (marks & PERIOD) marks = (marks & ~PERIOD) | (hasInnerPeriod(text) ? DOT : 0);
  return marks;
}

/**
 * The marks of a high surrogate at `i` and of the code unit after it, read as one character: a
 * number character if the pair is one. The unit after it is not asked about number characters even
 * when the surrogate is lone, as the digit test always did, but gives its other marks.
 */
function pairMarks(text: string, i: number): number {
  const digit = DIGIT.test(String.fromCodePoint(text.codePointAt(i)!)) ? DIGITS : 0;
  const next = i + 1 < text.length ? MARKS[String.prototype.charCodeAt.call(text, i + 1)] : 0;
  return digit | (next < UNKNOWN ? next & ~DIGITS : 0);
}

/** Whether a '.' in the text has a character other than a space after it. */
function hasInnerPeriod(text: string): boolean {
  const n = text.length;
  for (let i = text.indexOf('.'); i >= 0 && i + 1 < n; i = text.indexOf('.', i + 1)) {
    if (String.prototype.charCodeAt.call(text, i + 1) !== 32) return true;
  }
  return false;
}
