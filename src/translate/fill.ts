// Fills the targets of segments that have none (unpaired documents) from a provider, marking each
// filled target with its origin so exports never present it as human translation.
import type { Matcher } from '../glossary/index.ts';
import type { Lang, Segment } from '../types.ts';
import type { TranslationProvider } from './provider.ts';

export interface FillOptions {
  /** The target language of each segment (a job may have several pairs). */
  tgtLang: Lang | ((segment: Segment) => Lang | undefined);
  /** Segments per provider call (progress is reported after each). */
  batch?: number;
  /** Recognises glossary terms in the new targets, so `terms` lists the target side too. */
  matcher?: Matcher;
  onProgress?: (done: number, total: number) => void;
}

export async function fillTargets(segments: Segment[], provider: TranslationProvider, options: FillOptions): Promise<Segment[]> {
  const langOf = typeof options.tgtLang === 'function' ? options.tgtLang : () => options.tgtLang as Lang;
  const todo = segments.map((s, i) => ({ s, i, tgt: s.tgt ? undefined : langOf(s) })).filter((x) => x.tgt && x.s.src.text.trim());
  const out = [...segments];
  const batch = options.batch ?? 200;
  for (let start = 0; start < todo.length; start += batch) {
    const slice = todo.slice(start, start + batch);
    const answers = await provider.translate(slice.map(({ s, tgt }) => ({ id: `${s.doc}:${s.id}`, text: s.src.text, srcLang: s.src.lang, tgtLang: tgt! })));
    slice.forEach(({ s, i, tgt }, k) => {
      const a = answers[k];
      if (!a) return;
      const tgtTerms = options.matcher ? options.matcher.find(a.text, tgt!).map((m) => ({ ...m, side: 'tgt' as const })) : [];
      out[i] = { ...s, tgt: { lang: tgt!, text: a.text }, score: a.score ?? null, origin: a.origin,
        originDetail: a.detail ?? { provider: a.origin }, terms: [...s.terms.filter((t) => t.side !== 'tgt'), ...tgtTerms] };
    });
    options.onProgress?.(Math.min(start + batch, todo.length), todo.length);
  }
  return out;
}
