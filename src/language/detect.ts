// Detection of one unit of text (a line, a sentence, a span): noise masked, evidence combined,
// and the answer kept honest: 'und' when nothing is language, and no candidate forced on text
// that is clearly in another language.
import type { Detection, Lang } from '../types.ts';
import { partsOf, scanText, type Parts } from './scan.ts';
import { gatherEvidence, PRIOR_FLOOR, priorTerms, toProbabilities, WEIGHTS, type Evidence } from './score.ts';
import { ELD_LANGUAGES, type Scores } from './engines.ts';
import { CAPITALISED, outsideLanguage } from './outside.ts';

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
  /** Number of words (letter runs outside noise) the decision rests on. */
  words: number;
}



export function detectScored(text: string, options: DetectOptions = {}, weights = WEIGHTS): ScoredDetection {
  const languages = candidatesOf(options);
  return decide(judge(scanText(text, languages), languages, weights), options, weights);
}

/** No candidates named: eld's 60 languages. */
export function candidatesOf(options: DetectOptions): Lang[] {
  return options.languages?.length ? options.languages : ELD_LANGUAGES;
}

/**
 * A unit's evidence weighed once: what every detection of it needs, whatever prior it is given
 * later (a paragraph is detected with the job's prior, then with the document's). Undefined when
 * nothing in the unit is language. `sections`: see gatherEvidence.
 */
export interface Verdict {
  languages: Lang[];
  evidence: Evidence;
  /** The language outside the candidates that the unit is clearly written in, if any. */
  outsider?: Lang;
}

export function judge(parts: Parts, languages: Lang[], weights = WEIGHTS, sections?: Parts[]): Verdict | undefined {
  if (!parts.tokens.length) return undefined;
  const evidence = gatherEvidence(withoutForeignNames(parts, languages), languages, weights, sections);
  return { languages, evidence, outsider: outsideLanguage(parts, languages, evidence) };
}

/**
 * The detection of a judged unit under a prior (options.prior). `terms`: the prior's terms
 * (priorTerms), when the caller weighs many units with one prior.
 */
export function decide(verdict: Verdict | undefined, options: DetectOptions = {}, weights = WEIGHTS,
  terms = verdict && priorTerms(options.prior, verdict.languages, weights)): ScoredDetection {
  if (!verdict) return { lang: 'und', confidence: 0, probabilities: {}, words: 0 };
  const { languages, evidence, outsider } = verdict;
  const p = toProbabilities(evidence.scores, languages, terms);
  const probabilities: Scores = {};
  for (let k = 0; k < languages.length; k++) probabilities[languages[k]] = p[k];
  if (outsider) return { lang: outsiderLang(outsider, options), confidence: 0, probabilities, outsider, words: evidence.words };
  const best = mostProbable(p, languages.length);
  return { lang: languages[best], confidence: round(p[best]), probabilities, words: evidence.words };
}

/**
 * Only the language and confidence that decide() gives, for callers that keep nothing else (the
 * pipeline's sentences): no object of probabilities is built per unit. `terms`: see decide.
 */
export function decideLanguage(verdict: Verdict | undefined, options: DetectOptions, terms: number[] | undefined): Detection {
  if (!verdict) return { lang: 'und', confidence: 0 };
  if (verdict.outsider) return { lang: outsiderLang(verdict.outsider, options), confidence: 0 };
  const { languages } = verdict;
  const p = toProbabilities(verdict.evidence.scores, languages, terms);
  const best = mostProbable(p, languages.length);
  return { lang: languages[best], confidence: round(p[best]) };
}

/** The language decide() gives a judged unit, whose probabilities (toProbabilities) are `p`. */
export function decidedLanguage(verdict: Verdict, options: DetectOptions, p: Float64Array): Lang {
  return verdict.outsider ? outsiderLang(verdict.outsider, options) : verdict.languages[mostProbable(p, verdict.languages.length)];
}

/** What a unit in a language outside the candidates is reported as (DetectOptions.outside). */
function outsiderLang(outsider: Lang, options: DetectOptions): Lang {
  return options.outside === 'code' ? outsider : 'und';
}

/** Index of the most probable of the first `n` candidates (the first of equals). */
function mostProbable(p: Float64Array, n: number): number {
  let best = 0;
  for (let k = 1; k < n; k++) if (p[k] > p[best]) best = k;
  return best;
}

/**
 * The same detection with a prior from the surrounding text folded in, without scoring again: the
 * prior enters the log-linear score as an added term, so it multiplies the probabilities.
 */
export function withPrior(d: ScoredDetection, prior: Partial<Record<Lang, number>>, weights = WEIGHTS): ScoredDetection {
  if (d.outsider || !Object.keys(d.probabilities).length) return d;
  // p * (prior + PRIOR_FLOOR)^w, renormalised: the same as adding the prior's term (priorTerms) to the log-scores.
  const probabilities: Scores = {};
  let sum = 0;
  let best = '';
  for (const l in d.probabilities) {
    const v = d.probabilities[l] * Math.pow((prior[l] ?? 0) + PRIOR_FLOOR, weights.prior);
    probabilities[l] = v;
    sum += v;
    if (!best || v > probabilities[best]) best = l;
  }
  for (const l in probabilities) probabilities[l] /= sum;
  return { lang: best, confidence: round(probabilities[best]), probabilities, words: d.words };
}

/** The unit's language as tandem's shared Detection. */
export function detect(text: string, options: DetectOptions = {}): Detection {
  const { lang, confidence } = detectScored(text, options);
  return { lang, confidence };
}

const CYRILLIC_WORD = /^\p{Script=Cyrillic}/u;

/**
 * A unit in two scripts whose words in one of them are all capitalised and none first is read without
 * them: those are names ("Фото: Reuters", "Photo: Катерина Гордеева"), and their letters outweighed
 * the one word of the unit's own language (a Russian caption came out English). A script with a
 * lowercase word, or the unit's first word, is language and stays.
 */
function withoutForeignNames(parts: Parts, languages: Lang[]): Parts {
  const { letters, tokens } = parts;
  if (!letters.latin || !letters.cyrillic) return parts;
  const cyrillic = tokens.map((w) => CYRILLIC_WORD.test(w));
  const onlyNames = (script: boolean) => {
    let any = false;
    for (let i = 0; i < tokens.length; i++) {
      if (cyrillic[i] !== script) continue;
      if (i === 0 || !CAPITALISED.test(tokens[i])) return false;
      any = true;
    }
    return any;
  };
  const dropLatin = onlyNames(false), dropCyrillic = onlyNames(true);
  if (dropLatin === dropCyrillic) return parts;
  const kept = tokens.filter((_, i) => cyrillic[i] !== dropCyrillic);
  return partsOf(kept.join(' '), kept, languages);
}


/** A confidence as reported: three decimals. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
