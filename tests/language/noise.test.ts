import { describe, expect, it } from 'vitest';
import { tallyLetters, tallyUnmasked } from '../../src/language/alphabet.ts';
import { maskNoise, NOISE_PATTERNS, WORD, words } from '../../src/language/noise.ts';

const byRegex = (text: string) => text.match(WORD) ?? [];

/** `count` texts of 1 to `most` pieces drawn from `pool`, the same ones for the same seed. */
function randomTexts(pool: string[], count: number, most: number, seed: number): string[] {
  const next = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  return Array.from({ length: count }, () => {
    let text = '';
    for (let j = 1 + Math.floor(next() * most); j > 0; j--) text += pool[Math.floor(next() * pool.length)];
    return text;
  });
}

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
    for (const text of randomTexts(pool, 20000, 10, 7)) expect(words(text), JSON.stringify(text)).toEqual(byRegex(text));
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

describe('maskNoise', () => {
  const blank = (m: string) => ' '.repeat(m.length);
  const byPatterns = (text: string) => NOISE_PATTERNS.reduce((out, p) => out.replace(p, blank), text);

  it('masks what every pattern masks, though it runs a pattern only where the text has what it needs', () => {
    const pool = ['a', 'w', 'www.', 'pic.', 'twitter', '.com', '.By', 'https', '://', ':', '/', '.', '. ', ' ', '@', 'x@y.org',
      '#', '#тег', '1', '2020', 'Aug', 'August 14, 2020', '٣', '²', '𝟙', 'ж', '-', ',', '\u00a0', 'é', '中', '.\u00a0x', '.\n'];
    for (const text of randomTexts(pool, 20000, 12, 11)) expect(maskNoise(text), JSON.stringify(text)).toBe(byPatterns(text));
  });

  it('asks every code unit whether it is a number character', () => {
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      // No other number character: whether this one is one decides whether it is masked.
      const text = `x${String.fromCharCode(c)} a.com`;
      expect(maskNoise(text), `U+${c.toString(16)}`).toBe(byPatterns(text));
    }
  });
});

describe('tallyUnmasked', () => {
  it('reads to the end exactly the texts that maskNoise leaves as they are, and counts them as tallyLetters does', () => {
    const noisy = ['a', 'ж', 'Ё', ' ', '.', '. ', '.x', 'www.', '@', '#', ':', '1', '٣', '²', '«', '—', '😀', "'", 'é', '中', 'x@y.org', 'TUT.BY'];
    // Texts with no noise, whose letters and joiners meet those around them where they are read.
    const plain = ['a', 'ж', 'Ё', ' ', "'", '’', 'ʼ', '-', 'é', '«', '. '];
    const languages = ['en', 'ru', 'uk', 'be'];
    const sides = randomTexts(['ж', 'a', "'", '-', '’', '1', ' '], 80000, 3, 17);
    const texts = [...randomTexts(noisy, 20000, 10, 13), ...randomTexts(plain, 20000, 6, 19)];
    for (const [i, text] of texts.entries()) {
      // Read where it lies inside a longer string, whose letters and joiners around it do not count.
      const found = ['kept'];
      const before = sides[2 * i];
      const tally = tallyUnmasked(before + text + sides[2 * i + 1], before.length, before.length + text.length, languages, found);
      const masked = maskNoise(text);
      if (tally === undefined) {
        // A text it stops in may hold noise: nothing it read stays behind.
        expect(found, JSON.stringify(text)).toEqual(['kept']);
        continue;
      }
      expect(masked, JSON.stringify(text)).toBe(text);
      const words: string[] = ['kept'];
      expect(tally, JSON.stringify(text)).toEqual(tallyLetters(masked, languages, words));
      expect(found, JSON.stringify(text)).toEqual(words);
    }
  });
});
