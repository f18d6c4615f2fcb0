import { describe, expect, it } from 'vitest';
import { countLetters, tallyLetters } from '../../src/language/alphabet.ts';

describe('letter counts', () => {
  it('count against each candidate the letters its alphabet lacks, by language and by place in the list', () => {
    // ў: Belarusian only; ё: not Ukrainian; ы: not Ukrainian.
    const text = 'Ўсё было';
    expect(countLetters(text, ['ru', 'uk', 'be']).foreign).toEqual({ ru: 1, uk: 3, be: 0 });
    expect(tallyLetters(text, ['ru', 'uk', 'be']).missing).toEqual([1, 3, 0]);
    expect(countLetters(text, ['en', 'be']).foreign).toEqual({ en: 0, be: 0 });
  });
});
