// Combines the evidence for each candidate language into one log-linear score: the models (tandem's
// own word model, eld, and franc for candidates eld does not know), the alphabet, and the prior from
// the surrounding text. Model evidence grows with the number of words, so a prior decides one-word
// units but cannot outvote a whole sentence.
import type { Lang } from '../types.ts';
import { SCRIPT } from './codes.ts';
import { countLetters } from './alphabet.ts';
import { ELD_LANGUAGES, eldIndex, eldScores, francScores, type Scores } from './engines.ts';
import { MODEL_LANGS, wordLogLikelihoods } from './wordmodel.ts';

/** Weights, tuned on data/lid/tune only (`npm run eval:lid -- --tune`); data/lid/heldout never. */
export const WEIGHTS = {
  /** franc, per word, for candidate sets that eld does not cover. */
  franc: 1.0,
  /** eld, per word, on its score relative to the best candidate's. */
  eld: 6.0,
  /** tandem's own word/n-gram model (wordmodel.ts), per nat of log-likelihood. */
  model: 0.5,
  /** Per letter that the candidate's alphabet lacks. */
  foreign: 2.0,
  /** Per Cyrillic apostrophe, against Russian. */
  apostrophe: 2.0,
  /** Per letter of a script the candidate is not written in. */
  script: 3.0,
  prior: 1.0,
  /** Model evidence counts words up to this many, then stops growing. */
  maxWords: 12,
};
export type Weights = typeof WEIGHTS;

export interface Evidence {
  /** Log-score per candidate, higher is better. */
  scores: Scores;
  words: number;
  letters: number;
  /** eld's best language over all it knows, and the best candidate's eld score relative to it. */
  outsider?: { lang: Lang; ratio: number };
  /** Share of the letters that even the best-suited candidate does not write (0: none). */
  scriptMismatch: number;
}

export function gatherEvidence(tokens: string[], languages: Lang[], prior?: Partial<Record<Lang, number>>, weights: Weights = WEIGHTS): Evidence {
  const clean = tokens.join(' ');
  const letters = countLetters(clean, languages);
  const total = letters.latin + letters.cyrillic + letters.other;
  const n = Math.min(tokens.length, weights.maxWords);
  const head = tokens.slice(0, 4 * weights.maxWords);
  // The own model knows en/ru/uk/be only: it speaks when every candidate is one of them.
  const useModel = total > 0 && weights.model > 0 && languages.every((l) => MODEL_LANGS.includes(l));
  const ll = useModel ? wordLogLikelihoods(head) : [];
  const llBest = Math.max(...ll);
  const eldAll = total ? eldScores(head) : new Float64Array(ELD_LANGUAGES.length);
  const eldOf = (l: Lang) => { const i = eldIndex(l); return i < 0 ? 0 : eldAll[i]; };
  const useFranc = total > 0 && languages.some((l) => !ELD_LANGUAGES.includes(l));
  const franc = useFranc ? francScores(clean, languages) : {};
  let eldBest = 0;
  for (const l of languages) eldBest = Math.max(eldBest, eldOf(l));
  const scores: Scores = {};
  let scriptMismatch = 1;
  for (const l of languages) {
    let s = 0;
    if (useFranc) s += weights.franc * n * ((franc[l] ?? 0) - 1);
    s += weights.eld * n * (eldBest > 0 ? eldOf(l) / eldBest - 1 : 0);
    if (useModel) s += weights.model * (ll[MODEL_LANGS.indexOf(l)] - llBest);
    s -= weights.foreign * (letters.foreign[l] ?? 0);
    if (l === 'ru') s -= weights.apostrophe * letters.apostrophes;
    const script = SCRIPT[l] ?? 'Latn';
    const mismatch = letters.other + (script === 'Latn' ? letters.cyrillic : script === 'Cyrl' ? letters.latin : 0);
    s -= weights.script * mismatch;
    if (total) scriptMismatch = Math.min(scriptMismatch, mismatch / total);
    if (prior) s += weights.prior * Math.log((prior[l] ?? 0) + 0.05);
    scores[l] = s;
  }
  let outsider: Evidence['outsider'];
  let top = 0;
  for (let i = 1; i < eldAll.length; i++) if (eldAll[i] > eldAll[top]) top = i;
  if (eldAll[top] > 0 && !languages.includes(ELD_LANGUAGES[top])) outsider = { lang: ELD_LANGUAGES[top], ratio: eldBest / eldAll[top] };
  return { scores, words: tokens.length, letters: total, outsider, scriptMismatch: total ? scriptMismatch : 0 };
}

/** Softmax of log-scores: a probability per candidate. */
export function toProbabilities(scores: Scores): Scores {
  const entries = Object.entries(scores);
  const max = Math.max(...entries.map(([, v]) => v));
  const exps = entries.map(([l, v]) => [l, Math.exp(v - max)] as const);
  const sum = exps.reduce((a, [, v]) => a + v, 0);
  return Object.fromEntries(exps.map(([l, v]) => [l, v / sum]));
}
