import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  atomicWriteFile, atomicWriteFileSync, detectFormat, readLocatedSegments, readSegments, segmentsToJsonl,
  DocumentStager, segmentsToTmx, segmentsToTsv, segmentsToXliff, writeJobOutputs,
} from '../../src/export/index.ts';
import { commitTempFiles, TempFileBatches, TempFileStream, writeTempFiles } from '../../src/export/write.ts';
import type { Segment } from '../../src/types.ts';
import { DOC, sampleSegments } from './fixtures.ts';
import { xmllint } from './xmllint.ts';

const tempDir = () => mkdtempSync(join(tmpdir(), 'tandem-export-'));
const listFiles = (dir: string): string[] => readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name))).sort();

describe('readSegments', () => {
  const segments = sampleSegments().filter((s) => s.doc === DOC);

  it('recognises each format by content, whatever the file is called', () => {
    const xliff = segmentsToXliff(segments, { srcLang: 'en', tgtLang: 'ru', doc: DOC });
    const tmx = segmentsToTmx(segments, { srcLang: 'en', tgtLang: 'ru' });
    expect(detectFormat(xliff)).toBe('xliff');
    expect(detectFormat('\uFEFF  <?xml version="1.0"?>\n<!-- <tmx> -->\n' + tmx.slice(tmx.indexOf('<!DOCTYPE')))).toBe('tmx');
    expect(detectFormat(segmentsToJsonl(segments))).toBe('jsonl');
    expect(detectFormat(segmentsToTsv(segments))).toBe('tsv');
    expect(readSegments(xliff, 'a.txt')).toEqual(segments);
    expect(readSegments(segmentsToJsonl(segments), 'a.xml')).toEqual(segments);
    expect(readSegments(tmx, 'a.json')).toHaveLength(3);
    expect(readSegments('', 'empty.jsonl')).toEqual([]);
  });

  it('reads segments.tsv back with texts, languages, scores, flags and origins', () => {
    const back = readSegments(segmentsToTsv(segments));
    expect(back.map((s) => [s.id, s.src.text, s.tgt?.text ?? null, s.score, s.origin, s.flags]))
      .toEqual(segments.map((s) => [s.id, s.src.text, s.tgt?.text ?? null, s.score, s.tgt ? s.origin : undefined, s.flags]));
  });

  it('reports the line of each segment in JSONL with blank lines', () => {
    const text = '\n' + segmentsToJsonl(segments.slice(0, 2)).replace('\n', '\n\n');
    expect(readLocatedSegments(text).map((l) => l.line)).toEqual([2, 4]);
  });

  it('decodes bytes: UTF-8 with or without BOM, UTF-16 as Windows tools write it, invalid UTF-8 with line and byte', () => {
    const tmx = segmentsToTmx(segments, { srcLang: 'en', tgtLang: 'ru' });
    const expected = readSegments(tmx);
    const utf16le = Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from(tmx, 'utf16le')]);
    const utf16be = Buffer.from(Buffer.from(tmx, 'utf16le')).swap16();
    expect(readSegments(utf16le, 'win.tmx')).toEqual(expected);
    expect(readSegments(utf16be, 'mac.tmx')).toEqual(expected);
    expect(readSegments(Buffer.from('\uFEFF' + tmx), 'bom.tmx')).toEqual(expected);
    const cp1251 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1251"?>\n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Hi</seg></tuv><tuv xml:lang="ru"><seg>'),
      Buffer.from([0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2]), Buffer.from('</seg></tuv></tu></body></tmx>')]);
    expect(readSegments(cp1251, 'old.tmx')[0].tgt?.text).toBe('Привет');
    expect(() => readSegments(Buffer.from('<?xml version="1.0" encoding="klingon"?><tmx/>'), 'k.tmx')).toThrow("k.tmx:1: unknown encoding 'klingon'");
    const broken = Buffer.concat([Buffer.from('{"doc":"a","id":"1","src":{"lang":"ru","text":"при'), Buffer.from([0xD0]), Buffer.from('вет"}}\n')]);
    const twoLines = Buffer.concat([Buffer.from(segmentsToJsonl(segments.slice(0, 1))), broken]);
    expect(() => readSegments(twoLines, 'bad.jsonl')).toThrow(`bad.jsonl:2: not valid UTF-8 at byte ${twoLines.length - Buffer.byteLength('вет"}}\n') - 1}`);
    // segments.tsv re-saved by a spreadsheet on a Russian Windows: windows-1251, named as for documents.
    const toCp1251 = new Map([...Array(128).keys()].map((k) => [new TextDecoder('windows-1251').decode(Uint8Array.of(k + 128)), k + 128]));
    const russian = Buffer.from([...'Лукашенко выступил перед рабочими завода.'].map((c) => toCp1251.get(c) ?? c.charCodeAt(0)));
    const resaved = Buffer.concat([Buffer.from('doc\tid\tsrc_lang\tsrc_text\ttgt_lang\ttgt_text\tscore\tterms\tflags\torigin\na.txt\t0.0\ten\tLukashenko spoke.\tru\t'),
      russian, Buffer.from('\t0.9\t\t\taligned\n')]);
    expect(() => readSegments(resaved, 'segments.tsv')).toThrow(/^segments\.tsv:2: not valid UTF-8 at byte \d+: it looks like windows-1251 text; convert it first, e\.g\. iconv -f windows-1251 -t utf-8$/);
  });

  it('rejects content of no known format with the file name', () => {
    expect(() => readSegments('<html><body>hi</body></html>', 'page.html')).toThrow('page.html:1: unrecognised format');
    expect(() => readSegments('just text', 'notes.txt')).toThrow(/^notes\.txt:1: unrecognised format/);
    expect(() => readSegments('<tmx version="1.4">\n<body>\n<tu>', 'cut.tmx')).toThrow('cut.tmx:3: malformed XML: unexpected end of file, still open: <tmx> <body> <tu>');
  });
});

describe('hostile XML', () => {
  const doctype = (subset: string) => `<?xml version="1.0"?>\n<!DOCTYPE tmx [\n${subset}\n]>\n<tmx version="1.4"><header srclang="en"/><body>`
    + '<tu><tuv xml:lang="en"><seg>&f;&f;&f;&f;</seg></tuv><tuv xml:lang="ru"><seg>&g;</seg></tuv></tu></body></tmx>';

  it('does not expand nested entities (billion laughs) and refuses external ones', () => {
    const laughs = ['<!ENTITY a "aaaaaaaaaaaaaaaaaaaa">', ...'bcdef'.split('').map((x, i) => `<!ENTITY ${x} "${`&${'abcde'[i]};`.repeat(20)}">`), '<!ENTITY g "Привет">'];
    const [segment] = readSegments(doctype(laughs.join('\n')), 'lol.tmx');
    expect(segment.src.text.length).toBeLessThan(1000);
    expect(segment.tgt?.text).toBe('Привет');
    expect(() => readSegments(doctype('<!ENTITY f SYSTEM "file:///etc/passwd"><!ENTITY g "x">'), 'xxe.tmx'))
      .toThrow(/^xxe\.tmx: malformed XML: External entities are not supported/);
  });
});

describe('atomicWriteFile', () => {
  it('creates folders, replaces existing files and leaves no temp files', async () => {
    const dir = tempDir();
    await atomicWriteFile(join(dir, 'a', 'b.txt'), 'one');
    await atomicWriteFile(join(dir, 'a', 'b.txt'), 'two');
    atomicWriteFileSync(join(dir, 'a', 'c.txt'), 'три');
    expect(readFileSync(join(dir, 'a', 'b.txt'), 'utf8')).toBe('two');
    expect(readFileSync(join(dir, 'a', 'c.txt'), 'utf8')).toBe('три');
    expect(listFiles(dir)).toEqual(['a/b.txt', 'a/c.txt']);
  });

  it('fails without leaving a temp file or touching the old content', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x'), 'old');
    await expect(atomicWriteFile(join(dir, 'x', 'y.txt'), 'new')).rejects.toThrow();
    expect(listFiles(dir)).toEqual(['x']);
  });
});

describe('writeTempFiles', () => {
  it('writes a file given in pieces, more of them than one writev takes, byte for byte', async () => {
    const dir = tempDir();
    // 3000 pieces (IOV_MAX is 1024) of varying length, some empty, one of 1 MB.
    const pieces = Array.from({ length: 3000 }, (_, i) => Buffer.from(i % 7 === 0 ? '' : `${i}:${'ж'.repeat(i % 13)}\n`));
    pieces[1500] = Buffer.alloc(1 << 20, 0x61);
    const temps = await writeTempFiles(dir, [['pieces.txt', pieces], ['whole.txt', 'целиком']]);
    await commitTempFiles(dir, temps);
    expect(readFileSync(join(dir, 'pieces.txt')).equals(Buffer.concat(pieces))).toBe(true);
    expect(readFileSync(join(dir, 'whole.txt'), 'utf8')).toBe('целиком');
    expect(listFiles(dir)).toEqual(['pieces.txt', 'whole.txt']);
  });

  it('written in batches: each call gets its own files, and a failed batch fails every call in it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'blocked'), 'a file where a folder should be');
    const batches = new TempFileBatches(dir, new Set(), 2);
    const one = batches.add([['a/1.txt', 'один'], ['a/2.txt', 'два']]);
    const none = batches.add([]);
    const two = batches.add([['b/3.txt', 'три']]); // the second call fills the batch
    const three = batches.add([['c/4.txt', 'четыре']]);
    const failing = batches.add([['blocked/5.txt', 'пять']]);
    expect(await none).toEqual([]);
    const written = [...await one, ...await two];
    await expect(three).rejects.toThrow('EEXIST');
    await expect(failing).rejects.toThrow('EEXIST');
    await commitTempFiles(dir, written);
    expect(written.map((f) => relative(dir, f.path))).toEqual(['a/1.txt', 'a/2.txt', 'b/3.txt']);
    expect(readFileSync(join(dir, 'a/2.txt'), 'utf8')).toBe('два');
    expect(listFiles(dir)).toEqual(['a/1.txt', 'a/2.txt', 'b/3.txt', 'blocked']); // no temp file of the failed batch
  });
});

describe('TempFileStream', () => {
  it('writes what is appended while the caller goes on, and finishes, fails or is discarded leaving no temp file', async () => {
    const dir = tempDir();
    const stream = new TempFileStream(join(dir, 'segments.jsonl'));
    const pieces = Array.from({ length: 4000 }, (_, i) => Buffer.from(`{"id":"${i}","text":"${'ё'.repeat(i % 500)}"}\n`));
    for (const piece of pieces) stream.append(piece);
    // Megabytes appended go to disk, under the temp name, before the stream is finished.
    const onDisk = () => readdirSync(dir).reduce((n, name) => n + statSync(join(dir, name)).size, 0);
    for (let waited = 0; onDisk() <= 1 << 20 && waited < 10_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(onDisk()).toBeGreaterThan(1 << 20);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^\.segments\.jsonl\..+\.tmp$/)]);
    await commitTempFiles(dir, [await stream.finish()]);
    expect(readFileSync(join(dir, 'segments.jsonl')).equals(Buffer.concat(pieces))).toBe(true);
    expect(listFiles(dir)).toEqual(['segments.jsonl']);

    const empty = new TempFileStream(join(dir, 'empty.tsv'));
    await commitTempFiles(dir, [await empty.finish()]);
    expect(readFileSync(join(dir, 'empty.tsv'), 'utf8')).toBe('');

    const dropped = new TempFileStream(join(dir, 'dropped.jsonl'));
    dropped.append(Buffer.alloc(3 << 20, 0x61));
    await dropped.discard();
    writeFileSync(join(dir, 'blocked'), 'a file where a folder should be');
    const failing = new TempFileStream(join(dir, 'blocked', 'x.tmx'));
    failing.append(Buffer.alloc(2 << 20, 0x62));
    await expect(failing.finish()).rejects.toThrow(/ENOTDIR/);
    expect(listFiles(dir)).toEqual(['blocked', 'empty.tsv', 'segments.jsonl']);
  });
});

describe('writeJobOutputs', () => {
  const ruDoc: Segment[] = [
    { doc: 'seeds/note.ru.txt', id: '0.0', src: { lang: 'ru', text: 'Минск, 14 августа.' }, tgt: { lang: 'en', text: 'Minsk, August 14.' }, terms: [], score: 0.9, origin: 'aligned' },
    { doc: 'seeds/note.ru.txt', id: '0.1', src: { lang: 'ru', text: 'Без перевода.' }, tgt: null, terms: [], score: null },
  ];
  const unpaired: Segment[] = [{ doc: '../../escape me.txt', id: '0.0', src: { lang: 'en', text: 'Alone.' }, tgt: null, terms: [], score: null }];
  const input = {
    segments: [...sampleSegments(), ...ruDoc, ...unpaired],
    pairs: [{ srcLang: 'en', tgtLang: 'ru' }, { srcLang: 'en', tgtLang: 'uk' }],
    docs: [{ id: DOC, path: `seeds/${DOC}` }],
    report: { documents: [{ doc: DOC, status: 'done' }] },
  };

  it('writes every format: one TMX per pair, one XLIFF per document and direction, all valid', async () => {
    const dir = tempDir();
    const written = await writeJobOutputs(dir, input);
    expect(written.map((f) => relative(dir, f)).sort()).toEqual(listFiles(dir));
    expect(listFiles(dir)).toEqual([
      'en-ru.tmx', 'en-uk.tmx', 'report.json', 'segments.jsonl', 'segments.tsv',
      'xliff/escape me.txt.en-ru.xlf', 'xliff/escape me.txt.en-uk.xlf',
      'xliff/news/other.en.txt.en-ru.xlf', 'xliff/seeds/000_31852e31f9f7630b.en.txt.en-ru.xlf', 'xliff/seeds/note.ru.txt.ru-en.xlf',
    ]);
    for (const file of listFiles(dir)) {
      const text = readFileSync(join(dir, file), 'utf8');
      if (file.endsWith('.tmx')) expect(xmllint(text, 'tmx'), file).toBe('');
      if (file.endsWith('.xlf')) expect(xmllint(text, 'xliff'), file).toBe('');
    }
    expect(readSegments(readFileSync(join(dir, 'segments.jsonl'), 'utf8'))).toEqual(input.segments);
    const enRu = readSegments(readFileSync(join(dir, 'en-ru.tmx'), 'utf8'));
    expect(enRu.map((s) => `${s.doc}#${s.id}:${s.src.lang}`)).toEqual([
      `${DOC}#0.0:en`, `${DOC}#1.0:en`, `${DOC}#2.0:en`, 'news/other.en.txt#0.0:en', 'seeds/note.ru.txt#0.0:ru',
    ]);
    expect(readSegments(readFileSync(join(dir, 'en-uk.tmx'), 'utf8'))).toEqual([]);
    expect(readFileSync(join(dir, `xliff/seeds/${DOC.slice(6)}.en-ru.xlf`), 'utf8')).toContain(`original="seeds/${DOC}"`);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toEqual(input.report);
  });

  it('writes documents staged ahead to the same bytes, whatever order they finish in, and a discarded stage leaves nothing', async () => {
    const plain = tempDir(), ahead = tempDir(), dropped = tempDir();
    await writeJobOutputs(plain, input);
    const stager = new DocumentStager(ahead, { pairs: input.pairs });
    const docs = new Map(input.docs.map((d) => [d.id, d]));
    const ids = [...new Set(input.segments.map((s) => s.doc))];
    // The last document finishes first, and one that failed takes a slot of its own: each waits for
    // its turn.
    const slots = [...ids.map((id, k) => ({ id, k: k + 1 })), { id: undefined, k: 0 }].reverse();
    for (const { id, k } of slots) {
      if (id === undefined) stager.skip(k);
      else stager.add(docs.get(id) ?? { id }, input.segments.filter((s) => s.doc === id), k);
    }
    expect(listFiles(ahead)).toEqual([]); // temp files until the end
    await writeJobOutputs(ahead, { ...input, segments: [] }, stager);
    expect(listFiles(ahead)).toEqual(listFiles(plain));
    for (const file of listFiles(plain)) expect(readFileSync(join(ahead, file), 'utf8'), file).toBe(readFileSync(join(plain, file), 'utf8'));
    // A direction outside the job's pairs (uk-ru here) gets a TMX file of its own, named after the
    // first document in it, the same as when written in one go.
    const ukDoc: Segment[] = [{ doc: 'uk.txt', id: '0.0', src: { lang: 'uk', text: 'Страйк.' }, tgt: { lang: 'ru', text: 'Забастовка.' },
      terms: [], score: 0.9, origin: 'aligned' }];
    const ruUk: Segment[] = [{ doc: 'ru.txt', id: '0.0', src: { lang: 'ru', text: 'Забастовка.' }, tgt: { lang: 'uk', text: 'Страйк.' },
      terms: [], score: 0.9, origin: 'aligned' }];
    const enRu = [input.pairs[0]];
    const oneGo = tempDir(), staged = tempDir();
    await writeJobOutputs(oneGo, { segments: [...ruDoc, ...ukDoc, ...ruUk], pairs: enRu });
    const mixed = new DocumentStager(staged, { pairs: enRu });
    mixed.add({ id: 'ru.txt' }, ruUk, 2);
    mixed.add({ id: 'uk.txt' }, ukDoc, 1);
    mixed.add({ id: 'seeds/note.ru.txt' }, ruDoc, 0);
    await writeJobOutputs(staged, { segments: [], pairs: enRu }, mixed);
    expect(listFiles(staged)).toContain('uk-ru.tmx');
    expect(listFiles(staged)).toEqual(listFiles(oneGo));
    for (const file of listFiles(oneGo)) expect(readFileSync(join(staged, file), 'utf8'), file).toBe(readFileSync(join(oneGo, file), 'utf8'));

    const discarded = new DocumentStager(dropped, { pairs: input.pairs });
    discarded.add({ id: 'a.txt' }, unpaired.map((s) => ({ ...s, doc: 'a.txt' })), 1); // waiting for slot 0
    discarded.add({ id: 'b.txt' }, unpaired.map((s) => ({ ...s, doc: 'b.txt' })), 2);
    expect(() => discarded.skip(2)).toThrow('slot 2 is staged already');
    await expect(writeJobOutputs(dropped, { segments: [], pairs: input.pairs }, discarded)).rejects.toThrow('slot 0');
    expect(listFiles(dropped)).toEqual([]);
  });

  it('gives every document its own XLIFF file, whatever characters its name has', async () => {
    // Names of 230-odd bytes are legal; with the suffix and the temp file's they were not.
    const title = 'Светлана Тихановская покинула Беларусь после выборов '.repeat(3).slice(0, 124);
    const names = ['news/a?b.txt', 'news/a_b.txt', 'news/a%3Fb.txt', 'news/Статья "1": <итоги>.txt', 'news/a*b|c.txt',
      `news/${title}.txt`, `news/${title} (2).txt`, `${'"'.repeat(80)}/${title}.txt`];
    const segments: Segment[] = names.map((doc) => ({ doc, id: '0.0', src: { lang: 'en', text: `Text of ${doc}.` }, tgt: null, terms: [], score: null }));
    const dir = tempDir();
    await writeJobOutputs(dir, { segments, pairs: [{ srcLang: 'en', tgtLang: 'ru' }], formats: ['xliff'] });
    const files = listFiles(dir);
    expect(files).toHaveLength(names.length);
    // No character Windows refuses in a file name, and each file holds its own document.
    for (const file of files) expect(file.slice('xliff/'.length)).not.toMatch(/[<>:"|?*\\]/);
    for (const part of files.flatMap((file) => file.split('/'))) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(200);
    expect(files.map((file) => readSegments(readFileSync(join(dir, file), 'utf8'))[0].doc).sort()).toEqual([...names].sort());
  });

  it('writes only the requested formats and reruns byte-identically', async () => {
    const a = tempDir();
    const b = tempDir();
    await writeJobOutputs(a, { ...input, formats: ['tmx', 'jsonl'], report: undefined });
    await writeJobOutputs(b, { ...input, formats: ['tmx', 'jsonl'], report: undefined });
    expect(listFiles(a)).toEqual(['en-ru.tmx', 'en-uk.tmx', 'segments.jsonl']);
    for (const file of listFiles(a)) expect(readFileSync(join(b, file), 'utf8')).toBe(readFileSync(join(a, file), 'utf8'));
    await expect(writeJobOutputs(a, { ...input, formats: ['pdf'] })).rejects.toThrow("unknown output format 'pdf'");
  });
});
