// Word-form lexicons of Russian, Ukrainian and Belarusian, as one Bloom filter per language. The
// forms come from the Hunspell dictionaries (npm dictionary-ru/-uk/-be), expanded at install time
// by scripts/train/lexicon.ts into a git-ignored cache: the uk (GPL-3.0) and be (CC-BY-SA-3.0)
// dictionaries may not be shipped inside MIT tandem, so nothing derived from them is committed.
// A Bloom filter keeps millions of forms in a few MB that load with one read and no parsing.
// Without the file the detector works as before (its own n-gram model only).
import type { Lang } from '../types.ts';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LEXICON_LANGS = ['ru', 'uk', 'be'] as const;
/** Where `npm ci` (the `prepare` script) writes the lexicon. */
export const LEXICON_PATH = fileURLToPath(new URL('../../node_modules/.cache/tandem/lexicon.bin', import.meta.url));
const MAGIC = 0x4c455831; // 'LEX1'

/** Lower case, stress marks dropped, apostrophes unified: the form both the builder and lookups use. */
const ODD_MARKS = /[\u0301’ʼ`]/;
export function normalizeForm(word: string): string {
  const lower = word.toLowerCase();
  // Most words have neither stress marks nor curly apostrophes: skip the replacing then.
  return ODD_MARKS.test(lower) ? lower.replace(/\u0301/g, '').replace(/[’ʼ`]/g, "'") : lower;
}

/** Two independent 32-bit FNV-1a-style hashes of a string; the filter's k probes are h1 + i*h2. */
function hashes(s: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h1 ^= h1 >>> 13; h1 = Math.imul(h1, 0x85ebca6b); h1 ^= h1 >>> 16;
  return [h1 >>> 0, (h2 | 1) >>> 0];
}

export interface Bloom { bits: Uint32Array; size: number; k: number }

export function newBloom(items: number, bitsPerItem = 12, k = 7): Bloom {
  const size = Math.max(64, Math.ceil((items * bitsPerItem) / 32) * 32);
  return { bits: new Uint32Array(size / 32), size, k };
}

export function bloomAdd(b: Bloom, s: string): void {
  const [h1, h2] = hashes(s);
  for (let i = 0; i < b.k; i++) {
    const bit = (h1 + Math.imul(i, h2)) >>> 0;
    const j = bit % b.size;
    b.bits[j >>> 5] |= 1 << (j & 31);
  }
}

export function bloomHas(b: Bloom, s: string): boolean {
  const [h1, h2] = hashes(s);
  return bloomHasHashes(b, h1, h2);
}

/** bloomHas for a string already hashed: the three languages' filters share one hashing of a form. */
function bloomHasHashes(b: Bloom, h1: number, h2: number): boolean {
  for (let i = 0; i < b.k; i++) {
    const j = ((h1 + Math.imul(i, h2)) >>> 0) % b.size;
    if (!(b.bits[j >>> 5] & (1 << (j & 31)))) return false;
  }
  return true;
}

/** File layout: magic, language count, then per language: size in bits, k, and the bit words. */
export function serialize(filters: Bloom[]): Buffer {
  const words = filters.reduce((a, b) => a + 2 + b.bits.length, 2);
  const out = new Uint32Array(words);
  out[0] = MAGIC; out[1] = filters.length;
  let o = 2;
  for (const b of filters) { out[o++] = b.size; out[o++] = b.k; out.set(b.bits, o); o += b.bits.length; }
  return Buffer.from(out.buffer);
}

export function deserialize(buf: Buffer): Bloom[] | undefined {
  if (buf.byteLength < 8 || buf.byteLength % 4) return undefined;
  // A view, not a copy, when the buffer is aligned (readFileSync's large buffers are).
  const all = buf.byteOffset % 4 === 0 ? new Uint32Array(buf.buffer, buf.byteOffset, buf.byteLength / 4)
    : new Uint32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  if (all[0] !== MAGIC) return undefined;
  const out: Bloom[] = [];
  let o = 2;
  for (let n = 0; n < all[1]; n++) {
    const size = all[o++]; const k = all[o++];
    out.push({ bits: all.subarray(o, o + size / 32), size, k });
    o += size / 32;
  }
  return out.length === LEXICON_LANGS.length ? out : undefined;
}

let filters: Bloom[] | null | undefined;

/** Uses these filters instead of the file (tests), or none at all with `null`; undefined re-reads. */
export function setLexicon(value: Bloom[] | null | undefined): void {
  filters = value;
  masks.clear();
}

/** Masks of words already looked up: the outside-language check asks about the same words again. */
const masks = new Map<string, number>();
const MASK_CACHE_LIMIT = 200_000;

function load(): Bloom[] | null {
  if (filters === undefined) {
    if (process.env.TANDEM_LEXICON === 'off') return (filters = null);
    try {
      filters = existsSync(LEXICON_PATH) ? (deserialize(readFileSync(LEXICON_PATH)) ?? null) : null;
    } catch {
      filters = null; // an unreadable cache is the same as none: the n-gram model still works
    }
  }
  return filters;
}

/** Whether the lexicon is available. */
export function hasLexicon(): boolean {
  return load() !== null;
}

/**
 * Bit mask of the languages (LEXICON_LANGS order: ru 1, uk 2, be 4) whose dictionaries have the
 * word form, or -1 when there is no lexicon.
 */
export function lexiconMask(word: string): number {
  const f = load();
  if (!f) return -1;
  let mask = masks.get(word);
  if (mask === undefined) {
    const [h1, h2] = hashes(normalizeForm(word));
    mask = 0;
    for (let i = 0; i < f.length; i++) if (bloomHasHashes(f[i], h1, h2)) mask |= 1 << i;
    if (masks.size >= MASK_CACHE_LIMIT) masks.clear();
    masks.set(word, mask);
  }
  return mask;
}

/** Whether `lang`'s dictionary has the word form (false for a language without one, or without the lexicon). */
export function lexiconHas(word: string, lang: Lang): boolean {
  const k = LEXICON_LANGS.indexOf(lang.split('-')[0] as never);
  if (k < 0) return false;
  const mask = lexiconMask(word);
  return mask > 0 && (mask & (1 << k)) !== 0;
}

/** A Cyrillic word that starts lower-case: names, which no dictionary need know, are left out. */
const LOWER_CYRILLIC = /^\p{Ll}/u;
const CYRILLIC_WORD = /\p{Script=Cyrillic}/u;

/**
 * Share of the lower-case Cyrillic words (of `minLength` letters or more) that some ru/uk/be
 * dictionary has; undefined without a lexicon or with fewer than `minWords` such words. ru/uk/be
 * sentences score 0.86-1, Bulgarian, Macedonian and Serbian ones 0-0.75 (UDHR), so a low share means
 * another Cyrillic language. Words of four letters or more tell better (ru/uk/be 0.8-1, those three
 * 0-0.67, median 0.3): short ones (и, в, да, не, но, ще) are shared by most Slavic languages.
 */
export function knownShare(words: string[], minWords = 4, minLength = 1): number | undefined {
  if (!hasLexicon()) return undefined;
  let cyrillic = 0;
  let known = 0;
  for (const w of words) {
    if (w.length < minLength || !LOWER_CYRILLIC.test(w) || !CYRILLIC_WORD.test(w)) continue;
    cyrillic++;
    if (lexiconMask(w) > 0) known++;
  }
  return cyrillic >= minWords ? known / cyrillic : undefined;
}
