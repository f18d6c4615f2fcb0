import { describe, expect, it } from 'vitest';
import { isSpace } from '../../src/documents/space.ts';

describe('isSpace', () => {
  it('agrees with the \\s of regular expressions on every UTF-16 code unit', () => {
    const differing: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differing.push(c);
    expect(differing).toEqual([]);
  });
});
