// tandem's own short-text model: character 1- to 4-grams of words plus a word lexicon, per language,
// naive Bayes with add-k smoothing. franc and eld see too few n-grams in one or two words; a model
// of word shapes (endings such as -ого/-ага, -ться/-цца) and of the words themselves does better
// there. Built by scripts/train/lid.ts; loaded lazily (JSON.parse of ~1 MB).
import { readFileSync } from 'node:fs';
import type { Lang } from '../types.ts';
import { SCRIPT } from './codes.ts';
import { clearValues, HASH_SEED, mix } from './intern.ts';
import { findHashedKey, findKey, keyTable, type KeyTable } from './keytable.ts';
import { hasLexicon, LEXICON_LANGS, lexiconMask } from './lexicon.ts';
import { perCandidateList } from './perlist.ts';

export const MODEL_LANGS = ['en', 'ru', 'uk', 'be'];

/** Whether the own model knows every candidate (then it speaks for the list; see score.ts). */
export const modelKnowsAll = perCandidateList((languages) => languages.every((l) => MODEL_LANGS.includes(l)));
const ORDER = 4;

/** The model file: counts in flat arrays, which JSON.parse reads far faster than 80k small arrays. */
export interface WordModel {
  langs: Lang[];
  /** N-grams, '\n'-separated; counts per language follow in `gramCounts`, langs.length per n-gram. */
  gramKeys: string;
  gramCounts: number[];
  /** Total weighted count per order (index n-1) per language. */
  gramTotals: number[][];
  /** Distinct n-grams per order, for smoothing. */
  gramTypes: number[];
  wordKeys: string;
  wordCounts: number[];
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
  const gramTypes = Array.from({ length: ORDER }, (_, n) => Object.keys(grams).filter((g) => g.length === n + 1).length);
  const wordTotals = langs.map((_, li) => Object.values(words).reduce((a, c) => a + c[li], 0));
  const gramKeys = Object.keys(grams).sort();
  const wordKeys = Object.keys(words).sort();
  return {
    langs, gramKeys: gramKeys.join('\n'), gramCounts: gramKeys.flatMap((g) => grams[g].map(round)),
    gramTotals: gramTotals.map((t) => t.map(round)), gramTypes,
    wordKeys: wordKeys.join('\n'), wordCounts: wordKeys.flatMap((w) => words[w].map(round)), wordTotals: wordTotals.map(round),
  };
}

/** Smoothing and mixing, tuned on data/lid/tune (scripts/eval/lid.ts --tune-model). */
export const MODEL_PARAMS = {
  /** Add-k smoothing of n-gram counts. */
  gramK: 0.02,
  /** Add-k smoothing of word counts. */
  wordK: 0.001,
  /** How much the word lexicon counts next to the n-grams. */
  lexicon: 0.25,
  /** The n-gram term is divided by (n-grams / 4) ** norm: 1 averages per four n-grams, 0 sums. */
  norm: 1,
  /** Log-prior per language (MODEL_LANGS order), against the bias from unequal training sizes. */
  bias: [0, -0.5, -1, -1],
  /** Per Cyrillic language whose Hunspell lexicon lacks a word that another one has (lexicon.ts). */
  hunspell: 4,
};

/** Each model language's bit in lexiconMask(), 0 for languages without a lexicon (en). */
const LEXICON_BIT = MODEL_LANGS.map((l) => { const i = LEXICON_LANGS.indexOf(l as never); return i < 0 ? 0 : 1 << i; });
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Forgets cached word scores (after MODEL_PARAMS changed). */
export function resetModelCache(): void {
  cache.clear();
  clearValues();
  loaded = undefined;
}

/**
 * The model ready for lookups. The n-gram table (rows and log-probabilities) is built at load,
 * some 30 ms more start-up, because a new word's n-grams were otherwise looked up by binary search
 * and their logarithms taken one by one. N-grams and words are found by hash (keytable.ts), without
 * a string made for each n-gram. Word scores are cached.
 */
interface Scorer {
  langs: Lang[];
  /** Sorted n-gram keys; a key's index is its row. */
  grams: KeyTable;
  /** Smoothed log-probability per n-gram row per language, then per order for an unseen n-gram. */
  gramLogs: Float64Array;
  words: KeyTable;
  wordCounts: Float64Array;
  wordDenom: Float64Array;
}

function compile(model: WordModel): Scorer {
  const L = model.langs.length;
  const gramKeys = model.gramKeys.split('\n');
  const denom = model.gramTotals.map((t, n) => Float64Array.from(t, (total) => total + MODEL_PARAMS.gramK * model.gramTypes[n]));
  const gramLogs = new Float64Array((gramKeys.length + ORDER) * L);
  for (let row = 0; row < gramKeys.length; row++) {
    const d = denom[gramKeys[row].length - 1];
    for (let l = 0; l < L; l++) gramLogs[row * L + l] = Math.log((model.gramCounts[row * L + l] + MODEL_PARAMS.gramK) / d[l]);
  }
  for (let n = 1; n <= ORDER; n++) {
    for (let l = 0; l < L; l++) gramLogs[(gramKeys.length + n - 1) * L + l] = Math.log((0 + MODEL_PARAMS.gramK) / denom[n - 1][l]);
  }
  return {
    langs: model.langs,
    grams: keyTable(gramKeys),
    gramLogs,
    words: keyTable(model.wordKeys.split('\n')),
    wordCounts: Float64Array.from(model.wordCounts),
    wordDenom: Float64Array.from({ length: L }, (_, l) => model.wordTotals[l] + MODEL_PARAMS.wordK * 1e5),
  };
}

let loaded: Scorer | undefined;
function scorer(): Scorer {
  if (!loaded) {
    loaded = compile(JSON.parse(readFileSync(new URL('../../src/language/model/words.json', import.meta.url), 'utf8')) as WordModel);
    // The dictionaries belong to the model: read with it at start-up, not at the first Cyrillic word
    // of a batch, where their 30-50 ms landed in the middle of a document's detection.
    hasLexicon();
  }
  return loaded;
}

const CACHE_LIMIT = 200_000;
const cache = new Map<string, Float64Array>();

/**
 * Log-likelihood of one lower-case word per model language: the n-gram term, averaged per four
 * n-grams so that long words do not dominate, plus the lexicon term.
 */
function wordScore(word: string, m: Scorer): Float64Array {
  const L = m.langs.length;
  const out = new Float64Array(L);
  const padded = ` ${word} `;
  const hashes = gramHashes(padded);
  const length = padded.length;
  let count = 0;
  for (let n = 1; n <= ORDER; n++) for (let i = 0; i + n <= length; i++) {
    if (n === 1 && padded.charCodeAt(i) === 32) continue;
    const found = findHashedKey(m.grams, padded, i, i + n, hashes[(n - 1) * length + i]);
    const row = found < 0 ? m.grams.keys.length + n - 1 : found;
    for (let l = 0; l < L; l++) out[l] += m.gramLogs[row * L + l];
    count++;
  }
  const row = findKey(m.words, word, 0, word.length);
  const scale = Math.max(1, count / ORDER) ** MODEL_PARAMS.norm;
  for (let l = 0; l < L; l++) {
    const lex = Math.log(((row < 0 ? 0 : m.wordCounts[row * L + l]) + MODEL_PARAMS.wordK) / m.wordDenom[l]);
    out[l] = out[l] / scale + MODEL_PARAMS.lexicon * lex + MODEL_PARAMS.bias[l];
  }
  // Dictionary membership: a form that some of ru/uk/be have counts against the others. A form
  // none of them has (a name, a typo, no lexicon installed) leaves the n-grams to decide.
  const cyrillic = CYRILLIC.test(word);
  if (MODEL_PARAMS.hunspell && cyrillic) {
    const mask = lexiconMask(word);
    if (mask > 0) for (let l = 0; l < L; l++) if (LEXICON_BIT[l] && !(mask & LEXICON_BIT[l])) out[l] -= MODEL_PARAMS.hunspell;
  }
  if (!cyrillic) levelCyrillic(out, m.langs);
  return out;
}

/**
 * A word in another script says nothing about which Cyrillic language a text is in, but the n-grams'
 * smoothing does: every Latin word scored 3-5 nats higher as Ukrainian than as Russian, so that
 * "He said: it is time. Тихановской позвонил Лукашенко." came out Ukrainian (0.85), and so did a
 * Russian sentence with enough Latin names. The Cyrillic languages share their mean on such a word.
 */
function levelCyrillic(out: Float64Array, langs: Lang[]): void {
  let sum = 0, n = 0;
  for (let l = 0; l < langs.length; l++) if (SCRIPT[langs[l]] === 'Cyrl') { sum += out[l]; n++; }
  if (n > 1) for (let l = 0; l < langs.length; l++) if (SCRIPT[langs[l]] === 'Cyrl') out[l] = sum / n;
}

/** gramHashes' result, reused by every word (wordScore reads it before the next one). */
let gramScratch = new Int32Array(ORDER * 32);

/**
 * The hash (keytable.ts, intern.ts hashOf) of each n-gram of `padded`, that of padded[i, i + n) at
 * (n - 1) * padded.length + i. FNV-1a reads a text in order, so the hash of each n-gram extends that
 * of the (n - 1)-gram starting where it does: four steps per position, where hashing every n-gram
 * anew took ten, and the n-gram lookups were most of the cost of a word seen for the first time.
 */
function gramHashes(padded: string): Int32Array {
  const length = padded.length;
  if (gramScratch.length < ORDER * length) gramScratch = new Int32Array(ORDER * length * 2);
  const out = gramScratch;
  for (let i = 0; i < length; i++) {
    let h = HASH_SEED | 0;
    for (let n = 1; n <= ORDER && i + n <= length; n++) {
      h = mix(h, padded.charCodeAt(i + n - 1));
      out[(n - 1) * length + i] = h;
    }
  }
  return out;
}

/**
 * One word's log-likelihood per model language (MODEL_LANGS order). Cached under the word as
 * written too, so running text pays its lower-casing once per distinct form, not once per word.
 */
export function wordVector(raw: string): Float64Array {
  let s = cache.get(raw);
  if (!s) {
    const word = raw.toLowerCase();
    s = (word !== raw && cache.get(word)) || wordScore(word, scorer());
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, s);
  }
  return s;
}

/**
 * Whether the model's word list has the lower-case `word` in language `lang` (one of MODEL_LANGS).
 * For English, which has no Hunspell lexicon here, this list (CLDR's everyday words and our own
 * common and function words, some 5,000) is the only dictionary: it knows most short words of an
 * English sentence and few of a German or French one.
 */
export function modelHasWord(word: string, lang: Lang): boolean {
  const m = scorer();
  const l = m.langs.indexOf(lang);
  const row = findKey(m.words, word, 0, word.length);
  return l >= 0 && row >= 0 && m.wordCounts[row * m.langs.length + l] > 0;
}

/** Log-likelihood of the words under each model language (MODEL_LANGS order), summed over words. */
export function wordLogLikelihoods(words: string[]): Float64Array {
  return sumVectors(words.map(wordVector), words.length);
}

/** The first `count` vectors (or all there are) summed, in order; into `total` when given (reused by a caller). */
export function sumVectors(vectors: Float64Array[], count: number, total = new Float64Array(MODEL_LANGS.length)): Float64Array {
  const n = Math.min(count, vectors.length);
  if (total.length === 4) return sumFour(vectors, n, total);
  total.fill(0);
  for (let i = 0; i < n; i++) {
    const s = vectors[i];
    for (let l = 0; l < total.length; l++) total[l] += s[l];
  }
  return total;
}

/**
 * sumVectors for four model languages (MODEL_LANGS), each sum in a variable of its own: the same
 * additions in the same order, but kept in registers, where the loop over the languages stored each
 * sum back into the array and read it again per word; a third of the time the general loop took.
 */
function sumFour(vectors: Float64Array[], n: number, total: Float64Array): Float64Array {
  let a = 0, b = 0, c = 0, d = 0;
  for (let i = 0; i < n; i++) {
    const s = vectors[i];
    a += s[0]; b += s[1]; c += s[2]; d += s[3];
  }
  total[0] = a; total[1] = b; total[2] = c; total[3] = d;
  return total;
}
