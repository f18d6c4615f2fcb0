// What a document's files in a job's output folder are: the directions it is written in, its XLIFF
// file per direction, and the safe relative paths they go to. Shared by the stager (documents
// finished during a batch) and writeJobOutputs.
import { createHash } from 'node:crypto';
import type { Glossary, Lang, Segment } from '../types.ts';
import { OUTPUT_FORMATS } from './formats.ts';
import { segmentsToXliff } from './xliff.ts';

export interface LanguagePair { srcLang: Lang; tgtLang: Lang }

/** A document of the job, for the XLIFF <file original> and, optionally, its translation direction. */
export interface JobDocument {
  /** Segment.doc of its segments. */
  id: string;
  /**
   * Segment.tgtDoc of its segments: the translation it is paired with. An original paired with a
   * translation in each of two languages is two documents of the outputs.
   */
  tgtDoc?: string;
  /** Path written as XLIFF <file original="...">; defaults to the id. */
  path?: string;
  /** Direction of the document; derived from its segments and the job's pairs when absent. */
  srcLang?: Lang;
  tgtLang?: Lang;
}

function mostCommon(values: Array<string | undefined>): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, n] of counts) if (best === undefined || n > counts.get(best)!) best = value;
  return best;
}

/** What tells a document of the outputs from another: its id, and the translation it is paired with. */
export const documentKey = (d: { doc: string; tgtDoc?: string }): string => `${d.doc}\u0000${d.tgtDoc ?? ''}`;

/**
 * Each segment's documentKey. A segment that names no translation (a hand-made file's, or one whose
 * target was filled in later) belongs with the first translation its document names, if any.
 */
export function documentKeys(segments: readonly Segment[]): string[] {
  const first = new Map<string, string>();
  for (const s of segments) if (s.tgtDoc !== undefined && !first.has(s.doc)) first.set(s.doc, s.tgtDoc);
  return segments.map((s) => documentKey({ doc: s.doc, tgtDoc: s.tgtDoc ?? first.get(s.doc) }));
}

/** The segments by document (documentKeys), documents in the order they first appear. */
export function segmentsByDocument(segments: readonly Segment[]): Map<string, Segment[]> {
  const keys = documentKeys(segments);
  const byDoc = new Map<string, Segment[]>();
  segments.forEach((s, k) => {
    const list = byDoc.get(keys[k]);
    if (list) list.push(s); else byDoc.set(keys[k], [s]);
  });
  return byDoc;
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

export const samePair = (a: LanguagePair, b: LanguagePair) => (a.srcLang === b.srcLang && a.tgtLang === b.tgtLang)
  || (a.srcLang === b.tgtLang && a.tgtLang === b.srcLang);

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

/**
 * What decides a job's files besides its segments, the same for every document:
 * - pairs: the job's language pairs, e.g. [{srcLang:'en', tgtLang:'ru'}]. One TMX per pair
 *   (`<src>-<tgt>.tmx`, both directions of the pair in it); an unpaired document in language L gets
 *   an XLIFF for every pair that has L on one side.
 * - formats: which of jsonl, tsv, tmx, xliff to write (default: all).
 * - glossary: optional; XLIFF glossary notes then name each term's preferred target form.
 * - creationDate: TMX header creationdate; omitted when absent so reruns are byte-identical.
 */
export interface DocumentFileSettings {
  pairs: LanguagePair[];
  formats?: readonly string[];
  glossary?: Glossary;
  creationDate?: string;
}

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
