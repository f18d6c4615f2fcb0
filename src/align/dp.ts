// The dynamic programme over beads, restricted to a band of cells per row so that time and memory
// grow with n × band width instead of n × m. The band comes from a coarser alignment (search.ts).
import type { Bead } from '../types.ts';
import { beadScore, lengthDelta, shapeAndLengthCost, shapeAndLengthFloor, sharedIds, similarity, withLexical, type Model, type Move } from './cost.ts';
import type { Unit } from './features.ts';

/** For every source row i (0..n), the inclusive range of target positions searched. */
export interface Band { lo: Int32Array; hi: Int32Array }

/** The whole table as a band. Its arrays are reused by the next call: alignBanded keeps no band. */
export function fullBand(n: number, m: number): Band {
  if (fullLo.length < n + 1) { fullLo = new Int32Array(2 * (n + 1)); fullHi = new Int32Array(2 * (n + 1)); }
  fullLo.fill(0, 0, n + 1);
  fullHi.fill(m, 0, n + 1);
  return { lo: fullLo, hi: fullHi };
}

let fullLo = new Int32Array(1024), fullHi = new Int32Array(1024);

const SKIP_SRC = 0, SKIP_TGT = 1, NONE = 255;
const SKIP_SRC_MOVE: Move = { di: 1, dj: 0, prior: 0 }, SKIP_TGT_MOVE: Move = { di: 0, dj: 1, prior: 0 };

// Marks of the anchor ids seen in a bead, kept between calls: ids are interned for the whole
// process, so an array per call as long as the largest id would cost more than the programme.
let stamp = new Int32Array(1024);
let round = 0;

/** 1 or 0 per unit, for each side. */
export interface SideMarks { src: Uint8Array; tgt: Uint8Array }

/**
 * What the programme knows of the units beyond their text. `opens`: 1 for a unit that opens a
 * paragraph (after the first): a bead that joins units across one pays CROSS_PARAGRAPH. `quoted`: 1
 * for a unit that starts inside a quotation its side opened in an earlier unit (the rest of a quote
 * the segmenter cut; index.ts quotedOf): a cut between beads inside a quotation on one side only pays
 * QUOTE_CUT.
 */
export interface Marks { opens?: SideMarks; quoted?: SideMarks }

/**
 * The cost of a merge or split that joins sentences of two paragraphs of one side when the sentences
 * past the paragraph break bring no anchor of their own: an untranslated sentence opening a paragraph
 * was merged into the previous paragraph's last bead (at 0.99). A translator who merged paragraphs
 * and joined their sentences leaves anchors of both in the joined one, and pays nothing.
 */
export const CROSS_PARAGRAPH = 3;

/**
 * The cost of a cut between beads where one side is inside a quotation and the other is not: one
 * side's quotation, cut in two by the segmenter («Мы не хотели власти. Мы хотели…», — сказал он), was
 * one sentence on the other, and its first half was left unpaired (a 1:2 bead lost to a 1:1 and a skip
 * by 0.02). A cut inside quotations on both sides costs nothing. 1 was the value chosen before any
 * run and the best of 0.5, 1 and 1.5 on the Text+Berg dev file (0.858 → 0.863); every test file
 * gained or stayed.
 */
export const QUOTE_CUT = 1;

/** Best path through the band; beads cover every unit of both sides, in order. */
export function alignBanded(src: Unit[], tgt: Unit[], model: Model, band: Band, marks: Marks = {}): Bead[] {
  const { opens, quoted } = marks;
  const n = src.length, m = tgt.length;
  const { lo, hi } = band;
  const srcLen = prefix(src, 'len', 0), tgtLen = prefix(tgt, 'len', 1);
  const srcKeys = prefix(src, 'keys', 2), tgtKeys = prefix(tgt, 'keys', 3);
  const off = floats(4, n + 2);
  off[0] = 0;
  for (let i = 0; i <= n; i++) off[i + 1] = off[i] + (hi[i] - lo[i] + 1);
  const cells = off[n + 1];
  const cost = floats(5, cells).fill(Infinity, 0, cells);
  if (back.length < cells) back = new Uint8Array(Math.max(2 * back.length, cells));
  back.fill(NONE, 0, cells);
  // Shared-anchor counts of sentence pairs, computed once: row a holds the targets that beads
  // ending in rows a+1..a+3 can reach. -1 marks a pair not computed yet.
  let maxDi = 1, maxDj = 1;
  for (const mv of model.moves) { maxDi = Math.max(maxDi, mv.di); maxDj = Math.max(maxDj, mv.dj); }
  const pairFrom = floats(6, n), pairOff = floats(7, n + 1);
  pairOff[0] = 0;
  for (let a = 0; a < n; a++) {
    pairFrom[a] = Math.max(0, lo[a + 1] - maxDj);
    pairOff[a + 1] = pairOff[a] + Math.max(0, hi[Math.min(n, a + maxDi)] - pairFrom[a]);
  }
  if (pairs.length < pairOff[n]) pairs = new Int16Array(Math.max(2 * pairs.length, pairOff[n]));
  pairs.fill(-1, 0, pairOff[n]);
  let maxId = 0;
  for (const u of src) if (u.ids.length) maxId = Math.max(maxId, u.ids[u.ids.length - 1]);
  for (const u of tgt) if (u.ids.length) maxId = Math.max(maxId, u.ids[u.ids.length - 1]);
  if (maxId >= stamp.length) {
    stamp = new Int32Array(Math.max(2 * stamp.length, maxId + 1)); round = 0;
    nearest = new Int32Array(stamp.length); rowMark = new Int32Array(stamp.length); rowRound = 0;
  }
  current = { src, tgt, pairFrom, pairOff, countOnce: model.countOnce !== false };
  const moves = model.moves;

  const countOnce = current.countOnce;
  for (let i = 0; i <= n; i++) {
    if (countOnce && i > 0) markRow(src, i, maxDi);
    for (let j = lo[i]; j <= hi[i]; j++) {
      const here = off[i] + j - lo[i];
      if (i === 0 && j === 0) { cost[here] = 0; continue; }
      let best = Infinity, how = NONE;
      if (i > 0) {
        const p = cellAt(band, off, i - 1, j);
        if (p >= 0 && cost[p] + model.skip < best) { best = cost[p] + model.skip; how = SKIP_SRC; }
      }
      if (j > lo[i]) {
        const c = cost[here - 1] + model.skip;
        if (c < best) { best = c; how = SKIP_TGT; }
      }
      for (let k = 0; k < moves.length; k++) {
        const { di, dj, prior } = moves[k];
        if (i < di || j < dj) continue;
        const p = cellAt(band, off, i - di, j - dj);
        if (p < 0 || cost[p] + prior >= best) continue;
        // Counting shared anchors is the costly part: beads that lose on shape and length alone skip it,
        // and those that lose even on a bound of that cost (no exp or log) skip computing it.
        const delta = lengthDelta(srcLen[i] - srcLen[i - di], tgtLen[j] - tgtLen[j - dj], model);
        if (cost[p] + shapeAndLengthFloor(moves[k], delta, model) >= best) continue;
        const partial = shapeAndLengthCost(moves[k], delta, model);
        if (cost[p] + partial >= best) continue;
        const s = countOnce ? rowShared(tgt, di, j - dj, j) : groupShared(current, i - di, i, j - dj, j);
        const sim = similarity(s, srcKeys[i] - srcKeys[i - di], tgtKeys[j] - tgtKeys[j - dj]);
        let c = cost[p] + withLexical(partial, moves[k], sim, model);
        if (opens && (di > 1 || dj > 1) && c < best && joinsUnsupported(current, opens, s, i - di, i, j - dj, j)) c += CROSS_PARAGRAPH;
        if (c < best) { best = c; how = 2 + k; }
      }
      // A path through this cell cuts between beads here.
      if (quoted && i < n && j < m && quoted.src[i] !== quoted.tgt[j]) best += QUOTE_CUT;
      cost[here] = best; back[here] = how;
    }
  }

  const beads: Bead[] = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const here = cellAt(band, off, i, j), how = back[here];
    if (here < 0 || how === NONE) throw new Error(`alignment band does not reach (${i}, ${j})`);
    const move: Move = how === SKIP_SRC ? SKIP_SRC_MOVE : how === SKIP_TGT ? SKIP_TGT_MOVE : moves[how - 2];
    const step = cost[here] - cost[cellAt(band, off, i - move.di, j - move.dj)];
    const score = move.di && move.dj ? beadScore(move, step, model) : 0;
    beads.push({ src: range(i - move.di, i), tgt: range(j - move.dj, j), score: Math.round(score * 1000) / 1000 });
    i -= move.di; j -= move.dj;
  }
  return beads.reverse();
}

/**
 * Whether a bead joins sentences across a paragraph opening on one side without both parts bringing
 * shared anchors of their own: `shared` (the whole bead's count) is no more than one part's alone.
 */
function joinsUnsupported(c: Current, opens: SideMarks, shared: number, i0: number, i1: number, j0: number, j1: number): boolean {
  for (let a = i0 + 1; a < i1; a++) {
    if (opens.src[a] && shared <= Math.max(groupShared(c, i0, a, j0, j1), groupShared(c, a, i1, j0, j1))) return true;
  }
  for (let b = j0 + 1; b < j1; b++) {
    if (opens.tgt[b] && shared <= Math.max(groupShared(c, i0, i1, j0, b), groupShared(c, i0, i1, b, j1))) return true;
  }
  return false;
}

// What the pair counts of the call in progress read (a context object instead of closures per call).
interface Current { src: Unit[]; tgt: Unit[]; pairFrom: Float64Array; pairOff: Float64Array; countOnce: boolean }
let current: Current;

function cellAt(band: Band, off: Float64Array, i: number, j: number): number {
  return j < band.lo[i] || j > band.hi[i] ? -1 : off[i] + j - band.lo[i];
}

/** Anchors shared by source unit a and target unit b, counted once per call. */
function pairShared(c: Current, a: number, b: number): number {
  const k = c.pairOff[a] + b - c.pairFrom[a];
  let s = pairs[k];
  if (s < 0) { s = Math.min(32767, sharedIds(c.src[a], c.tgt[b])); pairs[k] = s; }
  return s;
}

/**
 * Anchors shared by the bead of source units i0..i1-1 and target units j0..j1-1. Each shared id
 * counts once: summing pairs would reward merging sentences that share only frequent words.
 */
function groupShared(c: Current, i0: number, i1: number, j0: number, j1: number): number {
  if (i1 - i0 === 1 && j1 - j0 === 1) return pairShared(c, i0, j0);
  if (!c.countOnce) { let sum = 0; for (let a = i0; a < i1; a++) for (let b = j0; b < j1; b++) sum += pairShared(c, a, b); return sum; }
  if (round > 0x7ffffff0) { stamp.fill(0); round = 0; }
  round += 2;
  for (let a = i0; a < i1; a++) for (const id of c.src[a].ids) stamp[id] = round;
  let s = 0;
  for (let b = j0; b < j1; b++) for (const id of c.tgt[b].ids) if (stamp[id] === round) { s++; stamp[id] = round + 1; }
  return s;
}

// The source side of every bead that ends in the row being filled, marked once for the row (markRow):
// where rowMark[id] is rowRound, nearest[id] is how many units back the nearest source unit with
// that id is, so the id is on the source side of a bead of di units when nearest[id] <= di.
let nearest = new Int32Array(1024), rowMark = new Int32Array(1024), rowRound = 0;

/** Marks the ids of the up to `maxDi` source units before row i (the source sides of beads ending there). */
function markRow(src: Unit[], i: number, maxDi: number): void {
  if (rowRound > 0x7ffffff0) { rowMark.fill(0); rowRound = 0; }
  rowRound++;
  // The farthest unit first, so the nearest one's distance is the one kept.
  for (let d = Math.min(maxDi, i); d >= 1; d--) for (const id of src[i - d].ids) { rowMark[id] = rowRound; nearest[id] = d; }
}

/**
 * groupShared of the bead of the `di` source units before the row being filled (markRow) and the
 * target units j0..j1-1: each target id is looked up in the row's marks instead of the source
 * units being stamped or merged again for every bead of the row.
 */
function rowShared(tgt: Unit[], di: number, j0: number, j1: number): number {
  let s = 0;
  if (j1 - j0 === 1) {
    for (const id of tgt[j0].ids) if (rowMark[id] === rowRound && nearest[id] <= di) s++;
    return s;
  }
  // Several target units may have an id: each counts once.
  if (round > 0x7ffffff0) { stamp.fill(0); round = 0; }
  round += 2;
  for (let b = j0; b < j1; b++) {
    for (const id of tgt[b].ids) if (rowMark[id] === rowRound && nearest[id] <= di && stamp[id] !== round) { s++; stamp[id] = round; }
  }
  return s;
}

// Work arrays reused by every call (the programme is never re-entered, and beads copy what they
// keep): a fresh set per call, each with its own off-heap buffer, cost small alignments more in
// allocation and garbage collection than the programme itself.
const work: Float64Array[] = [];
let back = new Uint8Array(1024);
let pairs = new Int16Array(1024);

/** Work array `slot`, at least n long; only its first n values are meaningful to the caller. */
function floats(slot: number, n: number): Float64Array {
  if (!work[slot] || work[slot].length < n) work[slot] = new Float64Array(Math.max(1024, 2 * n));
  return work[slot];
}

function prefix(units: Unit[], field: 'len' | 'keys', slot: number): Float64Array {
  const out = floats(slot, units.length + 1);
  out[0] = 0;
  for (let k = 0; k < units.length; k++) out[k + 1] = out[k] + units[k][field];
  return out;
}

/** a, a+1, ..., b-1, in an array of exactly that size (most beads have one sentence a side). */
function range(a: number, b: number): number[] {
  if (b - a === 1) return [a];
  const out = new Array<number>(Math.max(0, b - a));
  for (let k = a; k < b; k++) out[k - a] = k;
  return out;
}
