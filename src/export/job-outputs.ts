// What a job's outputs are, and writing them: segments.jsonl and .tsv, one TMX per language pair, one
// XLIFF per document and direction, and report.json, all through write.ts's atomic writer. Called by
// the pipeline (which hands each finished document's XLIFF to a DocumentStager while later documents
// are still processed) and by `tandem apply-review`.
import { t } from '../i18n/index.ts';
import type { Glossary, Lang, Segment } from '../types.ts';
import { segmentsToJsonl } from './jsonl.ts';
import { segmentsToTmx } from './tmx.ts';
import { segmentsToTsv } from './tsv.ts';
import { segmentsToXliff } from './xliff.ts';
import { commitTempFiles, discardTempFiles, writeTempFiles, type TempFile } from './write.ts';

export type OutputFormat = 'jsonl' | 'tsv' | 'tmx' | 'xliff';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['jsonl', 'tsv', 'tmx', 'xliff'];

export interface LanguagePair { srcLang: Lang; tgtLang: Lang }

/** A document of the job, for the XLIFF <file original> and, optionally, its translation direction. */
export interface JobDocument {
  /** Segment.doc of its segments. */
  id: string;
  /** Path written as XLIFF <file original="...">; defaults to the id. */
  path?: string;
  /** Direction of the document; derived from its segments and the job's pairs when absent. */
  srcLang?: Lang;
  tgtLang?: Lang;
}

/**
 * What writeJobOutputs writes:
 * - segments: every segment of the job, in output order (paired, unpaired and translated alike).
 * - pairs: the job's language pairs, e.g. [{srcLang:'en', tgtLang:'ru'}]. One TMX per pair
 *   (`<src>-<tgt>.tmx`, both directions of the pair in it); an unpaired document in language L gets
 *   an XLIFF for every pair that has L on one side.
 * - docs: optional document list (paths, directions). Documents not listed are taken from segments.
 * - report: written as report.json (pretty JSON) when given.
 * - formats: which of jsonl, tsv, tmx, xliff to write (default: all).
 * - creationDate: TMX header creationdate; omitted when absent so reruns are byte-identical.
 * - glossary: optional; XLIFF glossary notes then name each term's preferred target form.
 */
export interface JobOutputInput {
  segments: Segment[];
  pairs: LanguagePair[];
  docs?: JobDocument[];
  report?: unknown;
  formats?: readonly string[];
  creationDate?: string;
  /** The job's glossary, so XLIFF glossary notes can give preferred target-language forms. */
  glossary?: Glossary;
}

function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, n] of counts) if (best === undefined || n > counts.get(best)!) best = value;
  return best;
}

/** The directions a document is written in: its own, or every pair that has its language. */
export function documentDirections(doc: JobDocument, segments: Segment[], pairs: LanguagePair[]): LanguagePair[] {
  const srcLang = doc.srcLang ?? mostCommon(segments.map((s) => s.src.lang));
  const tgtLang = doc.tgtLang ?? mostCommon(segments.map((s) => s.tgt?.lang));
  if (!srcLang) return [];
  if (tgtLang) return [{ srcLang, tgtLang }];
  const targets = pairs.flatMap((p) => (p.srcLang === srcLang ? [p.tgtLang] : p.tgtLang === srcLang ? [p.srcLang] : []));
  return [...new Set(targets)].map((tgt) => ({ srcLang, tgtLang: tgt }));
}

const samePair = (a: LanguagePair, b: LanguagePair) => (a.srcLang === b.srcLang && a.tgtLang === b.tgtLang)
  || (a.srcLang === b.tgtLang && a.tgtLang === b.srcLang);

/** The job's pairs, plus any direction found in the documents that no pair covers (one TMX each). */
function tmxPairs(pairs: LanguagePair[], directions: LanguagePair[]): LanguagePair[] {
  const out: LanguagePair[] = [];
  for (const candidate of [...pairs, ...directions]) if (!out.some((p) => samePair(p, candidate))) out.push(candidate);
  return out;
}

/** A document id as a relative path inside the output folder: no absolute paths, no '..'. */
export function safeRelativePath(id: string): string {
  const parts = id.split(/[\\/]+/).filter((part) => part && part !== '.' && part !== '..')
    .map((part) => part.replace(/[\u0000-\u001F<>:"|?*]/g, '_'));
  return parts.join('/') || '_';
}

/** What decides a document's own files besides its segments: the same for every document of a job. */
export type DocumentFileSettings = Pick<JobOutputInput, 'pairs' | 'formats' | 'glossary'>;

/** A document's own files (its XLIFF, one per direction), as [path in the output folder, content]. */
export function documentFiles(doc: JobDocument, segments: Segment[], settings: DocumentFileSettings): Array<[string, string]> {
  if (!(settings.formats ?? OUTPUT_FORMATS).includes('xliff')) return [];
  return documentDirections(doc, segments, settings.pairs).map((dir) => [
    `xliff/${safeRelativePath(doc.id)}.${safeRelativePath(dir.srcLang)}-${safeRelativePath(dir.tgtLang)}.xlf`,
    segmentsToXliff(segments, { ...dir, doc: doc.id, original: doc.path ?? doc.id, glossary: settings.glossary }),
  ]);
}

/**
 * Documents' own files written (to temp files) as soon as each document is finished, while later
 * ones are still being processed, so a batch does not wait for a thousand small writes at its end.
 * writeJobOutputs renames them into place with the job's other files, or `discard` removes them.
 */
export class DocumentStager {
  private readonly staged = new Map<string, Promise<TempFile[]>>();
  private readonly folders = new Set<string>();
  constructor(private readonly outDir: string, readonly settings: DocumentFileSettings) {}

  add(doc: JobDocument, segments: Segment[]): void {
    const written = writeTempFiles(this.outDir, documentFiles(doc, segments, this.settings), this.folders);
    written.catch(() => { /* reported when taken */ });
    this.staged.set(doc.id, written);
  }

  /** The document's staged files (and they are no longer this stager's to discard). */
  take(id: string): Promise<TempFile[]> | undefined {
    const files = this.staged.get(id);
    this.staged.delete(id);
    return files;
  }

  async discard(): Promise<void> {
    const all = await Promise.allSettled(this.staged.values());
    this.staged.clear();
    await discardTempFiles(all.flatMap((r) => (r.status === 'fulfilled' ? r.value : [])));
  }
}

/**
 * Writes the requested outputs into outDir and returns the paths written, in writing order. Files
 * of documents in `stager` were written ahead and are only renamed (its settings must be input's).
 */
export async function writeJobOutputs(outDir: string, input: JobOutputInput, stager?: DocumentStager): Promise<string[]> {
  const formats = input.formats ?? OUTPUT_FORMATS;
  const unknown = formats.find((f) => !OUTPUT_FORMATS.includes(f as OutputFormat));
  if (unknown) throw new Error(t('export:unknownOutputFormat', { format: unknown }));
  const files: Array<[string, string] | Promise<TempFile[]>> = [];
  if (formats.includes('jsonl')) files.push(['segments.jsonl', segmentsToJsonl(input.segments)]);
  if (formats.includes('tsv')) files.push(['segments.tsv', segmentsToTsv(input.segments)]);

  const byDoc = new Map<string, Segment[]>();
  for (const s of input.segments) {
    const list = byDoc.get(s.doc);
    if (list) list.push(s); else byDoc.set(s.doc, [s]);
  }
  const docInfo = new Map((input.docs ?? []).map((d) => [d.id, d]));
  const directions = new Map<string, LanguagePair[]>();
  for (const [id, segments] of byDoc) directions.set(id, documentDirections(docInfo.get(id) ?? { id }, segments, input.pairs));

  if (formats.includes('tmx')) {
    for (const pair of tmxPairs(input.pairs, [...directions.values()].flat())) {
      const inPair = (d: LanguagePair) => samePair(d, pair);
      // A same-language segment (a quotation kept as it is in the translation) is no translation
      // unit: it stays in JSONL, TSV and XLIFF for context but would only pollute a memory.
      const segments = input.segments.filter((s) => s.tgt && s.tgt.lang !== s.src.lang
        && (directions.get(s.doc) ?? []).some(inPair));
      files.push([`${safeRelativePath(pair.srcLang)}-${safeRelativePath(pair.tgtLang)}.tmx`,
        segmentsToTmx(segments, { ...pair, creationDate: input.creationDate })]);
    }
  }
  if (formats.includes('xliff')) {
    for (const [id, segments] of byDoc) {
      const staged = stager?.take(id);
      if (staged) files.push(staged);
      else files.push(...documentFiles(docInfo.get(id) ?? { id }, segments, { ...input, formats }));
    }
  }
  if (input.report !== undefined) files.push(['report.json', JSON.stringify(input.report, null, 2) + '\n']);
  await stager?.discard(); // documents staged but not among the segments (none, unless a caller errs)

  // Staged files arrive as promises: all are awaited (and on failure removed) before anything is renamed.
  const isNew = (f: (typeof files)[number]): f is [string, string] => Array.isArray(f);
  const ahead = await Promise.allSettled(files.map((f) => (isNew(f) ? [] : f)));
  const staged = ahead.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  const failed = ahead.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  let fresh: TempFile[];
  try {
    if (failed) throw failed.reason;
    fresh = await writeTempFiles(outDir, files.filter(isNew));
  } catch (error) {
    await discardTempFiles(staged);
    throw error;
  }
  let k = 0;
  const ordered = files.flatMap((f, i) => (isNew(f) ? [fresh[k++]] : (ahead[i] as PromiseFulfilledResult<TempFile[]>).value));
  return commitTempFiles(outDir, ordered);
}
