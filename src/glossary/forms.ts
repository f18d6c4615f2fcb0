// The case forms of a Cyrillic word in the grammar of its term's language: Belarusian and Ukrainian
// have their own endings (Ціханоўскай, Тихановської); every other language is read as Russian.
import type { Lang } from '../types.ts';
import { belarusianForms } from './belarusian-forms.ts';
import { russianForms, type WordInfo } from './russian.ts';
import { primaryLang } from './translit.ts';
import { ukrainianForms } from './ukrainian-forms.ts';

export function caseForms(word: string, lang: Lang, info: WordInfo = {}): string[] {
  const primary = primaryLang(lang);
  return primary === 'be' ? belarusianForms(word, info) : primary === 'uk' ? ukrainianForms(word, info) : russianForms(word, info);
}
