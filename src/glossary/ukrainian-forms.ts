// Ukrainian case forms for glossary terms, like russianForms with Ukrainian endings: Тихановська →
// Тихановської, Тихановській, Тихановську, Тихановською; Мінськ → у Мінську, Мінськом; Лукашенко →
// Лукашенка, Лукашенкові (Ukrainian declines surnames in -о, unless the glossary marks them indeclinable).
// Singular, and the plural of surnames; a smaller paradigm set than the Russian one.
import { withStem, type WordInfo } from './russian.ts';

const HUSHING = /[жчшщ]$/;

export function ukrainianForms(word: string, info: WordInfo = {}): string[] {
  const w = word.toLowerCase();
  const capital = word[0] !== w[0];
  const acronym = word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
  if (info.indeclinable || acronym || !/^[\u0400-\u04FF'’ʼ-]+$/.test(w) || w.length < 3) return [w];
  const stem2 = w.slice(0, -2), stem1 = w.slice(0, -1);
  // Adjectives and adjectival surnames: Тихановська/Тихановський, Центральна, Мінський; Колесникова.
  const adjectivalA = /(?:ськ|цьк|зьк|н)а$/.test(w) || (capital && info.surname && /(?:ов|ев|єв|ін|їн)а$/.test(w));
  if (adjectivalA) return withStem(stem1, ['а', 'ої', 'ій', 'у', 'ою']);
  if (w.endsWith('ий')) return withStem(stem2, ['ий', 'ого', 'ому', 'им', 'ім']);
  // Before the last word of a name, a word in -а or -е is most often an adjective in an ending that
  // does not say so (Центральна виборча комісія, Велика Британія, Білоруське телеграфне агентство),
  // but it may be a noun (Рада Республіки, площа Незалежності): a feminine one gets both paradigms.
  if (info.modifier && w.endsWith('е')) return withStem(stem1, ['е', 'ого', 'ому', 'им', 'ім']);
  if (info.modifier && w.endsWith('а') && !w.endsWith('ія')) {
    const noun = HUSHING.test(stem1) ? ['а', 'і', 'у', 'ею'] : ['а', 'и', 'і', 'у', 'ою'];
    return withStem(stem1, [...new Set([...noun, 'ої', 'ій', 'ою'])]);
  }
  // A soft adjective (синій); a capitalised -ій is a name and a noun (Сергій, Андрій, below).
  if (w.endsWith('ій') && !capital) return withStem(stem2, ['ій', 'ього', 'ьому', 'ім']);
  if (w.endsWith('ія')) return withStem(stem2, ['ія', 'ії', 'ію', 'ією']); // Марія, комісія
  if (w.endsWith('я')) return withStem(stem1, ['я', 'і', 'ю', 'ею']);
  if (w.endsWith('а')) return HUSHING.test(stem1) ? withStem(stem1, ['а', 'і', 'у', 'ею']) : withStem(stem1, ['а', 'и', 'і', 'у', 'ою']);
  if (w.endsWith('о')) {
    // Men's surnames in -ко decline (Лукашенка, Лукашенкові); places in -о too (Гродна, у Гродні).
    return info.surname || info.gender === 'm' ? withStem(stem1, ['о', 'а', 'у', 'ові', 'ом']) : withStem(stem1, ['о', 'а', 'у', 'ом', 'і']);
  }
  if (w.endsWith('ь')) {
    // Білорусь → Білорусі, Білоруссю (the consonant doubles before -ю); Гомель → Гомеля, Гомелем.
    return info.gender === 'f' ? [w, stem1 + 'і', stem1 + stem1.at(-1) + 'ю'] : withStem(stem1, ['ь', 'я', 'ю', 'еві', 'ем', 'і']);
  }
  if (w.endsWith('й')) return withStem(stem1, ['й', 'я', 'ю', 'єві', 'єм', 'ї']); // Андрій, Сергій
  if (/[аеєиіїоуюя]$/.test(w) || info.gender === 'f') return [w];
  // The і of a closed final syllable was an о or е, which comes back when an ending opens the syllable:
  // Київ → Києва, Харків → Харкова, Львів → Львова, Бердичів → Бердичева, Яків → Якова. Regular in the
  // names in -ів/-їв (places, given names); not in surnames of that type (Іванів → Іваніва) and not
  // safely in other words (Берлін → Берліна, спів → співу), so only there.
  const alternated = capital && !info.surname ? reopened(w) : undefined;
  if (alternated) return [w, ...withStem(alternated, ['а', 'у', 'ові', 'ом', 'і'])];
  // Consonant-final: Мінськ, Брест, Протасевич; surnames in -ов/-ін take -им in the instrumental.
  const instr = capital && info.surname && /(?:ов|ев|єв|ін|їн)$/.test(w) ? 'им' : HUSHING.test(w) ? 'ем' : 'ом';
  return withStem(w, ['', 'а', 'у', 'ові', instr, 'і']);
}

/** The stem of a name in -ів/-їв with its old vowel back (київ → києв, харків → харков), else undefined. */
function reopened(w: string): string | undefined {
  const m = /^(.*[^аеєиіїоуюя'’ʼ])(і|ї)в$/.exec(w) ?? /^(.*[аеєиіїоуюя'’ʼ])(ї)в$/.exec(w);
  if (!m) return undefined;
  // ї (after a vowel or apostrophe) was є; і after a hushing consonant was е (Бердичів), elsewhere о.
  return m[1] + (m[2] === 'ї' ? 'є' : HUSHING.test(m[1]) ? 'е' : 'о') + 'в';
}

/** Ukrainian plural case forms of a surname (Тихановські, Тихановських; Колесникови; Протасевичі). */
export function ukrainianSurnamePlurals(word: string, info: WordInfo = {}): string[] {
  const w = word.toLowerCase();
  if (info.indeclinable || !/^[\u0400-\u04FF'’ʼ-]+$/.test(w) || w.length < 4) return [];
  const adj = /^(.+)(?:а|ий)$/.exec(w);
  // Adjectival surnames: any in -ий (Навальний, Залужний → Навальні, Залужних), -а only after -ськ.
  if (adj && (w.endsWith('ий') || /(?:ськ|цьк|зьк)$/.test(adj[1]))) return withStem(adj[1], ['і', 'их', 'им', 'ими']);
  const poss = /^(.+(?:ов|ев|єв|ін|їн))а?$/.exec(w);
  if (poss) return withStem(poss[1], ['и', 'их', 'им', 'ими']);
  if (/ко$/.test(w)) return withStem(w.slice(0, -1), ['и', 'ів', 'ам', 'ами', 'ах']);
  if (info.gender !== 'f' && /[бвгґджзклмнпрстфхцчшщ]$/.test(w)) {
    return withStem(w, [HUSHING.test(w) ? 'і' : 'и', 'ів', 'ам', 'ами', 'ах']);
  }
  return [];
}
