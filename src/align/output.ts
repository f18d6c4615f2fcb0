// Beads as the `tandem align` command writes them: JSONL lines, or segments for the TSV/TMX writers.
import type { Bead, Lang, Segment } from '../types.ts';
import { beadFlags } from './flags.ts';

/** One JSONL line per bead: {"src":[i...],"tgt":[j...],"score":x}, texts added on request. */
export function beadsToJsonl(beads: Bead[], texts?: { src: string[]; tgt: string[] }): string {
  return beads.map((b) => JSON.stringify({ src: b.src, tgt: b.tgt, score: b.score, ...(b.moved ? { moved: true } : {}),
    ...(texts ? { srcText: b.src.map((i) => texts.src[i]).join(' '), tgtText: b.tgt.map((j) => texts.tgt[j]).join(' ') } : {}),
  }) + '\n').join('');
}

export interface SegmentSource { doc: string; tgtDoc: string; srcLang: Lang; tgtLang: Lang; src: string[]; tgt: string[]; minScore?: number }

/** Segments for the export writers: one per bead, sentence ids are 0-based indexes, flags for review. */
export function beadsToSegments(beads: Bead[], from: SegmentSource): Segment[] {
  return beads.map((b) => {
    const flags = beadFlags(b, { minScore: from.minScore });
    const paired = b.src.length > 0 && b.tgt.length > 0;
    return {
      doc: from.doc,
      id: b.src.length ? b.src.join('+') : `tgt:${b.tgt.join('+')}`,
      src: { lang: from.srcLang, text: b.src.map((i) => from.src[i]).join(' ') },
      tgt: b.tgt.length ? { lang: from.tgtLang, text: b.tgt.map((j) => from.tgt[j]).join(' ') } : null,
      terms: [],
      score: paired ? b.score : null,
      tgtDoc: from.tgtDoc,
      srcSentences: b.src.map(String),
      tgtSentences: b.tgt.map(String),
      ...(flags.length ? { flags } : {}),
      ...(paired ? { origin: 'aligned' as const } : {}),
    };
  });
}

/** Counts for the summary line: beads by kind. */
export function beadSummary(beads: Bead[], minScore?: number) {
  const count = (flag: string) => beads.filter((b) => beadFlags(b, { minScore }).includes(flag)).length;
  return { beads: beads.length, unpaired: count('unpaired'), nonOneToOne: count('non-1:1'), moved: count('moved'), lowConfidence: count('low-confidence') };
}
