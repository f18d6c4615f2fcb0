// Cases an editor meets in real copy: a group's name that is also a common word, deprecated spellings
// of an indeclinable name in oblique cases, and names broken over a line or held by a no-break space.
import { describe, expect, it } from 'vitest';
import { applyChanges, createMatcher, normalize, parseGlossary, revertChanges } from '../../src/glossary/index.ts';
import { glossary, matcher } from './helpers.ts';

const viasna = parseGlossary(`entries:
  - id: viasna
    type: organisation
    terms:
      - { text: Viasna, lang: en, status: preferred }
      - { text: Vesna, lang: en, status: deprecated }
      - { text: Весна, lang: ru, status: preferred }
  - id: lukashenka
    type: person
    terms:
      - { text: Lukashenka, lang: en, status: preferred }
      - { text: Lukashenko, lang: en, status: deprecated }
`, 'viasna.yaml');
const viasnaMatcher = createMatcher(viasna);
const found = (text: string, lang: string) => viasnaMatcher.find(text, lang).map((m) => `${m.entry}:${m.surface}`);

describe('a named group that is also a common word', () => {
  it('is the group only when capitalised; people and hashtags match in any case', () => {
    expect(found('Этой весной правозащитный центр «Весна» сообщил, что весна выдалась тревожной; «Весны» нет в списке.', 'ru'))
      .toEqual(['viasna:Весна', 'viasna:Весны']);
    expect(found('ВЕСНА СООБЩИЛА О ЗАДЕРЖАНИЯХ #весна', 'ru')).toEqual(['viasna:ВЕСНА', 'viasna:весна']);
    expect(found('vesna in spring; Vesna said so; lukashenko out', 'en')).toEqual(['viasna:Vesna', 'lukashenka:lukashenko']);
    expect(normalize('Vesna said so; vesna is spring.', 'en', viasnaMatcher, viasna).text).toBe('Viasna said so; vesna is spring.');
    // A name written as a domain is written in lower case as often.
    expect(matcher.find('The portal tut.by reported it; TUT.BY confirmed.', 'en').map((m) => m.surface)).toEqual(['tut.by', 'TUT.BY']);
  });
});

describe('house-style rewrites', () => {
  const run = (text: string, lang = 'en') => {
    const r = normalize(text, lang, matcher, glossary);
    expect(applyChanges(text, r.changes)).toBe(r.text);
    expect(revertChanges(r.text, r.changes)).toBe(text);
    for (const c of r.changes) expect(text.slice(c.start, c.end)).toBe(c.before);
    for (const m of r.matches) expect(r.text.slice(m.start, m.end)).toBe(m.surface);
    return r;
  };

  it('puts an indeclinable preferred name for a deprecated one in any case', () => {
    const r = run('Силовики Лукашенки, верные Лукашенке, и встреча с Лукашенкой, о Цихановской.', 'ru');
    expect(r.text).toBe('Силовики Лукашенко, верные Лукашенко, и встреча с Лукашенко, о Тихановской.');
    expect(r.changes.map((c) => `${c.before}>${c.after}`)).toEqual(['Лукашенки>Лукашенко', 'Лукашенке>Лукашенко', 'Лукашенкой>Лукашенко', 'Цихановской>Тихановской']);
  });

  it('keeps a line break or no-break space between the words of a rewritten name', () => {
    const r = run('Svetlana\nTikhanovskaya met Alexander\u00a0Lukashenko’s envoy and Roman Golovchenko.');
    expect(r.text).toBe('Sviatlana\nTsikhanouskaya met Aliaksandr\u00a0Lukashenka’s envoy and Raman Golovchenko.'.replace('Golovchenko', 'Halouchanka'));
  });

  it('keeps each word\'s case when a full name mixes them (an agency style: given name, SURNAME)', () => {
    const g = parseGlossary(`entries:
  - id: zelenskyy
    type: person
    gender: m
    terms:
      - { text: Volodymyr Zelenskyy, lang: en, status: preferred }
      - { text: Vladimir Zelensky, lang: en, status: deprecated }
`, 'mixed-case.yaml');
    const text = 'Vladimir ZELENSKY arrived. VLADIMIR ZELENSKY came. vladimir zelensky left.';
    const r = normalize(text, 'en', createMatcher(g), g);
    expect(r.text).toBe('Volodymyr ZELENSKYY arrived. VOLODYMYR ZELENSKYY came. volodymyr zelenskyy left.');
    expect(revertChanges(r.text, r.changes)).toBe(text);
  });

  it('rewrites a double surname whole, alone and in the full name, in any case pattern', () => {
    const g = parseGlossary(`entries:
  - id: kavalchuk
    type: person
    gender: f
    terms:
      - { text: Alena Kavalchuk-Lebedzeva, lang: en, status: preferred }
      - { text: Alena Kovalchuk-Lebedeva, lang: en, status: deprecated }
      - { text: Алёна Ковальчук-Лебедева, lang: ru, status: preferred }
`, 'double.yaml');
    const m = createMatcher(g);
    const text = 'Alena Kovalchuk-Lebedeva resigned; Kovalchuk-Lebedeva’s deputy stayed. KOVALCHUK-LEBEDEVA QUITS.';
    const r = normalize(text, 'en', m, g);
    expect(r.text).toBe('Alena Kavalchuk-Lebedzeva resigned; Kavalchuk-Lebedzeva’s deputy stayed. KAVALCHUK-LEBEDZEVA QUITS.');
    expect(revertChanges(r.text, r.changes)).toBe(text);
    expect(m.find('Ковальчук-Лебедевой сочувствуют.', 'ru').map((x) => x.surface)).toEqual(['Ковальчук-Лебедевой']);
  });

  it('reads a full name in the grammar of its text: «Александр Лукашенка» is no Russian form of Лукашенко', () => {
    // Ukrainian declines Лукашенко (Олександра Лукашенка); in Russian the name is indeclinable and
    // Лукашенка is the deprecated Belarusian-based spelling, which the full name hid from check.
    const ru = normalize('Александр Лукашенка отказался.', 'ru', matcher, glossary);
    expect(ru.changes.map((c) => `${c.before}>${c.after}`)).toEqual(['Лукашенка>Лукашенко']);
    expect(ru.text).toBe('Александр Лукашенко отказался.');
    const uk = normalize('Олександра Лукашенка не було.', 'uk', matcher, glossary);
    expect(uk.changes).toEqual([]);
    expect(uk.matches.map((m) => `${m.entry}:${m.surface}`)).toEqual(['lukashenka:Олександра Лукашенка']);
  });

  it('finds and rewrites names with a soft hyphen or word joiner inside, as news pages and Word write them', () => {
    const r = run('Tikhanov\u00ADskaya met Lukashen\u00ADko and Gol\u2060ovchenko in Grodno\u200B.');
    expect(r.text).toBe('Tsikhanouskaya met Lukashenka and Halouchanka in Hrodna\u200B.');
    expect(r.changes.map((c) => c.before)).toEqual(['Tikhanov\u00ADskaya', 'Lukashen\u00ADko', 'Gol\u2060ovchenko', 'Grodno']);
    expect(matcher.find('Тихановс\u00ADкой', 'ru').map((m) => m.entry)).toEqual(['tsikhanouskaya']);
  });
});
