import { describe, expect, it } from 'vitest';
import { codesOf, wordCodes, WordLists, WordTable } from '../../src/align/wordtable.ts';

describe('WordTable', () => {
  it('finds words by their span in a sentence, across growth, and forgets them when cleared', () => {
    const table = new WordTable();
    const words = Array.from({ length: 5000 }, (_, k) => (k % 3 ? 'слово' : 'word') + k.toString(36) + (k % 7 ? '' : '😀'));
    for (const [k, w] of words.entries()) {
      const sentence = `«${w}» `;
      const codes = codesOf(sentence);
      expect(table.find(codes, 1, 1 + w.length)).toBe(-1);
      table.add(codes, 1, 1 + w.length, k);
    }
    expect(table.size).toBe(words.length);
    for (const [k, w] of words.entries()) expect(table.find(wordCodes(w), 0, w.length)).toBe(k);
    // A prefix, an extension and a word of another alphabet with the same length are different words.
    expect(table.find(wordCodes('word'), 0, 3)).toBe(-1);
    expect(table.find(wordCodes(words[0] + 'x'), 0, words[0].length + 1)).toBe(-1);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.find(wordCodes(words[1]), 0, words[1].length)).toBe(-1);
    const again = codesOf('word');
    table.add(again, 0, 4, 7);
    expect(table.find(wordCodes('word'), 0, 4)).toBe(7);
  });
});

describe('WordLists', () => {
  it('keeps each word\'s list of ids, across growth of the lists and of the table, until cleared', () => {
    const table = new WordLists();
    const list = (k: number) => Int32Array.from({ length: k % 13 }, (_, e) => (e ? k * 100 + e : k % 5 ? k : -1));
    const words = Array.from({ length: 3000 }, (_, k) => 'w' + k.toString(36));
    for (const [k, w] of words.entries()) table.add(wordCodes(w), 0, w.length, list(k));
    expect(table.size).toBe(words.length);
    for (const [k, w] of words.entries()) {
      const at = table.find(wordCodes(w), 0, w.length);
      expect([...table.lists.subarray(at + 1, at + 1 + table.lists[at])]).toEqual([...list(k)]);
    }
    expect(table.find(wordCodes('nothing'), 0, 7)).toBe(-1);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.find(wordCodes(words[3]), 0, words[3].length)).toBe(-1);
  });
});
