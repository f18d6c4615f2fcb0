// A fixed list of keys (the word model's n-grams and words) as an open-addressing hash table: a
// stretch of a text is looked up without slicing it into a string of its own first. Scoring a
// word the model has not seen before looks up some 30 n-grams; a Map needed a fresh string for
// each, and this was most of the cost of every new word in a batch.
import { hashOf } from './intern.ts';

export interface KeyTable {
  keys: string[];
  /** Per slot: the key's index + 1, or 0 for an empty slot. */
  slots: Int32Array;
  /** Per slot: the key's hash (intern.ts's FNV-1a). */
  hashes: Int32Array;
}

/** The table of `keys` (distinct strings); a key's index in the list is what lookups return. */
export function keyTable(keys: string[]): KeyTable {
  let size = 16;
  while (size < keys.length * 2) size *= 2;
  const table: KeyTable = { keys, slots: new Int32Array(size), hashes: new Int32Array(size) };
  for (let i = 0; i < keys.length; i++) {
    const h = hashOf(keys[i], 0, keys[i].length);
    let k = h & (size - 1);
    while (table.slots[k] !== 0) k = (k + 1) & (size - 1);
    table.slots[k] = i + 1;
    table.hashes[k] = h;
  }
  return table;
}

/** Index of the key equal to text[start, end), or -1. */
export function findKey(table: KeyTable, text: string, start: number, end: number): number {
  return findHashedKey(table, text, start, end, hashOf(text, start, end));
}

/** findKey for a stretch whose hash (hashOf) the caller has worked out already. */
export function findHashedKey(table: KeyTable, text: string, start: number, end: number, h: number): number {
  const { slots, hashes, keys } = table;
  const mask = slots.length - 1;
  for (let k = h & mask; slots[k] !== 0; k = (k + 1) & mask) {
    if (hashes[k] !== h) continue;
    const key = keys[slots[k] - 1];
    if (key.length === end - start && text.startsWith(key, start)) return slots[k] - 1;
  }
  return -1;
}
