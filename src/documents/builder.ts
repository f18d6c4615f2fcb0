// Builds a paragraph's clean text from pieces of a source file (text runs of HTML or Markdown, lines
// of plain text) while remembering where each piece came from, so that sentences can be traced back
// to source offsets even after markup was stripped and whitespace collapsed.
import type { Paragraph } from '../types.ts';

/** Breakpoints [textOffset, sourceOffset]: text offset t maps to s + (t - t0) of the last t0 <= t. */
export type OffsetMap = Array<[number, number]>;

export interface SourceParagraph extends Paragraph {
  /** Present when paragraph text is not a verbatim slice of the source. */
  map?: OffsetMap;
}

export class ParagraphBuilder {
  private text = '';
  private map: OffsetMap = [];
  private delta = NaN;
  private space = false;
  private lastSourceEnd = 0;
  readonly paragraphs: SourceParagraph[] = [];

  /** Appends a run of source text that starts at `sourceStart`; whitespace runs become one space. */
  append(run: string, sourceStart: number): void {
    const words = /\S+/g;
    let m: RegExpExecArray | null;
    let sawText = false;
    while ((m = words.exec(run))) {
      if (this.text && (this.space || m.index > 0)) this.text += ' ';
      const source = sourceStart + m.index;
      if (source - this.text.length !== this.delta) {
        this.delta = source - this.text.length;
        this.map.push([this.text.length, source]);
      }
      this.text += m[0];
      this.lastSourceEnd = source + m[0].length;
      this.space = false;
      sawText = true;
    }
    if (/\s$/.test(run) || (!sawText && run.length)) this.space = true;
  }

  /** Inline boundary that separates words (e.g. <br>, a table cell) without ending the paragraph. */
  separate(): void { this.space = true; }

  /** Ends the current paragraph (if it has text). */
  close(): void {
    if (this.text) {
      const start = this.map[0][1];
      const verbatim = this.map.length === 1;
      this.paragraphs.push({ index: this.paragraphs.length, text: this.text, start, end: this.lastSourceEnd,
        ...(verbatim ? {} : { map: this.map }) });
    }
    this.text = ''; this.map = []; this.delta = NaN; this.space = false;
  }
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
