// apply-review: the pipeline's segments with the reviewer's decisions applied, written as the job's
// outputs (segments.jsonl, TSV, TMX, XLIFF) by the export stage's writer, never by one of our own.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJobOutputs, type LanguagePair, type OutputFormat } from '../export/index.ts';
import type { Segment } from '../types.ts';
import { ReviewSession, SEGMENTS_FILE, type OpenOptions } from './session.ts';

export interface ApplySummary {
  decisions: number;
  count: number;
  confirmed: number;
  edited: number;
  restructured: number;
  files: string[];
  warnings: string[];
}

/** JSONL, TMX and XLIFF always; TSV when the pipeline wrote one (the job asked for it). */
export async function jobFormats(jobDir: string): Promise<OutputFormat[]> {
  const names = await readdir(jobDir).catch(() => [] as string[]);
  return names.includes('segments.tsv') ? ['jsonl', 'tsv', 'tmx', 'xliff'] : ['jsonl', 'tmx', 'xliff'];
}

/** The language pairs of the job's segments, one per unordered pair, in order of appearance. */
export function segmentPairs(segments: Segment[]): LanguagePair[] {
  const pairs: LanguagePair[] = [];
  for (const s of segments) {
    if (!s.tgt) continue;
    const [a, b] = [s.src.lang, s.tgt.lang];
    if (!pairs.some((p) => (p.srcLang === a && p.tgtLang === b) || (p.srcLang === b && p.tgtLang === a))) pairs.push({ srcLang: a, tgtLang: b });
  }
  return pairs;
}

export async function applyReview(jobDir: string, options: Pick<OpenOptions, 'matchTerms'> = {}): Promise<ApplySummary> {
  const session = await ReviewSession.open(jobDir, options);
  try {
    const segments = session.segments();
    const base = [...session.pristine.values()];
    const files = await writeJobOutputs(jobDir, {
      segments, pairs: segmentPairs([...base, ...segments]), formats: await jobFormats(jobDir),
    });
    await session.markApplied(await readFile(join(jobDir, SEGMENTS_FILE)));
    return {
      decisions: session.decisions, count: segments.length,
      confirmed: segments.filter((s) => s.reviewed).length,
      edited: segments.filter((s) => s.review?.edited).length,
      restructured: segments.filter((s) => s.review?.restructured).length,
      files: files.map((f) => f.slice(jobDir.length + 1)), warnings: session.warnings,
    };
  } finally {
    await session.close();
  }
}
