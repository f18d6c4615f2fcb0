// The translation-memory index: an inverted index from source tokens to entries, stored in flat
// typed arrays (CSR) so a million entries fit in a few hundred MB and lookups touch little memory.
// Candidate generation uses prefix filtering (as in PPJoin): a candidate reaching the minimum match
// must share at least t = ceil(min * n) tokens with the n-token query, so it must contain one of
// the n - t + 1 rarest query tokens; only those posting lists are read. Candidates then pass a
// length filter and a bounded edit distance. Repeated tokens are indexed as (token, occurrence) so
// the overlap bound holds for sentences that repeat words.
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

export interface TmCandidate { entry: number; distance: number; length: number; score: number }

const OCCURRENCES = 8;

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
function encode(text: string, idOf: (norm: string) => number) {
  const seq = tokenize(text).map((t) => idOf(t.norm));
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
  /** Per entry, its element ids sorted ascending (same offsets as seq): overlap by merging. */
  private readonly elems: Int32Array;
  private readonly offsets: Uint32Array;
  private readonly postStart: Uint32Array;
  private readonly postings: Int32Array;
  private readonly stamp: Uint32Array;
  private lookups = 0;
  /** Work counters for the benchmark: candidates read from posting lists, edit distances computed. */
  readonly stats = { lookups: 0, postings: 0, candidates: 0, distances: 0 };

  private constructor(entries: TmEntry[], dict: Map<string, number>, seq: Int32Array, elems: Int32Array, offsets: Uint32Array, postStart: Uint32Array, postings: Int32Array) {
    this.entries = entries; this.dict = dict; this.seq = seq; this.elems = elems; this.offsets = offsets;
    this.postStart = postStart; this.postings = postings; this.stamp = new Uint32Array(entries.length);
  }

  get size() { return this.entries.length; }

  static build(source: Iterable<TmEntry>): TranslationMemory {
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
      const e = encode(entry.source, idOf);
      if (!e.seq.length || !entry.target.trim()) continue;
      if (same) same.push(entries.length); else seen.set(hash, [entries.length]);
      offsets.push(seq.length);
      for (const id of e.seq) seq.push(id);
      for (const el of Int32Array.from(e.elems).sort()) elems.push(el);
      entries.push(entry);
    }
    offsets.push(seq.length);
    // Two passes over the element pool build the posting lists in place (counting sort by element).
    const counts = new Uint32Array(dict.size * OCCURRENCES + 1);
    for (let i = 0; i < elems.length; i++) counts[elems.data[i] + 1]++;
    for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
    const postStart = counts.slice();
    const fill = counts.slice();
    const postings = new Int32Array(elems.length);
    const off = offsets.trimmed();
    // Entries go into the lists shortest first, so each list is sorted by length and a lookup reads
    // only the slice within its length window.
    for (const e of byLength(off)) {
      for (let k = off[e]; k < off[e + 1]; k++) postings[fill[elems.data[k]]++] = e;
    }
    return new TranslationMemory(entries, dict, seq.trimmed(), elems.trimmed(), new Uint32Array(off), postStart, postings);
  }

  private frequency(elem: number) { return elem < 0 ? 0 : this.postStart[elem + 1] - this.postStart[elem]; }

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

  private overlap(q: Int32Array, entry: number): number {
    const c = this.elems;
    let i = 0, j = this.offsets[entry], common = 0;
    const end = this.offsets[entry + 1];
    while (i < q.length && j < end) {
      if (q[i] === c[j]) { common++; i++; j++; } else if (q[i] < c[j]) i++; else j++;
    }
    return common;
  }

  /** Entries whose source is at least `minMatch` (0..1) similar to `text`, best first. */
  search(text: string, minMatch = 0.75, limit = 5): TmCandidate[] {
    let unknown = -1;
    const q = encode(text, (norm) => this.dict.get(norm) ?? unknown--);
    const n = q.seq.length;
    if (!n || !this.entries.length) return [];
    const need = Math.max(1, Math.ceil(minMatch * n - 1e-9));
    const prefix = [...q.elems].sort((a, b) => this.frequency(a) - this.frequency(b)).slice(0, n - need + 1);
    const minLen = Math.ceil(minMatch * n - 1e-9), maxLen = Math.floor(n / Math.max(minMatch, 1e-9) + 1e-9);
    const qIds = Int32Array.from(q.seq);
    const qElems = Int32Array.from(q.elems).sort();
    this.stats.lookups++;
    if (++this.lookups === 0xffffffff) { this.stamp.fill(0); this.lookups = 1; }
    const mark = this.lookups;
    const found: TmCandidate[] = [];
    let worst = -1;
    for (const elem of prefix) {
      if (elem < 0) continue;
      const listEnd = this.postStart[elem + 1];
      const from = this.firstOfLength(elem, minLen);
      let p = from;
      for (; p < listEnd; p++) {
        const e = this.postings[p];
        const m = this.offsets[e + 1] - this.offsets[e];
        if (m > maxLen) break;
        if (this.stamp[e] === mark) continue;
        this.stamp[e] = mark;
        const longer = Math.max(n, m);
        // Once `limit` results are held, a candidate must beat the worst of them to matter.
        const floor = found.length >= limit ? Math.max(minMatch, worst) : minMatch;
        this.stats.candidates++;
        // Shared tokens bound the matches of any alignment: a cheap merge rules most candidates out.
        if (this.overlap(qElems, e) < Math.ceil(floor * longer - 1e-9)) continue;
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
