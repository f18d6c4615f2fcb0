// A word → value table looked up by a span of UTF-16 code units, so a word is not cut out of its
// sentence as a new string, hashed and compared again inside a Map at every occurrence (that was
// ~40% of building a unit). Codes are kept in typed arrays: string methods on sentences of many
// string representations (flat, sliced, one- or two-byte) made every access a megamorphic lookup.

/** Open addressing over a power-of-two slot array; a slot holds an entry index + 1 (0 = empty). */
export class WordTable<V> {
  private slots = new Int32Array(1 << 12);
  private hashes = new Int32Array(1 << 11);
  /** Entry k's code units are pool[starts[k], starts[k + 1]). */
  private starts = new Int32Array(1 << 11);
  private pool = new Uint16Array(1 << 14);
  private values: V[] = [];

  get size(): number { return this.values.length; }

  /** The value of the word codes[start, end), or undefined. */
  find(codes: Uint16Array, start: number, end: number): V | undefined {
    const h = hash(codes, start, end);
    const mask = this.slots.length - 1, len = end - start;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const slot = this.slots[s];
      if (slot === 0) return undefined;
      const k = slot - 1;
      if (this.hashes[k] !== h) continue;
      const from = this.starts[k];
      if (this.starts[k + 1] - from !== len) continue;
      let i = 0;
      while (i < len && this.pool[from + i] === codes[start + i]) i++;
      if (i === len) return this.values[k];
    }
  }

  /** Adds the word codes[start, end), which the table does not have. */
  add(codes: Uint16Array, start: number, end: number, value: V): void {
    const k = this.values.length;
    if (k + 2 > this.starts.length) { this.starts = grow(this.starts, k + 1); this.hashes = grow(this.hashes, k + 1); }
    const from = this.starts[k], to = from + end - start;
    if (to > this.pool.length) this.pool = grow(this.pool, to - 1);
    this.pool.set(codes.subarray(start, end), from);
    this.starts[k + 1] = to;
    this.hashes[k] = hash(codes, start, end);
    this.values.push(value);
    // Kept at most half full, so probes stay short.
    if (2 * (k + 1) > this.slots.length) this.rehash(2 * this.slots.length);
    else this.place(k);
  }

  clear(): void {
    this.slots = new Int32Array(1 << 12);
    this.starts.fill(0);
    this.values = [];
  }

  private place(k: number): void {
    const mask = this.slots.length - 1;
    let s = this.hashes[k] & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = k + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let k = 0; k < this.values.length; k++) this.place(k);
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
