// The journal as the batch writes it: with no group-commit window every stage of every document is
// there, and a run killed in the middle of a document (its journal cut after some stage) resumes
// from that stage and ends with the same outputs.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveJob, runBatch } from '../../src/pipeline/index.ts';
import { readJournal } from '../../src/pipeline/state.ts';
import { listFiles, REPO } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-journal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(join(REPO, 'seeds'), join(dir, 'docs'), { recursive: true });
const job = resolveJob({ input: 'docs/*.txt', languages: ['en', 'ru', 'uk', 'be'], pairs: ['en-ru'],
  glossaries: join(REPO, 'glossaries', '*.yaml'), concurrency: 1, output: { dir: 'out' } }, { name: 'journal', base: dir });
const journalFile = join(job.outDir, '.tandem-state', 'journal.jsonl');
const records = () => readJournal(readFileSync(journalFile, 'utf8'));
const stageOf = ({ snapshot }: { snapshot: unknown }) => {
  const s = snapshot as { status: string; value?: string };
  return s.status === 'done' ? 'done' : s.value!;
};

describe('the journal', () => {
  it('holds every stage of a document and resumes from the middle of one', async () => {
    const first = await runBatch(job, { fresh: true, flushMs: 0 });
    expect(first.report.summary.failed).toBe(0);
    const saved = records();
    // One unit (the seed pair): every stage after the first, each saved as it starts, then its record.
    expect(saved.map(stageOf)).toEqual(['segment', 'detect', 'normalise', 'align', 'translate', 'emit', 'done']);
    // The finished record's segments are the lines after it: the document's segments.jsonl lines.
    const jsonl = readFileSync(join(job.outDir, 'segments.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(jsonl.length).toBeGreaterThan(10);
    expect(saved.at(-1)!.attached).toEqual(jsonl);
    const before = join(dir, 'before');
    cpSync(job.outDir, before, { recursive: true });

    // Killed while aligning: the journal ends with the snapshot taken as align started.
    writeFileSync(journalFile, saved.slice(0, saved.map(stageOf).indexOf('align') + 1)
      .map(({ attached, ...record }) => JSON.stringify(record) + '\n').join(''));
    const again = await runBatch(job, { flushMs: 0 });
    expect(again.resumedDocuments).toBe(0);
    const stages = records().map(stageOf);
    expect(stages.slice(stages.lastIndexOf('align'))).toEqual(['align', 'translate', 'emit', 'done']);
    expect(stages).not.toContain('detect'); // earlier stages were not redone (the journal was compacted to align)
    // And a rerun takes the finished document, segments and all, from its record.
    const third = await runBatch(job, { flushMs: 0 });
    expect(third.resumedDocuments).toBe(1); // its outputs, compared below, come from that record
    expect(third.outputs[0].counts.segments).toBe(jsonl.length);
    for (const file of listFiles(before)) {
      const a = readFileSync(join(before, file), 'utf8'), b = readFileSync(join(job.outDir, file), 'utf8');
      if (file === 'report.json') expect(b.replace(/"timeMs": \d+/g, '')).toBe(a.replace(/"timeMs": \d+/g, ''));
      else expect(b, file).toBe(a);
    }
  }, 60_000);

  it('runs documents at most `window` past the first unfinished one, whose outputs the others wait for', async () => {
    const folder = join(dir, 'window');
    mkdirSync(join(folder, 'docs'), { recursive: true });
    for (let k = 0; k < 6; k++) {
      writeFileSync(join(folder, 'docs', `d${k}.txt`), `Workers at plant ${k} walked out on Friday.\n\nThey want new elections and the release of prisoners.\n`);
    }
    const run = async (window?: number) => {
      const small = resolveJob({ input: 'docs/*.txt', languages: ['en', 'ru'], pairs: ['en-ru'], concurrency: 2, output: { dir: `out-${window}` } },
        { name: 'window', base: folder });
      await runBatch(small, { fresh: true, flushMs: 0, ...(window ? { window } : {}) });
      const keys = readJournal(readFileSync(join(small.outDir, '.tandem-state', 'journal.jsonl'), 'utf8')).map((r) => r.key.split('\u0000')[0]);
      return { keys, jsonl: readFileSync(join(small.outDir, 'segments.jsonl'), 'utf8') };
    };
    // With a window of one, a document starts only once the one before it is written: its records come
    // after all of that one's, in id order (with two in flight, d1 here finished after d5). Same outputs.
    const one = await run(1), two = await run();
    expect([...new Set(one.keys)]).toEqual(['docs/d0.txt', 'docs/d1.txt', 'docs/d2.txt', 'docs/d3.txt', 'docs/d4.txt', 'docs/d5.txt']);
    expect(one.keys.every((key, i) => i === 0 || key === one.keys[i - 1] || !one.keys.slice(0, i).includes(key))).toBe(true);
    expect(one.jsonl).toBe(two.jsonl);
  }, 60_000);
});
