// Glossaries: loading and matching. Starts as exact, case-insensitive whole-word matching of the
// listed terms; issue 4 adds TBX/CSV, Russian inflection, transliteration and normalisation rules.
import { readFile } from 'node:fs/promises';
import YAML from 'yaml';
import type { Change, Glossary, GlossaryEntry, Lang, TermMatch } from '../types.ts';

export async function loadGlossaries(paths: string[]): Promise<Glossary> {
  const entries: GlossaryEntry[] = [];
  for (const path of paths) {
    const data = YAML.parse(await readFile(path, 'utf8')) as { entries?: GlossaryEntry[] };
    entries.push(...(data.entries ?? []));
  }
  return { entries, sources: paths };
}

export interface Matcher {
  find(text: string, lang: Lang): TermMatch[];
}

export function createMatcher(glossary: Glossary): Matcher {
  const terms = glossary.entries.flatMap((e) => e.terms.map((t) => ({ entry: e.id, ...t })));
  return {
    find(text, lang) {
      const found: TermMatch[] = [];
      for (const t of terms) {
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(t.text)}(?![\\p{L}\\p{N}])`, 'giu');
        for (const m of text.matchAll(re)) {
          found.push({ entry: t.entry, surface: m[0], start: m.index!, end: m.index! + m[0].length,
            lang: t.lang ?? lang, term: t.text, status: t.status, via: m[0] === t.text ? 'exact' : 'case' });
        }
      }
      return found.sort((a, b) => a.start - b.start);
    },
  };
}

export interface Normalized { text: string; matches: TermMatch[]; changes: Change[] }

/** Rewrites deprecated terms to their entry's preferred term in the same language. */
export function normalize(text: string, lang: Lang, matcher: Matcher, glossary: Glossary): Normalized {
  const matches = matcher.find(text, lang);
  const changes: Change[] = [];
  for (const m of matches) {
    if (m.status !== 'deprecated') continue;
    const preferred = glossary.entries.find((e) => e.id === m.entry)?.terms
      .find((t) => t.status === 'preferred' && t.lang === m.lang);
    if (preferred) changes.push({ start: m.start, end: m.end, before: m.surface, after: preferred.text, entry: m.entry, reason: 'deprecated' });
  }
  return { text: applyChanges(text, changes), matches, changes };
}

/** Applies non-overlapping changes (offsets into `text`). */
export function applyChanges(text: string, changes: Change[]): string {
  let out = '', at = 0;
  for (const c of [...changes].sort((a, b) => a.start - b.start)) { out += text.slice(at, c.start) + c.after; at = c.end; }
  return out + text.slice(at);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export { nameKey, nameSimilarity, romanizations, toCyrillic, fold, levenshtein } from './translit.ts';
export { romanizeBelarusian, BELARUSIAN_SCHEMAS, type BelarusianSchema } from './belarusian.ts';
