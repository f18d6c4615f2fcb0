// Model parameters: defaults tuned on the Text+Berg dev file and our EN-RU dev documents, the plain
// Gale-Church baseline, and the per-document calibration of the length ratio and variance.
import type { Bead } from '../types.ts';
import { GALE_CHURCH_MOVES, type Model, type Move } from './cost.ts';
import type { Unit } from './features.ts';

const moves = (list: Array<[number, number, number]>): Move[] => list.map(([di, dj, prior]) => ({ di, dj, prior }));

// Bead shapes are shared by every model made from them: nothing changes a model's moves. The widest
// (2:3, 3:2, 1:4, 4:1: a translator's restructured passage, 21 of the Text+Berg dev file's 422 gold
// beads) cost most; their priors were chosen on that file alone (5, 6, 7, 8, 9 for 2:3: 0.862, 0.870,
// 0.870, 0.868, 0.865 against 0.863 without them), and they cost the programme about a quarter more
// time on long documents (bench:align).
const ANCHORED_MOVES = moves([[1, 1, 0], [2, 1, 2.5], [1, 2, 2.5], [2, 2, 4], [3, 1, 5], [1, 3, 5],
  [2, 3, 7], [3, 2, 7], [1, 4, 8], [4, 1, 8]]);

/**
 * A model with the given parameters and overrides. Every model the programme reads is made here,
 * in one shape: models copied by spreading got a new hidden class per way of making them, and the
 * programme's inner loop, compiled for one, was thrown away and compiled again for the next.
 */
export function makeModel(base: Model, changes: Partial<Model> = {}): Model {
  const m = { ...base, ...changes };
  return { ratio: m.ratio, variance: m.variance, lengthWeight: m.lengthWeight, lexicalWeight: m.lexicalWeight, skip: m.skip,
    countOnce: m.countOnce !== false, moves: m.moves };
}

/** The anchored model: wider beads than Gale-Church because translators split and join freely. */
export function defaultModel(ratio: number): Model {
  return makeModel({ ratio, variance: 6.8, lengthWeight: 0.3, lexicalWeight: 4, skip: 3.5, moves: ANCHORED_MOVES });
}

/** Gale and Church (1993): length only, their priors and variance. The evaluation's baseline. */
export function galeChurchModel(ratio: number): Model {
  return makeModel({ ratio, variance: 6.8, lengthWeight: 1, lexicalWeight: 0, skip: -Math.log(0.0099 / 2), moves: GALE_CHURCH_MOVES });
}

export function lengthRatio(src: Unit[], tgt: Unit[]): number {
  const s = src.reduce((a, u) => a + u.len, 0), t = tgt.reduce((a, u) => a + u.len, 0);
  return s > 0 && t > 0 ? t / s : 1;
}

/** Confident 1:1 pairs calibrate needs to fit the ratio (as a median), and to fit the variance too. */
const MIN_RATIO_PAIRS = 5, MIN_VARIANCE_PAIRS = 20;

/**
 * Re-estimates the ratio and variance from the confident 1:1 beads of a first pass, so the length
 * model fits this pair of documents (and is not skewed by sections missing on one side).
 */
export function calibrate(model: Model, beads: Bead[], src: Unit[], tgt: Unit[]): Model {
  const pairs = beads.filter((b) => b.src.length === 1 && b.tgt.length === 1 && b.score >= 0.7)
    .map((b) => [src[b.src[0]].len, tgt[b.tgt[0]].len]).filter(([s, t]) => s > 0 && t > 0);
  if (pairs.length < MIN_RATIO_PAIRS) return model;
  const ratio = pairs.reduce((a, [, t]) => a + t, 0) / pairs.reduce((a, [s]) => a + s, 0);
  // A handful of pairs already tell the ratio far better than the total lengths do when a section is
  // missing on one side (a 31-sentence original with a 15-sentence translation gave 0.6 instead of
  // 1.1, and sentences were merged to fit it). Few pairs give it as a median, which a first-pass 1:1
  // that should have been a merge does not drag; the variance needs more pairs to be trusted.
  if (pairs.length < MIN_VARIANCE_PAIRS) return makeModel(model, { ratio: medianRatio(pairs) });
  const spread = pairs.map(([s, t]) => (t - ratio * s) ** 2 / ((s + t / ratio) / 2)).sort((a, b) => a - b);
  // Median of squared deviations, scaled to a variance (median of chi-square(1) is 0.455).
  const variance = Math.min(20, Math.max(2, spread[spread.length >> 1] / 0.455));
  return makeModel(model, { ratio, variance });
}

/** The median of the pairs' target/source length ratios. */
function medianRatio(pairs: number[][]): number {
  const r = pairs.map(([s, t]) => t / s).sort((a, b) => a - b), h = r.length >> 1;
  return r.length % 2 ? r[h] : (r[h - 1] + r[h]) / 2;
}
