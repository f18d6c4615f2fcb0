// The German press romanises Russian names by Duden's rules (Tichanowskaja, Lukaschenko, Kolesnikowa,
// Golowtschenko), which none of iuliia's schemas gives; it is written here as an iuliia schema, so the
// library's engine (word endings, letters before and after) does the work. Belarusian names in German
// (Zichanouskaja, Lukaschenka, Swjatlana) are one of belarusian.ts's schemas.
import { Schema } from 'iuliia';

const VOWELS = ['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я', 'ь', 'ъ'];

export const DUDEN_RUSSIAN = Schema.load({
  name: 'duden_de',
  description: 'Russian to German as the German press writes names (Duden)',
  url: '',
  mapping: {
    а: 'a', б: 'b', в: 'w', г: 'g', д: 'd', е: 'e', ё: 'jo', ж: 'sch', з: 's', и: 'i', й: 'j', к: 'k', л: 'l',
    м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'ch', ц: 'z', ч: 'tsch',
    ш: 'sch', щ: 'schtsch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'ju', я: 'ja',
  },
  // е is je at the start of a word and after a vowel or sign (Jelena, Sergejewitsch); ё is o after a
  // hushing consonant (Chruschtschow); кс is x (Alexej).
  prev_mapping: {
    е: 'je', ...Object.fromEntries(VOWELS.map((v) => [`${v}е`, 'je'])),
    жё: 'o', чё: 'o', шё: 'o', щё: 'o', кс: 'x',
  },
  next_mapping: { кс: '' },
  // Adjectival endings: Tichanowski, Juri; Grosny.
  ending_mapping: { ий: 'i', ый: 'y' },
  samples: [],
} as Parameters<typeof Schema.load>[0]);
