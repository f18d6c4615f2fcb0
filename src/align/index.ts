// Sentence alignment of parallel documents: a dynamic programme over beads (0-1 ... 3-1) scored by a
// Gale-Church length model calibrated on the pair plus lexical anchors (numbers, names through
// transliteration, cognates, URLs, quotes, glossary terms, a FreeDict dictionary when installed),
// paragraphs first when both sides have them, and a coarse-to-fine band so long inputs stay linear.
import type { Matcher } from '../glossary/index.ts';
import type { Bead, Lang } from '../types.ts';
import type { Model } from './cost.ts';
import { normalizedLength } from './chars.ts';
import { joinSpan, sentenceUnit, Vocabulary, type FeatureOptions, type Unit } from './features.ts';
import { IdSet, sharedOnly } from './idsets.ts';
import { loadLexicon, type Lexicon } from './lexicon.ts';
import { calibrate, defaultModel, galeChurchModel, lengthRatio, makeModel } from './model.ts';
import { alignUnits } from './search.ts';
import type { Marks, SideMarks } from './dp.ts';
import { documentEvidence, doubtMoved, weighScores, type Evidence } from './confidence.ts';
import { pairMoved } from './moved.ts';
import { pivotLexicon } from './pivot.ts';

export { beadFlags, isConfident, type FlagOptions } from './flags.ts';
export { formatGold, parseGold, strictScores, sumScores, type Scores } from './metrics.ts';
export { loadLexicon, type Lexicon } from './lexicon.ts';
export type { Evidence } from './confidence.ts';

export interface AlignOptions {
  srcLang?: Lang;
  tgtLang?: Lang;
  /** Glossary matcher: a term of one entry on both sides is an anchor. */
  glossary?: Pick<Matcher, 'find'>;
  /**
   * Glossary entry ids already found in each sentence (by the pipeline's normalise stage, say), one
   * list per sentence of the flattened input of each side: used instead of running `glossary` again.
   */
  glossaryEntries?: { src: ReadonlyArray<readonly string[]>; tgt: ReadonlyArray<readonly string[]> };
  /** Bilingual dictionary; undefined loads the installed FreeDict one for the pair, null uses none. */
  lexicon?: Lexicon | null;
  /** 'anchored' (default) or the length-only 'gale-church' baseline. */
  method?: 'anchored' | 'gale-church';
  /** Overrides of the scoring model's parameters (for experiments and evaluation). */
  model?: Partial<Model>;
  /**
   * Called with the documents' anchor evidence (undefined when too few sentences have anchors to
   * judge): `parallel: false` says the two do not look like translations of each other.
   */
  onEvidence?: (evidence: Evidence | undefined) => void;
}

/** Aligns two sentence lists; the beads cover every sentence of both sides, in order. */
export function alignSentences(src: string[], tgt: string[], options: AlignOptions = {}): Bead[] {
  const { shared } = buildUnits(src, tgt, options);
  // The Gale-Church baseline is length alone: no quotation marks.
  const marks: Marks = options.method === 'gale-church' ? {} : { quoted: { src: quotedOf([src]), tgt: quotedOf([tgt]) } };
  return weighed(alignWithCalibration(shared.src, shared.tgt, options, marks), shared.src, shared.tgt, options);
}

/**
 * Paragraph-first alignment. Paragraphs are aligned as units, then sentences inside each group of
 * aligned paragraphs; uncertain paragraph beads are merged with their neighbours so the sentence
 * level can repair them. Returned beads index sentences of the flattened documents.
 */
export function alignDocuments(srcParagraphs: string[][], tgtParagraphs: string[][], options: AlignOptions = {}): Bead[] {
  const src = flatten(srcParagraphs), tgt = flatten(tgtParagraphs);
  if (nonEmpty(srcParagraphs) < 2 || nonEmpty(tgtParagraphs) < 2 || options.method === 'gale-church') return alignSentences(src, tgt, options);
  const units = buildUnits(src, tgt, options);
  const { src: srcUnits, tgt: tgtUnits } = units.shared;
  const srcStart = starts(srcParagraphs), tgtStart = starts(tgtParagraphs);
  const paraBeads = alignWithCalibration(paragraphUnits(srcStart, units.srcUnits, srcUnits, units.vocab),
    paragraphUnits(tgtStart, units.tgtUnits, tgtUnits, units.vocab), options).beads;
  const groups = sentenceGroups(groupUncertain(paraBeads), srcStart, tgtStart);
  const marks: Marks = { opens: { src: opensOf(srcStart), tgt: opensOf(tgtStart) },
    quoted: { src: quotedOf(srcParagraphs), tgt: quotedOf(tgtParagraphs) } };
  return weighed(alignWithCalibration(srcUnits, tgtUnits, options, marks, groups), srcUnits, tgtUnits, options);
}

/**
 * Scores weighed by the document's anchor evidence, and doubted where a sentence seems moved
 * (confidence.ts); the length-only baseline has neither.
 */
function weighed({ beads, model }: Aligned, src: Unit[], tgt: Unit[], options: AlignOptions): Bead[] {
  if (options.method === 'gale-church') return beads;
  const evidence = documentEvidence(beads, src, tgt);
  options.onEvidence?.(evidence);
  const doubted = doubtMoved(weighScores(beads, src, tgt, evidence), src, tgt);
  // Documents that do not look like translations of each other have no moved sentences to find.
  return evidence && !evidence.parallel ? doubted : pairMoved(doubted, src, tgt, model);
}

/** paragraphs.flat() in a plain loop: the generic builtin (any depth, holes) was ~3% of a warm align pass. */
function flatten(paragraphs: string[][]): string[] {
  let n = 0;
  for (const p of paragraphs) n += p.length;
  const out = new Array<string>(n);
  n = 0;
  for (const p of paragraphs) for (let k = 0; k < p.length; k++) out[n++] = p[k];
  return out;
}

function nonEmpty(paragraphs: string[][]): number {
  let n = 0;
  for (const p of paragraphs) if (p.length) n++;
  return n;
}

/**
 * A paragraph's unit is its sentences' units joined: the text is not tokenised and matched again.
 * Paragraphs share the ids their sentences share, so the sentences' shared ids are joined (`joinSpan`)
 * instead of joining every id and filtering the paragraphs again.
 */
function paragraphUnits(start: number[], units: Unit[], shared: Unit[], vocab: Vocabulary): Unit[] {
  const out = new Array<Unit>(start.length - 1);
  for (let p = 0; p < out.length; p++) out[p] = joinSpan(units, shared, start[p], start[p + 1], vocab);
  return out;
}

/** The sentences [from, to) a side of a group of paragraphs covers. */
interface Group { srcFrom: number; srcTo: number; tgtFrom: number; tgtTo: number }

/** The sentence ranges of groups of paragraphs; `srcStart`/`tgtStart` are each side's paragraph starts (`starts`). */
function sentenceGroups(paragraphGroups: Bead[], srcStart: number[], tgtStart: number[]): Group[] {
  // A group without paragraphs on a side sits where the previous group ended, so every sentence is covered.
  let srcEnd = 0, tgtEnd = 0;
  const groups = new Array<Group>(paragraphGroups.length);
  for (let g = 0; g < paragraphGroups.length; g++) {
    const { src, tgt } = paragraphGroups[g];
    const srcFrom = src.length ? srcStart[src[0]] : srcEnd, tgtFrom = tgt.length ? tgtStart[tgt[0]] : tgtEnd;
    srcEnd = src.length ? srcStart[src[src.length - 1] + 1] : srcEnd;
    tgtEnd = tgt.length ? tgtStart[tgt[tgt.length - 1] + 1] : tgtEnd;
    groups[g] = { srcFrom, srcTo: srcEnd, tgtFrom, tgtTo: tgtEnd };
  }
  return groups;
}

/** A quotation left open this many sentences is taken for a stray mark, not a quotation. */
const MAX_QUOTED_RUN = 4;

/**
 * 1 at each sentence that starts inside a quotation opened by an earlier sentence of its paragraph
 * (« … », or straight double quotes by parity), over the flattened paragraphs (dp.ts Quoted).
 */
function quotedOf(paragraphs: string[][]): Uint8Array {
  let n = 0;
  for (const p of paragraphs) n += p.length;
  const out = new Uint8Array(n);
  let k = 0;
  for (const p of paragraphs) {
    let depth = 0, straight = false, run = 0;
    for (const sentence of p) {
      const inside = depth > 0 || straight;
      run = inside ? run + 1 : 0;
      if (run > MAX_QUOTED_RUN) { depth = 0; straight = false; run = 0; }
      else if (inside) out[k] = 1;
      for (let c = 0; c < sentence.length; c++) {
        const ch = sentence.charCodeAt(c);
        if (ch === 0xab) depth++;
        else if (ch === 0xbb) depth = Math.max(0, depth - 1);
        else if (ch === 34) straight = !straight;
      }
      k++;
    }
  }
  return out;
}

/** 1 at each sentence that opens a paragraph after the first, from the paragraph starts (`starts`). */
function opensOf(start: number[]): Uint8Array {
  const out = new Uint8Array(start[start.length - 1]);
  for (let p = 1; p < start.length - 1; p++) if (start[p] < out.length) out[start[p]] = 1;
  return out;
}

/** One pass over the groups, each aligned on its own; the beads index the whole documents. */
function alignGroups(groups: Group[], srcUnits: Unit[], tgtUnits: Unit[], model: Model, marks: Marks): Bead[] {
  const beads: Bead[] = [];
  for (const { srcFrom, srcTo, tgtFrom, tgtTo } of groups) {
    const slice = (m: SideMarks | undefined) => m && { src: m.src.subarray(srcFrom, srcTo), tgt: m.tgt.subarray(tgtFrom, tgtTo) };
    const groupMarks = { opens: slice(marks.opens), quoted: slice(marks.quoted) };
    // The group's beads are fresh: their indexes are moved to the whole document's in place.
    for (const b of alignUnits(srcUnits.slice(srcFrom, srcTo), tgtUnits.slice(tgtFrom, tgtTo), model, groupMarks)) {
      for (let k = 0; k < b.src.length; k++) b.src[k] += srcFrom;
      for (let k = 0; k < b.tgt.length; k++) b.tgt[k] += tgtFrom;
      beads.push(b);
    }
  }
  return beads;
}

/** Both sides' units, whole and with only the ids both sides have (`sharedOnly`), which the programme reads. */
function buildUnits(src: string[], tgt: string[], options: AlignOptions) {
  const vocab = new Vocabulary();
  const anchored = options.method !== 'gale-church';
  const lexicon = !anchored || options.lexicon === null ? undefined
    : (options.lexicon ?? lexiconFor(options.srcLang ?? 'und', options.tgtLang ?? 'und'));
  lexicon?.prepare?.(tgt, 'tgt');
  lexicon?.prepare?.(src, 'src');
  // The target side first: source words' dictionary translations that it lacks are left out.
  const tgtUnits = sideUnits(tgt, 'tgt', vocab, options, anchored, lexicon);
  const inTgt = new IdSet(tgtUnits);
  const srcUnits = sideUnits(src, 'src', vocab, options, anchored, lexicon, inTgt);
  return { srcUnits, tgtUnits, vocab, shared: sharedOnly(srcUnits, tgtUnits, inTgt) };
}

/**
 * Looks up, without blocking, what aligning these sentences will ask the pair's dictionary (the words
 * of a language reached through Russian): an async caller awaits it first, and the alignment itself
 * then finds every word known. Nothing to do for most pairs.
 */
export async function prepareAlignment(src: string[], tgt: string[], options: Pick<AlignOptions, 'srcLang' | 'tgtLang'>): Promise<void> {
  const lexicon = lexiconFor(options.srcLang ?? 'und', options.tgtLang ?? 'und');
  if (!lexicon?.prepareAsync) return;
  await lexicon.prepareAsync(tgt, 'tgt');
  await lexicon.prepareAsync(src, 'src');
}

/** The pair's installed dictionary, or one reached through Russian (Ukrainian, Belarusian: pivot.ts). */
export function lexiconFor(srcLang: Lang, tgtLang: Lang): Lexicon | undefined {
  return loadLexicon(srcLang, tgtLang) ?? pivotLexicon(srcLang, tgtLang);
}

function sideUnits(texts: string[], side: 'src' | 'tgt', vocab: Vocabulary, options: AlignOptions, anchored: boolean,
  lexicon: Lexicon | undefined, otherSide?: IdSet): Unit[] {
  const lang = (side === 'src' ? options.srcLang : options.tgtLang) ?? 'und';
  const given = options.glossaryEntries?.[side];
  if (given && given.length !== texts.length) {
    throw new Error(`glossaryEntries.${side} has ${given.length} lists for ${texts.length} sentences`);
  }
  const units = new Array<Unit>(texts.length);
  // One options object per side: its shape stays the same from sentence to sentence.
  const features: FeatureOptions = { lang, side, lexicon, otherSide };
  for (let k = 0; k < texts.length; k++) {
    const text = texts[k];
    units[k] = anchored
      ? sentenceUnit(text, vocab, features, someEntries(given ? given[k] : glossaryEntries(text, lang, options)))
      : { len: normalizedLength(text), ids: NO_IDS, keys: 0 };
  }
  return units;
}

const NO_IDS: readonly number[] = [];

/**
 * A sentence's glossary entries, undefined for none: empty lists (a `map` over no matches) are
 * arrays of another element kind, whose first arrival deoptimised sentenceUnit.
 */
function someEntries(entries: readonly string[] | undefined): readonly string[] | undefined {
  return entries && entries.length ? entries : undefined;
}

function glossaryEntries(text: string, lang: Lang, options: AlignOptions): string[] | undefined {
  return options.glossary ? options.glossary.find(text, lang).map((m) => m.entry) : undefined;
}

function baseModel(src: Unit[], tgt: Unit[], options: AlignOptions): Model {
  const ratio = lengthRatio(src, tgt);
  return makeModel(options.method === 'gale-church' ? galeChurchModel(ratio) : defaultModel(ratio), options.model);
}

/** Beads and the model that made them (fitted to the pair: the moved-sentence pass reads it too). */
interface Aligned { beads: Bead[]; model: Model }

/**
 * A first pass fits the length model to this pair, the second aligns with it. A pass aligns the
 * units whole, or group by group (alignDocuments); the beads index `src` and `tgt`.
 */
function alignWithCalibration(src: Unit[], tgt: Unit[], options: AlignOptions, marks: Marks = {}, groups?: Group[]): Aligned {
  const model = baseModel(src, tgt, options);
  const first = groups ? alignGroups(groups, src, tgt, model, marks) : alignUnits(src, tgt, model, marks);
  if (options.method === 'gale-church') return { beads: first, model };
  const tuned = calibrate(model, first, src, tgt);
  if (tuned === model) return { beads: first, model };
  return { beads: groups ? alignGroups(groups, src, tgt, tuned, marks) : alignUnits(src, tgt, tuned, marks), model: tuned };
}

/** Where each paragraph's sentences start in the flattened document, and the sentence count last. */
function starts(paragraphs: string[][]): number[] {
  const out = new Array<number>(paragraphs.length + 1);
  out[0] = 0;
  for (let p = 0; p < paragraphs.length; p++) out[p + 1] = out[p] + paragraphs[p].length;
  return out;
}

/** Runs of paragraph beads between confident 1:1-or-wider pairings, so doubt is resolved per sentence. */
function groupUncertain(beads: Bead[]): Bead[] {
  const groups: Bead[] = [];
  let open: Bead | undefined, openDoubtful = false;
  for (const b of beads) {
    const doubtful = !b.src.length || !b.tgt.length || b.score < 0.5;
    if (open && (doubtful || openDoubtful)) {
      open.src.push(...b.src); open.tgt.push(...b.tgt);
      openDoubtful = doubtful;
    } else {
      open = { src: [...b.src], tgt: [...b.tgt], score: b.score };
      groups.push(open);
      openDoubtful = doubtful;
    }
  }
  return groups;
}
