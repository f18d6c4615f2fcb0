// Letter evidence. Some letters belong to one alphabet only (ў is Belarusian; ї, є, ґ Ukrainian) and
// some are missing from an alphabet (Ukrainian has no ы, э, ъ, ё; Belarusian no и, щ, ъ; Russian no
// і). Each such letter counts against the languages that lack it. It is evidence, not a verdict:
// names, quotes and typos bring stray letters, so the combiner weighs it against the models.
import type { Lang } from '../types.ts';

/** Cyrillic alphabets (lower case). A Cyrillic letter outside a language's alphabet counts against it. */
const ALPHABETS: Record<string, string> = {
  ru: 'абвгдеёжзийклмнопрстуфхцчшщъыьэюя',
  uk: 'абвгґдеєжзиіїйклмнопрстуфхцчшщьюя',
  be: 'абвгдеёжзійклмнопрстуўфхцчшыьэюя',
  bg: 'абвгдежзийклмнопрстуфхцчшщъьюя',
  sr: 'абвгдђежзијклљмнњопрстћуфхцчџш',
  mk: 'абвгдѓежзѕијклљмнњопрстќуфхцчџш',
  kk: 'абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяә',
};

export interface LetterCounts {
  latin: number;
  cyrillic: number;
  /** Letters of other scripts (Greek, Arabic, CJK, ...). */
  other: number;
  /** For each candidate, how many letters of the text its alphabet lacks. */
  foreign: Record<Lang, number>;
  /** Apostrophes inside Cyrillic words (п'еса, з'явилася): Belarusian and Ukrainian, not Russian. */
  apostrophes: number;
}

const LETTER = /\p{L}/u;
const LATIN = /\p{Script=Latin}/u;

/** Counts by code point ranges (Cyrillic U+0400-U+052F, ASCII and Latin-1/Extended letters): this
 * runs on every unit, and a regex per character cost more than the models themselves. */
export function countLetters(text: string, languages: Lang[]): LetterCounts {
  const alphabets = languages.map((l) => ALPHABETS[l]);
  const foreignCounts = languages.map(() => 0);
  let latin = 0;
  let cyrillic = 0;
  let other = 0;
  let apostrophes = 0;
  const lower = text.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 97 && c <= 122) latin++;
      else if (c === 39 && isCyr(lower.charCodeAt(i - 1)) && isCyr(lower.charCodeAt(i + 1))) apostrophes++;
    } else if (isCyr(c)) {
      cyrillic++;
      const ch = lower[i];
      for (let k = 0; k < alphabets.length; k++) if (alphabets[k] !== undefined && !alphabets[k].includes(ch)) foreignCounts[k]++;
    } else if ((c === 0x2019 || c === 0x2bc) && isCyr(lower.charCodeAt(i - 1)) && isCyr(lower.charCodeAt(i + 1))) {
      apostrophes++;
    } else if (c >= 0xc0 && c <= 0x24f) latin++;
    else {
      const ch = String.fromCodePoint(lower.codePointAt(i)!);
      if (ch.length === 2) i++;
      if (LATIN.test(ch)) latin++;
      else if (LETTER.test(ch)) other++;
    }
  }
  const foreign: Record<Lang, number> = Object.fromEntries(languages.map((l, k) => [l, foreignCounts[k]]));
  return { latin, cyrillic, other, foreign, apostrophes };
}

function isCyr(c: number): boolean {
  return c >= 0x400 && c <= 0x52f;
}
