import { describe, expect, it } from 'vitest';
import { findKey, keyTable } from '../../src/language/keytable.ts';

describe('keyTable', () => {
  it('finds each key by a stretch of a longer text, and nothing that is not a key', () => {
    const keys = ['', ' a', 'a', 'ab', 'abc', 'ба', 'бац', 'ўс', "п'е", '😀', 'b'.repeat(40)];
    const table = keyTable(keys);
    keys.forEach((key, i) => expect(findKey(table, `xx${key}yy`, 2, 2 + key.length)).toBe(i));
    for (const absent of ['abcd', 'А', 'ba', ' ', 'бa', 'b'.repeat(39)]) expect(findKey(table, `<${absent}>`, 1, 1 + absent.length)).toBe(-1);
  });
  it('keeps thousands of keys apart', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => i.toString(36));
    const table = keyTable(keys);
    expect(keys.every((k, i) => findKey(table, k, 0, k.length) === i)).toBe(true);
    expect(findKey(table, 'zzzz', 0, 4)).toBe(-1);
  });
});
