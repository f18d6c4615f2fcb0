// The bad-input batch of issue 2: bad documents fail one by one with a one-line reason, good ones get
// full output, the exit code is 1; a job file with a typo stops everything with file:line and exit 2.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, REPO, runCli, type Run } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-bad-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const docs = join(dir, 'docs');
const out = join(dir, 'out');
let run: Run;

function makeBatch() {
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'empty.txt'), '');
  writeFileSync(join(docs, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x08, 0x00, 0x00]));
  writeFileSync(join(docs, 'invalid.txt'), Buffer.concat([Buffer.from('Workers went on strike. Они '), Buffer.from([0xd0, 0x28]), Buffer.from(' ушли.')]));
  // One paragraph of 5 MB: words without a single blank line.
  const words = ['workers', 'walked', 'off', 'the', 'job', 'in', 'Minsk', 'and', 'Grodno'];
  let huge = '';
  for (let i = 0; huge.length < 5 * 1024 * 1024; i++) huge += words[(i * 7) % words.length] + (i % 17 === 16 ? '. ' : ' ');
  writeFileSync(join(docs, 'huge.txt'), huge);
  writeFileSync(join(docs, 'links.txt'), 'https://t.co/SAPdczGoiG\npic.twitter.com/vDMk37H5B4 @tutby\n\nwww.example.org/page?id=7 https://example.com/a/b\n');
  writeFileSync(join(docs, 'german.txt'), 'Tausende Arbeiter haben am Freitag in mehreren Fabriken der Hauptstadt die Arbeit niedergelegt. ' +
    'Sie unterstützen die Opposition, die den Rücktritt des Präsidenten fordert.\n\nHunderte Beschäftigte zogen vom ' +
    'Traktorenwerk in das Stadtzentrum und riefen Parolen gegen die Regierung.\n');
  copyFileSync(join(REPO, 'seeds/000_31852e31f9f7630b.txt'), join(docs, 'seed.txt'));
  copyFileSync(join(REPO, 'seeds/000_31852e31f9f7630b.ru.txt'), join(docs, 'seed.ru.txt'));
  // A link whose target was moved away, and a named pipe nobody writes to (reading it would wait
  // forever): the glob's walk used to leave both out without a word.
  symlinkSync(join(docs, 'moved-away.txt'), join(docs, 'gone.txt'));
  execFileSync('mkfifo', [join(docs, 'pipe.txt')]);
  writeFileSync(join(docs, 'note.md'), '# Strike news\n\nWorkers of the tractor plant *left* the factory. They walked to the centre.\n');
  writeFileSync(join(dir, 'bad.job.yaml'), [
    'input: docs/*.{txt,md}', 'languages: [en, ru, uk, be]', 'pairs: [en-ru]',
    `glossaries: ${join(REPO, 'glossaries')}/*.yaml`, 'output:', '  dir: out', 'concurrency: 2', ''].join('\n'));
  writeFileSync(join(dir, 'typo.job.yaml'), ['input: docs/*.txt', 'languages: [en, ru]', 'pairs: [en-ru]',
    'output:', '  dir: out', '  fromats: [jsonl]', ''].join('\n'));
}

beforeAll(async () => {
  makeBatch();
  run = await runCli(['run', join(dir, 'bad.job.yaml')]);
}, 120_000);

const BAD = { 'docs/empty.txt': 'empty', 'docs/binary.txt': 'binary', 'docs/invalid.txt': 'invalidUtf8',
  'docs/huge.txt': 'paragraphTooLong', 'docs/links.txt': 'noText', 'docs/german.txt': 'outsideLanguages',
  'docs/gone.txt': 'brokenLink', 'docs/pipe.txt': 'notAFile' };

describe('a batch with bad documents', () => {
  it('completes with exit code 1 and one line per bad document on stderr, no stack trace', () => {
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    for (const doc of Object.keys(BAD)) expect(lines.filter((l) => l.startsWith(doc + ': '))).toHaveLength(1);
    expect(lines.find((l) => l.startsWith('docs/invalid.txt'))).toContain('byte 31'); // D0, whose sequence 28 cannot continue
    expect(lines.find((l) => l.startsWith('docs/binary.txt'))).toContain('byte 5');
    expect(lines.find((l) => l.startsWith('docs/german.txt'))).toContain("'de'");
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(lines.find((l) => l.startsWith('docs/gone.txt'))).toContain('moved-away.txt, which does not exist');
    expect(lines.find((l) => l.startsWith('docs/pipe.txt'))).toContain('a named pipe, not a file');
    expect(run.stderr).toMatch(/10 documents, 2 done, 8 failed/);
  });

  it('reports every document with status, languages, counts, time and errors', () => {
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const byDoc = Object.fromEntries(report.documents.map((d: { doc: string }) => [d.doc, d]));
    for (const [doc, code] of Object.entries(BAD)) {
      expect(byDoc[doc].status).toBe('failed');
      expect(byDoc[doc].errors).toHaveLength(1);
      expect(byDoc[doc].errors[0].code).toBe(code);
    }
    expect(byDoc['docs/seed.txt']).toMatchObject({ status: 'done', tgtDoc: 'docs/seed.ru.txt', srcLang: 'en', tgtLang: 'ru', errors: [] });
    expect(byDoc['docs/seed.txt'].languages.en).toBeGreaterThan(1000);
    expect(byDoc['docs/seed.txt'].languages.ru).toBeGreaterThan(1000);
    expect(byDoc['docs/seed.txt'].counts).toMatchObject({ paragraphs: 5, sentences: 17, tgtSentences: 17 });
    expect(typeof byDoc['docs/seed.txt'].timeMs).toBe('number');
    expect(byDoc['docs/note.md']).toMatchObject({ status: 'done', srcLang: 'en', tgtLang: 'ru' });
    expect(byDoc['docs/seed.ru.txt']).toBeUndefined(); // part of the pair, not a document of its own
  });

  it('writes full output for the good documents', () => {
    expect(listFiles(out)).toEqual(['en-ru.tmx', 'report.json', 'segments.jsonl', 'segments.tsv',
      'xliff/docs/note.md.en-ru.xlf', 'xliff/docs/seed.txt.en-ru.xlf']);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(new Set(segments.map((s) => s.doc))).toEqual(new Set(['docs/note.md', 'docs/seed.txt']));
    const note = segments.filter((s) => s.doc === 'docs/note.md');
    expect(note.map((s) => s.src.text)).toEqual(['Strike news', 'Workers of the tractor plant left the factory.', 'They walked to the centre.']);
    expect(note.every((s) => s.tgt === null && s.score === null)).toBe(true);
    // The default job's promise: the Tikhanovskaya sentence paired with its Russian translation.
    const tikh = segments.find((s) => s.src.original?.includes('Svetlana Tikhanovskaya') || s.src.text.includes('Svetlana Tikhanovskaya'));
    expect(tikh.tgt.text).toContain('Светлана Тихановская');
    expect(tikh).toMatchObject({ doc: 'docs/seed.txt', tgtDoc: 'docs/seed.ru.txt', origin: 'aligned', src: { lang: 'en' }, tgt: { lang: 'ru' } });
    expect(tikh.terms.some((t: { side: string; entry: string }) => t.side === 'tgt')).toBe(true);
    const seed = segments.filter((s) => s.doc === 'docs/seed.txt');
    expect(seed.filter((s) => s.tgt)).toHaveLength(17);
    expect(seed.every((s) => s.srcSentences.length === 1 && s.tgtSentences.length === 1)).toBe(true);
    // Quoted Russian material stays as it is on both sides.
    expect(seed.find((s) => s.id === '3.1')).toMatchObject({ src: { lang: 'ru' }, tgt: { lang: 'ru' } });
  });

  it('writes TMX and XLIFF that validate against the shared specs', () => {
    const specs = join(REPO, '..', 'shared', 'specs');
    execFileSync('xmllint', ['--noout', '--dtdvalid', join(specs, 'tmx', 'tmx14.dtd'), join(out, 'en-ru.tmx')], { stdio: 'pipe' });
    for (const f of ['note.md', 'seed.txt']) {
      execFileSync('xmllint', ['--noout', '--schema', join(specs, 'xliff', 'driver.xsd'), join(out, 'xliff/docs', `${f}.en-ru.xlf`)], { stdio: 'pipe' });
    }
  });
});

describe('a job file with a typo', () => {
  it('stops with exit code 2 and the file:line of the mistake', async () => {
    const typo = await runCli(['run', join(dir, 'typo.job.yaml')]);
    expect(typo.code).toBe(2);
    const lines = typo.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${join(dir, 'typo.job.yaml')}:6:3:`);
    expect(lines[0]).toContain("did you mean 'formats'");
  });
});
