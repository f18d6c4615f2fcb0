// Saved progress of a batch under <out>/.tandem-state/: an append-only journal with one line per
// document and stage, holding the task and the machine's persisted snapshot. Appending is cheap (one
// open file, no rename per write, which on some file systems costs milliseconds) and safe: a run
// killed mid-write leaves at most a torn last line, which is ignored, so that document resumes from
// its previous stage. On open the journal is compacted to the last snapshot of every document.
//
// Snapshots are committed in groups, every `flushMs` (as databases commit their logs): a snapshot
// that a later one of the same document replaces within that window is never written, because
// resuming from the later one is always better. A document of a few milliseconds then costs one
// line (its finished record) instead of one per stage, which was most of the batch's time on short
// documents, while a long document still has every stage saved. A kill loses at most `flushMs` of
// work; Ctrl-C and a normal end write everything (close flushes). The groups are written on libuv's
// pool, one after another, so the main thread does not wait for the file system (a run's journal is
// about the size of its segments.jsonl, and writing it kept the main thread in the kernel for about
// 90 of the journal's 210 ms on the bench).
//
// A finished document's record carries its segments as the lines that follow it, in the bytes its
// segments.jsonl share was already encoded to (`lines` says how many): stringifying and encoding them
// a second time took about 90 ms of the bench's main thread (the journal's on-CPU time went from 120
// to 30 ms). A record with fewer whole lines behind it than it announces was torn by a kill and is
// ignored like a torn line.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { t } from '../i18n/index.ts';
import { UsageError } from '../cli/errors.ts';
import { atomicWriteFileSync, writeAll } from '../export/index.ts';
import { join } from 'node:path';
import type { DocTask } from './types.ts';

export const STATE_DIR = '.tandem-state';
/** A kill loses at most this much work; short enough to be nothing next to a batch. */
export const DEFAULT_FLUSH_MS = 250;

interface JournalLine {
  key: string;
  task: DocTask;
  snapshot: unknown;
  /** How many JSON lines follow the record and belong to it (a finished document's segments). */
  lines?: number;
}

/** A record as read back: with the lines that followed it, parsed. */
interface JournalEntry extends JournalLine { attached: unknown[] }

/** Lines that belong to a record, given as bytes: `count` JSON lines, each ending in a newline. */
export interface AttachedLines { count: number; bytes: Uint8Array }

/** A snapshot taken only if and when it is written; undefined: nothing to write after all. */
export type LazySnapshot = () => unknown;

export class StateStore {
  readonly dir: string;
  private saved = new Map<string, JournalEntry>();
  private fd: number | undefined;
  /** Snapshots saved but not yet written, the latest per document. */
  private pending = new Map<string, { task: DocTask; take: LazySnapshot; attached?: AttachedLines }>();
  private timer: NodeJS.Timeout | undefined;
  /** The group writes, chained so they land in order; the first failure is reported by close. */
  private writing: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  /** `flushMs`: how long a snapshot may wait to be written (0: written at once). */
  constructor(outDir: string, private readonly flushMs = DEFAULT_FLUSH_MS) {
    this.dir = join(outDir, STATE_DIR);
  }

  /** Opens the store for a job; saved progress of a different job setup (settings, glossaries) is dropped. */
  open(jobKey: string, fresh = false): { resumed: boolean } {
    mkdirSync(this.dir, { recursive: true });
    this.lock();
    const keyFile = join(this.dir, 'job.key');
    const journal = join(this.dir, 'journal.jsonl');
    let previous = '';
    try { previous = readFileSync(keyFile, 'utf8'); } catch { /* first run */ }
    const resumed = !fresh && previous === jobKey;
    this.saved.clear();
    if (resumed) {
      let text = '';
      try { text = readFileSync(journal, 'utf8'); } catch { /* nothing saved yet */ }
      for (const entry of readJournal(text)) this.saved.set(entry.key, entry);
    }
    // Compacted to the last snapshot per document (or emptied when nothing is resumed).
    this.replace('journal.jsonl', [...this.saved.values()].map(({ attached, ...line }) =>
      [line, ...attached].map((value) => JSON.stringify(value) + '\n').join('')).join(''));
    this.replace('job.key', jobKey);
    this.fd = openSync(journal, 'a');
    return { resumed };
  }

  /** Writes what is pending, waits for every write, and releases the folder. */
  async close(): Promise<void> {
    this.flush();
    await this.writing;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(join(this.dir, 'lock'), { force: true });
    if (this.failure) throw this.failure.error;
  }

  /** Two runs writing one output folder would interleave their journals: the second one is refused. */
  private lock(): void {
    const file = join(this.dir, 'lock');
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return;
    } catch { /* held, or left behind by a killed run */ }
    const pid = Number(readFileSync(file, 'utf8'));
    if (pid && pid !== process.pid && alive(pid)) throw new UsageError(t('run:locked', { dir: this.dir, pid }));
    writeFileSync(file, String(process.pid));
  }

  load(task: DocTask): unknown | undefined {
    return this.entry(task)?.snapshot;
  }

  /** The lines saved with the task's snapshot (see `save`), parsed; empty when there were none. */
  loadAttached(task: DocTask): unknown[] {
    return this.entry(task)?.attached ?? [];
  }

  private entry(task: DocTask): JournalEntry | undefined {
    const entry = this.saved.get(keyOf(task));
    return entry && JSON.stringify(entry.task) === JSON.stringify(task) ? entry : undefined;
  }

  /** `attached`: JSON lines written right after the snapshot, as they are, and read back with it. */
  save(task: DocTask, snapshot: unknown, attached?: AttachedLines): void {
    this.put(task, () => snapshot, attached);
  }

  /**
   * Saves a snapshot that is only taken when written (building one walks the whole context, and most
   * are replaced before they are written). `take` must return what would have been saved now.
   */
  saveLazily(task: DocTask, take: LazySnapshot): void {
    this.put(task, take);
  }

  /** Queues the snapshot (replacing one of the task's still pending) for the next group write. */
  private put(task: DocTask, take: LazySnapshot, attached?: AttachedLines): void {
    if (this.fd === undefined) throw new Error('state store is not open');
    this.pending.set(keyOf(task), { task, take, ...(attached ? { attached } : {}) });
    if (this.flushMs <= 0) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.flushMs).unref();
  }

  /** Takes the pending snapshots now and appends them, in one write, after those before. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.size || this.fd === undefined) return;
    const pieces: Uint8Array[] = [];
    let text = '';
    for (const [key, { task, take, attached }] of this.pending) {
      const snapshot = take();
      if (snapshot === undefined) continue;
      text += JSON.stringify({ key, task, snapshot, ...(attached ? { lines: attached.count } : {}) } satisfies JournalLine) + '\n';
      if (attached) { pieces.push(Buffer.from(text), attached.bytes); text = ''; }
    }
    this.pending.clear();
    if (text) pieces.push(Buffer.from(text));
    const fd = this.fd;
    this.writing = this.writing.then(() => writeAll(fd, pieces)).catch((error: unknown) => { this.failure ??= { error }; });
  }

  /** Files written by the previous run, to remove those this run no longer produces. */
  readManifest(): string[] {
    try { return JSON.parse(readFileSync(join(this.dir, 'outputs.json'), 'utf8')) as string[]; } catch { return []; }
  }

  writeManifest(files: string[]): void {
    this.replace('outputs.json', JSON.stringify(files));
  }

  private replace(name: string, text: string): void {
    atomicWriteFileSync(join(this.dir, name), text);
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); } catch (error) { return (error as NodeJS.ErrnoException).code === 'EPERM'; }
  // A run killed with -9 lingers as a zombie until its parent reaps it (in a container whose first
  // process reaps late, long after): it holds nothing, and waiting for it would block the rerun.
  try { return !/^\d+ \(.*\) Z /s.test(readFileSync(`/proc/${pid}/stat`, 'utf8')); } catch { return true; }
}

/**
 * The journal's records, in order, each with the lines it announced. A torn line, or a record with
 * fewer whole lines behind it than announced (a kill mid-write), is skipped.
 */
export function readJournal(text: string): JournalEntry[] {
  const lines = text.split('\n');
  const entries: JournalEntry[] = [];
  for (let k = 0; k < lines.length; k++) {
    const record = parseLine(lines[k]) as JournalLine | undefined;
    if (!record) continue;
    const count = record.lines ?? 0;
    const attached = lines.slice(k + 1, k + 1 + count).map(parseLine);
    k += count;
    if (attached.length === count && !attached.includes(undefined)) entries.push({ ...record, attached });
  }
  return entries;
}

function parseLine(line: string): unknown {
  try { return JSON.parse(line) as unknown; } catch { return undefined; }
}

const keyOf = (task: DocTask) => task.src.id + '\u0000' + (task.tgt?.id ?? '');

/** A short stable hash of plain data, for job keys. */
export function hashOf(data: unknown): string {
  return createHash('sha1').update(JSON.stringify(data)).digest('hex');
}
