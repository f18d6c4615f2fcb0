import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readJsonl, segmentsToJsonl, segmentsToTmx, segmentsToXliff } from '../../src/export/index.ts';
import type { Segment } from '../../src/types.ts';
import { udhrPairs } from './udhr.ts';

const run = promisify(execFile);
const BIN = new URL('../../bin/tandem.js', import.meta.url).pathname;
const tandem = (...args: string[]) => run('node', [BIN, ...args], { env: { ...process.env, TANDEM_LANG: 'en' } })
  .then((r) => ({ code: 0, ...r }), (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }));

const seg = (id: string, en: string, ru: string | null): Segment => ({ doc: 'udhr', id, src: { lang: 'en', text: en }, tgt: ru === null ? null : { lang: 'ru', text: ru }, terms: [], score: null });
let dir: string;
const pairs = udhrPairs('eng', 'rus');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tandem-translate-cli-'));
  await writeFile(join(dir, 'memory.tmx'), segmentsToTmx(pairs.slice(0, 30).map(([en, ru], i) => seg(String(i), en, ru)), { srcLang: 'en', tgtLang: 'ru' }));
  await writeFile(join(dir, 'glossary.yaml'), 'entries:\n  - id: un\n    type: organisation\n    terms:\n      - { text: United Nations, lang: en, status: preferred }\n      - { text: Организация Объединенных Наций, lang: ru, status: preferred }\n');
  await writeFile(join(dir, 'todo.jsonl'), segmentsToJsonl([
    seg('a', pairs[0][0].replace('peace', 'prosperity'), null),
    seg('b', 'The United Nations met today.', null),
    seg('c', 'Nothing known here at all.', null),
    seg('d', 'Already done.', 'Уже сделано.')]));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('tandem translate', () => {
  it('fills empty targets of a segments.jsonl from memory, then glossary, and marks them', async () => {
    const r = await tandem('translate', join(dir, 'todo.jsonl'), '--to', 'ru', '--memory', join(dir, '*.tmx'), '--glossary', join(dir, 'glossary.yaml'));
    expect(r.stderr).toContain('3 segments without a target: 1 from memory, 0 machine-translated, 1 glossary drafts, 1 left empty');
    expect(r.code).toBe(0);
    const out = readJsonl(r.stdout);
    expect(out.map((s) => s.origin ?? null)).toEqual(['tm', 'glossary', null, null]);
    expect(out[0].tgt!.text).toBe(pairs[0][1]);
    expect(out[0].originDetail).toMatchObject({ provider: 'tm', match: expect.any(Number) });
    expect(out[1].tgt!.text).toBe('The Организация Объединенных Наций met today.');
    expect(out[3].tgt!.text).toBe('Уже сделано.');
  }, 60_000);

  it('fills the empty targets of an XLIFF file, and of a job\'s output folder (its segments.jsonl)', async () => {
    // An XLIFF file was read as a plain-text document: its markup went to the providers line by line.
    const todo = [seg('x1', pairs[3][0], null), seg('x2', pairs[4][0], null)];
    await writeFile(join(dir, 'todo.en-ru.xlf'), segmentsToXliff(todo, { srcLang: 'en', tgtLang: 'ru', doc: 'udhr' }));
    const xlf = await tandem('translate', join(dir, 'todo.en-ru.xlf'), '--to', 'ru', '--memory', join(dir, '*.tmx'));
    expect(xlf.code).toBe(0);
    expect(readJsonl(xlf.stdout).map((s) => [s.id, s.origin, s.tgt?.text])).toEqual([['x1', 'tm', pairs[3][1]], ['x2', 'tm', pairs[4][1]]]);
    const job = join(dir, 'job-out');
    await mkdir(job, { recursive: true });
    await writeFile(join(job, 'segments.jsonl'), segmentsToJsonl(todo));
    const folder = await tandem('translate', job, '--to', 'ru', '--memory', join(dir, '*.tmx'));
    expect(readJsonl(folder.stdout).map((s) => s.origin)).toEqual(['tm', 'tm']);
  }, 60_000);

  it('translates a document in the language it detects when --from is not given', async () => {
    // English UDHR sentences the memory holds, and one German file outside tandem's four languages.
    await writeFile(join(dir, 'doc.txt'), `${pairs[1][0]}\n\n${pairs[2][0]}\n`);
    const r = await tandem('translate', join(dir, 'doc.txt'), '--to', 'ru', '--memory', join(dir, '*.tmx'));
    expect(r.code).toBe(0);
    const out = readJsonl(r.stdout);
    expect(out.map((s) => [s.src.lang, s.tgt?.text])).toEqual([['en', pairs[1][1]], ['en', pairs[2][1]]]);
    await writeFile(join(dir, 'de.txt'), 'Die Regierung hat am Montag neue Wahlen angekündigt. Die Opposition ist skeptisch.\n');
    const de = await tandem('translate', join(dir, 'de.txt'), '--to', 'en', '--glossary', join(dir, 'glossary.yaml'));
    expect(readJsonl(de.stdout).map((s) => s.src.lang)).toEqual(['de', 'de']);
    await writeFile(join(dir, 'numbers.txt'), '12345 678\n');
    const none = await tandem('translate', join(dir, 'numbers.txt'), '--to', 'en', '--glossary', join(dir, 'glossary.yaml'));
    expect([none.code, none.stderr.trim()]).toEqual([2, "the document's language could not be told: give it with --from LANG. Run 'tandem translate --help'."]);
    // A document in windows-1251 gets the reader's own message, not "cannot read the file".
    await writeFile(join(dir, 'legacy.txt'), Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x2c, 0x20, 0xec, 0xe8, 0xf0, 0x21, 0x0a]));
    const legacy = await tandem('translate', join(dir, 'legacy.txt'), '--to', 'en', '--glossary', join(dir, 'glossary.yaml'));
    expect([legacy.code, legacy.stderr]).toEqual([2, expect.stringContaining('legacy.txt: not valid UTF-8 (line 1, byte 0)')]);
  }, 60_000);

  it('looks a sentence up in a memory and exits 2 on bad usage', async () => {
    const r = await tandem('translate', 'lookup', pairs[5][0], '--memory', join(dir, 'memory.tmx'), '--from', 'en', '--to', 'ru');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`100%  ${pairs[5][0]}\n      ${pairs[5][1]}`)).toBe(true);
    const bad = await tandem('translate', join(dir, 'todo.jsonl'), '--to', 'ru', '--provider', 'babel');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain("unknown translation provider 'babel'");
  }, 60_000);
});
