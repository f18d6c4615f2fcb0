import { describe, expect, it } from 'vitest';
import {
  escapeTsvCell, readJsonl, readTsvRows, SegmentFileError, segmentsToJsonl, segmentsToTsv, TSV_COLUMNS, unescapeTsvCell,
} from '../../src/export/index.ts';
import { sampleSegments } from './fixtures.ts';

describe('segments.jsonl', () => {
  it('writes one segment per line with the agreed field names and reads them back unchanged', () => {
    const jsonl = segmentsToJsonl(sampleSegments());
    const lines = jsonl.trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(Object.keys(JSON.parse(lines[0]))).toEqual(expect.arrayContaining(['doc', 'id', 'src', 'tgt', 'terms', 'score']));
    expect(JSON.parse(lines[3]).tgt).toBeNull();
    expect(readJsonl(jsonl)).toEqual(sampleSegments());
  });

  it('accepts a BOM, blank lines and minimal hand-written segments', () => {
    const text = '\uFEFF{"doc":"a","id":"1","src":{"lang":"en","text":"Hi"}}\n\n';
    expect(readJsonl(text)).toEqual([{ doc: 'a', id: '1', src: { lang: 'en', text: 'Hi' }, tgt: null, terms: [], score: null }]);
  });

  it('names the file and line of a broken or wrong line', () => {
    const good = segmentsToJsonl(sampleSegments().slice(0, 2));
    expect(() => readJsonl(good + '{"doc": "a", "id": \n', 'seg.jsonl')).toThrow(SegmentFileError);
    expect(() => readJsonl(good + '{"doc": "a", "id": \n', 'seg.jsonl')).toThrow(/^seg\.jsonl:3: not valid JSON/);
    expect(() => readJsonl(good + '\n{"doc":"a","id":"1","src":{"lang":"en"}}\n', 'seg.jsonl'))
      .toThrow("seg.jsonl:4: not a segment: 'src' must be {lang, text}");
    expect(() => readJsonl('[1,2]', 'x')).toThrow('x:1: not a segment: not a JSON object');
    expect(() => readJsonl('{"doc":"a","id":"1","src":{"lang":"en","text":"x"},"terms":["t"]}', 'x')).toThrow(/x:1: not a segment: 'terms'/);
  });
});

describe('segments.tsv', () => {
  const tsv = segmentsToTsv(sampleSegments());
  const rows = readTsvRows(tsv);

  it('has a header row and one row of exactly ten cells per segment', () => {
    const lines = tsv.trimEnd().split('\n');
    expect(lines[0]).toBe('doc\tid\tsrc_lang\tsrc_text\ttgt_lang\ttgt_text\tscore\tterms\tflags\torigin');
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line.split('\t')).toHaveLength(TSV_COLUMNS.length);
  });

  it('escapes tabs, newlines and backslashes reversibly', () => {
    const hostile = sampleSegments()[1].src.text;
    expect(hostile).toMatch(/\t.*\r\n/);
    expect(rows[1].src_text).toBe(hostile);
    expect(unescapeTsvCell('a\\\\nb\\tc\\q')).toBe('a\\nb\tc\\q');
  });

  it('keeps spreadsheets from running cells as formulas, reversibly', () => {
    const formulas = ['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', 'a=b'];
    const escaped = formulas.map(escapeTsvCell);
    expect(escaped).toEqual(['\\=HYPERLINK("http://x","y")', '\\+1', '\\-2', '\\@SUM(A1)', 'a=b']);
    expect(escaped.map(unescapeTsvCell)).toEqual(formulas);
  });

  it('unescapes exactly what it escapes, for any mix of backslashes and controls', () => {
    const alphabet = ['\\', '\t', '\n', '\r', 't', 'n', '=', '-', 'я', ' '];
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let j = 0; j < 8; j++) { seed = (seed * 1103515245 + 12345) % 2147483648; text += alphabet[seed % alphabet.length]; }
      const cell = escapeTsvCell(text);
      expect(cell).not.toMatch(/[\t\n\r]/);
      expect(unescapeTsvCell(cell)).toBe(text);
    }
  });

  it('shows score, terms, flags and origin; untranslated rows have empty target cells', () => {
    expect(rows[0]).toMatchObject({ score: '0.93', origin: 'aligned', terms: expect.stringContaining('tgt:belarus=Беларуси') });
    expect(rows[1].flags).toBe('low-confidence,non-1:1');
    expect(rows[2].origin).toBe('mt');
    expect(rows[3]).toMatchObject({ tgt_lang: '', tgt_text: '', score: '', origin: '', flags: 'unpaired' });
  });
});
