// Plural case forms of common nouns and adjectives in a glossary's terms (a terminology glossary, not
// a list of names): "polling stations", «на избирательных участках», «виборчих дільницях». A name has
// no plural of its own (a family's plural is plural.ts's), so only words written in lower case in the
// term get them. Regular endings only; where a form is uncertain (a genitive plural with a fleeting
// vowel: сестра → сестёр) it is left out rather than guessed.
import { nounInIe, withStem } from './russian.ts';

const VELAR_OR_HUSHING = /[кгхжшчщ]$/;
const VOWEL_THEN_CONSONANT = /[аеёиоуыэюя][бвгджзклмнпрстфхцчшщ]$/;

/** Russian plural forms of a lower-case word (its singular forms are russianForms'). */
export function russianPlurals(w: string): string[] {
  const stem2 = w.slice(0, -2), stem1 = w.slice(0, -1);
  // Adjectives, any gender: избирательный/-ая/-ое → избирательные, -ых, -ым, -ыми; русский → русские.
  if (/(?:ый|ой|ая|ое|ий)$/.test(w) && (!w.endsWith('ий') || VELAR_OR_HUSHING.test(stem2))) {
    const e = VELAR_OR_HUSHING.test(stem2) ? 'и' : 'ы';
    return withStem(stem2, [e + 'е', e + 'х', e + 'м', e + 'ми']);
  }
  if (w.endsWith('ия')) return withStem(stem2, ['ии', 'ий', 'иям', 'иями', 'иях']); // комиссия
  // положение → положений, положениям; a plural adjective in -ие (внутренние) has its forms already.
  if (w.endsWith('ие')) return nounInIe(stem2) === 'noun' ? withStem(stem2, ['ия', 'ий', 'иям', 'иями', 'иях']) : [];
  if (/(?:ые)$/.test(w)) return [];
  if (w.endsWith('я')) return withStem(stem1, ['и', 'ям', 'ями', 'ях']); // неделя
  if (w.endsWith('а')) {
    // улица → улицы, улиц, улицам; the bare genitive only after one consonant (сестра → сестёр).
    const gen = VELAR_OR_HUSHING.test(stem1) ? 'и' : 'ы';
    return [...withStem(stem1, [gen, 'ам', 'ами', 'ах']), ...(VOWEL_THEN_CONSONANT.test(stem1) ? [stem1] : [])];
  }
  if (w.endsWith('ь')) return withStem(stem1, ['и', 'ей', 'ям', 'ями', 'ях']); // область, приговор… 
  if (/[ое]$/.test(w)) {
    const soft = w.endsWith('е') && !/[жшчщц]$/.test(stem1);
    return withStem(stem1, soft ? ['я', 'ей', 'ям', 'ями', 'ях'] : ['а', 'ам', 'ами', 'ах', ...(VOWEL_THEN_CONSONANT.test(stem1) ? [''] : [])]);
  }
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(w)) {
    // Masculine nouns; one in -ок/-ек may drop its vowel (участок → участка, участки): both are given.
    const stems = /[бвгджзклмнпрстфхцчшщ][оеё]к$/.test(w) ? [w, w.slice(0, -2) + 'к'] : [w];
    return stems.flatMap((s) => withStem(s, [
      ...(s === w ? [] : ['а', 'у', 'ом', 'е']),
      VELAR_OR_HUSHING.test(s) ? 'и' : 'ы', /[жшчщ]$/.test(s) ? 'ей' : 'ов', 'ам', 'ами', 'ах']));
  }
  return [];
}

/** Ukrainian plural forms of a lower-case word: виборча → виборчі, -их, -им, -ими; дільниця → дільниці, -ям… */
export function ukrainianPlurals(w: string): string[] {
  const stem2 = w.slice(0, -2), stem1 = w.slice(0, -1);
  if (/(?:ий|а|е)$/.test(w) && /(?:ськ|цьк|зьк|н|ч|ж|ш|щ|в|л|т|д|р|к|г|х)$/.test(w.endsWith('ий') ? stem2 : stem1) && !w.endsWith('я')) {
    const stem = w.endsWith('ий') ? stem2 : stem1;
    // An adjective (виборча, державний) or a noun in -а (країна → країни): both sets, as the modifier rule does.
    return [...withStem(stem, ['і', 'их', 'им', 'ими']), ...(w.endsWith('а') ? withStem(stem1, ['и', 'ам', 'ами', 'ах']) : [])];
  }
  if (w.endsWith('я')) return withStem(stem1, ['і', 'ям', 'ями', 'ях']); // дільниця
  if (w.endsWith('ь')) return withStem(stem1, ['і', 'ей', 'ям', 'ями', 'ях']);
  if (/[бвгґджзклмнпрстфхцчшщ]$/.test(w)) return withStem(w, [/[жчшщ]$/.test(w) ? 'і' : 'и', 'ів', 'ам', 'ами', 'ах']);
  return [];
}

/** Belarusian plural forms of a lower-case word: выбарчы → выбарчыя, -ых, -ым, -ымі; участак → участкі, -аў… */
export function belarusianPlurals(w: string): string[] {
  const stem1 = w.slice(0, -1), stem2 = w.slice(0, -2);
  if (/[кгх]і$/.test(w)) return withStem(stem1, ['ія', 'іх', 'ім', 'імі']); // мінскі → мінскія
  if (/(?:ы|ая|ае)$/.test(w)) {
    const stem = w.endsWith('ы') ? stem1 : stem2;
    const e = /[кгх]$/.test(stem) ? 'і' : 'ы';
    return withStem(stem, [e + 'я', e + 'х', e + 'м', e + 'мі']);
  }
  if (w.endsWith('ія')) return withStem(stem2, ['іі', 'ій', 'іям', 'іямі', 'іях']); // камісія
  if (w.endsWith('я')) return withStem(stem1, ['і', 'ям', 'ямі', 'ях']);
  if (w.endsWith('а')) return withStem(stem1, [/[кгхжшчцр]$/.test(stem1) ? 'і' : 'ы', 'ам', 'амі', 'ах']); // рада → рады
  if (w.endsWith('ь')) return withStem(stem1, ['і', 'ей', 'ям', 'ямі', 'ях']); // вобласць → вобласці, -ей
  if (/[бвгджзклмнпрстфхцчшў]$/.test(w)) {
    const stems = /[бвгджзклмнпрстфхцчшў]ак$/.test(w) ? [w, w.slice(0, -2) + 'к'] : [w];
    return stems.flatMap((s) => withStem(s, [/[кгхжшчцр]$/.test(s) ? 'і' : 'ы', 'аў', 'ам', 'амі', 'ах']));
  }
  return [];
}

/** English plural of a lower-case word: station → stations, box → boxes, authority → authorities. */
export function englishPlural(w: string): string[] {
  if (/[^aeiou]y$/.test(w)) return [w.slice(0, -1) + 'ies'];
  if (/(?:s|x|z|ch|sh)$/.test(w)) return [w + 'es'];
  return [w + 's'];
}
