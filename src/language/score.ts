// Combines the evidence for each candidate language into one log-linear score: the models (tandem's
// own word model, eld, and franc for candidates eld does not know), the alphabet, and the prior from
// the surrounding text. Model evidence grows with the number of words, so a prior decides one-word
// units but cannot outvote a whole sentence.
import type { Lang } from '../types.ts';
import { SCRIPT } from './codes.ts';
import { ELD_LANGUAGES, eldIndex, eldScores, francScores } from './engines.ts';
import type { Parts } from './scan.ts';
import { perCandidateList } from './perlist.ts';
import { MODEL_LANGS, modelKnowsAll, sumVectors } from './wordmodel.ts';

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
/** How many of a unit's first words gatherEvidence reads the model scores of, with WEIGHTS. */
export const HEAD_WORDS = 4 * WEIGHTS.maxWords;

export interface Evidence {
  /** Log-score per candidate, in the candidate list's order, higher is better. */
  scores: number[];
  words: number;
  letters: number;
  /** eld's best language over all it knows, and the best candidate's eld score relative to it. */
  outsider?: { lang: Lang; ratio: number };
  /** Share of the letters that are Cyrillic. */
  cyrillicShare: number;
  /** Fewest letters that a candidate's alphabet lacks (Serbian ј with candidates ru/uk/be: 1+). */
  minForeign: number;
  /** Own model only: the best candidate's log-likelihood per word; low when no candidate fits. */
  fit?: number;
  /** Share of the letters that even the best-suited candidate does not write (0: none). */
  scriptMismatch: number;
}

/** What a candidate list needs, worked out once per list rather than once per unit. */
interface Plan {
  useModel: boolean; modelIndex: number[]; scripts: string[]; eldKnowsAll: boolean;
  /**
   * Where each candidate's foreign letters are in a tally (LetterTally.missing): at the last place
   * its language has in the list, as when they were kept by language and a later place overwrote an
   * earlier one. The same for the Cyrillic candidates.
   */
  missingAt: number[]; cyrillicAt: number[];
  /** Index of each language's first place in the list (one listed twice is one candidate). */
  firsts: number[];
}
const planFor = perCandidateList((languages): Plan => ({
  useModel: modelKnowsAll(languages),
  modelIndex: languages.map((l) => MODEL_LANGS.indexOf(l)),
  scripts: languages.map((l) => SCRIPT[l] ?? 'Latn'),
  missingAt: languages.map((l) => languages.lastIndexOf(l)),
  cyrillicAt: languages.filter((l) => SCRIPT[l] === 'Cyrl').map((l) => languages.lastIndexOf(l)),
  eldKnowsAll: languages.every((l) => ELD_LANGUAGES.includes(l)),
  firsts: languages.flatMap((l, k) => (languages.indexOf(l) === k ? [k] : [])),
}));

/**
 * The own model's sums of a unit's word scores, read before the next unit's: one array that every
 * call reuses, since two small typed arrays made per unit (scores and these sums) and their garbage
 * were a good part of weighing evidence.
 */
const llScratch = new Float64Array(MODEL_LANGS.length);

/**
 * Evidence for each candidate from a unit's words and letters (scan.ts). The scores leave out the
 * prior, so one unit's evidence serves every prior it is later weighed with (priorTerms).
 * `sections`, when given, are the parts the unit was joined from: its fit is then theirs.
 */
export function gatherEvidence(parts: Parts, languages: Lang[], weights: Weights = WEIGHTS, sections?: Parts[]): Evidence {
  const plan = planFor(languages);
  const { letters } = parts;
  const count = parts.tokens.length;
  const total = letters.latin + letters.cyrillic + letters.other;
  const n = Math.min(count, weights.maxWords);
  const headLength = Math.min(count, 4 * weights.maxWords);
  // The own model knows en/ru/uk/be, tandem's usual candidates, and is both the most accurate on
  // short text and the cheapest to load; eld (60 languages, ~1 s to load) speaks for other sets,
  // and franc for candidates that eld does not know either.
  const useModel = total > 0 && plan.useModel;
  const ll = useModel ? sumVectors(parts.vectors, headLength, llScratch) : undefined;
  let llBest = -Infinity;
  if (ll) for (const v of ll) llBest = Math.max(llBest, v);
  const useEld = total > 0 && !useModel;
  const eldAll = useEld ? eldScores(parts.tokens.slice(0, headLength)) : undefined;
  const useFranc = useEld && !plan.eldKnowsAll;
  const franc = useFranc ? francScores(parts.tokens.join(' '), languages) : undefined;
  let eldBest = 0;
  if (eldAll) for (const l of languages) eldBest = Math.max(eldBest, eldOf(eldAll, l));
  // Scores in an array, not an object keyed by language: a keyed store per candidate and unit, on
  // objects of many shapes, was megamorphic and among the detect stage's costliest lines. A plain
  // array of doubles, cheaper to make than a typed one.
  const scores: number[] = [];
  let scriptMismatch = 1;
  for (let k = 0; k < languages.length; k++) {
    const l = languages[k];
    let s = 0;
    if (ll) s += weights.model * (ll[plan.modelIndex[k]] - llBest);
    if (eldAll) s += weights.eld * n * (eldBest > 0 ? eldOf(eldAll, l) / eldBest - 1 : 0);
    if (franc) s += weights.franc * n * ((franc[l] ?? 0) - 1);
    s -= weights.foreign * letters.missing[plan.missingAt[k]];
    if (l === 'ru') s -= weights.apostrophe * letters.apostrophes;
    const script = plan.scripts[k];
    const mismatch = letters.other + (script === 'Latn' ? letters.cyrillic : script === 'Cyrl' ? letters.latin : 0);
    s -= weights.script * mismatch;
    if (total) scriptMismatch = Math.min(scriptMismatch, mismatch / total);
    scores.push(s);
  }
  let outsider: Evidence['outsider'];
  if (eldAll) {
    let top = 0;
    for (let i = 1; i < eldAll.length; i++) if (eldAll[i] > eldAll[top]) top = i;
    if (eldAll[top] > 0 && !languages.includes(ELD_LANGUAGES[top])) outsider = { lang: ELD_LANGUAGES[top], ratio: eldBest / eldAll[top] };
  }
  const fit = !ll || !headLength ? undefined : sections ? fitBySections(sections, headLength) : llBest / headLength;
  let minForeign = Infinity;
  for (let i = 0; i < plan.cyrillicAt.length; i++) minForeign = Math.min(minForeign, letters.missing[plan.cyrillicAt[i]]);
  return { scores, words: count, letters: total, outsider, fit, scriptMismatch: total ? scriptMismatch : 0,
    cyrillicShare: total ? letters.cyrillic / total : 0, minForeign };
}

/**
 * The best fit per word when the unit is read as consecutive sections (a document's sentences), each
 * fitting its own best candidate: an English article quoting a Russian tweet fits the candidates
 * although no one candidate fits both. Over the first `headLength` words, as the unit's own fit.
 */
function fitBySections(sections: Parts[], headLength: number): number {
  let sum = 0;
  let left = headLength;
  for (const s of sections) {
    const n = Math.min(left, s.vectors.length);
    if (!n) continue;
    const ll = sumVectors(s.vectors, n, llScratch);
    let best = -Infinity;
    for (const v of ll) best = Math.max(best, v);
    sum += best;
    left -= n;
    if (!left) break;
  }
  return sum / headLength;
}

function eldOf(eldAll: Float64Array, l: Lang): number {
  const i = eldIndex(l);
  return i < 0 ? 0 : eldAll[i];
}

/** Added to every prior share, so that a language the surrounding text lacks is unlikely, not ruled out. */
export const PRIOR_FLOOR = 0.05;

/**
 * The prior's summand of each candidate's log-linear score, in the candidate list's order; worked
 * out once per prior, not per unit.
 */
export function priorTerms(prior: Partial<Record<Lang, number>> | undefined, languages: Lang[], weights: Weights = WEIGHTS): number[] | undefined {
  if (!prior) return undefined;
  const terms: number[] = [];
  for (let k = 0; k < languages.length; k++) terms.push(weights.prior * Math.log((prior[languages[k]] ?? 0) + PRIOR_FLOOR));
  return terms;
}

/** Reused by every softmax: callers read it before the next one. */
let scratch = new Float64Array(8);

/**
 * Softmax of log-scores (gatherEvidence), a probability per candidate in the list's order; with the
 * prior's terms (priorTerms) added first. The prior comes last, as one more summand of the log-linear
 * score, so the result does not depend on when it is added. A language listed twice counts once and
 * gets the same probability in both places. The array is shared: read it before the next call.
 */
export function toProbabilities(scores: number[], languages: Lang[], terms?: number[]): Float64Array {
  const n = languages.length;
  if (scratch.length < n) scratch = new Float64Array(n);
  const out = scratch;
  const firsts = planFor(languages).firsts;
  let max = -Infinity;
  for (let i = 0; i < firsts.length; i++) {
    const k = firsts[i];
    max = Math.max(max, (out[k] = terms ? scores[k] + terms[k] : scores[k]));
  }
  let sum = 0;
  for (let i = 0; i < firsts.length; i++) sum += out[firsts[i]] = Math.exp(out[firsts[i]] - max);
  for (let i = 0; i < firsts.length; i++) out[firsts[i]] /= sum;
  if (firsts.length < n) for (let k = 0; k < n; k++) out[k] = out[languages.indexOf(languages[k])];
  return out;
}
