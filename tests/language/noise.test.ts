import { describe, expect, it } from 'vitest';
import { WORD, words } from '../../src/language/noise.ts';

const byRegex = (text: string) => text.match(WORD) ?? [];

describe('words', () => {
  it('finds what the WORD pattern finds, character by character', () => {
    // Every code point of the scripts tandem meets (and their neighbours), alone, between letters
    // and next to joiners: the code-point ranges the tokenizer takes for letters must be exact.
    for (let cp = 0; cp < 0x3000; cp++) {
      if (cp >= 0xd800) break;
      const ch = String.fromCodePoint(cp);
      for (const text of [ch, `a${ch}b`, `я'${ch}`, `${ch}-b`]) expect(words(text), `U+${cp.toString(16)} in ${text}`).toEqual(byRegex(text));
    }
  });

  it('keeps joiners only between letters and reads surrogate pairs as one character', () => {
    const text = "don't п'еса Jean-Paul word- -x a--b зʼїзд 𝐀bc 😀x \ud800 ҂б ×y";
    expect(words(text)).toEqual(byRegex(text));
    expect(words(text)).toEqual(["don't", "п'еса", 'Jean-Paul', 'word', 'x', 'a', 'b', 'зʼїзд', '𝐀bc', 'x', 'б', 'y']);
  });

  it('agrees with the pattern on random mixtures', () => {
    const pool = ['a', 'Z', 'é', 'ж', 'Ё', 'ў', "'", '’', 'ʼ', '-', ' ', '.', '1', '«', '😀', '𝐀', '\ud800', '\udc00', 'ª', 'µ', 'ǀ', '҂', 'ا', '中', 'α', '×'];
    let seed = 7;
    const next = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
    for (let k = 0; k < 20000; k++) {
      let text = '';
      for (let j = 1 + Math.floor(next() * 10); j > 0; j--) text += pool[Math.floor(next() * pool.length)];
      expect(words(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });
});

describe('interned words', () => {
  it('are the words of the text, however many distinct ones the table has grown to hold', () => {
    // 30,000 distinct words, each seen twice: the table grows several times between the two sightings.
    const distinct = Array.from({ length: 30000 }, (_, i) => `w${i.toString(36).replace(/\d/g, (d) => 'ABCDEFGHIJ'[+d])}`);
    const text = [...distinct, ...distinct.slice().reverse(), 'жыве', 'Жыве', 'жыве'].join(' ');
    expect(words(text)).toEqual(byRegex(text));
  });
});
