// Bilingual word lists for the lexical anchors: FreeDict dictionaries in dictd format, as Debian
// installs them (dict-freedict-eng-rus, dict-freedict-deu-fra, ...). They are optional: when the
// pair has none, alignment runs on length, numbers, names and cognates alone. Words are compared
// through Snowball stems so that inflected forms (апреля / апрель) meet.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Lang } from '../types.ts';

export interface Lexicon {
  /** Target-language stems a source word may translate to. */
  translate(word: string): readonly string[];
  /** The stem a target word is compared by. */
  targetStem(word: string): string | undefined;
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

/** A stemming function for a language; languages without a Snowball stemmer keep 5-letter prefixes. */
export function stemmerFor(lang: Lang): (word: string) => string {
  const name = SNOWBALL[lang.split('-')[0]];
  const stemmer = name ? snowball.newStemmer(name) : undefined;
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
    const stemSrc = stemmerFor(srcLang), stemTgt = stemmerFor(tgtLang);
    const map = new Map<string, Set<string>>();
    const addPair = (srcWords: string, tgtWords: string) => {
      const from = contentWords(srcWords);
      if (from.length !== 1) return; // multi-word headwords would make every part a false anchor
      const s = stemSrc(from[0]);
      for (const w of contentWords(tgtWords)) {
        let set = map.get(s);
        if (!set) map.set(s, (set = new Set()));
        set.add(stemTgt(w));
      }
    };
    for (const [head, translations] of readDictd(join(dir, `freedict-${s3}-${t3}`))) for (const tr of translations) addPair(head, tr);
    for (const [head, translations] of readDictd(join(dir, `freedict-${t3}-${s3}`))) for (const tr of translations) addPair(tr, head);
    if (map.size) {
      const frozen = new Map([...map].map(([k, v]) => [k, [...v]]));
      lexicon = {
        translate: (word) => frozen.get(stemSrc(word)) ?? [],
        targetStem: (word) => (word.length >= 3 ? stemTgt(word) : undefined),
        size: frozen.size,
      };
    }
  }
  loaded.set(key, lexicon);
  return lexicon;
}

const contentWords = (text: string) => (text.match(/[\p{L}\p{M}]{3,}/gu) ?? []);

/**
 * Reads a dictd database (.index + .dict.dz, or .dict) into [headword, translations[]] pairs. An
 * entry's first line is the headword; translations are the following unnumbered first line or the
 * numbered sense lines ("1. montagne, mont"); other lines are definitions in the source language.
 */
export function* readDictd(base: string): Generator<[string, string[]]> {
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
    const translations: string[] = [];
    entry.slice(1).forEach((text, k) => {
      const sense = /^\s*\d+\.\s*(.*)$/.exec(text);
      if (sense || (k === 0 && text.trim())) {
        for (const item of (sense ? sense[1] : text).replace(/\s\d+\.\s*$/, '').split(/[,;]/)) {
          const trimmed = item.trim();
          if (trimmed && trimmed.split(/\s+/).length <= 3) translations.push(trimmed);
        }
      }
    });
    if (translations.length) yield [head, translations];
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function b64(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 64 + B64.indexOf(ch);
  return n;
}
