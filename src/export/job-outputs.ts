// Writing a job's outputs: segments.jsonl and .tsv, one TMX per language pair, one XLIFF per
// document and direction, and report.json, all renamed into place together (write.ts's atomic
// writer). Called at the end of a batch, whose documents were staged while it ran (stager.ts), and by
// `tandem apply-review`, which has all its segments at hand.
import { t } from '../i18n/index.ts';
import type { Segment } from '../types.ts';
import { documentKey, segmentsByDocument, type DocumentFileSettings, type JobDocument } from './document-files.ts';
import { OUTPUT_FORMATS, type OutputFormat } from './formats.ts';
import { DocumentStager } from './stager.ts';
import { commitTempFiles, discardTempFiles, writeTempFiles, type TempFile } from './write.ts';

/** The job's report, written by writeJobOutputs and read back by the review stage. */
export const REPORT_FILE = 'report.json';

/**
 * What writeJobOutputs writes, besides the settings (pairs, formats, glossary, creationDate):
 * - segments: the segments of documents not staged, in output order, a document's together (a
 *   document: an id and the translation it is paired with, Segment.doc and .tgtDoc).
 * - docs: optional document list (paths, directions), matched to the segments by id and tgtDoc, or by
 *   id alone. Documents not listed are taken from segments.
 * - report: written as report.json (pretty JSON) when given.
 */
export interface JobOutputInput extends DocumentFileSettings {
  segments: Segment[];
  docs?: JobDocument[];
  report?: unknown;
}

/**
 * Writes the requested outputs into outDir and returns the paths written, in writing order. The
 * documents in `stager` (whose settings must be input's) come first, in the order they were staged,
 * then those of `input.segments`, in the order of their segments.
 */
export async function writeJobOutputs(outDir: string, input: JobOutputInput, stager?: DocumentStager): Promise<string[]> {
  const unknown = (input.formats ?? OUTPUT_FORMATS).find((f) => !OUTPUT_FORMATS.includes(f as OutputFormat));
  if (unknown) throw new Error(t('export:unknownOutputFormat', { format: unknown }));

  const staging = stager ?? new DocumentStager(outDir, input);
  const byDoc = segmentsByDocument(input.segments);
  const docs = input.docs ?? [];
  const listed = new Map(docs.map((d) => [documentKey({ doc: d.id, tgtDoc: d.tgtDoc }), d]));
  const byId = new Map(docs.map((d) => [d.id, d]));
  let files: TempFile[];
  try {
    for (const [key, segments] of byDoc) {
      const { doc } = segments[0];
      staging.add(listed.get(key) ?? byId.get(doc) ?? { id: doc }, segments);
    }
    files = await staging.finish();
  } catch (error) {
    await staging.discard();
    throw error;
  }
  if (input.report !== undefined) {
    try {
      files.push(...await writeTempFiles(outDir, [[REPORT_FILE, JSON.stringify(input.report, null, 2) + '\n']]));
    } catch (error) {
      await discardTempFiles(files);
      throw error;
    }
  }
  return commitTempFiles(outDir, files);
}
