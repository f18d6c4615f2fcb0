// The review file: decisions survive a killed server, a torn last line, and apply-review; a job
// whose pipeline output changed under the review is refused rather than silently mismatched.
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { readJsonl, readSegments } from '../../src/export/index.ts';
import { ReviewSession, applyReview, loadGlossary } from '../../src/review/index.ts';
import { seedSegments, writeJob } from './fixture.ts';

const BIN = new URL('../../bin/tandem.js', import.meta.url).pathname;
const newJob = () => writeJob(mkdtempSync(join(tmpdir(), 'tandem-review-session-')));
const journalOf = (dir: string) => join(dir, 'review', 'journal.jsonl');

/** Runs `tandem ...` in-process, silencing its output; returns the exit code. */
async function tandem(...argv: string[]): Promise<number> {
  const [out, err] = [process.stdout.write, process.stderr.write];
  process.stdout.write = process.stderr.write = (() => true) as typeof process.stdout.write;
  try { return await main(argv); } finally { [process.stdout.write, process.stderr.write] = [out, err]; }
}

describe('review session', () => {
  it('keeps every decision made before the server was killed with SIGKILL, and takes over its lock', async () => {
    const dir = newJob();
    const child = spawn(process.execPath, [BIN, 'review', dir, '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stdout.on('data', (d: Buffer) => { text += d; const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(text); if (m) resolve(m[0]); });
        child.on('exit', (code) => reject(new Error(`tandem review exited with ${code}`)));
      });
      const origin = url.slice(0, -1);
      const post = (rev: number, op: object) => fetch(`${url}api/op`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify({ rev, op }),
      }).then((r) => r.json() as Promise<{ rev: number }>);
      await post(0, { type: 'confirm', key: 'seed.en.txt#0', value: true });
      await post(1, { type: 'split', key: 'seed.en.txt#2', src: 1, tgt: 1 });
      const last = await post(2, { type: 'edit', key: 'seed.en.txt#8', text: 'Правка редактора.' });
      expect(last.rev).toBe(3);
      // A second review of the same job while this one runs would fork the journal: refused.
      await expect(ReviewSession.open(dir)).rejects.toThrow(/open in another tandem process/);
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    const session = await ReviewSession.open(dir);
    const segments = session.segments();
    await session.close();
    expect(segments.find((s) => s.id === '0')?.reviewed).toBe(true);
    expect(segments.map((s) => s.id)).toContain('2+1');
    expect(segments.find((s) => s.id === '8')?.tgt?.text).toBe('Правка редактора.');
  }, 60_000);

  it('skips a line torn by a kill mid-write and goes on appending after it', async () => {
    const dir = newJob();
    let session = await ReviewSession.open(dir);
    await session.do({ type: 'confirm', key: 'seed.en.txt#1', value: true });
    await session.close();
    appendFileSync(journalOf(dir), '{"at":"2026-11-28T23:00:00.000Z","op":{"type":"confirm","key":"seed.en');
    session = await ReviewSession.open(dir);
    expect(session.warnings.join('\n')).toMatch(/journal\.jsonl:3: .*unfinished/);
    await session.do({ type: 'confirm', key: 'seed.en.txt#5', value: true });
    await session.undo();
    await session.redo();
    await session.close();
    session = await ReviewSession.open(dir);
    expect(session.segments().filter((s) => s.reviewed).map((s) => s.id)).toEqual(['1', '5']);
    expect(session.canUndo).toBe(true);
    await session.close();
  });

  it('writes the reviewed outputs, and reopens and re-applies to the same bytes', async () => {
    const dir = newJob();
    const session = await ReviewSession.open(dir);
    await session.do({ type: 'merge', key: 'seed.en.txt#10' });
    await session.do({ type: 'confirm', key: 'seed.en.txt#10', value: true });
    await session.close();
    const summary = await applyReview(dir);
    expect(summary).toMatchObject({ decisions: 2, count: seedSegments().length + 1, confirmed: 1, restructured: 1 });
    // Written without a glossary, so the XLIFF notes are poorer than the pipeline's: the user is told.
    expect(summary.warnings).toEqual([expect.stringMatching(/^no glossary given \(--job or --glossary\)/)]);
    const glossary = await loadGlossary([join(dir, '..', '..', 'glossary.yaml')]);
    expect((await applyReview(dir, { glossary })).warnings).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmx'))).toEqual(['en-ru.tmx']);
    expect(existsSync(join(dir, 'xliff'))).toBe(true);
    const first = readFileSync(join(dir, 'segments.jsonl'), 'utf8');
    const merged = readJsonl(first).find((s) => s.id === '10')!;
    expect(merged.src.text).toBe('Гродно. Так выглядят сотрудники предприятия «Гродноазот», которые вышли на забастовку.');
    expect(merged.reviewed).toBe(true);
    expect(await tandem('apply-review', dir, '--quiet')).toBe(0);
    expect(readFileSync(join(dir, 'segments.jsonl'), 'utf8')).toBe(first);
    const reopened = await ReviewSession.open(dir);
    expect(reopened.beads).toHaveLength(seedSegments().length + 1);
    await reopened.close();
  });

  it('writes an edited target to the JSONL, TMX and XLIFF exactly as typed, with the bead\'s flags', async () => {
    const dir = newJob();
    const session = await ReviewSession.open(dir);
    const typed = 'Стоп!Хватит. Конец <![CDATA[ x ]]> и &lt;.Итак:\x85Дальше.';
    await session.do({ type: 'edit', key: 'seed.en.txt#0', text: typed });
    await session.close();
    await applyReview(dir);
    const files = ['segments.jsonl', 'en-ru.tmx', 'xliff/seed.en.txt.en-ru.xlf'];
    for (const file of files) {
      const edited = readSegments(readFileSync(join(dir, file)), file).find((s) => s.id === '0')!;
      expect([file, edited.tgt!.text, edited.flags ?? []]).toEqual([file, typed, []]);
    }
  });

  it('refuses a job whose segments.jsonl changed since the review began, until --restart', async () => {
    const dir = newJob();
    const session = await ReviewSession.open(dir);
    await session.do({ type: 'confirm', key: 'seed.en.txt#1', value: true });
    await session.close();
    writeFileSync(join(dir, 'segments.jsonl'), readFileSync(join(dir, 'segments.jsonl'), 'utf8').replace('Минска', 'Минске'));
    await expect(ReviewSession.open(dir)).rejects.toThrow(/changed since the review started/);
    expect(await tandem('apply-review', dir)).toBe(2);
    const fresh = await ReviewSession.open(dir, { restart: true });
    expect(fresh.segments().some((s) => s.reviewed)).toBe(false);
    await fresh.close();
    expect(readdirSync(dir).filter((f) => f.startsWith('review-'))).toHaveLength(1);
  });

  it('answers bad command lines and missing output with exit code 2', async () => {
    expect(await tandem('apply-review')).toBe(2);
    expect(await tandem('apply-review', join(tmpdir(), 'no-such-tandem-job'))).toBe(2);
    expect(await tandem('apply-review', mkdtempSync(join(tmpdir(), 'tandem-empty-')))).toBe(2);
    expect(await tandem('review', newJob(), '--port', 'eighty')).toBe(2);
    const broken = newJob();
    writeFileSync(join(broken, 'segments.jsonl'), '{"doc": "a", "id": "1", "src": {"lang": "en", "text": "Hi"}}\n{oops\n');
    expect(await tandem('apply-review', broken)).toBe(2);
  });
});
