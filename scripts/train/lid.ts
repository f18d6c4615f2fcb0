// npm run train:lid — builds src/language/model/words.json, the short-text model, deterministically
// from installed packages and our own word lists:
//   - CLDR annotations, derived annotations and locale display names (Unicode-3.0; cldr-*-full npm
//     packages): the same few thousand everyday words in each of en/ru/uk/be, so no language gets
//     more data than another;
//   - data/lid/words/<lang>.txt: function words written by us, most frequent first.
// UDHR and data/lid/{tune,heldout} are NOT used, so both stay fair evaluation sets.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { buildModel, MODEL_LANGS } from '../../src/language/wordmodel.ts';

const REPO = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
const WORD = /\p{L}+(?:['’ʼ-]\p{L}+)*/gu;

function cldrTexts(lang: string): string[] {
  const out: string[] = [];
  const ann = require(`cldr-annotations-full/annotations/${lang}/annotations.json`).annotations.annotations;
  const der = require(`cldr-annotations-derived-full/annotationsDerived/${lang}/annotations.json`).annotationsDerived.annotations;
  for (const table of [ann, der]) {
    for (const key of Object.keys(table).sort()) {
      const { default: keywords = [], tts = [] } = table[key] as { default?: string[]; tts?: string[] };
      out.push(...keywords, ...tts);
    }
  }
  for (const part of ['languages', 'territories', 'scripts']) {
    const names = require(`cldr-localenames-full/main/${lang}/${part}.json`).main[lang].localeDisplayNames;
    for (const key of Object.keys(names[part]).sort()) out.push(String(names[part][key]));
  }
  return out;
}

/** Word counts per language: CLDR words once per occurrence, function words by Zipf's law. */
function countWords(lang: string): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (w: string, n: number) => counts.set(w, (counts.get(w) ?? 0) + n);
  for (const text of cldrTexts(lang)) for (const w of text.toLowerCase().match(WORD) ?? []) add(w, 1);
  const fn = readFileSync(join(REPO, 'data', 'lid', 'words', `${lang}.txt`), 'utf8').toLowerCase().match(WORD) ?? [];
  // The most frequent function word weighs like the most frequent CLDR word, and falls off as 1/rank.
  const top = Math.max(...counts.values());
  fn.forEach((w, rank) => add(w, top / (rank + 1)));
  return counts;
}

const counts = Object.fromEntries(MODEL_LANGS.map((l) => [l, countWords(l)]));
const model = buildModel(counts);
const path = join(REPO, 'src', 'language', 'model', 'words.json');
writeFileSync(path, JSON.stringify(model));
console.log(`wrote ${path}: ${model.gramCounts.length / model.langs.length} n-grams, ${model.wordCounts.length / model.langs.length} words, ` +
  MODEL_LANGS.map((l) => `${l} ${counts[l].size} word types`).join(', '));
