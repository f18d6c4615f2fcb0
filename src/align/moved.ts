// Sentences the translator moved. Alignment is monotone, so a caption put at the end of the
// translation, or two sentences swapped, cannot be reached: the moved sentence is left unpaired, or
// the sentence in its place is paired instead (doubtMoved scores such a pairing DOUBTFUL). Here a
// sentence left so is paired with its counterpart wherever it is, when the two are clearly alike:
// a crossing bead, marked `moved` so that an editor looks at it. Two neighbours swapped come out of
// the programme as one 2:2 bead instead; that bead is split into its two crossed pairings.
import type { Bead } from '../types.ts';
import { markCrossing } from './order.ts';
import { beadScore, lengthDelta, shapeAndLengthCost, withLexical, type Model, type Move } from './cost.ts';
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
  const once = pairLeftOver(untangleSwaps(beads, src, tgt, model), src, tgt, model);
  // A sentence whose doubtful partner was paired across the order is free now, and measured against
  // nothing: a second round may pair it ("At MZKT…" had lost its stand-in to the moved paragraph).
  return markCrossing(once === beads ? once : pairLeftOver(once, src, tgt, model));
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
  // One crossed pair must stand as a pairing of its own; the other, once the first is taken, has only
  // its partner left, and an anchor shared with it is enough ("Stop filming the strikers at the factory
  // gates" shares only завод with «Прекратить съёмку бастующих у проходной завода»).
  const strong = [pairing(a, e, src, tgt, model), pairing(c, d, src, tgt, model)];
  if (!strong[0] && !strong[1]) return undefined;
  const straight = Math.max(alike([a], [d], src, tgt), alike([c], [e], src, tgt));
  // The weaker partner only where the straight pairs share nothing at all.
  const weak = (i: number, j: number) => (straight === 0 ? pairing(i, j, src, tgt, model, LEFT_PARTNER) : undefined);
  const [first, second] = [strong[0] ?? weak(a, e), strong[1] ?? weak(c, d)];
  if (!first || !second) return undefined;
  if (first.sim < BETTER * straight || second.sim < BETTER * straight) return undefined;
  return [{ src: [a], tgt: [e], score: first.score, moved: true }, { src: [c], tgt: [d], score: second.score }];
}

/** What a one-to-one pairing across the order needs: a pairing standing on its own, or a swap's left partner. */
interface Needs { similarity: number; shared: number }
const STANDING: Needs = { similarity: MIN_SIMILARITY, shared: MIN_SHARED };
/** The two sentences a swap leaves together once the other pair is taken: an anchor shared is enough. */
const LEFT_PARTNER: Needs = { similarity: 0, shared: 1 };

/**
 * A one-to-one pairing of i and j that may stand across the order (lengths within MAX_DELTA and what
 * `needs` asks), with its similarity and score; undefined when it may not.
 */
function pairing(i: number, j: number, src: Unit[], tgt: Unit[], model: Model, needs = STANDING): { sim: number; score: number } | undefined {
  const pair = overlap([i], [j], src, tgt), sim = alikeness(pair);
  if (sim < needs.similarity || pair.shared < needs.shared) return undefined;
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
  const possible: Candidate[] = [];
  const scale = src.length / Math.max(1, tgt.length);
  for (const [i, iNow] of srcNow) {
    for (const [j, jNow] of tgtNow) {
      if (Math.abs(i - j * scale) > REACH) continue;
      const p = pairing(i, j, src, tgt, model);
      if (p && p.sim >= BETTER * Math.max(iNow, jNow)) possible.push({ i, j, ...p });
    }
  }
  // A rival that has a partner it fits far better (kept in its pairing, or a possible moved one) does
  // not make a pairing ambiguous: "At MZKT … Lukashenko was met with chants" was kept from its
  // translation by the one about workers at the Minsk Tractor Works, which had its own.
  const held = heldSimilarities(beads, src, tgt);
  for (const c of possible) {
    held.src.set(c.i, Math.max(held.src.get(c.i) ?? 0, c.sim));
    held.tgt.set(c.j, Math.max(held.tgt.get(c.j) ?? 0, c.sim));
  }
  const candidates = possible.filter((c) => standsOut(c.sim, c.i, c.j, src, tgt, held));
  if (!candidates.length) return beads;
  // The most alike first; a sentence is paired once.
  candidates.sort((a, b) => b.sim - a.sim || a.i - b.i || a.j - b.j);
  const moved = new MovedBeads();
  for (const c of candidates) if (moved.free([c.i], [c.j])) moved.take([c.i], [c.j], c.score);
  growBlocks(moved, srcNow, tgtNow, src, tgt, model);
  // Each bead gives way where its sentences went: a moved pairing stands where its first source
  // sentence was, a sentence whose partner left stays as an unpaired bead in its place.
  const out: Bead[] = [];
  const freed: number[] = []; // indexes in `out` of sentences whose partner went across the order
  for (const b of beads) {
    // Only sentences of srcNow and tgtNow were paired: unpaired ones and one-to-one pairings.
    const iMoves = b.src.length === 1 && moved.srcTaken.has(b.src[0]), jMoves = b.tgt.length === 1 && moved.tgtTaken.has(b.tgt[0]);
    if (!iMoves && !jMoves) { out.push(b); continue; }
    const bead = iMoves ? moved.bySrc.get(b.src[0]) : undefined;
    if (bead) out.push({ ...bead, moved: true }); // none for the second sentence of a merge: it went with the first
    if (b.src.length && b.tgt.length) {
      if (iMoves && !jMoves) freed.push(out.push({ src: [], tgt: b.tgt, score: 0 }) - 1);
      if (!iMoves && jMoves) freed.push(out.push({ src: b.src, tgt: [], score: 0 }) - 1);
    }
  }
  return freed.length ? joinFreed(out, freed, src, tgt, model) : out;
}

/**
 * A sentence freed when its stand-in partner went across the order joins the pairing beside it when
 * the merge costs less than leaving it unpaired, each half sharing an anchor (continuing): it had been
 * taken from the split it belongs to («Услышав гром, сразу отойдите от берега.», the second half of
 * "…move away from the shore as soon as you hear thunder.", was paired with a moved paragraph's
 * sentence). Only freed sentences: sentences the programme itself left unpaired beside a pairing are
 * added or omitted ones as often as halves (joining those cost our evaluation sets).
 */
function joinFreed(beads: Bead[], freed: number[], src: Unit[], tgt: Unit[], model: Model): Bead[] {
  const out = [...beads];
  const gone = new Set<number>();
  // The pairings beside a sentence are those that hold its neighbours on its own side.
  const bySrc = new Map<number, number>(), byTgt = new Map<number, number>();
  out.forEach((b, k) => { for (const i of b.src) bySrc.set(i, k); for (const j of b.tgt) byTgt.set(j, k); });
  for (const k of freed) {
    const lone = beads[k];
    const x = lone.src.length ? lone.src[0] : lone.tgt[0], holder = lone.src.length ? bySrc : byTgt;
    let best: (Merge & { at: number }) | undefined;
    for (const at of [holder.get(x - 1), holder.get(x + 1)]) {
      const b = at === undefined || gone.has(at) ? undefined : out[at];
      if (!b || b.moved) continue;
      const merge = cheaperMerge(b, [[[...b.src, ...lone.src], [...b.tgt, ...lone.tgt]]], src, tgt, model);
      if (merge && (!best || merge.cost < best.cost)) best = { ...merge, at: at! };
    }
    if (best) { out[best.at] = { src: best.src, tgt: best.tgt, score: best.score }; gone.add(k); }
  }
  return gone.size ? out.filter((_, k) => !gone.has(k)) : out;
}

interface Merge { src: number[]; tgt: number[]; cost: number; score: number }

/**
 * The cheapest of `options` (a one-to-one pairing `b` with a neighbour taken in) that costs less than
 * `b` with the neighbour left unpaired (continuing), or undefined; each half must share an anchor.
 */
function cheaperMerge(b: Bead, options: Array<[number[], number[]]>, src: Unit[], tgt: Unit[], model: Model): Merge | undefined {
  if (b.src.length !== 1 || b.tgt.length !== 1) return undefined;
  const now = continuing(b.src, b.tgt, src, tgt, model).cost;
  let best: Merge | undefined;
  for (const [i, j] of options) {
    const a = [...i].sort((x, y) => x - y), c = [...j].sort((x, y) => x - y);
    const merged = continuing(a, c, src, tgt, model);
    if (merged.cost < now && (!best || merged.cost < best.cost)) best = { src: a, tgt: c, ...merged };
  }
  return best;
}

/** The moved pairings chosen so far, by their first source sentence, and the sentences they hold. */
class MovedBeads {
  readonly bySrc = new Map<number, Bead>();
  readonly srcTaken = new Set<number>();
  readonly tgtTaken = new Set<number>();
  free(i: number[], j: number[]): boolean { return !i.some((x) => this.srcTaken.has(x)) && !j.some((x) => this.tgtTaken.has(x)); }
  drop(b: Bead): void {
    this.bySrc.delete(b.src[0]);
    for (const x of b.src) this.srcTaken.delete(x);
    for (const x of b.tgt) this.tgtTaken.delete(x);
  }
  take(i: number[], j: number[], score: number): void {
    this.bySrc.set(i[0], { src: i, tgt: j, score });
    for (const x of i) this.srcTaken.add(x);
    for (const x of j) this.tgtTaken.add(x);
  }
}

/**
 * A moved paragraph moves its sentences together: next to a block of moved pairings (the sentences
 * before or after it on both sides paired together across the order), the sentences that follow on
 * both sides are paired too, on weaker evidence than a pairing standing alone needs (a sentence about
 * trams was kept from its translation by a later sentence about the same company), and one the
 * translator merged or split is paired whole (2:1, 1:2), whichever of these costs least, as the
 * programme would choose between them.
 */
function growBlocks(moved: MovedBeads, srcNow: Map<number, number>, tgtNow: Map<number, number>, src: Unit[], tgt: Unit[], model: Model): void {
  const loose = (i: number[], j: number[]) => i.every((x) => srcNow.has(x)) && j.every((x) => tgtNow.has(x)) && moved.free(i, j);
  for (let grew = true; grew;) {
    grew = false;
    for (const b of [...moved.bySrc.values()]) {
      const i0 = b.src[0], i1 = b.src[b.src.length - 1], j0 = b.tgt[0], j1 = b.tgt[b.tgt.length - 1];
      for (const [i, j, di, dj] of [[i1 + 1, j1 + 1, 1, 1], [i0 - 1, j0 - 1, -1, -1]]) {
        const options = [[[i], [j]], [[i], [j, j + dj]], [[i, i + di], [j]]]
          .map(([a, c]) => [a.sort((x, y) => x - y), c.sort((x, y) => x - y)])
          .filter(([a, c]) => loose(a, c))
          .map(([a, c]) => ({ src: a, tgt: c, ...continuing(a, c, src, tgt, model) }))
          .filter((o) => o.cost < Infinity);
        if (!options.length) continue;
        const best = options.reduce((x, y) => (y.cost < x.cost ? y : x));
        moved.take(best.src, best.tgt, best.score);
        grew = true;
      }
      // A one-to-one pairing of the block takes in a free neighbour when the merge costs less: a
      // quotation the translator joined into one sentence was paired by its second half only.
      const options: Array<[number[], number[]]> = [[[i0 - 1, i0], b.tgt], [[i0, i0 + 1], b.tgt], [b.src, [j0 - 1, j0]], [b.src, [j0, j0 + 1]]];
      const merge = cheaperMerge(b, options.filter(([a, c]) => loose(a.filter((x) => x !== i0), c.filter((x) => x !== j0))), src, tgt, model);
      if (merge) {
        moved.drop(b);
        moved.take(merge.src, merge.tgt, merge.score);
        grew = true;
      }
    }
  }
}

/**
 * What pairing `i` with `j` next to a moved block costs, with the sentences the other options would
 * also cover (a one-to-one pairing leaves the merge's second sentence unpaired: one skip more), and its
 * score; Infinity when it may not be made: lengths too far apart, no shared anchor, or, for a merge or
 * split, fewer than two or one half that shares none (a neighbour left out, not half of a merge).
 */
function continuing(i: number[], j: number[], src: Unit[], tgt: Unit[], model: Model): { cost: number; score: number } {
  const none = { cost: Infinity, score: 0 };
  const move = model.moves.find((m) => m.di === i.length && m.dj === j.length);
  const pair = overlap(i, j, src, tgt);
  if (!move || pair.shared < (i.length + j.length > 2 ? MIN_SHARED : 1)) return none;
  if (i.length + j.length > 2) {
    const halves = i.length === 2 ? i.map((x) => overlap([x], j, src, tgt)) : j.map((x) => overlap(i, [x], src, tgt));
    if (halves.some((o) => o.shared === 0)) return none;
  }
  const delta = lengthDelta(i.reduce((n, x) => n + src[x].len, 0), j.reduce((n, x) => n + tgt[x].len, 0), model);
  if (Math.abs(delta) > MAX_DELTA) return none;
  const { cost, score } = costAndScore(move, delta, alikeness(pair), model);
  // Every option covers three sentences: a one-to-one pairing pays for leaving the third unpaired.
  return { cost: i.length + j.length === 2 ? cost + model.skip : cost, score };
}

interface Candidate { i: number; j: number; sim: number; score: number }

/** The score the programme gives a one-to-one bead of these two sentences (beadScore), three decimals. */
function scoreOf(i: number, j: number, sim: number, src: Unit[], tgt: Unit[], model: Model): number {
  const move = model.moves.find((m) => m.di === 1 && m.dj === 1) ?? { di: 1, dj: 1, prior: 0 };
  return costAndScore(move, lengthDelta(src[i].len, tgt[j].len, model), sim, model).score;
}

/** A bead's cost as the programme counts it, and its score (beadScore, three decimals). */
function costAndScore(move: Move, delta: number, sim: number, model: Model): { cost: number; score: number } {
  const cost = withLexical(shapeAndLengthCost(move, delta, model), move, sim, model);
  return { cost, score: Math.round(beadScore(move, cost, model) * 1000) / 1000 };
}

/** Similarities of the sentences of pairings that stay (with both sides, above DOUBTFUL) to their partners. */
interface Held { src: Map<number, number>; tgt: Map<number, number> }

function heldSimilarities(beads: Bead[], src: Unit[], tgt: Unit[]): Held {
  const held: Held = { src: new Map(), tgt: new Map() };
  for (const b of beads) {
    if (!b.src.length || !b.tgt.length || b.score <= DOUBTFUL) continue;
    const sim = alike(b.src, b.tgt, src, tgt);
    for (const i of b.src) held.src.set(i, sim);
    for (const j of b.tgt) held.tgt.set(j, sim);
  }
  return held;
}

/**
 * Whether i and j are each other's match in the whole pair of documents, by a margin (UNIQUE) over
 * every rival sentence, except rivals that fit a partner of their own by that margin over i or j.
 */
function standsOut(sim: number, i: number, j: number, src: Unit[], tgt: Unit[], held?: Held): boolean {
  const bar = sim / UNIQUE;
  const taken = (own: number | undefined, rival: number) => own !== undefined && own >= UNIQUE * rival;
  for (let k = 0; k < tgt.length; k++) {
    if (k === j) continue;
    const rival = alike([i], [k], src, tgt);
    if (rival > bar && !taken(held?.tgt.get(k), rival)) return false;
  }
  for (let k = 0; k < src.length; k++) {
    if (k === i) continue;
    const rival = alike([k], [j], src, tgt);
    if (rival > bar && !taken(held?.src.get(k), rival)) return false;
  }
  return true;
}

const alike = (i: number[], j: number[], src: Unit[], tgt: Unit[]): number => alikeness(overlap(i, j, src, tgt));
