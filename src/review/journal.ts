// The review file: an append-only journal of the reviewer's decisions, one JSON line each, written
// and fsync'd before the page is told the decision is saved. A closed tab loses nothing; a killed
// server loses at most a line it had not finished writing (and that decision was never confirmed).
import { constants } from 'node:fs';
import { lstat, mkdir, open, readFile, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../i18n/index.ts';
import type { ReviewOp } from './model.ts';

export type JournalEntry =
  | { at: string; op: ReviewOp }
  | { at: string; undo: true }
  | { at: string; redo: true }
  /** The hash of segments.jsonl that the review started from (first line). */
  | { at: string; base: string }
  /** apply-review wrote segments.jsonl with this hash. */
  | { at: string; applied: string };

export const REVIEW_DIR = 'review';
export const JOURNAL_FILE = 'journal.jsonl';
export const BASE_FILE = 'base.jsonl';
export const LOCK_FILE = 'lock';

export class ReviewFileError extends Error {}

/** The review folder inside the job folder; refuses a symlink, which could lead writes elsewhere. */
export async function reviewDir(jobDir: string): Promise<string> {
  const dir = join(jobDir, REVIEW_DIR);
  await mkdir(dir, { recursive: true });
  if ((await lstat(dir)).isSymbolicLink()) throw new ReviewFileError(t('review:symlink', { file: dir }));
  return dir;
}

/**
 * Reads the journal. A line that is not JSON can only be a write torn by a killed server (the
 * decision on it was never reported saved), so it is skipped and its line number returned.
 */
export async function readJournal(file: string): Promise<{ entries: JournalEntry[]; torn: number[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], torn: [] };
    throw error;
  }
  const entries: JournalEntry[] = [];
  const torn: number[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    try {
      const entry = JSON.parse(line) as JournalEntry;
      if (typeof entry !== 'object' || entry === null || typeof entry.at !== 'string') throw new Error('not an entry');
      entries.push(entry);
    } catch {
      torn.push(index + 1);
    }
  });
  return { entries, torn };
}

/** An open journal: appends are serialised, each one written whole and fsync'd. */
export class Journal {
  private chain: Promise<unknown> = Promise.resolve();

  private constructor(private readonly handle: FileHandle, private needsNewline: boolean) {}

  static async open(file: string): Promise<Journal> {
    // O_NOFOLLOW: a journal symlinked to a file outside the job folder is refused, not written.
    const handle = await open(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, 0o644)
      .catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ELOOP') throw new ReviewFileError(t('review:symlink', { file }));
        throw error;
      });
    const { size } = await handle.stat();
    let needsNewline = false;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const reader = await open(file, 'r');
      try { await reader.read(last, 0, 1, size - 1); } finally { await reader.close(); }
      needsNewline = last[0] !== 0x0a;
    }
    return new Journal(handle, needsNewline);
  }

  append(entry: JournalEntry): Promise<void> {
    const run = this.chain.then(async () => {
      const line = (this.needsNewline ? '\n' : '') + JSON.stringify(entry) + '\n';
      await this.handle.write(line);
      await this.handle.sync();
      this.needsNewline = false;
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle.close();
  }
}

export const now = (): string => new Date().toISOString();

/**
 * Takes the review's lock (a file holding our pid): two servers appending to one journal would each
 * replay a different history. A lock left by a process that is gone (killed) is taken over.
 */
export async function takeLock(dir: string): Promise<() => Promise<void>> {
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(file, 'utf8').catch(() => ''));
      if (pid === process.pid) return async () => undefined; // this process already holds it
      if (pid > 0 && alive(pid)) throw new ReviewFileError(t('review:locked', { pid, file }));
      await rm(file, { force: true });
    }
  }
  throw new ReviewFileError(t('review:locked', { pid: '?', file }));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
