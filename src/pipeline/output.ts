// A finished (or failed) document's record: segments plus the figures report.json shows.
import type { DocContext, DocOutput } from './types.ts';

export function documentOutput(ctx: DocContext): DocOutput {
  const segments = ctx.failure ? [] : (ctx.segments ?? []);
  const sum = ctx.summary;
  const terms = segments.reduce((sum, s) => sum + s.terms.length, 0);
  const changes = segments.reduce((sum, s) => sum + (s.src.changes?.length ?? 0) + (s.tgt?.changes?.length ?? 0), 0);
  return {
    task: ctx.input.task,
    status: ctx.failure ? 'failed' : 'done',
    ...(sum?.date ? { date: sum.date } : {}),
    ...(sum?.srcLang ? { srcLang: sum.srcLang, tgtLang: sum.tgtLang } : {}),
    languages: sum?.languages ?? {},
    counts: {
      paragraphs: sum?.paragraphs ?? 0,
      sentences: sum?.sentences ?? 0,
      tgtSentences: sum?.tgtSentences ?? 0,
      segments: segments.length,
      aligned: segments.filter((s) => s.origin === 'aligned').length,
      // Filled by a translation provider (tm, mt, glossary): a target sentence left without a source
      // (a translator's addition) has a target too, but nobody translated it.
      translated: segments.filter((s) => s.tgt && s.origin !== undefined && s.origin !== 'aligned').length,
      terms,
      changes,
      flagged: segments.filter((s) => s.flags?.length).length,
    },
    timeMs: totalTime(ctx),
    stageMs: ctx.times,
    segments,
    ...(ctx.failure ? { failure: ctx.failure } : {}),
    ...(ctx.problems?.length ? { problems: ctx.problems } : {}),
  };
}

/** The document's processing time in whole milliseconds (its stages are timed more finely). */
export const totalTime = (ctx: DocContext) => Math.round(Object.values(ctx.times).reduce((a, b) => a + b, 0));

/** What went wrong with a document: its failure, then the problems it was done in spite of. */
export function problemsOf(o: Pick<DocOutput, 'failure' | 'problems'>): NonNullable<DocOutput['problems']> {
  return [...(o.failure ? [o.failure] : []), ...(o.problems ?? [])];
}
