// Paragraph-level detection: the paragraph's dominant language, each sentence's own detection, and
// spans where the language changes inside the paragraph (a quoted slogan, a Russian caption under
// an English tweet). Short units lean on their paragraph's and document's distribution.
// segment.ts rather than the documents index: the index also loads the HTML and Markdown readers,
// 0.4 s of CPU that `tandem detect --unit line` would pay for nothing (see npm run bench:lid).
import { splitSentences, type Span as SentenceSpan } from '../documents/segment.ts';
import type { Detection, Lang } from '../types.ts';
import { candidatesOf, decide, decideLanguage, judge, round, type DetectOptions, type ScoredDetection, type Verdict } from './detect.ts';
import type { Scores } from './engines.ts';
import { WORD } from './noise.ts';
import { isBlank, joinParts, partsOf, scanText, type Parts, type Scan } from './scan.ts';
import { HEAD_WORDS, PRIOR_FLOOR, priorTerms, toProbabilities, WEIGHTS } from './score.ts';

export interface SentenceDetection extends Detection {
  /** Offsets into the paragraph's text, [start, end). */
  start: number;
  end: number;
  text: string;
}

export interface ParagraphDetection extends Detection {
  /** Probability per candidate for the whole paragraph, usable as a prior for its neighbours. */
  probabilities: Scores;
  sentences: SentenceDetection[];
}

type Span = NonNullable<Detection['spans']>[number];
/**
 * A span as worked out, before it is reported: `outside` when its language is outside the
 * candidates (reported as 'und' unless `--outside code`), `quoted` when it is a quotation.
 */
interface Found extends Span { outside?: boolean; quoted?: boolean }

/** A piece of a sentence that may be in another language: a quotation or a run of one script. */
interface Piece { start: number; end: number; quoted: boolean; tokens: string[] }

const QUOTED = /«[^«»]+»|“[^“”]+”|„[^„“”]+[“”]|"[^"]+"/gu;

/** Mixes the paragraph's own distribution with the document's, for the paragraph's short units. */
function blend(a: Scores, b: Partial<Record<Lang, number>> | undefined): Scores {
  if (!b) return a;
  const out: Scores = {};
  for (const l in a) out[l] = 0.7 * a[l] + 0.3 * (b[l] ?? 0);
  for (const l in b) if (!Object.hasOwn(out, l)) out[l] = 0.3 * (b[l] ?? 0);
  return out;
}

/**
 * `splits` are the paragraph's sentences when the caller has split them already (offsets into
 * `text`), so the pipeline's segment stage and this detector never split the same text twice.
 */
export function detectParagraph(text: string, options: DetectOptions = {},
  splits: SentenceSpan[] = splitSentences(text)): ParagraphDetection {
  return detectScannedParagraph(scanParagraph(text, candidatesOf(options), splits), options);
}

/** A paragraph read once: each sentence's scan and verdict, and the verdict on the whole. */
export interface ParagraphScan {
  text: string;
  sentences: Array<SentenceSpan & { scan: Scan; verdict: Verdict | undefined }>;
  verdict: Verdict | undefined;
}

/**
 * Scans each sentence once; the whole paragraph's evidence is the sentences' (and of any text
 * between them that is not white space) joined, since words and letters add up. `source`, when
 * given, holds the paragraph's text at `offset` (and each split's text at its offsets): the
 * sentences are read there (scan.ts scanText).
 */
export function scanParagraph(text: string, languages: Lang[], splits: SentenceSpan[], source?: string, offset = 0): ParagraphScan {
  const parts: Parts[] = [];
  const sentences: ParagraphScan['sentences'] = [];
  let at = 0;
  for (const s of splits) {
    if (s.start > at) addGap(parts, text.slice(at, s.start), languages);
    const scan = source === undefined ? scanText(s.text, languages) : scanText(s.text, languages, source, offset + s.start);
    parts.push(scan);
    at = Math.max(at, s.end);
    sentences.push({ start: s.start, end: s.end, text: s.text, scan, verdict: judge(scan, languages) });
  }
  if (text.length > at) addGap(parts, text.slice(at), languages);
  // One sentence that is the whole paragraph: its verdict is the paragraph's.
  const whole = parts.length === 1 && sentences.length === 1 && sentences[0].text === text;
  return { text, sentences, verdict: whole ? sentences[0].verdict : judge(joinParts(parts, HEAD_WORDS), languages) };
}

/** Text between sentences counts for the paragraph, unless it is white space (it nearly always is). */
function addGap(parts: Parts[], gap: string, languages: Lang[]): void {
  if (!isBlank(gap)) parts.push(scanText(gap, languages));
}

/** The paragraph's detection; `options.prior` is the document's distribution. */
export function detectScannedParagraph(paragraph: ParagraphScan, options: DetectOptions = {}): ParagraphDetection {
  const { text } = paragraph;
  const whole = decide(paragraph.verdict, options);
  const leaning = { ...options, prior: blend(whole.probabilities, options.prior) };
  const sentences: SentenceDetection[] = [];
  const spans: Found[] = [];
  for (const s of paragraph.sentences) {
    const d = decide(s.verdict, leaning);
    // Spans relative to the sentence; after merging, neighbours differ, so two or more mean mixed.
    const own = sentenceSpans(s.scan, d, leaning);
    const mixed = own.length > 1;
    sentences.push({ start: s.start, end: s.end, text: s.text, lang: d.lang, confidence: d.confidence,
      ...(mixed ? { mixed, spans: own.map(reported) } : {}) });
    for (const p of own) spans.push({ ...p, start: p.start + s.start, end: p.end + s.start });
  }
  // 'und' for a sentence with no words is no language, but 'und' for one outside the candidates is:
  // dropping both hid a Polish quotation in an English paragraph, which --unit sentence reported.
  const merged = mergeSpans(spans.filter((p) => p.lang !== 'und' || p.outside));
  const langs = new Set(merged.map((p) => p.lang));
  const lang = (langs.size === 1 ? merged[0].lang : dominant(merged, text)) ?? whole.lang;
  // A paragraph judged outside as a whole has no probability worth giving for a candidate its spans name.
  const confidence = lang === whole.lang ? whole.confidence
    : whole.outsider ? spanConfidence(merged, lang) : round(whole.probabilities[lang] ?? 0.5);
  const result: ParagraphDetection = { lang, confidence, probabilities: whole.probabilities, sentences };
  if (langs.size > 1) Object.assign(result, { mixed: true, spans: merged.map(reported) });
  return result;
}

/** A span as the caller sees it (Detection's spans), without what only the paragraph needs. */
function reported({ start, end, lang, confidence }: Found): Span {
  return { start, end, lang, confidence };
}

/** The lowest confidence among the spans in `lang`, as mergeSpans keeps it. */
function spanConfidence(spans: Found[], lang: Lang): number {
  let c = 1;
  for (const s of spans) if (s.lang === lang) c = Math.min(c, s.confidence);
  return c;
}

/**
 * Only the language and confidence of each of the paragraph's sentences, as detectScannedParagraph
 * gives them, added to `out`: no spans of mixed sentences are looked for (the pipeline keeps none).
 */
export function sentenceLanguages(paragraph: ParagraphScan, languages: Lang[], options: DetectOptions, out: Detection[],
  terms = priorTerms(options.prior, languages), shares = sharesOf(options.prior, languages)): void {
  // The sentences lean on the paragraph blended with the document; given its terms, decide needs
  // no options with that prior in them (no copy of the options per paragraph).
  const sentenceTerms = blendedTerms(paragraph.verdict, languages, terms, shares);
  for (const s of paragraph.sentences) out.push(decideLanguage(s.verdict, options, sentenceTerms));
}

/** A prior's share of each candidate (0 where it has none), in the list's order; undefined without a prior. */
export function sharesOf(prior: Partial<Record<Lang, number>> | undefined, languages: Lang[]): number[] | undefined {
  if (!prior) return undefined;
  const shares: number[] = [];
  for (let k = 0; k < languages.length; k++) shares.push(prior[languages[k]] ?? 0);
  return shares;
}

/**
 * priorTerms(blend(decide(verdict, { prior }, WEIGHTS, terms).probabilities, prior), languages),
 * `shares` being sharesOf(prior), worked out in candidate order: the same operations on the same
 * numbers, without the two objects keyed by language per paragraph that those calls built and read
 * (megamorphic keyed stores and loads, a tenth of the detection of a document's sentences).
 */
function blendedTerms(verdict: Verdict | undefined, languages: Lang[], terms: number[] | undefined, shares: number[] | undefined): number[] {
  // With no verdict, decide gives no probabilities, and blend the prior's alone.
  const p = verdict && toProbabilities(verdict.evidence.scores, verdict.languages, terms);
  const out: number[] = [];
  for (let k = 0; k < languages.length; k++) {
    const share = p ? (shares ? 0.7 * p[k] + 0.3 * shares[k] : p[k]) : shares ? 0.3 * shares[k] : 0;
    out.push(WEIGHTS.prior * Math.log(share + PRIOR_FLOOR));
  }
  return out;
}

/** The sentence's spans: one for the sentence, or one per piece when a piece is in another language. */
function sentenceSpans(scan: Scan, d: ScoredDetection, options: DetectOptions): Found[] {
  const whole: Found = { start: 0, end: scan.text.length, lang: d.lang, confidence: d.confidence, outside: !!d.outsider };
  if (!mayMix(scan)) return [whole];
  const pieces = piecesOf(scan.masked);
  if (pieces.length < 2) return [whole];
  const languages = candidatesOf(options);
  const spans: Found[] = [];
  let other = false;
  for (const p of pieces) {
    // The piece's words are the sentence's: only its letters are counted again.
    const pd = decide(judge(partsOf(scan.masked.slice(p.start, p.end), p.tokens, languages), languages), options);
    // One plain word in another language is more often a name than a switch of language. A piece
    // has words, so 'und' is a language outside the candidates (--outside und) and counts.
    const counts = pd.lang !== d.lang && (p.tokens.length >= 2 || p.quoted);
    other ||= counts;
    const own = counts ? pd : d;
    spans.push({ start: p.start, end: p.end, lang: own.lang, confidence: own.confidence, outside: !!own.outsider, quoted: p.quoted });
  }
  return other ? mergeSpans(spans) : [whole];
}

/**
 * Whether a sentence can hold more than one piece: it has a quotation mark, or both Latin and
 * Cyrillic letters, or letters of other scripts (which countLetters does not tell apart). Most
 * sentences have none of these, and their pieces need not be looked for.
 */
function mayMix(scan: Scan): boolean {
  const { latin, cyrillic, other } = scan.letters;
  return other > 0 || (latin > 0 && cyrillic > 0) || QUOTE_MARK.test(scan.masked);
}
const QUOTE_MARK = /[«“„"]/;

/** Quotations, and between them runs of words of one script (Latin or Cyrillic), in a masked sentence. */
function piecesOf(masked: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const q of masked.matchAll(QUOTED)) {
    runsOf(masked, at, q.index!, false, pieces);
    runsOf(masked, q.index!, q.index! + q[0].length, true, pieces);
    at = q.index! + q[0].length;
  }
  runsOf(masked, at, masked.length, false, pieces);
  return pieces;
}

const CYRILLIC_SCRIPT = /\p{Script=Cyrillic}/u;
const LATIN_SCRIPT = /\p{Script=Latin}/u;

/** Runs of words of one script in masked[from, to), or one piece for a quotation. */
function runsOf(masked: string, from: number, to: number, quoted: boolean, pieces: Piece[]): void {
  let cur: Piece | undefined;
  let script = '';
  for (const m of masked.slice(from, to).matchAll(WORD)) {
    const s = CYRILLIC_SCRIPT.test(m[0]) ? 'Cyrl' : LATIN_SCRIPT.test(m[0]) ? 'Latn' : 'Other';
    const start = from + m.index!;
    const end = start + m[0].length;
    if (cur && (s === script || quoted)) { cur.end = end; cur.tokens.push(m[0]); }
    else { cur = { start, end, quoted, tokens: [m[0]] }; pieces.push(cur); script = s; }
  }
}

/** Joins neighbouring spans of one language, stretching each to the next span's start. */
function mergeSpans(spans: Found[]): Found[] {
  const out: Found[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out.at(-1);
    if (last && last.lang === s.lang) {
      last.end = s.end;
      last.confidence = Math.min(last.confidence, s.confidence);
      last.quoted &&= s.quoted;
    } else out.push({ ...s });
  }
  return out;
}

/**
 * The language with the most letters over the spans. A quotation in a language outside the
 * candidates does not vote while other spans are in a candidate language: "The German chancellor
 * said: «Wir schaffen das, und zwar gemeinsam mit unseren Partnern.»" is an English paragraph that
 * quotes German, though the quotation is the longer part.
 */
function dominant(spans: Found[], text: string): Lang | undefined {
  const framed = spans.some((s) => !s.outside);
  const letters: Record<Lang, number> = {};
  for (const s of spans) {
    if (framed && s.outside && s.quoted) continue;
    letters[s.lang] = (letters[s.lang] ?? 0) + (text.slice(s.start, s.end).match(/\p{L}/gu)?.length ?? 0);
  }
  let best: Lang | undefined;
  for (const [l, n] of Object.entries(letters)) if (!best || n > letters[best]) best = l;
  return best;
}
