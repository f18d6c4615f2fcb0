// Detection of one unit of text (a line, a sentence, a span): noise masked, evidence combined,
// and the answer kept honest: 'und' when nothing is language, and no candidate forced on text
// that is clearly in another language.
import { franc } from 'franc';
import type { Detection, Lang } from '../types.ts';
import { toBcp47 } from './codes.ts';
import { maskNoise, words } from './noise.ts';
import { gatherEvidence, toProbabilities, WEIGHTS, type Evidence } from './score.ts';
import { ELD_LANGUAGES, type Scores } from './engines.ts';

export interface DetectOptions {
  /** Candidate languages (BCP 47). Empty or absent: any language the models know. */
  languages?: Lang[];
  /** Language distribution of the surrounding document/paragraph, for very short units. */
  prior?: Partial<Record<Lang, number>>;
  /** Text clearly in a language outside the candidates: 'und' (default) or that language's code. */
  outside?: 'und' | 'code';
}

export interface ScoredDetection extends Detection {
  /** Probability per candidate (empty when nothing in the text is language). */
  probabilities: Scores;
  /** Set when the text is clearly in a language outside the candidates. */
  outsider?: Lang;
}


/** Below this many words a foreign-looking text is still given to the best candidate. */
const OUTSIDE_MIN_WORDS = 3;
/** Best candidate's eld score relative to the outsider's, below which the outsider is believed. */
const OUTSIDE_RATIO = 0.9;

export function detectScored(text: string, options: DetectOptions = {}, weights = WEIGHTS): ScoredDetection {
  // No candidates named: eld's 60 languages.
  const languages = options.languages?.length ? options.languages : ELD_LANGUAGES;
  const tokens = words(maskNoise(text));
  if (!tokens.length) return { lang: 'und', confidence: 0, probabilities: {} };
  const clean = tokens.join(' ');
  const evidence = gatherEvidence(tokens, languages, options.prior, weights);
  const probabilities = toProbabilities(evidence.scores);
  let best: Lang = languages[0];
  for (const l of languages) if (probabilities[l] > probabilities[best]) best = l;
  const outside = outsideLanguage(clean, languages, evidence);
  if (outside) {
    return { lang: options.outside === 'code' ? outside : 'und', confidence: 0, probabilities, outsider: outside };
  }
  return { lang: best, confidence: round(probabilities[best]), probabilities };
}

/**
 * The same detection with a prior from the surrounding text folded in, without scoring again: the
 * prior enters the log-linear score as an added term, so it multiplies the probabilities.
 */
export function withPrior(d: ScoredDetection, prior: Partial<Record<Lang, number>>, weights = WEIGHTS): ScoredDetection {
  if (d.outsider || !Object.keys(d.probabilities).length) return d;
  const raw: Scores = {};
  for (const [l, p] of Object.entries(d.probabilities)) raw[l] = Math.log(p) + weights.prior * Math.log((prior[l] ?? 0) + 0.05);
  const probabilities = toProbabilities(raw);
  let best = Object.keys(probabilities)[0];
  for (const l of Object.keys(probabilities)) if (probabilities[l] > probabilities[best]) best = l;
  return { lang: best, confidence: round(probabilities[best]), probabilities };
}

/** The unit's language as tandem's shared Detection. */
export function detect(text: string, options: DetectOptions = {}): Detection {
  const { lang, confidence } = detectScored(text, options);
  return { lang, confidence };
}

/**
 * The language outside the candidates that the text is clearly written in, if any. Either no
 * candidate writes most of its letters (Greek text, Cyrillic with only Latin candidates), or eld's
 * overall best is foreign and well ahead and franc, asked without restriction, agrees that it is no
 * candidate: two models agreeing keeps English text that eld alone calls Dutch in the set.
 */
function outsideLanguage(clean: string, languages: Lang[], evidence: Evidence): Lang | undefined {
  const unrestricted = () => toBcp47(franc(clean, { minLength: 1 }));
  if (evidence.scriptMismatch > 0.5) return evidence.outsider?.lang ?? unrestricted();
  const { outsider } = evidence;
  if (!outsider || evidence.words < OUTSIDE_MIN_WORDS || outsider.ratio >= OUTSIDE_RATIO) return undefined;
  const second = unrestricted();
  if (second === 'und' || languages.includes(second)) return undefined;
  return outsider.lang;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
