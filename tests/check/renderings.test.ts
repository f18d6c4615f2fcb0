// inconsistent-term on the shipped glossary, whose Russian names are listed as full names only: a
// back-transliterated surname renders the surname of the preferred full name, as normalisation writes it.
import { describe, expect, it } from 'vitest';
import { checkSegments } from '../../src/check/index.ts';
import { createMatcher, loadGlossaries } from '../../src/glossary/index.ts';
import { initI18n } from '../../src/i18n/index.ts';
import { batch } from './helpers.ts';

initI18n('en');
const glossary = await loadGlossaries([new URL('../../glossaries/belarus-2020.yaml', import.meta.url).pathname]);
const matcher = createMatcher(glossary);

describe('inconsistent-term with surnames implied by full names', () => {
  it('counts a back-transliterated surname (Цихановская) as the preferred surname, not the full name', () => {
    const segments = batch([
      ['a', 'en', 'Tsikhanouskaya spoke in Vilnius.', 'ru', 'Тихановская выступила в Вильнюсе.'],
      ['b', 'en', 'Tsikhanouskaya met diplomats.', 'ru', 'Тихановская встретилась с дипломатами.'],
      ['c', 'en', 'Tsikhanouskaya thanked Lithuania.', 'ru', 'Цихановская поблагодарила Литву.'],
    ]);
    expect(checkSegments(segments, glossary, matcher, { rules: ['inconsistent-term'] })).toEqual([]);
  });

  it('still reports a listed rendering that differs, naming what the segment used', () => {
    const segments = batch([
      ['a', 'en', 'Protests spread across Belarus.', 'ru', 'Протесты охватили Беларусь.'],
      ['b', 'en', 'Belarus has not seen such crowds.', 'ru', 'Беларусь не видела таких толп.'],
      ['c', 'en', 'People left Belarus.', 'ru', 'Люди уехали из Белоруссии.'],
    ]);
    const found = checkSegments(segments, glossary, matcher, { rules: ['inconsistent-term'] });
    expect(found.map((v) => `${v.segment} ${v.found} ${v.expected}`)).toEqual(['c Белоруссия Беларусь']);
  });
});
