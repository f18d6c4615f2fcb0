import { describe, expect, it } from 'vitest';
import { scanText } from '../../src/language/scan.ts';
import { resetModelCache, wordVector } from '../../src/language/wordmodel.ts';

/** The i-th word of a made-up vocabulary: letters only (base 26), Latin or Cyrillic. */
function word(i: number, cyrillic: boolean): string {
  let out = '';
  for (let n = i + 26; n > 0; n = Math.floor(n / 26)) out += String.fromCharCode((cyrillic ? 0x430 : 97) + (n % 26));
  return out;
}

describe('word scores kept with interned words', () => {
  it('are each word\'s own scores, while the table grows and after the model is reset', () => {
    // 20,000 distinct words, each seen twice: the table grows several times between the two sightings,
    // and the scores found the second time must still be the word's, not a neighbour slot's.
    const distinct = Array.from({ length: 20000 }, (_, i) => word(i, i % 2 === 1));
    const text = [...distinct, ...distinct.slice().reverse(), 'Жыве', 'жыве'].join(' ');
    const languages = ['en', 'ru', 'uk', 'be'];
    const scan = scanText(text, languages);
    expect(scan.tokens.length).toBe(40002);
    const expected = scan.tokens.map((w) => Array.from(wordVector(w)));
    expect(scan.vectors.map((v) => Array.from(v))).toEqual(expected);
    resetModelCache();
    const again = scanText(text, languages);
    expect(again.vectors.map((v) => Array.from(v))).toEqual(expected);
  });
});
