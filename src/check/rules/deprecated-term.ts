// deprecated-term: a variant the glossary marks deprecated, on either side of a segment. The message
// names the preferred term of the same entry and language, which is what normalisation would write.
import { houseSpelling, isBorrowedFamilyPlural, isFamilyPlural, type DetailedMatch } from '../../glossary/index.ts';
import { t } from '../../i18n/index.ts';
import { isInLanguage, primaryLang, shapeOf, statusOf, uniqueBy, type GlossaryIndex, type Mention, type SegmentTerms } from '../terms.ts';
import type { CheckedSegment, Finding } from '../types.ts';

/** `sides`: which sides to look at (the target is skipped when it is not in its declared language). */
export function deprecatedTerms(at: CheckedSegment, terms: SegmentTerms, index: GlossaryIndex, sides: Array<'src' | 'tgt'> = ['src', 'tgt']): Finding[] {
  const found: Finding[] = [];
  const all: Array<['src' | 'tgt', Mention[], string]> = [['src', terms.src, terms.srcLang], ['tgt', terms.tgt, terms.tgtLang]];
  for (const [side, matches, sideLang] of all.filter(([side]) => sides.includes(side))) {
    // A deprecated spelling of another language (Latin "Tikhanovskaya" left in a Russian target) is
    // not a variant of this side's term: missing-target-term reports that target.
    // A family plural (the Tikhanovskys) is one mention of each member: it is reported once, by the
    // entry whose own plural it is, as normalisation rewrites it once.
    const deprecated = matches.filter((m) => statusOf(m, index) === 'deprecated' && isInLanguage(m, sideLang, index)
      && !isBorrowedFamilyPlural(m));
    const text = (side === 'src' ? at.segment.src.text : at.segment.tgt?.text) ?? '';
    for (const m of uniqueBy(deprecated, (x) => `${x.entry}\u0000${x.surface.toLocaleLowerCase()}`)) {
      const lang = primaryLang(index.termOf(m)?.lang ?? m.lang) || sideLang;
      // Suggest the preferred term of the same shape (a surname for a surname) when there is one; for a
      // family plural, the plural normalisation writes (Tikhanovskys → Tsikhanouskis, not Tsikhanouski).
      const detailed = 'spellings' in m ? m as DetailedMatch : undefined;
      const rewrite = detailed && isFamilyPlural(detailed) ? houseSpelling(detailed, text, lang, index.entry(m.entry)) : undefined;
      const all = index.terms(m.entry, lang, ['preferred']);
      const shape = shapeOf(m, index);
      const same = all.filter((x) => x.shape === shape);
      const preferred = rewrite ? [rewrite] : uniqueBy(same.length ? same : all, (x) => x.text).map((x) => x.text);
      found.push({
        at, entry: m.entry, rule: 'deprecated-term', side,
        message: t(`check:rule.deprecated-term.${preferred.length ? 'message' : 'messageNoPreferred'}`, {
          term: m.surface, where: t(`check:sideIn.${side}`), preferred: preferred.join(' / '),
        }),
        found: m.surface, expected: preferred,
      });
    }
  }
  return found;
}
