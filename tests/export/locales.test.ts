import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (lng: string) => JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${lng}/export.json`, import.meta.url), 'utf8'));

describe('export messages', () => {
  it('exist in English and Russian with the same keys and placeholders', () => {
    const en = load('en');
    const ru = load('ru');
    expect(Object.keys(ru).sort()).toEqual(Object.keys(en).sort());
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en)) {
      expect(vars(ru[key]), key).toEqual(vars(en[key]));
      expect(ru[key], key).toMatch(/[а-яё]/i);
    }
  });
});
