// Turns a sentence into what the aligner compares: its length in characters and a sorted set of
// integer "anchor" ids that a translation is likely to share. Anchors are numbers, URLs and handles,
// question/exclamation marks and quotes, cognate keys (romanised, folded 4-letter word prefixes:
// Lukashenko ~ Лукашенко, Himalaya ~ himalayens), glossary entries and dictionary translations.
import { nameKey } from '../glossary/index.ts';
import type { Lang } from '../types.ts';
import { EXCLAMATION, GROUP_SEPARATORS, isGroupSeparator, isSpace, LETTER, MARK,
  markOf, normalizedLength, NUMBER, OTHER, QUESTION, QUOTE, stepAtCode, textMarks } from './chars.ts';
import type { Lexicon } from './lexicon.ts';
import { RoundMarks, type IdSet } from './idsets.ts';
import { codesOf, grow, wordCodes, WordLists } from './wordtable.ts';

/** One side's sentence as the dynamic programme sees it. */
export interface Unit {
  /** Length in characters (whitespace runs count once). */
  len: number;
  /** Sorted, unique anchor ids (a plain array: most units are short, and a typed array's own buffer costs more). */
  ids: readonly number[];
  /** Number of ids that count towards the similarity's denominator (not dictionary expansions). */
  keys: number;
}

/**
 * Anchor keys interned as integers, and each word's ids. One interner serves every alignment of the
 * process, because the same words come back in every document: a word is stemmed, looked up and
 * interned once, not once per document. It is replaced by a fresh one when it has grown large.
 */
class Interner {
  readonly keys = new Map<string, number>();
  /** 1 where the id counts towards the similarity's denominator (every key but dictionary expansions). */
  counted = new Uint8Array(1024);
  /** Word → [counted id or -1, ...expansion ids], per dictionary and side. */
  readonly words = new Map<Lexicon | undefined, { src: WordLists; tgt: WordLists }>();

  id(key: string, counts: boolean): number {
    let id = this.keys.get(key);
    if (id === undefined) {
      id = this.keys.size;
      this.keys.set(key, id);
      if (id >= this.counted.length) this.counted = grow(this.counted, id);
      this.counted[id] = counts ? 1 : 0;
    }
    return id;
  }
}

const MAX_KEYS = 500_000, MAX_WORDS = 200_000;
// A constant, not a literal in wordIds: the TypeScript loader turns a \p{} literal into `new RegExp` at each call.
const NUMBER_START = /^\p{N}/u;
let current = new Interner();

/** Interns anchor strings as small integers shared by both sides of one alignment. */
export class Vocabulary {
  // Units of one alignment must share one interner: a vocabulary keeps the one it started with.
  private readonly interner: Interner;
  constructor() {
    if (current.keys.size > MAX_KEYS) current = new Interner();
    this.interner = current;
  }
  id(key: string, counts = true): number { return this.interner.id(key, counts); }
  get size(): number { return this.interner.keys.size; }
  counts(id: number): boolean { return this.interner.counted[id] === 1; }

  /** The word table of a dictionary and side: word → [counted id or -1, ...expansion ids]. */
  wordTable(options: FeatureOptions): WordLists {
    let tables = this.interner.words.get(options.lexicon);
    if (!tables) { tables = { src: new WordLists(), tgt: new WordLists() }; this.interner.words.set(options.lexicon, tables); }
    const table = tables[options.side];
    if (table.size > MAX_WORDS) table.clear();
    return table;
  }
  /** A word's ids: its number or cognate key (counted, or -1 when it has none), then its dictionary keys (not counted). */
  wordIds(word: string, options: FeatureOptions): Int32Array {
    if (NUMBER_START.test(word)) return Int32Array.of(this.id('n:' + numberKey(word)));
    const key = cognateKey(word), stems = dictionaryStems(word, options);
    const ids = new Int32Array(1 + stems.length);
    ids[0] = key ? this.id('c:' + key) : -1;
    for (let k = 0; k < stems.length; k++) ids[k + 1] = this.id('d:' + stems[k], false);
    return ids;
  }

  /** Starts a unit's id set: ids marked for earlier units count as unseen again. */
  startUnit(): void { seen.next(); }
  /** Marks an id for the current unit; true the first time. */
  markNew(id: number): boolean {
    if (seen.get(id) === seen.round) return false;
    seen.set(id, seen.round);
    return true;
  }
}

// Which ids the unit being built has: units are built one at a time, so one set of marks serves all.
const seen = new RoundMarks();

export interface FeatureOptions {
  lang: Lang;
  /** Which side of the pair the text is on: dictionary lookups go from 'src' words to 'tgt' stems. */
  side: 'src' | 'tgt';
  lexicon?: Lexicon;
  /**
   * The ids of the other side's units: dictionary expansions it lacks can never be shared, and a
   * source word has a dozen of them, so they are left out (they do not count towards `keys`).
   */
  otherSide?: IdSet;
}

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"«»]+|[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w@])[@#][\p{L}\p{N}_]{2,}/gu;

// The unit being built: its ids in a scratch buffer reused by every unit (units are built one at a time).
let scratch = new Int32Array(256);
let count = 0, counted = 0;

function addId(vocab: Vocabulary, id: number, counts: boolean): void {
  if (!vocab.markNew(id)) return;
  if (count === scratch.length) scratch = grow(scratch, count);
  scratch[count++] = id;
  if (counts) counted++;
}

function finishUnit(len: number): Unit {
  // Insertion sort up to 24 ids, where the built-in sort costs more; past that, its quadratic moves
  // cost more than the built-in (threshold measured over the bench pairs: 12 and 64 were slower).
  if (count > 24) scratch.subarray(0, count).sort();
  else for (let i = 1; i < count; i++) {
    const id = scratch[i];
    let j = i - 1;
    while (j >= 0 && scratch[j] > id) { scratch[j + 1] = scratch[j]; j--; }
    scratch[j + 1] = id;
  }
  const ids = new Array<number>(count);
  for (let k = 0; k < count; k++) ids[k] = scratch[k];
  return { len, ids, keys: counted };
}

/**
 * A sentence's unit. Words are the matches of `[\p{L}\p{M}]+(?:['’]\p{L}+)?` and `\p{N}+(?:[.,:]\p{N}+)*`
 * once digit-group separators (1 000, 1'000) are dropped, found by one scan over character classes
 * (a regex match per word allocated more than the rest of the unit together).
 */
export function sentenceUnit(text: string, vocab: Vocabulary, options: FeatureOptions, glossaryEntries?: readonly string[]): Unit {
  vocab.startUnit();
  count = 0; counted = 0;
  // Most sentences have no link: the URL pattern runs only where one can start. Links and glossary
  // entries (and their rare shapes) stay out of scanWords, which is too large to be inlined here,
  // so that meeting them first deoptimises and recompiles this small function, not the scan.
  const plain = LINK_START.test(text) ? withoutLinks(text, vocab) : text;
  const len = scanWords(plain, text, vocab, options);
  // An indexed loop: iterating lists of different element kinds (an empty [] and lists of ids) deoptimised this function.
  if (glossaryEntries) for (let k = 0; k < glossaryEntries.length; k++) addId(vocab, vocab.id('g:' + glossaryEntries[k]), true);
  return finishUnit(len);
}

/**
 * Adds the ids of the words of `plain` (the text with its links blanked out) and of the text's ? !
 * and quotes; returns the text's length. The same scan measures the text (normalizedLength) and
 * notes its marks, unless links were blanked out of it: then the text is read again for those.
 * Every character is read by one call (`stepAtCode`, its class and width): a call per class and one
 * per width, with the elision helpers, overran V8's inlining budget, and some stayed real calls.
 */
function scanWords(plain: string, text: string, vocab: Vocabulary, options: FeatureOptions): number {
  const table = vocab.wordTable(options), other = options.otherSide;
  let len = 0, space = false, marks = 0;
  const n = plain.length, codes = codesOf(plain);
  for (let i = 0; i < n; ) {
    const c = codes[i], step = stepAtCode(codes, plain, i), k = step >> 2;
    if (k === OTHER) {
      if (isSpace(c)) space = len > 0;
      else {
        if (space) { len++; space = false; }
        len += step & 3;
        marks |= markOf(c);
      }
      i += step & 3;
      continue;
    }
    const start = i;
    let joined = false;
    if (k === NUMBER) {
      // \p{N}+(?:[.,:]\p{N}+)*, where a digit-group separator between ASCII digits is skipped
      for (;;) {
        i = runEnd(codes, plain, i, n, NUMBERS);
        if (i >= n) break;
        if (isGroupSeparator(plain, i)) { i++; joined = true; continue; }
        const d = codes[i];
        if ((d === 46 || d === 44 || d === 58) && i + 1 < n && stepAtCode(codes, plain, i + 1) >> 2 === NUMBER) { i++; continue; }
        break;
      }
    } else {
      // [\p{L}\p{M}]+(?:['’]\p{L}+)?: the letters after an elision are read by the same calls as
      // those of any word (where no elision follows, that run is empty), so the first elision met
      // does not reach code without type feedback.
      i = runEnd(codes, plain, i + (step & 3), n, LETTERS_AND_MARKS);
      i = runEnd(codes, plain, i + elisionWidth(codes, plain, i, n), n, LETTERS);
    }
    if (space) { len++; space = false; }
    len += i - start;
    let at: number;
    if (!joined) {
      at = table.find(codes, start, i);
      if (at < 0) at = table.add(codes, start, i, vocab.wordIds(plain.slice(start, i), options));
    } else {
      const word = plain.slice(start, i).replace(GROUP_SEPARATORS, ''), own = wordCodes(word);
      at = table.find(own, 0, word.length);
      if (at < 0) at = table.add(own, 0, word.length, vocab.wordIds(word, options));
    }
    addWordIds(vocab, table.data, at, other);
  }
  if (plain !== text) { len = normalizedLength(text); marks = textMarks(text); }
  // One call site for the three marks: a mark first met after this function was optimised deoptimised it.
  for (let k = 0; k < MARK_KEYS.length; k++) if (marks & MARK_KEYS[k].mark) addId(vocab, vocab.id(MARK_KEYS[k].key), true);
  return len;
}

// Classes runEnd reads, as bits (1 << class).
const LETTERS = 1 << LETTER, LETTERS_AND_MARKS = LETTERS | (1 << MARK), NUMBERS = 1 << NUMBER;

/** The end of the run from i of characters of the classes in `classes` (bits, 1 << class). */
function runEnd(codes: Uint16Array, text: string, i: number, n: number, classes: number): number {
  let s = 0;
  while (i < n && ((1 << ((s = stepAtCode(codes, text, i)) >> 2)) & classes) !== 0) i += s & 3;
  return i;
}

/**
 * 1 where an elision (['’] and a letter) is at i, else 0. Both tests run whatever codes[i] is, so
 * that neither lacks type feedback when the first elision comes.
 */
function elisionWidth(codes: Uint16Array, text: string, i: number, n: number): number {
  if (i + 1 >= n) return 0;
  const letterNext = stepAtCode(codes, text, i + 1) >> 2 === LETTER, d = codes[i];
  return (d === 39 || d === 0x2019) && letterNext ? 1 : 0;
}

/** Adds a word's ids from its list at `at` in the table's data: [length, counted id or -1, ...expansion ids]. */
function addWordIds(vocab: Vocabulary, lists: Int32Array, at: number, other: IdSet | undefined): void {
  const end = at + 1 + lists[at];
  if (lists[at + 1] >= 0) addId(vocab, lists[at + 1], true);
  if (!other) { for (let e = at + 2; e < end; e++) addId(vocab, lists[e], false); return; }
  // A source word has a dozen expansions and the target has few of them: its marks are read here
  // directly (other.has per id, a call with its checks, was most of this loop).
  const round = other.markedWith(), inOther = other.marksById();
  for (let e = at + 2; e < end; e++) {
    const id = lists[e];
    if (id < inOther.length && inOther[id] === round) addId(vocab, id, false);
  }
}

const MARK_KEYS = [{ mark: QUESTION, key: 'p:?' }, { mark: EXCLAMATION, key: 'p:!' }, { mark: QUOTE, key: 'p:"' }];

// Where a link or handle (URL) can start: one regex test instead of a search per string (Cyrillic
// text in UTF-16 made a memchr for '@' stop at every 'р', U+0440).
const LINK_START = /[@#]|:\/\/|www\./;

/** Adds the text's links and handles as anchors and returns it with each blanked to a space (one regex pass). */
function withoutLinks(text: string, vocab: Vocabulary): string {
  let plain = '', from = 0;
  for (const m of text.matchAll(URL)) {
    addId(vocab, vocab.id('u:' + m[0].replace(/[.,;:!?)]+$/, '').toLowerCase()), true);
    plain += text.slice(from, m.index) + ' ';
    from = m.index + m[0].length;
  }
  return from ? plain + text.slice(from) : text;
}

/**
 * The unit of a span of consecutive units (a paragraph from its sentences): lengths add up with one
 * space between non-empty parts, as if the texts were joined by spaces, and anchor ids are united.
 */
export function joinUnits(units: readonly Unit[], vocab: Vocabulary): Unit {
  return joinSpan(units, units, 0, units.length, vocab);
}

/**
 * joinUnits of units[from, to) with only the ids of `shared` (the same units after `sharedOnly`):
 * what sharedOnly would leave of the joined unit, without uniting and sorting the ids it drops.
 * `keys` counts the distinct counted ids of `units`, as a joined unit's denominator does.
 */
export function joinSpan(units: readonly Unit[], shared: readonly Unit[], from: number, to: number, vocab: Vocabulary): Unit {
  // Most paragraphs are one sentence: its shared ids are already sorted and unique, and its `keys`
  // counts its distinct counted ids, so it is its own paragraph (its ids array shared, as units are read-only).
  if (to - from === 1 && shared !== units) return { len: shared[from].len, ids: shared[from].ids, keys: units[from].keys };
  let len = 0, parts = 0, keys = 0;
  if (shared !== units) {
    vocab.startUnit();
    for (let k = from; k < to; k++) for (const id of units[k].ids) if (vocab.markNew(id) && vocab.counts(id)) keys++;
  }
  vocab.startUnit();
  count = 0; counted = 0;
  for (let k = from; k < to; k++) {
    const u = shared[k];
    if (u.len) { len += u.len; parts++; }
    for (const id of u.ids) addId(vocab, id, vocab.counts(id));
  }
  const unit = finishUnit(len + Math.max(0, parts - 1));
  if (shared !== units) unit.keys = keys;
  return unit;
}

const NO_STEMS: readonly string[] = [];

/** The target stems a word is compared by through the dictionary: a source word's translations, a target word's own stem. */
function dictionaryStems(word: string, options: FeatureOptions): readonly string[] {
  const lexicon = options.lexicon;
  if (!lexicon) return NO_STEMS;
  if (options.side === 'src') return lexicon.translate(word);
  if (lexicon.targetStems) return lexicon.targetStems(word);
  const stem = lexicon.targetStem(word);
  return stem ? [stem] : NO_STEMS;
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
