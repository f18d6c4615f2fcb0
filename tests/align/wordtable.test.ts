import { describe, expect, it } from 'vitest';
import { codesOf, wordCodes, WordTable } from '../../src/align/wordtable.ts';

describe('WordTable', () => {
  it('finds words by their span in a sentence, across growth, and forgets them when cleared', () => {
    const table = new WordTable<number>();
    const words = Array.from({ length: 5000 }, (_, k) => (k % 3 ? 'слово' : 'word') + k.toString(36) + (k % 7 ? '' : '😀'));
    for (const [k, w] of words.entries()) {
      const sentence = `«${w}» `;
      const codes = codesOf(sentence);
      expect(table.find(codes, 1, 1 + w.length)).toBeUndefined();
      table.add(codes, 1, 1 + w.length, k);
    }
    expect(table.size).toBe(words.length);
    for (const [k, w] of words.entries()) expect(table.find(wordCodes(w), 0, w.length)).toBe(k);
    // A prefix, an extension and a word of another alphabet with the same length are different words.
    expect(table.find(wordCodes('word'), 0, 3)).toBeUndefined();
    expect(table.find(wordCodes(words[0] + 'x'), 0, words[0].length + 1)).toBeUndefined();
    table.clear();
    expect(table.size).toBe(0);
    expect(table.find(wordCodes(words[1]), 0, words[1].length)).toBeUndefined();
    const again = codesOf('word');
    table.add(again, 0, 4, 7);
    expect(table.find(wordCodes('word'), 0, 4)).toBe(7);
  });
});
