// The 'tm' provider: answers from translation memories with exact and fuzzy matches.
import type { Translation, TranslationProvider, TranslationRequest } from '../provider.ts';
import type { ProviderConfig, ProviderContext } from '../provider.ts';
import { numberSetting } from '../settings.ts';
import { entriesFor, loadMemories, type TmUnit } from './load.ts';
import { matchUnits, scoreMatch, type TermContext, type TmMatch } from './match.ts';
import { TranslationMemory } from './memory.ts';

export interface TmOptions { minMatch?: number; terms?: TermContext; candidates?: number }

/** A TM provider over units already in memory (tests, the CLI's import, the bench). */
export function tmProvider(units: TmUnit[], options: TmOptions = {}): TranslationProvider & { lookup(r: TranslationRequest): TmMatch | null } {
  const minMatch = options.minMatch ?? 75;
  const indexes = new Map<string, TranslationMemory>();
  // With a glossary, the index cuts texts as scoreMatch does (a term one unit), so that a memory entry
  // whose term has another word count than the query's ("Minsk", "Nizhny Novgorod") is a candidate.
  const terms = options.terms;
  const indexFor = (src: string, tgt: string) => {
    const key = `${src.toLowerCase()}>${tgt.toLowerCase()}`;
    let tm = indexes.get(key);
    if (!tm) {
      tm = TranslationMemory.build(entriesFor(units, src, tgt), src, terms && ((text) => matchUnits(text, src, terms).map((u) => u.norm)));
      indexes.set(key, tm);
    }
    return tm;
  };
  const lookup = (r: TranslationRequest): TmMatch | null => {
    const tm = indexFor(r.srcLang, r.tgtLang);
    // The index ranks by token distance (numbers are one token, so they never lower it); a differing
    // multiword term can lift a candidate a little after substitution, so look at a few.
    const candidates = tm.search(r.text, minMatch / 100, options.candidates ?? 8);
    let best: TmMatch | null = null;
    for (const c of candidates) {
      const m = scoreMatch(r.text, tm.entries[c.entry], { src: r.srcLang, tgt: r.tgtLang }, options.terms);
      if (m.percent >= minMatch && (!best || m.percent > best.percent)) best = m;
    }
    return best;
  };
  return {
    name: 'tm',
    lookup,
    async translate(requests) {
      return requests.map((r): Translation | null => {
        const m = lookup(r);
        if (!m) return null;
        return { text: m.target, origin: 'tm', score: m.percent / 100,
          detail: { provider: 'tm', match: m.percent, source: m.entry.source, ref: m.entry.ref,
            ...(m.substitutions.length ? { substitutions: m.substitutions } : {}),
            ...(m.warnings.length ? { warnings: m.warnings } : {}) } };
      });
    },
  };
}

export async function createTmProvider(config: ProviderConfig, context: ProviderContext): Promise<TranslationProvider> {
  const units = await loadMemories(config, context);
  const terms = context.glossary && context.matcher ? { glossary: context.glossary, matcher: context.matcher } : undefined;
  return tmProvider(units, { minMatch: numberSetting(config, 'minMatch', 75, 1, 100), terms });
}
