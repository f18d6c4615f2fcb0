// Detection over a whole document: a first pass gives the document's language distribution, and a
// second pass lets each paragraph, sentence or short line lean on it ("Leave!" in an English
// article is English; "на" in a Belarusian leaflet is Belarusian).
import { splitSentences, type Span as SentenceSpan } from '../documents/segment.ts';
import type { Detection, Lang } from '../types.ts';
import { candidatesOf, decide, decidedLanguage, detectScored, judge, withPrior, type DetectOptions, type ScoredDetection } from './detect.ts';
import type { Scores } from './engines.ts';
import { detectScannedParagraph, scanParagraph, sentenceLanguages, sharesOf, type ParagraphDetection, type ParagraphScan } from './paragraph.ts';
import { joinParts, type Parts } from './scan.ts';
import { HEAD_WORDS, priorTerms, toProbabilities, WEIGHTS } from './score.ts';

/** Units of at most this many words, or less sure than SURE, are detected again with the prior. */
const SHORT_WORDS = 3;
const SURE = 0.9;

/** Length-weighted mean (capped, so one long unit cannot drown the rest) of the units' probabilities: the document's language distribution. */
export function distribution(units: Array<{ text: string; detection: ScoredDetection }>): Partial<Record<Lang, number>> {
  const sum: Scores = {};
  let total = 0;
  for (const { text, detection } of units) {
    if (detection.lang === 'und') continue;
    const weight = Math.min(200, text.length);
    for (const l in detection.probabilities) sum[l] = (sum[l] ?? 0) + weight * detection.probabilities[l];
    total += weight;
  }
  if (!total) return {};
  const shares: Partial<Record<Lang, number>> = {};
  for (const l in sum) shares[l] = sum[l] / total;
  return shares;
}

/** One detection per line, in order; short or unsure lines use the document's distribution. */
export function detectLines(lines: string[], options: DetectOptions = {}): ScoredDetection[] {
  const first = lines.map((text) => detectScored(text, options));
  const prior = distribution(lines.map((text, i) => ({ text, detection: first[i] })));
  if (!Object.keys(prior).length) return first;
  // withPrior leaves a line alone that holds no language or one outside the candidates.
  return first.map((d) => (d.words <= SHORT_WORDS || d.confidence < SURE ? withPrior(d, prior) : d));
}

/**
 * One detection per paragraph, with sentences and spans, each leaning on the document.
 * `sentences[i]`, when given, are paragraph i's sentences as the caller split them (see detectParagraph).
 */
export function detectParagraphs(paragraphs: string[], options: DetectOptions = {},
  sentences?: SentenceSpan[][]): ParagraphDetection[] {
  const languages = candidatesOf(options);
  const scans = paragraphs.map((text, i) => scanParagraph(text, languages, sentences?.[i] ?? splitSentences(text)));
  // Each paragraph's verdict, weighed with the caller's prior, gives the document's distribution, and
  // every paragraph is then detected leaning on it. Nothing is read twice: the passes differ only in the prior.
  const leaning = documentLeaning(scans, options, languages);
  return scans.map((p) => detectScannedParagraph(p, leaning));
}

/** The options of the second pass: the document's distribution as the prior. */
function documentLeaning(paragraphs: ParagraphScan[], options: DetectOptions, languages: Lang[]): DetectOptions {
  const prior = paragraphDistribution(paragraphs, options, languages);
  return { ...options, prior: prior ?? options.prior };
}

/**
 * distribution() of the paragraphs' detections under the caller's prior (decide), undefined where
 * it is empty: the same sums in the same order, kept in candidate order rather than in an object of
 * probabilities per paragraph and one keyed by language for the sums (megamorphic stores and loads).
 */
function paragraphDistribution(paragraphs: ParagraphScan[], options: DetectOptions, languages: Lang[]): Partial<Record<Lang, number>> | undefined {
  const terms = priorTerms(options.prior, languages);
  // A language listed twice is one key of the probabilities, at its first place.
  const firsts: number[] = [];
  for (let k = 0; k < languages.length; k++) if (languages.indexOf(languages[k]) === k) firsts.push(k);
  const sum = new Float64Array(languages.length);
  let total = 0;
  for (const paragraph of paragraphs) {
    const { verdict } = paragraph;
    if (!verdict) continue; // 'und', which does not vote
    const p = toProbabilities(verdict.evidence.scores, verdict.languages, terms);
    if (decidedLanguage(verdict, options, p) === 'und') continue;
    const weight = Math.min(200, paragraph.text.length);
    for (let i = 0; i < firsts.length; i++) sum[firsts[i]] += weight * p[firsts[i]];
    total += weight;
  }
  if (!total) return undefined;
  const shares: Partial<Record<Lang, number>> = {};
  for (let i = 0; i < firsts.length; i++) shares[languages[firsts[i]]] = sum[firsts[i]] / total;
  return shares;
}

/** A document as sentences in reading order, grouped into paragraphs and scanned once. */
export interface DocumentScan {
  /** The candidates it was scanned for. */
  languages: Lang[];
  paragraphs: ParagraphScan[];
}

/**
 * Scans a document given as its sentences (consecutive sentences with the same `para` form a
 * paragraph, its text their texts joined by a space), for the detections below to share.
 */
export function scanDocument(sentences: Array<{ text: string; para: number }>, languages: Lang[] = []): DocumentScan {
  const candidates = candidatesOf({ languages });
  const paragraphs: ParagraphScan[] = [];
  // The sentences are read where they lie in one flat string of the whole document, their texts
  // joined by a space: a document's sentences come as slices of its text, and reading a sliced
  // string costs V8 a step more per character (a fifth of the letter pass). One copy per document;
  // its paragraphs' texts are slices of it.
  const all: string[] = [];
  for (let i = 0; i < sentences.length; i++) all.push(sentences[i].text);
  const source = all.join(' ');
  let from = 0;
  // One pass over the sentences, a paragraph at a time (no groups, copies and closures per paragraph).
  for (let i = 0; i < sentences.length;) {
    const para = sentences[i].para;
    const first = i;
    const spans: SentenceSpan[] = [];
    let at = 0;
    for (; i < sentences.length && sentences[i].para === para; i++) {
      const { text } = sentences[i];
      spans.push({ text, start: at, end: at + text.length });
      at += text.length + 1;
    }
    // A paragraph of one sentence is that sentence's text, as it was given.
    const text = i - first === 1 ? sentences[first].text : source.slice(from, from + at - 1);
    paragraphs.push(scanParagraph(text, candidates, spans, source, from));
    from += at;
  }
  return { languages: candidates, paragraphs };
}

/**
 * The language of the document's opening: its sentences up to about `chars` characters, detected as
 * one text (what detect() says of them joined by line breaks), without a prior, except that whether
 * the opening fits the candidates at all is judged sentence by sentence (see gatherEvidence): an
 * English article quoting a Russian caption is not in a foreign language, and franc, asked about
 * such a mixture, cost more than the rest of the detection together.
 */
export function openingLanguage(doc: DocumentScan, options: DetectOptions = {}, chars = 4000): Lang {
  const parts: Parts[] = [];
  let length = 0;
  opening: for (const p of doc.paragraphs) {
    for (const s of p.sentences) {
      if (length > chars) break opening;
      length += s.text.length + 1;
      parts.push(s.scan);
    }
  }
  return decide(judge(joinParts(parts, HEAD_WORDS), doc.languages, WEIGHTS, parts), { ...options, prior: undefined }).lang;
}

/** Each sentence's language on its own evidence (no prior), in reading order. */
export function ownLanguages(doc: DocumentScan): Lang[] {
  return doc.paragraphs.flatMap((p) => p.sentences.map((s) => decide(s.verdict).lang));
}

/**
 * The document's language, asked without forcing it into the candidates, so that a German document
 * in an en/ru job is named as such: that of its opening (openingLanguage, with `outside: 'code'`),
 * else the one most of its text is in, sentence by sentence. 'und' when nothing in it is language.
 */
export function documentLanguage(doc: DocumentScan): Lang {
  const found = openingLanguage(doc, { outside: 'code' });
  if (found !== 'und') return found;
  const sentences = doc.paragraphs.flatMap((p) => p.sentences.map((s) => ({ lang: decide(s.verdict).lang, text: s.text })));
  return dominantLanguage(sentences) ?? 'und';
}

/** The language holding most characters among the units ('und' ones do not vote; a tie goes to the first seen). */
export function dominantLanguage(units: ReadonlyArray<{ lang: Lang; text: string }>): Lang | undefined {
  if (units.length === 1) return units[0].lang !== 'und' ? units[0].lang : undefined;
  const langs: Lang[] = [], weights: number[] = [];
  for (const s of units) {
    if (s.lang === 'und') continue;
    const k = langs.indexOf(s.lang);
    if (k < 0) { langs.push(s.lang); weights.push(s.text.length); } else weights[k] += s.text.length;
  }
  let best: Lang | undefined, max = -1;
  for (let k = 0; k < langs.length; k++) if (weights[k] > max) { best = langs[k]; max = weights[k]; }
  return best;
}

/**
 * Each sentence's language and confidence in reading order, leaning on its paragraph and the
 * document as in detectParagraphs (without the spans of mixed sentences, which only cost time here).
 */
export function detectDocumentSentences(doc: DocumentScan, options: DetectOptions = {}): Detection[] {
  const leaning = documentLeaning(doc.paragraphs, options, doc.languages);
  const terms = priorTerms(leaning.prior, doc.languages);
  const shares = sharesOf(leaning.prior, doc.languages);
  const out: Detection[] = [];
  for (const p of doc.paragraphs) sentenceLanguages(p, doc.languages, leaning, out, terms, shares);
  return out;
}
