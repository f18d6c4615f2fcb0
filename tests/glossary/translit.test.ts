import { describe, expect, it } from 'vitest';
import { nameKey, nameSimilarity, romanizations, romanizeBelarusian, toCyrillic } from '../../src/glossary/index.ts';

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

  it('back-transliterates Latin names into Russian Cyrillic', () => {
    expect(toCyrillic('Tsikhanouskaya')).toBe('Цихановская');
    expect(toCyrillic('Lukashenka')).toBe('Лукашенка');
    expect(toCyrillic('Tikhanovsky')).toBe('Тихановский');
    expect(toCyrillic('Cichanoŭskaja')).toBe('Цихановская');
  });
});
