// tandem's own short-text model: character 1- to 4-grams of words plus a word lexicon, per language,
// naive Bayes with add-k smoothing. franc and eld see too few n-grams in one or two words; a model
// of word shapes (endings such as -ого/-ага, -ться/-цца) and of the words themselves does better
// there. Built by scripts/train/lid.ts; loaded lazily (JSON.parse of ~1 MB).
import { readFileSync } from 'node:fs';
import type { Lang } from '../types.ts';

export const MODEL_LANGS = ['en', 'ru', 'uk', 'be'];
const ORDER = 4;

export interface WordModel {
  langs: Lang[];
  /** Per n-gram: weighted count per language (in `langs` order). */
  grams: Record<string, number[]>;
  /** Total weighted count per order (index n-1) per language. */
  gramTotals: number[][];
  /** Distinct n-grams per order, for smoothing. */
  gramTypes: number[];
  words: Record<string, number[]>;
  wordTotals: number[];
}

function gramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const out: string[] = [];
  for (let n = 1; n <= ORDER; n++) for (let i = 0; i + n <= padded.length; i++) {
    const g = padded.slice(i, i + n);
    if (g !== ' ') out.push(g);
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Builds the model from word counts per language. Words are weighted 1 + ln(count) for n-grams. */
export function buildModel(counts: Record<Lang, Map<string, number>>): WordModel {
  const langs = Object.keys(counts);
  const grams: Record<string, number[]> = {};
  const words: Record<string, number[]> = {};
  const gramTotals = Array.from({ length: ORDER }, () => langs.map(() => 0));
  langs.forEach((lang, li) => {
    for (const [word, count] of [...counts[lang].entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      (words[word] ??= langs.map(() => 0))[li] += count;
      const weight = 1 + Math.log(count);
      for (const g of gramsOf(word)) {
        (grams[g] ??= langs.map(() => 0))[li] += weight;
        gramTotals[g.length - 1][li] += weight;
      }
    }
  });
  for (const g of Object.keys(grams)) grams[g] = grams[g].map(round);
  for (const w of Object.keys(words)) words[w] = words[w].map(round);
  const gramTypes = Array.from({ length: ORDER }, (_, n) => Object.keys(grams).filter((g) => g.length === n + 1).length);
  const wordTotals = langs.map((_, li) => Object.values(words).reduce((a, c) => a + c[li], 0));
  return { langs, grams, gramTotals: gramTotals.map((t) => t.map(round)), gramTypes, words, wordTotals: wordTotals.map(round) };
}

let loaded: WordModel | undefined;
export function loadModel(): WordModel {
  loaded ??= JSON.parse(readFileSync(new URL('./model/words.json', import.meta.url), 'utf8')) as WordModel;
  return loaded;
}

const GRAM_K = 0.5;
const WORD_K = 0.1;
/** How much the word lexicon counts next to the n-grams. */
const LEXICON_WEIGHT = 1;
const CACHE_LIMIT = 200_000;
const cache = new Map<string, Float64Array>();

/** Log-likelihood of one (lower-case) word per model language: n-gram term (averaged per 4 n-grams, so long words do not dominate) plus lexicon term. */
function wordScore(word: string, model: WordModel): Float64Array {
  const L = model.langs.length;
  const out = new Float64Array(L);
  const gs = gramsOf(word);
  for (const g of gs) {
    const c = model.grams[g];
    const n = g.length - 1;
    for (let l = 0; l < L; l++) out[l] += Math.log(((c?.[l] ?? 0) + GRAM_K) / (model.gramTotals[n][l] + GRAM_K * model.gramTypes[n]));
  }
  const wc = model.words[word];
  const scale = Math.max(1, gs.length / ORDER);
  for (let l = 0; l < L; l++) {
    out[l] = out[l] / scale + LEXICON_WEIGHT * Math.log(((wc?.[l] ?? 0) + WORD_K) / (model.wordTotals[l] + WORD_K * 1e5));
  }
  return out;
}

/** Log-likelihood of the words under each model language (in model.langs order), summed over words. */
export function wordLogLikelihoods(words: string[], model?: WordModel): number[] {
  const m = model ?? loadModel();
  const total = new Array<number>(m.langs.length).fill(0);
  for (const raw of words) {
    const word = raw.toLowerCase();
    let s = model ? undefined : cache.get(word);
    if (!s) {
      s = wordScore(word, m);
      if (!model) {
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(word, s);
      }
    }
    for (let l = 0; l < total.length; l++) total[l] += s[l];
  }
  return total;
}
