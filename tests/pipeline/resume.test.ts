// Kill a run with SIGKILL after some documents finished, run it again: it resumes without redoing the
// finished documents and ends with the same bytes as a run that was never interrupted.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { listFiles, REPO, runCli, startCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-resume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Enough to be killed midway on a fast machine. The killer waits for the first finished documents to
// be on disk: the runs commit the journal every 20 ms (TANDEM_JOURNAL_FLUSH_MS) instead of 250, so
// that happens early in the batch however fast the machine is.
generateCorpus(join(dir, 'docs'), { documents: 200, seed: 11, singles: 0.2 });
process.env.TANDEM_JOURNAL_FLUSH_MS = '20';
writeFileSync(join(dir, 'resume.job.yaml'), ['input: docs/*.txt', 'languages: [en, ru, uk, be]', 'pairs: [en-ru]',
  `glossaries: ${join(REPO, 'glossaries')}/*.yaml`, 'concurrency: 1', ''].join('\n'));
const job = join(dir, 'resume.job.yaml');
const journal = (out: string) => join(out, '.tandem-state', 'journal.jsonl');
const doneCount = (out: string) => existsSync(journal(out))
  ? new Set(readFileSync(journal(out), 'utf8').split('\n').filter((l) => l.includes('"status":"done"'))
    .map((l) => { try { return JSON.parse(l).key; } catch { return undefined; } }).filter(Boolean)).size : 0;
/** report.json minus processing times, which measure the run and are the one thing allowed to differ. */
const withoutTimes = (text: string) => text.replace(/"timeMs": \d+/g, '"timeMs": 0');

describe('kill -9 midway and resume', () => {
  it('resumes without redoing finished documents and writes byte-identical output', async () => {
    const whole = join(dir, 'whole'), resumed = join(dir, 'resumed');
    const reference = runCli(['run', job, '--out', whole, '--quiet']);

    const { child, done } = startCli(['run', job, '--out', resumed]);
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (doneCount(resumed) >= 3) { clearInterval(timer); child.kill('SIGKILL'); resolve(); }
      }, 25);
      done.then(() => { clearInterval(timer); reject(new Error('the run finished before it could be killed')); }, reject);
    });
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');
    const finishedBefore = doneCount(resumed);
    const units = (await reference).code === 0 ? JSON.parse(readFileSync(join(whole, 'report.json'), 'utf8')).summary.documents : -1;
    expect(finishedBefore).toBeGreaterThanOrEqual(3);
    expect(finishedBefore).toBeLessThan(units);
    // Finished documents' XLIFF may be waiting in temp files; nothing is in place before the end.
    expect(listFiles(resumed).filter((f) => !f.endsWith('.tmp'))).toEqual([]);

    const again = await runCli(['run', job, '--out', resumed]);
    expect(again.code).toBe(0);
    const resumedCount = Number(/resuming: (\d+) documents already done/.exec(again.stderr)?.[1]);
    expect(resumedCount).toBeGreaterThanOrEqual(finishedBefore);
    expect(resumedCount).toBeLessThan(units);

    const files = listFiles(whole);
    expect(files).toContain('segments.jsonl');
    expect(files.filter((f) => f.endsWith('.xlf')).length).toBe(units);
    expect(listFiles(resumed)).toEqual(files);
    for (const f of files) {
      const a = readFileSync(join(whole, f)), b = readFileSync(join(resumed, f));
      if (f === 'report.json') expect(withoutTimes(b.toString())).toBe(withoutTimes(a.toString()));
      else expect(b.equals(a), `${f} differs`).toBe(true);
    }
  }, 180_000);

  it('stops on Ctrl-C with exit code 130, saved progress and no half-written output', async () => {
    const out = join(dir, 'interrupted');
    const { child, done } = startCli(['run', job, '--out', out]);
    const timer = setInterval(() => { if (doneCount(out) >= 2) { clearInterval(timer); child.kill('SIGINT'); } }, 25);
    const run = await done;
    clearInterval(timer);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('interrupted: progress saved');
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(doneCount(out)).toBeGreaterThanOrEqual(2);
    expect(listFiles(out)).toEqual([]); // no output, and no temp file of one left behind
    expect(existsSync(join(out, '.tandem-state', 'lock'))).toBe(false);
  }, 120_000);
});
