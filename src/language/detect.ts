// Detection of one unit of text (a line, a sentence, a span): noise masked, evidence combined,
// and the answer kept honest: 'und' when nothing is language, and no candidate forced on text
// that is clearly in another language.
import type { Detection, Lang } from '../types.ts';
import { SCRIPT, toBcp47, toIso3 } from './codes.ts';
import { partsOf, scanText, type Parts } from './scan.ts';
import { gatherEvidence, PRIOR_FLOOR, priorTerms, toProbabilities, WEIGHTS, type Evidence } from './score.ts';
import { ELD_LANGUAGES, eldIndex, francAll, francBest, type Scores } from './engines.ts';
import { knownShare, LEXICON_LANGS } from './lexicon.ts';
import { lettersNoCandidateHas } from './alphabet.ts';
import { sumVectors } from './wordmodel.ts';

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


/** Below this many words a foreign-looking text is still given to the best candidate. */
const OUTSIDE_MIN_WORDS = 3;
/** Best candidate's eld score relative to the outsider's, below which the outsider is believed. */
const OUTSIDE_RATIO = 0.9;
/** Own model's log-likelihood per word below which the text may be in no candidate language (see
 * the outside section of `npm run eval:lid`: our en/ru/uk/be sentences stay above it, 95% of them). */
const FIT_FLOOR = -30;
/**
 * The same floor for the fit of the words that are not capitalised (fitWithoutNames), which is higher
 * because those are mostly short function words, likely under any model: English sentences thick
 * with names fit at -23 to -32 (median -26), German and French ones (Text+Berg dev) at -45 to -27
 * (median -31.5, 90% below -30). At -28 no Text+Berg paragraph or sentence is let in that was kept
 * out before (`npm run eval:lid` unchanged) and every English one of the two name sets stays English.
 */
const COMMON_FIT_FLOOR = -28;
/** franc's score of the best candidate (its best language = 1) below which franc is believed. */
const FRANC_RATIO = 0.85;
/**
 * Words from which a unit that fits the candidates badly is believed to be in franc's foreign top
 * language whatever franc's ratio: franc's scores bunch up as text grows (a German or French text of
 * ten sentences gives English 0.83–0.95 of the top score, one sentence 0.36–0.79), while the
 * model's fit per word only gets steadier (English openings of ten sentences -25.8 to -27.9, German
 * and French below -30; see the outside section of `npm run eval:lid`).
 */
const LONG_WORDS = 24;
/** Share of Cyrillic words known to the ru/uk/be dictionaries below which the text is in another
 * Cyrillic language (see lexicon.ts knownShare: ru/uk/be sentences 0.86+, Bulgarian up to 0.75). */
const KNOWN_FLOOR = 0.7;

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

/**
 * The language outside the candidates that the text is clearly written in, if any. Either no
 * candidate writes most of its letters (Greek text, Cyrillic with only Latin candidates), or the
 * text fits the candidates badly and franc, asked without restriction, puts a foreign language
 * well ahead of every candidate. Two signals must agree, so English that franc calls Scots stays.
 */
function outsideLanguage(parts: Parts, languages: Lang[], evidence: Evidence): Lang | undefined {
  if (evidence.scriptMismatch > 0.5) return evidence.outsider?.lang ?? toBcp47(francBest(parts.tokens.join(' ')));
  if (evidence.words < OUTSIDE_MIN_WORDS) return undefined;
  if (evidence.cyrillicShare > 0.5) {
    // franc takes much ru/uk/be text for Bulgarian, Macedonian or Rusyn: in Cyrillic only letters
    // that no candidate's alphabet has (Serbian ј, Kazakh ә), or words that the ru/uk/be
    // dictionaries do not know (when those are the only Cyrillic candidates), are clear enough.
    // Letters foreign to each candidate but known to some (a Belarusian sentence quoting Russian) are no
    // such sign: that sentence came out Serbian, and its Belarusian document was refused.
    if ((evidence.minForeign < 2 || lettersNoCandidateHas(parts.tokens, languages) < 2) && !unknownCyrillic(parts, languages)) return undefined;
    const top = toBcp47(francBest(parts.tokens.join(' ')));
    return languages.includes(top) ? undefined : top;
  }
  if (evidence.fit !== undefined) {
    if (evidence.fit > FIT_FLOOR) return undefined;
    const common = fitWithoutNames(parts);
    if (common !== undefined && common > COMMON_FIT_FLOOR) return undefined;
  } else if (!evidence.outsider || evidence.outsider.ratio >= OUTSIDE_RATIO) return undefined;
  const ranked = francAll(parts.tokens.join(' '), { minLength: 1 });
  const top = toBcp47(ranked[0][0]);
  if (top === 'und' || languages.includes(top) || !widelyUsed(ranked[0][0])) return undefined;
  if (evidence.fit !== undefined && evidence.words >= LONG_WORDS) return evidence.outsider?.lang ?? top;
  const candidates = new Set(languages.map(toIso3));
  const bestCandidate = ranked.find(([code]) => candidates.has(code))?.[1] ?? 0;
  return bestCandidate < FRANC_RATIO ? (evidence.outsider?.lang ?? top) : undefined;
}

/** A word that starts with a capital: at a unit's start any word, elsewhere mostly a name. */
const CAPITALISED = /^\p{Lu}/u;
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


/**
 * The fit per word (see FIT_FLOOR) of the words that do not start with a capital, or undefined when
 * there are fewer than OUTSIDE_MIN_WORDS of them. Names say nothing of a text's language and no
 * model knows them: "Svetlana Tikhanovskaya met Alexander Lukashenko in Minsk on Sunday" fitted
 * English below the floor, and franc called it Swedish for "met", "in" and "on". German capitalises
 * its nouns but keeps enough lower-case words to be told.
 */
function fitWithoutNames(parts: Parts): number | undefined {
  const common: Float64Array[] = [];
  for (let i = 0; i < parts.vectors.length; i++) if (!CAPITALISED.test(parts.tokens[i])) common.push(parts.vectors[i]);
  if (common.length < OUTSIDE_MIN_WORDS) return undefined;
  let best = -Infinity;
  for (const v of sumVectors(common, common.length)) best = Math.max(best, v);
  return best / common.length;
}

/**
 * Whether franc's language (ISO 639-3) is one of eld's 60 widely used ones. franc knows some 400,
 * and for an English caption of Slavic names (Svetlana Tikhanovskaya met Lukashenko's envoy in
 * Minsk) its flat ranking puts Pampanga, Kiribati or Bikol first: such a top is names, not a
 * language. ICU's canonical form maps franc's codes that tandem's table lacks (pes, als) to eld's (fa, sq).
 */
function widelyUsed(iso3: string): boolean {
  if (eldIndex(toBcp47(iso3)) >= 0) return true;
  try { return eldIndex(Intl.getCanonicalLocales(iso3)[0]) >= 0; } catch { return false; }
}

/**
 * Whether Cyrillic text is in none of ru/uk/be by its words: most lower-case words unknown to all
 * three dictionaries (names are capitalised and not counted). Only when the Cyrillic candidates
 * are ru/uk/be, whose dictionaries the lexicon has, and no letter of theirs that Bulgarian lacks
 * is there (Belarusian in the classical spelling's rival, taraškievica, has ў and і).
 */
function unknownCyrillic(parts: Parts, languages: Lang[]): boolean {
  // A letter that ru/uk/be write and Bulgarian does not (ё ы э і ї є ґ ў, counted with the others):
  // the cheaper test first, since most ru/uk/be text has one.
  if (parts.letters.eastSlavic) return false;
  if (!languages.every((l) => SCRIPT[l] !== 'Cyrl' || (LEXICON_LANGS as readonly string[]).includes(l))) return false;
  const share = knownShare(parts.tokens);
  return share !== undefined && share < KNOWN_FLOOR;
}

/** A confidence as reported: three decimals. */
export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
