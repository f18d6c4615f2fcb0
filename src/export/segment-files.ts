// Which files a segment-file argument stands for, for the commands that read aligned output (`check`,
// `glossary suggest`): a file is itself; a job's output folder is its segments.jsonl, which holds every
// segment its TMX and XLIFF files hold (reading them all would count each segment four times); any
// other folder, the segment files in it and its subfolders, by name, in code-point order.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../i18n/index.ts';
import { SegmentFileError } from './xml.ts';

/** Segment files by name, for a folder given as input. */
const SEGMENT_FILE = /\.(?:jsonl|tsv|tmx|xlf|xliff)$/i;

/** The files the arguments stand for, in order. A folder with none is an error: a wrong folder must not pass for an empty one. */
export async function segmentFilesOf(inputs: string[]): Promise<string[]> {
  return (await Promise.all(inputs.map(filesOf))).flat();
}

async function filesOf(input: string): Promise<string[]> {
  try {
    if (!(await stat(input)).isDirectory()) return [input];
  } catch {
    return [input]; // reported as unreadable when read
  }
  const jsonl = join(input, 'segments.jsonl');
  if (await stat(jsonl).then((s) => s.isFile(), () => false)) return [jsonl];
  const names = (await readdir(input, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile() && SEGMENT_FILE.test(e.name) && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name));
  if (!names.length) throw new SegmentFileError(t('export:noSegmentFiles', { dir: input }), input);
  return names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
