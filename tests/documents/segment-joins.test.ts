// Abbreviations that go on, clause numbers, lettered list items and sentences that open with a number
// or a handle: the sentences are the held-out alignment probe's (scratch/probe-align) where it found them.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/documents/segment.ts';

const split = (text: string, locale = 'en') => splitSentences(text, locale).map((s) => s.text);

describe('abbreviations that never end a sentence', () => {
  it('goes on after approx., incl., i. e. before a capital', () => {
    expect(split('Our project requires a high-performance server, which alone costs approx. EUR 12,000, i.e. about 11% of the budget. Would it be acceptable?'))
      .toEqual(['Our project requires a high-performance server, which alone costs approx. EUR 12,000, i.e. about 11% of the budget.', 'Would it be acceptable?']);
    expect(split('Return all copies, incl. Annex 2 and the e. g. Minsk office files. Then stop.'))
      .toEqual(['Return all copies, incl. Annex 2 and the e. g. Minsk office files.', 'Then stop.']);
  });
  it('goes on after spaced pairs (в т. ч., т. е., т. н.) and напр., см. before a capital', () => {
    expect(split('В понедельник забастовку объявили рабочие нескольких государственных предприятий, в т. ч. Минского тракторного завода (МТЗ). МТЗ — одно из крупнейших предприятий.', 'ru'))
      .toEqual(['В понедельник забастовку объявили рабочие нескольких государственных предприятий, в т. ч. Минского тракторного завода (МТЗ).', 'МТЗ — одно из крупнейших предприятий.']);
    expect(split('Пришли все, т. е. Иван и Олег, напр. Смирнов из т. н. Координационного совета. Подробнее см. Приложение 2. Высота 5 см. Потом всё.', 'ru'))
      .toEqual(['Пришли все, т. е. Иван и Олег, напр. Смирнов из т. н. Координационного совета.', 'Подробнее см. Приложение 2.', 'Высота 5 см.', 'Потом всё.']);
  });
  it('keeps a dateline\'s abbreviated month with its source in brackets', () => {
    expect(split('МИНСК, 16 авг. (Tandem News) — В воскресенье в центре Минска собрались десятки тысяч человек. Милиция не вмешивалась.', 'ru'))
      .toEqual(['МИНСК, 16 авг. (Tandem News) — В воскресенье в центре Минска собрались десятки тысяч человек.', 'Милиция не вмешивалась.']);
  });
  it('still ends a sentence after abbreviations that may end one (Co., etc., г., ок.)', () => {
    expect(split('He works for Smith & Co. The firm is old. They sold pens, ink, etc. Then they closed.'))
      .toEqual(['He works for Smith & Co.', 'The firm is old.', 'They sold pens, ink, etc.', 'Then they closed.']);
    expect(split('Это было в 2020 г. Потом всё изменилось. Всё ок. Едем дальше. Это ок. 48 000 предложений.', 'ru'))
      .toEqual(['Это было в 2020 г.', 'Потом всё изменилось.', 'Всё ок.', 'Едем дальше.', 'Это ок. 48 000 предложений.']);
  });
});

describe('clause numbers', () => {
  it('keeps a clause number, also a multi-level or Roman one, with its clause', () => {
    expect(split('7.1. Each Party shall keep confidential all information received from the other Party. The receiving Party shall not disclose it.'))
      .toEqual(['7.1. Each Party shall keep confidential all information received from the other Party.', 'The receiving Party shall not disclose it.']);
    expect(split('8.1. Настоящий Договор вступает в силу с даты его подписания. 8.2. Каждая из Сторон вправе расторгнуть настоящий Договор.', 'ru'))
      .toEqual(['8.1. Настоящий Договор вступает в силу с даты его подписания.', '8.2. Каждая из Сторон вправе расторгнуть настоящий Договор.']);
    expect(split('IV. Obligations of the Parties\nII. Term and termination')).toEqual(['IV. Obligations of the Parties', 'II. Term and termination']);
  });
});

describe('lettered list items', () => {
  it('starts a sentence at "a)" / "а)" at a line\'s start, as at "(a)"', () => {
    expect(split('The obligations set out in Clause 7.1 shall not apply to information that:\na) is publicly available;\nb) was lawfully in the possession of the receiving Party.'))
      .toEqual(['The obligations set out in Clause 7.1 shall not apply to information that:', 'a) is publicly available;', 'b) was lawfully in the possession of the receiving Party.']);
    const items = ['Обязательства не распространяются на информацию, которая:', 'а) является общедоступной;', 'б) находилась в распоряжении Стороны.'];
    expect(split(items.join('\n'), 'ru')).toEqual(items);
    expect(split(items.join('\n').replace('а)', '(а)').replace('б)', '(б)'), 'ru'))
      .toEqual([items[0], '(а) является общедоступной;', '(б) находилась в распоряжении Стороны.']);
    // Inside a line, a lowercase word after a line break still goes on.
    expect(split('Workers walked\nout again.')).toEqual(['Workers walked out again.']);
  });
});

describe('sentences that open with a number, a handle, + or -', () => {
  it('breaks after an ordinary word', () => {
    expect(split('He left Minsk. 5 people came. It was cold. -5 degrees at night. Call the office. +380 is the code.'))
      .toEqual(['He left Minsk.', '5 people came.', 'It was cold.', '-5 degrees at night.', 'Call the office.', '+380 is the code.']);
    expect(split('Он уехал. @nexta написал об этом.', 'ru')).toEqual(['Он уехал.', '@nexta написал об этом.']);
  });
  it('does not break where the number goes on: after an abbreviation, a unit or a number', () => {
    const kept = ['See p. 5 and No. 5 of it, Fig. 2 and т. 2 too.', 'Read ст. 5 and approx. 12,000 euros.', 'He got 5 тыс. 300 руб. at once.',
      'Call tel. +375 17 123 45 67 now.', 'Item 1. 5 people came.'];
    for (const s of kept) expect(split(s, 'ru')).toEqual([s]);
  });
});
