// Glossary enforcement around any engine: each term mention in the source is replaced by a
// placeholder the engine passes through untouched, and afterwards by the term's preferred target
// form (with the mention's case pattern). Engines differ in what they pass through, so the caller
// renders placeholders (an empty inline tag for Apertium/DeepL/LibreTranslate HTML modes, ⟦n⟧ for
// chat models). Inflection: a placeholder cannot carry grammatical case, so when the source mention
// was inflected and the target language inflects, the slot is flagged 'term-form' for the translator.
import type { Lang } from '../types.ts';
import { matchCase, nonOverlapping, sameLang, targetTerm, termShape } from './terms.ts';
import type { TermContext } from './tm/match.ts';

export interface Slot {
  /** 1-based placeholder number. */
  n: number;
  /** 'term': a glossary mention; 'verbatim': a URL, e-mail, @handle, #hashtag kept as written. */
  kind: 'term' | 'verbatim';
  entry?: string;
  surface: string;
  /** The target text the placeholder becomes. */
  form: string;
  /** The source mention was an inflected form and the target inflects too. */
  needsForm: boolean;
}

/** The source split into literal text and term slots, in order. */
export type Part = string | Slot;

const INFLECTING = ['ru', 'uk', 'be', 'pl', 'cs', 'sk', 'sl', 'hr', 'sr', 'bg', 'lt', 'lv', 'de', 'fi', 'et', 'hu'];

/** Text no engine should touch: URLs, e-mail addresses, @handles and #hashtags. */
export const VERBATIM = /(?:https?:\/\/|www\.)[^\s<>"«»]+[^\s<>"«».,;:!?)\]]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|(?<![\p{L}\p{N}])[@#][\p{L}\p{N}_]+/gu;

export interface ProtectOptions {
  terms?: TermContext;
  verbatim?: RegExp;
  /** Protect only mentions of these entries (default: all with a target form). */
  only?: Set<string>;
}

export function protectTerms(text: string, langs: { src: Lang; tgt: Lang }, options: ProtectOptions = {}): Part[] {
  const spans: Array<Omit<Slot, 'n'> & { start: number; end: number }> = [];
  for (const m of text.matchAll(new RegExp((options.verbatim ?? VERBATIM).source, 'gu'))) {
    spans.push({ kind: 'verbatim', surface: m[0], form: m[0], needsForm: false, start: m.index!, end: m.index! + m[0].length });
  }
  const overlapsVerbatim = (s: number, e: number) => spans.some((v) => s < v.end && v.start < e);
  for (const m of options.terms ? nonOverlapping(options.terms.matcher.find(text, langs.src)) : []) {
    if (!sameLang(m.lang, langs.src) || overlapsVerbatim(m.start, m.end) || (options.only && !options.only.has(m.entry))) continue;
    const glossary = options.terms!.glossary;
    const form = targetTerm(glossary, m.entry, langs.tgt, termShape(glossary, m.entry, m.term));
    if (!form) continue; // no target form: let the engine translate it
    const inflected = m.surface.toLowerCase() !== m.term.toLowerCase() && m.via !== 'possessive';
    spans.push({ kind: 'term', entry: m.entry, surface: m.surface, form: matchCase(m.surface, form.text), start: m.start, end: m.end,
      needsForm: inflected && !form.indeclinable && INFLECTING.some((l) => sameLang(l, langs.tgt)) });
  }
  const parts: Part[] = [];
  let at = 0, n = 0;
  for (const { start, end, ...slot } of spans.sort((a, b) => a.start - b.start)) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push({ n: ++n, ...slot });
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

export const slotsOf = (parts: Part[]): Slot[] => parts.filter((p): p is Slot => typeof p !== 'string');

/** Renders the parts for an engine: literal text through `literal`, slots through `slot`. */
export function renderParts(parts: Part[], literal: (s: string) => string, slot: (n: number) => string): string {
  return parts.map((p) => (typeof p === 'string' ? literal(p) : slot(p.n))).join('');
}

export interface Restored { text: string; warnings: string[]; terms: Array<{ entry: string; form: string }> }


/**
 * Puts the target forms back. `pattern` finds a rendered placeholder in the engine's output and
 * captures its number. Lost placeholders are reported, never silently dropped.
 */
export function restoreTerms(output: string, slots: Slot[], pattern: RegExp): Restored {
  const warnings = new Set<string>();
  const seen = new Set<number>();
  const text = output.replace(new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g'), (_all, num: string) => {
    const slot = slots.find((s) => s.n === Number(num));
    if (!slot) return '';
    seen.add(slot.n);
    if (slot.needsForm) warnings.add('term-form');
    return slot.form;
  });
  for (const s of slots) if (!seen.has(s.n)) warnings.add(s.kind === 'term' ? 'term-lost' : 'placeholder-lost');
  return { text: text.replace(/[ \t]{2,}/g, ' '), warnings: [...warnings], terms: slots.filter((s) => s.kind === 'term' && seen.has(s.n)).map((s) => ({ entry: s.entry!, form: s.form })) };
}
