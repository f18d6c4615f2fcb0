import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { createMatcher, parseGlossary, type CompiledMatcher } from '../../src/glossary/index.ts';
import { createWordScreen, type WordScreen } from '../../src/glossary/screen.ts';
import { wordKey } from '../../src/glossary/variants.ts';
import { glossary, matcher, repo } from './helpers.ts';

const firstKeys = (m: CompiledMatcher) => new Map(m.patterns.flatMap((p) => [...p.positions[0].keys()].map((k) => [k, p])));
const paragraphs = ['dev', 'heldout', 'dev-be', 'heldout-be', 'heldout-plural']
  .flatMap((name) => (YAML.parse(readFileSync(repo(`data/glossary/${name}.yaml`), 'utf8')) as Array<{ text: string }>).map((i) => i.text));
// Words as the matcher has always split them: runs of letters, marks, digits and Cyrillic-block characters.
const WORD = /(?:[\p{L}\p{M}\p{N}]|[\u0400-\u052f])+/gu;
const wordsOf = (text: string) => [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
/** Where the first word that may start a mention starts, -1 for none. */
const firstAt = (screen: WordScreen, text: string) => screen(text)?.starts[0] ?? -1;
// Every spelling the matcher knows, as the patterns key it and as text prints it (Capitalised, CAPS).
const spellings = (m: CompiledMatcher) => m.patterns.flatMap((p) => p.positions.flatMap((pos) => [...pos.values()]
  .flatMap((s) => s.forms.flatMap((f) => [f, f.toUpperCase(), f[0].toUpperCase() + f.slice(1), s.base]))));

describe('first-word screen', () => {
  it('says a word may start a mention exactly when its key is a first-word key', () => {
    for (const strategy of ['paradigm', 'snowball'] as const) {
      const m = createMatcher(glossary, { russian: strategy });
      const keys = firstKeys(m), screen = createWordScreen(keys, strategy);
      const words = [...paragraphs.flatMap((t) => wordsOf(t).map((w) => w.text)), ...spellings(m)];
      const wrong = words.filter((w) => (firstAt(screen, w) === 0) !== keys.has(wordKey(w, strategy)));
      expect(wrong, strategy).toEqual([]);
      expect(words.filter((w) => firstAt(screen, w) === 0).length).toBeGreaterThan(100);
    }
  });

  it('splits words as they always were, from the first that may start a mention', () => {
    const keys = firstKeys(matcher), screen = createWordScreen(keys, 'paradigm');
    for (const text of [...paragraphs, 'Сяргей Ціханоўскі 😀 Минск, 𝐌insk, x\u0301y; ҂ Гродно.', '€Minsk,Гродно€', 'no term']) {
      const all = wordsOf(text), first = all.findIndex((w) => keys.has(wordKey(w.text, 'paradigm')));
      const split = screen(text), words = all.slice(first);
      expect(split !== undefined, text).toBe(first >= 0);
      if (!split) continue;
      expect(split.starts).toEqual(words.map((w) => w.start));
      expect(split.ends).toEqual(words.map((w) => w.end));
      expect(split.firstKeys).toEqual(words.map((w) => (keys.has(wordKey(w.text, 'paradigm')) ? wordKey(w.text, 'paradigm') : undefined)));
    }
    expect(firstAt(screen, 'Nothing here names a term, not even www.example.com/news or @someone.')).toBe(-1);
  });

  it('folds every Latin, Greek and Cyrillic letter as fold() does, in any case', () => {
    const letters = [...Array(0x2100).keys()].map((c) => String.fromCharCode(c)).filter((ch) => /[\p{L}\p{M}\p{N}]/u.test(ch));
    const words = letters.flatMap((ch) => [`ab${ch}c`, `AB${ch.toUpperCase()}C`, `Ab${ch.toLowerCase()}`]);
    const keys = new Map(words.map((w) => [wordKey(w, 'paradigm'), true])), screen = createWordScreen(keys, 'paradigm');
    expect(words.filter((w) => screen(w)?.firstKeys[0] !== wordKey(w, 'paradigm'))).toEqual([]);
    expect(words.filter((w) => (screen(`${w}q`) !== undefined) !== keys.has(wordKey(`${w}q`, 'paradigm')))).toEqual([]);
  });

  it('keys words whose characters do not fold one by one by their whole fold (final sigma, ß, marks)', () => {
    const g = parseGlossary(`entries:
  - id: street
    terms: [{ text: Straße, lang: de, status: preferred }]
  - id: road
    terms: [{ text: Οδός, lang: el, status: preferred }]
  - id: cafe
    terms: [{ text: Café, lang: fr, status: preferred }]
`, 'inline.yaml');
    const m = createMatcher(g, { transliterate: false });
    const screen = createWordScreen(firstKeys(m), 'paradigm');
    for (const text of ['die STRASSE', 'die Straße', 'Η ΟΔΟΣ', 'η οδός', 'le Cafe\u0301', 'le CAFÉ']) {
      expect(firstAt(screen, text), text).toBeGreaterThan(0);
      expect(m.find(text, 'und').length, text).toBe(1);
    }
    expect(firstAt(screen, 'die Strasen, η οδοί, le Caf')).toBe(-1);
  });
});
