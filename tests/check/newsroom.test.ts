// Rules on the shipped glossary with copy as newsrooms write it: Russian names listed as full names only
// (a back-transliterated surname renders the preferred full name's surname), family plurals, hashtags.
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

describe('deprecated-term and missing-target-term on family plurals and hashtags', () => {
  const run = (rows: Parameters<typeof batch>[0]) => checkSegments(batch(rows), glossary, matcher, { rules: ['deprecated-term', 'missing-target-term'] })
    .map((v) => `${v.segment} ${v.rule} ${v.entry} ${v.found} -> ${v.expected?.join(' / ')}`);

  it('reports a deprecated family plural once and suggests the house-style plural', () => {
    expect(run([['p', 'ru', 'Тихановские поженились в 2004 году.', 'en', 'The Tikhanovskys married in 2004.']]))
      .toEqual(['p deprecated-term tsikhanouski Tikhanovskys -> Tsikhanouskis']);
    expect(run([['g', 'ru', 'Силовики Лукашенко задержали людей.', 'en', 'Lukashenko’s police detained people.']]))
      .toEqual(['g deprecated-term lukashenka Lukashenko’s -> Lukashenka']);
  });

  it('asks no translation of a hashtag kept as it is, but still of the name in the text', () => {
    expect(run([['h', 'en', 'Join us at #belarus and #minsk.', 'ru', 'Присоединяйтесь: #belarus и #minsk.']])).toEqual([]);
    expect(run([['t', 'en', 'Minsk marched (#minsk).', 'ru', 'Город вышел на марш (#minsk).']]))
      .toEqual(['t missing-target-term minsk Minsk -> Минск']);
  });

  it('asks no term for a name inside a compound adjective, but does for the name standing alone', () => {
    expect(run([['a', 'en', 'A Minsk-based lawyer said the Minsk Tractor Works staff had walked out.', 'ru', 'Минский адвокат сказал, что рабочие МТЗ ушли с работы.']])).toEqual([]);
    expect(run([['b', 'en', 'A lawyer in Minsk said the staff had walked out.', 'ru', 'Адвокат сказал, что рабочие ушли с работы.']]))
      .toEqual(['b missing-target-term minsk Minsk -> Минск']);
  });
});
