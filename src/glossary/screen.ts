// A pre-screen for matching: most sentences name no glossary term, and telling so costs one pass over
// their characters, without slicing a word, keying it or looking for URLs. A mention must start with a
// word whose key is a pattern's first-word key; the screen answers whether any word of a text might be
// one. It never says no wrongly: a word is folded here character by character, which for the characters
// it folds gives exactly `fold(word)`, and is hashed into a bit table of the first-word keys; a word
// with any other character, and every word that hits the table, is checked by its real key.
import type { RussianStrategy } from './russian.ts';
import { isWordChar } from './text.ts';
import { fold } from './translit.ts';
import { wordKey } from './variants.ts';

// Below U+0530 (Latin, Greek, Cyrillic) each code unit's class, by the tokenizer's own test: 0 not a
// word character, 1 a word character whose fold is not one character, else its fold (É → e, Й → и).
const TABLE_END = 0x530, OTHER = 1;
const FOLDED = (() => {
  const table = new Uint16Array(TABLE_END);
  for (let c = 0; c < TABLE_END; c++) {
    const ch = String.fromCharCode(c);
    if (!isWordChar(ch, 0)) continue;
    const f = fold(ch);
    table[c] = f.length === 1 && f.charCodeAt(0) > OTHER ? f.charCodeAt(0) : OTHER;
  }
  // Σ lowercases by context (ς at a word's end, σ elsewhere): such a word is checked by its real key.
  table[0x3a3] = OTHER;
  return table;
})();

// FNV-1a over UTF-16 code units: the same hash for a key and for a word folded on the fly.
const OFFSET = 0x811c9dc5;
const step = (h: number, c: number) => Math.imul(h ^ c, 16777619);

function hashOf(key: string): number {
  let h = OFFSET;
  for (let i = 0; i < key.length; i++) h = step(h, key.charCodeAt(i));
  return h;
}

/** A text's words from some offset on: their offsets and, for the words that may start a mention, their keys. */
export interface ScreenedWords {
  starts: number[];
  ends: number[];
  /** The word's key when it is a first-word key, else undefined (no mention starts there). */
  firstKeys: Array<string | undefined>;
}

export interface WordScreen {
  /** The offset of the first word whose key is a first-word key; -1 when there is none (no mention). */
  firstAt(text: string): number;
  /** The words of `text` from `from` (a word's start) on, as the tokenizer splits them. */
  words(text: string, from: number): ScreenedWords;
}

export function createWordScreen(firstKeys: ReadonlyMap<string, unknown>, strategy: RussianStrategy): WordScreen {
  // About 32 bits a key: one word in a few dozen that is no first word still gets its real key checked.
  let size = 1 << 12;
  while (size < firstKeys.size * 32 && size < 1 << 24) size *= 2;
  const bits = new Uint32Array(size >>> 5), mask = size - 1;
  for (const key of firstKeys.keys()) { const h = hashOf(key) & mask; bits[h >>> 5] |= 1 << (h & 31); }
  const hit = (h: number) => (bits[(h & mask) >>> 5] & (1 << (h & 31))) !== 0;
  // A stemmer or lemmatiser keys Cyrillic words by its own output, which only wordKey knows.
  const cyrillicByFold = strategy === 'paradigm';
  const keyIfFirst = (text: string, start: number, end: number) => {
    const key = wordKey(text.slice(start, end), strategy);
    return firstKeys.has(key) ? key : undefined;
  };

  /** One pass over the words from `from`: with `out`, collects them all; without, stops at the first first word. */
  const scan = (text: string, from: number, out?: ScreenedWords): number => {
    let start = -1, h = OFFSET, plain = true;
    for (let i = from; i <= text.length; ) {
      const c = i < text.length ? text.charCodeAt(i) : 0x20;
      let f = 0, n = 1;
      if (c < TABLE_END) f = FOLDED[c];
      else if ((n = isWordChar(text, i))) f = OTHER;
      if (f !== 0) {
        if (start < 0) { start = i; h = OFFSET; plain = true; }
        if (f === OTHER || (!cyrillicByFold && f >= 0x400)) plain = false;
        else if (plain) h = step(h, f);
      } else if (start >= 0) {
        const key = !plain || hit(h) ? keyIfFirst(text, start, i) : undefined;
        if (out) { out.starts.push(start); out.ends.push(i); out.firstKeys.push(key); } else if (key !== undefined) return start;
        start = -1;
      }
      i += n || 1;
    }
    return -1;
  };

  return {
    firstAt: (text) => scan(text, 0),
    words: (text, from) => {
      const out: ScreenedWords = { starts: [], ends: [], firstKeys: [] };
      scan(text, from, out);
      return out;
    },
  };
}
