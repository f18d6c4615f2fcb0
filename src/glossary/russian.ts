// Russian inflection for glossary terms. Two strategies, measured by `npm run eval:glossary`:
//  - 'paradigm' (default): each term word's declension class is read from its ending, gender and
//    capitalisation, and its case forms are generated. A surface matches only a form of the SAME
//    paradigm, so Тихановская (f: -ая/-ой/-ую/-ою) never meets Тихановский (m: -ий/-ого/-ому/-им/-ом)
//    and Минск (noun) never meets Минский (adjective).
//  - 'snowball': the Snowball Russian stemmer (snowball-stemmers); word matches when stems are equal.
//    It conflates namesakes and noun/adjective pairs (тихановская = тихановский = "тихановск"), which is
//    why it is only kept as the baseline the paradigm strategy is measured against.
//  - az (OpenCorpora, pymorphy2-style) lemmas were measured once through the function form of the
//    strategy: precision 0.950, recall 0.731 on the Russian eval paragraphs (Тихановская → тихановский,
//    Гродно → гродный), so it is not a dependency. See docs/glossary.md.
import { createRequire } from 'node:module';

// snowball-stemmers ships no type declarations; this is the whole surface we use.
const snowball = createRequire(import.meta.url)('snowball-stemmers') as { newStemmer(name: string): { stem(w: string): string } };

/** 'paradigm', 'snowball', or any word → lemma/stem function (for measuring other analysers). */
export type RussianStrategy = 'paradigm' | 'snowball' | ((word: string) => string);

export interface WordInfo {
  gender?: 'f' | 'm' | 'n';
  indeclinable?: boolean;
  /** True when the word is the last word of a person's name, i.e. a surname paradigm applies. */
  surname?: boolean;
  /**
   * True when the word comes before the last word of a name that is no person's (Центральна виборча
   * комісія): where its ending alone does not tell, it may be an adjective agreeing with the last.
   */
  modifier?: boolean;
}

const stemmer = snowball.newStemmer('russian');
export const snowballStem = (word: string): string => stemmer.stem(word.toLowerCase().replace(/ё/g, 'е'));

const HARD_VELAR = /[кгх]$/;
const HUSHING = /[жшчщц]$/;
/** The stem with each ending: a paradigm's forms (shared by the Belarusian forms and surname plurals). */
export const withStem = (stem: string, endings: string[]) => endings.map((e) => stem + e);

/**
 * Neuter nouns by their suffix: -ство (министерство, агентство), -ье (Поволжье; French surnames in
 * -ье, Оливье, stay indeclinable), -ище (училище).
 */
const NEUTER_NOUN = /(?:ство|ье|ище)$/;

/**
 * What a word in -ие is, by the stem before it: a noun after a consonant no adjective stem ends in
 * (развитие, условие) and after -ен-/-ан-/-ян- (положение, здание, состояние); an adjective after
 * к/г/х (русские) and after -нн-/-дн-/-тн-/-ин- (внутренние, последние, синие); after ж/ч/ш/щ either
 * (оружие, общие), but for -ичие (наличие, различие).
 */
export function nounInIe(stem: string): 'noun' | 'adjective' | 'either' {
  if (/[кгх]$/.test(stem)) return 'adjective';
  if (stem.endsWith('н')) return /[еаяёо]н$/.test(stem) ? 'noun' : 'adjective';
  if (/[жчшщ]$/.test(stem)) return stem.endsWith('ич') ? 'noun' : 'either';
  return /[бвдзлмпрстф]$/.test(stem) ? 'noun' : 'adjective';
}

/** Every case form (singular; plural for common nouns) of one Russian word, lowercased. */
export function russianForms(word: string, info: WordInfo = {}): string[] {
  const w = word.toLowerCase();
  const capital = word[0] !== w[0];
  const acronym = word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
  if (info.indeclinable || !/^[\u0400-\u04FF-]+$/.test(w) || w.length < 3 && !acronym) return [w];
  if (acronym) {
    // МАЗ → МАЗа, МАЗе: read as a word, a masculine acronym ending in a consonant declines; others do not.
    return info.gender === 'm' && /[бвгджзклмнпрстфхцчшщ]$/.test(w) ? withStem(w, ['', 'а', 'у', 'ом', 'е']) : [w];
  }
  const stem2 = w.slice(0, -2), stem1 = w.slice(0, -1);
  // Adjectival declension: surnames like Тихановская/Тихановский and words like Минский, Центральная.
  if (w.endsWith('ая')) return withStem(stem2, ['ая', 'ой', 'ую', 'ою']);
  if (w.endsWith('яя')) return withStem(stem2, ['яя', 'ей', 'юю', 'ею']);
  if (w.endsWith('ый') || (w.endsWith('ой') && w.length > 4 && info.gender !== 'f')) return withStem(stem2, [w.slice(-2), 'ого', 'ому', 'ым', 'ом']);
  if (w.endsWith('ий') && (HARD_VELAR.test(stem2) || HUSHING.test(stem2))) {
    return HARD_VELAR.test(stem2) ? withStem(stem2, ['ий', 'ого', 'ому', 'им', 'ом']) : withStem(stem2, ['ий', 'его', 'ему', 'им', 'ем']);
  }
  if (w.endsWith('ое')) return withStem(stem2, ['ое', 'ого', 'ому', 'ым', 'ом']);
  // A neuter noun in -ие (положение, управление, развитие) before the plural adjectives in -ие it looks like.
  const ie = w.endsWith('ие') ? nounInIe(stem2) : undefined;
  if (ie === 'noun') return withStem(stem1, ['е', 'я', 'ю', 'ем', 'и']);
  if (ie === 'either') return withStem(stem1, ['е', 'я', 'ю', 'ем', 'и', 'х', 'м', 'ми']); // оружие or общие
  if (w.endsWith('ые') || w.endsWith('ие')) return withStem(stem2, [w.slice(-2), w[w.length - 2] + 'х', w[w.length - 2] + 'м', w[w.length - 2] + 'ми']);
  // Nouns.
  if (w.endsWith('ий')) return withStem(stem2, ['ий', 'ия', 'ию', 'ием', 'ии']); // Юрий, Валерий
  if (/[аеёоуыэюяи]й$/.test(w)) return withStem(stem1, ['й', 'я', 'ю', 'ем', 'е']); // Сергей, Николай
  if (w.endsWith('ия')) return withStem(stem2, ['ия', 'ии', 'ию', 'ией', 'иею']); // Мария, комиссия
  if (w.endsWith('я')) return withStem(stem1, ['я', 'и', 'е', 'ю', 'ей', 'ею']);
  if (w.endsWith('а')) {
    // Russian feminine surnames in -ова/-ева/-ина decline half-adjectivally: Колесниковой, Колесникову.
    if (capital && info.surname && /(ов|ев|ёв|ин|ын)а$/.test(w)) return withStem(stem1, ['а', 'ой', 'у', 'ою']);
    const gen = HARD_VELAR.test(stem1) || HUSHING.test(stem1) ? 'и' : 'ы';
    return withStem(stem1, ['а', gen, 'е', 'у', 'ой', 'ою']);
  }
  if (w.endsWith('ь')) {
    return info.gender === 'f' ? withStem(stem1, ['ь', 'и', 'ью']) : withStem(stem1, ['ь', 'я', 'ю', 'ем', 'е', 'и', 'ей']);
  }
  if (/[оеё]$/.test(w)) {
    // Proper names in -о/-е (Лукашенко, Гродно, Бабарико, Токио) are used indeclinably in modern Russian;
    // a capitalised word built with a Russian noun suffix is a common noun opening a name (Министерство
    // обороны, Агентство, Поволжье, Городище) and declines. Slavic places in -ово/-ино (Косово, Иваново)
    // decline by one norm and not by another: left as they are.
    if (capital && (info.surname || !NEUTER_NOUN.test(w))) return [w];
    if (w.endsWith('ье')) return withStem(stem1, ['е', 'я', 'ю', 'ем']); // Поволжье, в Поволжье
    // A soft stem (поле: поля, полем) or a hushing one (училище: училища, училищем) takes -ем.
    const soft = w.endsWith('е') && !HUSHING.test(stem1);
    return withStem(stem1, [w.slice(-1), soft ? 'я' : 'а', soft ? 'ю' : 'у', /[её]$/.test(w) ? 'ем' : 'ом', 'е']);
  }
  if (/[иуюэы]$/.test(w) || info.gender === 'f') return [w];
  // Consonant-final masculine: surnames in -ов/-ин take -ым in the instrumental, other nouns -ом.
  if (capital && info.surname && /(ов|ев|ёв|ин|ын)$/.test(w)) return withStem(w, ['', 'а', 'у', 'ым', 'е']);
  const instr = HUSHING.test(w) ? 'ем' : 'ом';
  // A proper name has no plural of its own (a surname's family plural is plural.ts's): «беларусам» is
  // "to Belarusians", not a form of Belarus spelled Беларус.
  const forms = withStem(w, capital ? ['', 'а', 'у', instr, 'е'] : ['', 'а', 'у', instr, 'е', 'ы', 'ов', 'ам', 'ами', 'ах']);
  // A given name with a fleeting vowel (Павел → Павла, Павлом) also gets its short-stem forms.
  if (capital && !info.surname && /[бвгдзклмнпрстфхцчшщ][еоё][клцн]$/.test(w)) {
    forms.push(...withStem(w.slice(0, -2) + w.slice(-1), ['а', 'у', 'ом', 'е']));
  }
  return forms;
}
