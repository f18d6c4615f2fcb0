// apply-review: the pipeline's segments with the reviewer's decisions applied, written as the job's
// outputs (segments.jsonl, TSV, TMX, XLIFF) by the export stage's writer, never by one of our own.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as exportStage from '../export/index.ts';
import type { ReviewedSegment } from './model.ts';
import { ReviewSession, SEGMENTS_FILE } from './session.ts';

export interface ApplySummary {
  decisions: number;
  count: number;
  confirmed: number;
  edited: number;
  restructured: number;
  files: string[];
  warnings: string[];
}

type Writer = (dir: string, segments: ReviewedSegment[]) => Promise<string[] | void>;

/** The export stage's job writer; see src/export/index.ts. */
function jobWriter(): Writer {
  const write = (exportStage as Record<string, unknown>).writeJobOutputs;
  if (typeof write !== 'function') throw new Error('the export stage has no writeJobOutputs yet');
  return write as Writer;
}

export async function applyReview(jobDir: string): Promise<ApplySummary> {
  const session = await ReviewSession.open(jobDir);
  try {
    const segments = session.segments();
    const written = await jobWriter()(jobDir, segments);
    await session.markApplied(await readFile(join(jobDir, SEGMENTS_FILE)));
    return {
      decisions: session.decisions, count: segments.length,
      confirmed: segments.filter((s) => s.review?.confirmed).length,
      edited: segments.filter((s) => s.review?.edited).length,
      restructured: segments.filter((s) => s.review?.restructured).length,
      files: Array.isArray(written) ? written : [SEGMENTS_FILE], warnings: session.warnings,
    };
  } finally {
    await session.close();
  }
}
