// Reading the files to check (the I/O edge): TMX, XLIFF 2 or segments.jsonl, told apart by content,
// parsed by the export stage's readers, with the line each segment starts on for reports.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readLocatedSegments, SegmentFileError, type LocatedSegment } from '../export/index.ts';
import { t } from '../i18n/index.ts';
import type { CheckedSegment } from './types.ts';

/** A file that cannot be checked: unreadable, malformed, or not a segment file (exit code 2). */
export class InputError extends Error {
  override name = 'InputError';
}

/**
 * Parses one file into checked segments; `order` continues from `firstOrder`. Bytes are decoded by
 * the export stage (UTF-8, UTF-16 from Windows tools, the encoding an XML declaration names).
 */
export function parseSegmentFile(text: string | Uint8Array, file: string, firstOrder = 0): CheckedSegment[] {
  let located: LocatedSegment[];
  try {
    located = readLocatedSegments(text, file);
  } catch (error) {
    if (error instanceof SegmentFileError) throw new InputError(error.message);
    throw error;
  }
  return located.map(({ segment, line, ref }, i) => ({ segment, id: ref ?? segment.id, file, line, order: firstOrder + i }));
}

/** Segment files by name, for a folder given as input. */
const SEGMENT_FILE = /\.(?:jsonl|tsv|tmx|xlf|xliff)$/i;

/** The files the FILE arguments stand for (see inputFiles), in order. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  return (await Promise.all(inputs.map(inputFiles))).flat();
}

/**
 * The files a FILE argument stands for. A folder: a job's output folder is its segments.jsonl, which
 * holds every segment its TMX and XLIFF files hold (checking them all would report each finding four
 * times); any other folder, the segment files in it and its subfolders, by name, in code-point order.
 * A folder with none is an input error: CI pointed at the wrong folder must not pass.
 */
async function inputFiles(file: string): Promise<string[]> {
  try {
    if (!(await stat(file)).isDirectory()) return [file];
  } catch {
    return [file]; // reported as unreadable when read
  }
  const jsonl = join(file, 'segments.jsonl');
  if (await stat(jsonl).then((s) => s.isFile(), () => false)) return [jsonl];
  const names = (await readdir(file, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && SEGMENT_FILE.test(e.name) && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name));
  if (!names.length) throw new InputError(t('check:error.noSegmentFiles', { dir: file }));
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export async function readSegmentFiles(files: string[]): Promise<CheckedSegment[]> {
  const all: CheckedSegment[] = [];
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const reason = code ? t(`check:error.reason.${code}`, { defaultValue: code }) : (error as Error).message;
      throw new InputError(t('check:error.unreadable', { file, reason }));
    }
    all.push(...parseSegmentFile(bytes, file, all.length));
  }
  return all;
}
