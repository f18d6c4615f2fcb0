// A job with two pairs and a document nobody translated: the pipeline writes its XLIFF in one
// direction (the job's first pair with its language), and the review must keep to it, for the
// reviewer's own translation and for apply-review's files.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readXliff } from '../../src/export/index.ts';
import { applyReview, ReviewSession } from '../../src/review/index.ts';
import { reportDirections } from '../../src/review/directions.ts';

async function tandem(...argv: string[]): Promise<number> {
  const [out, err] = [process.stdout.write, process.stderr.write];
  process.stdout.write = process.stderr.write = (() => true) as typeof process.stdout.write;
  try { return await main(argv); } finally { [process.stdout.write, process.stderr.write] = [out, err]; }
}

/** Every file of the job folder but the review's own, with its bytes. */
function outputs(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      const name = relative(dir, path);
      if (name === 'review' || name.startsWith('.tandem-state')) continue;
      if (entry.isDirectory()) walk(path); else files.set(name, readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

/** The job run through a job file that asks for some formats only; returns its output folder. */
async function jobWithFormats(formats: string[]): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'tandem-review-formats-'));
  writeFileSync(join(root, 'strike.txt'), 'Workers at the tractor plant stopped work on Friday.\n');
  writeFileSync(join(root, 'strike.ru.txt'), 'Рабочие тракторного завода в пятницу прекратили работу.\n');
  writeFileSync(join(root, 'j.job.yaml'), ['input: "*.txt"', 'languages: [en, ru]', 'pairs: [en-ru]', 'output:', '  dir: out',
    `  formats: [${formats.join(', ')}]`, ''].join('\n'));
  expect(await tandem('run', join(root, 'j.job.yaml'), '--quiet')).toBe(0);
  return join(root, 'out');
}

async function multiPairJob(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'tandem-review-directions-'));
  const input = join(root, 'in');
  mkdirSync(input);
  // A paired English/Ukrainian document, and an English one without a translation.
  writeFileSync(join(input, 'strike.txt'), 'Workers at the tractor plant stopped work on Friday.\n\nThey marched to the city centre.\n');
  writeFileSync(join(input, 'strike.uk.txt'), "Робітники тракторного заводу в п'ятницю припинили роботу.\n\nВони пішли маршем до центру міста.\n");
  writeFileSync(join(input, 'solo.txt'), 'The election results were announced on Monday evening.\n');
  const out = join(root, 'out');
  expect(await tandem('run', '--input', join(input, '*.txt'), '--pair', 'en-ru', '--pair', 'en-uk', '--out', out, '--quiet')).toBe(0);
  return out;
}

describe('document directions in a review', () => {
  it('apply-review with nothing to apply rewrites exactly the files the pipeline wrote', async () => {
    const dir = await multiPairJob();
    const before = outputs(dir);
    expect([...before.keys()].filter((f) => f.startsWith('xliff/')).sort()).toEqual(['xliff/solo.txt.en-ru.xlf', 'xliff/strike.txt.en-uk.xlf']);
    await applyReview(dir);
    expect(outputs(dir)).toEqual(before);
  }, 60_000);

  it("translates a document without targets into the pipeline's target language, not its peers'", async () => {
    const dir = await multiPairJob();
    const session = await ReviewSession.open(dir);
    const key = session.beads.find((b) => b.doc === 'solo.txt')!.key;
    expect(session.beads.find((b) => b.key === key)!.tgtLang).toBe('ru');
    await session.do({ type: 'edit', key, text: 'Итоги выборов объявили в понедельник вечером.' });
    await session.close();
    const summary = await applyReview(dir);
    expect(summary.files.filter((f) => f.startsWith('xliff/')).sort()).toEqual(['xliff/solo.txt.en-ru.xlf', 'xliff/strike.txt.en-uk.xlf']);
    const [solo] = readXliff(readFileSync(join(dir, 'xliff', 'solo.txt.en-ru.xlf'), 'utf8'));
    expect(solo.tgt).toEqual({ lang: 'ru', text: 'Итоги выборов объявили в понедельник вечером.' });
  }, 60_000);

  it('writes only the formats the job asked for', async () => {
    for (const formats of [['jsonl', 'xliff'], ['jsonl', 'tmx']]) {
      const dir = await jobWithFormats(formats);
      const before = outputs(dir);
      await applyReview(dir);
      expect([...outputs(dir).keys()].sort(), formats.join()).toEqual([...before.keys()].sort());
    }
  }, 60_000);

  it('reads only usable directions from a report', () => {
    expect(reportDirections({ documents: [
      { doc: 'a.txt', status: 'done', srcLang: 'en', tgtLang: 'ru' },
      { doc: 'b.txt', status: 'failed' },
      { doc: 'c.txt', srcLang: 'en', tgtLang: 'en' },
      null,
    ] })).toEqual([{ id: 'a.txt', srcLang: 'en', tgtLang: 'ru' }]);
    expect(reportDirections(null)).toEqual([]);
    expect(reportDirections({ documents: 'x' })).toEqual([]);
  });
});
