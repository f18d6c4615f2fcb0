// Ukrainian romanisation. iuliia covers Russian only, and reading Ukrainian names by a Russian schema
// gives neither spelling the English-language press uses for them, so the two that appear are here:
//   national — the 2010 national system (KMU decree 55), used in passports and by most media
//              (Andrii Sadovyi, Volodymyr Zelenskyi, Kharkiv)
//   bgn      — BGN/PCGN 1965 without its primes, the older press spelling (Andriy Sadovyy, Yevhen)
// Both write г as h and и as y; they differ in й, ї, є, ю, я inside a word.

export type UkrainianSchema = 'national' | 'bgn';
export const UKRAINIAN_SCHEMAS: UkrainianSchema[] = ['national', 'bgn'];

const COMMON: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ь: '', '\u2019': '', "'": '', ʼ: '',
};

/** Letters written one way at a word's start and another inside it: [start, inside]. */
const POSITIONAL: Record<UkrainianSchema, Record<string, [string, string]>> = {
  national: { є: ['ye', 'ie'], ї: ['yi', 'i'], й: ['y', 'i'], ю: ['yu', 'iu'], я: ['ya', 'ia'] },
  bgn: { є: ['ye', 'ye'], ї: ['yi', 'yi'], й: ['y', 'y'], ю: ['yu', 'yu'], я: ['ya', 'ya'] },
};

/** One Ukrainian word in a schema, its capitals kept (Андрій → Andrii, ЗЕЛЕНСЬКИЙ → ZELENSKYI). */
export function romanizeUkrainian(word: string, schema: UkrainianSchema): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i], lower = ch.toLowerCase();
    const positional = POSITIONAL[schema][lower];
    let latin = positional ? positional[i === 0 ? 0 : 1] : COMMON[lower];
    // The national system writes зг as zgh, so that it is not read as ж (Zghurskyi).
    if (schema === 'national' && lower === 'г' && word[i - 1]?.toLowerCase() === 'з') latin = 'gh';
    if (latin === undefined) { out += ch; continue; }
    if (ch !== lower && latin) {
      const nextUpper = word[i + 1] !== undefined && word[i + 1] !== word[i + 1].toLowerCase();
      latin = nextUpper || word.length === 1 ? latin.toUpperCase() : latin[0].toUpperCase() + latin.slice(1);
    }
    out += latin;
  }
  return out;
}
