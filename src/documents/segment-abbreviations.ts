// Abbreviation lists of the segmenter (segment-joins.ts), lowercase and without their final period.
// They are split by what may follow the period: a word that goes on never ends a sentence; one that
// takes a number ends it unless the number follows; a place or unit ends it only after a number.

/** Titles and address words, always followed by a name (Node's ICU has no abbreviation suppressions). */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'st', 'gen', 'lt', 'col', 'capt', 'cpt', 'sgt', 'maj', 'adm', 'cmdr',
  'rev', 'hon', 'gov', 'sen', 'rep', 'pres', 'supt', 'mt',
  // Russian and Belarusian titles and address words
  'г-н', 'г-жа', 'гр', 'тов', 'проф', 'акад', 'доц', 'ген', 'им', 'ул', 'пр', 'просп', 'пл', 'пер', 'наб', 'бул',
  'ш', 'д', 'кв', 'корп', 'обл', 'р-н', 'пос', 'дер', 'с', 'ст', 'гор', 'вул', 'св', 'и.о',
  // Ukrainian and Belarusian ones the Russian list lacks
  'ім', 'пров', 'праф',
]);

/**
 * Abbreviations that always go on: "approx. EUR 12,000", "в т. ч. Минского завода", "т. е. Минск".
 * A spaced pair ("т. ч.", "e. g.") is looked up as "т.ч", "e.g".
 */
export const GOES_ON = new Set([
  'vs', 'cf', 'e.g', 'i.e', 'approx', 'incl', 'excl', 'esp', 'viz',
  'напр', 'ср', 'прибл', 'т.е', 'т.н', 'т.к', 'т.ч',
  // Ukrainian (зокрема, дивись, порівняй, так званий) and Belarusian (гэта значыць, у тым ліку, глядзі)
  'зокр', 'див', 'пор', 'т.зв', 'г.зн', 'т.л', 'гл',
]);

/**
 * Abbreviations that take a number (p. 5, No. 3, Art. 35, п. 3, ч. 2, рис. 4, ок. 48 000, тел. +375, Ave. 150):
 * ICU breaks between them when the number ends the sentence ("…on p. 5."), which never ends it there.
 * Without a number they may end one ("всё ок.").
 */
export const NUMBERED = new Set(['p', 'pp', 'no', 'nos', 'vol', 'art', 'ch', 'fig', 'figs', 'sec', 'para', 'eq',
  'ed', 'est', 'pop', 'op', 'ex', 'ca', 'ver', 'ref', 'nr', 'tel', 'ph', 'mob',
  'п', 'пп', 'ч', 'рис', 'табл', 'стр', 'т', 'тт', 'разд', 'прил', 'вып', 'абз', 'ок', 'тел', 'моб', 'факс', 'тэл',
  'розд', 'дод', 'вип',
  // streets after their name, before a house number ("Partizansky Ave. 150"); Russian ones come first (ул., пр.: TITLES)
  'ave', 'blvd', 'rd', 'hwy']);

/** Abbreviated months, before a day or a year ("in Feb. 2020.", "с 12 авг. 2020 г."): ICU cut after "Feb.". */
export const MONTHS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'янв', 'фев', 'февр', 'апр', 'авг', 'сен', 'сент', 'окт', 'нояб', 'дек',
  'січ', 'лют', 'квіт', 'трав', 'черв', 'серп', 'вер', 'жовт', 'груд', 'студз', 'сак', 'крас', 'чэрв', 'жн', 'кастр', 'снеж']);

/**
 * Words before a name or a reference but units after a number, where they may end the sentence:
 * г. Минск / 2020 г., м. Київ / 45 м., р. Дніпро / 2020 р., в. Малыя Вішні / XX в., см. Приложение / 5 см.
 */
export const PLACE_OR_UNIT = new Set(['г', 'м', 'р', 'в', 'см']);

/**
 * Words that open sentences and hardly ever follow an abbreviation inside one (Kiss and Strunk's
 * "frequent sentence starters"): after a dotted acronym they say the acronym ended the sentence
 * ("moved to the U.S. The talks…", "из США… по данным Ц.И.К. В понедельник…"), where a noun goes on
 * with it ("the U.S. Secretary of State"). A single initial before one stays an initial (J. A. Smith);
 * English "A" and "I" are left out ("the U.S. A-10 jets", "J. I. Smith").
 */
export const SENTENCE_STARTERS = new Set([
  'the', 'an', 'he', 'she', 'it', 'they', 'we', 'you', 'this', 'that', 'these', 'those', 'there', 'but',
  'and', 'in', 'on', 'at', 'for', 'his', 'her', 'its', 'their', 'our', 'after', 'when', 'while', 'if', 'some',
  'many', 'most', 'yet', 'so', 'still', 'meanwhile', 'however', 'earlier', 'later', 'then', 'now',
  'в', 'во', 'на', 'он', 'она', 'оно', 'они', 'мы', 'я', 'это', 'этот', 'эта', 'но', 'и', 'а', 'по', 'после', 'когда',
  'там', 'тогда', 'однако', 'при', 'у', 'ў', 'з', 'із', 'він', 'вона', 'вони', 'ми', 'це', 'але', 'та', 'після',
  'ён', 'яна', 'яны', 'гэта', 'пасля',
]);

/** Whether a lowercase word is in any list above: an abbreviation, not a word a sentence may end with. */
export function isAbbreviation(lower: string): boolean {
  return TITLES.has(lower) || GOES_ON.has(lower) || NUMBERED.has(lower) || MONTHS.has(lower) || PLACE_OR_UNIT.has(lower);
}
