// Belarusian romanisation. iuliia covers Russian only (it leaves і and ў as they are), so the three
// schemas that actually appear in English-language press for Belarusian names are written here:
//   national  — the 2007 national system adopted by the UN (Cichanoŭskaja, Łukašenka-style diacritics)
//   bgn       — BGN/PCGN 1979 (Tsikhanowskaya, Halowchanka)
//   passport  — the practical passport/ICAO-style spelling (Tsikhanouskaya, Sviatlana, Aliaksandr)
//   german    — the German press's (Zichanouskaja, Swjatlana, Aljaksandr Lukaschenka)
//   simplified — the passport style with ў written as v, as some English-language press does
//                (Sviatlana Tsikhanovskaya, Halovchanka)

export type BelarusianSchema = 'national' | 'bgn' | 'passport' | 'german' | 'simplified';
export const BELARUSIAN_SCHEMAS: BelarusianSchema[] = ['national', 'bgn', 'passport', 'german', 'simplified'];

type Table = Record<string, string>;

const COMMON: Table = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', з: 'z', і: 'i', и: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ы: 'y', э: 'e', ь: '', ъ: '', '\u2019': '', "'": '',
};

const PASSPORT: Table = { ...COMMON, ж: 'zh', й: 'i', ў: 'u', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch' };
const PASSPORT_IOTATED: Record<string, [string, string]> = { е: ['ye', 'ie'], ё: ['yo', 'io'], ю: ['yu', 'iu'], я: ['ya', 'ia'] };

const TABLES: Record<BelarusianSchema, Table> = {
  national: { ...COMMON, ж: 'ž', й: 'j', ў: 'ŭ', х: 'ch', ц: 'c', ч: 'č', ш: 'š', щ: 'šč' },
  bgn: { ...COMMON, ж: 'zh', й: 'y', ў: 'w', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch' },
  passport: PASSPORT,
  simplified: { ...PASSPORT, ў: 'v' },
  german: { ...COMMON, в: 'w', з: 's', ж: 'sh', й: 'j', ў: 'u', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch' },
};

/** Iotated vowels: [at word start / after a vowel or separator, after a consonant]. */
const IOTATED: Record<BelarusianSchema, Record<string, [string, string]>> = {
  national: { е: ['je', 'ie'], ё: ['jo', 'io'], ю: ['ju', 'iu'], я: ['ja', 'ia'] },
  bgn: { е: ['ye', 'ye'], ё: ['yo', 'yo'], ю: ['yu', 'yu'], я: ['ya', 'ya'] },
  passport: PASSPORT_IOTATED,
  simplified: PASSPORT_IOTATED,
  german: { е: ['je', 'e'], ё: ['jo', 'jo'], ю: ['ju', 'ju'], я: ['ja', 'ja'] },
};

/** National-system softening: a consonant followed by ь takes an acute accent. */
const SOFT: Record<string, string> = { з: 'ź', л: 'ĺ', н: 'ń', с: 'ś', ц: 'ć' };
const VOWELS = new Set('аеёіиоуўыэюяь\'’ъ');

export function romanizeBelarusian(text: string, schema: BelarusianSchema): string {
  const table = TABLES[schema];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const prev = i > 0 ? text[i - 1].toLowerCase() : '';
    let latin: string | undefined;
    if (lower in IOTATED[schema]) {
      const initial = !prev || VOWELS.has(prev) || !/\p{L}/u.test(prev);
      latin = IOTATED[schema][lower][initial ? 0 : 1];
    } else if (schema === 'national' && lower in SOFT && text[i + 1]?.toLowerCase() === 'ь') {
      latin = SOFT[lower];
    } else {
      latin = table[lower];
    }
    if (latin === undefined) { out += ch; continue; }
    if (upper && latin) {
      const nextUpper = text[i + 1] !== undefined && text[i + 1] !== text[i + 1].toLowerCase();
      latin = nextUpper || text.length === 1 ? latin.toUpperCase() : latin[0].toUpperCase() + latin.slice(1);
    }
    out += latin;
  }
  return out;
}
