// Everything machine-translation engines share: glossary terms and URLs are protected with
// placeholders before the engine sees the text and restored afterwards; results are marked as
// machine output (origin 'mt') with the engine and any warnings, so nobody mistakes them for
// human work. An engine only turns rendered texts into translated texts.
import type { Lang } from '../types.ts';
import { protectTerms, renderParts, restoreTerms, slotsOf, VERBATIM, type Part } from './protect.ts';
import { sameLang } from './terms.ts';
import type { Translation, TranslationProvider } from './provider.ts';
import type { TermContext } from './tm/match.ts';

export interface EngineResult { text: string; detail?: Record<string, unknown>; score?: number }

export interface Engine {
  /** Provider name in originDetail, e.g. 'apertium', 'deepl'. */
  name: string;
  /** 'html': text is escaped and placeholders are empty <x id="n"/> tags; 'text': ⟦n⟧ markers. */
  format: 'html' | 'text';
  /** Extra characters or spans this engine would damage, kept as written. */
  verbatim?: RegExp;
  /**
   * The engine inflects words itself (a rule-based engine with a morphology): it first gets the
   * terms unprotected, and its output is kept when every term appears in an allowed target form
   * (checked with the glossary matcher), so "ў Мінску" becomes "в Минске", not "в Минск".
   */
  inflectsTerms?: boolean;
  supports(src: Lang, tgt: Lang): Promise<boolean>;
  /** Rendered texts in, translated texts out, in order; null where the engine failed for an item. */
  translate(texts: string[], src: Lang, tgt: Lang): Promise<Array<EngineResult | null>>;
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export function unescapeHtml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (all, code: string) => {
    const c = code.toLowerCase();
    if (c[0] === '#') return String.fromCodePoint(c[1] === 'x' ? parseInt(c.slice(2), 16) : parseInt(c.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[c] ?? all;
  });
}

const HTML_SLOT = /<x id="(\d+)"\s*\/?>(?:<\/x>)?/g;
const TEXT_SLOT = /⟦\s*(\d+)\s*⟧/g;

export function renderForEngine(parts: Part[], format: Engine['format']): string {
  return format === 'html' ? renderParts(parts, escapeHtml, (n) => `<x id="${n}"/>`) : renderParts(parts, (s) => s, (n) => `⟦${n}⟧`);
}

const hasTerms = (parts: Part[]) => slotsOf(parts).some((s) => s.kind === 'term');

/** Protected term entries of a segment with their mention counts. */
function termEntries(parts: Part[]): Map<string, number> {
  const wanted = new Map<string, number>();
  for (const s of slotsOf(parts)) if (s.kind === 'term') wanted.set(s.entry!, (wanted.get(s.entry!) ?? 0) + 1);
  return wanted;
}

export function engineProvider(engine: Engine, terms?: TermContext): TranslationProvider {
  return {
    name: engine.name,
    async translate(requests) {
      const results: Array<Translation | null> = requests.map(() => null);
      const groups = new Map<string, number[]>();
      requests.forEach((r, i) => {
        if (!r.text.trim()) return;
        const key = `${r.srcLang}\u0000${r.tgtLang}`;
        const group = groups.get(key);
        if (group) group.push(i); else groups.set(key, [i]);
      });
      for (const [key, indexes] of groups) {
        const [src, tgt] = key.split('\u0000');
        if (!(await engine.supports(src, tgt))) continue;
        const verbatim = engine.verbatim ? new RegExp(`${VERBATIM.source}|${engine.verbatim.source}`, 'gu') : VERBATIM;
        const full = indexes.map((i) => protectTerms(requests[i].text, { src, tgt }, { terms, verbatim }));
        const chosen = await (engine.inflectsTerms && terms
          ? engineInflected(indexes.map((i) => requests[i].text), full, src, tgt, verbatim)
          : engine.translate(full.map((p) => renderForEngine(p, engine.format)), src, tgt).then((out) => out.map((r, k) => finish(r, full[k]))));
        indexes.forEach((i, k) => { results[i] = chosen[k]; });
      }
      return results;
    },
  };

  /**
   * For an engine with its own morphology: first every term unprotected (and, in the same run,
   * fully protected as the fallback); terms the engine rendered in an allowed target form keep the
   * engine's inflection, the others are protected in a second run.
   */
  async function engineInflected(texts: string[], full: Part[][], src: Lang, tgt: Lang, verbatim: RegExp): Promise<Array<Translation | null>> {
    const open = texts.map((t, k) => (hasTerms(full[k]) ? protectTerms(t, { src, tgt }, { verbatim }) : null));
    const batch = full.map((p) => renderForEngine(p, engine.format));
    const openAt = open.map((p) => (p ? batch.push(renderForEngine(p, engine.format)) - 1 : -1));
    const out = await engine.translate(batch, src, tgt);
    const chosen = full.map((p, k) => finish(out[k], p));
    const partial: Array<{ k: number; parts: Part[]; kept: Set<string> }> = [];
    open.forEach((p, k) => {
      if (!p) return;
      const viaEngine = finish(out[openAt[k]], p);
      if (!viaEngine) return;
      const wanted = termEntries(full[k]);
      const kept = keptEntries(viaEngine.text, wanted, tgt);
      if (kept.size === wanted.size) chosen[k] = viaEngine;
      else if (kept.size) partial.push({ k, kept, parts: protectTerms(texts[k], { src, tgt }, { terms, verbatim, only: new Set([...wanted.keys()].filter((e) => !kept.has(e))) }) });
    });
    if (partial.length) {
      const out2 = await engine.translate(partial.map((p) => renderForEngine(p.parts, engine.format)), src, tgt);
      partial.forEach((p, j) => {
        const mixed = finish(out2[j], p.parts);
        if (mixed && keptEntries(mixed.text, termEntries(full[p.k]), tgt).size >= p.kept.size) chosen[p.k] = mixed;
      });
    }
    return chosen;
  }

  function finish(r: EngineResult | null, parts: Part[]): Translation | null {
    if (!r || !r.text.trim()) return null;
    let text = r.text;
    if (engine.format === 'html') text = unescapeHtml(text.replace(HTML_SLOT, (_all, n: string) => `⟦${n}⟧`));
    const restored = restoreTerms(text, slotsOf(parts), TEXT_SLOT);
    return { text: restored.text.trim(), origin: 'mt', ...(r.score !== undefined ? { score: r.score } : {}),
      detail: { provider: engine.name, ...r.detail,
        ...(restored.terms.length ? { terms: restored.terms } : {}),
        ...(restored.warnings.length ? { warnings: restored.warnings } : {}) } };
  }

  /** Entries whose mentions all appear in `text` in a non-deprecated target form. */
  function keptEntries(text: string, wanted: Map<string, number>, tgt: Lang): Set<string> {
    const found = terms!.matcher.find(text, tgt).filter((m) => m.status !== 'deprecated' && sameLang(m.lang, tgt));
    return new Set([...wanted].filter(([entry, count]) => found.filter((m) => m.entry === entry).length >= count).map(([e]) => e));
  }
}
