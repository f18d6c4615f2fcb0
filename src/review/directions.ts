// Each document's translation direction as the pipeline chose it, read from the job's report.json.
// segments.jsonl cannot tell it for a document without targets (the pipeline writes it in the job's
// first pair that has its language), so without this a review would guess: a reviewer's translation
// could get another language, and apply-review would write XLIFF files for every pair of the job
// that the pipeline never wrote.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPORT_FILE, type JobDocument } from '../export/index.ts';

/** A document's direction; `tgtDoc` tells apart an original's pairs with translations in two languages. */
type Direction = Required<Pick<JobDocument, 'id' | 'srcLang' | 'tgtLang'>> & Pick<JobDocument, 'tgtDoc'>;

/** The report's finished documents with their direction; none when the report is missing or unreadable. */
export function reportDirections(report: unknown): Direction[] {
  const documents = (report as { documents?: unknown } | null)?.documents;
  if (!Array.isArray(documents)) return [];
  return documents.flatMap((d: Record<string, unknown> | null) => (
    d && typeof d.doc === 'string' && typeof d.srcLang === 'string' && typeof d.tgtLang === 'string' && d.srcLang !== d.tgtLang
      ? [{ id: d.doc, srcLang: d.srcLang, tgtLang: d.tgtLang, ...(typeof d.tgtDoc === 'string' ? { tgtDoc: d.tgtDoc } : {}) }] : []));
}

/** reportDirections of the job folder's report.json. It is advice: a job without one still opens. */
export async function readJobDirections(jobDir: string): Promise<Direction[]> {
  try {
    return reportDirections(JSON.parse(await readFile(join(jobDir, REPORT_FILE), 'utf8')));
  } catch {
    return [];
  }
}
