import { describe, expect, it } from 'vitest';
import { tmProvider } from '../../src/translate/tm/provider.ts';
import { TranslationMemory } from '../../src/translate/tm/memory.ts';
import type { TmUnit } from '../../src/translate/tm/load.ts';
import { udhrPairs } from './udhr.ts';

const units = (pairs: Array<[string, string]>): TmUnit[] =>
  pairs.map(([en, ru], i) => ({ a: { lang: 'en', text: en }, b: { lang: 'ru', text: ru }, ref: `udhr#${i}` }));
const pairs = udhrPairs('eng', 'rus');
const tm = tmProvider(units(pairs), { minMatch: 50 });
const ask = (text: string) => tm.lookup({ id: 'q', text, srcLang: 'en', tgtLang: 'ru' });

describe('translation memory on UDHR', () => {
  it('has real data to work on', () => expect(pairs.length).toBeGreaterThan(50));

  it('returns a 100% match with the stored translation for an unchanged paragraph', () => {
    for (const [en, ru] of pairs.slice(0, 20)) {
      const m = ask(en)!;
      expect(m.percent).toBe(100);
      expect(m.target).toBe(ru);
    }
  });

  it('finds Article 1 altered by one word with the word-level percentage (11 of 12 words)', () => {
    const article1 = pairs.find(([en]) => en.startsWith('All human beings are born free'))!;
    expect(article1).toBeDefined();
    const altered = article1[0].replace('All human beings are born free and equal in dignity and rights.',
      'All human beings are born free and equal in dignity and duties.');
    expect(altered).not.toBe(article1[0]);
    const words = article1[0].match(/[\p{L}\p{N}]+/gu)!.length;
    const m = ask(altered)!;
    expect(m.entry.source).toBe(article1[0]);
    expect(m.target).toBe(article1[1]);
    expect(m.percent).toBe(Math.floor(100 * (1 - 1 / words)));
  });

  it('finds every paragraph again after one word in the middle is replaced', () => {
    let checked = 0;
    for (const [en] of pairs) {
      const words = [...en.matchAll(/[\p{L}]+/gu)];
      if (words.length < 8) continue;
      const w = words[Math.floor(words.length / 2)];
      const altered = en.slice(0, w.index) + 'xylophone' + en.slice(w.index! + w[0].length);
      const m = ask(altered)!;
      expect(m, altered).not.toBeNull();
      expect(m.entry.source).toBe(en);
      const n = en.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)!.length;
      expect(m.percent).toBe(Math.floor(100 * (1 - 1 / n)));
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('counts case and punctuation differences as 99%, not as human-identical', () => {
    const [en] = pairs[10];
    expect(ask(en.toUpperCase().replace(/[.,;]$/, ''))!.percent).toBe(99);
  });

  it('substitutes a differing number in the stored target', () => {
    const local = tmProvider([{ a: { lang: 'en', text: 'The meeting lasted 3 hours on 14 August.' }, b: { lang: 'ru', text: 'Встреча 14 августа длилась 3 часа.' }, ref: 'x' }]);
    const m = local.lookup({ id: '1', text: 'The meeting lasted 5 hours on 14 August.', srcLang: 'en', tgtLang: 'ru' })!;
    expect(m.target).toBe('Встреча 14 августа длилась 5 часа.');
    expect(m.percent).toBe(99);
    expect(m.substitutions).toEqual([{ kind: 'number', from: '3', to: '5' }]);
  });

  it('answers in the reverse direction from the same units and refuses unrelated text', () => {
    const [en, ru] = pairs[3];
    const back = tm.lookup({ id: 'r', text: ru, srcLang: 'ru', tgtLang: 'en' })!;
    expect(back.target).toBe(en);
    expect(ask('Completely unrelated words about football and weather today')).toBeNull();
  });

  it('keeps the best candidates even when many share common words', () => {
    const memory = TranslationMemory.build(pairs.map(([source, target]) => ({ source, target })));
    const [en] = pairs[20];
    const found = memory.search(en, 0.3, 3);
    expect(found[0].score).toBe(1);
    expect(memory.entries[found[0].entry].source).toBe(en);
    for (let i = 1; i < found.length; i++) expect(found[i].score).toBeLessThanOrEqual(found[i - 1].score);
  });
});
