import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTmx, readTmxLocated, SegmentFileError, segmentsToTmx } from '../../src/export/index.ts';
import type { Segment } from '../../src/types.ts';
import { DOC, sampleSegments } from './fixtures.ts';
import { SPECS, xmllint } from './xmllint.ts';

const pair = { srcLang: 'en', tgtLang: 'ru' };

/** What a segment looks like after TMX: control characters XML cannot hold become U+FFFD. */
function xmlSafe(segment: Segment): Segment {
  const clean = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '\uFFFD');
  return { ...segment, src: { ...segment.src, text: clean(segment.src.text) } };
}

describe('segmentsToTmx', () => {
  const tmx = segmentsToTmx(sampleSegments(), pair);

  it('validates against the TMX 1.4 DTD, hostile text included', () => {
    expect(xmllint(tmx, 'tmx')).toBe('');
    expect(tmx).toContain('<!DOCTYPE tmx SYSTEM "tmx14.dtd">');
    // The validator itself can fail: a TMX without a header is rejected.
    expect(xmllint('<?xml version="1.0"?>\n<tmx version="1.4"><body/></tmx>', 'tmx')).toMatch(/validity error/);
  });

  it('uses doc#id as tuid, unique across documents, and skips segments without a target', () => {
    const tuids = [...tmx.matchAll(/tuid="([^"]*)"/g)].map((m) => m[1]);
    expect(tuids).toEqual([`${DOC}#0.0`, `${DOC}#1.0`, `${DOC}#2.0`, 'news/other.en.txt#0.0']);
    expect(tmx).not.toContain('Protests continued');
  });

  it('skips a target without a source too (a sentence the translator added): it would match empty text', () => {
    const added: Segment = { ...sampleSegments()[0], id: 'tgt:9.0', src: { lang: 'en', text: '' }, tgt: { lang: 'ru', text: 'Примечание переводчика.' },
      score: null, flags: ['unpaired'] };
    const out = segmentsToTmx([sampleSegments()[0], added], { srcLang: 'en', tgtLang: 'ru' });
    expect(out).not.toContain('Примечание переводчика');
    expect(out.match(/<tu /g)).toHaveLength(1);
  });

  it('marks machine and TM targets with x-origin so they never pass for human work', () => {
    const mt = tmx.slice(tmx.indexOf(`tuid="${DOC}#2.0"`));
    expect(mt.slice(0, mt.indexOf('</tu>'))).toContain('<prop type="x-origin">mt</prop>');
    expect(tmx).toContain('<prop type="x-origin">tm</prop>');
    expect(tmx).toContain('<prop type="x-origin">aligned</prop>');
  });

  it('escapes markup so hostile text stays text', () => {
    expect(tmx).not.toContain('<script>');
    expect(tmx).not.toContain('<img');
    expect(tmx).toContain('&lt;script&gt;');
    expect(tmx).toContain(']]&gt;');
  });

  it('is deterministic and writes creationdate only when given one', () => {
    expect(segmentsToTmx(sampleSegments(), pair)).toBe(tmx);
    expect(tmx).not.toContain('creationdate');
    const dated = segmentsToTmx(sampleSegments(), { ...pair, creationDate: '2020-08-14' });
    expect(dated).toContain('creationdate="20200814T000000Z"');
    expect(xmllint(dated, 'tmx')).toBe('');
  });

  it('escapes quotes, tabs and newlines in attributes (a hostile document id) reversibly', () => {
    const odd: Segment = { ...sampleSegments()[0], doc: 'my "odd"\tfile\'s\nname & <co>.txt' };
    const out = segmentsToTmx([odd], pair);
    expect(xmllint(out, 'tmx')).toBe('');
    expect(readTmx(out)[0].doc).toBe(odd.doc);
    expect(out).toContain('tuid="my &quot;odd&quot;&#9;file&apos;s&#10;name &amp; &lt;co&gt;.txt#0.0"');
  });

  it('marks units whose source language differs from the header', () => {
    const reversed: Segment = { ...sampleSegments()[0], src: { lang: 'ru', text: 'Привет' }, tgt: { lang: 'en', text: 'Hello' } };
    const out = segmentsToTmx([reversed], pair);
    expect(out).toContain('srclang="ru"');
    expect(readTmx(out)[0].src).toEqual({ lang: 'ru', text: 'Привет' });
  });
});

describe('readTmx', () => {
  it('round-trips every field of segments with a target', () => {
    const withTarget = sampleSegments().filter((s) => s.tgt);
    expect(readTmx(segmentsToTmx(withTarget, pair))).toEqual(withTarget.map(xmlSafe));
  });

  it('reads TMX written by other tools: ids from tuid, inline codes dropped, <hi> text kept', () => {
    const example = readTmx(readFileSync(join(SPECS, 'tmx', 'example.tmx'), 'utf8'), 'example.tmx');
    expect(example).toEqual([{
      doc: 'doc1.md', id: 'doc1-p3-s1', terms: [], score: null,
      src: { lang: 'en', text: 'The pipeline aligns paragraphs.' },
      tgt: { lang: 'ru', text: 'Конвейер выравнивает абзацы.' },
    }]);
    const foreign = `\uFEFF<?xml version="1.0"?>
<tmx version="1.4"><header srclang="EN-US" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="html"/>
<body>
<tu><tuv xml:lang="de-DE"><seg>Das <bpt i="1">&lt;b&gt;</bpt>Haus<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="en-US"><seg>The <hi>house</hi><ph>&lt;br/&gt;</ph></seg></tuv></tu>
<tu tuid="m"><tuv lang="en"><seg>Hi</seg></tuv><tuv lang="ru"><seg><![CDATA[Привет & <b>]]></seg></tuv><tuv lang="uk"><seg>Привіт</seg></tuv></tu>
</body></tmx>`;
    const segments = readTmx(foreign, 'mem.tmx');
    expect(segments.map((s) => [s.id, s.doc, s.src.lang, s.src.text, s.tgt?.lang, s.tgt?.text])).toEqual([
      ['1', 'mem.tmx', 'en-US', 'The house', 'de-DE', 'Das Haus'],
      ['m@ru', 'mem.tmx', 'en', 'Hi', 'ru', 'Привет & <b>'],
      ['m@uk', 'mem.tmx', 'en', 'Hi', 'uk', 'Привіт'],
    ]);
  });

  it('reads a standalone code between two words (a line break placeholder) as a space, not as nothing', () => {
    const trados = `<tmx version="1.4"><header srclang="en-US" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="html"/>
<body><tu>
<tuv xml:lang="en-US"><seg>Alexander Lukashenko<ph x="2" type="lb"/>claimed <bpt i="1">&lt;b&gt;</bpt>victory<ept i="1">&lt;/b&gt;</ept>.<ph x="3">&lt;br/&gt;</ph></seg></tuv>
<tuv xml:lang="ru-RU"><seg>Александр Лукашенко<ph x="2" type="lb"/><hi>объявил</hi> о победе<ph>&lt;img/&gt;</ph>.</seg></tuv>
</tu></body></tmx>`;
    expect(readTmx(trados, 'tm.tmx').map((s) => [s.src.text, s.tgt?.text])).toEqual([
      ['Alexander Lukashenko claimed victory.', 'Александр Лукашенко объявил о победе.'],
    ]);
  });

  it('treats a literal CR LF in a file as a line feed, as XML requires, but keeps &#13; as CR', () => {
    const windows = '<tmx version="1.4">\r\n<header srclang="en"/>\r\n<body>\r\n<tu><tuv xml:lang="en"><seg>a\r\nb&#13;c</seg></tuv><tuv xml:lang="ru"><seg>б</seg></tuv></tu></body></tmx>';
    expect(readTmxLocated(windows, 'w.tmx').map((l) => [l.segment.src.text, l.line])).toEqual([['a\nb\rc', 4]]);
  });

  it('gives the line each unit starts on and its tuid', () => {
    const tmx = segmentsToTmx(sampleSegments(), pair);
    const lines = tmx.split('\n');
    const located = readTmxLocated(tmx);
    expect(located).toHaveLength(4);
    for (const { segment, line, ref } of located) {
      expect(ref).toBe(`${segment.doc}#${segment.id}`);
      expect(lines[(line as number) - 1]).toContain(`tuid="${ref}"`);
    }
    expect(readTmxLocated('<tmx><body><tu tuid="m"><tuv lang="en"><seg>a</seg></tuv><tuv lang="ru"><seg>б</seg></tuv><tuv lang="uk"><seg>в</seg></tuv></tu></body></tmx>')
      .map((l) => l.ref)).toEqual(['m@ru', 'm@uk']);
  });

  it('names the file and line of malformed XML', () => {
    const broken = '<?xml version="1.0"?>\n<tmx version="1.4">\n<body>\n<tu><tuv xml:lang="en"><seg>a</tuv></tu>\n</body></tmx>';
    expect(() => readTmx(broken, 'bad.tmx')).toThrow(SegmentFileError);
    expect(() => readTmx(broken, 'bad.tmx')).toThrow(/^bad\.tmx:4: malformed XML/);
  });

  it('names the line of a well-formed but invalid unit', () => {
    const noLang = '<tmx version="1.4"><header srclang="en"/>\n<body>\n\n<tu><tuv><seg>a</seg></tuv></tu></body></tmx>';
    expect(() => readTmx(noLang, 'x.tmx')).toThrow('x.tmx:4: <tuv> without xml:lang');
    expect(() => readTmx('<xliff/>', 'x.tmx')).toThrow(/not a TMX file/);
  });
});
