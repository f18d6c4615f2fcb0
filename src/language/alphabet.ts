// Letter evidence. Some letters belong to one alphabet only (ў is Belarusian; ї, є, ґ Ukrainian) and
// some are missing from an alphabet (Ukrainian has no ы, э, ъ, ё; Belarusian no и, щ, ъ; Russian no
// і). Each such letter counts against the languages that lack it. It is evidence, not a verdict:
// names, quotes and typos bring stray letters, so the combiner weighs it against the models.
import type { Lang } from '../types.ts';
import { HASH_SEED, internWord, lastValue, mix, setLastValue } from './intern.ts';
import { MARKS } from './marks.ts';
import { perCandidateList } from './perlist.ts';

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
  /** Letters that Russian, Ukrainian or Belarusian write and Bulgarian does not: ё ы э і ї є ґ ў. */
  eastSlavic: number;
}

/**
 * What countLetters counts, with each candidate's foreign letters by its place in the candidate
 * list: an array, where a record keyed by language was built with a megamorphic keyed store per
 * candidate and unit, and read and summed likewise by the scoring (scan.ts, score.ts).
 */
export interface LetterTally extends Omit<LetterCounts, 'foreign'> {
  /** Per candidate, in the list's order, how many letters of the text its alphabet lacks. */
  missing: number[];
}

const EAST_SLAVIC = 'ёыэіїєґў';

const LETTER = /^\p{L}$/u;
const LATIN = /\p{Script=Latin}/u;
const CYR_FIRST = 0x400;
const CYR_LAST = 0x52f;

/** Lower case for Cyrillic code points (А-Я, Ѐ-Џ, and the paired letters of U+0460 and up). */
function lowerCyr(c: number): number {
  if (c >= 0x410 && c <= 0x42f) return c + 0x20;
  if (c >= 0x400 && c <= 0x40f) return c + 0x50;
  if (c >= 0x460 && (c & 1) === 0) return c + 1;
  return c;
}

// The tables below are read by a Cyrillic code point as written: what its lower case says, worked
// out once per code point here rather than once per letter of running text.

/** For a candidate list: per Cyrillic code point, a bit per candidate whose alphabet lacks its lower case. */
const foreignMask = perCandidateList((languages): Uint32Array => {
  const bits = new Uint32Array(CYR_LAST - CYR_FIRST + 1);
  languages.forEach((l, k) => {
    const alphabet = ALPHABETS[l];
    if (alphabet === undefined || k >= 32) return;
    for (let c = CYR_FIRST; c <= CYR_LAST; c++) {
      const ch = String.fromCharCode(lowerCyr(c));
      if (ch.toLowerCase() === ch && !alphabet.includes(ch)) bits[c - CYR_FIRST] |= 1 << k;
    }
  });
  return bits;
});

/**
 * How many Cyrillic letters of the words no candidate's alphabet has (Serbian ј, Kazakh ә against
 * ru/uk/be). A mix of candidates (a Belarusian sentence quoting Russian: і and ў, и and щ) lacks
 * letters in every single alphabet but none in all of them together.
 */
export function lettersNoCandidateHas(words: readonly string[], languages: Lang[]): number {
  // foreignMask's bits of a letter are the candidates lacking it: all of those that have an alphabet.
  let all = 0;
  languages.forEach((l, k) => { if (ALPHABETS[l] !== undefined && k < 32) all |= 1 << k; });
  if (!all) return 0;
  const mask = foreignMask(languages);
  let n = 0;
  for (const w of words) {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c >= CYR_FIRST && c <= CYR_LAST && mask[c - CYR_FIRST] === all && LETTER.test(w[i])) n++;
    }
  }
  return n;
}

/**
 * The Cyrillic language outside the candidates whose alphabet has every letter of the words, when each
 * candidate's lacks at least `minMissing` of them: Belarusian (ў, і, ы, э) against ru and uk alone came out Ukrainian.
 * Undefined when no such alphabet, or more than one, fits.
 */
export function alphabetOutside(words: readonly string[], languages: Lang[], minMissing = 2): Lang | undefined {
  const others = Object.keys(ALPHABETS).filter((l) => !languages.includes(l));
  const all = [...languages, ...others];
  const mask = foreignMask(all);
  const missing = new Array<number>(all.length).fill(0);
  for (const w of words) {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c < CYR_FIRST || c > CYR_LAST) continue;
      const bits = mask[c - CYR_FIRST];
      for (let k = 0; k < all.length && k < 32; k++) if (bits & (1 << k)) missing[k]++;
    }
  }
  // A candidate of another script (en) lacks every Cyrillic letter: only the Cyrillic ones are asked.
  for (let k = 0; k < languages.length; k++) if (ALPHABETS[languages[k]] !== undefined && missing[k] < minMissing) return undefined;
  const fits = others.filter((_, j) => missing[languages.length + j] === 0);
  return fits.length === 1 ? fits[0] : undefined;
}

/** Per Cyrillic code point: whether its lower case is one of EAST_SLAVIC. */
const EAST_SLAVIC_AT = Uint8Array.from({ length: CYR_LAST - CYR_FIRST + 1 },
  (_, i) => (EAST_SLAVIC.includes(String.fromCharCode(lowerCyr(CYR_FIRST + i))) ? 1 : 0));

/**
 * Counts by code point ranges in one pass with no allocation: this runs on every unit, and a regex
 * or a lower-cased copy per unit cost more than the models themselves. `words`, when given,
 * receives the text's words (noise.ts WORD: letter runs with inner apostrophes and hyphens), each
 * the one interned string for its characters (intern.ts), found in the same pass. `vectors`, when
 * given with `words`, receives each word's `vectorOf` (its word-model scores), kept with the
 * interned word so that the probe that finds the word finds them too.
 */
export function countLetters(text: string, languages: Lang[], words?: string[], vectors?: Float64Array[],
  vectorOf?: (word: string) => Float64Array): LetterCounts {
  const { latin, cyrillic, other, missing, apostrophes, eastSlavic } = tallyLetters(text, languages, words, vectors, vectorOf);
  const foreign: Record<Lang, number> = {};
  for (let k = 0; k < missing.length; k++) foreign[languages[k]] = missing[k];
  return { latin, cyrillic, other, foreign, apostrophes, eastSlavic };
}

/** What countLetters counts, with the foreign letters per candidate by its place in the list (LetterTally). */
export function tallyLetters(text: string, languages: Lang[], words?: string[], vectors?: Float64Array[],
  vectorOf?: (word: string) => Float64Array): LetterTally {
  return tally(text, 0, text.length, languages, words, vectors, vectorOf, false)!;
}

/**
 * tallyLetters of text[from, to), not masked yet (noise.ts maskNoise), or undefined, with `words` and
 * `vectors` as they were, when it may hold noise: at the first code unit that may begin some (a digit,
 * '@', '#', ':', a '.' with no space after it; marks.ts). The stretches it reads to the end are those
 * that maskNoise returns as they are, so most texts are read once, where a pass to find their marks
 * and one to count their letters read every text twice. The stretch is read as a text of its own
 * (nothing outside it counts): a sentence is read where it lies in its document's one flat string
 * (scan.ts), since reading a sliced string costs V8 a step more per character.
 */
export function tallyUnmasked(text: string, from: number, to: number, languages: Lang[], words?: string[],
  vectors?: Float64Array[], vectorOf?: (word: string) => Float64Array): LetterTally | undefined {
  return tally(text, from, to, languages, words, vectors, vectorOf, true);
}

function tally(text: string, from: number, to: number, languages: Lang[], words: string[] | undefined,
  vectors: Float64Array[] | undefined, vectorOf: ((word: string) => Float64Array) | undefined, unmasked: boolean): LetterTally | undefined {
  const wordsBefore = words ? words.length : 0;
  const vectorsBefore = vectors ? vectors.length : 0;
  const mask = foreignMask(languages);
  const candidates = languages.length;
  if (foreignScratch.length < candidates) foreignScratch = new Int32Array(candidates);
  const foreignCounts = foreignScratch.fill(0, 0, candidates);
  let latin = 0;
  let cyrillic = 0;
  let other = 0;
  let apostrophes = 0;
  let eastSlavic = 0;
  let start = -1;
  let hash = 0;
  const n = to;
  for (let i = from; i < n; i++) {
    const at = i;
    // String.prototype.charCodeAt.call, not text.charCodeAt: texts come as strings of several kinds
    // (one- or two-byte, sliced, internalised), and once countLetters had seen five of them, the
    // method's load at every character was a megamorphic property lookup (10% of the pass). Taken
    // from String.prototype, the method is a constant that V8 inlines for any string.
    const c = String.prototype.charCodeAt.call(text, i);
    if (isAsciiLetter(c)) {
      // A run of ASCII letters, most of Latin text, in one inner loop.
      if (start < 0) { start = at; hash = HASH_SEED; }
      hash = mix(hash, c);
      for (let d = codeAt(text, i + 1, from, n); isAsciiLetter(d); d = codeAt(text, ++i + 1, from, n)) hash = mix(hash, d);
      latin += i - at + 1;
      continue;
    }
    if (isCyrLetter(c)) {
      // A run of Cyrillic letters, likewise.
      if (start < 0) { start = at; hash = HASH_SEED; }
      for (let d = c; ; d = String.prototype.charCodeAt.call(text, ++i)) {
        eastSlavic += EAST_SLAVIC_AT[d - CYR_FIRST];
        addForeign(foreignCounts, candidates, mask[d - CYR_FIRST]);
        hash = mix(hash, d);
        if (!isCyrLetter(codeAt(text, i + 1, from, n))) break;
      }
      cyrillic += i - at + 1;
      continue;
    }
    // Letters never mark noise (marks.ts): only the code units between runs of them are looked up.
    if (unmasked && MARKS[c] !== 0 && (c !== 46 || (i + 1 < n && String.prototype.charCodeAt.call(text, i + 1) !== 32))) {
      if (words) words.length = wordsBefore;
      if (vectors) vectors.length = vectorsBefore;
      return undefined;
    }
    let letter = false;
    if (c < 0x80) {
      if (c === 39 && isCyr(codeAt(text, i - 1, from, n)) && isCyr(codeAt(text, i + 1, from, n))) apostrophes++;
    } else if (c >= CYR_FIRST && c <= CYR_LAST) {
      cyrillic++;
      eastSlavic += EAST_SLAVIC_AT[c - CYR_FIRST];
      addForeign(foreignCounts, candidates, mask[c - CYR_FIRST]);
      // U+0482-0489, a sign and combining marks: Cyrillic, but no letters (those are taken above).
    } else if ((c === 0x2019 || c === 0x2bc) && isCyr(codeAt(text, i - 1, from, n)) && isCyr(codeAt(text, i + 1, from, n))) {
      apostrophes++;
      letter = c === 0x2bc; // ʼ is a letter (Lm), ’ punctuation
    } else if (c >= 0xc0 && c <= 0x24f) {
      latin++;
      letter = c !== 0xd7 && c !== 0xf7; // × and ÷ count as Latin, as they always have, but are no letters
    } else if (isPair(text, i, n)) {
      letter = LETTER.test(text.slice(i, i + 2));
      if (letter) other++;
      i++;
    } else {
      const ch = text[i];
      letter = LETTER.test(ch);
      if (LATIN.test(ch)) latin++;
      else if (letter) other++;
    }
    if (!words) continue;
    if (letter) {
      if (start < 0) { start = at; hash = HASH_SEED; }
      hash = mix(hash, c);
      if (i > at) hash = mix(hash, String.prototype.charCodeAt.call(text, i));
    } else if (start >= 0) {
      // A joiner counts only between letters: "don't", "п'еса", "Jean-Paul", but not "word-".
      if (isJoiner(c) && letterWidth(text, i + 1, n)) hash = mix(hash, c);
      else { addWord(text, start, at, hash, words, vectors, vectorOf); start = -1; }
    }
  }
  if (words && start >= 0) addWord(text, start, n, hash, words, vectors, vectorOf);
  const missing: number[] = [];
  for (let k = 0; k < candidates; k++) missing.push(foreignCounts[k]);
  return { latin, cyrillic, other, missing, apostrophes, eastSlavic };
}

/** Adds text[start, end) to `words` as its interned string, and its vector to `vectors` (see countLetters). */
function addWord(text: string, start: number, end: number, hash: number, words: string[], vectors?: Float64Array[],
  vectorOf?: (word: string) => Float64Array): void {
  const word = internWord(text, start, end, hash);
  words.push(word);
  if (!vectors || !vectorOf) return;
  let vector = lastValue();
  if (vector === undefined) {
    vector = vectorOf(word);
    setLastValue(vector);
  }
  vectors.push(vector);
}

/** Code units taken by the letter (\p{L}) at `i` (of a text ending at `to`): 1, or 2 for a surrogate pair; 0 for no letter. */
function letterWidth(text: string, i: number, to: number): number {
  if (i >= to) return 0;
  const c = text.charCodeAt(i);
  if (c < 0x80) return ((c | 0x20) >= 97 && (c | 0x20) <= 122) ? 1 : 0;
  // Latin-1 and Latin Extended-A/B letters, Cyrillic letters: all \p{L} but × ÷ and U+0482-0489.
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : 1;
  if (c >= 0x400 && c <= 0x52f) return c >= 0x482 && c <= 0x489 ? 0 : 1;
  if (isPair(text, i, to)) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  return LETTER.test(text[i]) ? 1 : 0;
}

/**
 * The code unit at `i`, or -1 outside the stretch [from, n) being read: a read past either end (NaN from
 * charCodeAt) makes V8 throw away its optimised code for the function, three times per process for
 * countLetters. The bounds are passed, and the method taken from String.prototype, for the reason
 * given in countLetters.
 */
function codeAt(text: string, i: number, from: number, n: number): number {
  return i >= from && i < n ? String.prototype.charCodeAt.call(text, i) : -1;
}

function isPair(text: string, i: number, n: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return false;
  const d = codeAt(text, i + 1, 0, n);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** Per candidate, the letters of the text its alphabet lacks: one array that every call reuses. */
let foreignScratch = new Int32Array(8);

/**
 * Counts a letter against each of the first `candidates` whose bit is set (foreignMask). Past the
 * 32nd candidate the shift wraps around (1 << 32 is 1), as it always has: the outputs stay as they were.
 */
function addForeign(counts: Int32Array, candidates: number, bits: number): void {
  if (bits) for (let k = 0; k < candidates; k++) if (bits & (1 << k)) counts[k]++;
}

/** A-Z, a-z (false for NaN, past the end of a text). */
function isAsciiLetter(c: number): boolean {
  return ((c | 0x20) - 97) >>> 0 < 26;
}

function isJoiner(c: number): boolean {
  return c === 39 || c === 45 || c === 0x2019 || c === 0x2bc;
}

function isCyrLetter(c: number): boolean {
  return c >= CYR_FIRST && c <= CYR_LAST && (c < 0x482 || c > 0x489);
}

function isCyr(c: number): boolean {
  return c >= CYR_FIRST && c <= CYR_LAST;
}
