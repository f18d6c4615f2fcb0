// Masks text that belongs to no language (links, handles, e-mail, numbers, dates) with spaces, so
// that scoring sees only words while offsets into the original text stay valid.

import { tallyLetters } from './alphabet.ts';
import { AT, COLON, DIGITS, DOT, HASH, noiseMarks } from './marks.ts';

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

/** A hashtag with its tag: `#Minsk`, `#Жыве_Беларусь`. */
const TAG = /#[\p{L}\p{N}_]+/gu;
const LETTER = /\p{L}/u;

/**
 * The masked text with its hashtags blanked too, when nothing but hashtags is left of it as words
 * ("#Minsk #Belarus"); else the masked text with the tags of another script than its words blanked.
 * A tag names a feed, it is not text (the documents stage's hasWords says the same), so a unit of
 * tags alone has no language. A tag among words of its script stays a word: "#ЖывеБеларусь пожалуйста
 * поделитесь" has its sentence's evidence; in "#StandWithUkraine Слава Україні!" the tag outweighed
 * the sentence (16 letters to 13), which came out English.
 */
export function blankLoneHashtags(text: string, masked: string): string {
  if (!text.includes('#')) return masked;
  // The '#' is masked already; each tag's letters stand in the masked text where they are in the text.
  const tags = [...text.matchAll(TAG)];
  const out = blankTags(masked, tags);
  if (!LETTER.test(out)) return out;
  const cyrillic = (out.match(CYRILLIC_LETTERS) ?? []).length, latin = (out.match(LATIN_LETTERS) ?? []).length;
  const wordsScript = cyrillic > latin ? CYRILLIC_LETTERS : LATIN_LETTERS;
  return blankTags(masked, tags.filter((m) => (m[0].match(wordsScript) ?? []).length * 2 < m[0].length - 1));
}

/** The text with the tags' spans blanked (same length). */
function blankTags(text: string, tags: RegExpMatchArray[]): string {
  for (const m of tags) text = text.slice(0, m.index) + blank(m[0]) + text.slice(m.index! + m[0].length);
  return text;
}

const CYRILLIC_LETTERS = /\p{Script=Cyrillic}/gu;
const LATIN_LETTERS = /\p{Script=Latin}/gu;

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

