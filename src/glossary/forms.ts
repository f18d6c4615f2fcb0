// The case forms of a Cyrillic word in the grammar of its term's language: Belarusian and Ukrainian
// have their own endings (Ціханоўскай, Тихановської); every other language is read as Russian.
import type { Lang } from '../types.ts';
import { belarusianForms } from './belarusian-forms.ts';
import { belarusianPlurals, englishPlural, russianPlurals, ukrainianPlurals } from './common-plurals.ts';
import { russianForms, type WordInfo } from './russian.ts';
import { primaryLang } from './translit.ts';
import { ukrainianForms } from './ukrainian-forms.ts';

export function caseForms(word: string, lang: Lang, info: WordInfo = {}): string[] {
  const primary = primaryLang(lang);
  // A word written in lower case in its term is a common noun or adjective of a terminology glossary,
  // and has plural forms too (names are capitalised; a family's plural is plural.ts's).
  const common = word === word.toLowerCase() && !info.surname && !info.indeclinable;
  if (!CYRILLIC_WORD.test(word)) return common && primary === 'en' && !info.modifier ? [word, ...englishPlural(word)] : [word.toLowerCase()];
  const forms = primary === 'be' ? belarusianForms(word, info) : primary === 'uk' ? ukrainianForms(word, info) : russianForms(word, info);
  if (!common) return forms;
  const plurals = primary === 'be' ? belarusianPlurals(forms[0]) : primary === 'uk' ? ukrainianPlurals(forms[0]) : russianPlurals(forms[0]);
  for (const f of plurals) if (!forms.includes(f)) forms.push(f);
  return forms;
}

const CYRILLIC_WORD = /[\u0400-\u04FF]/;

/**
 * What decides the paradigm of a term's word besides its language: the term's gender and
 * declinability, and the word's place in the term (the last word of a person's name is a surname;
 * a word before the last of any other name may be an adjective). Matching and normalisation ask
 * alike, so that a found form and the preferred term's decline by one paradigm.
 * A person's name marked indeclinable has an indeclinable surname: the given name and patronymic
 * still decline («Виталием Кличко», not «Виталий Кличко» in the instrumental).
 */
export function wordInfo(term: { gender?: 'f' | 'm' | 'n'; indeclinable?: boolean }, index: number, words: number,
  person: boolean): WordInfo {
  const surname = person && index === words - 1;
  return { gender: term.gender, indeclinable: term.indeclinable && (surname || !person), surname,
    modifier: !person && index < words - 1 };
}
