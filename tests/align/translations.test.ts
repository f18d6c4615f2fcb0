// The aligner on translations that are not 1:1 copies (data/align/translations): abridged, restructured,
// with captions moved and notes added, and a "translation" that is a different article.
import { describe, expect, it } from 'vitest';
import { alignDocuments, strictScores } from '../../src/align/index.ts';
import { paragraphs, translationDocuments, type Corpus } from '../../scripts/eval/align-data.ts';

const docs = new Map(translationDocuments().map((c) => [c.name.replace('translations/', ''), c]));
const align = (c: Corpus) => alignDocuments(paragraphs(c.src, c.srcParas), paragraphs(c.tgt, c.tgtParas), { srcLang: c.srcLang, tgtLang: c.tgtLang });
const textOf = (c: Corpus, b: { src: number[]; tgt: number[] }) => ({ src: b.src.map((i) => c.src[i]), tgt: b.tgt.map((j) => c.tgt[j]) });

describe('translations that are not 1:1 copies', () => {
  it('reads one-sided paragraph breaks of the gold files', () => {
    const metro = docs.get('metro-merged-split')!;
    // The translator split the original's third paragraph in two.
    expect(metro.tgtParas!.length).toBe(metro.srcParas!.length + 1);
  });

  it('fits the length ratio on the pairs it found when half of the original is not translated', () => {
    // With the ratio of the total lengths (0.58 instead of ~1) the untranslated sentence after
    // "He said the region could not afford more..." was merged into that pair at a score of 0.98.
    const c = docs.get('budget-abridged')!;
    const beads = align(c);
    const taxes = beads.find((b) => c.src[b.src[0]]?.startsWith('He said the region'))!;
    expect(textOf(c, taxes).src).toHaveLength(1);
    expect(strictScores(beads, c.gold).f1).toBeGreaterThanOrEqual(0.9);
  });

  it('aligns merged, split and added sentences and a moved caption', () => {
    for (const name of ['metro-merged-split', 'flood-caption-tweet']) {
      const c = docs.get(name)!;
      expect(strictScores(align(c), c.gold).f1, name).toBe(1);
    }
  });
});
