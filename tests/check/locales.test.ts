// check's messages exist in both languages: the same keys (plural forms aside) in en and ru.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const load = (lng: string) => JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${lng}/check.json`, import.meta.url), 'utf8'));
function keys(node: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === 'object' && v !== null
    ? keys(v as Record<string, unknown>, `${prefix}${k}.`)
    : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]));
}

describe('check messages', () => {
  it('have the same keys in English and Russian', () => {
    expect([...new Set(keys(load('ru')))].sort()).toEqual([...new Set(keys(load('en')))].sort());
  });

  it('are translated, not copied', () => {
    const en = load('en');
    const ru = load('ru');
    for (const rule of ['missing-target-term', 'deprecated-term', 'inconsistent-term', 'wrong-language', 'glossary-lint']) {
      expect(ru.rule[rule].title).not.toBe(en.rule[rule].title);
      expect(ru.rule[rule].title).toMatch(/\p{Script=Cyrillic}/u);
    }
  });
});
