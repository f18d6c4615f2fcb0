// Files with classic Mac line ends (a lone CR) are read as the same text with LF would be: paragraphs,
// lines, front matter and tables found, and every offset still pointing into the file as it is.
import { describe, expect, it } from 'vitest';
import { parseDocument, segmentParagraphs } from '../../src/documents/index.ts';


/** The document's paragraphs and sentences (ids, text, offsets), and each sentence as the file holds it. */
function read(source: string, path: string) {
  const doc = parseDocument(source, 'd', path);
  const sentences = segmentParagraphs(doc.paragraphs);
  return {
    date: doc.date, paragraphs: doc.paragraphs.map(({ text, start, end }) => ({ text, start, end })),
    sentences: sentences.map(({ id, text, start, end }) => ({ id, text, start, end })),
    inFile: sentences.map((s) => source.slice(s.start, s.end).replace(/\s+/g, ' ')),
  };
}

const PLAIN = 'date 2020-08-14\nThe president spoke on Monday.\n\nThe crowd answered loudly.\n\nThen everyone went home.\n'
  + 'Workers at MTZ walked out #Belarus\nRT @belsat_eng: Strike spreads to BelAZ\n\n'
  + 'Their demands were these:\n- New elections.\n- Release of detainees.\n\n'
  + 'The march on Friday was the largest walkout in the city\'s memory, and it\n- unlike all of the earlier\n';

const MARKDOWN = '---\ntitle: Strike\ndate: 2020-08-14\n---\n# Workers walk out\n\nThe president spoke\non Monday.  \nThe crowd answered.\n\n'
  + '> A quote on\n> two lines.\n\n| City | Workers |\n|---|---|\n| Minsk | 5,000 |\n\n- One item.\n- Two items.\n';

describe('lone CR line ends', () => {
  it('splits plain text at blank lines of CR CR as at LF LF, with the same ids and offsets into the file', () => {
    const lf = read(PLAIN, 'a.txt');
    for (const source of [PLAIN.replace(/\n/g, '\r'), PLAIN.replace(/\n/g, '\r\n')]) {
      const got = read(source, 'a.txt');
      expect(got.paragraphs.map((p) => p.text)).toEqual(lf.paragraphs.map((p) => p.text));
      expect(got.sentences.map((s) => [s.id, s.text])).toEqual(lf.sentences.map((s) => [s.id, s.text]));
      expect(got.inFile).toEqual(lf.inFile);
      expect(got.date).toBe('2020-08-14');
    }
    // Same length, so the offsets are the LF text's own.
    expect(read(PLAIN.replace(/\n/g, '\r'), 'a.txt').sentences).toEqual(lf.sentences);
    expect(lf.sentences.slice(0, 3).map((s) => s.id)).toEqual(['0.0', '1.0', '2.0']);
  });

  it('reads the probe file of three CR CR paragraphs as three paragraphs', () => {
    const source = 'The president spoke on Monday.\r\rThe crowd answered loudly.\r\rThen everyone went home.\r';
    expect(read(source, 'cr.en.txt').sentences).toEqual([
      { id: '0.0', text: 'The president spoke on Monday.', start: 0, end: 30 },
      { id: '1.0', text: 'The crowd answered loudly.', start: 32, end: 58 },
      { id: '2.0', text: 'Then everyone went home.', start: 60, end: 84 },
    ]);
  });

  it('finds Markdown front matter, hard breaks, quotes and table rows ended by a lone CR', () => {
    const lf = read(MARKDOWN, 'a.md');
    expect(lf.paragraphs.map((p) => p.text)).toContain('Minsk');
    const cr = read(MARKDOWN.replace(/\n/g, '\r'), 'a.md');
    expect(cr).toEqual(lf);
    expect(cr.date).toBe('2020-08-14');
  });
});
