// Belarusian case forms for glossary terms, like russianForms but with Belarusian endings (akanye:
// Ціханоўскай, Лукашэнкі, Мінскам). Singular only; a simpler paradigm set than the Russian one.
import { withStem, type WordInfo } from './russian.ts';

// The dative/locative -е softens a hard stem-final consonant, and Belarusian spells the change (цеканне,
// дзеканне): Брэст → у Брэсце, завод → на заводзе, рада → радзе, рака → рацэ.
const SOFTENED: Record<string, string> = { т: 'це', д: 'дзе', к: 'цэ', г: 'зе', х: 'се' };
const locative = (stem: string) => (SOFTENED[stem.at(-1)!] ? stem.slice(0, -1) + SOFTENED[stem.at(-1)!] : stem + 'е');

export function belarusianForms(word: string, info: WordInfo = {}): string[] {
  const w = word.toLowerCase();
  const acronym = word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
  if (info.indeclinable || acronym || !/^[\u0400-\u04FF'’-]+$/.test(w) || w.length < 3) return [w];
  const stem2 = w.slice(0, -2), stem1 = w.slice(0, -1);
  if (w.endsWith('ая')) return withStem(stem2, ['ая', 'ай', 'ую', 'аю']); // Ціханоўская, Цэнтральная
  if (w.endsWith('яя')) return withStem(stem2, ['яя', 'яй', 'юю', 'яю']);
  if (/[кгх]і$/.test(w)) return withStem(stem1, ['і', 'ага', 'аму', 'ім']); // Ціханоўскі, Мінскі
  if (w.endsWith('ы') && w.length > 4) return withStem(stem1, ['ы', 'ага', 'аму', 'ым']); // трактарны
  if (w.endsWith('ія')) return withStem(stem2, ['ія', 'іі', 'ію', 'іяй']); // камісія
  if (w.endsWith('я')) return withStem(stem1, ['я', 'і', 'ю', 'яй', 'ёй']);
  if (w.endsWith('а')) {
    // After ж ш ч ц р, always hard in Belarusian, the genitive and the dative/locative are -ы (вуліцы,
    // Укрзалізніцы, душы, гары); after к г х the genitive is -і (рукі).
    if (/[жшчцр]$/.test(stem1)) return withStem(stem1, ['а', 'ы', 'у', 'ай', 'ой', 'ам']);
    const genitive = /[кгх]$/.test(stem1) ? 'і' : 'ы';
    // Men's names in -ка/-га take -у, not -цэ, in the dative/locative (Лукашэнку), which is listed anyway.
    return [...withStem(stem1, ['а', genitive]), locative(stem1), ...withStem(stem1, ['у', 'ай', 'ой', 'ам'])]; // Лукашэнка, Калеснікава, Гродна, рада
  }
  if (w.endsWith('ь')) return info.gender === 'f' ? withStem(stem1, ['ь', 'і', 'ю']) : withStem(stem1, ['ь', 'я', 'ю', 'ем', 'і']);
  if (w.endsWith('й')) return withStem(stem1, ['й', 'я', 'ю', 'ем', 'і']); // Мікалай, Андрэй
  // A final ў is the в of the stem closing the syllable, which an ending opens again: Кіеў → Кіева,
  // Харкаў → у Харкаве, Львоў → Львовам; a surname in -оў/-аў/-еў takes -ым (Ермакоў → Ермаковым).
  if (w.endsWith('ў') && info.gender !== 'f') {
    const v = stem1 + 'в';
    return [w, ...withStem(v, ['а', 'у', info.surname ? 'ым' : 'ам', 'е'])];
  }
  // A name in -о has it stressed (unstressed о is spelled а: Гродна, Токіа, Осла), and a native one
  // declines: Дняпро → Дняпра, Дняпром, у Дняпры (-ы after р and the hardened hushing consonants). Not
  // common nouns, where stressed -о is as often a loan that does not (метро, кіно), nor surnames (Клічко).
  const capital = word[0] !== w[0];
  if (capital && !info.surname && info.gender !== 'f' && /[бвгджзклмнпрстфхцчшў]о$/.test(w)) {
    const loc = /[ржшчц]$/.test(stem1) ? stem1 + 'ы' : locative(stem1);
    return [w, ...withStem(stem1, ['а', 'у', 'ом']), loc];
  }
  if (/[аеёіоуыэюя]$/.test(w) || info.gender === 'f') return [w];
  return [...withStem(w, ['', 'а', 'у', 'ам']), locative(w), w + (/[кгх]$/.test(w) ? 'і' : 'ы')]; // Мінск, Брэст, завод
}
