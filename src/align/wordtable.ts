// A word → value table looked up by a span of UTF-16 code units, so a word is not cut out of its
// sentence as a new string, hashed and compared again inside a Map at every occurrence (that was
// ~40% of building a unit). Codes are kept in typed arrays: string methods on sentences of many
// string representations (flat, sliced, one- or two-byte) made every access a megamorphic lookup.

/**
 * Open addressing over a power-of-two slot array; a slot holds an entry index + 1 (0 = empty). An
 * entry's hash, code span and value sit side by side in one array, so that a lookup reads a few
 * cache lines (slot, entry, codes) instead of one per field array and a value object.
 */
export class WordTable {
  private slots = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  /** Entry k is entries[4k .. 4k + 3]: hash, start and end of its code units in `pool`, value. */
  private entries = new Int32Array(4 << 11);
  private pool = new Uint16Array(1 << 14);
  private count = 0;
  private used = 0;

  get size(): number { return this.count; }

  /** The value of the word codes[start, end), or -1. */
  find(codes: Uint16Array, start: number, end: number): number {
    const h = hash(codes, start, end);
    const slots = this.slots, entries = this.entries, pool = this.pool, len = end - start;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const slot = slots[s];
      if (slot === 0) return -1;
      const e = 4 * (slot - 1);
      if (entries[e] !== h) continue;
      const from = entries[e + 1];
      if (entries[e + 2] - from !== len) continue;
      let i = 0;
      while (i < len && pool[from + i] === codes[start + i]) i++;
      if (i === len) return entries[e + 3];
    }
  }

  /** Adds the word codes[start, end), which the table does not have, with a value >= 0. */
  add(codes: Uint16Array, start: number, end: number, value: number): void {
    const k = this.count, e = 4 * k;
    if (e + 4 > this.entries.length) this.entries = grow(this.entries, e + 3);
    const from = this.used, to = from + end - start;
    if (to > this.pool.length) this.pool = grow(this.pool, to - 1);
    this.pool.set(codes.subarray(start, end), from);
    this.used = to;
    this.entries[e] = hash(codes, start, end);
    this.entries[e + 1] = from;
    this.entries[e + 2] = to;
    this.entries[e + 3] = value;
    this.count = k + 1;
    // Kept at most half full, so probes stay short.
    if (2 * this.count > this.slots.length) this.rehash(2 * this.slots.length);
    else this.place(k);
  }

  clear(): void {
    this.slots = new Int32Array(1 << 12);
    this.mask = (1 << 12) - 1;
    this.count = 0;
    this.used = 0;
  }

  private place(k: number): void {
    let s = this.entries[4 * k] & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = k + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < this.count; k++) this.place(k);
  }
}

/** Words → lists of ids, the lists one after another in one array (a lookup reads no list object). */
export class WordLists {
  private readonly words = new WordTable();
  /** The list at `at` is lists[at + 1 .. at + 1 + lists[at]). */
  lists = new Int32Array(1 << 14);
  private used = 0;

  get size(): number { return this.words.size; }

  /** Where the list of the word codes[start, end) is, or -1. */
  find(codes: Uint16Array, start: number, end: number): number { return this.words.find(codes, start, end); }

  /** Adds the word codes[start, end), which the table does not have, and returns where its list is. */
  add(codes: Uint16Array, start: number, end: number, list: Int32Array): number {
    const at = this.used;
    if (at + 1 + list.length > this.lists.length) this.lists = grow(this.lists, at + list.length);
    this.lists[at] = list.length;
    this.lists.set(list, at + 1);
    this.used = at + 1 + list.length;
    this.words.add(codes, start, end, at);
    return at;
  }

  clear(): void { this.words.clear(); this.used = 0; }
}

/** FNV-1a over code units. */
function hash(codes: Uint16Array, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ codes[i], 0x01000193);
  return h;
}

/** A copy of the array at least twice as long, and long enough to hold `index`. */
export function grow<A extends Int32Array | Uint16Array | Uint8Array>(array: A, index: number): A {
  const grown = new (array.constructor as new (n: number) => A)(Math.max(2 * array.length, index + 1));
  grown.set(array);
  return grown;
}

/** A buffer of a string's UTF-16 code units, reused from string to string (valid until its next use). */
class CodeBuffer {
  constructor(private codes: Uint16Array) {}
  of(text: string): Uint16Array {
    const n = text.length;
    if (n > this.codes.length) this.codes = new Uint16Array(Math.max(2 * this.codes.length, n));
    const codes = this.codes;
    for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
    return codes;
  }
}

// Two buffers, because a word's own codes are read while its sentence's are still in use.
const sentenceCodes = new CodeBuffer(new Uint16Array(1024)), ownWordCodes = new CodeBuffer(new Uint16Array(64));

/** A sentence's UTF-16 code units, in a buffer reused from sentence to sentence (valid until the next call). */
export function codesOf(text: string): Uint16Array {
  return sentenceCodes.of(text);
}

/** A word's code units, for words that are not a span of the sentence (numbers without their group separators). */
export function wordCodes(word: string): Uint16Array {
  return ownWordCodes.of(word);
}
