// A place named before a common noun in English ("the Minsk region", "the Brest fortress", "the
// Minsk metro") is rendered in Russian, Ukrainian and Belarusian by an adjective built on the name
// («Минская область», «Брестскую крепость», «у Мінській області», «у Мінскай вобласці»), which no case
// form of the noun is. The matcher reads "Minsk Region" as a longer name and asks for nothing, but with
// a lower-case head it asks for Минск, so check accepts the adjective instead: capitalisation must not
// decide whether a translation passes. This lives in check, not in the matcher: normalisation must
// never rewrite an adjective as the noun it was built on.
import type { Term } from '../types.ts';

/** A lower-case word after the name (after its possessive, if the mention did not take it in). */
const COMMON_NOUN_AFTER = /^(?:['’]s)?[ \u00A0]+\p{Ll}/u;

/** Whether the English mention ending at `end` qualifies a common noun: "Minsk region", not "Minsk Region". */
export function beforeCommonNoun(text: string, end: number): boolean {
  return COMMON_NOUN_AFTER.test(text.slice(end, end + 8));
}

const cache = new Map<string, RegExp | null>();

/**
 * The adjectives a one-word Cyrillic place name gives: its stem (Гомел-, Гродн-, Белорусс-, Брэсц-),
 * an optional linking part (-ь-, -ен-, -ов-, ...), the suffix -ск-/-цк-/-ськ- (already there in
 * Минск, Мінськ), and an adjective ending of one to three letters. Irregular ones (Москва →
 * московский) are not derived.
 */
function adjectiveOf(term: string): RegExp | null {
  let re = cache.get(term);
  if (re !== undefined) return re;
  re = null;
  const word = term.normalize('NFC').toLocaleLowerCase();
  if (/^[\p{Script=Cyrillic}ʼ’'-]{4,}$/u.test(word)) {
    const ending = '[\\p{Ll}]{1,3}';
    if (/(?:ск|цк|ськ|зк|зьк)$/u.test(word)) re = new RegExp(`^${word}${ending}$`, 'u');
    else {
      const stem = word.replace(/(?:ия|ія|ья|ье|[аеёиоуыэюяьйіўї])$/u, '');
      // Belarusian stems alternate before the suffix: Брэст → Брэсцкі, Гродна → Гродзенскі (д before е is дз).
      const stems = [...new Set([stem, stem.replace(/д$/u, 'дз'), stem.replace(/т$/u, 'ц'), stem.replace(/дн$/u, 'дзен')])].join('|');
      // A stem in -с takes -к- (Белорусс-к-ая, Одес-ьк-а): the suffix's с is the stem's.
      if (stem.length >= 3) re = new RegExp(`^(?:${stems})(?:(?:ь|ен|ан|ян|ов|ев|ёв|ів|ав)?(?:ск|цк|ськ)|(?<=с)ь?к)${ending}$`, 'u');
    }
  }
  if (cache.size > 10_000) cache.clear();
  cache.set(term, re);
  return re;
}

/** Whether the target text has an adjective built on one of the terms (a place's names in the target language). */
export function hasPlaceAdjective(target: string, terms: Term[]): boolean {
  const patterns = terms.map((t) => adjectiveOf(t.text)).filter((re): re is RegExp => re !== null);
  if (!patterns.length) return false;
  for (const [word] of target.matchAll(/[\p{L}ʼ’'-]+/gu)) {
    const w = word.normalize('NFC').toLocaleLowerCase();
    if (patterns.some((re) => re.test(w))) return true;
  }
  return false;
}
