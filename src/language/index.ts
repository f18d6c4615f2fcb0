// Language identification. Starts as franc restricted to the candidate languages; issue 3 grows it
// into a detector that handles noise, closely related Cyrillic languages, mixed and very short units.
import { franc } from 'franc';
import type { Detection, Lang } from '../types.ts';

export interface DetectOptions {
  /** Candidate languages (BCP 47). Empty or absent: any language franc knows. */
  languages?: Lang[];
  /** Language distribution of the surrounding document/paragraph, for very short units. */
  prior?: Partial<Record<Lang, number>>;
}

const TO_ISO3: Record<string, string> = { en: 'eng', ru: 'rus', uk: 'ukr', be: 'bel', de: 'deu', fr: 'fra' };
const FROM_ISO3: Record<string, string> = Object.fromEntries(Object.entries(TO_ISO3).map(([k, v]) => [v, k]));

export function toBcp47(iso3: string): Lang {
  return iso3 === 'und' ? 'und' : (FROM_ISO3[iso3] ?? iso3);
}

export function detect(text: string, options: DetectOptions = {}): Detection {
  const only = options.languages?.map((l) => TO_ISO3[l] ?? l);
  const code = franc(text, { only, minLength: 3 });
  return { lang: toBcp47(code), confidence: code === 'und' ? 0 : 0.5 };
}
