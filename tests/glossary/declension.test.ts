// Case forms that the endings alone got wrong: the Ukrainian і/о alternation (Київ → Києва), Russian
// neuter nouns in -ие and -ство (положения, Министерства), the Belarusian ў that is a в (Кіева), the
// Belarusian stressed -о (Дняпра), and a full name marked indeclinable, whose given name still declines.
import { describe, expect, it } from 'vitest';
import { caseForms, createMatcher, normalize, parseGlossary } from '../../src/glossary/index.ts';

const PLACES = parseGlossary(`
entries:
  - id: kyiv
    type: place
    terms:
      - { text: Kyiv, lang: en, status: preferred }
      - { text: Київ, lang: uk, status: preferred }
      - { text: Кіеў, lang: be, status: preferred }
  - id: kharkiv
    type: place
    terms:
      - { text: Kharkiv, lang: en, status: preferred }
      - { text: Харків, lang: uk, status: preferred }
      - { text: Харкаў, lang: be, status: preferred }
  - id: dnipro
    type: place
    terms:
      - { text: Dnipro, lang: en, status: preferred }
      - { text: Дняпро, lang: be, status: preferred }
  - id: martial-law
    type: term
    terms:
      - { text: martial law, lang: en, status: preferred }
      - { text: военное положение, lang: ru, status: preferred }
  - id: defence-ministry
    type: organisation
    terms:
      - { text: Ministry of Defence, lang: en, status: preferred }
      - { text: Министерство обороны, lang: ru, status: preferred }
  - id: klitschko
    type: person
    gender: m
    terms:
      - { text: Vitali Klitschko, lang: en, status: preferred, shape: fullName }
      - { text: Виталий Кличко, lang: ru, status: preferred, shape: fullName, indeclinable: true }
`, 'places.yaml');
const matcher = createMatcher(PLACES);
const found = (text: string, lang: string) => matcher.find(text, lang).map((m) => `${m.entry}:${m.surface}`);

describe('Ukrainian names in -ів/-їв', () => {
  it('get their old о/е back when an ending opens the syllable', () => {
    expect(caseForms('Київ', 'uk')).toEqual(['київ', 'києва', 'києву', 'києвові', 'києвом', 'києві']);
    expect(caseForms('Харків', 'uk')).toEqual(['харків', 'харкова', 'харкову', 'харковові', 'харковом', 'харкові']);
    expect(caseForms('Львів', 'uk')).toContain('львові');
    expect(caseForms('Миколаїв', 'uk')).toContain('миколаєва');
    expect(caseForms('Бердичів', 'uk')).toContain('бердичева'); // е after a hushing consonant
    expect(found('Мер Києва прибув до Харкова; у Києві й Харкові тихо.', 'uk'))
      .toEqual(['kyiv:Києва', 'kharkiv:Харкова', 'kyiv:Києві', 'kharkiv:Харкові']);
  });

  it('but not in surnames of that type, nor in other words', () => {
    expect(caseForms('Іванів', 'uk', { surname: true, gender: 'm' })).toContain('іваніва');
    expect(caseForms('Берлін', 'uk')).toContain('берліна');
  });
});

describe('Russian neuter nouns', () => {
  it('in -ие decline as nouns, not as plural adjectives', () => {
    // In lower case, a common noun, with its plural (положений, положениях); capitalised, a name's word.
    expect(caseForms('положение', 'ru')).toEqual(['положение', 'положения', 'положению', 'положением', 'положении',
      'положений', 'положениям', 'положениями', 'положениях']);
    expect(caseForms('Управление', 'ru')).toEqual(['управление', 'управления', 'управлению', 'управлением', 'управлении']);
    expect(caseForms('внутренние', 'ru')).toEqual(['внутренние', 'внутренних', 'внутренним', 'внутренними']);
    expect(found('Депутаты проголосовали за продление военного положения.', 'ru')).toEqual(['martial-law:военного положения']);
  });

  it('with a noun suffix decline when capitalised; foreign and -ко names stay indeclinable', () => {
    expect(caseForms('Министерство', 'ru')).toEqual(['министерство', 'министерства', 'министерству', 'министерством', 'министерстве']);
    expect(caseForms('Поволжье', 'ru')).toEqual(['поволжье', 'поволжья', 'поволжью', 'поволжьем']);
    for (const name of ['Гродно', 'Осло', 'Токио', 'Косово']) expect(caseForms(name, 'ru')).toEqual([name.toLowerCase()]);
    expect(found('Представитель Министерства обороны сообщил; в Министерстве обороны подтвердили.', 'ru'))
      .toEqual(['defence-ministry:Министерства обороны', 'defence-ministry:Министерстве обороны']);
  });
});

describe('an indeclinable full name', () => {
  it('keeps its given name declining, and correct Russian is left as it is', () => {
    const text = 'Зеленский встретился с Виталием Кличко.';
    expect(found(text, 'ru')).toEqual(['klitschko:Виталием Кличко']);
    const out = normalize(text, 'ru', matcher, PLACES);
    expect(out.changes).toEqual([]);
    expect(out.text).toBe(text);
  });
});

describe('Belarusian', () => {
  it('reads a final ў as the stem\'s в', () => {
    expect(caseForms('Кіеў', 'be')).toEqual(['кіеў', 'кіева', 'кіеву', 'кіевам', 'кіеве']);
    expect(caseForms('Харкаў', 'be')).toEqual(['харкаў', 'харкава', 'харкаву', 'харкавам', 'харкаве']);
    expect(found('Удары нанеслі па Кіеве і Харкаве; з Кіева выехалі.', 'be'))
      .toEqual(['kyiv:Кіеве', 'kharkiv:Харкаве', 'kyiv:Кіева']);
  });

  it('writes -ы after ж ш ч ц р, always hard in Belarusian (Укрзалізніцы, not Укрзалізніці)', () => {
    expect(caseForms('Укрзалізніца', 'be')).toEqual(['укрзалізніца', 'укрзалізніцы', 'укрзалізніцу', 'укрзалізніцай', 'укрзалізніцой', 'укрзалізніцам']);
    expect(caseForms('рука', 'be')).toContain('рукі');
  });

  it('declines a name in stressed -о, not a borrowed common noun', () => {
    expect(caseForms('Дняпро', 'be')).toEqual(['дняпро', 'дняпра', 'дняпру', 'дняпром', 'дняпры']);
    expect(caseForms('метро', 'be')).toEqual(['метро']);
    expect(found('Мост праз Дняпро; на Дняпры, каля Дняпра.', 'be')).toEqual(['dnipro:Дняпро', 'dnipro:Дняпры', 'dnipro:Дняпра']);
  });
});
