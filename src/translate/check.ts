// Every filled target is checked with `tandem check`'s rules (missing and deprecated glossary terms)
// before anyone sees it; findings go into originDetail.check so the review page and exports show them.
import { checkSegments } from '../check/index.ts';
import type { Segment } from '../types.ts';
import type { Translation, TranslationProvider } from './provider.ts';
import type { TermContext } from './tm/match.ts';

export function withTermCheck(provider: TranslationProvider, terms: TermContext): TranslationProvider {
  return {
    ...provider,
    name: provider.name,
    async translate(requests) {
      const answers = await provider.translate(requests);
      const checked = answers.map((a, i) => ({ a, i })).filter((x): x is { a: Translation; i: number } => !!x.a && x.a.origin !== 'glossary');
      if (!checked.length) return answers;
      const segments = checked.map(({ a, i }, order) => {
        const r = requests[i];
        const segment: Segment = { doc: '', id: r.id, src: { lang: r.srcLang, text: r.text }, tgt: { lang: r.tgtLang, text: a.text }, terms: [], score: null, origin: a.origin };
        return { segment, id: String(order), order };
      });
      const violations = checkSegments(segments, terms.glossary, terms.matcher, { rules: ['missing-target-term', 'deprecated-term'] });
      const out = [...answers];
      checked.forEach(({ a, i }, order) => {
        const found = violations.filter((v) => v.segment === String(order));
        if (found.length) out[i] = { ...a, detail: { ...a.detail, check: found.map((v) => ({ rule: v.rule, entry: v.entry, side: v.side, message: v.message })) } };
      });
      return out;
    },
  };
}
