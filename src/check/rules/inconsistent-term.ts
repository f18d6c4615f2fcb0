// inconsistent-term (Xbench-style consistency): across the whole batch, the same source term of an
// entry should be rendered by the same target term. Case forms of one term are one rendering (the
// matcher reports the listed term behind an inflected surface). The rendering most segments use wins
// (ties: the preferred term, then the first seen) and each segment without it is reported.
import { t } from '../../i18n/index.ts';
import { isInLanguage, lemmaOf, renderingOf, shapeOf, statusOf, uniqueBy, type GlossaryIndex, type SegmentTerms } from '../terms.ts';
import type { CheckedSegment, Finding } from '../types.ts';

interface Rendering { count: number; first: number; preferred: boolean; text: string }
interface Occurrence { at: CheckedSegment; renderings: string[]; source: string }
interface Group { entry: string; renderings: Map<string, Rendering>; occurrences: Occurrence[] }

export interface ConsistencyTracker {
  add(at: CheckedSegment, terms: SegmentTerms): void;
  violations(): Finding[];
}

export function trackConsistency(index: GlossaryIndex): ConsistencyTracker {
  const groups = new Map<string, Group>();
  let order = 0;

  return {
    add(at, terms) {
      if (!at.segment.tgt) return;
      for (const mention of uniqueBy(terms.src, (m) => `${m.entry}\u0000${lemmaOf(m)}`)) {
        let candidates = terms.tgt.filter((m) => m.entry === mention.entry && statusOf(m, index) !== 'deprecated'
          && isInLanguage(m, terms.tgtLang, index));
        if (!candidates.length) continue;
        // A full name is compared with full names, a surname with surnames: a full name in the source
        // shortened to the surname in the target is a choice of style, not another term.
        const shape = shapeOf(mention, index);
        if (shape) {
          const sameShape = candidates.filter((m) => { const s = shapeOf(m, index); return s === undefined || s === shape; });
          if (!sameShape.length) continue;
          candidates = sameShape;
        }
        const key = [mention.entry, terms.srcLang, lemmaOf(mention), terms.tgtLang].join('\u0000');
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { entry: mention.entry, renderings: new Map(), occurrences: [] }));
        const rendered = uniqueBy(candidates.map((m) => renderingOf(m, terms.tgtLang, index)), (r) => r.key);
        for (const r of rendered) {
          const known = group.renderings.get(r.key);
          if (known) known.count++;
          else group.renderings.set(r.key, { count: 1, first: order++, preferred: r.preferred, text: r.text });
        }
        group.occurrences.push({ at, renderings: rendered.map((r) => r.key), source: mention.surface });
      }
    },
    violations() {
      const found: Finding[] = [];
      for (const group of groups.values()) {
        if (group.renderings.size < 2) continue;
        const [dominantKey, dominant] = [...group.renderings].sort(([, a], [, b]) =>
          b.count - a.count || Number(b.preferred) - Number(a.preferred) || a.first - b.first)[0];
        for (const occ of group.occurrences) {
          if (occ.renderings.includes(dominantKey)) continue;
          const used = occ.renderings.map((k) => group.renderings.get(k)!.text).join(' / ');
          found.push({
            at: occ.at, entry: group.entry, rule: 'inconsistent-term', side: 'tgt',
            message: t('check:rule.inconsistent-term.message', { term: occ.source, found: used, expected: dominant.text, count: dominant.count }),
            found: used, expected: [dominant.text],
          });
        }
      }
      return found;
    },
  };
}
