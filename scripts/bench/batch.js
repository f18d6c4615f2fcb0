// The batch half of `npm run bench`: one `tandem run` of a job, in a process of its own that loads
// tandem as `npx tandem` does (bin/modules.js: compiled, or the sources through tsx), and reports its
// figures as one JSON line. Plain JavaScript, so that tsx's loader is not running unless tandem's
// sources need it. Usage: node scripts/bench/batch.js '<job as JSON>' '<base folder>'
import { readdirSync, readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { compiledCode, tandemModule } from '../../bin/modules.js';

const [jobJson, base] = process.argv.slice(2);
const { buildDeps, resolveJob, runBatch } = await tandemModule('pipeline/index');
const { detect } = await tandemModule('language/index');
const { loadLexicon } = await tandemModule('align/index');
const { codeFingerprint } = await tandemModule('pipeline/fingerprint');
// Node's start and the loading of tandem's modules: time since the process began.
const loadedMs = performance.now();

// Start-up is paid once per process and job, whatever the number of documents: the models (language
// detector, dictionaries) and the job's glossaries, loaded and compiled (with their parsers' and
// schema validator's first-use cost), and the hash of tandem's code in the job key.
const job = resolveJob(JSON.parse(jobJson), { name: 'bench', base });
let t0 = performance.now();
detect('warm up the detector', { languages: job.languages });
for (const p of job.pairs) loadLexicon(p.src, p.tgt);
const prepared = await buildDeps(job);
codeFingerprint();
const warmupMs = performance.now() - t0;

/**
 * CPU seconds of this process's main thread and of its other threads (V8's GC and compiler, libuv's
 * file system pool), from /proc on Linux: on a shared machine the main thread's CPU time is the
 * figure least disturbed by others, and it is what one core must do. Undefined elsewhere.
 */
function threadSeconds() {
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
const batchMs = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const loop = performance.eventLoopUtilization(loop0);
const threads1 = threadSeconds();
gc.disconnect();
const stages = {};
for (const o of result.outputs) for (const [k, v] of Object.entries(o.stageMs)) stages[k] = (stages[k] ?? 0) + v;
console.log(JSON.stringify({
  compiled: await compiledCode(), concurrency: job.concurrency, summary: result.report.summary, loadedMs, warmupMs,
  batchMs, cpuMs: (cpu.user + cpu.system) / 1000,
  threads: threads0 && threads1 ? { main: threads1.main - threads0.main, others: threads1.others - threads0.others } : undefined,
  busyMs: loop.active, idleMs: loop.idle, stages, files: result.written.length, writeMs: result.writeMs ?? 0, gcMs,
  rssMb: process.resourceUsage().maxRSS / 1024,
}));
