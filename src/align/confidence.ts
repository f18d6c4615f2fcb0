// A bead's score says how sure the aligner is. The programme's score compares a bead with leaving
// its sentences unpaired, which length alone can win: two unrelated articles of similar sentence
// lengths were paired line by line at 0.8-0.9. Here the score is also weighed against what the
// document's own anchors say: how alike its beads are, and how often they share anchors, against
// sentences two beads apart (a chance pairing in this same pair of documents, whatever the dictionary
// or script).
import type { Bead } from '../types.ts';
import { sharedIds, similarity } from './cost.ts';
import type { Unit } from './features.ts';

/** Sentences with fewer anchor keys say too little either way (a one-word heading, "Stop!"). */
const MIN_KEYS = 2;
/** From this many keys a side, a bead needs two shared anchors to count as anchored. */
const FEW_KEYS = 5;
/**
 * Documents look parallel when their beads' mean similarity exceeds chance pairs' by this much, or is
 * three times it (pairs without a dictionary share few anchors, chance pairs next to none).
 */
const MIN_LIFT = 0.25;
/** Beads needed before a document is judged as a whole. */
const MIN_BEADS = 4;
/**
 * Fewer beads (two or three) say too little to weigh scores by, or to tell excerpts of a text of one
 * vocabulary apart ("Everyone has the right…" in every article); they only tell documents whose
 * pairings share next to nothing: a mean similarity under this, and no anchored pairings above chance.
 */
const FEW_BEADS_SIM = 0.1;
/** Scores of a document whose beads look like chance pairings are scaled by this (below 0.5, so flagged). */
const UNRELATED_SCALE = 0.4;

export interface Evidence {
  /** Smoothed share of the document's beads (with enough keys a side) that are anchored (`anchored`). */
  paired: number;
  /** The same share for sentences two beads apart: what chance gives in this pair of documents. */
  chance: number;
  /** Whether the documents look parallel: their beads are clearly more alike than chance pairs. */
  parallel: boolean;
}

/**
 * Beads with the programme's scores re-weighed by the document's anchor evidence (documentEvidence;
 * new bead objects, same pairings). No evidence leaves the beads as they are.
 */
export function weighScores(beads: Bead[], src: Unit[], tgt: Unit[], evidence: Evidence | undefined): Bead[] {
  if (!evidence) return beads;
  // A content bead that is not anchored is as much less likely as such beads are rarer among the
  // document's beads than among chance pairs.
  const unanchored = Math.log((1 - evidence.paired) / (1 - evidence.chance));
  return beads.map((b) => {
    if (!b.src.length || !b.tgt.length) return b;
    let score = b.score;
    if (!evidence.parallel) score *= UNRELATED_SCALE;
    else if (unanchored < 0 && hasContent(b, src, tgt) && !anchored(b, src, tgt)) score = logistic(logit(score) + unanchored);
    return { ...b, score: Math.round(score * 1000) / 1000 };
  });
}

/** A sentence left unpaired this many times as alike as a bead's own pairing makes that pairing doubtful. */
const BETTER_PARTNER = 2;
/** How far (in sentences) from a bead an unpaired sentence may be to count as its better partner. */
const PARTNER_REACH = 20;
/** A doubtful pairing's score at most: below the review threshold (0.5), so it is flagged. */
export const DOUBTFUL = 0.4;

/**
 * Beads with a sentence that is far more alike to a sentence left unpaired nearby, scored at most
 * DOUBTFUL. A translator who moves a sentence (a caption, a swapped pair) leaves it where monotone
 * alignment cannot reach it, which then pairs the sentence in its place, often with a good score.
 */
export function doubtMoved(beads: Bead[], src: Unit[], tgt: Unit[]): Bead[] {
  const loneSrc: number[] = [], loneTgt: number[] = [];
  for (const b of beads) {
    if (!b.tgt.length) loneSrc.push(...b.src);
    else if (!b.src.length) loneTgt.push(...b.tgt);
  }
  if (!loneSrc.length && !loneTgt.length) return beads;
  const near = (lone: number[], at: number) => lone.filter((k) => Math.abs(k - at) <= PARTNER_REACH);
  return beads.map((b) => {
    if (!b.src.length || !b.tgt.length || b.score <= DOUBTFUL) return b;
    const own = overlap(b.src, b.tgt, src, tgt);
    const bar = BETTER_PARTNER * Math.max(alikeness(own), 0.05);
    // A partner of one anchor key says too little: "Tom?" left unpaired shared one id with «Просто
    // гуляла, мам.» and capped its right pairing with "Just out, Mum." at 0.4.
    const better = (pair: Overlap) => pair.s >= MIN_KEYS && pair.t >= MIN_KEYS && isAnchored(pair) && alikeness(pair) >= bar;
    const nearTgt = near(loneTgt, b.tgt[0]), nearSrc = near(loneSrc, b.src[0]);
    const moved = b.src.some((i) => nearTgt.some((j) => better(overlap([i], [j], src, tgt))))
      || b.tgt.some((j) => nearSrc.some((i) => better(overlap([i], [j], src, tgt))));
    return moved ? { ...b, score: DOUBTFUL } : b;
  });
}

/** The document's anchor evidence, undefined when too few beads have anchors to judge. */
export function documentEvidence(beads: Bead[], src: Unit[], tgt: Unit[]): Evidence | undefined {
  const content = beads.filter((b) => b.src.length && b.tgt.length && hasContent(b, src, tgt));
  if (content.length < 2) return undefined;
  let hits = 0, chanceHits = 0, chanceTries = 0, sim = 0, chanceSim = 0;
  // Each pairing's overlap is counted once and serves both measures.
  for (let k = 0; k < content.length; k++) {
    const own = overlap(content[k].src, content[k].tgt, src, tgt);
    if (isAnchored(own)) hits++;
    sim += alikeness(own);
    for (const other of [content[k - 2], content[k + 2]]) {
      if (!other) continue;
      chanceTries++;
      const chancePair = overlap(content[k].src, other.tgt, src, tgt);
      if (isAnchored(chancePair)) chanceHits++;
      chanceSim += alikeness(chancePair);
    }
  }
  const paired = (hits + 1) / (content.length + 2), chance = (chanceHits + 1) / (chanceTries + 2);
  // Parallel when the beads are more alike than chance pairs: by similarity, because in a text of one
  // vocabulary (a charter of rights: "right", "everyone" in every article) chance pairs share an anchor
  // nearly as often as true ones, but far fewer of them.
  const meanSim = sim / content.length, meanChance = chanceSim / Math.max(1, chanceTries);
  // Without a clear lift, a few times chance must also rest on anchored beads, at least two and twice
  // chance's share: in five-sentence documents one shared word ("Brest" ~ a stem by chance) was a mean
  // similarity of 0.03 against chance's 0, and a news item was paired with a business letter at 0.85.
  const anchoredAboveChance = hits >= 2 && paired >= 2 * chance;
  const parallel = meanSim - meanChance >= MIN_LIFT || (meanSim >= 3 * meanChance + 0.02 && anchoredAboveChance);
  if (content.length < MIN_BEADS) return parallel || meanSim >= FEW_BEADS_SIM ? undefined : { paired, chance, parallel: false };
  return { paired, chance, parallel };
}

function hasContent(b: Bead, src: Unit[], tgt: Unit[]): boolean {
  let s = 0, t = 0;
  for (const i of b.src) s += src[i].keys;
  for (const j of b.tgt) t += tgt[j].keys;
  return s >= MIN_KEYS && t >= MIN_KEYS;
}

export interface Overlap { shared: number; s: number; t: number }

/** Anchors shared by a pairing's sentence pairs (summed) and the keys each side has. */
export function overlap(srcIds: number[], tgtIds: number[], src: Unit[], tgt: Unit[]): Overlap {
  let shared = 0, s = 0, t = 0;
  for (const i of srcIds) { s += src[i].keys; for (const j of tgtIds) shared += sharedIds(src[i], tgt[j]); }
  for (const j of tgtIds) t += tgt[j].keys;
  return { shared, s, t };
}

/** A pairing's similarity (cost.ts similarity) from its overlap. */
export const alikeness = ({ shared, s, t }: Overlap): number => similarity(shared, s, t);

/**
 * Whether a pairing is anchored: two shared anchors, or one where a side has few keys, because one
 * shared dictionary word between long sentences is what chance pairs have ("reported" ~ "власти").
 */
export function isAnchored({ shared, s, t }: Overlap): boolean {
  return shared >= (Math.min(s, t) >= FEW_KEYS ? 2 : 1);
}

const anchored = (b: Bead, src: Unit[], tgt: Unit[]) => isAnchored(overlap(b.src, b.tgt, src, tgt));

const logit = (p: number) => Math.log(Math.max(p, 1e-6) / Math.max(1 - p, 1e-6));
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
