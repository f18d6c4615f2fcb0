// Bilingual word lists for the lexical anchors: FreeDict dictionaries in dictd format, as Debian
// installs them (dict-freedict-eng-rus, dict-freedict-deu-fra, ...). They are optional: when the
// pair has none, alignment runs on length, numbers, names and cognates alone. Words are compared
// through Snowball stems so that inflected forms (апреля / апрель) meet.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { stem as porter2 } from 'porter2';
import type { Lang } from '../types.ts';

export interface Lexicon {
  /** Target-language stems a source word may translate to. */
  translate(word: string): readonly string[];
  /** The stem a target word is compared by. */
  targetStem(word: string): string | undefined;
  /** The stems a target word is compared by, when it has several (a word reached through Russian: pivot.ts). */
  targetStems?(word: string): readonly string[];
  /** Called with each side's sentences before their words are looked up (pivot.ts looks them up in batches). */
  prepare?(texts: readonly string[], side: 'src' | 'tgt'): void;
  /** prepare() without blocking, for callers that can wait (the pipeline's align stage). */
  prepareAsync?(texts: readonly string[], side: 'src' | 'tgt'): Promise<void>;
  /** Number of source headword stems, for reports. */
  size: number;
}

type Stemmer = { stem(word: string): string };
const require = createRequire(import.meta.url);
// snowball-stemmers ships no type declarations; this is the whole surface we use.
const snowball = require('snowball-stemmers') as { newStemmer(name: string): Stemmer };

const SNOWBALL: Record<string, string> = { en: 'english', ru: 'russian', de: 'german', fr: 'french',
  es: 'spanish', it: 'italian', pt: 'portuguese', nl: 'dutch' };
const ISO3: Record<string, string> = { en: 'eng', ru: 'rus', de: 'deu', fr: 'fra', uk: 'ukr', be: 'bel',
  es: 'spa', it: 'ita', pt: 'por', nl: 'nld', pl: 'pol' };

/**
 * English goes through porter2, the same Porter2 algorithm as Snowball's English stemmer (equal
 * stems on the 159k words of the installed dictionaries, seeds and shared data, and on 600k
 * generated ones), because snowball-stemmers' transpiled English stemmer took ~45 µs a word warm
 * and more cold, most of a first pass over new words; porter2 takes ~1 µs.
 */
function stemmerOf(name: string | undefined): Stemmer | undefined {
  if (name === 'english') return { stem: porter2 };
  return name ? snowball.newStemmer(name) : undefined;
}

/** A stemming function for a language; languages without a Snowball stemmer keep 5-letter prefixes. */
export function stemmerFor(lang: Lang): (word: string) => string {
  const stemmer = stemmerOf(SNOWBALL[lang.split('-')[0]]);
  const cache = new Map<string, string>();
  return (word) => {
    const lower = word.toLowerCase().replace(/ё/g, 'е');
    let stem = cache.get(lower);
    if (stem === undefined) {
      stem = stemmer ? stemmer.stem(lower) : lower.slice(0, 5);
      cache.set(lower, stem);
    }
    return stem;
  };
}

export const DICT_DIR = process.env.TANDEM_DICT_DIR ?? '/usr/share/dictd';
const loaded = new Map<string, Lexicon | undefined>();

/** The FreeDict lexicon for a pair (either direction's file serves), or undefined when none is installed. */
export function loadLexicon(srcLang: Lang, tgtLang: Lang, dir: string = DICT_DIR): Lexicon | undefined {
  const key = `${dir}|${srcLang}|${tgtLang}`;
  if (loaded.has(key)) return loaded.get(key);
  const s3 = ISO3[srcLang.split('-')[0]], t3 = ISO3[tgtLang.split('-')[0]];
  let lexicon: Lexicon | undefined;
  if (s3 && t3 && s3 !== t3) {
    const sources = [`freedict-${s3}-${t3}`, `freedict-${t3}-${s3}`, 'mueller7'].map((b) => join(dir, b));
    const map = cachedMap(sources, `${s3}-${t3}`, () => compile(srcLang, tgtLang, s3, t3, sources));
    if (map.size) {
      const stemSrc = stemmerFor(srcLang), stemTgt = stemmerFor(tgtLang);
      lexicon = {
        translate: (word) => map.get(stemSrc(word)) ?? [],
        targetStem: (word) => (word.length >= 3 ? stemTgt(word) : undefined),
        size: map.size,
      };
    }
  }
  loaded.set(key, lexicon);
  return lexicon;
}

/** Source stem → target stems from every dictionary installed for the pair. */
function compile(srcLang: Lang, tgtLang: Lang, s3: string, t3: string, [forward, backward, mueller]: string[]): Map<string, string[]> {
  const stemSrc = stemmerFor(srcLang), stemTgt = stemmerFor(tgtLang);
  const map = new Map<string, Set<string>>();
  /** Per source stem, the target stems it is one of the first EARLY_SENSES senses of (see below). */
  const early = new Map<string, Set<string>>();
  const addPair = (srcWords: string, tgtWords: string, sense = 0) => {
    const from = contentWords(srcWords);
    if (from.length !== 1) return; // multi-word headwords would make every part a false anchor
    const s = stemSrc(from[0]);
    for (const w of contentWords(tgtWords)) {
      let set = map.get(s);
      if (!set) map.set(s, (set = new Set()));
      const t = stemTgt(w);
      set.add(t);
      if (sense < EARLY_SENSES) { let e = early.get(s); if (!e) early.set(s, (e = new Set())); e.add(t); }
    }
  };
  for (const [head, translations] of readDictd(forward)) for (const tr of translations) addPair(head, tr);
  for (const [head, translations] of readDictd(backward)) for (const tr of translations) addPair(tr, head);
  // Müller's English-Russian dictionary (Debian's mueller7-dict) is far larger than FreeDict's.
  const direction = s3 === 'eng' && t3 === 'rus' ? 'forward' : s3 === 'rus' && t3 === 'eng' ? 'backward' : undefined;
  if (direction) {
    for (const [head, translations] of readDictd(mueller, muellerTranslations)) {
      if (GRAMMAR_WORDS.has(head.toLowerCase())) continue;
      translations.forEach((tr, k) => (direction === 'forward' ? addPair(head, tr, k) : addPair(tr, head, k)));
    }
  }
  // Read backward, Müller makes every Russian word of an entry's senses a translation of its headword:
  // «для» (in «ящик для инструментов») of 1,228 English words, «воды» of 213. A Russian sentence then
  // shared anchors with most English ones, and a paragraph the translator moved was not found again
  // from Russian to English (it was from English). Such a word keeps only the headwords it is an
  // early sense of; one that is still that general is no anchor at all.
  for (const [k, set] of map) {
    if (set.size <= MAX_SENSES) continue;
    const kept = [...(early.get(k) ?? [])];
    if (kept.length && kept.length <= MAX_EARLY_SENSES) map.set(k, new Set(kept)); else map.delete(k);
  }
  return new Map([...map].map(([k, v]) => [k, [...v]]));
}

/** Target stems a source word may have before it is too general to anchor anything (English "run": 34). */
const MAX_SENSES = 60;
/**
 * Headwords a word may be an early sense of and still anchor: «част» (часть, часто) is one of 136,
 * "part", "portion", "often" among them; «для» is one of 442.
 */
const MAX_EARLY_SENSES = 150;
/** Senses of a Müller entry (its first Russian words) that count as early. */
const EARLY_SENSES = 2;

const CACHE_VERSION = 4;
/** Read at each use, so a test can point it at a folder of its own instead of the user's cache. */
const cacheDir = () => process.env.TANDEM_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'tandem');

/**
 * Compiling a dictionary means stemming ~10^5 words (seconds); the result is kept in the user's cache
 * directory, keyed by the dictionaries' sizes and dates, and rebuilt when they change.
 */
function cachedMap(sources: string[], pair: string, build: () => Map<string, string[]>): Map<string, string[]> {
  const stamp = JSON.stringify([CACHE_VERSION, ...sources.map((f) => [f, ...['.index', '.dict.dz'].map((ext) => {
    try { const st = statSync(f + ext); return `${st.size}:${st.mtimeMs}`; } catch { return '-'; }
  })])]);
  if (!stamp.includes(':')) return new Map(); // no dictionary installed for the pair
  // Named by the dictionaries' folder too: one cache file shared by two folders (a test fixture and
  // the system's) would be rebuilt, seconds each, every time the other one is used.
  const file = join(cacheDir(), `lexicon-${pair}-${createHash('sha1').update(dirname(sources[0])).digest('hex').slice(0, 8)}.json`);
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { stamp: string; entries: Array<[string, string[]]> };
    if (cached.stamp === stamp) return new Map(cached.entries);
  } catch { /* no cache yet, or unreadable: rebuild */ }
  const map = build();
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file + '.tmp', JSON.stringify({ stamp, entries: [...map] }));
    renameSync(file + '.tmp', file);
  } catch { /* a read-only home costs the next run the compile time, nothing else */ }
  return map;
}

const contentWords = (text: string) => (text.match(/[\p{L}\p{M}]{3,}/gu) ?? []);

/**
 * Reads a dictd database (.index + .dict.dz, or .dict) into [headword, translations[]] pairs. An
 * entry's first line is the headword; translations are the following unnumbered first line or the
 * numbered sense lines ("1. montagne, mont"); other lines are definitions in the source language.
 */
export function* readDictd(base: string, translationsOf: (lines: string[]) => string[] = freedictTranslations): Generator<[string, string[]]> {
  const dz = base + '.dict.dz', plain = base + '.dict';
  if (!existsSync(base + '.index') || (!existsSync(dz) && !existsSync(plain))) return;
  let body: Buffer;
  try {
    body = existsSync(dz) ? gunzipSync(readFileSync(dz)) : readFileSync(plain);
  } catch {
    return; // a damaged dictionary costs the lexical anchors only, never the alignment
  }
  for (const line of readFileSync(base + '.index', 'utf8').split('\n')) {
    const [head, offset, length] = line.split('\t');
    if (!head || !length || head.startsWith('00')) continue;
    const entry = body.subarray(b64(offset), b64(offset) + b64(length)).toString('utf8').split('\n');
    const translations = translationsOf(entry.slice(1));
    if (translations.length) yield [head, translations];
  }
}

function freedictTranslations(lines: string[]): string[] {
  const translations: string[] = [];
  lines.forEach((text, k) => {
    const sense = /^\s*\d+\.\s*(.*)$/.exec(text);
    if (sense || (k === 0 && text.trim())) {
      for (const item of (sense ? sense[1] : text).replace(/\s\d+\.\s*$/, '').split(/[,;]/)) {
        const trimmed = item.trim();
        if (trimmed && trimmed.split(/\s+/).length <= 3) translations.push(trimmed);
      }
    }
  });
  return translations;
}

/**
 * English words whose Müller entries describe their grammar instead of translating them (the: «полная
 * форма… определённый артикль… для выделения»): their "translations" were anchors that paired a
 * sentence left out of the translation with an unrelated one added to it ("the" ~ «для»).
 */
const GRAMMAR_WORDS = new Set(['the', 'a', 'an', 'of', 'to', 'and', 'or', 'but', 'is', 'are', 'was', 'were', 'be', 'been',
  'am', 'it', 'its', 'that', 'this', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'as', 'than', 'so', 'not', 'do',
  'does', 'did', 'have', 'has', 'had', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must']);

/**
 * Müller entries mix senses, usage labels (_n., _уст.) and English examples with their Russian
 * renderings; the Russian words of the first senses are what a translation most likely contains.
 */
function muellerTranslations(lines: string[]): string[] {
  const words: string[] = [];
  for (const line of lines) {
    for (const w of line.replace(/_\S+/g, ' ').match(/[а-яё]{3,}/giu) ?? []) {
      if (!words.includes(w)) words.push(w);
      if (words.length >= 12) return words;
    }
  }
  return words;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function b64(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 64 + B64.indexOf(ch);
  return n;
}
