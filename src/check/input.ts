// Reading the files to check (the I/O edge): TMX, XLIFF 2 or segments.jsonl, told apart by content,
// parsed by the export stage's readers, with the line each segment starts on for reports.
import { readFile } from 'node:fs/promises';
import { readLocatedSegments, SegmentFileError, segmentFilesOf, type LocatedSegment } from '../export/index.ts';
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

/**
 * The files the FILE arguments stand for (export's segmentFilesOf): a job's output folder is its
 * segments.jsonl, another folder the segment files under it. A folder with none is an input error:
 * CI pointed at the wrong folder must not pass.
 */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  try {
    return await segmentFilesOf(inputs);
  } catch (error) {
    if (error instanceof SegmentFileError) throw new InputError(error.message);
    throw error;
  }
}

/** True for a file of nothing but white space and byte order marks, in UTF-8 or UTF-16 (whose zero bytes are skipped too). */
export function isBlank(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x00) continue;
    if (b === 0xef && bytes[i + 1] === 0xbb && bytes[i + 2] === 0xbf) { i += 2; continue; }
    if ((b === 0xfe && bytes[i + 1] === 0xff) || (b === 0xff && bytes[i + 1] === 0xfe)) { i += 1; continue; }
    return false;
  }
  return true;
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
    // An empty file (a failed export, a truncated upload) has nothing to check: passing it would hide that.
    if (isBlank(bytes)) throw new InputError(t('check:error.emptyFile', { file }));
    all.push(...parseSegmentFile(bytes, file, all.length));
  }
  return all;
}
