// apply-review: the pipeline's segments with the reviewer's decisions applied, written as the job's
// outputs (segments.jsonl, TSV, TMX, XLIFF) by the export stage's writer, never by one of our own.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { documentDirections, OUTPUT_FORMATS, REPORT_FILE, segmentsByDocument, writeJobOutputs, type LanguagePair, type OutputFormat } from '../export/index.ts';
import { t } from '../i18n/index.ts';
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

/**
 * The formats the pipeline wrote, as the job folder shows them (its report.json says the pipeline
 * ran): JSONL always, TSV, TMX and XLIFF when their files are there, because a job that asked for
 * `formats: [jsonl, xliff]` got a TMX file from apply-review that it had never asked for. A folder
 * with only a segments.jsonl gets JSONL, TMX and XLIFF.
 */
export function jobFormats(jobFiles: string[]): OutputFormat[] {
  const pipeline = jobFiles.includes(REPORT_FILE);
  const has: Record<OutputFormat, boolean> = {
    jsonl: true, tsv: jobFiles.includes('segments.tsv'),
    tmx: !pipeline || jobFiles.some((f) => f.endsWith('.tmx')), xliff: !pipeline || jobFiles.includes('xliff'),
  };
  return OUTPUT_FORMATS.filter((format) => has[format]);
}

/**
 * The job's language pairs: those of the TMX files the pipeline wrote (`en-ru.tmx`), then each
 * document's main direction (quoted material in another language does not make a pair of its own).
 */
export function jobPairs(tmxNames: string[], segments: Segment[]): LanguagePair[] {
  const pairs: LanguagePair[] = [];
  const add = (srcLang: string, tgtLang: string) => {
    const known = pairs.some((p) => (p.srcLang === srcLang && p.tgtLang === tgtLang) || (p.srcLang === tgtLang && p.tgtLang === srcLang));
    if (!known && srcLang !== tgtLang) pairs.push({ srcLang, tgtLang });
  };
  for (const name of tmxNames) {
    const m = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*?)-([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\.tmx$/.exec(name);
    if (m) add(m[1], m[2]);
  }
  // The export stage's rule for a document's direction (its most common languages); with no pairs
  // given, a document without targets has none.
  for (const docSegments of segmentsByDocument(segments).values()) {
    for (const d of documentDirections({ id: docSegments[0].doc }, docSegments, [])) add(d.srcLang, d.tgtLang);
  }
  return pairs;
}

/** Writes the session's corrected segments as the job's outputs (what apply-review and the page's button do). */
export async function writeReviewed(session: ReviewSession): Promise<ApplySummary> {
  const jobDir = session.jobDir;
  const segments = session.segments();
  // One listing of the job folder tells both the pairs (its TMX files) and the formats (a TSV or not).
  const jobFiles = await readdir(jobDir);
  // The documents' directions from the pipeline's report, so a document without targets gets the
  // XLIFF the pipeline wrote for it, not one for every pair that has its language.
  const files = await writeJobOutputs(jobDir, {
    glossary: session.glossary, segments, pairs: jobPairs(jobFiles.filter((f) => f.endsWith('.tmx')), [...session.pristine.values()]),
    formats: jobFormats(jobFiles), docs: session.documents,
  });
  await session.markApplied(await readFile(join(jobDir, SEGMENTS_FILE)));
  // Without the glossary the XLIFF notes the pipeline wrote ("→ ru: Тихановская") come out poorer,
  // for every document: easy to miss, so say it.
  const warnings = !session.glossary && segments.some((s) => s.terms.length)
    ? [...session.warnings, t('review:noGlossaryApplied')] : session.warnings;
  return {
    decisions: session.decisions, count: segments.length,
    confirmed: segments.filter((s) => s.reviewed).length,
    edited: segments.filter((s) => s.review?.edited).length,
    restructured: segments.filter((s) => s.review?.restructured).length,
    files: files.map((f) => relative(jobDir, f)), warnings,
  };
}

export async function applyReview(jobDir: string, options: Pick<OpenOptions, 'matchTerms' | 'glossary'> = {}): Promise<ApplySummary> {
  const session = await ReviewSession.open(jobDir, options);
  try {
    return await writeReviewed(session);
  } finally {
    await session.close();
  }
}
