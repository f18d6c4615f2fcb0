// A review of one job folder: the pipeline's segments (kept as review/base.jsonl, since apply-review
// rewrites segments.jsonl), the journal replayed over them, and the undo/redo history.
import { createHash } from 'node:crypto';
import { readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { atomicWriteFile, documentKey, readJsonl, type JobDocument } from '../export/index.ts';
import { t } from '../i18n/index.ts';
import type { Glossary, Segment } from '../types.ts';
import { readJobDirections } from './directions.ts';
import { BASE_FILE, JOURNAL_FILE, LOCK_FILE, Journal, ReviewFileError, now, readJournal, reviewDir, takeLock, type JournalEntry } from './journal.ts';
import {
  ReviewError, applyPatch, beadToSegment, inversePatch, planOp, segmentsToBeads,
  type Patch, type PlanEnv, type ReviewBead, type ReviewOp, type ReviewedSegment,
} from './model.ts';

export const SEGMENTS_FILE = 'segments.jsonl';

export interface OpenOptions {
  /** Set the previous review aside (renamed, never deleted) and start again from segments.jsonl. */
  restart?: boolean;
  /** Glossary matching for edited text (see PlanEnv). */
  matchTerms?: PlanEnv['matchTerms'];
  /** The job's glossary: the XLIFF notes of outputs written from the session then name preferred forms. */
  glossary?: Glossary;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export class ReviewSession {
  /** Bumped on every change, so a page working on an older state can tell. */
  rev = 0;
  private done: Patch[] = [];
  private undone: Patch[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly jobDir: string,
    readonly beads: ReviewBead[],
    readonly pristine: Map<string, Segment>,
    private readonly journal: Journal,
    private readonly env: PlanEnv,
    private readonly unlock: () => Promise<void>,
    /** Notes for the user: skipped journal lines and decisions that no longer apply. */
    readonly warnings: string[],
    /** The glossary it was opened with (OpenOptions). */
    readonly glossary?: Glossary,
    /** The documents' directions as the pipeline chose them (report.json), for apply-review's XLIFF. */
    readonly documents: JobDocument[] = [],
  ) {}

  static async open(jobDir: string, options: OpenOptions = {}): Promise<ReviewSession> {
    const segmentsPath = join(jobDir, SEGMENTS_FILE);
    const current = await readFile(segmentsPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new ReviewFileError(t('review:noSegments', { file: segmentsPath }));
      throw error;
    });
    let dir = await reviewDir(jobDir);
    let unlock = await takeLock(dir);
    if (options.restart) {
      // Set aside under the lock, so a running server's review is never moved from under it.
      const aside = `${dir}-${now().replace(/[:.]/g, '-')}`;
      await rename(dir, aside);
      await rm(join(aside, LOCK_FILE), { force: true });
      dir = await reviewDir(jobDir);
      unlock = await takeLock(dir);
    }
    try {
      return await ReviewSession.load(jobDir, dir, current, options, unlock);
    } catch (error) {
      await unlock();
      throw error;
    }
  }

  private static async load(jobDir: string, dir: string, current: Buffer, options: OpenOptions,
    unlock: () => Promise<void>): Promise<ReviewSession> {
    const segmentsPath = join(jobDir, SEGMENTS_FILE);
    const basePath = join(dir, BASE_FILE), journalPath = join(dir, JOURNAL_FILE);
    let { entries, torn } = await readJournal(journalPath);
    let base: Buffer | undefined = await readFile(basePath).catch(() => undefined);
    if (!base) {
      if (entries.some((e) => 'op' in e)) throw new ReviewFileError(t('review:baseMissing', { file: basePath }));
      await atomicWriteFile(basePath, current);
      base = current;
      entries = [];
    } else {
      const applied = entries.filter((e): e is Extract<JournalEntry, { applied: string }> => 'applied' in e).pop()?.applied;
      const hash = sha256(current);
      if (hash !== sha256(base) && hash !== applied) throw new ReviewFileError(t('review:outputChanged', { file: segmentsPath }));
    }
    const segments = readJsonl(base.toString('utf8'), basePath);
    const documents = await readJobDirections(jobDir);
    const beads = segmentsToBeads(segments, new Map(documents.map((d) => [documentKey({ doc: d.id, tgtDoc: d.tgtDoc }), d.tgtLang])));
    const pristine = new Map(beads.map((b, k) => [b.key, segments[k]]));
    const journal = await Journal.open(journalPath);
    if (!entries.length) await journal.append({ at: now(), base: sha256(base) });
    const warnings = torn.map((line) => t('review:tornLine', { file: journalPath, line }));
    const session = new ReviewSession(jobDir, beads, pristine, journal, { matchTerms: options.matchTerms }, unlock, warnings,
      options.glossary, documents);
    session.replay(entries, journalPath);
    return session;
  }

  get canUndo(): boolean { return this.done.length > 0; }
  /** Decisions in effect (undone ones excluded). */
  get decisions(): number { return this.done.length; }
  get canRedo(): boolean { return this.undone.length > 0; }

  /** Carries out an operation: journaled (fsync'd) first, then applied. Throws ReviewError. */
  do(op: ReviewOp): Promise<Patch> {
    return this.serial(async () => {
      const patch = planOp(this.beads, op, this.env);
      await this.journal.append({ at: now(), op });
      this.forward(patch);
      return patch;
    });
  }

  undo(): Promise<Patch | null> {
    return this.serial(async () => {
      if (!this.done.length) return null;
      await this.journal.append({ at: now(), undo: true });
      return this.back();
    });
  }

  redo(): Promise<Patch | null> {
    return this.serial(async () => {
      if (!this.undone.length) return null;
      await this.journal.append({ at: now(), redo: true });
      return this.again();
    });
  }

  /** The corrected segments, in order. */
  segments(): ReviewedSegment[] {
    return this.beads.map((b) => beadToSegment(b, this.pristine.get(b.key)));
  }

  /** Records that apply-review wrote segments.jsonl, so reopening the review accepts that file. */
  async markApplied(segmentsJsonl: string | Buffer): Promise<void> {
    await this.serial(() => this.journal.append({ at: now(), applied: sha256(segmentsJsonl) }));
  }

  async close(): Promise<void> {
    await this.queue;
    await this.journal.close();
    await this.unlock();
  }

  private replay(entries: JournalEntry[], file: string): void {
    entries.forEach((entry, index) => {
      if ('op' in entry) {
        try {
          this.forward(planOp(this.beads, entry.op, this.env));
        } catch (error) {
          if (!(error instanceof ReviewError)) throw error;
          this.warnings.push(t('review:staleDecision', { file, index: index + 1, reason: error.message }));
        }
      } else if ('undo' in entry) this.back();
      else if ('redo' in entry) this.again();
    });
  }

  private forward(patch: Patch): void {
    applyPatch(this.beads, patch);
    this.done.push(patch);
    this.undone = [];
    this.rev++;
  }

  private back(): Patch | null {
    const patch = this.done.pop();
    if (!patch) return null;
    const inverse = inversePatch(patch);
    applyPatch(this.beads, inverse);
    this.undone.push(patch);
    this.rev++;
    return inverse;
  }

  private again(): Patch | null {
    const patch = this.undone.pop();
    if (!patch) return null;
    applyPatch(this.beads, patch);
    this.done.push(patch);
    this.rev++;
    return patch;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
