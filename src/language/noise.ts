// Masks text that belongs to no language (links, handles, e-mail, numbers, dates) with spaces, so
// that scoring sees only words while offsets into the original text stay valid.

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';

const NOISE: RegExp[] = [
  /\b(?:https?:\/\/|www\.)\S+/giu, // URLs
  /\bpic\.twitter\.com\/\S+/giu,
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}(?!\p{L})/gu, // e-mail before handles: both hold '@'
  /(?<![\p{L}\p{N}])@[\p{L}\p{N}_]+/gu, // @handles
  /\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|org|net|by|ru|ua|uk|io|info|gov|edu)\b(?:\/\S*)?/giu, // bare domains
  // Tweet-style dates in English ("August 14, 2020"): month names would otherwise vote for English.
  new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`, 'giu'),
  /\p{N}+(?:[.,:/\-–]\p{N}+)*(?:(?:st|nd|rd|th)(?![\p{L}]))?/giu, // numbers, dates, times, "20th", "5-го"
  /#(?=\p{L})/gu, // the '#' of hashtags: the tag itself is a word
];

/** The text with every noise run replaced by spaces of the same length. */
export function maskNoise(text: string): string {
  let out = text;
  for (const re of NOISE) out = out.replace(re, (m) => ' '.repeat(m.length));
  return out;
}

/** Words (letter runs, with inner apostrophes and hyphens) of an already masked text. */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}
export const WORD = /\p{L}+(?:['’ʼ-]\p{L}+)*/gu;
