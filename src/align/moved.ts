// Sentences the translator moved. Alignment is monotone, so a caption put at the end of the
// translation, or two sentences swapped, cannot be reached: the moved sentence is left unpaired, or
// the sentence in its place is paired instead (doubtMoved scores such a pairing DOUBTFUL). Here a
// sentence left so is paired with its counterpart wherever it is, when the two are clearly alike:
// a crossing bead, marked `moved` so that an editor looks at it. Two neighbours swapped come out of
// the programme as one 2:2 bead instead; that bead is split into its two crossed pairings.
import type { Bead } from '../types.ts';
import { beadScore, lengthDelta, shapeAndLengthCost, withLexical, type Model } from './cost.ts';
import { alikeness, DOUBTFUL, overlap } from './confidence.ts';
import type { Unit } from './features.ts';

/** The least similarity of a moved pairing: true pairs of a document share far more (0.5-0.8). */
const MIN_SIMILARITY = 0.4;
/** A moved pairing must be this many times as alike as what either sentence is paired with now. */
const BETTER = 2;
/**
 * Anchors a moved pairing shares at the least: one shared word makes two short sentences look alike
 * ("Ihm schien die Sache einleuchtend ;" and "les crampons rentrent dans la danse !").
 */
const MIN_SHARED = 2;
/**
 * A moved pairing must be this many times as alike as either sentence is to any other sentence of the
 * other document: generic words ("quelque chose", "!") make short sentences alike to many.
 */
const UNIQUE = 1.5;
/**
 * How far (in sentences, across the documents' scale) a sentence may have moved: a caption moves to
 * the end of an article, not of a book, and unpaired sentences of two long documents are not all
 * compared with each other.
 */
const REACH = 200;
/** Lengths further apart than this many standard deviations are not one sentence translated. */
const MAX_DELTA = 2.5;

/** Beads with moved sentences paired across the order (see above); the same beads when there are none. */
export function pairMoved(beads: Bead[], src: Unit[], tgt: Unit[], model: Model): Bead[] {
  return pairLeftOver(untangleSwaps(beads, src, tgt, model), src, tgt, model);
}

/**
 * Two neighbouring sentences the translator swapped come out of the programme as one 2:2 bead, which
 * holds both translations but pairs neither. When each source sentence is clearly the other's target
 * sentence (crossed pairs alike, straight ones not), the bead becomes two: the first source sentence
 * with the second target sentence (moved), then the second with the first.
 */
function untangleSwaps(beads: Bead[], src: Unit[], tgt: Unit[], model: Model): Bead[] {
  let changed = false;
  const out = beads.flatMap((b) => {
    const two = swapped(b, src, tgt, model);
    if (two) changed = true;
    return two ?? [b];
  });
  return changed ? out : beads;
}

/** The two pairings a 2:2 bead of swapped sentences stands for, or undefined when it is not one. */
function swapped(b: Bead, src: Unit[], tgt: Unit[], model: Model): Bead[] | undefined {
  if (b.src.length !== 2 || b.tgt.length !== 2) return undefined;
  const [a, c] = b.src, [d, e] = b.tgt;
  const first = pairing(a, e, src, tgt, model), second = pairing(c, d, src, tgt, model);
  if (!first || !second) return undefined;
  const straight = Math.max(alike([a], [d], src, tgt), alike([c], [e], src, tgt));
  if (first.sim < BETTER * straight || second.sim < BETTER * straight) return undefined;
  return [{ src: [a], tgt: [e], score: first.score, moved: true }, { src: [c], tgt: [d], score: second.score }];
}

/** A one-to-one pairing of i and j that may stand across the order, with its similarity and score; undefined when it may not. */
function pairing(i: number, j: number, src: Unit[], tgt: Unit[], model: Model): { sim: number; score: number } | undefined {
  const pair = overlap([i], [j], src, tgt), sim = alikeness(pair);
  if (sim < MIN_SIMILARITY || pair.shared < MIN_SHARED) return undefined;
  if (Math.abs(lengthDelta(src[i].len, tgt[j].len, model)) > MAX_DELTA) return undefined;
  return { sim, score: scoreOf(i, j, sim, src, tgt, model) };
}

/** Sentences left unpaired, or doubtfully paired, paired with their counterparts wherever they are. */
function pairLeftOver(beads: Bead[], src: Unit[], tgt: Unit[], model: Model): Bead[] {
  // Sentences that may move: those left unpaired and those of a doubtful one-to-one pairing, with
  // how alike they are to their present partner (0 when unpaired).
  const srcNow = new Map<number, number>(), tgtNow = new Map<number, number>();
  for (const b of beads) {
    if (!b.tgt.length) for (const i of b.src) srcNow.set(i, 0);
    else if (!b.src.length) for (const j of b.tgt) tgtNow.set(j, 0);
    else if (b.src.length === 1 && b.tgt.length === 1 && b.score <= DOUBTFUL) {
      const sim = alike(b.src, b.tgt, src, tgt);
      srcNow.set(b.src[0], sim);
      tgtNow.set(b.tgt[0], sim);
    }
  }
  if (!srcNow.size || !tgtNow.size) return beads;
  const candidates: Candidate[] = [], inBlockOnly: Candidate[] = [];
  const scale = src.length / Math.max(1, tgt.length);
  for (const [i, iNow] of srcNow) {
    for (const [j, jNow] of tgtNow) {
      if (Math.abs(i - j * scale) > REACH) continue;
      const p = pairing(i, j, src, tgt, model);
      if (!p || p.sim < BETTER * Math.max(iNow, jNow)) continue;
      (standsOut(p.sim, i, j, src, tgt) ? candidates : inBlockOnly).push({ i, j, ...p });
    }
  }
  if (!candidates.length) return beads;
  // The most alike first; a sentence is paired once.
  candidates.sort((a, b) => b.sim - a.sim || a.i - b.i || a.j - b.j);
  const srcTo = new Map<number, { j: number; score: number }>(), tgtTaken = new Set<number>();
  const take = (c: Candidate) => { srcTo.set(c.i, c); tgtTaken.add(c.j); };
  for (const c of candidates) if (!srcTo.has(c.i) && !tgtTaken.has(c.j)) take(c);
  // A moved paragraph moves its sentences together: a pairing that does not stand out on its own
  // (a sentence about trams, alike to a later one about the same company) is taken when it continues
  // a block of moved pairings, the sentences before or after it on both sides moved together.
  for (let grew = true; grew;) {
    grew = false;
    for (const c of inBlockOnly) {
      if (srcTo.has(c.i) || tgtTaken.has(c.j)) continue;
      if (srcTo.get(c.i - 1)?.j === c.j - 1 || srcTo.get(c.i + 1)?.j === c.j + 1) { take(c); grew = true; }
    }
  }
  // Each bead gives way where its sentences went: a moved pairing stands where its source sentence
  // was, a sentence whose partner left stays as an unpaired bead in its place.
  const out: Bead[] = [];
  for (const b of beads) {
    const i = b.src.length === 1 ? b.src[0] : -1, j = b.tgt.length === 1 ? b.tgt[0] : -1;
    // Only sentences of srcNow and tgtNow were paired, so a bead of anything else stays as it is.
    const iMoves = srcTo.has(i), jMoves = tgtTaken.has(j);
    if (!iMoves && !jMoves) { out.push(b); continue; }
    if (iMoves) {
      const { j: partner, score } = srcTo.get(i)!;
      out.push({ src: [i], tgt: [partner], score, moved: true });
    }
    if (b.src.length && b.tgt.length) {
      if (iMoves && !jMoves) out.push({ src: [], tgt: b.tgt, score: 0 });
      if (!iMoves && jMoves) out.push({ src: b.src, tgt: [], score: 0 });
    }
  }
  return out;
}

interface Candidate { i: number; j: number; sim: number; score: number }

/** The score the programme gives a one-to-one bead of these two sentences (beadScore), three decimals. */
function scoreOf(i: number, j: number, sim: number, src: Unit[], tgt: Unit[], model: Model): number {
  const move = model.moves.find((m) => m.di === 1 && m.dj === 1) ?? { di: 1, dj: 1, prior: 0 };
  const cost = withLexical(shapeAndLengthCost(move, lengthDelta(src[i].len, tgt[j].len, model), model), move, sim, model);
  return Math.round(beadScore(move, cost, model) * 1000) / 1000;
}

/** Whether i and j are each other's match in the whole pair of documents, by a margin (UNIQUE). */
function standsOut(sim: number, i: number, j: number, src: Unit[], tgt: Unit[]): boolean {
  const bar = sim / UNIQUE;
  for (let k = 0; k < tgt.length; k++) if (k !== j && alike([i], [k], src, tgt) > bar) return false;
  for (let k = 0; k < src.length; k++) if (k !== i && alike([k], [j], src, tgt) > bar) return false;
  return true;
}

const alike = (i: number[], j: number[], src: Unit[], tgt: Unit[]): number => alikeness(overlap(i, j, src, tgt));
