import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readXliff, readXliffLocated, segmentsToXliff } from '../../src/export/index.ts';
import { loadGlossaries } from '../../src/glossary/index.ts';
import type { Segment } from '../../src/types.ts';
import { DOC, sampleSegments } from './fixtures.ts';
import { SPECS, xmllint } from './xmllint.ts';

const options = { srcLang: 'en', tgtLang: 'ru', doc: DOC, original: `/home/user/${DOC}` };
const ofDoc = () => sampleSegments().filter((s) => s.doc === DOC);

describe('segmentsToXliff', () => {
  const xliff = segmentsToXliff(ofDoc(), options);

  it('validates against the XLIFF 2 schema with the Metadata module, hostile text included', () => {
    expect(xmllint(xliff, 'xliff')).toBe('');
    expect(xliff).toContain('version="2.1"');
    expect(xliff).toContain('xmlns="urn:oasis:names:tc:xliff:document:2.0"');
    expect(xmllint(xliff.replace('<source>', '<source><oops/>'), 'xliff')).toMatch(/oops/);
  });

  it('sets state from the origin: aligned translated, machine and missing targets initial, confirmed reviewed', () => {
    const states = [...xliff.matchAll(/<segment id="([^"]+)" state="([a-z]+)"/g)].map((m) => [m[1], m[2]]);
    expect(xliff).toContain('<segment id="2.0" state="initial" subState="tandem:mt">');
    expect(states).toEqual([['0.0', 'translated'], ['1.0', 'translated'], ['2.0', 'initial'], ['3.0', 'initial']]);
    const reviewed = segmentsToXliff([{ ...ofDoc()[2], reviewed: true }], options);
    expect(reviewed).toContain('state="reviewed"');
    expect(reviewed).toContain('<mda:meta type="origin">mt</mda:meta>');
    expect(xmllint(reviewed, 'xliff')).toBe('');
    // A target the translator added, with no source, translates nothing.
    const added = segmentsToXliff([{ ...ofDoc()[0], id: 'tgt:9.0', src: { lang: 'en', text: '' }, score: null, flags: ['unpaired'] }], options);
    expect(added).toContain('state="initial"');
    expect(xmllint(added, 'xliff')).toBe('');
  });

  it('writes glossary terms as notes and the original text as metadata', () => {
    expect(xliff).toContain('<note category="glossary" appliesTo="source">Svetlana Tikhanovskaya = Svetlana Tikhanovskaya (preferred) [tikhanovskaya]</note>');
    expect(xliff).toContain('<note category="glossary" appliesTo="target">Беларуси = Беларусь (preferred) [belarus]</note>');
    expect(xliff).toContain('<mda:metaGroup category="target" appliesTo="target">\n          <mda:meta type="original">Светлана Тихановская уехала из Белоруссии в Литву.</mda:meta>');
  });

  it("with the job's glossary, notes give the preferred target form of the same shape and replace deprecated forms", async () => {
    const glossary = await loadGlossaries([fileURLToPath(new URL('../../glossaries/belarus-2020.yaml', import.meta.url))]);
    const at = (text: string, surface: string) => ({ start: text.indexOf(surface), end: text.indexOf(surface) + surface.length });
    const src = 'Svetlana Tikhanovskaya met Tikhanovskaya supporters in Minsk.';
    const segment: Segment = {
      doc: 'd', id: '0.0', src: { lang: 'en', text: src }, tgt: null, score: null,
      terms: [
        { entry: 'tsikhanouskaya', surface: 'Svetlana Tikhanovskaya', ...at(src, 'Svetlana Tikhanovskaya'), lang: 'en', term: 'Svetlana Tikhanovskaya', status: 'deprecated', via: 'exact', side: 'src' },
        { entry: 'tsikhanouskaya', surface: 'Tikhanovskaya', ...at(src, ' Tikhanovskaya'), lang: 'en', term: 'Tikhanovskaya', status: 'deprecated', via: 'exact', side: 'src' },
        { entry: 'no-such-entry', surface: 'Minsk', ...at(src, 'Minsk'), lang: 'en', term: 'Minsk', status: 'preferred', via: 'exact', side: 'src' },
      ],
    };
    const out = segmentsToXliff([segment], { ...options, glossary });
    expect(xmllint(out, 'xliff')).toBe('');
    const notes = [...out.matchAll(/<note [^>]*>([^<]*)<\/note>/g)].map((m) => m[1]);
    expect(notes).toEqual([
      'Svetlana Tikhanovskaya → ru: Светлана Тихановская (deprecated; en: Sviatlana Tsikhanouskaya) [tsikhanouskaya]',
      'Tikhanovskaya → ru: Тихановская (deprecated; en: Tsikhanouskaya) [tsikhanouskaya]',
      'Minsk = Minsk (preferred) [no-such-entry]',
    ]);
    const notesInto = (tgtLang: string) => {
      const out = segmentsToXliff([{ ...segment, terms: segment.terms.slice(0, 1) }], { ...options, tgtLang, glossary });
      expect(xmllint(out, 'xliff')).toBe('');
      return [...out.matchAll(/<note [^>]*>([^<]*)<\/note>/g)].map((m) => m[1]);
    };
    expect(notesInto('uk')).toEqual(['Svetlana Tikhanovskaya → uk: Світлана Тихановська (deprecated; en: Sviatlana Tsikhanouskaya) [tsikhanouskaya]']);
    // Into a language the glossary has no form in: said so, with the forms of its other languages.
    expect(notesInto('pl')).toEqual([
      'Svetlana Tikhanovskaya → pl: none in the glossary (ru: Светлана Тихановская; be: Святлана Ціханоўская; uk: Світлана Тихановська) (deprecated; en: Sviatlana Tsikhanouskaya) [tsikhanouskaya]',
    ]);
  });

  it('keeps control characters as <cp/> and markup as text', () => {
    expect(xliff).toContain('<cp hex="0001"/>bell');
    expect(xliff).toContain('&lt;script&gt;');
    expect(xliff).not.toMatch(/<script|<img/);
  });

  it('turns ids that are not NMTOKENs into unique ones and keeps the exact id in metadata', () => {
    const odd: Segment[] = ['a b', 'a_b', 'x/y#1'].map((id) => ({ ...ofDoc()[3], doc: 'dir/my doc.txt', id }));
    const out = segmentsToXliff(odd, { ...options, doc: 'dir/my doc.txt' });
    expect(xmllint(out, 'xliff')).toBe('');
    expect([...out.matchAll(/<unit id="([^"]+)"/g)].map((m) => m[1])).toEqual(['a_b', 'a_b_2', 'x_y_1']);
    expect(out).toContain('<file id="dir_my_doc.txt"');
    expect(readXliff(out).map((s) => [s.doc, s.id])).toEqual([['dir/my doc.txt', 'a b'], ['dir/my doc.txt', 'a_b'], ['dir/my doc.txt', 'x/y#1']]);
  });

  it('writes valid language tags whatever the caller passes, keeping the segment languages exact', () => {
    const segment: Segment = { ...ofDoc()[0], src: { lang: 'en_US', text: 'Hi' }, tgt: { lang: '', text: 'Привет' } };
    const out = segmentsToXliff([segment], { ...options, srcLang: 'en_US', tgtLang: '' });
    expect(out).toContain('srcLang="en-US" trgLang="und"');
    expect(xmllint(out, 'xliff')).toBe('');
    expect(readXliff(out)[0]).toMatchObject({ src: { lang: 'en_US' }, tgt: { lang: '' } });
  });

  it('refuses a document without segments instead of writing invalid XLIFF', () => {
    expect(() => segmentsToXliff([], options)).toThrow(/no segments/);
  });

  it('is deterministic', () => {
    expect(segmentsToXliff(ofDoc(), options)).toBe(xliff);
  });
});

describe('readXliff', () => {
  it('round-trips every field, control characters included', () => {
    expect(readXliff(segmentsToXliff(ofDoc(), options))).toEqual(ofDoc());
  });

  it('keeps characters XML cannot hold in metadata too (U+FFFF, U+FFFE, controls, a lone surrogate), and validates', () => {
    const odd = 'x\uFFFF\uFFFE\u0001\u001B\uD800y';
    const original = `The noncharacter ${odd} about Lukashenko.`;
    const text = `The noncharacter ${odd} about Lukashenka.`;
    const at = text.indexOf('Lukashenka');
    const segment: Segment = {
      doc: `dir/${odd}.txt`, id: `1.${odd}`, tgtDoc: `dir/${odd}.ru.txt`, srcSentences: [odd],
      src: { lang: 'en', text, original, changes: [{ start: at, end: at + 10, before: `Lukashenko${odd}`, after: 'Lukashenka', entry: 'l', reason: 'deprecated' }] },
      tgt: { lang: 'ru', text: `Текст ${odd}.` }, score: 0.9, origin: 'tm', originDetail: { ref: `a.tmx#${odd}` }, flags: [`flag${odd}`],
      terms: [{ entry: 'l', surface: 'Lukashenka', start: at, end: at + 10, lang: 'en', term: `Lukashenka${odd}`, status: 'preferred', via: 'exact', side: 'src' }],
    };
    const out = segmentsToXliff([segment], { ...options, doc: segment.doc });
    expect(xmllint(out, 'xliff')).toBe('');
    // (The <file original> attribute and the notes are for other tools and people: U+FFFD there.)
    expect(out.split('\n').filter((line) => line.includes('<mda:meta ') && line.includes('\uFFFD'))).toEqual([]);
    expect(out).toContain('<mda:meta type="json:original">"The noncharacter x\\uFFFF\\uFFFE\\u0001\\u001b\\ud800y about Lukashenko."</mda:meta>');
    expect(readXliff(out)).toEqual([segment]);
    const broken = out.replace(/(type="json:original">)"/, '$1');
    expect(() => readXliff(broken, 'a.xlf')).toThrow(/^a\.xlf:\d+: .*json:original/);
  });

  it('keeps per-segment languages that differ from the file (a Russian quote in an English article)', () => {
    const quote: Segment = { ...ofDoc()[3], src: { lang: 'ru', text: 'Цитата' }, tgt: { lang: 'be', text: 'Цытата' }, origin: 'human' };
    const out = segmentsToXliff([quote], options);
    expect(xmllint(out, 'xliff')).toBe('');
    expect(readXliff(out)).toEqual([quote]);
  });

  it('reads XLIFF 2 from other tools: groups, several segments per unit, inline codes', () => {
    const example = readXliff(readFileSync(join(SPECS, 'xliff', 'example.xlf'), 'utf8'), 'example.xlf');
    expect(example.map((s) => [s.doc, s.id, s.src.text, s.tgt?.text ?? null, s.reviewed ?? false])).toEqual([
      ['docs/doc1.md', 'p3/s1', 'The pipeline aligns paragraphs.', 'Конвейер выравнивает абзацы.', true],
      ['docs/doc1.md', 'p3/s2', 'Editors review the output.', null, false],
    ]);
    const foreign = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" trgLang="ru-RU">
 <file id="f1"><group id="g"><unit id="u1"><originalData><data id="d1">&lt;br/&gt;</data></originalData>
  <segment><source>Press <pc id="1">Save</pc><ph id="2" dataRef="d1"/> now</source><target>Нажмите <pc id="1">Сохранить</pc><ph id="2" dataRef="d1"/></target></segment>
 </unit></group></file></xliff>`;
    expect(readXliff(foreign, 'ui.xlf')).toEqual([{
      doc: 'f1', id: 'u1', terms: [], score: null,
      src: { lang: 'en-US', text: 'Press Save now' }, tgt: { lang: 'ru-RU', text: 'Нажмите Сохранить' },
    }]);
  });

  it('reads a placeholder between two words as a space, and drops a <cp/> that is no code point', () => {
    const cat = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">
 <file id="f"><unit id="u"><segment><source>Workers<ph id="1"/>went on strike<ph id="2"/>.<cp hex="110000"/></source>
  <target>Рабочие<ph id="1"/>вышли на забастовку<ph id="2"/>.<cp hex="0007"/></target></segment></unit></file></xliff>`;
    expect(readXliff(cat, 'cat.xlf').map((s) => [s.src.text, s.tgt?.text])).toEqual([['Workers went on strike.', 'Рабочие вышли на забастовку.\u0007']]);
  });

  it('accepts a prefixed XLIFF namespace', () => {
    const prefixed = `<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru"><x:file id="f">
<x:unit id="u"><x:segment><x:source>One</x:source><x:target>Один</x:target></x:segment></x:unit></x:file></x:xliff>`;
    expect(readXliff(prefixed).map((s) => [s.id, s.src.text, s.tgt?.text])).toEqual([['u', 'One', 'Один']]);
  });

  it('gives the line and unit id of each segment', () => {
    const xliff = segmentsToXliff(ofDoc(), options);
    const lines = xliff.split('\n');
    const located = readXliffLocated(xliff);
    expect(located).toHaveLength(4);
    for (const { segment, line, ref } of located) {
      expect(ref).toBe(segment.id);
      expect(lines[(line as number) - 1]).toContain(`<segment id="${segment.id}"`);
    }
    const example = readXliffLocated(readFileSync(join(SPECS, 'xliff', 'example.xlf'), 'utf8'));
    expect(example.map((l) => [l.ref, l.line])).toEqual([['p3/s1', 16], ['p3/s2', 20]]);
  });

  it('rejects malformed and foreign XML with file and line', () => {
    expect(() => readXliff('<xliff version="2.1" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en">\n<file id="a">\n<unit id="u">\n</file></xliff>', 'bad.xlf'))
      .toThrow(/^bad\.xlf:4: malformed XML/);
    expect(() => readXliff('<xliff version="1.2"><file/></xliff>', 'old.xlf')).toThrow('old.xlf:1: XLIFF 1.2 is not supported; convert it to XLIFF 2');
    expect(() => readXliff('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0">\n<file id="a"/></xliff>', 'x.xlf'))
      .toThrow('x.xlf:1: <xliff> without the srcLang attribute');
    expect(() => readXliff('<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="en">\n<file id="a">\n\n<unit id="u"><segment/></unit></file></xliff>', 'x.xlf'))
      .toThrow('x.xlf:4: <segment> without <source>');
  });
});
