// Apertium end to end (apertium, apertium-bel-rus and apertium-rus-ukr are installed by .ci/run): a Belarusian
// paragraph written for this test goes through the real engine with glossary enforcement.
import { describe, expect, it } from 'vitest';
import { createProviderChain } from '../../src/translate/index.ts';
import type { Glossary, TermStatus } from '../../src/types.ts';

const entry = (id: string, be: string, ru: string, extra: object = {}) => ({ id, terms: [
  { text: be, lang: 'be', status: 'preferred' as TermStatus }, { text: ru, lang: 'ru', status: 'preferred' as TermStatus, ...extra }] });
const glossary: Glossary = { sources: [], entries: [entry('minsk', 'Мінск', 'Минск'), entry('tikhanovskaya', 'Ціханоўская', 'Тихановская'),
  entry('lithuania', 'Літва', 'Литва'), entry('grodno', 'Гродна', 'Гродно', { indeclinable: true })] };

const PARAGRAPH = 'Беларусь — краіна ва Усходняй Еўропе. Яе сталіца — Мінск, а іншыя буйныя гарады — Гомель, Магілёў, Віцебск, '
  + 'Гродна і Брэст. У жніўні 2020 года ў краіне прайшлі прэзідэнцкія выбары, пасля якіх тысячы людзей выйшлі на вуліцы. '
  + 'Святлана Ціханоўская была вымушана выехаць у Літву. Падрабязнасці на https://example.by/navіny?id=7 і ў #Гродна.';

describe('apertium provider (bel-rus)', () => {
  it('translates a Belarusian paragraph into Russian with the glossary enforced', async () => {
    const p = await createProviderChain([{ type: 'apertium' }], { glossary });
    // One run of the engine for several segments (Apertium is slow to start): order is kept.
    const short = ['Добры дзень.', 'Мінск — сталіца.', 'Я жыву ў Гомелі.'];
    const [r, ...rest] = await p.translate([PARAGRAPH, ...short].map((text, i) => ({ id: String(i), text, srcLang: 'be', tgtLang: 'ru' })));
    expect(rest.map((x) => x!.text)).toEqual(['Хороший день.', 'Минск — столица.', 'Я живу в Гомеле.']);
    expect(r).not.toBeNull();
    expect(r!.origin).toBe('mt');
    expect(r!.detail).toMatchObject({ provider: 'apertium', engine: 'apertium bel-rus' });
    const text = r!.text;
    // Real translation, not a copy: Russian words for Belarusian ones.
    expect(text).toContain('Восточной Европе');
    expect(text).toMatch(/\bи\b|(?<!\p{L})и(?!\p{L})/u);
    // Glossary terms in their preferred Russian form; Apertium does not know Ціханоўская at all.
    expect(text).toContain('Минск');
    expect(text).toContain('Гродно');
    expect(text).toContain('Тихановская');
    // The engine's own inflection is kept where it produced an allowed form of the term.
    expect(text).toContain('в Литву');
    // URLs and hashtags are never translated; unknown-word marks are gone and reported instead.
    expect(text).toContain('https://example.by/navіny?id=7');
    expect(text).toContain('#Гродна');
    expect(text).not.toMatch(/(?<![\p{L}\p{N}])\*\p{L}/u);
    const unknown = (r!.detail!.unknownWords as string[]) ?? [];
    const stillBelarusian = text.replace(/https:\S+|#\S+/g, '').match(/\p{L}*[іўІЎ]\p{L}*/gu) ?? [];
    for (const word of stillBelarusian) expect(unknown).toContain(word);
    expect(r!.score!).toBeGreaterThan(0.8);
    expect(r!.score!).toBeLessThan(1);
  });

  it('translates the other segments of a chunk when one word makes the mode drop its whole output', async () => {
    // Debian's ukr-rus mode prints nothing at all for input holding «лист» (its tagger data is
    // Russian's): the two other sentences came back empty with it.
    const p = await createProviderChain([{ type: 'apertium' }], {});
    const texts = ['Бібліотека знову відкрилася.', 'За однією з полиць вони знайшли лист.', 'Вхід вільний.'];
    const out = await p.translate(texts.map((text, i) => ({ id: String(i), text, srcLang: 'uk', tgtLang: 'ru' })));
    expect(out[0]?.text).toBe('Библиотека снова открылась.');
    expect(out[2]?.text).toMatch(/^Вход /);
  });

  it('has nothing for pairs Apertium does not have, and says clearly when apertium is missing', async () => {
    const p = await createProviderChain([{ type: 'apertium' }], {});
    expect(await p.translate([{ id: '1', text: 'Hello world.', srcLang: 'en', tgtLang: 'ja' }])).toEqual([null]);
    await expect(createProviderChain([{ type: 'apertium', command: '/nonexistent/apertium' }], {})).rejects.toThrow(/lists no language pairs/);
  });
});
