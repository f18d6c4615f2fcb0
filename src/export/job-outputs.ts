// What a job's outputs are, and writing them: segments.jsonl and .tsv, one TMX per language pair, one
// XLIFF per document and direction, and report.json, all through write.ts's atomic writer. Called by
// the pipeline (which hands each finished document's XLIFF to a DocumentStager while later documents
// are still processed) and by `tandem apply-review`.
import { createHash } from 'node:crypto';
import { t } from '../i18n/index.ts';
import type { Glossary, Lang, Segment } from '../types.ts';
import { segmentsToJsonl } from './jsonl.ts';
import { tmxEnvelope, tmxUnits } from './tmx.ts';
import { segmentsToTsvRows, TSV_HEADER } from './tsv.ts';
import { utf8 } from './utf8.ts';
import { segmentsToXliff } from './xliff.ts';
import {
  commitTempFiles, discardTempFiles, TempFileBatches, writeTempFiles, type FileContent, type TempFile,
} from './write.ts';

export type OutputFormat = 'jsonl' | 'tsv' | 'tmx' | 'xliff';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['jsonl', 'tsv', 'tmx', 'xliff'];

/** The job's report, written by writeJobOutputs and read back by the review stage. */
export const REPORT_FILE = 'report.json';

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

/**
 * A document id as a relative path inside the output folder: no absolute paths, no '..', and none of
 * the characters Windows refuses in file names. Those are percent-encoded (and '%' itself), not
 * replaced by one stand-in, so that two documents never share a file: 'a?b.txt' and 'a_b.txt' both
 * became 'a_b.txt' and the second XLIFF overwrote the first.
 */
export function safeRelativePath(id: string): string {
  const parts = id.split(/[\\/]+/).filter((part) => part && part !== '.' && part !== '..')
    .map((part) => part.replace(/[\u0000-\u001F<>:"|?*%]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
  return parts.join('/') || '_';
}

// File names may have 255 bytes; the temp file each is written as first (write.ts) adds about 25.
const MAX_NAME_BYTES = 200;

/**
 * `name + suffix` as a file name, the name cut (whole code points) when the two are too long, with a
 * hash of the whole name so that names cut alike stay apart: a scraped article named after its
 * 120-letter Cyrillic title (231 bytes, a legal name) made the job's XLIFF name too long, and the
 * failed write lost every output of the job.
 */
function fitName(name: string, suffix: string): string {
  if (Buffer.byteLength(name + suffix) <= MAX_NAME_BYTES) return name + suffix;
  const tag = `~${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
  const chars = Array.from(name);
  let bytes = Buffer.byteLength(tag + suffix);
  let keep = 0;
  while (keep < chars.length && bytes + Buffer.byteLength(chars[keep]) <= MAX_NAME_BYTES) bytes += Buffer.byteLength(chars[keep++]);
  return chars.slice(0, keep).join('') + tag + suffix;
}

/** The path of a document's file in the output folder: its own path, made safe, plus `suffix`. */
function documentFilePath(id: string, suffix: string): string {
  const parts = safeRelativePath(id).split('/');
  const last = parts.pop()!;
  return [...parts.map((part) => fitName(part, '')), fitName(last, suffix)].join('/');
}

/** What decides a document's own files besides its segments: the same for every document of a job. */
export type DocumentFileSettings = Pick<JobOutputInput, 'pairs' | 'formats' | 'glossary'>;

/**
 * A document's own files (its XLIFF, one per direction), as [path in the output folder, content].
 * `directions`: the document's, when the caller has them already.
 */
export function documentFiles(doc: JobDocument, segments: Segment[], settings: DocumentFileSettings,
  directions = documentDirections(doc, segments, settings.pairs)): Array<[string, string]> {
  if (!(settings.formats ?? OUTPUT_FORMATS).includes('xliff')) return [];
  return directions.map((dir) => [
    `xliff/${documentFilePath(doc.id, `.${safeRelativePath(dir.srcLang)}-${safeRelativePath(dir.tgtLang)}.xlf`)}`,
    // The keys listed, not `...dir` and more: a spread plus new keys made a new hidden class each call.
    segmentsToXliff(segments, { srcLang: dir.srcLang, tgtLang: dir.tgtLang, doc: doc.id, original: doc.path ?? doc.id,
      glossary: settings.glossary }),
  ]);
}

/**
 * A document's share of the job-wide files: its JSONL lines, TSV rows and TMX units, as UTF-8 bytes
 * (off the JavaScript heap, and one flat block where a string built piece by piece is a tree).
 */
interface DocumentText {
  jsonl: Buffer;
  tsv: Buffer;
  /** <tu> elements per language pair (pairKey of the TMX file's pair). */
  tmx: Map<string, Buffer>;
}

const NONE = Buffer.alloc(0);

const pairKey = (p: LanguagePair) => `${p.srcLang}\u0000${p.tgtLang}`;

/**
 * The segments' share of the job-wide files, for the TMX files of `tmxPairs` (a segment goes to those
 * of its document's directions). A same-language segment (a quotation kept as it is in the
 * translation) is no translation unit: it stays in JSONL, TSV and XLIFF for context but would only
 * pollute a memory.
 */
function documentText(segments: Segment[], directionsOf: (doc: string) => LanguagePair[], tmxPairs: LanguagePair[],
  formats: readonly string[]): DocumentText {
  const tmx = new Map<string, Buffer>();
  if (formats.includes('tmx')) {
    const units = segments.filter((s) => s.tgt && s.tgt.lang !== s.src.lang);
    for (const pair of tmxPairs) {
      const inPair = units.filter((s) => directionsOf(s.doc).some((d) => samePair(d, pair)));
      if (inPair.length) tmx.set(pairKey(pair), utf8(tmxUnits(inPair, pair)));
    }
  }
  return {
    jsonl: formats.includes('jsonl') ? utf8(segmentsToJsonl(segments)) : NONE,
    tsv: formats.includes('tsv') ? utf8(segmentsToTsvRows(segments)) : NONE,
    tmx,
  };
}

interface StagedDocument { files: Promise<TempFile[]>; directions: LanguagePair[]; text?: DocumentText }

/**
 * Finished documents' outputs prepared while later documents are still processed: their own files
 * (XLIFF) written to temp files, so a batch does not wait for a thousand small writes at its end,
 * and their share of the job-wide files kept as text, so their segments need not be kept.
 * writeJobOutputs renames and joins them with the job's other files, or `discard` removes them.
 */
export class DocumentStager {
  private readonly staged = new Map<string, StagedDocument>();
  private readonly writes: TempFileBatches;
  constructor(outDir: string, readonly settings: DocumentFileSettings) {
    this.writes = new TempFileBatches(outDir);
  }

  /**
   * Stages a finished document. True when its share of the job-wide files is kept too, so the caller
   * may drop its segments; false when a direction outside the job's pairs leaves its TMX to the end.
   */
  add(doc: JobDocument, segments: Segment[]): boolean {
    const directions = documentDirections(doc, segments, this.settings.pairs);
    // Encoded now: a string would wait for its batch on the JavaScript heap, copied by every minor GC.
    const files = this.writes.add(documentFiles(doc, segments, this.settings, directions)
      .map(([path, text]): [string, Uint8Array] => [path, utf8(text)]));
    const covered = directions.every((d) => this.settings.pairs.some((p) => samePair(p, d)));
    const text = covered ? documentText(segments, () => directions, this.settings.pairs,
      this.settings.formats ?? OUTPUT_FORMATS) : undefined;
    this.staged.set(doc.id, { files, directions, text });
    return covered;
  }

  has(id: string): boolean { return this.staged.has(id); }

  /** The document's share of segments.jsonl as staged (one line per segment), if the job writes one. */
  jsonl(id: string): Uint8Array | undefined {
    const formats = this.settings.formats ?? OUTPUT_FORMATS;
    return formats.includes('jsonl') ? this.staged.get(id)?.text?.jsonl : undefined;
  }

  /** The staged documents, in the order they were staged. */
  ids(): string[] { return [...this.staged.keys()]; }

  /** The document's staged outputs (and its files are no longer this stager's to discard). */
  take(id: string): StagedDocument | undefined {
    this.writes.flush();
    const staged = this.staged.get(id);
    this.staged.delete(id);
    return staged;
  }

  async discard(): Promise<void> {
    this.writes.flush();
    const all = await Promise.allSettled([...this.staged.values()].map((d) => d.files));
    this.staged.clear();
    await discardTempFiles(all.flatMap((r) => (r.status === 'fulfilled' ? r.value : [])));
  }
}

/**
 * Writes the requested outputs into outDir and returns the paths written, in writing order.
 * Documents in `stager` were prepared ahead (its settings must be input's): their own files are
 * only renamed and their share of the job-wide files joined in; their segments may be left out of
 * `input.segments` (when `add` said so), and documents then come in the order of `input.docs`, then
 * of the segments, then of staging.
 */
export async function writeJobOutputs(outDir: string, input: JobOutputInput, stager?: DocumentStager): Promise<string[]> {
  const formats = input.formats ?? OUTPUT_FORMATS;
  const unknown = formats.find((f) => !OUTPUT_FORMATS.includes(f as OutputFormat));
  if (unknown) throw new Error(t('export:unknownOutputFormat', { format: unknown }));

  const byDoc = new Map<string, Segment[]>();
  for (const s of input.segments) {
    const list = byDoc.get(s.doc);
    if (list) list.push(s); else byDoc.set(s.doc, [s]);
  }
  const docInfo = new Map((input.docs ?? []).map((d) => [d.id, d]));
  const staged = new Map<string, StagedDocument>();
  // Listed documents first; one staged but neither listed nor among the segments still gets written.
  const listed = stager ? (input.docs ?? []).map((d) => d.id).filter((id) => stager.has(id) || byDoc.has(id)) : [];
  const order = [...new Set([...listed, ...byDoc.keys(), ...(stager?.ids() ?? [])])];
  for (const id of order) { const s = stager?.take(id); if (s) staged.set(id, s); }
  const directions = new Map(order.map((id) => [id, staged.get(id)?.directions
    ?? documentDirections(docInfo.get(id) ?? { id }, byDoc.get(id) ?? [], input.pairs)]));
  const pairs = formats.includes('tmx') ? tmxPairs(input.pairs, [...directions.values()].flat()) : [];
  const directionsOf = (id: string) => directions.get(id) ?? [];
  // Each document's share of the job-wide files, prepared ahead or made now from its segments; without
  // a stager, all segments at once in their own order.
  const texts = stager
    ? order.map((id) => staged.get(id)?.text ?? documentText(byDoc.get(id) ?? [], directionsOf, pairs, formats))
    : [documentText(input.segments, directionsOf, pairs, formats)];

  const files: Array<[string, FileContent] | Promise<TempFile[]>> = [];
  if (formats.includes('jsonl')) files.push(['segments.jsonl', texts.map((d) => d.jsonl)]);
  if (formats.includes('tsv')) files.push(['segments.tsv', [Buffer.from(TSV_HEADER), ...texts.map((d) => d.tsv)]]);
  for (const pair of pairs) {
    const { head, tail } = tmxEnvelope({ ...pair, creationDate: input.creationDate });
    files.push([`${safeRelativePath(pair.srcLang)}-${safeRelativePath(pair.tgtLang)}.tmx`,
      [Buffer.from(head), ...texts.map((d) => d.tmx.get(pairKey(pair)) ?? NONE), Buffer.from(tail)]]);
  }
  if (formats.includes('xliff')) {
    for (const id of order) {
      const ahead = staged.get(id)?.files;
      if (ahead) files.push(ahead);
      else files.push(...documentFiles(docInfo.get(id) ?? { id }, byDoc.get(id) ?? [], { ...input, formats }, directionsOf(id)));
    }
  }
  if (input.report !== undefined) files.push([REPORT_FILE, JSON.stringify(input.report, null, 2) + '\n']);

  // Staged files arrive as promises: all are awaited (and on failure removed) before anything is renamed.
  const isNew = (f: (typeof files)[number]): f is [string, FileContent] => Array.isArray(f);
  const ahead = await Promise.allSettled(files.map((f) => (isNew(f) ? [] : f)));
  const written = ahead.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  const failed = ahead.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  let fresh: TempFile[];
  try {
    if (failed) throw failed.reason;
    fresh = await writeTempFiles(outDir, files.filter(isNew));
  } catch (error) {
    await discardTempFiles(written);
    throw error;
  }
  let k = 0;
  const ordered = files.flatMap((f, i) => (isNew(f) ? [fresh[k++]] : (ahead[i] as PromiseFulfilledResult<TempFile[]>).value));
  return commitTempFiles(outDir, ordered);
}
