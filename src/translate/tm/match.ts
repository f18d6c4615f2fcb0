// Turns an index candidate into a CAT-style match: the fuzzy percentage, and the stored target with
// differing numbers and glossary terms substituted (a "placeable" difference costs one point instead
// of a whole edit, as CAT tools do). Anything we cannot substitute honestly counts as an edit.
import type { Glossary, Lang } from '../../types.ts';
import type { Matcher } from '../../glossary/index.ts';
import { alignment } from './distance.ts';
import { exactKey, tokenize, type Token } from './tokens.ts';
import { formatNumber, numberStyle, numbersIn, numberValue } from './numbers.ts';
import { matchCase, nonOverlapping, replaceSpans, targetTerm, termIndeclinable, termShape } from '../terms.ts';
import type { TmEntry } from './memory.ts';

export interface TermContext { matcher: Matcher; glossary: Glossary }

export interface Substitution { kind: 'number' | 'term'; from: string; to: string; entry?: string }

export interface TmMatch {
  entry: TmEntry;
  /** 0..100; 100 only when the sources are identical (up to Unicode form and whitespace). */
  percent: number;
  /** The stored target with placeables substituted. */
  target: string;
  substitutions: Substitution[];
  /**
   * 'term-form': a substituted term may need inflecting by the translator; 'number-unmatched': the
   * target holds a number the source does not (a figure the translator must check).
   */
  warnings: string[];
}

interface Unit { norm: string; raw: string; start: number; end: number; isNumber: boolean; entry?: string }

const TERM = '\u0000term';

/** Tokens with every glossary mention merged into one placeholder unit carrying its entry. */
export function matchUnits(text: string, lang: Lang, terms?: TermContext): Unit[] {
  const tokens: Unit[] = tokenize(text, lang);
  if (!terms) return tokens;
  const mentions = nonOverlapping(terms.matcher.find(text, lang));
  if (!mentions.length) return tokens;
  const out: Unit[] = [];
  for (const t of tokens) {
    const m = mentions.find((x) => t.start >= x.start && t.end <= x.end);
    if (!m) { out.push(t); continue; }
    const last = out[out.length - 1];
    if (last?.entry === m.entry && last.start === m.start) continue; // later token of the same mention
    out.push({ norm: TERM, raw: m.surface, start: m.start, end: m.end, isNumber: false, entry: m.entry });
  }
  return out;
}

export function scoreMatch(query: string, entry: TmEntry, langs: { src: Lang; tgt: Lang }, terms?: TermContext): TmMatch {
  if (exactKey(query) === exactKey(entry.source)) return { entry, percent: 100, target: entry.target, substitutions: [], warnings: [] };
  const q = matchUnits(query, langs.src, terms), c = matchUnits(entry.source, langs.src, terms);
  const { distance, ops } = alignment(q.map((u) => u.norm), c.map((u) => u.norm));
  let edits = distance;
  const spans: Array<{ start: number; end: number; text: string }> = [];
  const substitutions: Substitution[] = [];
  const warnings: string[] = [];
  const tgtMentions = terms ? nonOverlapping(terms.matcher.find(entry.target, langs.tgt)) : [];
  for (const op of ops) {
    if (op.op !== 'match') continue;
    const a: Unit = q[op.a], b: Unit = c[op.b];
    if (a.isNumber && numberValue(a.raw, langs.src) !== numberValue(b.raw, langs.src)) {
      // Found by value in the target's own convention (1,200 in English is 1 200 in Russian), or as written.
      const bValue = numberValue(b.raw, langs.src);
      const hits = numbersIn(entry.target, langs.tgt).filter((n) => n.value === bValue || n.raw === b.raw);
      if (hits.length !== 1) { edits++; continue; }
      const hit = hits[0];
      const text = formatNumber(numberValue(a.raw, langs.src), numberStyle(hit.raw, langs.tgt), a.raw, langs.tgt);
      spans.push({ start: hit.start, end: hit.end, text });
      substitutions.push({ kind: 'number', from: hit.raw, to: text });
    } else if (a.entry && b.entry && a.entry !== b.entry && terms) {
      const inTarget = tgtMentions.filter((m) => m.entry === b.entry);
      // The memory's own mention says which shape the target wants (a surname stays a surname).
      const form = inTarget.length === 1 ? targetTerm(terms.glossary, a.entry, langs.tgt, termShape(terms.glossary, b.entry, inTarget[0].term)) : undefined;
      if (!form) { edits++; continue; }
      const old = inTarget[0];
      spans.push({ start: old.start, end: old.end, text: matchCase(old.surface, form.text) });
      substitutions.push({ kind: 'term', from: old.surface, to: form.text, entry: a.entry });
      // An indeclinable old term (Гродно) does not show its case, so a declining new one (Гомель) may need it:
      // «задержаны в Гродно» became «задержаны в Гомель» at 99% without a word.
      const hidden = termIndeclinable(terms.glossary, b.entry, old.term, langs.tgt) && !form.indeclinable;
      if (old.via === 'inflection' || old.surface.toLowerCase() !== old.term.toLowerCase() || hidden) warnings.push('term-form');
    }
  }
  const longer = Math.max(q.length, c.length, 1);
  const percent = Math.max(0, Math.min(99, Math.floor(100 * (1 - edits / longer) + 1e-9) - substitutions.length));
  const target = replaceSpans(entry.target, spans);
  if (unmatchedNumber(query, target, langs)) warnings.push('number-unmatched');
  return { entry, percent, target, substitutions, warnings: [...new Set(warnings)] };
}

/**
 * Whether the target holds a number the source does not (counted: two 2s need two in the source),
 * by value or as written: a match never carries a wrong figure silently.
 */
function unmatchedNumber(source: string, target: string, langs: { src: Lang; tgt: Lang }): boolean {
  const left = numbersIn(source, langs.src);
  for (const n of numbersIn(target, langs.tgt)) {
    const i = left.findIndex((s) => s.value === n.value || s.raw === n.raw);
    if (i < 0) return true;
    left.splice(i, 1);
  }
  return false;
}

export type { Token };
