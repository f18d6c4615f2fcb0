// Building segments (the lines of segments.jsonl) from sentences and alignment beads: pure functions.
import { beadFlags } from '../align/index.ts';
import type { Bead, Change, Lang, Segment, SegmentSide, TermMatch } from '../types.ts';
import type { DocRef, NormalSentence } from './types.ts';

interface BuiltSide { side: SegmentSide; terms: TermMatch[] }

/** Joins sentences into one side of a segment; change and term offsets move into the joined text. */
export function buildSide(sentences: NormalSentence[], fallbackLang: Lang): BuiltSide {
  const changes: Change[] = [];
  const terms: TermMatch[] = [];
  let original = '';
  for (const s of sentences) {
    if (original) original += ' ';
    const shift = original.length;
    for (const c of s.changes) changes.push({ ...c, start: c.start + shift, end: c.end + shift });
    for (const m of s.terms) terms.push({ ...m, start: m.start + shift, end: m.end + shift });
    original += s.text;
  }
  const text = sentences.map((s) => s.normalized).join(' ');
  const side: SegmentSide = { lang: dominantLang(sentences) ?? fallbackLang, text };
  if (text !== original || changes.length) { side.original = original; side.changes = changes; }
  return { side, terms };
}

/** The language holding most characters among the sentences ('und' ones do not vote). */
export function dominantLang(sentences: Array<{ lang: Lang; text: string }>): Lang | undefined {
  const weight = new Map<Lang, number>();
  for (const s of sentences) if (s.lang !== 'und') weight.set(s.lang, (weight.get(s.lang) ?? 0) + s.text.length);
  let best: Lang | undefined, max = -1;
  for (const [lang, w] of weight) if (w > max) { best = lang; max = w; }
  return best;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Segments of a parallel pair: one per bead, in order, covering every sentence of both sides. */
export function pairSegments(src: { doc: DocRef; sentences: NormalSentence[]; lang: Lang },
  tgt: { doc: DocRef; sentences: NormalSentence[]; lang: Lang }, beads: Bead[], minScore: number): Segment[] {
  return beads.map((bead) => {
    const s = bead.src.map((i) => src.sentences[i]), t = bead.tgt.map((i) => tgt.sentences[i]);
    const builtSrc = buildSide(s, src.lang);
    const builtTgt = t.length ? buildSide(t, tgt.lang) : null;
    const flags = beadFlags(bead, { minScore });
    const srcIds = s.map((x) => x.id), tgtIds = t.map((x) => x.id);
    return {
      doc: src.doc.id,
      id: srcIds.length ? srcIds.join('+') : `tgt:${tgtIds.join('+')}`,
      src: builtSrc.side,
      tgt: builtTgt ? builtTgt.side : null,
      terms: [...builtSrc.terms.map((m) => ({ ...m, side: 'src' as const })),
        ...(builtTgt?.terms ?? []).map((m) => ({ ...m, side: 'tgt' as const }))],
      score: builtTgt && s.length ? round3(bead.score) : null,
      tgtDoc: tgt.doc.id,
      srcSentences: srcIds,
      tgtSentences: tgtIds,
      ...(flags.length ? { flags } : {}),
      ...(builtTgt && s.length ? { origin: 'aligned' as const } : {}),
    };
  });
}

/** Segments of a document without a parallel: one per sentence, target empty until translated. */
export function singleSegments(doc: DocRef, sentences: NormalSentence[], lang: Lang): Segment[] {
  return sentences.map((sentence) => {
    const built = buildSide([sentence], lang);
    return {
      doc: doc.id,
      id: sentence.id,
      src: built.side,
      tgt: null,
      terms: built.terms.map((m) => ({ ...m, side: 'src' as const })),
      score: null,
      srcSentences: [sentence.id],
    };
  });
}
