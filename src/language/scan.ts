// A unit of text read once for every detection that needs it: noise masked, words found, each word's
// model scores looked up and letters counted. Detection of a paragraph, of its sentences and of the
// document's sample all rest on the same evidence, and that evidence adds up over text (words and
// letters), so a paragraph is its sentences' scans joined rather than its text read again.
import { isSpace } from '../documents/space.ts';
import type { Lang } from '../types.ts';
import { tallyLetters, tallyUnmasked, type LetterTally } from './alphabet.ts';
import { blankLoneHashtags, maskNoise } from './noise.ts';
import { modelKnowsAll, wordVector } from './wordmodel.ts';

/** What a unit's evidence is made of. */
export interface Parts {
  /** Words (letter runs outside noise), in order. */
  tokens: string[];
  /** Own-model scores per word (wordmodel.ts), when every candidate is a model language; else empty. */
  vectors: Float64Array[];
  letters: LetterTally;
}

/** One text read: its parts, and the masked text that pieces of mixed sentences are cut from. */
export interface Scan extends Parts {
  text: string;
  masked: string;
}

/**
 * `source`, when given, is a string that holds the text at `offset`, read there instead (a flat
 * string where the text is a slice; see alphabet.ts tallyUnmasked).
 */
export function scanText(text: string, languages: Lang[], source = text, offset = 0): Scan {
  // Words and letters in one pass over the text,
  // and each word's model scores, when every candidate is a model language, found with the word.
  const tokens: string[] = [];
  const vectors: Float64Array[] = [];
  const model = modelKnowsAll(languages) ? vectors : undefined;
  // Most texts hold no noise and are read once, as they are; one that may is masked and read again.
  let masked = text;
  let letters = tallyUnmasked(source, offset, offset + text.length, languages, tokens, model, wordVector);
  if (letters === undefined) {
    masked = blankLoneHashtags(text, maskNoise(text));
    letters = tallyLetters(masked, languages, tokens, model, wordVector);
  }
  // So is one with Latin look-alikes inside Cyrillic words (only text of both scripts may have them),
  // read with them made Cyrillic.
  if (letters.latin && letters.cyrillic) {
    const fixed = cyrillicLookalikes(masked);
    if (fixed !== masked) {
      tokens.length = 0;
      vectors.length = 0;
      masked = fixed;
      letters = tallyLetters(masked, languages, tokens, model, wordVector);
    }
  }
  return { text, masked, tokens, vectors, letters };
}

/** A Latin letter that has a Cyrillic look-alike, next to a Cyrillic letter. */
const MIXED_WORD = /[\u0400-\u04ff][aceiopxyABCEHIKMOPTXï]|[aceiopxyABCEHIKMOPTXï][\u0400-\u04ff]/;
const LOOKALIKE: Record<string, string> = {
  a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н',
  I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', ï: 'ї',
};

/**
 * The text with Latin look-alikes inside Cyrillic words made Cyrillic, one character for one, so
 * offsets hold: Ukrainian typed or scraped with a Latin "i" («Росiйськi вiйська») was read as words
 * cut at every i, and the sentence was refused as no language of the candidates. The text itself
 * when no word mixes the scripts (most texts: one test).
 */
export function cyrillicLookalikes(text: string): string {
  if (!MIXED_WORD.test(text)) return text;
  return text.replace(/[\p{L}'’ʼ-]+/gu, (word) => {
    let cyrillic = 0, latin = 0;
    for (const ch of word) { if (ch >= '\u0400' && ch <= '\u04ff') cyrillic++; else if (LOOKALIKE[ch] === undefined && /\p{L}/u.test(ch)) latin++; }
    // Only words that are Cyrillic but for look-alikes: "iPhone-у" keeps its Latin.
    if (!cyrillic || latin) return word;
    let out = '';
    for (const ch of word) out += LOOKALIKE[ch] ?? ch;
    return out;
  });
}

/** The parts of (a stretch of) masked text whose words are already found. */
export function partsOf(masked: string, tokens: string[], languages: Lang[]): Parts {
  return { tokens, vectors: vectorsOf(tokens, languages), letters: tallyLetters(masked, languages) };
}

function vectorsOf(tokens: string[], languages: Lang[]): Float64Array[] {
  const vectors: Float64Array[] = [];
  if (tokens.length && modelKnowsAll(languages)) for (let i = 0; i < tokens.length; i++) vectors.push(wordVector(tokens[i]));
  return vectors;
}

/**
 * Several units as one text (scanned for the same candidates): words in order, letters summed.
 * `head`: how many of the words' vectors to keep, when the joined unit is only judged (a paragraph,
 * an opening of up to 4000 characters): its evidence reads no more than the first HEAD_WORDS
 * (score.ts), and copying every vector of an opening cost more than judging it.
 */
export function joinParts(parts: Parts[], head = Infinity): Parts {
  if (parts.length === 1) return parts[0];
  const tokens: string[] = [];
  const vectors: Float64Array[] = [];
  const missing = parts.length ? parts[0].letters.missing.map(() => 0) : [];
  const letters: LetterTally = { latin: 0, cyrillic: 0, other: 0, missing, apostrophes: 0, eastSlavic: 0 };
  for (const p of parts) {
    for (let i = 0; i < p.tokens.length; i++) tokens.push(p.tokens[i]);
    for (let i = 0; i < p.vectors.length && vectors.length < head; i++) vectors.push(p.vectors[i]);
    letters.latin += p.letters.latin;
    letters.cyrillic += p.letters.cyrillic;
    letters.other += p.letters.other;
    letters.apostrophes += p.letters.apostrophes;
    letters.eastSlavic += p.letters.eastSlavic;
    for (let k = 0; k < missing.length; k++) missing[k] += p.letters.missing[k];
  }
  return { tokens, vectors, letters };
}

/** Whether a text between sentences is all white space (else it is scanned as well). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}
