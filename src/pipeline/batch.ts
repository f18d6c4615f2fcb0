// The batch: every document of a job through its own machine, a few at a time (p-queue), with the
// machine's snapshot saved after every stage so an interrupted run resumes where it stopped. Each
// finished document's outputs go to temp files in its turn (documents in id order), and all are
// renamed into place at the end: a resumed run writes the same bytes as an uninterrupted one, and
// nobody sees a half-written output.
import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import PQueue from 'p-queue';
import { createActor, type SnapshotFrom } from 'xstate';
import { DocumentStager, removeStaleTempFiles, TOOL_VERSION, writeJobOutputs, type DocumentFileSettings,
  type JobDocument } from '../export/index.ts';
import { createMatcher, lintGlossaries, loadGlossaryFiles, mergeGlossaryFiles } from '../glossary/index.ts';
import { createProviderChain } from '../translate/index.ts';
import { t } from '../i18n/index.ts';
import { UsageError } from '../cli/errors.ts';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { Job } from './job.ts';
import { compactSnapshot, createDocumentMachine, expandSnapshot, MACHINE_VERSION, stageOf, type DocumentMachine } from './machine.ts';
import { discoverDocuments, pairDocuments, unreadDocuments } from './discover.ts';
import { codeFingerprint } from './fingerprint.ts';
import { buildReport, type Report } from './report.ts';
import { problemsOf } from './output.ts';
import { hashOf, StateStore } from './state.ts';
import type { StageDeps } from './stages.ts';
import type { DocOutput, DocTask, MachineInput, StageSettings } from './types.ts';
import type { Glossary } from '../types.ts';

export interface BatchOptions {
  /** Ignore saved progress. */
  fresh?: boolean;
  /** Called after each document with the running totals. */
  onProgress?: (done: number, failed: number, segments: number, total: number) => void;
  /** Called once per document that failed, or was done in spite of a problem (output.problems). */
  onFailure?: (output: DocOutput) => void;
  /** Aborting stops taking new documents; finished stages stay saved. */
  signal?: AbortSignal;
  /** How long a snapshot may wait to be written to the journal (default DEFAULT_FLUSH_MS; 0: at once). */
  flushMs?: number;
  /** The job's glossaries and providers, when the caller has loaded them already (buildDeps). */
  prepared?: PreparedDeps;
  /** Documents started ahead of the first unfinished one, at most (default WINDOW, or 4 × concurrency). */
  window?: number;
  /** Called, before any document runs, with the files of the input folders in formats tandem does not read. */
  onUnread?: (files: string[]) => void;
}

/**
 * Documents started ahead of the first one not yet finished, at most. Outputs are staged in id order:
 * a document that takes long (a book among articles) holds back those after it, whose outputs wait in
 * memory for its turn, so only so many are run past it.
 */
const WINDOW = 256;

export type PreparedDeps = Awaited<ReturnType<typeof buildDeps>>;

export interface BatchResult {
  /** Every document's record; `segments` is empty for those written (read segments.jsonl). */
  outputs: DocOutput[];
  report: Report;
  written: string[];
  resumedDocuments: number;
  interrupted: boolean;
  /** Time spent writing the output files (for benchmarks). */
  writeMs?: number;
}

/** The job's glossary files: its globs, relative to the job's root, in a stable order. */
export async function jobGlossaryFiles(job: Pick<Job, 'glossaries' | 'root'>): Promise<string[]> {
  return (await glob(job.glossaries, { cwd: job.root, absolute: true, onlyFiles: true })).sort();
}

/** Loads what stages need besides data; bad glossaries or providers are the user's to fix (exit 2). */
export async function buildDeps(job: Job): Promise<{ deps: StageDeps; glossaryFiles: string[] }> {
  const glossaryFiles = await jobGlossaryFiles(job);
  // A glossary named outright (--glossary, or a job file's, which loadJob reported at its line) must be there.
  const literal = job.glossaries.filter((g) => !isDynamicPattern(g));
  for (const g of literal) {
    try { statSync(resolve(job.root, g)); } catch { throw new UsageError(t('run:job.glossary', { message: `${g}: not found` })); }
  }
  let files;
  try { files = await loadGlossaryFiles(glossaryFiles); } catch (error) {
    throw new UsageError(t('run:job.glossary', { message: (error as Error).message.split('\n')[0] }));
  }
  const glossary = mergeGlossaryFiles(files);
  const matcher = createMatcher(glossary);
  // What `tandem glossary lint` calls an error (a repeated id, one spelling claimed by two entries, a
  // term in no language tandem compares) would be normalised by silently: the job stops instead.
  const errors = lintGlossaries(files, { patterns: matcher.patterns }).problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    const [{ file, line, message }] = errors;
    const problem = `${file}${line ? `:${line}` : ''}: ${message}`;
    throw new UsageError(t(errors.length > 1 ? 'run:job.glossaryLintMore' : 'run:job.glossaryLint', { problem, more: errors.length - 1 }));
  }
  let provider;
  try {
    // Providers resolve memory paths against the job, enforce and check the job's glossary terms,
    // and keep their HTTP cache with the job's output so a rerun sends no requests.
    provider = await createProviderChain(job.providers,
      { baseDir: job.root, glossary, matcher, cacheDir: join(job.outDir, '.cache', 'translate') });
  } catch (error) {
    throw new UsageError(t('run:job.provider', { message: (error as Error).message.split('\n')[0] }));
  }
  return { deps: { glossary, matcher, provider }, glossaryFiles };
}

export async function runBatch(job: Job, options: BatchOptions = {}): Promise<BatchResult> {
  const tasks = pairDocuments(await discoverDocuments(job), job);
  if (options.onUnread) { const unread = await unreadDocuments(job); if (unread.length) options.onUnread(unread); }
  const { deps, glossaryFiles } = options.prepared ?? await buildDeps(job);
  const settings: StageSettings = { languages: job.languages, pairs: job.pairs, limits: job.limits, retries: job.retries,
    lowConfidence: job.lowConfidence };
  createOutputFolder(job.outDir);
  const store = new StateStore(job.outDir, options.flushMs);
  const glossaryKey = glossaryFiles.map((f) => { const s = statSync(f); return [relative(job.root, f), s.size, Math.floor(s.mtimeMs)]; });
  // Versions are part of the key: snapshots of another tandem's (its code and packages) or machine's
  // are not resumed.
  store.open(hashOf({ settings, glossaryKey, providers: job.providers, version: TOOL_VERSION, code: codeFingerprint(),
    machine: MACHINE_VERSION }),
    options.fresh);
  removeStaleTempFiles(job.outDir); // a killed run's; the store's lock makes the folder ours
  const stager = new DocumentStager(job.outDir, outputSettings(job, deps.glossary));
  try {
    const { outputs, resumedDocuments } = await runQueue(tasks, createDocumentMachine(deps), settings, store, job.concurrency,
      options, stager);
    if (options.signal?.aborted) {
      return { outputs: outputs.filter((o): o is DocOutput => !!o), report: buildReport(job, []), written: [],
        resumedDocuments, interrupted: true };
    }
    const finished = outputs as DocOutput[];
    const report = buildReport(job, finished);
    const started = performance.now();
    const written = await writeOutputs(job, report, store, stager);
    return { outputs: finished, report, written, resumedDocuments, interrupted: false, writeMs: performance.now() - started };
  } finally {
    await stager.discard(); // what an interrupted or failed run staged; nothing after a normal end
    await store.close();
  }
}

/**
 * Every task through its machine, `concurrency` at a time; finished ones come from saved progress.
 * Each document's outputs are staged as it finishes, in the slot of its task, and its segments are
 * not kept: a batch's memory then grows with its figures, not its text.
 */
async function runQueue(tasks: DocTask[], machine: DocumentMachine, settings: StageSettings, store: StateStore,
  concurrency: number, options: BatchOptions, stager: DocumentStager) {
  const outputs = new Array<DocOutput | undefined>(tasks.length);
  let done = 0, failed = 0, segments = 0, resumedDocuments = 0;
  const queue = new PQueue({ concurrency });
  options.signal?.addEventListener('abort', () => queue.clear(), { once: true });
  // Tasks start in order, at most `window` past the stager's turn; each one finished starts the next.
  const window = options.window ?? Math.max(WINDOW, 4 * concurrency);
  let next = 0, feeding = false;
  const feed = () => {
    if (feeding) return; // a resumed document finishes inside start(): the loop below goes on
    feeding = true;
    while (next < tasks.length && next < stager.turn + window && !options.signal?.aborted) start(tasks[next], next++);
    feeding = false;
  };
  const finish = (k: number, output: DocOutput) => {
    outputs[k] = output;
    if (output.status === 'done') done++; else failed++;
    if (problemsOf(output).length) options.onFailure?.(output);
    segments += output.counts.segments;
    options.onProgress?.(done, failed, segments, tasks.length);
    feed();
  };
  const start = (task: DocTask, k: number) => {
    const stored = store.load(task) as SnapshotFrom<DocumentMachine> | undefined;
    // A document that failed is tried again: what failed it may have been fixed outside the file
    // (a permission, a missing link target, a translation service that was down), and one that fails
    // for its content fails again at once.
    const failed = stored?.status === 'done' && (stored.output as DocOutput).status !== 'done';
    const saved = stored && !failed ? expandSnapshot(stored) : undefined;
    if (saved?.status === 'done') {
      resumedDocuments++;
      const output = saved.output as DocOutput;
      const attached = store.loadAttached(task) as DocOutput['segments'];
      stager.add(jobDocument(output), attached.length ? attached : output.segments, k);
      finish(k, { ...output, segments: [] });
      return;
    }
    void queue.add(async () => {
      const output = await runDocument(machine, { task, settings }, store, saved, options.signal);
      if (!output) return;
      if (output.status !== 'done') {
        stager.skip(k);
        store.save(task, { status: 'done', output });
        finish(k, output);
        return;
      }
      const lines = stager.add(jobDocument(output), output.segments, k);
      const kept = { ...output, segments: [] };
      // A finished document needs nothing but its output to be skipped next time; its segments go to
      // the journal as the segments.jsonl lines just staged, where the job writes them.
      store.save(task, { status: 'done', output: lines ? kept : output }, lines && { count: output.segments.length, bytes: lines });
      finish(k, kept);
    });
  };
  feed();
  await queue.onIdle();
  return { outputs, resumedDocuments };
}

/**
 * Makes the output folder one level at a time: Node's recursive mkdir never returns where mkdir
 * answers ENOENT for a parent that exists (under /proc). A folder that cannot be made or written is
 * the user's to fix before anything runs (exit 2), not a crash after the documents were read.
 */
function createOutputFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.unshift(d);
  try {
    for (const d of missing) mkdirSync(d);
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error(), { code: 'ENOTDIR' });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new UsageError(t('run:job.outDir', { dir, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
}

/**
 * What the job's document files depend on besides the document: the stager and the end agree on it.
 * With the job's glossary, XLIFF glossary notes name each term's preferred form in the other language.
 */
const outputSettings = (job: Job, glossary: Glossary): DocumentFileSettings => ({
  pairs: job.pairs.map((p) => ({ srcLang: p.src, tgtLang: p.tgt })), formats: job.formats, glossary });

const jobDocument = (o: DocOutput): JobDocument => ({ id: o.task.src.id, path: o.task.src.id,
  ...(o.task.tgt ? { tgtDoc: o.task.tgt.id } : {}),
  ...(o.srcLang ? { srcLang: o.srcLang, tgtLang: o.tgtLang } : {}) });

/**
 * All outputs at once, as staged (only renamed into place), with the report; files an earlier run
 * wrote and this one did not go.
 */
async function writeOutputs(job: Job, report: Report, store: StateStore, stager: DocumentStager): Promise<string[]> {
  const written = await writeJobOutputs(job.outDir, { ...stager.settings, segments: [], report }, stager);
  // A document removed or now failing would otherwise leave its old XLIFF behind, misleading readers.
  const now = new Set(written.map((w) => relative(job.outDir, w)));
  for (const old of store.readManifest()) if (!now.has(old)) rmSync(join(job.outDir, old), { force: true });
  store.writeManifest([...now]);
  return written;
}

/**
 * Runs (or resumes) one document's machine, saving its snapshot whenever it enters a new stage (that
 * is, after every stage); the finished record is the caller's to save.
 * Resolves undefined when the batch is aborted: the last saved stage is where the next run resumes.
 */
function runDocument(machine: DocumentMachine, input: MachineInput, store: StateStore,
  saved: SnapshotFrom<DocumentMachine> | undefined, signal?: AbortSignal): Promise<DocOutput | undefined> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) { resolve(undefined); return; }
    const actor = createActor(machine, saved ? { snapshot: saved, input } : { input });
    // Saved when it changes: the state it starts in (read, or where it was resumed) is on disk already.
    let stage = stageOf(actor.getSnapshot().value);
    // What is saved is written before the machines stop (their snapshots are taken when written).
    const onAbort = () => { store.flush(); actor.stop(); resolve(undefined); };
    signal?.addEventListener('abort', onAbort, { once: true });
    actor.subscribe({
      next(snapshot) {
        if (snapshot.status === 'done') {
          // Its record is saved by the caller, with the segments' bytes it stages.
          signal?.removeEventListener('abort', onAbort);
          resolve(snapshot.output as DocOutput);
          return;
        }
        const now = stageOf(snapshot.value);
        if (now !== stage) {
          stage = now;
          // Taken when the journal is written: a later stage would have replaced this entry by then,
          // so the machine is still where it is now, unless it is waiting to retry or was stopped,
          // states not worth resuming from (the previous stage's snapshot stays on disk).
          store.saveLazily(input.task, () => {
            const latest = actor.getSnapshot();
            const running = latest.status === 'active' && String(latest.value) === now;
            return running ? compactSnapshot(actor.getPersistedSnapshot()) : undefined;
          });
        }
      },
      error: reject,
    });
    actor.start();
  });
}

export type { DocTask };
