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

  it('keeps one row per segment for readers that take a leading double quote for a quoted field', () => {
    // A quotation over two sentences: the first segment starts with '"', the closing quote is in the next.
    const quoted = ['"We want free elections.', 'We want her back," one worker said.', '"Go away!"', 'He said "no".'];
    const segments = quoted.map((text, i) => ({ ...sampleSegments()[0], id: String(i), src: { lang: 'en', text }, terms: [] }));
    const table = segmentsToTsv(segments);
    const parsed = spreadsheetRows(table);
    expect(parsed.map((row) => row.length)).toEqual(Array(quoted.length + 1).fill(TSV_COLUMNS.length));
    expect(readTsvRows(table).map((row) => row.src_text)).toEqual(quoted);
  });

  it('writes controls, Unicode line separators and lone surrogates as code points, reversibly', () => {
    const texts = ['bell\u0007 esc\u001B del\u007F', 'next line\u0085here', 'line\u2028sep\u2029para', 'form\ffeed\vtab',
      'lone \uD800 high', 'lone \uDC00 low', 'pair 😀 ok', 'literal \\x41 \\u0041', 'NUL\u0000'];
    const cells = texts.map(escapeTsvCell);
    expect(cells.slice(0, 3)).toEqual(['bell\\x07 esc\\x1B del\\x7F', 'next line\\u0085here', 'line\\u2028sep\\u2029para']);
    // Nothing any reader takes for a line break (Python's splitlines: \v \f \x1c-\x1e \x85 U+2028/9).
    for (const cell of cells) expect(cell).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u2028\u2029\uD800-\uDFFF]/u);
    expect(cells.map(unescapeTsvCell)).toEqual(texts);
    // UTF-8 bytes and back: lone surrogates survive as escapes (written raw they would become U+FFFD).
    const segments = texts.map((text, i) => ({ ...sampleSegments()[0], id: String(i), src: { lang: 'en', text }, terms: [] }));
    const bytes = Buffer.from(segmentsToTsv(segments)).toString('utf8');
    expect(readTsvRows(bytes).map((row) => row.src_text)).toEqual(texts);
  });

  it('reads a table saved with CR LF line ends, as spreadsheets on Windows save it', () => {
    const crlf = tsv.replace(/\n/g, '\r\n');
    expect(readTsvRows(crlf)).toEqual(rows);
  });

  it('unescapes exactly what it escapes, for any mix of backslashes and controls', () => {
    const alphabet = ['\\', '\t', '\n', '\r', 't', 'n', '=', '-', 'я', ' ', '"', 'x', 'u', '0', 'F', '\u0001', '\u0085', '\u2028', '\uD800'];
    let seed = 7;
    for (let i = 0; i < 500; i++) {
      let text = '';
      for (let j = 0; j < 8; j++) { seed = (seed * 1103515245 + 12345) % 2147483648; text += alphabet[seed % alphabet.length]; }
      const cell = escapeTsvCell(text);
      expect(cell).not.toMatch(/[\t\n\r\u0001\u0085\u2028\uD800]|^"/);
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

/**
 * Rows as spreadsheets, pandas and Python's csv module (excel-tab) read tab-separated text: a field
 * that starts with '"' is quoted, runs to the next lone '"' (across tabs and newlines), '""' in it is
 * one quote, and what follows the closing quote up to the tab is appended.
 */
function spreadsheetRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let atStart = true;
  while (i < text.length) {
    const ch = text[i];
    if (atStart && ch === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) { field += text[i] === '"' ? (i++, '"') : text[i]; i++; }
      i++;
      atStart = false;
    } else if (ch === '\t') { row.push(field); field = ''; atStart = true; i++; }
    else if (ch === '\n') { row.push(field); rows.push(row); row = []; field = ''; atStart = true; i++; }
    else { field += ch; atStart = false; i++; }
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
