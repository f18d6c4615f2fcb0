// The statistical models the detector listens to besides its own (wordmodel.ts): eld (byte 4-grams
// from large corpora, 60 languages) and franc (300 trigrams a language, 400 languages). eld is asked
// word by word and its answers are cached: running text repeats its words (Zipf), so a document
// costs one eld call per distinct word, and detect() on a line stays cheaper than franc on it.
// eld's tables cost ~0.5 s to load, so they load on first use, through require(esm), which keeps
// detect() synchronous for its callers.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../types.ts';
import { toBcp47, toIso3 } from './codes.ts';

export type Scores = Record<Lang, number>;

type FrancAll = (text: string, options?: { only?: string[]; minLength?: number }) => Array<[string, number]>;
let francAllFn: FrancAll | undefined;

/** franc, loaded on first use: `tandem detect` with en/ru/uk/be rarely needs it. */
export function francAll(text: string, options?: { only?: string[]; minLength?: number }): Array<[string, number]> {
  francAllFn ??= (createRequire(import.meta.url)(fileURLToPath(import.meta.resolve('franc'))) as { francAll: FrancAll }).francAll;
  return francAllFn(text, options);
}

/** franc's best language (ISO 639-3 or 'und'), unrestricted. */
export function francBest(text: string): string {
  return francAll(text, { minLength: 1 })[0]?.[0] ?? 'und';
}

/** franc's scores (best = 1, others relative) for each candidate. */
export function francScores(text: string, languages: Lang[]): Scores {
  const only = languages.length ? languages.map(toIso3) : undefined;
  const out: Scores = {};
  for (const [code, score] of francAll(text, { only, minLength: 1 })) {
    if (code !== 'und') out[toBcp47(code)] = score;
  }
  return out;
}

interface EldResult { language: string; getScores(): Record<string, number> }
interface Eld { detect(text: string): EldResult }
let eld: Eld | undefined;

function loadEld(): Eld {
  // 'small' measured as accurate as 'medium'/'large' on our short-text sets at a third of the load time.
  // A private instance: another module's setLanguageSubset() on the shared one must not blind ours.
  // eld exports only an 'import' condition, so resolve as ESM and require the file itself.
  eld ??= (createRequire(import.meta.url)(fileURLToPath(import.meta.resolve('eld/small'))) as { eld: { newInstance(): Eld } }).eld.newInstance();
  return eld;
}

/** The languages eld knows (ISO 639-1, which are their BCP 47 tags). */
export const ELD_LANGUAGES = ('am ar az be bg bn ca cs da de el en es et eu fa fi fr gu he hi hr hu hy is it ja ka kn ko ' +
  'ku lo lt lv ml mr ms nl no or pa pl pt ro ru sk sl sq sr sv ta te th tl tr uk ur vi yo zh').split(' ');

const CACHE_LIMIT = 200_000;
const wordCache = new Map<string, Float64Array>();
const ELD_INDEX = new Map(ELD_LANGUAGES.map((l, i) => [l, i]));

/** eld's mean n-gram score per language (ELD_LANGUAGES order) for one word. */
function eldWord(word: string): Float64Array {
  let cached = wordCache.get(word);
  if (cached) return cached;
  cached = new Float64Array(ELD_LANGUAGES.length);
  // eld shows s = m / (m + 25) for a mean score m; the inverse gives back a linear scale.
  for (const [lang, s] of Object.entries(loadEld().detect(word).getScores())) {
    const i = ELD_INDEX.get(lang);
    if (i !== undefined) cached[i] = s < 1 ? (25 * s) / (1 - s) : 1e6;
  }
  if (wordCache.size >= CACHE_LIMIT) wordCache.clear();
  wordCache.set(word, cached);
  return cached;
}

/** eld's scores for a text as the mean of its words' scores, per language in ELD_LANGUAGES order. */
export function eldScores(words: string[]): Float64Array {
  const sum = new Float64Array(ELD_LANGUAGES.length);
  for (const w of words) {
    const s = eldWord(w.toLowerCase());
    for (let i = 0; i < sum.length; i++) sum[i] += s[i];
  }
  if (words.length) for (let i = 0; i < sum.length; i++) sum[i] /= words.length;
  return sum;
}

/** Index of a language in eldScores' result, or -1 when eld does not know it. */
export function eldIndex(lang: Lang): number {
  return ELD_INDEX.get(lang) ?? -1;
}
