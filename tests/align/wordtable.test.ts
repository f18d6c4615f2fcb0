import { describe, expect, it } from 'vitest';
import { codesOf, wordCodes, WordLists } from '../../src/align/wordtable.ts';

describe('WordLists', () => {
  const listOf = (table: WordLists, at: number) => [...table.data.subarray(at + 1, at + 1 + table.data[at])];

  it('finds words by their span in a sentence, across growth, and forgets them when cleared', () => {
    const table = new WordLists();
    const words = Array.from({ length: 5000 }, (_, k) => (k % 3 ? 'слово' : 'word') + k.toString(36) + (k % 7 ? '' : '😀'));
    // Lists of every length from 0 to 12, with -1 (no counted id) in front of some.
    const list = (k: number) => Int32Array.from({ length: k % 13 }, (_, e) => (e ? k * 100 + e : k % 5 ? k : -1));
    for (const [k, w] of words.entries()) {
      const sentence = `«${w}» `;
      const codes = codesOf(sentence);
      expect(table.find(codes, 1, 1 + w.length)).toBe(-1);
      const at = table.add(codes, 1, 1 + w.length, list(k));
      expect(listOf(table, at)).toEqual([...list(k)]);
    }
    expect(table.size).toBe(words.length);
    for (const [k, w] of words.entries()) expect(listOf(table, table.find(wordCodes(w), 0, w.length))).toEqual([...list(k)]);
    // A prefix, an extension and a word of another alphabet with the same length are different words.
    expect(table.find(wordCodes('word'), 0, 3)).toBe(-1);
    expect(table.find(wordCodes(words[0] + 'x'), 0, words[0].length + 1)).toBe(-1);
    expect(table.find(wordCodes('слов'), 0, 4)).toBe(-1);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.find(wordCodes(words[1]), 0, words[1].length)).toBe(-1);
    const again = codesOf('word');
    const at = table.add(again, 0, 4, Int32Array.of(7, 8));
    expect(table.find(wordCodes('word'), 0, 4)).toBe(at);
    expect(listOf(table, at)).toEqual([7, 8]);
  });
});
