// A word → list of ids table looked up by a span of UTF-16 code units, so a word is not cut out of
// its sentence as a new string, hashed and compared again inside a Map at every occurrence (that
// was ~40% of building a unit). Codes are kept in typed arrays: string methods on sentences of many
// string representations (flat, sliced, one- or two-byte) made every access a megamorphic lookup.

/**
 * Open addressing over a power-of-two slot array; a slot holds an entry's offset + 1 (0 = empty).
 * An entry holds the word's hash, length, code units and list of ids one after another in one
 * array, so that a lookup reads the slot and then one or two adjacent cache lines: in the bench
 * the other stages evict the table between documents, and a field array each (and an Int32Array
 * per list) made a lookup wait for four or five lines.
 */
export class WordLists {
  private slots = new Int32Array(1 << 12);
  private mask = (1 << 12) - 1;
  /** Entries one after another: hash, length n, n code units, list length m, m ids. */
  data = new Int32Array(1 << 15);
  private used = 0;
  private count = 0;

  get size(): number { return this.count; }

  /** Where the list of the word codes[start, end) is (data[at] is its length, its ids follow), or -1. */
  find(codes: Uint16Array, start: number, end: number): number {
    const h = hash(codes, start, end), len = end - start;
    const slots = this.slots, data = this.data;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const slot = slots[s];
      if (slot === 0) return -1;
      const e = slot - 1;
      if (data[e] !== h || data[e + 1] !== len) continue;
      let i = 0;
      while (i < len && data[e + 2 + i] === codes[start + i]) i++;
      if (i === len) return e + 2 + len;
    }
  }

  /** Adds the word codes[start, end), which the table does not have, and returns where its list is. */
  add(codes: Uint16Array, start: number, end: number, list: Int32Array): number {
    const len = end - start, e = this.used, next = e + 3 + len + list.length;
    if (next > this.data.length) this.data = grow(this.data, next - 1);
    const data = this.data;
    data[e] = hash(codes, start, end);
    data[e + 1] = len;
    for (let i = 0; i < len; i++) data[e + 2 + i] = codes[start + i];
    data[e + 2 + len] = list.length;
    data.set(list, e + 3 + len);
    this.used = next;
    this.count++;
    // Kept at most half full, so probes stay short.
    if (2 * this.count > this.slots.length) this.rehash(2 * this.slots.length);
    else this.place(e);
    return e + 2 + len;
  }

  clear(): void {
    this.slots = new Int32Array(1 << 12);
    this.mask = (1 << 12) - 1;
    this.used = 0;
    this.count = 0;
  }

  private place(e: number): void {
    let s = this.data[e] & this.mask;
    while (this.slots[s] !== 0) s = (s + 1) & this.mask;
    this.slots[s] = e + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let e = 0; e < this.used; ) {
      this.place(e);
      const len = this.data[e + 1];
      e += 3 + len + this.data[e + 2 + len];
    }
  }
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
