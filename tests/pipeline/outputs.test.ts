// What a batch writes besides segments: XLIFF glossary notes made with the job's glossary, so a
// translator in a CAT tool sees the preferred form in the target language, not only the match.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveJob, runBatch } from '../../src/pipeline/index.ts';
import { REPO } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
cpSync(join(REPO, 'seeds'), join(dir, 'docs'), { recursive: true });

describe('batch outputs', () => {
  it("name each glossary term's preferred form in the other language in XLIFF notes", async () => {
    const job = resolveJob({ input: 'docs/*.txt', languages: ['en', 'ru', 'uk', 'be'], pairs: ['en-ru'],
      glossaries: join(REPO, 'glossaries', '*.yaml'), output: { dir: 'out' } }, { name: 'outputs', base: dir });
    const result = await runBatch(job, { fresh: true });
    expect(result.report.summary.failed).toBe(0);
    const xliff = readFileSync(join(job.outDir, 'xliff', 'docs', '000_31852e31f9f7630b.txt.en-ru.xlf'), 'utf8');
    const notes = [...xliff.matchAll(/<note category="glossary" appliesTo="source">([^<]*)<\/note>/g)].map((m) => m[1]);
    expect(notes).toContain('Tsikhanouskaya → ru: Тихановская [tsikhanouskaya]');
    // A deprecated spelling in the source names the house style of its own language too.
    expect(notes).toContain('Lukashenko → ru: Лукашенко (deprecated; en: Lukashenka) [lukashenka]');
  }, 60_000);
});
