// missing-target-term: the source names a glossary entry that has terms in the target language, and
// no preferred or admitted form of them (in any case form or romanisation the matcher knows) is in the
// target. A target that carries only a deprecated variant is left to deprecated-term, which names the
// variant and its replacement: one problem, one finding. A source hashtag, or a name inside a compound
// adjective (Minsk-based), asks for nothing; a place before a common noun (the Minsk region) may be
// rendered by an adjective built on its name (Минская область).
import { t } from '../../i18n/index.ts';
import { beforeCommonNoun, hasPlaceAdjective } from '../place-adjective.ts';
import { isInLanguage, uniqueBy, type GlossaryIndex, type SegmentTerms } from '../terms.ts';
import type { CheckedSegment, Finding } from '../types.ts';

/** A hyphen and a lower-case word after a name: the name qualifies a noun (Minsk-based, Kremlin-backed). */
const ATTRIBUTIVE = /^[-‐‑]\p{Ll}/u;

export function missingTargetTerms(at: CheckedSegment, terms: SegmentTerms, index: GlossaryIndex): Finding[] {
  const tgt = at.segment.tgt;
  if (!tgt || !tgt.text.trim()) return [];
  const found: Finding[] = [];
  // A hashtag names a feed and is often kept as it is (#belarus): it asks for no translation. A name
  // inside a compound adjective ("a Minsk-based lawyer") is rendered by an adjective or a phrase
  // («минский адвокат») that no form of the term is: it is not asked for either.
  const src = at.segment.src.text;
  const asked = terms.src.filter((m) => m.via !== 'hashtag' && !ATTRIBUTIVE.test(src.slice(m.end, m.end + 2)));
  for (const mention of uniqueBy(asked, (m) => m.entry)) {
    const expected = index.terms(mention.entry, terms.tgtLang, ['preferred', 'admitted']);
    if (!expected.length) continue;
    const inTarget = terms.tgt.filter((m) => m.entry === mention.entry && isInLanguage(m, terms.tgtLang, index));
    if (inTarget.length) continue; // present, or present only as a deprecated variant (deprecated-term)
    // "the Minsk region" → «Минская область»: the adjective built on the place's name renders it.
    if (index.entry(mention.entry)?.type === 'place' && beforeCommonNoun(src, mention.end) && hasPlaceAdjective(tgt.text, expected)) continue;
    const names = uniqueBy(expected, (x) => x.text).map((x) => x.text);
    found.push({
      at, entry: mention.entry, rule: 'missing-target-term', side: 'tgt',
      message: t('check:rule.missing-target-term.message', { term: mention.surface, expected: names.join(' / '), lang: terms.tgtLang }),
      found: mention.surface, expected: names,
    });
  }
  return found;
}
