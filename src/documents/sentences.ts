// Paragraphs to sentences with ids and source offsets: the unit that is detected, aligned, exported.
import type { Sentence } from '../types.ts';
import { toSourceEnd, toSourceOffset, type SourceParagraph } from './builder.ts';
import { splitSentences } from './segment.ts';

export type RawSentence = Omit<Sentence, 'lang' | 'confidence'>;

export function segmentParagraphs(paragraphs: SourceParagraph[], locale = 'en'): RawSentence[] {
  const out: RawSentence[] = [];
  for (const p of paragraphs) {
    const spans = splitSentences(p.text, locale);
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k];
      out.push({ id: `${p.index}.${k}`, para: p.index, text: s.text,
        start: toSourceOffset(p, s.start), end: toSourceEnd(p, s.end) });
    }
  }
  return out;
}

// Words outside links, handles and hashtags: a document of nothing but URLs has none, nor does a
// tweet's tail of "@someone #tag" (a hashtag names a feed; it is not text to translate).
const NOISE = /(?:https?:\/\/|www\.)\S+|\S+@\S+|@\w+|#[\p{L}\p{N}_]*|(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}\/\S*/gu;

// Module constants, not literals in hasWords: a literal is a new RegExp object at each call, looked up
// in V8's compilation cache and run by the regexp interpreter again until it tiers up.
const MAYBE_NOISE = /[@#/]|www\./i;
const WORD = /\p{L}{2,}/u;

/** True when the text has at least one word of two letters that is not part of a link, handle or hashtag. */
export function hasWords(text: string): boolean {
  // NOISE needs an @, #, / or www.: text with none is tested as it is, without a replace.
  return WORD.test(MAYBE_NOISE.test(text) ? text.replace(NOISE, ' ') : text);
}
