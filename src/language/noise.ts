// Masks text that belongs to no language (links, handles, e-mail, numbers, dates) with spaces, so
// that scoring sees only words while offsets into the original text stay valid.

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
function hasDigit(text: string): boolean {
  return DIGIT.test(text);
}

/** The text with every noise run replaced by spaces of the same length. */
export function maskNoise(text: string): string {
  let out = text;
  for (const [worth, re] of NOISE) if (worth(out)) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}

/** Words (letter runs, with inner apostrophes and hyphens) of an already masked text. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}
export const WORD = /\p{L}+(?:['’ʼ-]\p{L}+)*/gu;
