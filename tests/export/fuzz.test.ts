// Seeded random texts made of everything that breaks naive XML writers: every output must validate,
// XLIFF must give the text and its metadata back exactly (<cp/> for controls in text, JSON escapes in
// metadata) and TMX exactly but for U+FFFD in place of characters XML cannot hold.
import { describe, expect, it } from 'vitest';
import { readTmx, readXliff, segmentsToTmx, segmentsToXliff, xml } from '../../src/export/index.ts';
import type { Segment } from '../../src/types.ts';
import { xmllint } from './xmllint.ts';

const PIECES = ['&', '<', '>', '"', "'", '\r', '\n', '\r\n', '\t', ' ', '  ', '\u0000', '\u0001', '\u001F', '\u007F', '\u0085',
  '\u00A0', '\uFFFE', '\uFFFF', '\uD800', '\uDFFF', '😀', ']]>', '<![CDATA[', '&amp;', '&#13;', '<script>', 'Минск', 'a', '\u200B'];

function randomTexts(count: number, seed: number): string[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
  return Array.from({ length: count }, () => Array.from({ length: 1 + (next() % 12) }, () => PIECES[next() % PIECES.length]).join(''));
}

describe('hostile text, fuzzed', () => {
  const texts = randomTexts(300, 42);
  const segments: Segment[] = texts.map((text, i) => ({
    doc: `doc ${text}`, id: `${i}.${text}`, src: { lang: 'en', text, original: text + '!' },
    tgt: { lang: 'ru', text: [...text].reverse().join('') }, terms: [], score: 0.5, origin: 'aligned', flags: ['x'],
  }));

  it('XLIFF stays valid and lossless', () => {
    const out = segmentsToXliff(segments, { srcLang: 'en', tgtLang: 'ru', doc: 'fuzz' });
    expect(xmllint(out, 'xliff')).toBe('');
    const back = readXliff(out);
    expect(back.map((s) => s.src.text)).toEqual(texts);
    expect(back.map((s) => s.tgt?.text)).toEqual(segments.map((s) => s.tgt?.text));
    // Metadata (ids, paths, original text) cannot use <cp/>: such values go as JSON strings, exactly.
    expect(back.map((s) => [s.doc, s.id, s.src.original])).toEqual(segments.map((s) => [s.doc, s.id, s.src.original]));
  });

  it('TMX stays valid and loses nothing but the characters XML forbids', () => {
    const out = segmentsToTmx(segments, { srcLang: 'en', tgtLang: 'ru' });
    expect(xmllint(out, 'tmx')).toBe('');
    const back = readTmx(out);
    expect(back.map((s) => s.src.text)).toEqual(texts.map((t) => xml.replaceNonXmlChars(t)));
    expect(back.map((s) => s.doc)).toEqual(segments.map((s) => xml.replaceNonXmlChars(s.doc)));
    expect(back.map((s) => s.src.original)).toEqual(segments.map((s) => xml.replaceNonXmlChars(s.src.original!)));
  });
});
