// The score of one candidate bead: a Gale-Church length term, a lexical-anchor term and a prior for
// the bead's shape. Costs are negative log-likelihood-like (lower is better) so a path's cost is a sum.
import type { Unit } from './features.ts';

export interface Move { di: number; dj: number; prior: number }

export interface Model {
  /** Expected target characters per source character. */
  ratio: number;
  /** Variance of target length per source character (Gale-Church's s², 6.8 in their paper). */
  variance: number;
  /** Weight of the length term. */
  lengthWeight: number;
  /** Weight of the lexical term, per sentence in the bead. */
  lexicalWeight: number;
  /** Cost of leaving one sentence without a counterpart. */
  skip: number;
  /** Count an anchor shared by several sentence pairs of a bead once (exact, slower on big units). */
  countOnce?: boolean;
  /** Bead shapes with both sides non-empty, with their prior costs. */
  moves: Move[];
}

/** Gale and Church's 1993 priors, as costs. */
export const GALE_CHURCH_MOVES: Move[] = [
  { di: 1, dj: 1, prior: -Math.log(0.89) },
  { di: 2, dj: 1, prior: -Math.log(0.0445) }, { di: 1, dj: 2, prior: -Math.log(0.0445) },
  { di: 2, dj: 2, prior: -Math.log(0.011) },
];

const SQRT_PI = Math.sqrt(Math.PI);

/** -log(2·(1 − Φ(|δ|))): how unlikely a length difference of |δ| standard deviations is. */
export function lengthCost(delta: number): number {
  const x = Math.abs(delta) / Math.SQRT2;
  // Past x = 4, x² + log(x√π) (asymptotic erfc, avoids log(0)); else -log(erfc(x)). The arithmetic of
  // both runs on every call, only operands are chosen: the programme drops most large deviations
  // before they get here (shapeAndLengthFloor), and a branch first taken after it was optimised
  // deoptimised it.
  const big = x > 4, xx = x * x, asymptotic = x * SQRT_PI;
  return (big ? xx : 0) + (big ? 1 : -1) * Math.log(big ? asymptotic : Math.max(erfc(x), 1e-300));
}

function erfc(x: number): number {
  // Numerical Recipes' erfcc: fractional error below 1.2e-7, plenty for a cost.
  const z = Math.abs(x), t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? r : 2 - r;
}

/** Length deviation of a bead in standard deviations, symmetric in which side is longer. */
export function lengthDelta(srcLen: number, tgtLen: number, model: Model): number {
  const mean = (srcLen + tgtLen / model.ratio) / 2;
  return (tgtLen - model.ratio * srcLen) / Math.sqrt(model.variance * Math.max(mean, 1));
}

/** Number of anchor ids two units share (both id lists are sorted). */
export function sharedIds(a: Unit, b: Unit): number {
  const x = a.ids, y = b.ids;
  let i = 0, j = 0, n = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) { n++; i++; j++; } else if (x[i] < y[j]) i++; else j++;
  }
  return n;
}

/** A pair's lexical similarity in 0..1 from shared anchors and the anchors each side had. */
export function similarity(shared: number, srcKeys: number, tgtKeys: number): number {
  return Math.min(1, (2 * shared) / (srcKeys + tgtKeys + 2));
}

/**
 * A bead with both sides non-empty costs shapeAndLengthCost + the lexical term (withLexical), in two
 * steps so that the programme can skip counting shared anchors for beads already too dear (dp.ts).
 * The part known before its shared anchors are counted: a lower bound of the whole. `delta` is the
 * bead's lengthDelta.
 */
export function shapeAndLengthCost(move: Move, delta: number, model: Model): number {
  return move.prior + model.lengthWeight * lengthCost(delta);
}

/**
 * A lower bound of shapeAndLengthCost without exp and log, so the programme can drop most losing
 * beads before computing it: lengthCost(δ) ≥ δ²/2 because erfc(x) ≤ e^(-x²) (the approximation's
 * relative error, 1.2e-7, is covered by the 1e-6 taken off). A negative length weight gets no bound.
 */
export function shapeAndLengthFloor(move: Move, delta: number, model: Model): number {
  if (!(model.lengthWeight >= 0)) return -Infinity;
  const x = Math.abs(delta) / Math.SQRT2;
  return move.prior + model.lengthWeight * (x * x - 1e-6);
}

/** The lexical term added to shapeAndLengthCost: never negative. */
export function withLexical(partial: number, move: Move, sim: number, model: Model): number {
  return partial + model.lexicalWeight * ((move.di + move.dj) / 2) * (1 - sim);
}

/** 0..1 confidence of a bead: how much cheaper it is than leaving its sentences unpaired. */
export function beadScore(move: Move, cost: number, model: Model): number {
  const margin = (move.di + move.dj) * model.skip - cost;
  return 1 / (1 + Math.exp(-margin / 1.5));
}
