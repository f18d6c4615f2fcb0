// Two false alarms a held-out probe found: a place before a lower-case noun ("the Minsk region")
// rendered by an adjective (Минская область), and Russian targets that quote English.
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSegments, type RuleId } from '../../src/check/index.ts';
import { createMatcher, loadGlossaries, type Matcher } from '../../src/glossary/index.ts';
import { initI18n } from '../../src/i18n/index.ts';
import type { Glossary } from '../../src/types.ts';
import { batch } from './helpers.ts';

const BELARUS = new URL('../../glossaries/belarus-2020.yaml', import.meta.url).pathname;
let glossary: Glossary;
let matcher: Matcher;
const findings = (rows: Parameters<typeof batch>[0], rules: RuleId[]) =>
  checkSegments(batch(rows), glossary, matcher, { rules }).map((v) => `${v.segment} ${v.entry ?? v.found}`);

beforeAll(async () => {
  initI18n('en');
  glossary = await loadGlossaries([BELARUS]);
  matcher = createMatcher(glossary);
});

describe('missing-target-term: a place before a common noun', () => {
  it('counts an adjective built on the name, whatever the English capitalisation', () => {
    expect(findings([
      ['ru-low', 'en', 'Police detained dozens in the Minsk region overnight.', 'ru', 'Ночью в Минской области полиция задержала десятки человек.'],
      ['ru-cap', 'en', 'Police detained dozens in the Minsk Region overnight.', 'ru', 'Ночью в Минской области полиция задержала десятки человек.'],
      ['fortress', 'en', 'Lukashenka visited the Brest fortress.', 'ru', 'Лукашенко посетил Брестскую крепость.'],
      ['metro', 'en', 'The Minsk metro closed several stations.', 'ru', 'Минское метро закрыло несколько станций.'],
      ['homiel', 'en', 'Workers struck in the Homiel region.', 'ru', 'Рабочие бастовали в Гомельской области.'],
      ['hrodna', 'en', 'Strikes spread across the Hrodna region.', 'ru', 'Забастовки охватили Гродненскую область.'],
      ['uk', 'en', 'Police detained dozens in the Minsk region overnight.', 'uk', 'Уночі у Мінській області поліція затримала десятки людей.'],
      ['be', 'en', 'Police detained dozens in the Minsk region overnight.', 'be', 'Уначы ў Мінскай вобласці міліцыя затрымала дзясяткі людзей.'],
      ['be-hrodna', 'en', 'Strikes spread across the Hrodna region.', 'be', 'Забастоўкі ахапілі Гродзенскую вобласць.'],
    ], ['missing-target-term'])).toEqual([]);
  });

  it('still reports another place\'s adjective, a missing name, and an adjective for the city itself', () => {
    expect(findings([
      ['other-city', 'en', 'Police detained dozens in the Minsk region overnight.', 'ru', 'Ночью в Гомельской области полиция задержала десятки человек.'],
      ['dropped', 'en', 'Police detained dozens in the Minsk region overnight.', 'ru', 'Ночью в области полиция задержала десятки человек.'],
      ['city', 'en', 'Police detained dozens in Minsk.', 'ru', 'Минская полиция задержала десятки человек.'],
    ], ['missing-target-term'])).toEqual(['other-city minsk', 'dropped minsk', 'city minsk']);
  });
});

describe('wrong-language: quotations', () => {
  it('does not judge a Russian target by the English it quotes, nor call plain Russian Bulgarian', () => {
    expect(findings([
      ['tweet', 'en', 'Tsikhanouskaya tweeted in English: "We will win, Minsk is with us".', 'ru', 'Тихановская написала в твиттере по-английски: «We will win, Minsk is with us».'],
      ['bbc', 'en', 'A BBC journalist wrote that the police were beating people in central Minsk.', 'ru', 'Журналист BBC написал: «Police are beating people in central Minsk», — речь шла о центре Минска.'],
      ['kept', 'en', 'Tsikhanouskaya wrote: "I am proud of Belarusian women".', 'ru', 'Тихановская написала: «I am proud of Belarusian women».'],
      ['ascii', 'en', 'The embassy tweeted "We stand with the people of Belarus" on Sunday.', 'ru', 'В воскресенье посольство написало в твиттере "We stand with the people of Belarus".'],
    ], ['wrong-language'])).toEqual([]);
  });

  it('still finds a target in the wrong language around a quotation', () => {
    expect(findings([
      ['en', 'en', 'The workers shouted "Go away!" at the director.', 'ru', 'The workers shouted «Уходи!» at the factory director.'],
      ['be', 'en', 'Workers left the factory and shouted "Go away!".', 'ru', 'Рабочыя пакінулі завод і крычалі «Уходи!».'],
    ], ['wrong-language'])).toEqual(['en en', 'be be']);
  });
});

describe('wrong-language: Bulgarian declared as Russian', () => {
  it('is found by its spelling, a hard sign before a consonant, which Russian never writes', () => {
    expect(findings([
      ['bg', 'en', 'We will come back to this topic next week.', 'ru', 'Ще се върнем към тази тема следващата седмица.'],
      // Russian with ъ before a vowel, and a Bulgarian town's name: Russian.
      ['ru', 'en', 'The entrance was closed again in Veliko Tarnovo.', 'ru', 'Подъезд снова закрыли, как и в Велико Търново прошлой весной.'],
    ], ['wrong-language'])).toEqual(['bg bg']);
  });
});
