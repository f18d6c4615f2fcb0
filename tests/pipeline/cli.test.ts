// The run command's command line as people type it, through the real CLI.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, REPO, runCli } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tandem run on the command line', () => {
  it('takes an unquoted --input glob, which the shell expanded into several files, and an absolute --glossary', async () => {
    const files = ['a.txt', 'b.txt'].map((name, k) => {
      const path = join(dir, name);
      writeFileSync(path, k ? 'Workers walked out on Friday. They want Lukashenko to go.\n' : 'The strike went on into Monday.\n');
      return path;
    });
    const out = join(dir, 'out');
    // What `tandem run --input docs/*.txt` becomes after the shell: one file after --input, the rest loose.
    // An absolute glossary path was looked for under the job's root ("not found").
    const run = await runCli(['run', '--input', ...files, '--glossary', join(REPO, 'glossaries', 'belarus-2020.yaml'), '--out', out, '-q']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect([...new Set(segments.map((s) => s.doc))].sort()).toEqual(['a.txt', 'b.txt']);
    expect(segments.flatMap((s) => s.terms.map((term: { entry: string }) => term.entry))).toEqual(['lukashenka']);
  });

  it('writes only the outputs --format names, and refuses one it does not know', async () => {
    const out = join(dir, 'formats-out');
    const run = await runCli(['run', '--input', join(dir, 'a.txt'), '--format', 'xliff,TMX', '--out', out, '-q']);
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(listFiles(out).filter((f) => f !== 'report.json').map((f) => f.replace(/^xliff\/.*/, 'xliff/…'))).toEqual(['en-ru.tmx', 'xliff/…']);
    const bad = await runCli(['run', '--input', join(dir, 'a.txt'), '--format', 'pdf', '--out', out, '-q']);
    expect([bad.code, bad.stderr.trim()]).toEqual([2, "unknown output format 'pdf' (expected jsonl, tsv, tmx or xliff). Run 'tandem run --help'."]);
  });

  it('says one document and many segments in its summary, in English and in Russian', async () => {
    const one = await runCli(['run', '--input', join(dir, 'a.txt'), '--out', join(dir, 'one-out')]);
    expect(one.stderr).toMatch(/^adhoc: 1 document, 1 done, 0 failed, \d+ segments?, 0 aligned, in /m);
    const again = await runCli(['run', '--input', join(dir, 'a.txt'), '--out', join(dir, 'one-out'), '--lang', 'ru']);
    expect(again.stderr).toMatch(/^продолжение: 1 документ уже готов$/m);
    expect(again.stderr).toMatch(/^adhoc: 1 документ, готово 1, с ошибками 0, \d+ сегмент/m);
  });

  it('still refuses a job file together with --input', async () => {
    const run = await runCli(['run', '--input', join(dir, 'a.txt'), 'pipeline/default.job.yaml', '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/either a job file or --input/);
  });

  it("gives Node's option errors with one full stop", async () => {
    const run = await runCli(['run', '--input', join(dir, 'a.txt'), '--concurrency', '-1', '-q']);
    expect([run.code, run.stderr.trim()]).toEqual([2, "Option '--concurrency' argument is ambiguous. Run 'tandem run --help'."]);
  });

  it('says job-file and option mistakes in Russian with --lang ru, ajv\'s messages included', async () => {
    const job = join(dir, 'typo-ru.job.yaml');
    writeFileSync(job, 'input: docs/*.txt\nconcurency: 2\nretries: {attempts: 0}\n');
    const run = await runCli(['run', job, '--lang', 'ru']);
    expect([run.code, run.stderr.trim().split('\n')]).toEqual([2, [
      `${job}:2:1: concurency — неизвестное поле (может быть, 'concurrency'?); допустимые: name, root, input, exclude, languages, pairs, glossaries, pairing, translate, output, concurrency, retries, limits, align`,
      `${job}:3:21: retries.attempts должно быть >= 1. Запустите 'tandem run --help'.`]]);
    const option = await runCli(['run', '--bogus', '--lang', 'ru']);
    expect([option.code, option.stderr.trim()]).toEqual([2, "Неизвестный параметр '--bogus'. Запустите 'tandem run --help'."]);
    const concurrency = await runCli(['run', '--input', job, '--concurrency', '0', '--lang', 'ru']);
    expect(concurrency.stderr.trim()).toBe("--concurrency должно быть целым положительным числом. Запустите 'tandem run --help'.");
  });

  it('names what a folder holds when none of it is a document tandem reads (exit 2, one line)', async () => {
    // "no documents match docs" told a translator with a folder of Word files nothing.
    const folder = join(dir, 'word-files');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'report.docx'), 'PK\u0003\u0004');
    writeFileSync(join(folder, 'scan.pdf'), '%PDF-1.4');
    const run = await runCli(['run', '--input', folder, '--out', join(dir, 'word-out'), '-q']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('tandem reads .txt, .md and .html files, and found only 2 other file(s)');
    expect(run.stderr).toMatch(/report\.docx, .*scan\.pdf/);
  });

  it('says which files of a folder it leaves out, when they are documents in a format it does not read', async () => {
    // A Word file beside the texts was left out without a word.
    const folder = join(dir, 'mixed-files');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'news.txt'), 'Workers walked out on Friday.\n');
    writeFileSync(join(folder, 'statement.docx'), 'PK\u0003\u0004');
    writeFileSync(join(folder, 'photo.jpg'), '\u00ff\u00d8');
    const run = await runCli(['run', '--input', folder, '--out', join(dir, 'mixed-out'), '-q']);
    expect(run.code).toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^note: .*statement\.docx is not read: tandem reads \.txt, \.md and \.html files/)]);
  });

  it('refuses an output folder it cannot make before reading any document (exit 2, one line)', async () => {
    const file = join(dir, 'a.txt');
    for (const out of [file, join(file, 'out')]) {
      const run = await runCli(['run', '--input', file, '--out', out, '-q']);
      expect([run.code, run.stderr.trim()]).toEqual([2, `cannot write the output folder ${out} (ENOTDIR). Run 'tandem run --help'.`]);
    }
  });

  it('tries a failed document again on the next run, even when its size and time are unchanged', async () => {
    const file = join(dir, 'retry', 'doc.txt');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, Buffer.from('Workers walked out on Friday\xff\n', 'latin1'));
    const { atime, mtime } = statSync(file);
    const out = join(dir, 'retry-out');
    expect((await runCli(['run', '--input', file, '--out', out, '-q'])).code).toBe(1);
    // Mended in place (same size, time put back): only a run that tries the document again sees it.
    writeFileSync(file, 'Workers walked out on Friday.\n');
    expect(statSync(file).size).toBe(30);
    utimesSync(file, atime, mtime);
    const again = await runCli(['run', '--input', file, '--out', out, '-q']);
    expect([again.code, again.stderr]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).documents[0].status).toBe('done');
  });

  it('goes on with the source alone when its translation cannot be read, and says so (exit 1)', async () => {
    const folder = join(dir, 'pair');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'strike.txt'), 'Workers walked out on Friday. They want new elections.\n');
    writeFileSync(join(folder, 'strike.ru.txt'), ''); // made ahead of the translation
    const out = join(dir, 'pair-out');
    const run = await runCli(['run', '--input', join(folder, '*.txt'), '--out', out, '-q']);
    expect([run.code, run.stderr.trim()]).toEqual([1, 'strike.txt: parallel document strike.ru.txt: empty document']);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(segments.map((s) => [s.id, s.src.text, s.tgt])).toEqual([['0.0', 'Workers walked out on Friday.', null],
      ['0.1', 'They want new elections.', null]]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.summary).toMatchObject({ documents: 1, done: 1, failed: 0, problems: 1 });
    expect(report.documents[0]).toMatchObject({ status: 'done', tgtDoc: 'strike.ru.txt', srcLang: 'en', tgtLang: 'ru',
      errors: [{ stage: 'read', code: 'inTarget', reason: 'empty', message: 'parallel document strike.ru.txt: empty document' }] });
    // The summary says why the exit code is 1 although nothing failed.
    const loud = await runCli(['run', '--input', join(folder, '*.txt'), '--out', out, '--fresh']);
    expect(loud.stderr).toMatch(/: 1 document, 1 done \(1 with problems\), 0 failed, 2 segments, 0 aligned/);
  });

  it('goes on with the source alone when its "translation" is a copy in the same language (exit 1)', async () => {
    const folder = join(dir, 'copy');
    mkdirSync(folder, { recursive: true });
    const text = 'Workers walked out on Friday. They want new elections.\n\nThe police kept their distance.\n';
    writeFileSync(join(folder, 'strike.txt'), text);
    writeFileSync(join(folder, 'strike.ru.txt'), text); // saved under the translation's name, not yet translated
    const out = join(dir, 'copy-out');
    const run = await runCli(['run', '--input', join(folder, '*.txt'), '--out', out, '-q']);
    expect([run.code, run.stderr.trim()]).toEqual([1, "strike.txt: parallel document strike.ru.txt is in 'en' like its source: not a translation"]);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(segments.map((s) => s.tgt)).toEqual([null, null, null]);
    expect(readFileSync(join(out, 'en-ru.tmx'), 'utf8')).not.toContain('<tu ');
  });

  it('flags the pairings of a translation left half done, whose last paragraph is still the source\'s (exit 1)', async () => {
    const folder = join(dir, 'half');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'clinic.txt'), 'The new clinic opened in Brest on Monday morning.\n\n'
      + 'Doctors thanked the volunteers in a short statement.\n');
    writeFileSync(join(folder, 'clinic.ru.txt'), 'Новая поликлиника открылась в Бресте в понедельник утром.\n\n'
      + 'Doctors thanked the volunteers in a short statement.\n');
    const out = join(dir, 'half-out');
    const run = await runCli(['run', '--input', join(folder, '*.txt'), '--out', out, '-q']);
    expect([run.code, run.stderr.trim()]).toEqual([1, "clinic.txt: parallel document clinic.ru.txt: 1 segment is still in 'en' on both sides (1.0): flagged untranslated, left out of the TMX"]);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(segments.map((s) => [s.id, s.flags ?? []])).toEqual([['0.0', []], ['1.0', ['untranslated']]]);
    expect(readFileSync(join(out, 'en-ru.tmx'), 'utf8').match(/<tu /g)).toHaveLength(1);
    // A CAT tool must not take the English "target" for a translation.
    const xliff = readFileSync(join(out, 'xliff', 'clinic.txt.en-ru.xlf'), 'utf8');
    expect(xliff.match(/state="[a-z]+"/g)).toEqual(['state="translated"', 'state="initial"']);
  });

  it('goes on with the source alone when its "translation" is in a third language, and names a document outside the job by its language', async () => {
    const folder = join(dir, 'third');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'flood.txt'), 'Heavy rain flooded the centre of Gomel on Monday. Two bridges were closed.\n\nThe river is expected to fall by Thursday.\n');
    // Ukrainian saved under the Russian translation's name, in a job that knows only English and Russian.
    writeFileSync(join(folder, 'flood.ru.txt'), 'Сильна злива затопила центр Гомеля в понеділок. Два мости закрили.\n\nОчікують, що рівень річки знизиться до четверга.\n');
    writeFileSync(join(folder, 'notice.txt'), 'Бібліотека працюватиме в суботу з десятої до третьої. Читачі можуть повернути книжки без черги.\n');
    const out = join(dir, 'third-out');
    const run = await runCli(['run', '--input', join(folder, '*.txt'), '--out', out, '--pair', 'en-ru', '--languages', 'en,ru', '-q']);
    expect([run.code, run.stderr.trim().split('\n').sort()]).toEqual([1, [
      "flood.txt: parallel document flood.ru.txt is in 'uk', not 'ru': not aligned as a translation into 'ru'",
      "notice.txt: written in 'uk', which is not among the job's languages (en, ru)"]]);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(segments.map((s) => [s.src.lang, s.tgt])).toEqual([['en', null], ['en', null], ['en', null]]);
    expect(readFileSync(join(out, 'en-ru.tmx'), 'utf8')).not.toContain('<tu ');
  });

  it('says so when a pair by name is not a translation at all, and flags every pairing (exit 1)', async () => {
    const folder = join(dir, 'unrelated');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'storm.txt'), 'Storms closed the road from Grodno to Lida on Sunday. Two trucks slid into a ditch.\n\n'
      + 'The regional office said that crews worked through the night. Nobody was hurt.\n\nDrivers were told to wait until Tuesday.\n');
    writeFileSync(join(folder, 'storm.ru.txt'), 'Уважаемый господин Орлов,\n\nСпасибо за ваше письмо от пятого мая. Мы прочли договор и согласны почти со всем.\n\n'
      + 'Но сроки оплаты изменить нельзя. Бухгалтерия закрывается на проверку в конце месяца.\n');
    const out = join(dir, 'unrelated-out');
    const run = await runCli(['run', '--input', join(folder, '*.txt'), '--out', out, '-q']);
    expect([run.code, run.stderr.trim()]).toEqual([1, 'storm.txt: parallel document storm.ru.txt does not look like a translation of this one '
      + '(their sentences share no more words, names and numbers than chance pairs do): aligned, every pairing flagged low-confidence']);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const paired = segments.filter((s) => s.tgt && s.src.text);
    expect(paired.length).toBeGreaterThan(2);
    for (const s of paired) expect(s.score).toBeLessThan(0.5);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.documents[0]).toMatchObject({ status: 'done', errors: [{ stage: 'align', code: 'notParallel' }] });
  });

  it('reports a file named among the inputs that is not there, and says every line in the language of the run that resumes', async () => {
    const folder = strike('missing', ['links.txt', 'https://t.co/x @someone #tag\n']);
    const out = join(dir, 'missing-out');
    const args = ['run', '--input', join(folder, '*.txt'), '--input', join(folder, 'strike.uk.txt'), '--out', out, '-q'];
    const run = await runCli(args);
    expect([run.code, run.stderr.trim().split('\n').sort()]).toEqual([1, [
      'links.txt: no text to process: the document holds only links, handles, hashtags or symbols', 'strike.uk.txt: no such file']]);
    // Resumed with Russian messages: the documents finished by the first run are said in Russian too.
    const resumed = await runCli([...args, '--lang', 'ru']);
    expect([resumed.code, resumed.stderr.trim().split('\n').sort()]).toEqual([1, [
      'links.txt: нечего обрабатывать: в документе только ссылки, имена пользователей, хештеги или символы', 'strike.uk.txt: такого файла нет']]);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.documents.find((d: { doc: string }) => d.doc === 'strike.uk.txt').errors).toEqual([{ stage: 'read', code: 'unreadable', message: 'такого файла нет' }]);
  });

  /** A folder of the English original strike.txt with its Russian translation and `another` file. */
  const strike = (name: string, another: [string, string]) => {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'strike.txt'), 'Workers walked out on Friday. They want new elections.\n');
    writeFileSync(join(folder, 'strike.ru.txt'), 'Рабочие ушли с работы в пятницу. Они хотят новых выборов.\n');
    writeFileSync(join(folder, another[0]), another[1]);
    return folder;
  };

  it('aligns an original with its Russian and its Ukrainian translation, each pair to its own files, and apply-review keeps them', async () => {
    const folder = strike('two', ['strike.uk.txt', 'Робітники пішли з роботи в пʼятницю. Вони хочуть нових виборів.\n']);
    const out = join(dir, 'two-out');
    const run = await runCli(['run', '--input', join(folder, '*.txt'), '--pair', 'en-ru', '--pair', 'en-uk', '--out', out, '-q']);
    expect([run.code, run.stderr.trim()]).toEqual([0, '']);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(segments.map((s) => [s.doc, s.id, s.tgtDoc, s.tgt?.lang ?? null])).toEqual([
      ['strike.txt', '0.0', 'strike.ru.txt', 'ru'], ['strike.txt', '0.1', 'strike.ru.txt', 'ru'],
      ['strike.txt', '0.0', 'strike.uk.txt', 'uk'], ['strike.txt', '0.1', 'strike.uk.txt', 'uk']]);
    const files = listFiles(out);
    expect(files.filter((f) => f.endsWith('.xlf') || f.endsWith('.tmx'))).toEqual(
      ['en-ru.tmx', 'en-uk.tmx', 'xliff/strike.txt.en-ru.xlf', 'xliff/strike.txt.en-uk.xlf']);
    expect(readFileSync(join(out, 'en-uk.tmx'), 'utf8')).toContain('Робітники');
    expect(readFileSync(join(out, 'en-uk.tmx'), 'utf8')).not.toContain('Рабочие');
    expect(readFileSync(join(out, 'xliff/strike.txt.en-ru.xlf'), 'utf8')).not.toContain('Робітники');
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).summary).toMatchObject({ documents: 2, done: 2, problems: 0 });
    // Applying a review with nothing in it writes the same files: each pair stays in its own.
    const before = new Map(files.map((f) => [f, readFileSync(join(out, f), 'utf8')]));
    const applied = await runCli(['apply-review', out, '-q']);
    expect(applied.code).toBe(0);
    for (const f of files.filter((f) => f !== 'report.json')) expect(readFileSync(join(out, f), 'utf8'), f).toBe(before.get(f));
  });

  it('processes a second translation in one language on its own, and says why (exit 1)', async () => {
    const folder = strike('twice', ['strike.RU.txt', 'Рабочие покинули цеха в пятницу. Они требуют новых выборов.\n']);
    const out = join(dir, 'twice-out');
    const run = await runCli(['run', '--input', join(folder, '*.txt'), '--out', out, '-q']);
    // Names in code-point order: strike.RU.txt comes first and is the one paired.
    expect([run.code, run.stderr.trim()]).toEqual([1, 'strike.ru.txt: translation of strike.txt, which this job pairs with '
      + 'strike.RU.txt: processed on its own (a job pairs a document with one translation per language; make another job for this one)']);
    const segments = readFileSync(join(out, 'segments.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(segments.map((s) => [s.doc, s.tgtDoc ?? null, s.tgt?.lang ?? null])).toEqual([['strike.ru.txt', null, null],
      ['strike.ru.txt', null, null], ['strike.txt', 'strike.RU.txt', 'ru'], ['strike.txt', 'strike.RU.txt', 'ru']]);
  });

  it('refuses a glossary with lint errors before running, naming the file and line', async () => {
    const glossary = join(dir, 'dup.yaml');
    writeFileSync(glossary, ['entries:', '  - id: minsk', '    terms:', '      - {text: Minsk, lang: en, status: preferred}',
      '  - id: minsk', '    terms:', '      - {text: Mensk, lang: en, status: preferred}', ''].join('\n'));
    const run = await runCli(['run', '--input', join(dir, 'a.txt'), '--glossary', glossary, '--out', join(dir, 'dup-out'), '-q']);
    expect([run.code, run.stderr.trim()]).toEqual([2,
      `glossary error: ${glossary}:5: duplicate entry id 'minsk' (first at ${glossary}:2). Run 'tandem run --help'.`]);
  });

  it('prints its version', async () => {
    const run = await runCli(['--version']);
    expect([run.code, run.stdout]).toEqual([0, `tandem ${JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version}\n`]);
  });
});
