// Tokenisation and normalisation for translation-memory matching. Fuzzy scores are computed on
// word tokens (as OmegaT does), so "one word changed in a ten-word sentence" reads as 90%.
// Normalisation folds what a translator would not count as a difference: case, Unicode form,
// quote/dash variants, ё/е; numbers become one placeholder token so they can be substituted.

import { groupsWithSpaces, SPACED } from './numbers.ts';

export interface Token {
  /** Normalised form used for matching ('#' for every number). */
  norm: string;
  /** The text as written. */
  raw: string;
  start: number;
  end: number;
  isNumber: boolean;
}

// Words keep inner apostrophes and hyphens (don't, Гродно-Азот); numbers keep decimal/thousand marks
// and a minus sign (-5 and 5 are different numbers) where it cannot be a hyphen or dash (5-6, COVID-19).
const TOKEN = /(?:(?<![\p{L}\p{M}\p{N}.,])[-\u2212](?=\p{N}))?\p{N}+(?:[.,:\u00a0\u202f]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*/gu;
// In languages that group thousands with plain spaces, "1 200" is one number (numbers.ts SPACED), as
// numbersIn reads it: two tokens would make "1 200" and "1 500" differ by a word, not a placeable.
const TOKEN_SPACED = new RegExp(`${SPACED}|${TOKEN.source}`, 'gu');
const NUMBER = /^[-\u2212]?\p{N}+(?:[.,:\u00a0\u202f ]\p{N}+)*$/u;
export const NUMBER_TOKEN = '#';

export function normalizeWord(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ё/g, 'е').replace(/’/g, "'");
}

/** The tokens of a text in `lang` (without one, numbers grouped by plain spaces are several tokens). */
export function tokenize(text: string, lang?: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(lang && groupsWithSpaces(lang) ? TOKEN_SPACED : TOKEN)) {
    const raw = m[0];
    const isNumber = NUMBER.test(raw);
    tokens.push({ norm: isNumber ? NUMBER_TOKEN : normalizeWord(raw), raw, start: m.index!, end: m.index! + raw.length, isNumber });
  }
  return tokens;
}

/** Text compared for a 100% match: same characters up to Unicode form and runs of whitespace. */
export function exactKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}
