// Building segments (the lines of segments.jsonl) from sentences and alignment beads: pure functions.
// Every segment of a job passes through here, so terms and changes are copied once, straight into
// their final shape (key order as the spreads give it), and a bead's sentences are read in one loop.
import { beadFlags } from '../align/index.ts';
import { dominantLanguage } from '../language/index.ts';
import type { Bead, Change, Lang, Segment, SegmentSide } from '../types.ts';
import type { DocRef, NormalSentence } from './types.ts';

type SideName = 'src' | 'tgt';
type SegmentTerm = Segment['terms'][number];

/** One side of a segment joined from its sentences; their terms, offsets moved and tagged with `side`, are pushed onto `terms`. */
function joinSide(sentences: readonly NormalSentence[], fallbackLang: Lang, terms: SegmentTerm[], side: SideName): SegmentSide {
  const changes: Change[] = [];
  let original = '', text = '';
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    if (original) original += ' ';
    const shift = original.length;
    for (const c of s.changes) changes.push({ ...c, start: c.start + shift, end: c.end + shift });
    // Object.assign, not `{ ...m, …, side }`: on Node 20 a spread followed by a key it did not have
    // builds a new hidden class on every call (see normaliseStage); same object, same key order.
    for (const m of s.terms) terms.push(Object.assign({}, m, { start: m.start + shift, end: m.end + shift, side }));
    original += s.text;
    text = k ? text + ' ' + s.normalized : s.normalized;
  }
  const joined: SegmentSide = { lang: dominantLanguage(sentences) ?? fallbackLang, text };
  if (text !== original || changes.length) { joined.original = original; joined.changes = changes; }
  return joined;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function pick(sentences: readonly NormalSentence[], indexes: readonly number[]): NormalSentence[] {
  const out = new Array<NormalSentence>(indexes.length);
  for (let k = 0; k < indexes.length; k++) out[k] = sentences[indexes[k]];
  return out;
}

function idsOf(sentences: readonly NormalSentence[]): string[] {
  const out = new Array<string>(sentences.length);
  for (let k = 0; k < sentences.length; k++) out[k] = sentences[k].id;
  return out;
}

/** The flag of a pairing whose target is still in the source language (a translation left half done). */
export const UNTRANSLATED = 'untranslated';
/**
 * Fewest lower-case words for a target in the source language to count as untranslated: names, a
 * tweet's credit line ("— Hanna Liubakova (@HannaLiubakova) August 14, 2020") and titles are kept as written.
 */
const UNTRANSLATED_WORDS = 3;

/**
 * Whether a pairing's target is still in the document's source language, as is its source: the
 * translator has not got to it yet. A source sentence in another language (a Russian tweet quoted in
 * an English article, kept in Russian by its translation) is no such case.
 */
function untranslated(srcSide: SegmentSide, tgtSide: SegmentSide, srcLang: Lang, tgtLang: Lang): boolean {
  if (srcLang === tgtLang || srcSide.lang !== srcLang || tgtSide.lang !== srcLang) return false;
  let words = 0;
  for (const _ of tgtSide.text.matchAll(/(?<!\p{L})\p{Ll}+/gu)) if (++words >= UNTRANSLATED_WORDS) return true;
  return false;
}

/** Segments of a parallel pair: one per bead, in order, covering every sentence of both sides. */
export function pairSegments(src: { doc: DocRef; sentences: NormalSentence[]; lang: Lang },
  tgt: { doc: DocRef; sentences: NormalSentence[]; lang: Lang }, beads: Bead[], minScore: number): Segment[] {
  const segments = new Array<Segment>(beads.length);
  for (let b = 0; b < beads.length; b++) {
    const bead = beads[b];
    const s = pick(src.sentences, bead.src), t = pick(tgt.sentences, bead.tgt);
    const terms: SegmentTerm[] = [];
    const srcSide = joinSide(s, src.lang, terms, 'src');
    const tgtSide = t.length ? joinSide(t, tgt.lang, terms, 'tgt') : null;
    const flags = beadFlags(bead, { minScore });
    const srcIds = idsOf(s), tgtIds = idsOf(t);
    const paired = tgtSide !== null && s.length > 0;
    if (paired && untranslated(srcSide, tgtSide, src.lang, tgt.lang)) flags.push(UNTRANSLATED);
    const segment: Segment = {
      doc: src.doc.id,
      id: srcIds.length ? srcIds.join('+') : `tgt:${tgtIds.join('+')}`,
      src: srcSide,
      tgt: tgtSide,
      terms,
      score: paired ? round3(bead.score) : null,
      tgtDoc: tgt.doc.id,
      srcSentences: srcIds,
      tgtSentences: tgtIds,
    };
    if (flags.length) segment.flags = flags;
    if (paired) segment.origin = 'aligned';
    segments[b] = segment;
  }
  return segments;
}

/** Segments of a document without a parallel: one per sentence, target empty until translated. */
export function singleSegments(doc: DocRef, sentences: NormalSentence[], lang: Lang): Segment[] {
  const segments = new Array<Segment>(sentences.length);
  for (let k = 0; k < sentences.length; k++) {
    const sentence = sentences[k];
    const terms: SegmentTerm[] = [];
    segments[k] = {
      doc: doc.id,
      id: sentence.id,
      src: joinSide([sentence], lang, terms, 'src'),
      tgt: null,
      terms,
      score: null,
      srcSentences: [sentence.id],
    };
  }
  return segments;
}
