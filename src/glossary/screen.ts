// The matcher's word splitter and pre-screen. Most sentences name no glossary term, and telling so costs
// one pass over their characters, without slicing a word, keying it or looking for URLs: a mention
// starts with a word whose key is a pattern's first-word key, and a text without one is done. Words are
// folded character by character as they are read, which for the characters folded here gives exactly
// `fold(word)` (the key, for the paradigm strategy), hashed, and looked up among the first-word keys
// by hash and characters; a word with any other character is looked up by its real key (wordKey).
import type { RussianStrategy } from './russian.ts';
import { isWordChar } from './text.ts';
import { fold } from './translit.ts';
import { wordKey } from './variants.ts';

// Each code unit's class below U+2070, by the tokenizer's own test: 0 not a word character, ASK to be
// asked (the scripts between Armenian and General Punctuation, rare here), OTHER a word character whose
// fold is not one character, else its fold (É → e, Й → и). Latin, Greek and Cyrillic are folded.
const TABLE_END = 0x2070, FOLD_END = 0x530, ASK_END = 0x2000, OTHER = 1, ASK = 2;
const FOLDED = (() => {
  const table = new Uint16Array(TABLE_END).fill(ASK, FOLD_END, ASK_END);
  const codes: number[] = [];
  for (let c = 0; c < TABLE_END; c++) {
    if ((c < FOLD_END || c >= ASK_END) && isWordChar(String.fromCharCode(c), 0)) codes.push(c);
  }
  // One fold of them all, space-separated (fold works character by character, but for Σ below).
  const folds = fold(String.fromCharCode(...codes.flatMap((c) => [c, 0x20]))).split(' ');
  codes.forEach((c, k) => {
    const f = c < FOLD_END ? folds[k] : '';
    table[c] = f.length === 1 && f.charCodeAt(0) > ASK ? f.charCodeAt(0) : OTHER;
  });
  // Σ lowercases by context (ς at a word's end, σ elsewhere): such a word is checked by its real key.
  table[0x3a3] = OTHER;
  return table;
})();

// FNV-1a over UTF-16 code units: the same hash for a key and for a word folded on the fly.
const OFFSET = 0x811c9dc5 | 0;
const step = (h: number, c: number) => Math.imul(h ^ c, 16777619);

function hashOf(key: string): number {
  let h = OFFSET;
  for (let i = 0; i < key.length; i++) h = step(h, key.charCodeAt(i));
  return h;
}

/** A text's words from the first that may start a mention on: offsets and, for such words, their keys. */
export interface ScreenedWords {
  starts: number[];
  ends: number[];
  /** The word's key when it is a first-word key, else undefined (no mention starts there). */
  firstKeys: Array<string | undefined>;
}

/** The words of a text from the first whose key is a first-word key on; undefined when none is (no mention). */
export type WordScreen = (text: string) => ScreenedWords | undefined;

export function createWordScreen(firstKeys: ReadonlyMap<string, unknown>, strategy: RussianStrategy): WordScreen {
  // A stemmer or lemmatiser keys Cyrillic words by its own output, which only wordKey knows.
  const table = strategy === 'paradigm' ? FOLDED : FOLDED.map((f) => (f >= 0x400 ? OTHER : f));
  const keyOf = keyTable([...firstKeys.keys()]);
  // The first two characters of the first-word keys, hashed into a 64K table (other pairs may share a
  // cell): a word whose first two characters fold to a pair no key starts with is no key, and is read
  // to its end without hashing or looking it up (three words in four of English and Russian prose).
  const pairs = new Uint8Array(1 << 16);
  for (const key of firstKeys.keys()) if (key.length > 1) pairs[pairCell(key.charCodeAt(0), key.charCodeAt(1))] = 1;
  const keyIfFirst = (text: string, start: number, end: number, plain: boolean, h: number) => {
    if (plain) return keyOf(text, start, end, h);
    const key = wordKey(text.slice(start, end), strategy);
    return firstKeys.has(key) ? key : undefined;
  };

  return (text) => {
    const len = text.length;
    let out: ScreenedWords | undefined;
    for (let i = 0; ; ) {
      // Up to the next word character.
      let f = 0, n = 1;
      for (; i < len; i++) {
        const c = text.charCodeAt(i);
        if (c < TABLE_END && (f = table[c]) !== ASK) {
          if (f !== 0) { n = 1; break; }
        } else if ((n = isWordChar(text, i))) { f = OTHER; break; }
      }
      if (i >= len) return out;
      // The word, folded and hashed as it goes.
      const start = i;
      let h = OFFSET, plain = true, skip = false;
      // The first character's fold while the second is awaited, else -1 (also when it is not plain).
      let first = f === OTHER ? -1 : f;
      for (;;) {
        if (f === OTHER) plain = false;
        h = step(h, f);
        if ((i += n) >= len) break;
        const c = text.charCodeAt(i);
        n = 1;
        if (c < TABLE_END && (f = table[c]) !== ASK) {
          if (f === 0) break;
        } else if ((n = isWordChar(text, i))) f = OTHER;
        else break;
        if (first >= 0) {
          if (f !== OTHER && pairs[pairCell(first, f)] === 0) { i = wordEnd(text, i + n, table); skip = true; break; }
          first = -1;
        }
      }
      const key = skip ? undefined : keyIfFirst(text, start, i, plain, h);
      if (key === undefined && !out) continue;
      out ??= { starts: [], ends: [], firstKeys: [] };
      out.starts.push(start); out.ends.push(i); out.firstKeys.push(key);
    }
  };
}

const pairCell = (a: number, b: number) => ((a << 5) ^ b) & 0xffff;

/** Where the word that goes on at `i` ends: the screen's own test of a word character, without folding. */
function wordEnd(text: string, i: number, table: Uint16Array): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    let n = 1;
    if (c < TABLE_END && table[c] !== ASK) {
      if (table[c] === 0) break;
    } else if (!(n = isWordChar(text, i))) break;
    i += n;
  }
  return i;
}

/**
 * Finds a word folded on the fly among the keys without slicing it: an open-addressing table of the
 * keys' hashes (a quarter full, so most words stop at an empty slot), then the characters compared.
 */
function keyTable(keys: string[]): (text: string, start: number, end: number, h: number) => string | undefined {
  let size = 1 << 8;
  while (size < keys.length * 4) size *= 2;
  const slots = new Int32Array(size), hashes = new Int32Array(keys.length), mask = size - 1;
  keys.forEach((key, k) => {
    let slot = (hashes[k] = hashOf(key)) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = k + 1;
  });
  return (text, start, end, h) => {
    for (let slot = h & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const k = slots[slot] - 1, key = keys[k];
      if (hashes[k] !== h || key.length !== end - start) continue;
      let j = 0;
      while (j < key.length && FOLDED[text.charCodeAt(start + j)] === key.charCodeAt(j)) j++;
      if (j === key.length) return key;
    }
    return undefined;
  };
}
