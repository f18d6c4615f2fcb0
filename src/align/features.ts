// Turns a sentence into what the aligner compares: its length in characters and a sorted set of
// integer "anchor" ids that a translation is likely to share. Anchors are numbers, URLs and handles,
// question/exclamation marks and quotes, cognate keys (romanised, folded 4-letter word prefixes:
// Lukashenko ~ Лукашенко, Himalaya ~ himalayens), glossary entries and dictionary translations.
import { nameKey } from '../glossary/index.ts';
import type { Lang } from '../types.ts';
import type { Lexicon } from './lexicon.ts';

/** One side's sentence as the dynamic programme sees it. */
export interface Unit {
  /** Length in characters (whitespace runs count once). */
  len: number;
  /** Sorted, unique anchor ids. */
  ids: Int32Array;
  /** Number of ids that count towards the similarity's denominator (not dictionary expansions). */
  keys: number;
}

/** Interns anchor strings as small integers shared by both sides of one alignment. */
export class Vocabulary {
  private readonly map = new Map<string, number>();
  id(key: string): number {
    let id = this.map.get(key);
    if (id === undefined) { id = this.map.size; this.map.set(key, id); }
    return id;
  }
  get size(): number { return this.map.size; }

  private readonly wordIds = new Map<WordKeys, Int32Array>();
  /** A word's key ids, [counted or -1, ...expansions]: interned once per word and alignment, not per occurrence. */
  idsOfWord(keys: WordKeys): Int32Array {
    let ids = this.wordIds.get(keys);
    if (!ids) {
      ids = new Int32Array(1 + keys.expansions.length);
      ids[0] = keys.counted ? this.id(keys.counted) : -1;
      keys.expansions.forEach((key, k) => { ids![k + 1] = this.id(key); });
      this.wordIds.set(keys, ids);
    }
    return ids;
  }

  private seen = new Int32Array(1024);
  private unit = 0;
  /** Starts a unit's id set: ids marked for earlier units count as unseen again. */
  startUnit(): void { this.unit++; }
  /** Marks an id for the current unit; true the first time. */
  markNew(id: number): boolean {
    if (id >= this.seen.length) { const grown = new Int32Array(Math.max(2 * this.seen.length, id + 1)); grown.set(this.seen); this.seen = grown; }
    if (this.seen[id] === this.unit) return false;
    this.seen[id] = this.unit;
    return true;
  }
}

export interface FeatureOptions {
  lang: Lang;
  /** Which side of the pair the text is on: dictionary lookups go from 'src' words to 'tgt' stems. */
  side: 'src' | 'tgt';
  lexicon?: Lexicon;
  /** Glossary entry ids found in the sentence (from the glossary matcher). */
  glossaryEntries?: string[];
}

const WORD = /[\p{L}\p{M}]+(?:['’][\p{L}]+)?|\p{N}+(?:[.,:]\p{N}+)*/gu;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"«»]+|[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w@])[@#][\p{L}\p{N}_]{2,}/gu;
const DIGIT_GROUP = /(\d)[\s\u00a0\u202f'’](?=\d{3}(?!\d))/g;
const QUOTES = /["«»“”„‟]/;

export function sentenceUnit(text: string, vocab: Vocabulary, options: FeatureOptions): Unit {
  const ids: number[] = [];
  let keys = 0;
  vocab.startUnit();
  const addId = (id: number, counts: boolean) => {
    if (vocab.markNew(id)) { ids.push(id); if (counts) keys++; }
  };
  const add = (key: string, counts = true) => addId(vocab.id(key), counts);
  let links = 0;
  for (const m of text.matchAll(URL)) { add('u:' + m[0].replace(/[.,;:!?)]+$/, '').toLowerCase()); links++; }
  // Most sentences have no link: the URL pattern is not run over them a second time.
  const plain = (links ? text.replace(URL, ' ') : text).replace(DIGIT_GROUP, '$1');
  const cache = wordKeyCache(options);
  for (const m of plain.matchAll(WORD)) {
    const word = m[0];
    let keys = cache.get(word);
    if (keys === undefined) {
      keys = wordKeys(word, options);
      if (cache.size > 200_000) cache.clear();
      cache.set(word, keys);
    }
    const wordIds = vocab.idsOfWord(keys);
    if (wordIds[0] >= 0) addId(wordIds[0], true);
    for (let k = 1; k < wordIds.length; k++) addId(wordIds[k], false);
  }
  if (text.includes('?')) add('p:?');
  if (text.includes('!')) add('p:!');
  if (QUOTES.test(text)) add('p:"');
  for (const entry of options.glossaryEntries ?? []) add('g:' + entry);
  return { len: text.replace(/\s+/g, ' ').trim().length, ids: Int32Array.from(ids).sort(), keys };
}

/** A word's anchor keys: its number or cognate key (counted) and its dictionary keys (not counted). */
interface WordKeys { counted?: string; expansions: readonly string[] }

// A word's keys depend only on the word, its side and the dictionary, and the same words come back
// in every sentence and document: computed (stemmed, looked up, prefixed) once per process.
const wordKeyCaches = new Map<Lexicon | undefined, { src: Map<string, WordKeys>; tgt: Map<string, WordKeys> }>();
const NO_EXPANSIONS: readonly string[] = [];

function wordKeyCache(options: FeatureOptions): Map<string, WordKeys> {
  let caches = wordKeyCaches.get(options.lexicon);
  if (!caches) { caches = { src: new Map(), tgt: new Map() }; wordKeyCaches.set(options.lexicon, caches); }
  return caches[options.side];
}

function wordKeys(word: string, options: FeatureOptions): WordKeys {
  if (/^\p{N}/u.test(word)) return { counted: 'n:' + numberKey(word), expansions: NO_EXPANSIONS };
  const key = cognateKey(word);
  const counted = key ? 'c:' + key : undefined;
  const lexicon = options.lexicon;
  if (!lexicon) return { counted, expansions: NO_EXPANSIONS };
  if (options.side === 'src') return { counted, expansions: lexicon.translate(word).map((t) => 'd:' + t) };
  const stem = lexicon.targetStem(word);
  return { counted, expansions: stem ? ['d:' + stem] : NO_EXPANSIONS };
}

/** Digits only, so 1,000 / 1 000 / 1.000 meet; a trailing .0 style decimal keeps its digits too. */
function numberKey(token: string): string {
  return token.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
}

const keyCache = new Map<string, string>();

/**
 * A spelling-insensitive key for words that cross languages unchanged or transliterated: the
 * glossary's name key (all romanisations of Russian and Belarusian fold together, Lukashenko ~
 * Лукашенко) cut to its first four letters, Simard et al.'s cognate test, which also absorbs inflection.
 */
export function cognateKey(word: string): string | undefined {
  if (word.length < 4) return undefined;
  let key = keyCache.get(word);
  if (key === undefined) {
    key = nameKey(word).slice(0, 4);
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(word, key);
  }
  return key.length >= 4 ? key : undefined;
}
