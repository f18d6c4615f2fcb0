// Masks text that belongs to no language (links, handles, e-mail, numbers, dates) with spaces, so
// that scoring sees only words while offsets into the original text stay valid.

import { countLetters } from './alphabet.ts';

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** Each noise pattern with a cheap test that must pass before the regex is worth running. */
const NOISE: Array<[(text: string) => boolean, RegExp]> = [
  [(t) => t.includes('://') || t.includes('www.'), /(?:https?:\/\/|www\.)\S+/giu], // URLs
  [(t) => t.includes('pic.'), /pic\.twitter\.com\/\S+/giu],
  // e-mail before handles: both hold '@'
  [(t) => t.includes('@'), /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}(?!\p{L})/gu],
  [(t) => t.includes('@'), /(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+/gu], // @handles
  // bare domains such as TUT.BY or example.com/page
  [(t) => TLD.test(t), /(?<![\p{L}\p{N}-])[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|by|ru|ua|uk|io|info|gov|edu)(?![\p{L}\p{N}])(?:\/\S*)?/giu],
  // Tweet-style dates in English ("August 14, 2020"): month names would otherwise vote for English.
  [hasDigit, new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'giu')],
  [hasDigit, /\p{N}+(?:[.,:/\-–]\p{N}+)*(?:(?:st|nd|rd|th)(?![\p{L}]))?/giu], // numbers, dates, times, "20th"
  [(t) => t.includes('#'), /#(?=\p{L})/gu], // the '#' of hashtags: the tag itself is a word
];

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
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) { if (c >= 48 && c <= 57) return true; continue; }
    if ((c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x52f)) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      if (DIGIT.test(String.fromCodePoint(text.codePointAt(i)!))) return true;
      i++;
    } else if (DIGIT.test(text[i])) return true;
  }
  return false;
}

/** The text with every noise run replaced by spaces of the same length. */
export function maskNoise(text: string): string {
  let out = text;
  // Masking adds no digits: one look for them serves both patterns that need them.
  let digits: boolean | undefined;
  for (let k = 0; k < NOISE.length; k++) {
    const [worth, re] = NOISE[k];
    const go = worth === hasDigit ? (digits ??= hasDigit(text)) : worth(out);
    if (go) out = out.replace(re, blank);
  }
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

