// The plain data that flows between tandem's stages. Every value here is JSON-serialisable:
// machine snapshots are persisted and may later be run on queue workers on other machines.

/** BCP 47 language tag: 'en', 'ru', 'uk', 'be', ..., or 'und' when undetermined. */
export type Lang = string;

/** A paragraph of a read document, with offsets into the document's source text. */
export interface Paragraph {
  index: number;
  text: string;
  /** Offsets of the paragraph in the original file's text (after BOM removal), [start, end). */
  start: number;
  end: number;
}

export type DocumentFormat = 'text' | 'markdown' | 'html';

/** A document as read from disk: markup stripped, paragraphs kept. */
export interface DocumentText {
  /** Stable document id (path relative to the job's root, without extension tricks). */
  id: string;
  path: string;
  format: DocumentFormat;
  /** From a `date YYYY-MM-DD` header, when the document has one. */
  date?: string;
  paragraphs: Paragraph[];
}

/** A language decision for a unit of text (paragraph, sentence, span, line). */
export interface Detection {
  lang: Lang;
  /** 0..1 */
  confidence: number;
  /** True when the unit holds more than one language (see spans). */
  mixed?: boolean;
  /** Sub-units with their own language; offsets relative to the unit's text. */
  spans?: Array<{ start: number; end: number; lang: Lang; confidence: number }>;
}

/** A sentence of a document, the unit that gets aligned and exported. */
export interface Sentence {
  /** `<paragraph>.<sentence>` within its document, e.g. "3.1"; 0-based. */
  id: string;
  para: number;
  text: string;
  /** Offsets in the document's source text, [start, end). */
  start: number;
  end: number;
  lang: Lang;
  confidence: number;
}

/** A mention of a glossary entry found in a text. Offsets are into the text that was searched. */
export interface TermMatch {
  entry: string;
  surface: string;
  start: number;
  end: number;
  lang: Lang;
  /** The glossary term this surface was recognised as. */
  term: string;
  status: TermStatus;
  /** How it was recognised. */
  via: 'exact' | 'case' | 'inflection' | 'transliteration' | 'possessive' | 'hashtag';
}

export type TermStatus = 'preferred' | 'admitted' | 'deprecated';

/** One recorded, reversible normalisation edit. Offsets are into the ORIGINAL text. */
export interface Change {
  start: number;
  end: number;
  before: string;
  after: string;
  entry: string;
  reason: string;
}

/** A glossary term in one language. */
export interface Term {
  text: string;
  lang: Lang;
  status: TermStatus;
  /** 'fullName' | 'surname' | 'givenName' | 'acronym' | ...: normalisation keeps the shape. */
  shape?: string;
  /** Grammatical gender where it matters for matching inflected forms (Тихановская vs Тихановский). */
  gender?: 'f' | 'm' | 'n';
  /** True for words that do not inflect (Лукашенко, Гродно). */
  indeclinable?: boolean;
  /** A usage note for editors (why a spelling is admitted or deprecated). */
  note?: string;
}

export interface GlossaryEntry {
  id: string;
  /** person | place | organisation | term | ... */
  type?: string;
  note?: string;
  terms: Term[];
}

export interface Glossary {
  entries: GlossaryEntry[];
  /** Files the glossary was loaded from, for messages. */
  sources: string[];
}

/** An alignment bead: sentence indexes on each side (either may be empty), with a 0..1 score. */
export interface Bead {
  src: number[];
  tgt: number[];
  score: number;
  /** Paired across the order: a sentence the translator moved (align/moved.ts). */
  moved?: boolean;
}

/** Where a target text came from. Anything but 'aligned'/'human' is never shown as human work. */
export type Origin = 'aligned' | 'human' | 'tm' | 'mt' | 'glossary';

export interface SegmentSide {
  lang: Lang;
  /** Normalised text (house style). */
  text: string;
  /** Text as it stood in the document, when normalisation changed it. */
  original?: string;
  changes?: Change[];
}

/** One line of segments.jsonl: an aligned (or not yet translated) bilingual segment. */
export interface Segment {
  doc: string;
  id: string;
  src: SegmentSide;
  tgt: SegmentSide | null;
  terms: Array<TermMatch & { side: 'src' | 'tgt' }>;
  /** Alignment (or TM/MT) confidence 0..1; null when there is no target. */
  score: number | null;
  /** Document and sentence ids on each side that this segment joins. */
  tgtDoc?: string;
  srcSentences?: string[];
  tgtSentences?: string[];
  /** 'low-confidence', 'non-1:1', 'unpaired', ... for review. */
  flags?: string[];
  origin?: Origin;
  /** Provider details for machine or TM targets, e.g. {provider:'tm', match: 87}. */
  originDetail?: Record<string, unknown>;
  /** Set by the review stage when an editor confirmed the segment (XLIFF state "reviewed"). */
  reviewed?: boolean;
}
