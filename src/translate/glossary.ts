// The 'glossary' provider: term-level pre-translation. When no memory or engine has an answer, the
// segment gets its source text with every glossary term replaced by the term's preferred target form,
// so the translator starts from the house terminology. Marked origin 'glossary' (state initial):
// a mixed-language draft, never a translation.
import { protectTerms, slotsOf } from './protect.ts';
import type { Translation, TranslationProvider } from './provider.ts';
import type { TermContext } from './tm/match.ts';

export function glossaryProvider(terms: TermContext | undefined): TranslationProvider {
  return {
    name: 'glossary',
    async translate(requests) {
      return requests.map((r): Translation | null => {
        // Only terms: URLs and handles stay as written anyway, so nothing marks them here.
        const parts = protectTerms(r.text, { src: r.srcLang, tgt: r.tgtLang }, { terms, verbatim: /(?!)/u });
        const slots = slotsOf(parts).filter((s) => s.kind === 'term');
        if (!slots.length) return null;
        const text = parts.map((p) => (typeof p === 'string' ? p : p.form)).join('');
        const warnings = slots.some((s) => s.needsForm) ? ['term-form'] : [];
        return { text, origin: 'glossary', score: 0,
          detail: { provider: 'glossary', terms: slots.map((s) => ({ entry: s.entry, source: s.surface, target: s.form })),
            ...(warnings.length ? { warnings } : {}) } };
      });
    },
  };
}
