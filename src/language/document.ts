// Detection over a whole document: a first pass gives the document's language distribution, and a
// second pass lets each paragraph, sentence or short line lean on it ("Leave!" in an English
// article is English; "на" in a Belarusian leaflet is Belarusian).
import type { Span as SentenceSpan } from '../documents/segment.ts';
import type { Lang } from '../types.ts';
import { detectScored, withPrior, type DetectOptions, type ScoredDetection } from './detect.ts';
import type { Scores } from './engines.ts';
import { detectParagraph, type ParagraphDetection } from './paragraph.ts';

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
  return Object.fromEntries(Object.entries(sum).map(([l, v]) => [l, v / total]));
}

/** One detection per line, in order; short or unsure lines use the document's distribution. */
export function detectLines(lines: string[], options: DetectOptions = {}): ScoredDetection[] {
  const first = lines.map((text) => detectScored(text, options));
  const prior = distribution(lines.map((text, i) => ({ text, detection: first[i] })));
  if (!Object.keys(prior).length) return first;
  return first.map((d, i) => {
    if (!Object.keys(d.probabilities).length) return d; // nothing in the line is language
    const short = d.words <= SHORT_WORDS;
    return short || d.confidence < SURE ? withPrior(d, prior) : d;
  });
}

/** One detection per paragraph, with sentences and spans, each leaning on the document. */
/** `sentences[i]`, when given, are paragraph i's sentences as the caller split them (see detectParagraph). */
export function detectParagraphs(paragraphs: string[], options: DetectOptions = {},
  sentences?: SentenceSpan[][]): ParagraphDetection[] {
  const first = paragraphs.map((text) => detectScored(text, options));
  const prior = distribution(paragraphs.map((text, i) => ({ text, detection: first[i] })));
  const leaning = { ...options, prior: Object.keys(prior).length ? prior : options.prior };
  return paragraphs.map((text, i) => detectParagraph(text, leaning, sentences?.[i]));
}
