// Masks text that belongs to no language (links, handles, e-mail, numbers, dates) with spaces, so
// that scoring sees only words while offsets into the original text stay valid.

import { countLetters } from './alphabet.ts';

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

// The domain pattern backtracks over every word of a sentence; most sentences have no '.com'-like
// ending at all, which this plain scan finds first.
const TLD = /\.(?:com|org|net|by|ru|ua|uk|io|info|gov|edu)(?![\p{L}\p{N}])/iu;
const DIGIT = /\p{N}/u;
/**
 * Whether the text holds a number character (\p{N}). A regex scan of a whole paragraph with no
 * digit was the costliest step of masking; ASCII, Latin and Cyrillic letters (no \p{N} among them)
 * are passed over by their codes, and only other characters are asked about.
 */
function hasDigit(text: string): boolean {
  for (let i = 0, n = text.length; i < n; i++) {
    // Called on String.prototype for the reason given in alphabet.ts countLetters.
    const c = String.prototype.charCodeAt.call(text, i);
    if (c < 0x80) { if (c >= 48 && c <= 57) return true; continue; }
    if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x52f)) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      if (DIGIT.test(String.fromCodePoint(text.codePointAt(i)!))) return true;
      i++;
    } else if (DIGIT.test(text[i])) return true;
  }
  return false;
}

/**
 * The text with every noise run replaced by spaces of the same length. The patterns go in this
 * order (e-mail before handles: both hold '@'), written out rather than looped over as a table of
 * tests, whose one call site for eight different test functions V8 could not inline.
 */
export function maskNoise(text: string): string {
  let out = text;
  if (out.includes('://') || out.includes('www.')) out = out.replace(LINK, blank);
  if (out.includes('pic.')) out = out.replace(PIC, blank);
  if (out.includes('@')) out = out.replace(EMAIL, blank);
  if (out.includes('@')) out = out.replace(HANDLE, blank);
  if (TLD.test(out)) out = out.replace(DOMAIN, blank);
  // Masking adds no digits: one look at the text serves both patterns that need them.
  if (hasDigit(text)) out = out.replace(TWEET_DATE, blank).replace(NUMBER, blank);
  if (out.includes('#')) out = out.replace(HASHTAG, blank);
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
  countLetters(text, [], out);
  return out;
}
export const WORD = /\p{L}+(?:['’ʼ-]\p{L}+)*/gu;

