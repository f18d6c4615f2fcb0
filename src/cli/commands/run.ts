// `tandem run [JOB]` runs a job file (default pipeline/default.job.yaml); `tandem run --input GLOB ...`
// runs the same pipeline without one. Exit 0 when every document is done, 1 when some failed or had a problem (the
// others are complete), 2 for a bad command line or job file, 130 when interrupted (progress kept).
import { relative, resolve } from 'node:path';
import { parseCommandArgs } from '../args.ts';
import { UsageError } from '../errors.ts';
import type { Command } from '../main.ts';
import { t, uiLanguage } from '../../i18n/index.ts';
// The job module only: a bad job file is reported before the stages (and their models) are loaded.
import { loadJob, resolveJob, type Job, type JobFile } from '../../pipeline/job.ts';
import { OUTPUT_FORMATS, type OutputFormat } from '../../export/formats.ts';
import { createProgress } from '../../pipeline/progress.ts';
import { problemsOf } from '../../pipeline/output.ts';
import { failureMessage } from '../../documents/index.ts';

const DEFAULT_JOB = 'pipeline/default.job.yaml';

const OPTIONS = {
  input: { type: 'string', multiple: true },
  glossary: { type: 'string', multiple: true },
  out: { type: 'string' },
  name: { type: 'string' },
  pair: { type: 'string', multiple: true },
  languages: { type: 'string' },
  concurrency: { type: 'string' },
  format: { type: 'string', multiple: true },
  fresh: { type: 'boolean' },
} as const;

/** `--format tmx,xliff` or `--format tmx --format xliff`: the outputs to write, in the job's order. */
function formatsOf(values: string[]): OutputFormat[] {
  const asked = values.flatMap((v) => v.split(',')).map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = asked.find((f) => !OUTPUT_FORMATS.includes(f as OutputFormat));
  if (unknown !== undefined || !asked.length) throw new UsageError(t('export:unknownOutputFormat', { format: unknown ?? '' }));
  return OUTPUT_FORMATS.filter((f) => asked.includes(f));
}

/** A job file's name, as opposed to a document's. */
const JOB_FILE = /\.(ya?ml|json)$/i;

function jobFromArgs(values: ReturnType<typeof parse>['values'], positionals: string[]): Job {
  // `--input docs/*.txt` unquoted reaches us as the shell's expansion: the first file after --input,
  // the rest as arguments. Documents they are, unless one of them is a job file.
  const expanded = values.input?.length && positionals.length && !positionals.some((p) => JOB_FILE.test(p));
  if (values.input?.length && positionals.length && !expanded) throw new UsageError(t('run:job.jobAndInput'));
  let job: Job;
  if (values.input?.length) {
    const name = values.name ?? 'adhoc';
    const data: JobFile = { input: expanded ? [...values.input, ...positionals] : values.input, glossaries: values.glossary ?? [] };
    if (values.pair?.length) data.pairs = values.pair;
    if (values.languages) data.languages = values.languages.split(',').map((l) => l.trim()).filter(Boolean);
    job = resolveJob(data, { name, base: process.cwd() });
  } else {
    if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`);
    job = loadJob(positionals[0] ?? DEFAULT_JOB);
    if (values.name) job.name = values.name;
    if (values.glossary?.length) job.glossaries = [...job.glossaries, ...values.glossary];
  }
  if (values.out) job.outDir = resolve(values.out);
  if (values.format?.length) job.formats = formatsOf(values.format);
  if (values.concurrency) {
    const n = Number(values.concurrency);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(t('run:badConcurrency'));
    job.concurrency = n;
  }
  return job;
}

const parse = (argv: string[]) => parseCommandArgs(argv, OPTIONS);

const command: Command = async (argv) => {
  const { values, positionals } = parse(argv);
  if (values.help) { process.stdout.write(t('run:usage') + '\n'); return 0; }
  const job = jobFromArgs(values, positionals);
  const { runBatch } = await import('../../pipeline/batch.ts');
  const started = performance.now();
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let progress: ReturnType<typeof createProgress> | undefined;
  try {
    const result = await runBatch(job, {
      signal: controller.signal,
      fresh: values.fresh,
      ...journalWindow(),
      onProgress: (done, failed, segments, total) => {
        progress ??= createProgress(total, { quiet: values.quiet, startedAt: started });
        progress.update(done, failed, segments);
      },
      // Said even with --quiet: those files are work the batch does not do.
      onUnread: (files) => {
        process.stderr.write(t('run:unread', { count: files.length, names: files.slice(0, 3).join(', ') + (files.length > 3 ? ', …' : '') }) + '\n');
      },
      // One line per failed document (or problem of a done one) on stderr, whatever the TTY: scripts
      // and CI logs need them.
      onFailure: (o) => {
        const log = progress ?? { log: (l: string) => process.stderr.write(l + '\n') };
        for (const p of problemsOf(o)) log.log(t('run:failedDoc', { doc: o.task.src.id, reason: failureMessage(p) }));
      },
    });
    progress?.stop();
    if (result.interrupted) { process.stderr.write(t('run:interrupted') + '\n'); return 130; }
    const s = result.report.summary;
    if (!values.quiet) {
      if (result.resumedDocuments) process.stderr.write(t('run:resumed', { count: result.resumedDocuments }) + '\n');
      process.stderr.write(t('run:summary', { job: job.name, documents: t('run:documentCount', { count: s.documents }),
        // A done document whose translation could not be read is what exit 1 is about: said here too.
        ok: t(s.problems ? 'run:doneWithProblems' : 'run:doneCount', { done: s.done, problems: s.problems }), failed: s.failed, segments: t('run:segmentCount', { count: s.segments }), aligned: s.aligned,
        // In the UI language's numerals: Russian writes «0,9 с».
        seconds: new Intl.NumberFormat(uiLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false })
          .format((performance.now() - started) / 1000),
        out: relative('.', job.outDir) || '.' }) + '\n');
    }
    // A document done without its unreadable translation is still a bad input file: exit 1 says so.
    return s.failed || s.problems ? 1 : 0;
  } finally {
    progress?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};
export default command;

/**
 * TANDEM_JOURNAL_FLUSH_MS: how long a stage snapshot may wait to be saved (default 250 ms; 0 saves
 * each at once). A kill loses at most that much work; shorter windows cost more on short documents.
 */
function journalWindow(): { flushMs?: number } {
  const ms = Number(process.env.TANDEM_JOURNAL_FLUSH_MS);
  return process.env.TANDEM_JOURNAL_FLUSH_MS && Number.isFinite(ms) && ms >= 0 ? { flushMs: ms } : {};
}
