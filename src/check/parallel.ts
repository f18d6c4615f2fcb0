// Optionally (parallel: true) two threads: a worker thread checks the larger part of the segments
// (with its own matcher) while this thread lints the glossaries and checks the rest. Findings come back
// as plain data and are merged in reading order, so the result is the one a single thread gives.
// Any failure of the worker falls back to checking its share here.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Matcher } from '../glossary/index.ts';
// check:language names the UI language in use, so the worker speaks the same one.
import { t } from '../i18n/index.ts';
import type { Glossary } from '../types.ts';
import { batchLanguagesOf, checkConsistency, checkPart, finish, segmentContext, type CheckOptions } from './engine.ts';
import type { Observation } from './rules/inconsistent-term.ts';
import type { ChunkInput, ChunkOutput } from './worker.ts';
import { RULES, type CheckedSegment, type Violation } from './types.ts';

// The worker runs TypeScript sources like the CLI does: through tsx, registered in the worker.
const BOOT = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { register } = await import(workerData.tsx);
  register();
  const { checkChunk } = await import(workerData.module);
  parentPort.postMessage(checkChunk(workerData.input));
})().catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));
`;

/** URL of tsx's ESM registration API (its CommonJS build cannot register hooks in a worker). */
function tsxEsmApi(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  }
}

function runWorker(input: ChunkInput): Promise<ChunkOutput> {
  const workerData = {
    tsx: tsxEsmApi(),
    module: new URL('./worker.ts', import.meta.url).href,
    input,
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { eval: true, workerData });
    worker.once('message', (message: ChunkOutput | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (code !== 0) reject(new Error(`check worker exited with ${code}`)); });
  });
}

export interface ParallelOptions extends CheckOptions {
  /** Work for this thread while the worker runs (e.g. the glossary lint). */
  alongside?: () => Promise<void>;
  /** Use the worker thread (default false: see the measurement below). */
  parallel?: boolean;
  /** Told when the worker failed and its share was checked here instead. */
  onWorkerError?: (error: Error) => void;
}

/** `matcher` may be a factory, so that compiling it here overlaps with the worker's start. */
export async function checkSegmentsParallel(segments: CheckedSegment[], glossary: Glossary, matcher: Matcher | (() => Matcher), options: ParallelOptions = {}): Promise<Violation[]> {
  const rules = options.rules ?? RULES;
  // Off unless asked: measured on bench:check (100,000 segments) the worker made the run slower
  // (25.8 s against 10.6 s on one thread): its start-up (tsx, models, its own matcher) and the copy of
  // the batch cost more than the second core saves.
  const parallel = options.parallel ?? false;
  // This thread also compiles its matcher and does the work alongside (the lint costs about as much
  // as a tenth of 100,000 segments), so it keeps the smaller share.
  const share = options.alongside ? 0.4 : 0.5;
  const split = parallel ? Math.floor(segments.length * share) : segments.length;
  const mine = segments.slice(0, split);
  const theirs = segments.slice(split);
  const languages = batchLanguagesOf(segments.map((s) => s.segment));
  const worker = theirs.length
    ? runWorker({ glossary, segments: theirs.map(({ segment, id }) => ({ segment, id })), rules, languages, uiLanguage: t('check:language') })
      .catch((error: Error) => {
        options.onWorkerError?.(error);
        if (process.env.TANDEM_DEBUG) console.error(error);
        return undefined;
      })
    : Promise.resolve(undefined);
  await options.alongside?.();
  const ctx = segmentContext(languages, glossary, typeof matcher === 'function' ? matcher() : matcher, rules);
  const here = checkPart(mine, ctx, options, 0, segments.length);
  const findings = here.findings;
  const observations: Array<Observation[] | undefined> = here.observations;
  const done = await worker;
  if (done) {
    for (const { i, ...f } of done.findings) findings.push({ ...f, at: theirs[i] });
    for (const { i, observations: o } of done.observations) observations[split + i] = o;
  } else {
    const rest = checkPart(theirs, ctx, options, split, segments.length);
    findings.push(...rest.findings);
    observations.push(...rest.observations);
  }
  options.onProgress?.(segments.length, segments.length);
  const consistency = checkConsistency(segments, observations, ctx.enabled);
  return finish(findings, consistency, options.severity);
}
