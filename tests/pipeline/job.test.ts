import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { UsageError } from '../../src/cli/errors.ts';
import { Ajv } from 'ajv';
import { discoverDocuments, loadJob, pairDocuments, parseJobText, resolveJob } from '../../src/pipeline/index.ts';
import { JOB_SCHEMA } from '../../src/pipeline/job.ts';
import { REPO } from './helpers.ts';

const errorOf = (text: string) => { try { parseJobText(text, 'x.job.yaml'); return 'valid'; } catch (e) { expect(e).toBeInstanceOf(UsageError); return (e as Error).message; } };

describe('job files', () => {
  it('are checked against a valid JSON Schema (start-up does not check it again)', () => {
    const ajv = new Ajv({ strict: false, discriminator: true });
    expect(ajv.validateSchema(JOB_SCHEMA), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validateSchema({ ...JOB_SCHEMA, properties: { input: { type: 'glob' } } })).toBe(false);
  });

  it('reports schema mistakes at file:line:col with the field', () => {
    expect(errorOf('input: docs/*.txt\nlanguages: [en, ru]\nconcurency: 4\n')).toMatch(/^x\.job\.yaml:3:1: concurency is not a known field \(did you mean 'concurrency'\?\)/);
    expect(errorOf('input: a\npairs:\n  - en-ru\n  - en_uk\n')).toMatch(/^x\.job\.yaml:4:5: pairs\.1 must match pattern/);
    expect(errorOf('input: a\noutput:\n  formats: [tmx, pdf]\n')).toMatch(/^x\.job\.yaml:3:18: output\.formats\.1 must be equal to one of the allowed values: jsonl, tsv, tmx, xliff/);
    expect(errorOf('input: a\nconcurrency: many\n')).toMatch(/^x\.job\.yaml:2:14: concurrency must be integer/);
    expect(errorOf('languages: [en]\n')).toMatch(/^x\.job\.yaml:1:1: \(top level\) must have required property 'input'/);
    expect(errorOf('{"input": "a", "pairing": {"by": "name"}}')).toMatch(/^x\.job\.yaml:1:34: pairing\.by/);
  });
  it('refuses language codes that name no language, at file:line in a job file and from flags', () => {
    expect(errorOf('input: a\nlanguages: [en, ru, zz]\n')).toMatch(/^x\.job\.yaml:2:21: languages\.2 'zz' is not a language code/);
    expect(errorOf('input: a\npairs: [en-ru, en-xx]\n')).toMatch(/^x\.job\.yaml:2:16: pairs\.1 'en-xx' is not a language code/);
    expect(errorOf('input: a\npairs: [{src: en, tgt: qq}]\n')).toMatch(/^x\.job\.yaml:2:\d+: pairs\.0\.tgt 'qq' is not a language code/);
    expect(errorOf('input: a\nlanguages: [en, ru, uk, be, de, nds]\npairs: [en-ru, uk-be]\n')).toBe('valid');
    // `tandem run --input ... --languages en,zz` builds the job without a file.
    expect(() => resolveJob({ input: 'a', languages: ['en', 'zz'] }, { name: 'x', base: '/' })).toThrow(/'zz' is not a language code/);
    expect(() => resolveJob({ input: 'a', pairs: ['en-xx'] }, { name: 'x', base: '/' })).toThrow(/'xx' is not a language code/);
  });
  it('refuses a pair of one language, and pairs whose languages detection may not answer', () => {
    // Both ran the batch: every Russian document then failed as "not among the job's languages (en)".
    expect(() => resolveJob({ input: 'a', pairs: ['en-en'] }, { name: 'x', base: '/' })).toThrow(/^a language pair needs two languages: en-en$/);
    expect(() => resolveJob({ input: 'a', pairs: ['en-ru'], languages: ['en'] }, { name: 'x', base: '/' }))
      .toThrow(/^the job's pairs have 'ru', which is not among its languages \(en\)/);
    expect(resolveJob({ input: 'a', pairs: ['en-ru', 'en-uk'] }, { name: 'x', base: '/' }).languages).toEqual(['en', 'ru', 'uk']);
  });
  it('refuses a document in two explicit pairs, at the second, since one pair\'s outputs overwrote the other\'s', () => {
    const pairs = (a: string, b: string) => `input: '*.txt'\npairing:\n  documents:\n    - { src: x.txt, tgt: x.ru.txt }\n    - { src: ${a}, tgt: ${b} }\n`;
    expect(errorOf(pairs('./x.txt', 'x.uk.txt'))).toMatch(/^x\.job\.yaml:5:14: pairing\.documents\.1\.src \.\/x\.txt is in the pair at line 4 already/);
    expect(errorOf(pairs('y.txt', 'x.ru.txt'))).toMatch(/^x\.job\.yaml:5:26: pairing\.documents\.1\.tgt x\.ru\.txt is in the pair at line 4/);
    expect(errorOf(pairs('y.txt', 'y.ru.txt'))).toBe('valid');
    // An original with a translation in each of two languages, as their names declare: two pairs.
    const both = (b: string) => `input: '*.txt'\npairs: [en-ru, en-uk]\npairing:\n  documents:\n    - { src: x.txt, tgt: x.ru.txt }\n    - { src: x.txt, tgt: ${b} }\n`;
    expect(errorOf(both('x.uk.txt'))).toBe('valid');
    expect(errorOf(both('x.RU.txt'))).toMatch(/^x\.job\.yaml:6:14: pairing\.documents\.1\.src x\.txt is in the pair at line 5 already/);
    expect(errorOf(both('y.txt'))).toMatch(/pairing\.documents\.1\.src x\.txt is in the pair at line 5 already/);
    expect(errorOf(`input: a\npairing:\n  documents: [{ src: a.txt, tgt: a.txt }]\n`)).toMatch(/^x\.job\.yaml:3:\d+: pairing\.documents\.0\.tgt a\.txt is in the pair at line 3/);
  });
  it('reports a glossary file or root folder it names that is not there at file:line, with where it was looked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-job-'));
    try {
      mkdirSync(join(dir, 'project', 'glossaries'), { recursive: true });
      writeFileSync(join(dir, 'project', 'glossaries', 'main.yaml'), 'entries: []\n');
      const jobFile = join(dir, 'jobs', 'x.job.yaml');
      mkdirSync(join(dir, 'jobs'));
      const messageOf = (text: string) => { writeFileSync(jobFile, text); try { loadJob(jobFile); return 'loaded'; } catch (e) { return (e as Error).message; } };
      const shown = (p: string) => relative('.', join(dir, p));
      expect(messageOf('root: ../project\ninput: docs/*.txt\nglossaries:\n  - glossaries/main.yaml\n  - glossaries/typo.yaml\n'))
        .toBe(`${jobFile}:5:5: glossaries.1 not found: ${shown('project/glossaries/typo.yaml')}`);
      expect(messageOf('root: ../projekt\ninput: docs/*.txt\n')).toBe(`${jobFile}:1:7: root not found: ${shown('projekt')}`);
      // With the schema's mistakes, in file order: one rerun shows them all.
      expect(messageOf('root: ../project\ninput: docs/*.txt\nconcurency: 2\nglossaries: glossaries/typo.yaml\n').split('\n')
        .map((l) => l.replace(/:(\d+):\d+: (\S+).*/, ' $1 $2').replace(jobFile, 'job'))).toEqual(['job 3 concurency', 'job 4 glossaries']);
      // A glob that matches nothing is no mistake of the job file: a folder may be empty today.
      expect(messageOf('root: ../project\ninput: docs/*.txt\nglossaries: glossaries/*.tbx\n')).toBe('loaded');
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('reports YAML syntax errors at file:line', () => {
    expect(errorOf('input: [a, b\nlanguages: [en]\n')).toMatch(/^x\.job\.yaml:\d+:\d+: /);
  });
  it("validates each provider's settings with the translation stage's schema", () => {
    expect(errorOf('input: a\ntranslate:\n  providers:\n    - type: tm\n      memories: [memories/*.tmx]\n      minMatch: 75\n')).toBe('valid');
    expect(errorOf('input: a\ntranslate:\n  providers:\n    - type: tm\n      memoriez: [m.tmx]\n')).toMatch(/^x\.job\.yaml:4:7: .*'memories'/);
    expect(errorOf('input: a\ntranslate:\n  providers:\n    - tmx: x\n')).toMatch(/providers\.0 must have required property 'type'/);
    // The misspelt field gets the provider's own fields, and a suggestion, not the common "known: type".
    expect(errorOf('input: a\ntranslate:\n  providers:\n    - type: tm\n      memoriez: [m.tmx]\n').split('\n')[1])
      .toBe("x.job.yaml:5:7: translate.providers.0.memoriez is not a known field (did you mean 'memories'?); known: type, memories, minMatch, enforceGlossary");
  });
  it('reports every mistake of a job file, one line each in file order', () => {
    expect(errorOf('input: a\nconcurency: 2\noutput:\n  formats: [tmx, xlsx]\nretries: {attempts: many}\n').split('\n')).toEqual([
      "x.job.yaml:2:1: concurency is not a known field (did you mean 'concurrency'?); known: name, root, input, exclude, languages, pairs, glossaries, pairing, translate, output, concurrency, retries, limits, align",
      'x.job.yaml:4:18: output.formats.1 must be equal to one of the allowed values: jsonl, tsv, tmx, xliff',
      'x.job.yaml:5:21: retries.attempts must be integer',
    ]);
  });
  it('the default job pairs the seed with its Russian translation by file name', async () => {
    const job = loadJob(join(REPO, 'pipeline/default.job.yaml'));
    expect(job.name).toBe('default');
    expect(job.outDir).toBe(join(REPO, 'output/default'));
    const tasks = pairDocuments(await discoverDocuments(job), job);
    const seed = tasks.find((t) => t.src.id === 'seeds/000_31852e31f9f7630b.txt');
    expect(seed?.tgt?.id).toBe('seeds/000_31852e31f9f7630b.ru.txt');
    expect(seed?.pair).toEqual({ src: 'en', tgt: 'ru' });
    expect(tasks.some((t) => t.src.id === 'seeds/000_31852e31f9f7630b.ru.txt')).toBe(false);
  });
  it('pairs explicitly listed documents and leaves the rest alone', () => {
    const job = { ...loadJob(join(REPO, 'pipeline/default.job.yaml')), pairing: { by: 'suffix' as const, documents: [{ src: 'a/story.txt', tgt: 'b/история.txt' }] } };
    const ids = ['a/story.txt', 'b/история.txt', 'c/x.txt', 'c/x.ru.txt', 'c/y.en.txt', 'c/y.ru.txt', 'c/z.uk.txt'];
    const tasks = pairDocuments(ids.map((id) => ({ id, path: join(job.root, id) })), job);
    expect(tasks.map((t) => [t.src.id, t.tgt?.id ?? null])).toEqual([
      ['a/story.txt', 'b/история.txt'], ['c/x.txt', 'c/x.ru.txt'], ['c/y.en.txt', 'c/y.ru.txt'], ['c/z.uk.txt', null]]);
    expect(tasks.find((t) => t.src.id === 'c/z.uk.txt')?.src.declared).toBe('uk');
    expect(tasks[0].tgt?.path).toBe(join(job.root, 'b/история.txt'));
    // Names without language suffixes leave the direction to detection (a Russian original of an
    // English translation was labelled en→ru, the job's first pair); suffixes still decide it.
    expect(tasks[0].pair).toBeUndefined();
    expect(tasks.find((t) => t.src.id === 'c/y.en.txt')?.pair).toEqual({ src: 'en', tgt: 'ru' });
  });
  it('reads the language suffix in any case (NAME.EN.txt / NAME.RU.txt)', () => {
    const job = loadJob(join(REPO, 'pipeline/default.job.yaml'));
    const ids = ['Metro.EN.txt', 'Metro.RU.txt', 'flood.txt', 'flood.Ru.txt'];
    const tasks = pairDocuments(ids.map((id) => ({ id, path: join(job.root, id) })), job);
    expect(tasks.map((t) => [t.src.id, t.tgt?.id ?? null])).toEqual([['Metro.EN.txt', 'Metro.RU.txt'], ['flood.txt', 'flood.Ru.txt']]);
    expect(tasks[0].tgt?.declared).toBe('ru');
  });
  it('pairs names that hold a line break or a tab, as saved from a title', () => {
    const job = loadJob(join(REPO, 'pipeline/default.job.yaml'));
    const ids = ['new\nline.en.txt', 'new\nline.ru.txt', 'tab\there.txt', 'tab\there.ru.txt'];
    const tasks = pairDocuments(ids.map((id) => ({ id, path: join(job.root, id) })), job);
    expect(tasks.map((t) => [t.src.id, t.tgt?.id ?? null])).toEqual([['new\nline.en.txt', 'new\nline.ru.txt'], ['tab\there.txt', 'tab\there.ru.txt']]);
  });
  it('pairs names written in two Unicode forms (a decomposed «й» from macOS or a zip, a composed one)', () => {
    const job = loadJob(join(REPO, 'pipeline/default.job.yaml'));
    const ids = ['Жалобы й.txt'.normalize('NFD'), 'Жалобы й.ru.txt'.normalize('NFC')];
    const tasks = pairDocuments(ids.map((id) => ({ id, path: join(job.root, id) })), job);
    expect(tasks.map((t) => [t.src.id, t.tgt?.id ?? null])).toEqual([[ids[0], ids[1]]]);
  });
  it('pairs an original with its translation into a job source language (a Russian NAME.txt, NAME.en.txt)', () => {
    const job = loadJob(join(REPO, 'pipeline/default.job.yaml')); // pairs: en-ru
    const ids = ['report.txt', 'report.en.txt', 'memo.en.txt', 'memo.ru.txt', 'memo.txt', 'note.en.txt'];
    const tasks = pairDocuments(ids.map((id) => ({ id, path: join(job.root, id) })), job);
    // memo: the en-ru pair by suffixes wins; memo.txt and note.en.txt, with nothing to pair, stay alone.
    expect(tasks.map((t) => [t.src.id, t.tgt?.id ?? null, t.pair ?? null])).toEqual([
      ['memo.en.txt', 'memo.ru.txt', { src: 'en', tgt: 'ru' }], ['memo.txt', null, null], ['note.en.txt', null, null],
      ['report.txt', 'report.en.txt', null]]);
  });
  it('pairs an original with one translation per language, and processes a second in one language on its own, saying why', () => {
    const job = { ...loadJob(join(REPO, 'pipeline/default.job.yaml')), pairs: [{ src: 'en', tgt: 'ru' }, { src: 'en', tgt: 'uk' }] };
    const ids = ['x.txt', 'x.ru.txt', 'x.uk.txt', 'y.txt', 'y.uk.txt', 'z.txt', 'z.ru.txt', 'z.RU.txt'];
    const tasks = pairDocuments(ids.map((id) => ({ id, path: join(job.root, id) })), job);
    expect(tasks.map((t) => [t.src.id, t.tgt?.id ?? null, t.pair ? `${t.pair.src}-${t.pair.tgt}` : null, t.unpaired ?? null])).toEqual([
      ['x.txt', 'x.ru.txt', 'en-ru', null], ['x.txt', 'x.uk.txt', 'en-uk', null], ['y.txt', 'y.uk.txt', 'en-uk', null],
      ['z.RU.txt', null, null, { original: 'z.txt', pairedWith: 'z.ru.txt' }], ['z.txt', 'z.ru.txt', 'en-ru', null]]);
  });
  it('gives documents outside the root ids relative to the folder that holds them', async () => {
    const job = { ...loadJob(join(REPO, 'pipeline/default.job.yaml')), root: join(REPO, 'src'), input: [join(REPO, 'seeds') + '/*.txt'] };
    const found = await discoverDocuments(job);
    expect(found.map((f) => f.id)).toEqual(['000_31852e31f9f7630b.ru.txt', '000_31852e31f9f7630b.txt']);
    expect(found[1].path).toBe(join(REPO, 'seeds/000_31852e31f9f7630b.txt'));
  });
  it('reads a folder given as input as the documents in it and its subfolders, in formats tandem reads', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tandem-folder-'));
    const folder = join(root, 'press [2020]');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    for (const name of ['a.txt', 'a.ru.txt', 'sub/b.md', 'sub/c.HTML', 'photo.jpg', 'scan.pdf', '.notes.txt']) writeFileSync(join(folder, name), 'x');
    const base = loadJob(join(REPO, 'pipeline/default.job.yaml'));
    const ids = async (input: string, at = root) => (await discoverDocuments({ ...base, root: at, input: [input] })).map((f) => f.id);
    const expected = ['press [2020]/a.ru.txt', 'press [2020]/a.txt', 'press [2020]/sub/b.md', 'press [2020]/sub/c.HTML'];
    expect(await ids('press [2020]')).toEqual(expected);
    expect(await ids('press [2020]/')).toEqual(expected);
    expect(await ids(folder, REPO)).toEqual(['a.ru.txt', 'a.txt', 'sub/b.md', 'sub/c.HTML']); // outside the job's root
    expect(await ids('press \\[2020\\]/*.txt')).toEqual(['press [2020]/a.ru.txt', 'press [2020]/a.txt']); // globs as they were
    // The job's own output folder is never read, here `--input . --out out`.
    mkdirSync(join(root, 'out', 'review'), { recursive: true });
    writeFileSync(join(root, 'out', 'review', 'index.html'), '<p>x</p>');
    const dot = await discoverDocuments({ ...base, root, input: ['.'], outDir: join(root, 'out') });
    expect(dot.map((f) => f.id)).toEqual(expected);
    rmSync(root, { recursive: true, force: true });
  });
});
