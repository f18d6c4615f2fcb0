import { describe, expect, it } from 'vitest';
import { applyChanges, createMatcher, normalize, revertChanges } from '../../src/glossary/index.ts';
import { glossary, matcher } from './helpers.ts';

const run = (text: string, lang = 'en') => normalize(text, lang, matcher, glossary);

describe('normalize', () => {
  it('rewrites deprecated and unlisted spellings to the preferred term of the same shape', () => {
    const r = run("Svetlana Tikhanovskaya met Lukashenko's envoy; later Tikhanovskaia and TIKHANOVSKAYA, and Sergei Tikhanovsky.");
    expect(r.text).toBe("Sviatlana Tsikhanouskaya met Lukashenka's envoy; later Tsikhanouskaya and TSIKHANOUSKAYA, and Siarhei Tsikhanouski.");
    expect(r.changes.map((c) => c.reason)).toEqual(['deprecated', 'deprecated', 'unlisted-variant', 'deprecated', 'deprecated']);
    expect(r.changes[1]).toMatchObject({ before: 'Lukashenko', after: 'Lukashenka', entry: 'lukashenka' });
  });

  it('capitalises a lower-case preferred term at the start of a sentence', () => {
    const g = { entries: [{ id: 'x', terms: [
      { text: 'polling station', lang: 'en', status: 'preferred' as const }, { text: 'voting point', lang: 'en', status: 'deprecated' as const }] }], sources: [] };
    const r = normalize('Voting point 12 opened; the voting point closed.', 'en', createMatcher(g), g);
    expect(r.text).toBe('Polling station 12 opened; the polling station closed.');
  });

  it('keeps preferred and admitted terms, hashtags and Russian inflected forms', () => {
    const text = 'The CEC and the Minsk Tractor Plant; #Lukashenko; Tsikhanouskaya.';
    expect(run(text)).toMatchObject({ text, changes: [] });
    const ru = 'Сторонники Тихановской, Белоруссия, Лукашенко.';
    expect(run(ru, 'ru')).toMatchObject({ text: ru, changes: [] });
  });

  it('re-inflects deprecated Russian spellings into the same case', () => {
    expect(run('О Цихановской и Лукашенка писали.', 'ru').text).toBe('О Тихановской и Лукашенко писали.');
  });

  it('records changes with offsets into the original, reversibly', () => {
    const text = 'In Grodno, Roman Golovchenko and GRODNO AZOT.';
    const r = run(text);
    expect(r.text).toBe('In Hrodna, Raman Halouchanka and HRODNA AZOT.');
    for (const c of r.changes) expect(text.slice(c.start, c.end)).toBe(c.before);
    for (const m of r.sourceMatches) expect(text.slice(m.start, m.end)).toBe(m.surface);
    for (const m of r.matches) expect(r.text.slice(m.start, m.end)).toBe(m.surface);
    expect(r.matches.map((m) => m.surface)).toEqual(['Hrodna', 'Raman Halouchanka', 'HRODNA AZOT']);
    expect(applyChanges(text, r.changes)).toBe(r.text);
    expect(revertChanges(r.text, r.changes)).toBe(text);
  });

  it('refuses to revert changes that do not fit the text', () => {
    const r = run('Lukashenko spoke.');
    expect(() => revertChanges('Somebody spoke.', r.changes)).toThrow();
  });
});
