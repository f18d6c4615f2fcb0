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
    const soft = /[кгхжшчцр]$/.test(stem1) ? 'і' : 'ы';
    // Men's names in -ка/-га take -у, not -цэ, in the dative/locative (Лукашэнку), which is listed anyway.
    return [...withStem(stem1, ['а', soft]), locative(stem1), ...withStem(stem1, ['у', 'ай', 'ой', 'ам'])]; // Лукашэнка, Калеснікава, Гродна, рада
  }
  if (w.endsWith('ь')) return info.gender === 'f' ? withStem(stem1, ['ь', 'і', 'ю']) : withStem(stem1, ['ь', 'я', 'ю', 'ем', 'і']);
  if (/[йў]$/.test(w)) return withStem(stem1, [w.slice(-1), 'я', 'ю', 'ем', 'і']);
  if (/[аеёіоуыэюя]$/.test(w) || info.gender === 'f') return [w];
  return [...withStem(w, ['', 'а', 'у', 'ам']), locative(w), w + (/[кгх]$/.test(w) ? 'і' : 'ы')]; // Мінск, Брэст, завод
}
