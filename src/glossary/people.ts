// Telling personal names apart from other entries when a glossary does not say (TBX and CSV files
// usually do not): a person's surname alone is a mention, an organisation's last word is not.
import type { GlossaryEntry } from '../types.ts';
import { caseForms } from './forms.ts';
import { CYRILLIC, nameKey } from './translit.ts';

// Common East Slavic given names (Russian spelling; their romanisations are compared by nameKey).
const GIVEN = `Александр Алексей Анатолий Андрей Антон Аркадий Артём Борис Вадим Валентин Валерий Василий Виктор
Виталий Владимир Владислав Всеволод Вячеслав Геннадий Георгий Глеб Григорий Даниил Денис Дмитрий Евгений Егор
Иван Игорь Илья Кирилл Константин Леонид Максим Марк Михаил Никита Николай Олег Павел Пётр Роман Руслан Семён
Сергей Станислав Степан Тимофей Фёдор Юрий Ярослав Алеся Алла Анастасия Анна Ганна Антонина Валентина Валерия
Вера Вероника Виктория Галина Дарья Диана Евгения Екатерина Елена Елизавета Жанна Зоя Ирина Карина Ксения Лариса
Лидия Любовь Людмила Маргарита Марина Мария Марыя Надежда Наталья Нина Оксана Ольга Полина Светлана Святлана
Софья Тамара Татьяна Ульяна Юлия Яна Аляксандр Аляксей Сяргей Сергей Уладзімір Віктар Валер Мікалай Павал Раман
Зміцер Дзмітрый Юрый Ігар Максім Марыя Вольга Таццяна Алена Наталля Кацярына Ганна Алесь Янка Якуб Лявон
Францішак Зянон Уладзіслаў Станіслаў Вячаслаў Эдуард Ларыса Ірына Людміла Ніна Лідзія Вераніка Святлана Аляксей
Эмиль Эмилия Нина Лидия Яков Лев Матвей Арсений Тимур Рената Ангелина Милана Алина Кристина Эльвира
Андрэй Дзяніс Васіль Генадзь Алег Яўген Кірыл Міхаіл Пятро Арцём Віталь Вадзім Канстанцін Леанід Міхась Рыгор
Іван Ілья Юлія Дар'я Ксенія Вікторыя Галіна Лізавета Надзея Аксана`.split(/\s+/);
// The same in Ukrainian spelling, declined by Ukrainian grammar (Дмитро, Дмитра; Олена, Олени).
const GIVEN_UK = `Олександр Олексій Анатолій Андрій Антон Богдан Борис Вадим Валентин Валерій Василь Віктор Віталій
Володимир Владислав В'ячеслав Геннадій Георгій Григорій Данило Денис Дмитро Євген Іван Ігор Ілля Кирило Костянтин
Леонід Максим Михайло Микита Микола Назар Олег Остап Павло Петро Роман Руслан Семен Сергій Станіслав Степан Тарас
Тимофій Федір Юрій Ярослав Олена Ольга Оксана Наталія Тетяна Юлія Ірина Катерина Марія Ганна Світлана Людмила
Галина Вікторія Дарина Софія Анастасія Лариса Любов Надія Віра Ярослава Соломія Христина`.split(/\s+/);
const GIVEN_KEYS = new Set([...GIVEN, ...GIVEN_UK].map((n) => nameKey(n)));

// Endings of East Slavic surnames (Тихановская, Колесникова, Лукашенко, Бабарико, Латушка, Кавалёнак).
const SURNAME = /(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|ской|ко|ка|ич|ук|юк|ак|ёнак|енок|ых|их|ец|ян|швили|дзе)$/i;

/**
 * True when some term of the entry is two or three capitalised words that start with a known given
 * name, or a Cyrillic one whose last word has a surname ending (and no word is lower case).
 */
export function guessPerson(entry: GlossaryEntry): boolean {
  return entry.terms.some((t) => {
    const words = t.text.split(/\s+/);
    if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return false;
    return GIVEN_KEYS.has(nameKey(words[0])) || (CYRILLIC.test(t.text) && SURNAME.test(words.at(-1)!));
  });
}

/** True for a common given name in any script or romanisation (Pavel, Павлом is not: pass the lemma). */
export const isGivenName = (word: string) => GIVEN_KEYS.has(nameKey(word));

let givenForms: Map<string, string> | undefined;

/**
 * The given name a word is (its nominative's nameKey), or undefined: a Cyrillic case form («Андрея»,
 * «Андреем», «Дмитра» → андрей, дмитр…) or a nominative in any script or romanisation (Dmitry,
 * Wladimir). Built once, from the lists above: the Russian one in Russian grammar (its Belarusian
 * spellings decline alike enough for this), the Ukrainian one in Ukrainian grammar.
 */
export function givenNameOf(word: string): string | undefined {
  if (!givenForms) {
    const forms = new Map<string, string>();
    const add = (names: string[], lang: 'ru' | 'uk') => {
      for (const name of names) {
        const gender = /[аяї]$/.test(name) || /вь$|ов$/.test(name) ? 'f' : 'm';
        for (const form of caseForms(name, lang, { gender })) if (!forms.has(form.toLowerCase())) forms.set(form.toLowerCase(), nameKey(name));
      }
    };
    add(GIVEN, 'ru');
    add(GIVEN_UK, 'uk');
    givenForms = forms;
  }
  const lower = word.toLowerCase();
  const form = givenForms.get(lower);
  if (form !== undefined) return form;
  // The romanisations: nameKey is a chain of replacements, and the words before names repeat (The, In).
  let known = romanisedGiven.get(lower);
  if (known === undefined) {
    const key = nameKey(word);
    known = GIVEN_KEYS.has(key) ? key : null;
    if (romanisedGiven.size >= 50_000) romanisedGiven.clear();
    romanisedGiven.set(lower, known);
  }
  return known ?? undefined;
}
const romanisedGiven = new Map<string, string | null>();
