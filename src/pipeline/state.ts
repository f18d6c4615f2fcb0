// Saved progress of a batch under <out>/.tandem-state/: one JSON file per document holding the task
// and the machine's persisted snapshot, rewritten after every stage. A file is replaced by rename, so
// a killed run leaves either the previous stage's snapshot or the new one, never half of one.
// (No fsync: a killed process loses nothing already written; after an OS crash an unreadable
// snapshot is simply discarded and that document redone.)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocTask } from './types.ts';

export const STATE_DIR = '.tandem-state';

export interface SavedDocument { task: DocTask; snapshot: unknown }

export class StateStore {
  readonly dir: string;

  constructor(outDir: string) {
    this.dir = join(outDir, STATE_DIR);
  }

  /** Opens the store for a job; saved progress of a different job setup (settings, glossaries) is dropped. */
  open(jobKey: string, fresh = false): { resumed: boolean } {
    mkdirSync(this.dir, { recursive: true });
    const keyFile = join(this.dir, 'job.key');
    let previous = '';
    try { previous = readFileSync(keyFile, 'utf8'); } catch { /* first run */ }
    if (fresh || previous !== jobKey) {
      for (const f of readdirSync(this.dir)) if (f.endsWith('.json')) rmSync(join(this.dir, f), { force: true });
      this.write('job.key', jobKey);
      return { resumed: false };
    }
    return { resumed: true };
  }

  load(task: DocTask): unknown | undefined {
    try {
      const saved = JSON.parse(readFileSync(this.file(task), 'utf8')) as SavedDocument;
      return JSON.stringify(saved.task) === JSON.stringify(task) ? saved.snapshot : undefined;
    } catch {
      return undefined;
    }
  }

  save(task: DocTask, snapshot: unknown): void {
    this.write(this.name(task), JSON.stringify({ task, snapshot } satisfies SavedDocument));
  }

  /** Files written by the previous run, to remove those this run no longer produces. */
  readManifest(): string[] {
    try { return JSON.parse(readFileSync(join(this.dir, 'outputs.json'), 'utf8')) as string[]; } catch { return []; }
  }

  writeManifest(files: string[]): void {
    this.write('outputs.json', JSON.stringify(files));
  }

  private name(task: DocTask): string {
    return 'doc-' + createHash('sha1').update(task.src.id + '\u0000' + (task.tgt?.id ?? '')).digest('hex').slice(0, 20) + '.json';
  }

  private file(task: DocTask): string {
    return join(this.dir, this.name(task));
  }

  private write(name: string, text: string): void {
    const path = join(this.dir, name);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, path);
  }
}

/** A short stable hash of plain data, for job keys. */
export function hashOf(data: unknown): string {
  return createHash('sha1').update(JSON.stringify(data)).digest('hex');
}
