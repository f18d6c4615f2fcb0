// Which of ICU's sentence breaks go (abbreviations, initials, lowercase continuations, list numbers),
// and the breaks ICU misses before a sentence that opens with a number, @handle, + or -.
// All patterns are module constants: a regex literal in a function body is a new RegExp object per
// call, looked up in V8's compilation cache and run by the regexp interpreter again until it tiers up.

import { GOES_ON, isAbbreviation, MONTHS, NUMBERED, PLACE_OR_UNIT, SENTENCE_STARTERS, TITLES } from './segment-abbreviations.ts';
import { isSpace } from './space.ts';

/** A continuation in lowercase, or a dash followed by one (Russian direct speech). */
const CONTINUATION = /^\s*(?:[—–-]\s*)?[\p{Ll},;:)]/u;
/** A lettered list item ("a) is publicly available;", "а) является…", "ii) was…"), as "(a)" is. */
const LETTER_ITEM = /^[ \t]*(?:\p{Ll}|[ivx]{2,4})\)\s/u;
/** The word before a final period (sticky: tried only where wordBeforePeriod says it can start). */
const WORD_BEFORE_PERIOD = /(?:^|[\s(«"„“'])([\p{L}.-]+)\.$/uy;
/** Initials: a single capital letter, possibly within a dotted run (J. K., А.Г., U.S.). */
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;
/**
 * "т. д" of "и т. д." (and so on; Belarusian "і г. д."), which ends sentences, unlike "д." (house)
 * before a number.
 */
const ETC = /(?:^|[^\p{L}])[тг]\.\s?д$/u;
/** A day and an abbreviated month before a period: a dateline ("Минск, 14 авг. — Рабочие…"), not a sentence end. */
export const DAY_MONTH = /(?:^|\s)\d{1,2}\s+\p{L}{3,5}$/u;
/** A number right after the break. */
const DIGIT_NEXT = /^\s*\d/;
/** A dateline's source in brackets after its date ("МИНСК, 16 авг. (Tandem News) — …"). */
const BRACKET_NEXT = /^\s*\(/;
/** A number (or a Roman one, of a century) before "г.", "р.", "в.", "м.", "см.": a unit, not a place (2020 г., XX в.). */
const AFTER_NUMBER = /(?:\d|\b[IVXLC]+)\s*$/u;

/** True when the ICU break at `cut` must go: the text before it does not end a sentence. */
export function joins(text: string, cut: number): boolean {
  const before = text.slice(Math.max(0, cut - 40), cut).trimEnd();
  const next = text.slice(cut, cut + 6);
  if (CONTINUATION.test(next)) return !(text.charCodeAt(cut - 1) === 10 && LETTER_ITEM.test(next));
  if (!before.endsWith('.')) return false;
  const word = wordBeforePeriod(before);
  if (!word) return false;
  if (INITIALS.test(word)) return !(word.length > 1 && startsSentence(text, cut));
  const lower = word.toLowerCase();
  if (GOES_ON.has(lower) || (word.length <= 2 && GOES_ON.has(spacedPair(before, lower)))) return true;
  if (NUMBERED.has(lower) && DIGIT_NEXT.test(next)) return true;
  // A month before a day or year ("Feb. 2020."), or a dateline's before its source's bracket; else it may end one.
  if (MONTHS.has(lower)) return DIGIT_NEXT.test(next) || (BRACKET_NEXT.test(next) && DAY_MONTH.test(before.slice(0, -1)));
  if (PLACE_OR_UNIT.has(lower)) return !AFTER_NUMBER.test(before.slice(0, -word.length - 1));
  if (lower === 'д' && ETC.test(before.slice(0, -1))) return false; // "и т. д.", "і г. д." (etc.) end a sentence; "д. 5" (house) does not
  return TITLES.has(lower);
}

/**
 * "т.ч" for "т. ч." at the end of `before`, whose last word (`lower`, before the final period) is the
 * second half of a spaced pair of abbreviations (в т. ч., т. е., e. g.), or "" when it is not.
 */
function spacedPair(before: string, lower: string): string {
  const space = before.length - lower.length - 2;
  if (space < 2 || before.charCodeAt(space) !== 32 || before.charCodeAt(space - 1) !== 46) return '';
  const first = before[space - 2].toLowerCase();
  if (first === first.toUpperCase() || (space > 2 && isLetter(before[space - 3]))) return '';
  return `${first}.${lower}`;
}

/** A cased letter (Latin, Cyrillic), which is all that abbreviations are spelled with. */
const isLetter = (c: string) => c.toLowerCase() !== c.toUpperCase();

/** Whether the word after the cut opens sentences (SENTENCE_STARTERS), capitalised and not itself an initial. */
function startsSentence(text: string, cut: number): boolean {
  const m = NEXT_WORD.exec(text.slice(cut, cut + 24));
  return !!m && m[1][0] !== m[1][0].toLowerCase() && SENTENCE_STARTERS.has(m[1].toLowerCase());
}

/** The word right after a break, unless a period follows it (an initial: "A. Smith"). */
const NEXT_WORD = /^\s*[«"„“(]?(\p{L}+)(?![\p{L}.-])/u;

/**
 * WORD_BEFORE_PERIOD's word in `before` (which ends in a period). Its word holds no white space, quote
 * or bracket, so a match can only start at the last of those before the period (or at the start when
 * there is none): the pattern is tried there alone, where searching tried its Unicode classes from
 * every position of the 40 characters.
 */
function wordBeforePeriod(before: string): string | undefined {
  let at = before.length - 2;
  while (at >= 0 && !opensWord(before.charCodeAt(at))) at--;
  WORD_BEFORE_PERIOD.lastIndex = Math.max(at, 0);
  return WORD_BEFORE_PERIOD.exec(before)?.[1];
}

/** White space or ( « " „ “ ': what WORD_BEFORE_PERIOD's word may follow. */
function opensWord(c: number): boolean {
  return isSpace(c) || c === 40 || c === 0xab || c === 34 || c === 0x201e || c === 0x201c || c === 39;
}

/** A list or clause number ("1. Fair elections", "7.1. Each Party"), which ICU takes for a sentence of its own. */
const LIST_NUMBER = /^\s*\d{1,3}(?:\.\d{1,3}){0,3}\.\s*$/;
/** A section number in Roman numerals ("IV. Obligations"), only at a line's start ("in 1990 to IV. Then" is no section). */
const ROMAN_NUMBER = /^[ \t]*[IVXLC]{1,7}\.\s*$/;

/** Whether text[from, to) is a list or section number alone ("1. ", "7.1. "), which belongs with the item after it. */
export function listNumber(text: string, from: number, to: number): boolean {
  if (to - from > 20) return false;
  const s = text.slice(from, to);
  return LIST_NUMBER.test(s) || ((from === 0 || text.charCodeAt(from - 1) === 10) && ROMAN_NUMBER.test(s));
}

/** Cheap test for NUMBER_START (no Unicode classes): most paragraphs have no ". 5", ". @", ". +3", ". -3". */
export const MAYBE_NUMBER_START = /\.["'»”’)\]]* +(?:[\d@]|[+-]\d)/;
/**
 * A period after a letter, then a sentence that opens with a number, a handle, + or - ("He left Minsk.
 * 5 people came.", "Он уехал. @nexta написал…", ". +380 is…", ". -5 degrees"): ICU never breaks there
 * (UAX #29's SB8 waits for a lowercase letter after the period, and finds "people").
 */
const NUMBER_START = /(?<=\p{L})\.["'»”’)\]]* +(?=\d|@\w|[+-]\d)/gu;
/** A word that may end a sentence: letters only (no dotted acronym, no link), with a vowel. */
const PLAIN_WORD = /^\p{L}{2,}$/u;
const VOWEL = /[aeiouyаеёиоуыэюяіїє]/i;
const ROMAN = /^[IVXLCDM]+$/;
const NUMBER_BEFORE = /\d\s*$/;

/**
 * The breaks ICU misses before a number, handle, + or -: only after an ordinary word, never after an
 * abbreviation, a unit or a number ("p. 5", "No. 5", "ст. 5", "Fig. 2", "т. 2", "ок. 48", "5 тыс. 300", "1. 5"),
 * so a number that continues the sentence stays in it.
 */
export function numberStarts(text: string, cuts: number[]): void {
  for (const m of text.matchAll(NUMBER_START)) {
    const before = text.slice(Math.max(0, m.index! - 40), m.index! + 1);
    const word = wordBeforePeriod(before);
    if (!word || !PLAIN_WORD.test(word) || !VOWEL.test(word) || ROMAN.test(word) || isAbbreviation(word.toLowerCase())) continue;
    // A short word after a number is a unit or a multiplier ("5 тыс. 300", "20 min. 5"), not a word.
    if (word.length <= 4 && NUMBER_BEFORE.test(before.slice(0, -word.length - 1))) continue;
    cuts.push(m.index! + m[0].length);
  }
}
