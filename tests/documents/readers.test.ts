import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeText, DocumentError, firstInvalidUtf8Byte, parseDocument, readDocument, segmentParagraphs,
  toSourceOffset } from '../../src/documents/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: string | Buffer) => { const p = join(dir, name); writeFileSync(p, bytes); return p; };
const codeOf = async (p: Promise<unknown>) => p.then(() => 'ok', (e: DocumentError) => `${e.code}:${JSON.stringify(e.params)}`);

describe('decoding', () => {
  it('drops a UTF-8 BOM so offsets count from the first character', () => {
    expect(decodeText(Buffer.from('\uFEFFПривет', 'utf8'))).toBe('Привет');
  });
  it('names the byte position of invalid UTF-8', () => {
    expect(firstInvalidUtf8Byte(Buffer.from([0x41, 0x42, 0xd0, 0x9f, 0xff, 0x43]))).toBe(4);
    expect(firstInvalidUtf8Byte(Buffer.from([0x41, 0xe2, 0x82]))).toBe(1); // truncated sequence at the end
    expect(firstInvalidUtf8Byte(Buffer.from([0xc0, 0xaf]))).toBe(0); // overlong encoding of '/'
    expect(firstInvalidUtf8Byte(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // UTF-16 surrogate
    expect(firstInvalidUtf8Byte(Buffer.from('всё хорошо', 'utf8'))).toBe(-1);
  });
  it('reads no further than the size limit from a file with no size, and reads a pipe', async () => {
    // A symlink to /dev/zero among the inputs: before, the buffer doubled until the process ran out of memory.
    const zero = join(dir, 'zero.txt');
    symlinkSync('/dev/zero', zero);
    expect(await codeOf(readDocument(zero, 'z', { maxFileBytes: 100_000 }))).toBe('tooLarge:{"bytes":">100000","limit":100000}');
    // A named pipe, as `tandem align <(...) <(...)` gives: read from where it is (a pipe cannot seek: ESPIPE before).
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `printf 'Workers walked out.\\n\\nThey want elections.\\n' > ${fifo}`]);
    const doc = await readDocument(fifo, 'p');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['Workers walked out.', 'They want elections.']);
    await new Promise((resolve) => writer.on('close', resolve));
  });
  it('refuses binary and invalid files with the position', async () => {
    expect(await codeOf(readDocument(file('bin.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])), 'bin'))).toBe('binary:{"byte":4}');
    expect(await codeOf(readDocument(file('bad.txt', Buffer.from('Hello \xff there', 'latin1')), 'bad'))).toBe('invalidUtf8:{"byte":6,"line":1}');
    expect(await codeOf(readDocument(file('bad2.txt', Buffer.from('First line.\r\n\r\nCafe \xff', 'latin1')), 'bad'))).toBe('invalidUtf8:{"byte":20,"line":3}');
    expect(await codeOf(readDocument(file('empty.txt', ''), 'e'))).toBe('empty:{}');
    expect(await codeOf(readDocument(file('blank.txt', ' \n\n \t\n'), 'b'))).toBe('empty:{}');
    expect(await codeOf(readDocument(join(dir, 'missing.txt'), 'm'))).toBe('unreadable:{"reason":"ENOENT","context":"missing"}');
  });
  it('names the legacy Cyrillic encoding a file that is not UTF-8 seems to be in, and how to convert it', async () => {
    // Encoders made by inverting Node's decoders: every byte above 0x7F and the character it stands for.
    const encoder = (encoding: string) => {
      const decoder = new TextDecoder(encoding), table = new Map<string, number>();
      for (let b = 0x80; b <= 0xff; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
      return (text: string) => Buffer.from([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : [table.get(ch)!])));
    };
    const ru = 'Светлана Тихановская во вторник уехала в Литву.\n\nЦентризбирком объявил итоги.\n';
    const uk = 'Світлана Тихановська у вівторок виїхала до Литви. «Ми переможемо», — сказала вона.\n';
    for (const [text, encoding] of [[ru, 'windows-1251'], [uk, 'windows-1251'], [ru, 'koi8-r']]) {
      const error = await readDocument(file('legacy.txt', encoder(encoding)(text)), 'l').catch((e: DocumentError) => e);
      // Byte 0: the first letter's byte, a UTF-8 lead byte that the second does not continue (xxd -s 0).
      expect(error).toMatchObject({ code: 'invalidUtf8', params: { byte: 0, line: 1, encoding } });
      expect((error as DocumentError).message).toBe(`not valid UTF-8 (line 1, byte 0): it looks like ${encoding} text; convert it first, e.g. iconv -f ${encoding} -t utf-8`);
    }
    // Latin-1 text with a few accented letters is not taken for Cyrillic: the plain message.
    const latin = Buffer.from('Die Universität in Zürich öffnet am Montag. Le musée rouvre à Genève.\n', 'latin1');
    expect(await codeOf(readDocument(file('latin.txt', latin), 'l'))).toBe('invalidUtf8:{"byte":13,"line":1}'); // the ä of Universität
  });
  it('reads UTF-16 by its byte-order mark, and names UTF-16 without one', async () => {
    // What Windows Notepad saved as "Unicode" and Excel as "Unicode text": little-endian with FF FE.
    const text = 'Workers walked out on Friday.\r\n\r\nРабочие вышли в пятницу.\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le); be.swap16();
    for (const bytes of [le, be]) {
      const doc = await readDocument(file('u16.txt', bytes), 'u16');
      expect(doc.paragraphs.map((p) => p.text)).toEqual(['Workers walked out on Friday.', 'Рабочие вышли в пятницу.']);
      expect(text.slice(doc.paragraphs[1].start, doc.paragraphs[1].end)).toBe('Рабочие вышли в пятницу.');
    }
    expect(await codeOf(readDocument(file('nobom.txt', Buffer.from(text, 'utf16le')), 'n'))).toBe('utf16NoBom:{"byte":1}');
    // Russian alone: the high bytes are 04 and, for spaces, 00; it was called binary.
    const ru = 'Рабочие вышли в пятницу. Завод остановился до понедельника.\n';
    expect(await codeOf(readDocument(file('nobom-ru.txt', Buffer.from(ru, 'utf16le')), 'n'))).toBe('utf16NoBom:{"byte":15}');
    const ruBe = Buffer.from(ru, 'utf16le'); ruBe.swap16();
    expect(await codeOf(readDocument(file('nobom-ru-be.txt', ruBe), 'n'))).toBe('utf16NoBom:{"byte":14}');
    // Data whose bytes spread over many values in both parities is binary.
    const data = Buffer.from(Array.from({ length: 256 }, (_, i) => (i * 37 + (i >> 3)) % 256));
    expect(await codeOf(readDocument(file('data.bin.txt', data), 'd'))).toMatch(/^binary:/);
    expect(await codeOf(readDocument(file('odd.txt', Buffer.concat([le, Buffer.from([0x41])])), 'o'))).toBe('invalidUtf16:{}');
    // Binary data after a chance FF FE is still binary.
    expect(await codeOf(readDocument(file('bin16.txt', Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0x00])), 'b'))).toBe('binary:{"byte":4}');
  });

  it('enforces size limits', async () => {
    expect(await codeOf(readDocument(file('big.txt', 'a'.repeat(2000)), 'big', { maxFileBytes: 1000 }))).toBe('tooLarge:{"bytes":2000,"limit":1000}');
    // Larger than the reader's buffer: measured, and refused, before the rest is read.
    expect(await codeOf(readDocument(file('huge.txt', 'a'.repeat(300_000)), 'h', { maxFileBytes: 200_000 }))).toBe('tooLarge:{"bytes":300000,"limit":200000}');
    expect(await codeOf(readDocument(file('long.txt', 'short one\n\n' + 'word '.repeat(300)), 'l', { maxParagraphChars: 1000 })))
      .toBe('paragraphTooLong:{"paragraph":2,"chars":1499,"limit":1000}');
  });
});

describe('plain text', () => {
  it('reads files of any size whole, one after another, each with its own text', async () => {
    // 1 to 25,000 paragraphs: from a few bytes to well over the reader's 64 KiB buffer.
    for (const count of [3, 4700, 25_000, 1]) {
      const paragraphs = Array.from({ length: count }, (_, j) => `${count}.${j} жук`);
      const doc = await readDocument(file(`size${count}.txt`, paragraphs.join('\n\n')), `s${count}`);
      expect(doc.paragraphs.map((p) => p.text)).toEqual(paragraphs);
    }
  });
  it('reads a date header glued to the first sentence, and keeps source offsets', async () => {
    const source = ' date 2020-08-14 Crowds gathered. They left.\n\nSecond   paragraph\nwraps here.\n\n\n\nThird.';
    const doc = await readDocument(file('a.txt', '\uFEFF' + source), 'a');
    expect(doc.date).toBe('2020-08-14');
    // A short line the next word would have fitted on is taken as its writer's line break.
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['Crowds gathered. They left.', 'Second paragraph\nwraps here.', 'Third.']);
    for (const p of doc.paragraphs) expect(source.slice(p.start, p.end).replace(/\s+/g, ' ')).toBe(p.text.replace(/\n/g, ' '));
    const sentences = segmentParagraphs(doc.paragraphs);
    expect(sentences.map((s) => s.id)).toEqual(['0.0', '0.1', '1.0', '2.0']);
    for (const s of sentences) expect(source.slice(s.start, s.end).replace(/\s+/g, ' ')).toBe(s.text);
  });
  it('reads no header from a text that merely starts with the word date', () => {
    const doc = parseDocument('Date palms grow in 2020-08-14 heat.', 'd', 'd.txt');
    expect(doc.date).toBeUndefined();
    expect(parseDocument('date 2020-02-30 Not a real day.', 'd', 'd.txt').date).toBeUndefined();
  });
  it('knows leap days and month lengths in the date header', () => {
    const date = (iso: string) => parseDocument(`date ${iso}\nText.`, 'd', 'd.txt').date;
    expect([date('2024-02-29'), date('2000-02-29'), date('2021-04-30')]).toEqual(['2024-02-29', '2000-02-29', '2021-04-30']);
    expect([date('2023-02-29'), date('1900-02-29'), date('2021-04-31'), date('2021-13-01'), date('2021-00-10')])
      .toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
  it('keeps a paragraph wrapped at 72 columns whole, even where a wrap puts a dash or a number at a line start', () => {
    // Wrapped as editors wrap (greedy, 72 columns: no line's next word would have fitted on it).
    const lines = ['The march on Friday was the largest walkout in the city\'s memory, and it',
      '- unlike all of the earlier protests in the capital and in the regions -',
      '— was led by workers who had never struck. Their march began on August', '14. Nobody was hurt, and the crowd went home.'];
    const source = lines.join('\r\n');
    const doc = parseDocument(source, 'w', 'w.txt');
    expect(doc.paragraphs.map((p) => p.text)).toEqual([lines.join(' ')]);
    expect(segmentParagraphs(doc.paragraphs).map((s) => s.text)).toEqual([expect.stringMatching(/^The march .* never struck\.$/),
      'Their march began on August 14.', 'Nobody was hurt, and the crowd went home.']);
  });
  it('ends a sentence at a line its writer ended: headlines or tweets one per line', () => {
    const source = 'Workers at MTZ walked out this morning #Belarus\nRT @belsat_eng: Strike spreads to BelAZ\n#Беларусь #забастовка\n' +
      'Рабочие МТЗ вышли на улицы https://t.co/AbCdEf\nwhich nobody expected\n\n' + 'A paragraph on one line, as word processors and CMS exports write them, with no wrapping at all in it.\nA second line.';
    const sentences = segmentParagraphs(parseDocument(source, 't', 't.txt').paragraphs);
    expect(sentences.map((s) => s.text)).toEqual(['Workers at MTZ walked out this morning #Belarus', 'RT @belsat_eng: Strike spreads to BelAZ',
      '#Беларусь #забастовка', 'Рабочие МТЗ вышли на улицы https://t.co/AbCdEf which nobody expected',
      'A paragraph on one line, as word processors and CMS exports write them, with no wrapping at all in it.', 'A second line.']);
    for (const s of sentences) expect(source.slice(s.start, s.end).replace(/\n/g, ' ')).toBe(s.text);
     // The longest tweet would pass for a wrapped line on its own; most lines of its block end short.
    const tweets = '@OlgaWriter: Workers at MTZ walked out this morning #Belarus #MTZ\n@tutby: Рабочие МТЗ вышли на улицы https://t.co/AbCdEf\n' +
      'RT @belsat_eng: Strike spreads to BelAZ and Grodno Azot\n#Беларусь #забастовка\n';
    expect(segmentParagraphs(parseDocument(tweets, 't', 't.txt').paragraphs).map((s) => s.text)).toEqual(tweets.trim().split('\n'));
  });
  it('starts a paragraph at each list item, dialogue line and capital heading in a block', () => {
    const source = 'STRIKE AT MTZ\nWorkers stopped work on Friday. They demanded:\n- new, fair elections;\n- the release of\n  all detainees\n' +
      '- an end to violence\n• Also: a recount.\n1. First demand.\n2) Second demand.\nOne more line of prose.\n' +
      '— Мы не овцы! — кричали рабочие.\n— А кто же вы? — спросил\nдиректор.\nTHE END';
    const doc = parseDocument(source, 'l', 'l.txt');
    expect(doc.paragraphs.map((p) => p.text.replace(/\n/g, ' '))).toEqual(['STRIKE AT MTZ', 'Workers stopped work on Friday. They demanded:',
      '- new, fair elections;', '- the release of all detainees', '- an end to violence', '• Also: a recount.', '1. First demand.',
      '2) Second demand. One more line of prose.', '— Мы не овцы! — кричали рабочие.', '— А кто же вы? — спросил директор.', 'THE END']);
    for (const p of doc.paragraphs) expect(source.slice(p.start, p.end).replace(/\s+/g, ' ')).toBe(p.text.replace(/\n/g, ' '));
    // Text all in capitals (old wire copy) is not a pile of headings.
    expect(parseDocument('WORKERS WALKED OUT\nON FRIDAY MORNING', 'c', 'c.txt').paragraphs.map((p) => p.text.replace(/\n/g, ' ')))
      .toEqual(['WORKERS WALKED OUT ON FRIDAY MORNING']);
  });
  it('reads the seed article: five paragraphs, the date, Russian caption kept', async () => {
    const doc = await readDocument(new URL('../../seeds/000_31852e31f9f7630b.txt', import.meta.url).pathname, 'seed');
    expect(doc.date).toBe('2020-08-14');
    expect(doc.paragraphs).toHaveLength(5);
    expect(doc.paragraphs[0].text.startsWith('Crowds of workers')).toBe(true);
    expect(doc.paragraphs[3].text.startsWith('Гродно.')).toBe(true);
  });
});

describe('HTML', () => {
  const html = '<!doctype html><html><head><title>Page</title><style>p{}</style></head><body>\n' +
    '<h1>Minsk &amp; Grodno</h1><p>Workers <b>walked</b> out.\n   They marched.<br>Then left.</p>' +
    '<script>alert("x")</script><ul><li>One item</li><li>Two</li></ul><p>Broken <i>markup</p></body>';
  const doc = parseDocument(html, 'h', 'h.html');
  it('strips markup, keeps block paragraphs, drops scripts, styles and titles', () => {
    expect(doc.format).toBe('html');
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['Minsk & Grodno', 'Workers walked out. They marched.\nThen left.', 'One item', 'Two', 'Broken markup']);
  });
  it('traces words back to their source offsets', () => {
    for (const p of doc.paragraphs) {
      for (const word of ['Grodno', 'walked', 'marched', 'Then', 'item', 'markup']) {
        const at = p.text.indexOf(word);
        if (at < 0) continue;
        const s = toSourceOffset(p, at);
        expect(html.slice(s, s + word.length)).toBe(word);
      }
    }
    const sentences = segmentParagraphs(doc.paragraphs);
    const marched = sentences.find((s) => s.text === 'They marched.')!;
    expect(html.slice(marched.start, marched.end)).toBe('They marched.');
  });
});

describe('Markdown', () => {
  const md = '# Title line\n\nSome *emphasis* and a [link](https://example.com) in text.\nSecond line.\n\n' +
    '```\nconst code = 1;\n```\n\n- first item\n- second item\n\n> A quoted **bold** word.\n\n<div>raw html</div>\n';
  const doc = parseDocument(md, 'm', 'm.md');
  it('keeps prose, drops code, reads the text of HTML blocks, keeps link text', () => {
    expect(doc.paragraphs.map((p) => p.text)).toEqual(['Title line', 'Some emphasis and a link in text. Second line.',
      'first item', 'second item', 'A quoted bold word.', 'raw html']);
  });
  it('leaves out YAML front matter and takes its date; TOML front matter too', () => {
    const exported = '---\ntitle: "Workers walk out"\ndate: 2020-08-14T09:30:00Z\ntags: [belarus]\n---\n\n# Workers walk out\n\nThey left.\n';
    const read = parseDocument(exported, 'f', 'f.md');
    expect(read.date).toBe('2020-08-14');
    expect(read.paragraphs.map((p) => p.text)).toEqual(['Workers walk out', 'They left.']);
    expect(exported.slice(read.paragraphs[1].start, read.paragraphs[1].end)).toBe('They left.');
    expect(parseDocument('+++\ntitle = "x"\n+++\nText.', 't', 't.md').paragraphs.map((p) => p.text)).toEqual(['Text.']);
    expect(parseDocument('---\ndate: [broken\n---\nText.', 'b', 'b.md')).toMatchObject({ paragraphs: [{ text: 'Text.' }] });
    expect(parseDocument('---\ndate: [broken\n---\nText.', 'b', 'b.md').date).toBeUndefined();
  });
  it('reads HTML blocks as HTML and keeps image descriptions', () => {
    const text = 'Intro.\n\n<figure>\n<img src="x.jpg">\n<figcaption>Workers at the <b>gates</b>.</figcaption>\n</figure>\n\nSee ![the MTZ gates](g.jpg) here.\n';
    const read = parseDocument(text, 'h', 'h.md');
    expect(read.paragraphs.map((p) => p.text)).toEqual(['Intro.', 'Workers at the gates.', 'See the MTZ gates here.']);
    const caption = segmentParagraphs(read.paragraphs)[1];
    expect(text.slice(caption.start, caption.end)).toBe('Workers at the <b>gates</b>.');
  });
  it('traces sentences on continued lines of quotes and list items, and after escapes, to the source', () => {
    const text = '> Workers walked out on Friday.\n> They marched to the centre.\n\n- First item\n  continues here. Then a second sentence.\n\n' +
      'Fish \\& chips &amp; more. The last one.\n';
    const sentences = segmentParagraphs(parseDocument(text, 'q', 'q.md').paragraphs);
    expect(sentences.map((s) => s.text)).toEqual(['Workers walked out on Friday.', 'They marched to the centre.',
      'First item continues here.', 'Then a second sentence.', 'Fish & chips & more.', 'The last one.']);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Workers walked out on Friday.', 'They marched to the centre.',
      'First item\n  continues here.', 'Then a second sentence.', 'Fish \\& chips &amp; more.', 'The last one.']);
  });
  it('keeps footnotes as prose without their labels, with offsets', () => {
    const text = 'Turnout was 80%[^1] by noon.\n\n[^1]: The commission\'s figure, disputed.\n';
    const sentences = segmentParagraphs(parseDocument(text, 'n', 'n.md').paragraphs);
    expect(sentences.map((s) => s.text)).toEqual(['Turnout was 80% by noon.', 'The commission\'s figure, disputed.']);
    expect(sentences.map((s) => text.slice(s.start, s.end))).toEqual(['Turnout was 80%[^1] by noon.', 'The commission\'s figure, disputed.']);
  });
  it('keeps the line breaks of inline <br> tags, and drops other inline tags without a space', () => {
    const text = 'Minsk — 5,000<br>Grodno — 3,000<br/>Brest — 1,000 and <b>bo</b>ld text.\n';
    const sentences = segmentParagraphs(parseDocument(text, 'b', 'b.md').paragraphs);
    expect(sentences.map((s) => s.text)).toEqual(['Minsk — 5,000', 'Grodno — 3,000', 'Brest — 1,000 and bold text.']);
    expect(text.slice(sentences[2].start, sentences[2].end)).toBe('Brest — 1,000 and <b>bo</b>ld text.');
  });
  it('reads GFM tables cell by cell, with their inline Markdown', () => {
    const text = 'Plants on strike:\n\n| Plant | City | Workers |\n|:------|------|--------:|\n| **MTZ** | [Minsk](https://minsk.example) | about 5,000 |\n' +
      '| BelAZ | Zhodino \\| Жодино | 2,000 |\n\nA | B is not a table.\n';
    const read = parseDocument(text, 't', 't.md');
    expect(read.paragraphs.map((p) => p.text)).toEqual(['Plants on strike:', 'Plant', 'City', 'Workers', 'MTZ', 'Minsk', 'about 5,000',
      'BelAZ', 'Zhodino | Жодино', '2,000', 'A | B is not a table.']);
    for (const p of read.paragraphs.slice(1, -1)) expect(text.slice(p.start, p.end).replace('\\|', '|')).toBe(p.text);
  });
  it('traces sentences back to the source', () => {
    const second = segmentParagraphs(doc.paragraphs).find((s) => s.text === 'Second line.')!;
    expect(md.slice(second.start, second.end)).toBe('Second line.');
    const item = doc.paragraphs[3];
    expect(md.slice(item.start, item.end)).toBe('second item');
  });
});

describe('source offsets of entities', () => {
  it('ends a sentence or paragraph that ends in an entity after the whole entity, in HTML and Markdown', () => {
    for (const [name, source] of [['a.html', '<p>Он сказал: &laquo;Хватит&raquo;</p><p>They chanted &ldquo;Go away!&rdquo;</p>'],
      ['a.md', 'Он сказал: &laquo;Хватит&raquo;\n\nThey chanted &ldquo;Go away!&rdquo;\n']] as const) {
      const doc = parseDocument(source, name, name);
      const sentences = segmentParagraphs(doc.paragraphs);
      expect(sentences.map((s) => source.slice(s.start, s.end)), name).toEqual(['Он сказал: &laquo;Хватит&raquo;', 'They chanted &ldquo;Go away!&rdquo;']);
      expect(doc.paragraphs.map((p) => source.slice(p.start, p.end)), name).toEqual(['Он сказал: &laquo;Хватит&raquo;', 'They chanted &ldquo;Go away!&rdquo;']);
    }
  });
});
