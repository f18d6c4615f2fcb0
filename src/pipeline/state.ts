// Saved progress of a batch under <out>/.tandem-state/: an append-only journal with one line per
// document and stage, holding the task and the machine's persisted snapshot. Appending is cheap (one
// open file, no rename per write, which on some file systems costs milliseconds) and safe: a run
// killed mid-write leaves at most a torn last line, which is ignored, so that document resumes from
// its previous stage. On open the journal is compacted to the last snapshot of every document.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { t } from '../i18n/index.ts';
import { UsageError } from '../cli/errors.ts';
import { atomicWriteFileSync } from '../export/index.ts';
import { join } from 'node:path';
import type { DocTask } from './types.ts';

export const STATE_DIR = '.tandem-state';

interface JournalLine { key: string; task: DocTask; snapshot: unknown }

export class StateStore {
  readonly dir: string;
  private saved = new Map<string, JournalLine>();
  private fd: number | undefined;

  constructor(outDir: string) {
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
      for (const line of text.split('\n')) {
        if (!line) continue;
        try { const entry = JSON.parse(line) as JournalLine; this.saved.set(entry.key, entry); } catch { /* torn line */ }
      }
    } else {
      rmSync(journal, { force: true });
    }
    this.replace('journal.jsonl', [...this.saved.values()].map((e) => JSON.stringify(e) + '\n').join(''));
    this.replace('job.key', jobKey);
    this.fd = openSync(journal, 'a');
    return { resumed };
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(join(this.dir, 'lock'), { force: true });
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
    const entry = this.saved.get(keyOf(task));
    return entry && JSON.stringify(entry.task) === JSON.stringify(task) ? entry.snapshot : undefined;
  }

  save(task: DocTask, snapshot: unknown): void {
    if (this.fd === undefined) throw new Error('state store is not open');
    writeSync(this.fd, JSON.stringify({ key: keyOf(task), task, snapshot } satisfies JournalLine) + '\n');
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
  try { process.kill(pid, 0); return true; } catch (error) { return (error as NodeJS.ErrnoException).code === 'EPERM'; }
}

const keyOf = (task: DocTask) => task.src.id + '\u0000' + (task.tgt?.id ?? '');

/** A short stable hash of plain data, for job keys. */
export function hashOf(data: unknown): string {
  return createHash('sha1').update(JSON.stringify(data)).digest('hex');
}
