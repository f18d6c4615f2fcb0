// Output formats: pure writers (Segment[] -> file text) and readers (file text -> Segment[]), plus
// the one place that writes a job's outputs to disk atomically. Issue 2 fills in TMX and XLIFF.
import type { Lang, Segment } from '../types.ts';

export interface PairOptions { srcLang: Lang; tgtLang: Lang }

export function segmentsToJsonl(segments: Segment[]): string {
  return segments.map((s) => JSON.stringify(s) + '\n').join('');
}

export function segmentsToTmx(_segments: Segment[], _options: PairOptions): string {
  throw new Error('TMX writer not built yet');
}

export function segmentsToXliff(_segments: Segment[], _options: PairOptions & { doc: string; original?: string }): string {
  throw new Error('XLIFF writer not built yet');
}
