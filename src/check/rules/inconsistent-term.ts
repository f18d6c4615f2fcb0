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

/** What one segment says about how a source term is rendered (recorded by ConsistencyTracker in batch order). */
export interface Observation {
  key: string;
  entry: string;
  source: string;
  renderings: Array<{ key: string; text: string; preferred: boolean }>;
}

/** The renderings of each source term of one segment (pure: the per-segment half of the rule). */
export function observeRenderings(terms: SegmentTerms, index: GlossaryIndex): Observation[] {
  const observations: Observation[] = [];
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
    observations.push({
      key: [mention.entry, terms.srcLang, lemmaOf(mention), terms.tgtLang].join('\u0000'),
      entry: mention.entry,
      source: mention.surface,
      renderings: uniqueBy(candidates.map((m) => renderingOf(m, terms.tgtLang, index)), (r) => r.key),
    });
  }
  return observations;
}

export interface ConsistencyTracker {
  /** Records a segment's observations; call in batch order (the first seen breaks ties). */
  record(at: CheckedSegment, observations: Observation[]): void;
  violations(): Finding[];
}

export function trackConsistency(): ConsistencyTracker {
  const groups = new Map<string, Group>();
  let order = 0;

  return {
    record(at, observations) {
      for (const o of observations) {
        let group = groups.get(o.key);
        if (!group) groups.set(o.key, (group = { entry: o.entry, renderings: new Map(), occurrences: [] }));
        for (const r of o.renderings) {
          const known = group.renderings.get(r.key);
          if (known) known.count++;
          else group.renderings.set(r.key, { count: 1, first: order++, preferred: r.preferred, text: r.text });
        }
        group.occurrences.push({ at, renderings: o.renderings.map((r) => r.key), source: o.source });
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
