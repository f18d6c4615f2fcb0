// One string object per distinct word. Running text repeats its words (Zipf), and every word is
// looked up in the model's cache: a fresh slice of the text costs an allocation and a hash each
// time, while the one interned string keeps its hash, so the lookup is a pointer comparison.
// Found by the word's characters in the text itself, without slicing it first.

const LIMIT = 1 << 18;
let slots: Array<string | undefined> = new Array(1 << 12);
let hashes = new Int32Array(1 << 12);
/**
 * Each word's length, kept beside it: the words are strings of several kinds (one- or two-byte,
 * sliced), and reading `key.length` at each probe was a megamorphic property load in the letter pass.
 */
let lengths = new Int32Array(1 << 12);
/** A value kept with each word (the word model's scores, scan.ts), found by the probe that finds the word. */
let values: Array<Float64Array | undefined> = new Array(1 << 12);
let used = 0;
/** The slot of the word internWord returned last; -1 once a fresh table no longer holds it. */
let last = -1;

/** FNV-1a over code units: a word's hash is HASH_SEED mixed with each of its code units in turn. */
export const HASH_SEED = 0x811c9dc5;
export function mix(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}

/** The interned string equal to text[start, end); `h` is its hash (HASH_SEED, mix), taken as it was read. */
export function internWord(text: string, start: number, end: number, h: number): string {
  const length = end - start;
  const mask = slots.length - 1;
  let k = h & mask;
  for (let key = slots[k]; key !== undefined; key = slots[k]) {
    // startsWith compares natively, whatever the two strings' representations (one- or two-byte,
    // sliced): a loop of charCodeAt over both was the hottest line of the detect stage. Taken from
    // String.prototype, as alphabet.ts countLetters takes charCodeAt, so that its load is no
    // megamorphic lookup per word.
    if (hashes[k] === h && lengths[k] === length && String.prototype.startsWith.call(text, key, start)) { last = k; return key; }
    k = (k + 1) & mask;
  }
  const word = text.slice(start, end);
  slots[k] = word;
  hashes[k] = h;
  lengths[k] = length;
  last = k;
  if (++used * 2 > slots.length) grow();
  return word;
}

/**
 * The value kept with the word internWord returned last (undefined until one is set): a Map lookup
 * per word of running text for its scores cost more than the probe that already found the word.
 */
export function lastValue(): Float64Array | undefined {
  return last < 0 ? undefined : values[last];
}

/** Keeps a value with the word internWord returned last. */
export function setLastValue(value: Float64Array): void {
  if (last >= 0) values[last] = value;
}

/** Forgets every kept value (the word model changed). */
export function clearValues(): void {
  values = new Array(slots.length);
}

/** The hash of text[start, end), as a 32-bit integer (what an Int32Array keeps, even for ''). */
export function hashOf(text: string, start: number, end: number): number {
  let h = HASH_SEED | 0;
  for (let j = start; j < end; j++) h = mix(h, text.charCodeAt(j));
  return h;
}

/** Doubles the table (keeping every word), or starts afresh once it is as large as it may get. */
function grow(): void {
  const old = slots;
  const oldHashes = hashes;
  const oldValues = values;
  const oldLengths = lengths;
  const size = old.length >= LIMIT ? 1 << 12 : old.length * 2;
  slots = new Array(size);
  hashes = new Int32Array(size);
  lengths = new Int32Array(size);
  values = new Array(size);
  used = 0;
  const moved = last;
  last = -1;
  if (size < old.length) return;
  for (let i = 0; i < old.length; i++) {
    const key = old[i];
    if (key === undefined) continue;
    let k = oldHashes[i] & (size - 1);
    while (slots[k] !== undefined) k = (k + 1) & (size - 1);
    slots[k] = key;
    hashes[k] = oldHashes[i];
    lengths[k] = oldLengths[i];
    values[k] = oldValues[i];
    if (i === moved) last = k;
    used++;
  }
}
