// The translation-memory index: an inverted index from source tokens to entries, stored in flat
// typed arrays (CSR) so a million entries fit in a few hundred MB and lookups touch little memory.
// Candidate generation is PPJoin's (Xiao et al. 2008): with every entry's tokens ordered rarest
// first, a candidate reaching the minimum match shares at least t = ceil(min * n) tokens with the
// n-token query, so the first n - t + 1 query tokens and the first m - t' + 1 entry tokens meet.
// Only those entry prefixes are indexed (for min >= MIN_INDEXED) and only the query prefix's lists
// are read, within the length window; the position of the first shared token bounds the overlap
// (positional filter); a merge counts the overlap; a bounded edit distance decides. Repeated tokens
// are indexed as (token, occurrence) so the overlap bound holds for sentences that repeat words.
import { boundedDistance } from './distance.ts';
import { tokenize } from './tokens.ts';

export interface TmEntry {
  source: string;
  target: string;
  /** Where the entry came from, e.g. "memories/a.tmx#12" or "output/job/segments.jsonl#doc:3.1". */
  ref?: string;
  /** Origin of the stored target, when its source says ('aligned', 'human', ...). */
  origin?: string;
}

/** A text's tokens as the index compares them (their normalised forms, in order). */
export type Tokenizer = (text: string) => string[];

export interface TmCandidate { entry: number; distance: number; length: number; score: number }

const OCCURRENCES = 8;
/** The lowest minimum match the index answers completely (lower ones are raised to it). */
export const MIN_INDEXED = 0.5;
const indexedPrefix = (m: number) => m - Math.ceil(MIN_INDEXED * m - 1e-9) + 1;

/** FNV-1a over both texts, 32 bits each way, folded into one safe integer. */
function pairHash(a: string, b: string): number {
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (const text of [a, '\u0000', b]) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** Entry ids ordered by token count (counting sort; stable). */
function byLength(offsets: Int32Array): Int32Array {
  const n = offsets.length - 1;
  let longest = 0;
  for (let e = 0; e < n; e++) longest = Math.max(longest, offsets[e + 1] - offsets[e]);
  const start = new Uint32Array(longest + 2);
  for (let e = 0; e < n; e++) start[offsets[e + 1] - offsets[e] + 1]++;
  for (let l = 1; l < start.length; l++) start[l] += start[l - 1];
  const order = new Int32Array(n);
  for (let e = 0; e < n; e++) order[start[offsets[e + 1] - offsets[e]]++] = e;
  return order;
}

/** Element id -> rank, rarest (fewest entries) first; -1 for elements no entry has. Counting sort by frequency. */
function rarityRanks(pool: Int32Array, elements: number): Int32Array {
  const df = new Uint32Array(elements);
  for (let k = 0; k < pool.length; k++) df[pool[k]]++;
  let most = 0;
  for (let el = 0; el < elements; el++) if (df[el] > most) most = df[el];
  const start = new Uint32Array(most + 2);
  for (let el = 0; el < elements; el++) if (df[el]) start[df[el] + 1]++;
  for (let f = 1; f < start.length; f++) start[f] += start[f - 1];
  const rank = new Int32Array(elements).fill(-1);
  for (let el = 0; el < elements; el++) if (df[el]) rank[el] = start[df[el]]++;
  return rank;
}

class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) { const d = new Int32Array(this.data.length * 2); d.set(this.data); this.data = d; }
    this.data[this.length++] = v;
  }
  trimmed() { return this.data.slice(0, this.length); }
}

/** Token ids of a text's tokens plus their (token, occurrence) element ids, sorted. */
function encode(text: string, idOf: (norm: string) => number, norms: Tokenizer) {
  const seq = norms(text).map(idOf);
  const seen = new Map<number, number>();
  const elems = seq.map((id) => {
    const occ = seen.get(id) ?? 0;
    seen.set(id, occ + 1);
    return id < 0 ? id : id * OCCURRENCES + Math.min(occ, OCCURRENCES - 1);
  });
  return { seq, elems };
}

export class TranslationMemory {
  readonly entries: TmEntry[];
  private readonly dict: Map<string, number>;
  private readonly seq: Int32Array;
  /** Per entry, its elements' ranks (rarest first) sorted ascending (same offsets as seq). */
  private readonly elems: Int32Array;
  /** Element id -> rank in the rarity order (-1: not in the memory). */
  private readonly rank: Int32Array;
  /** Per posting, the element's position in the entry's rank-sorted list (capped at 255). */
  private readonly positions: Uint8Array;
  private readonly offsets: Uint32Array;
  private readonly postStart: Uint32Array;
  private readonly postings: Int32Array;
  private readonly stamp: Uint32Array;
  private lookups = 0;
  /** Work counters for the benchmark: candidates read from posting lists, edit distances computed. */
  readonly stats = { lookups: 0, postings: 0, candidates: 0, distances: 0 };

  private constructor(entries: TmEntry[], dict: Map<string, number>, seq: Int32Array, elems: Int32Array, rank: Int32Array,
    offsets: Uint32Array, postStart: Uint32Array, postings: Int32Array, positions: Uint8Array, private readonly norms: Tokenizer) {
    this.entries = entries; this.dict = dict; this.seq = seq; this.elems = elems; this.rank = rank; this.offsets = offsets;
    this.postStart = postStart; this.postings = postings; this.positions = positions; this.stamp = new Uint32Array(entries.length);
  }

  get size() { return this.entries.length; }

  /**
   * The index of the entries, their sources cut by `norms` (by default tokens.ts's tokens in `lang`, which
   * says how numbers are written). Matching with a glossary cuts them as scoreMatch does, a term one
   * unit: "Minsk" and "Nizhny Novgorod" are then one placeable apart, not three tokens.
   */
  static build(source: Iterable<TmEntry>, lang?: string, norms: Tokenizer = (text) => tokenize(text, lang).map((t) => t.norm)): TranslationMemory {
    const entries: TmEntry[] = [];
    const dict = new Map<string, number>();
    const idOf = (norm: string) => {
      let id = dict.get(norm);
      if (id === undefined) { id = dict.size; dict.set(norm, id); }
      return id;
    };
    const seq = new IntList(), elems = new IntList(), offsets = new IntList();
    // The same pair from several jobs or files is stored once (the first reference is kept). Keyed
    // by a hash, not the texts: a million concatenated keys would double the memory during the build.
    const seen = new Map<number, number[]>();
    for (const entry of source) {
      const hash = pairHash(entry.source, entry.target);
      const same = seen.get(hash);
      if (same?.some((i) => entries[i].source === entry.source && entries[i].target === entry.target)) continue;
      const e = encode(entry.source, idOf, norms);
      if (!e.seq.length || !entry.target.trim()) continue;
      if (same) same.push(entries.length); else seen.set(hash, [entries.length]);
      offsets.push(seq.length);
      for (const id of e.seq) seq.push(id);
      for (const el of Int32Array.from(e.elems).sort()) elems.push(el);
      entries.push(entry);
    }
    offsets.push(seq.length);
    const off = offsets.trimmed();
    const pool = elems.trimmed();
    const rank = rarityRanks(pool, dict.size * OCCURRENCES);
    for (let e = 0; e < entries.length; e++) {
      for (let k = off[e]; k < off[e + 1]; k++) pool[k] = rank[pool[k]];
      pool.subarray(off[e], off[e + 1]).sort();
    }
    // Posting lists of the entries' prefixes, by counting sort on rank. Entries go in shortest
    // first, so each list is sorted by length and a lookup reads only its length window.
    const counts = new Uint32Array(dict.size * OCCURRENCES + 1);
    for (let e = 0; e < entries.length; e++) {
      const m = off[e + 1] - off[e];
      for (let k = off[e]; k < off[e] + indexedPrefix(m); k++) counts[pool[k] + 1]++;
    }
    for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
    const postStart = counts;
    const fill = counts.slice();
    const postings = new Int32Array(postStart[postStart.length - 1]);
    const positions = new Uint8Array(postings.length);
    for (const e of byLength(off)) {
      const m = off[e + 1] - off[e];
      for (let j = 0; j < indexedPrefix(m); j++) {
        const at = fill[pool[off[e] + j]]++;
        postings[at] = e;
        positions[at] = Math.min(j, 255);
      }
    }
    return new TranslationMemory(entries, dict, seq.trimmed(), pool, rank, new Uint32Array(off), postStart, postings, positions, norms);
  }

  /** Token ids of an entry's source, in order. */
  sourceIds(entry: number): Int32Array { return this.seq.subarray(this.offsets[entry], this.offsets[entry + 1]); }

  private lengthOf(entry: number) { return this.offsets[entry + 1] - this.offsets[entry]; }

  /** Position of the first entry with at least `length` tokens in a posting list (lists are sorted by length). */
  private firstOfLength(elem: number, length: number): number {
    let lo = this.postStart[elem], hi = this.postStart[elem + 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lengthOf(this.postings[mid]) < length) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** Shared elements of the query (ranks, sorted) and an entry, counting from positions i and j on. */
  private overlap(q: Int32Array, entry: number, i = 0, j = 0): number {
    const c = this.elems;
    let common = 0;
    j += this.offsets[entry];
    const end = this.offsets[entry + 1];
    while (i < q.length && j < end) {
      if (q[i] === c[j]) { common++; i++; j++; } else if (q[i] < c[j]) i++; else j++;
    }
    return common;
  }

  /** Entries whose source is at least `minMatch` (0..1, at least MIN_INDEXED) similar to `text`, best first. */
  search(text: string, minMatch = 0.75, limit = 5): TmCandidate[] {
    minMatch = Math.max(minMatch, MIN_INDEXED);
    let unknown = -1;
    const q = encode(text, (norm) => this.dict.get(norm) ?? unknown--, this.norms);
    const n = q.seq.length;
    if (!n || !this.entries.length) return [];
    // Query elements as ranks, rarest first; words the memory lacks (-1) come first and match nothing.
    const qRanks = Int32Array.from(q.elems, (el) => (el < 0 || el >= this.rank.length ? -1 : this.rank[el])).sort();
    const need = Math.max(1, Math.ceil(minMatch * n - 1e-9));
    const minLen = Math.ceil(minMatch * n - 1e-9), maxLen = Math.floor(n / minMatch + 1e-9);
    const qIds = Int32Array.from(q.seq);
    this.stats.lookups++;
    if (++this.lookups === 0xffffffff) { this.stamp.fill(0); this.lookups = 1; }
    const mark = this.lookups;
    const found: TmCandidate[] = [];
    let worst = -1;
    for (let i = 0; i < n - need + 1; i++) {
      const r = qRanks[i];
      if (r < 0) continue;
      const listEnd = this.postStart[r + 1];
      const from = this.firstOfLength(r, minLen);
      let p = from;
      for (; p < listEnd; p++) {
        const e = this.postings[p];
        const m = this.offsets[e + 1] - this.offsets[e];
        if (m > maxLen) break;
        if (this.stamp[e] === mark) continue;
        this.stamp[e] = mark; // first meeting = first shared element in rank order: the bounds below hold
        const longer = Math.max(n, m);
        // Once `limit` results are held, a candidate must beat the worst of them to matter.
        const floor = found.length >= limit ? Math.max(minMatch, worst) : minMatch;
        const t = Math.ceil(floor * longer - 1e-9);
        const j = this.positions[p];
        if (1 + Math.min(n - i - 1, m - j - 1) < t) continue;
        this.stats.candidates++;
        // Shared tokens bound the matches of any alignment: a cheap merge rules most candidates out.
        if (1 + this.overlap(qRanks, e, i + 1, j + 1) < t) continue;
        const bound = Math.floor((1 - floor) * longer + 1e-9);
        this.stats.distances++;
        const distance = boundedDistance(qIds, this.sourceIds(e), bound);
        if (distance > bound) continue;
        found.push({ entry: e, distance, length: m, score: 1 - distance / longer });
        if (found.length > limit * 4) { found.sort(byScore); found.length = limit; worst = found[limit - 1].score; }
      }
      this.stats.postings += p - from;
    }
    found.sort(byScore);
    return found.slice(0, limit);
  }
}

const byScore = (a: TmCandidate, b: TmCandidate) => b.score - a.score || a.entry - b.entry;
