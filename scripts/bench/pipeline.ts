// `npm run bench`: the whole pipeline over a generated corpus (default 2,000 documents recombined from
// the seed pair and the UDHR), in one process on one core. Prints documents/s, MB/s and peak RSS.
// Usage: npm run bench [-- --documents N --concurrency N --formats jsonl,tsv,tmx,xliff --keep]
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PerformanceObserver } from 'node:perf_hooks';
import { buildDeps, resolveJob, runBatch, type OutputFormat } from '../../src/pipeline/index.ts';
import { detect } from '../../src/language/index.ts';
import { loadLexicon } from '../../src/align/index.ts';
import { codeFingerprint } from '../../src/pipeline/fingerprint.ts';
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
const job = resolveJob({ input: 'docs/*.txt', languages: ['en', 'ru', 'uk', 'be'], pairs: ['en-ru'],
  glossaries: join(repo, 'glossaries', '*.yaml'), ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
  output: { dir: 'out', ...(values.formats ? { formats: values.formats.split(',') as OutputFormat[] } : {}) } },
{ name: 'bench', base: dir });

// Start-up is paid once per process and job, whatever the number of documents, and is shown apart:
// the models (language detector, dictionaries) and the job's glossaries, loaded and compiled (with
// their parsers' and schema validator's first-use cost), and the hash of tandem's code in the job key.
let t0 = performance.now();
detect('warm up the detector', { languages: job.languages });
for (const p of job.pairs) loadLexicon(p.src, p.tgt);
const prepared = await buildDeps(job);
codeFingerprint();
const warmup = (performance.now() - t0) / 1000;

/**
 * CPU seconds of this process's main thread and of its other threads (V8's GC and compiler, libuv's
 * file system pool), from /proc on Linux: on a shared machine the main thread's CPU time is the
 * figure least disturbed by others, and it is what one core must do. Undefined elsewhere.
 */
function threadSeconds(): { main: number; others: number } | undefined {
  try {
    let main = 0, others = 0;
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
      if (Number(tid) === process.pid) main += seconds; else others += seconds;
    }
    return { main, others };
  } catch { return undefined; }
}

// Garbage collection pauses, summed: allocation is a cost the per-stage times do not show.
let gcMs = 0;
const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; });
gc.observe({ entryTypes: ['gc'] });

const threads0 = threadSeconds();
t0 = performance.now();
const cpu0 = process.cpuUsage();
const loop0 = performance.eventLoopUtilization();
const result = await runBatch(job, { fresh: true, prepared });
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const loop = performance.eventLoopUtilization(loop0);
const threads1 = threadSeconds();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const mb = corpus.bytes / 1e6;
const rssMb = process.resourceUsage().maxRSS / 1024;
const s = result.report.summary;
console.log(`corpus: ${corpus.files} documents, ${mb.toFixed(2)} MB (${s.documents} units: pairs and singles), concurrency ${job.concurrency}`);
console.log(`segments: ${s.segments} (${s.aligned} aligned), failed documents: ${s.failed}`);
console.log(`start-up: ${warmup.toFixed(2)} s (models, glossaries, code hash: once per process and job; not counted in the next two lines)`);
console.log(`time: ${seconds.toFixed(2)} s  documents/s: ${(corpus.files / seconds).toFixed(1)}  MB/s: ${(mb / seconds).toFixed(3)}`);
// The machine may be shared: CPU time shows what one core would do undisturbed.
console.log(`CPU time: ${cpuSeconds.toFixed(2)} s  MB per CPU-second: ${(mb / cpuSeconds).toFixed(3)}`);
// Time the one JavaScript thread waited (for files or the CPU it shares), not counted as CPU above.
if (threads0 && threads1) {
  console.log(`  of which main thread ${(threads1.main - threads0.main).toFixed(2)} s, other threads (GC, compiler, file system) ${(threads1.others - threads0.others).toFixed(2)} s`);
}
console.log(`main thread busy ${(loop.active / 1000).toFixed(2)} s, idle ${(loop.idle / 1000).toFixed(2)} s`);
console.log(`end to end incl. start-up: MB/s ${(mb / (seconds + warmup)).toFixed(3)}`);
const stages: Record<string, number> = {};
for (const o of result.outputs) for (const [k, v] of Object.entries(o.stageMs)) stages[k] = (stages[k] ?? 0) + v;
const staged = Object.values(stages).reduce((a, b) => a + b, 0);
console.log(`per stage (wall clock, share of stage time): ${Object.entries(stages)
  .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s (${Math.round((100 * v) / staged)}%)`).join(', ')}`);
console.log(`writing ${result.written.length} output files (atomic: each flushed before its rename): ${((result.writeMs ?? 0) / 1000).toFixed(1)} s`);
gc.disconnect();
console.log(`garbage collection pauses: ${(gcMs / 1000).toFixed(2)} s`);
console.log(`peak RSS: ${rssMb.toFixed(0)} MB`);
if (values.keep) console.log(`kept: ${dir}`); else rmSync(dir, { recursive: true, force: true });
