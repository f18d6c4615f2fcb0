// `npm run bench`: the whole pipeline over a generated corpus (default 2,000 documents recombined from
// the seed pair and the UDHR), on one JavaScript thread. Prints documents/s, MB/s and peak RSS; pin it
// to one core with `taskset -c 0 npm run bench` (V8's compiler and GC threads then share that core).
// Usage: npm run bench [-- --documents N --concurrency N --formats jsonl,tsv,tmx,xliff --keep]
//
// The corpus is made here; the batch runs in a process of its own (batch.js), started as `npx tandem`
// starts, so that its start-up, time and peak RSS are those of a `tandem run`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';

const { values } = parseArgs({ options: {
  // Concurrency defaults to a job's (2): documents in flight on one thread, so one's file reads overlap
  // another's CPU work, as in every `tandem run`.
  documents: { type: 'string', default: '2000' }, concurrency: { type: 'string' }, keep: { type: 'boolean' },
  // e.g. --formats jsonl,tsv,tmx: what the thousand XLIFF files cost is the difference.
  formats: { type: 'string' },
} });
const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
const corpus = generateCorpus(join(dir, 'docs'), { documents: Number(values.documents), seed: 7 });
const repo = resolve(import.meta.dirname, '..', '..');
const job = { input: 'docs/*.txt', languages: ['en', 'ru', 'uk', 'be'], pairs: ['en-ru'],
  glossaries: join(repo, 'glossaries', '*.yaml'), ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
  output: { dir: 'out', ...(values.formats ? { formats: values.formats.split(',') } : {}) } };

interface Figures {
  compiled: boolean; concurrency: number; summary: { documents: number; segments: number; aligned: number; failed: number };
  loadedMs: number; warmupMs: number; batchMs: number; cpuMs: number; threads?: { main: number; others: number };
  busyMs: number; idleMs: number; stages: Record<string, number>; files: number; writeMs: number; gcMs: number; rssMb: number;
}
const out = execFileSync(process.execPath, [join(import.meta.dirname, 'batch.js'), JSON.stringify(job), dir],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
const f = JSON.parse(out.trim().split('\n').at(-1)!) as Figures;

const mb = corpus.bytes / 1e6;
const seconds = f.batchMs / 1000, startup = (f.loadedMs + f.warmupMs) / 1000;
const s = f.summary;
console.log(`corpus: ${corpus.files} documents, ${mb.toFixed(2)} MB (${s.documents} units: pairs and singles), concurrency ${f.concurrency}`);
console.log(`segments: ${s.segments} (${s.aligned} aligned), failed documents: ${s.failed}`);
console.log(`start-up: ${startup.toFixed(2)} s (Node and tandem's ${f.compiled ? 'compiled' : 'TypeScript'} modules ${(f.loadedMs / 1000).toFixed(2)} s; `
  + `models, glossaries, code hash ${(f.warmupMs / 1000).toFixed(2)} s: once per process and job; not counted in the next two lines)`);
console.log(`time: ${seconds.toFixed(2)} s  documents/s: ${(corpus.files / seconds).toFixed(1)}  MB/s: ${(mb / seconds).toFixed(3)}`);
// The machine may be shared: CPU time shows what one core would do undisturbed.
console.log(`CPU time: ${(f.cpuMs / 1000).toFixed(2)} s  MB per CPU-second: ${(mb / (f.cpuMs / 1000)).toFixed(3)}`);
if (f.threads) {
  console.log(`  of which main thread ${f.threads.main.toFixed(2)} s, other threads (GC, compiler, file system) ${f.threads.others.toFixed(2)} s`);
}
// Time the one JavaScript thread waited (for files or the CPU it shares), not counted as CPU above.
console.log(`main thread busy ${(f.busyMs / 1000).toFixed(2)} s, idle ${(f.idleMs / 1000).toFixed(2)} s`);
const e2e = mb / (startup + seconds);
console.log(`end to end incl. start-up: ${(startup + seconds).toFixed(2)} s, MB/s ${e2e.toFixed(3)}`);
const staged = Object.values(f.stages).reduce((a, b) => a + b, 0);
console.log(`per stage (wall clock, share of stage time): ${Object.entries(f.stages)
  .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s (${Math.round((100 * v) / staged)}%)`).join(', ')}`);
console.log(`writing ${f.files} output files (atomic: each flushed before its rename): ${(f.writeMs / 1000).toFixed(1)} s`);
console.log(`garbage collection pauses: ${(f.gcMs / 1000).toFixed(2)} s`);
console.log(`peak RSS: ${f.rssMb.toFixed(0)} MB (the batch's process)`);
// Issue 2's target, said plainly: 2 MB/s end to end on one core, peak RSS under 500 MB.
const cores = availableParallelism();
console.log(`target (2 MB/s end to end on one core, peak RSS < 500 MB): ${cores === 1
  ? `${e2e >= 2 && f.rssMb < 500 ? 'met' : 'not met'} on this run (${e2e.toFixed(2)} MB/s, ${f.rssMb.toFixed(0)} MB)`
  : `run on ${cores} cores; pin it to one with \`taskset -c 0 npm run bench\` to measure it`}`);
if (values.keep) console.log(`kept: ${dir}`); else rmSync(dir, { recursive: true, force: true });
