import { describe, expect, it } from 'vitest';
import { nameKey, nameSimilarity, normalize, romanizations, romanizeBelarusian, toCyrillic } from '../../src/glossary/index.ts';
import { entries, glossary, matcher } from './helpers.ts';

describe('nameKey', () => {
  it('keys one name alike across scripts and romanisations', () => {
    const keys = ['Лукашенко', 'Lukashenko', 'Lukashenka', 'Łukašenka', 'Лукашэнка'].map((w) => nameKey(w));
    expect(new Set(keys).size).toBe(1);
    expect(nameKey('Головченко')).toBe(nameKey('Halowchanka'));
    expect(nameKey('Гродно')).toBe(nameKey('Hrodna'));
  });

  it('keeps different names apart', () => {
    expect(nameKey('Лукашенко')).not.toBe(nameKey('Латушко'));
    expect(nameSimilarity('Lukashenko', 'Babariko')).toBeLessThan(0.6);
    expect(nameSimilarity('Svetlana Tikhanovskaya', 'Sviatlana Tsikhanouskaya')).toBeGreaterThan(0.8);
  });
});

describe('romanisation', () => {
  it('writes Belarusian in the three schemas used in the press', () => {
    expect(romanizeBelarusian('Ціханоўская', 'national')).toBe('Cichanoŭskaja');
    expect(romanizeBelarusian('Ціханоўская', 'bgn')).toBe('Tsikhanowskaya');
    expect(romanizeBelarusian('Святлана Ціханоўская', 'passport')).toBe('Sviatlana Tsikhanouskaya');
    expect(romanizeBelarusian('Аляксандр Лукашэнка', 'passport')).toBe('Aliaksandr Lukashenka');
  });

  it('gives every iuliia romanisation of a Russian term', () => {
    const all = romanizations('Тихановская', 'ru');
    expect(all).toEqual(expect.arrayContaining(['Tikhanovskaya', 'Tikhanovskaia', 'Tikhanovskaja', 'Tihanovskaja']));
    expect(all).not.toContain('Тихановская');
  });

  it('writes Ukrainian names in the 2010 national system and in BGN/PCGN, not by a Russian schema', () => {
    const all = romanizations('Андрій Садовий', 'uk');
    expect(all).toEqual(expect.arrayContaining(['Andrii Sadovyi', 'Andriy Sadovyy']));
    expect(romanizations('Євген Згурський', 'uk')).toContain('Yevhen Zghurskyi');
  });

  it('writes кс inside a word as x, as English newspapers do (Alexey, Maxim, Oxana), but not at its start', () => {
    expect(romanizations('Алексей', 'ru')).toContain('Alexey');
    expect(romanizations('Максим', 'ru')).toContain('Maxim');
    expect(romanizations('Оксана', 'ru')).toContain('Oxana');
    expect(romanizations('Ксения', 'ru')).not.toContain('Xeniya');
  });

  it('writes names as the German press does, from Russian (Duden) and from Belarusian', () => {
    expect(romanizations('Светлана Тихановская', 'ru')).toContain('Swetlana Tichanowskaja');
    expect(romanizations('Сергей Тихановский', 'ru')).toContain('Sergej Tichanowski');
    expect(romanizations('Александр Лукашенко', 'ru')).toContain('Alexandr Lukaschenko');
    expect(romanizations('Роман Головченко', 'ru')).toContain('Roman Golowtschenko');
    expect(romanizations('Елена', 'ru')).toContain('Jelena');
    expect(romanizeBelarusian('Святлана Ціханоўская', 'german')).toBe('Swjatlana Zichanouskaja');
    expect(romanizeBelarusian('Аляксандр Лукашэнка', 'german')).toBe('Aljaksandr Lukaschenka');
  });

  it('finds German-press spellings in text, each as its own person, and rewrites them to the house spelling', () => {
    const text = 'Tichanowskaja und Tichanowski, Lukaschenko und Zichanouskaja; Kolesnikowa wurde festgenommen.';
    expect(entries(text, 'de')).toEqual(['tsikhanouskaya:Tichanowskaja', 'tsikhanouski:Tichanowski', 'lukashenka:Lukaschenko',
      'tsikhanouskaya:Zichanouskaja', 'kalesnikava:Kolesnikowa']);
    expect(normalize('Swetlana Tichanowskaja sprach.', 'en', matcher, glossary).text).toBe('Sviatlana Tsikhanouskaya sprach.');
  });

  it('reads the press spelling that writes Belarusian ў as v (Tsikhanovskaya) as the Belarusian name', () => {
    expect(romanizeBelarusian('Святлана Ціханоўская', 'simplified')).toBe('Sviatlana Tsikhanovskaya');
    expect(entries('Svetlana Tsikhanovskaya met Tsikhanovski; Tikhanovsky too.', 'en'))
      .toEqual(['tsikhanouskaya:Svetlana Tsikhanovskaya', 'tsikhanouski:Tsikhanovski', 'tsikhanouski:Tikhanovsky']);
    expect(normalize('Tsikhanovskaya spoke.', 'en', matcher, glossary).text).toBe('Tsikhanouskaya spoke.');
  });

  it('back-transliterates Latin names into Russian Cyrillic', () => {
    expect(toCyrillic('Tsikhanouskaya')).toBe('Цихановская');
    expect(toCyrillic('Lukashenka')).toBe('Лукашенка');
    expect(toCyrillic('Tikhanovsky')).toBe('Тихановский');
    expect(toCyrillic('Cichanoŭskaja')).toBe('Цихановская');
  });
});
