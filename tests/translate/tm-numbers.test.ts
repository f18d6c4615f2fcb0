// Numbers as placeables: signs, the target's own writing of numbers, and figures the source lacks.
import { describe, expect, it } from 'vitest';
import { tmProvider } from '../../src/translate/tm/provider.ts';
import { formatNumber, numberStyle, numberValue, numbersIn } from '../../src/translate/tm/numbers.ts';
import type { TmUnit } from '../../src/translate/tm/load.ts';

const memory = (pairs: Array<[string, string]>) =>
  tmProvider(pairs.map(([en, ru], i): TmUnit => ({ a: { lang: 'en', text: en }, b: { lang: 'ru', text: ru }, ref: `m#${i}` })), { minMatch: 75 });
const ask = (pairs: Array<[string, string]>, text: string) => memory(pairs).lookup({ id: 'q', text, srcLang: 'en', tgtLang: 'ru' })!;

describe('numbers in memory matches', () => {
  it('treats a minus sign as part of the number: -5 → 5 is substituted, not kept', () => {
    const m = ask([['The temperature was -5 degrees at night in the valley.', 'Ночью в долине было -5 градусов.']],
      'The temperature was 5 degrees at night in the valley.');
    expect(m.target).toBe('Ночью в долине было 5 градусов.');
    expect(m.substitutions).toEqual([{ kind: 'number', from: '-5', to: '5' }]);
    const back = ask([['It was 5 degrees in the valley at night today.', 'Ночью в долине было 5 градусов.']],
      'It was −7 degrees in the valley at night today.');
    expect(back.target).toBe('Ночью в долине было −7 градусов.');
  });

  it('keeps a hyphen or range dash out of the number (pages 5-6, COVID-19)', () => {
    expect(numbersIn('pages 5-6 and COVID-19', 'en').map((n) => n.raw)).toEqual(['5', '6', '19']);
    expect(numbersIn('было -5 и −3', 'ru').map((n) => n.value)).toEqual(['-5', '-3']);
  });

  it('writes a substituted number in the old target number\'s convention', () => {
    expect(ask([['The company hired 1200 new employees in the spring.', 'Весной компания наняла 1200 новых сотрудников.']],
      'The company hired 1,500 new employees in the spring.').target).toBe('Весной компания наняла 1500 новых сотрудников.');
    expect(ask([['Inflation reached 3.5% in the first quarter of the year.', 'В первом квартале года инфляция достигла 3,5%.']],
      'Inflation reached 4.2% in the first quarter of the year.').target).toBe('В первом квартале года инфляция достигла 4,2%.');
    expect(formatNumber('25000', numberStyle('12', 'ru'), '25,000', 'ru')).toBe('25\u00a0000');
  });

  it('knows "1,200" in English and "1 200" in Russian for one number, and substitutes it', () => {
    expect(numberValue('1,200', 'en')).toBe(numberValue('1 200', 'ru'));
    expect(numberValue('3.5', 'en')).toBe(numberValue('3,5', 'ru'));
    const m = ask([['The factory employs 1,200 workers.', 'На заводе работают 1 200 рабочих.']], 'The factory employs 1,500 workers.');
    expect(m.target).toBe('На заводе работают 1 500 рабочих.');
    expect(m.warnings).toEqual([]);
  });

  it('reads a Russian source\'s "1 200" as one number, a placeable like any other', () => {
    const ru = tmProvider([{ a: { lang: 'ru', text: 'На заводе работают 1 200 рабочих и 35 инженеров.' },
      b: { lang: 'en', text: 'The factory employs 1,200 workers and 35 engineers.' }, ref: 'm#0' }], { minMatch: 75 });
    const m = ru.lookup({ id: 'q', text: 'На заводе работают 1 500 рабочих и 35 инженеров.', srcLang: 'ru', tgtLang: 'en' })!;
    // One substituted number in an eight-token sentence: a placeable's point, not two edits.
    expect(m.target).toBe('The factory employs 1,500 workers and 35 engineers.');
    expect(m.substitutions).toEqual([{ kind: 'number', from: '1,200', to: '1,500' }]);
    expect(m.percent).toBeGreaterThanOrEqual(90);
  });

  it('warns when the target holds a number the source does not account for', () => {
    // Two 2s in the target: nothing to substitute honestly, so the old figure stays, with a warning.
    const m = ask([['Flight 2 departs from gate 2 at noon every day.', 'Рейс 2 вылетает от выхода 2 ежедневно в полдень.']],
      'Flight 3 departs from gate 2 at noon every day.');
    expect(m.warnings).toContain('number-unmatched');
    const ok = ask([['On 2 May 2020 the shop reopened after the lockdown.', '2 мая 2020 года магазин вновь открылся после карантина.']],
      'On 2 May 2020 the shop reopened after the quarantine.');
    expect(ok.warnings).toEqual([]);
  });
});
