// The I/O edge of export: writes a job's outputs into output/<job>/, every file atomically (temp file
// in the same folder, flushed, then renamed), so a killed run never leaves a half-written file and a
// reader sees either the old or the new version. Called by the pipeline's emit stage and by
// `tandem apply-review`.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { t } from '../i18n/index.ts';
import type { Glossary, Lang, Segment } from '../types.ts';
import { segmentsToJsonl } from './jsonl.ts';
import { segmentsToTmx } from './tmx.ts';
import { segmentsToTsv } from './tsv.ts';
import { segmentsToXliff } from './xliff.ts';

const tempPath = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Writes a file atomically: same-folder temp file, fsync, rename. Creates missing folders. */
export async function atomicWriteFile(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    await flushedTemp(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The synchronous twin of atomicWriteFile, for callers that must finish before returning. */
export function atomicWriteFileSync(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

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

/** Writes the requested outputs into outDir and returns the paths written, in writing order. */
export async function writeJobOutputs(outDir: string, input: JobOutputInput): Promise<string[]> {
  const formats = input.formats ?? OUTPUT_FORMATS;
  const unknown = formats.find((f) => !OUTPUT_FORMATS.includes(f as OutputFormat));
  if (unknown) throw new Error(t('export:unknownOutputFormat', { format: unknown }));
  const files: Array<[string, string]> = [];
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
      for (const dir of directions.get(id) ?? []) {
        const name = `xliff/${safeRelativePath(id)}.${safeRelativePath(dir.srcLang)}-${safeRelativePath(dir.tgtLang)}.xlf`;
        files.push([name, segmentsToXliff(segments, { ...dir, doc: id, original: docInfo.get(id)?.path ?? id, glossary: input.glossary })]);
      }
    }
  }
  if (input.report !== undefined) files.push(['report.json', JSON.stringify(input.report, null, 2) + '\n']);

  return writeFilesAtomically(outDir, files);
}

/** Files written and flushed at a time: enough to keep libuv's threads busy, few enough open files. */
const BATCH = 64;

/**
 * Writes many files atomically with the crash safety of atomicWriteFile but without paying one
 * fsync round trip after another: all temp files are written, their data flushed to disk (one
 * syncfs of the output's file system where the system offers it: ~40 ms instead of ~0.8 ms per
 * file; else every file's fsync, a batch at a time), then renamed, and each folder is flushed once so
 * the renames are durable. No file is renamed before its data is on disk, so a crash leaves every
 * output either old or new, never half-written.
 */
export async function writeFilesAtomically(outDir: string, files: Array<[string, string | Uint8Array]>): Promise<string[]> {
  const targets = files.map(([name, content]) => ({ path: join(outDir, name), temp: '', content }));
  const folders = [...new Set(targets.map((f) => dirname(f.path)))];
  for (const folder of folders) await mkdir(folder, { recursive: true });
  try {
    const syncAll = process.platform === 'linux';
    for (let k = 0; k < targets.length; k += BATCH) {
      await Promise.all(targets.slice(k, k + BATCH).map(async (f) => {
        f.temp = tempPath(f.path);
        await flushedTemp(f.temp, f.content, !syncAll);
      }));
    }
    if (syncAll && !syncFileSystem(outDir)) {
      for (let k = 0; k < targets.length; k += BATCH) await Promise.all(targets.slice(k, k + BATCH).map(syncFile));
    }
    for (const f of targets) { await rename(f.temp, f.path); f.temp = ''; }
  } catch (error) {
    await Promise.all(targets.filter((f) => f.temp).map((f) => rm(f.temp, { force: true })));
    throw error;
  }
  await Promise.all(folders.map(syncFolder));
  return targets.map((f) => f.path);
}

/** Flushes all written data of the file system holding `dir` (Linux `sync -f`); false where unavailable. */
function syncFileSystem(dir: string): boolean {
  try { execFileSync('sync', ['-f', dir], { stdio: 'ignore', timeout: 60_000 }); return true; } catch { return false; }
}

async function syncFile(f: { temp: string }): Promise<void> {
  const handle = await open(f.temp, 'r+');
  try { await handle.sync(); } finally { await handle.close(); }
}

async function flushedTemp(temp: string, data: string | Uint8Array, sync = true): Promise<void> {
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a folder's entries (the renames) durable; file systems that cannot sync a folder are skipped. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try { handle = await open(folder, 'r'); } catch { return; }
  try { await handle.sync(); } catch { /* EINVAL/EISDIR on some platforms: nothing more to do */ } finally { await handle.close(); }
}
