// Masks text that belongs to no language (links, handles, e-mail, numbers, dates) with spaces, so
// that scoring sees only words while offsets into the original text stay valid.

import { tallyLetters } from './alphabet.ts';

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

// The noise patterns, each run only when a cheap test on the text says it may match (maskNoise).
const LINK = /(?:https?:\/\/|www\.)\S+/giu;
const PIC = /pic\.twitter\.com\/\S+/giu;
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}(?!\p{L})/gu;
const HANDLE = /(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+/gu;
// bare domains such as TUT.BY or example.com/page
const DOMAIN = /(?<![\p{L}\p{N}-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|by|ru|ua|uk|io|info|gov|edu)(?![\p{L}\p{N}])(?:\/\S*)?/giu;
// Tweet-style dates in English ("August 14, 2020"): month names would otherwise vote for English.
const TWEET_DATE = new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'giu');
const NUMBER = /\p{N}+(?:[.,:/\-–]\p{N}+)*(?:(?:st|nd|rd|th)(?![\p{L}]))?/giu; // numbers, dates, times, "20th"
const HASHTAG = /#(?=\p{L})/gu; // the '#' of hashtags: the tag itself is a word

/** The patterns in the order maskNoise applies them: text masked by all of them is what it gives (tests). */
export const NOISE_PATTERNS: readonly RegExp[] = [LINK, PIC, EMAIL, HANDLE, DOMAIN, TWEET_DATE, NUMBER, HASHTAG];

// The domain pattern backtracks over every word of a sentence; most sentences have no '.com'-like
// ending at all, which this plain scan finds first.
const TLD = /\.(?:com|org|net|by|ru|ua|uk|io|info|gov|edu)(?![\p{L}\p{N}])/iu;
const DIGIT = /\p{N}/u;

// What a text holds that some noise pattern needs (noiseMarks), one bit each.
const COLON = 1; // "://" of a link
const DOT = 2; // a '.' with a character other than a space after it: "www.", "pic.", ".com"
const AT = 4; // e-mail, handles
const HASH = 8; // hashtags
const DIGITS = 16; // a number character (\p{N}): numbers, dates
/** Looked for after the pass: a '.' counts only with a character other than a space after it. */
const PERIOD = 32;
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
const MARKS = new Uint8Array(0x10000).fill(UNKNOWN, 0x80).fill(0, 0xc0, 0x250).fill(0, 0x400, 0x530).fill(PAIR, 0xd800, 0xdc00);
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
function noiseMarks(text: string): number {
  let marks = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    // Called on String.prototype for the reason given in alphabet.ts countLetters.
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

/**
 * The text with every noise run replaced by spaces of the same length. The patterns go in this
 * order (e-mail before handles: both hold '@'), written out rather than looped over as a table of
 * tests, whose one call site for eight different test functions V8 could not inline. Each runs only
 * where the text has its mark (noiseMarks) and its own cheap test passes on the text masked so far.
 */
export function maskNoise(text: string): string {
  const marks = noiseMarks(text);
  if (!marks) return text;
  let out = text;
  if (marks & (COLON | DOT) && (out.includes('://') || out.includes('www.'))) out = out.replace(LINK, blank);
  if (marks & DOT && out.includes('pic.')) out = out.replace(PIC, blank);
  if (marks & AT && out.includes('@')) out = out.replace(EMAIL, blank);
  if (marks & AT && out.includes('@')) out = out.replace(HANDLE, blank);
  if (marks & DOT && TLD.test(out)) out = out.replace(DOMAIN, blank);
  // Masking adds no digits: the original text's mark serves both patterns that need them.
  if (marks & DIGITS) out = out.replace(TWEET_DATE, blank).replace(NUMBER, blank);
  if (marks & HASH && out.includes('#')) out = out.replace(HASHTAG, blank);
  return out;
}

function blank(m: string): string {
  return ' '.repeat(m.length);
}

/**
 * Words (letter runs, with inner apostrophes and hyphens) of an already masked text: what
 * `text.match(WORD)` finds, read by character codes in the letter-counting pass (alphabet.ts),
 * each the one string object for its characters (intern.ts).
 */
export function words(text: string): string[] {
  const out: string[] = [];
  tallyLetters(text, [], out);
  return out;
}
export const WORD = /\p{L}+(?:['’ʼ-]\p{L}+)*/gu;

