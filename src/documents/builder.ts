// Builds a paragraph's clean text from pieces of a source file (text runs of HTML or Markdown, lines
// of plain text) while remembering where each piece came from, so that sentences can be traced back
// to source offsets even after markup was stripped and whitespace collapsed.
import type { Paragraph } from '../types.ts';
import { isSpace } from './space.ts';

/** Breakpoints [textOffset, sourceOffset]: text offset t maps to s + (t - t0) of the last t0 <= t. */
export type OffsetMap = Array<[number, number]>;

export interface SourceParagraph extends Paragraph {
  /** Present when paragraph text is not a verbatim slice of the source. */
  map?: OffsetMap;
  /**
   * [textOffset, sourceOffset]: where in the source a character ends that is wider there than in the
   * text (an HTML entity, &rdquo; for ”), keyed by the text offset just after it; see toSourceEnd.
   */
  ends?: OffsetMap;
}

/** White space other than one space between two other characters: [^\S ] is \s less the space. */
const IRREGULAR_SPACE = /[^\S ]| {2}|^ | $/;

/** Characters that only mark where a word may be hyphenated or a line broken (soft hyphen, zero-width space). */
const INVISIBLE_BREAKS = /[\u00ad\u200b]/g;

export class ParagraphBuilder {
  /** The paragraph's text so far, in pieces joined once at close (one flat string, not a rope). */
  private pieces: string[] = [];
  private length = 0;
  private map: OffsetMap = [];
  private delta = NaN;
  private space = false;
  /** The space due is a line break (<br>, a Markdown hard break), which ends a line of an address or a list. */
  private newline = false;
  private lastSourceEnd = 0;
  private ends: OffsetMap = [];
  readonly paragraphs: SourceParagraph[] = [];

  /**
   * Appends a run of source text that starts at `sourceStart`; whitespace runs become one space.
   * Words with single spaces between them (nearly all of prose) are taken as one slice of the run.
   */
  append(run: string, sourceStart: number, sourceEnd = sourceStart + run.length): void {
    // A soft hyphen (&shy;, U+00AD) only says where a word may be hyphenated, and a zero-width space
    // (U+200B, pasted from web pages) where a line may break: neither shows, so the word is searched
    // and aligned without it (Luka\u200Bshenko is Lukashenko), the pieces around it joined.
    if (run.search(INVISIBLE_BREAKS) >= 0) return this.appendPieces(run, sourceStart, sourceEnd);
    const n = run.length;
    // Prose that is all one such stretch (no white space but single spaces inside, none at the ends)
    // is found so by the regex engine's scan, far faster than a look at each character here.
    if (n && !IRREGULAR_SPACE.test(run)) return this.addStretch(run, 0, n, sourceStart, sourceEnd);
    let sawText = false;
    for (let i = 0; i < n; ) {
      while (i < n && isSpace(run.charCodeAt(i))) i++;
      if (i === n) break;
      const from = i;
      for (;;) {
        while (i < n && !isSpace(run.charCodeAt(i))) i++;
        if (i + 1 < n && run.charCodeAt(i) === 32 && !isSpace(run.charCodeAt(i + 1))) i++;
        else break;
      }
      this.addStretch(run, from, i, sourceStart, sourceEnd);
      sawText = true;
    }
    if (n && (!sawText || isSpace(run.charCodeAt(n - 1)))) this.space = true;
  }

  private appendPieces(run: string, sourceStart: number, sourceEnd: number): void {
    let from = 0;
    for (const m of run.matchAll(INVISIBLE_BREAKS)) {
      if (m.index > from) this.append(run.slice(from, m.index), sourceStart + from);
      from = m.index + 1;
    }
    if (from < run.length) this.append(run.slice(from), sourceStart + from, sourceEnd);
  }

  /** Adds run[from, to), words with single spaces between them, after a space if one is due. */
  private addStretch(run: string, from: number, to: number, sourceStart: number, sourceEnd: number): void {
    if (this.length && (this.space || from > 0)) this.add(this.newline ? '\n' : ' ');
    this.newline = false;
    const source = sourceStart + from;
    if (source - this.length !== this.delta) {
      this.delta = source - this.length;
      this.map.push([this.length, source]);
    }
    this.add(run.slice(from, to));
    // A run that ends where the source run does ends where that does: a decoded entity is one
    // character for several in the source (&rdquo;), and its end is not its start plus one.
    const end = to === run.length ? sourceEnd : sourceStart + to;
    if (end !== sourceStart + to) this.ends.push([this.length, end]);
    this.lastSourceEnd = end;
    this.space = false;
  }

  private add(piece: string): void {
    this.pieces.push(piece);
    this.length += piece.length;
  }

  /** Inline boundary that separates words (e.g. <br>, a table cell) without ending the paragraph. */
  separate(): void { this.space = true; }

  /**
   * A line break inside the paragraph: kept as '\n' (the only white space left in a paragraph's text
   * that is not one space), where the segmenter ends a sentence unless a lowercase word goes on.
   */
  lineBreak(): void { this.space = true; this.newline = true; }

  /** Ends the current paragraph (if it has text). */
  close(): void {
    if (this.length) {
      const start = this.map[0][1];
      const verbatim = this.map.length === 1;
      const text = this.pieces.length === 1 ? this.pieces[0] : this.pieces.join('');
      const paragraph: SourceParagraph = { index: this.paragraphs.length, text, start, end: this.lastSourceEnd };
      if (!verbatim) paragraph.map = this.map; // not a spread, which costs several times more per object on Node 20
      if (this.ends.length) paragraph.ends = this.ends;
      this.paragraphs.push(paragraph);
    }
    this.pieces = []; this.length = 0; this.map = []; this.delta = NaN; this.space = false; this.newline = false;
    if (this.ends.length) this.ends = [];
  }
}

/** Where in the source the paragraph's text up to `textEnd` (exclusive) ends: just after its last character there. */
export function toSourceEnd(p: SourceParagraph, textEnd: number): number {
  if (p.ends) for (const [t, s] of p.ends) if (t === textEnd) return s;
  return toSourceOffset(p, textEnd - 1) + 1;
}

/** Maps an offset in a paragraph's text to an offset in the document's source text. */
export function toSourceOffset(p: SourceParagraph, offset: number): number {
  if (!p.map) return p.start + offset;
  let lo = 0, hi = p.map.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (p.map[mid][0] <= offset) lo = mid; else hi = mid - 1;
  }
  return p.map[lo][1] + (offset - p.map[lo][0]);
}
