// The rule engine: one pass over the batch (each text matched once), then the batch-wide
// consistency rule. Pure: segments and a glossary in, violations out, in reading order.
import type { Matcher } from '../glossary/index.ts';
import type { Glossary, Lang } from '../types.ts';
import { deprecatedTerms } from './rules/deprecated-term.ts';
import { trackConsistency } from './rules/inconsistent-term.ts';
import { missingTargetTerms } from './rules/missing-target-term.ts';
import { wrongLanguage } from './rules/wrong-language.ts';
import { indexGlossary, matchSegment, primaryLang } from './terms.ts';
import { DEFAULT_SEVERITY, RULES, type CheckedSegment, type Finding, type RuleId, type Severity, type Violation } from './types.ts';

export interface CheckOptions {
  /** Rules to run (default: all). */
  rules?: RuleId[];
  /** Severity per rule, over DEFAULT_SEVERITY. */
  severity?: Partial<Record<RuleId, Severity>>;
  /** Called now and then with the number of segments done, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

export function checkSegments(segments: CheckedSegment[], glossary: Glossary, matcher: Matcher, options: CheckOptions = {}): Violation[] {
  const enabled = new Set(options.rules ?? RULES);
  const index = indexGlossary(glossary);
  const consistency = trackConsistency(index);
  const batchLanguages = new Set<Lang>();
  for (const { segment } of segments) {
    batchLanguages.add(primaryLang(segment.src.lang));
    if (segment.tgt) batchLanguages.add(primaryLang(segment.tgt.lang));
  }
  batchLanguages.delete('und');
  const findings: Finding[] = [];
  const usesTerms = enabled.has('missing-target-term') || enabled.has('deprecated-term') || enabled.has('inconsistent-term');
  segments.forEach((at, i) => {
    const terms = usesTerms || enabled.has('wrong-language')
      ? matchSegment(at.segment, matcher)
      : undefined;
    if (terms) {
      // A target in the wrong language is reported as such; judging its terms against the declared
      // language would only restate that finding.
      const wrong = enabled.has('wrong-language') ? wrongLanguage(at, terms, { batchLanguages }) : [];
      findings.push(...wrong);
      const judgeTarget = wrong.length === 0;
      if (judgeTarget && enabled.has('missing-target-term')) findings.push(...missingTargetTerms(at, terms, index));
      if (enabled.has('deprecated-term')) findings.push(...deprecatedTerms(at, terms, index, judgeTarget ? ['src', 'tgt'] : ['src']));
      if (judgeTarget && enabled.has('inconsistent-term')) consistency.add(at, terms);
    }
    if (options.onProgress && (i + 1) % 1000 === 0) options.onProgress(i + 1, segments.length);
  });
  if (enabled.has('inconsistent-term')) findings.push(...consistency.violations());
  options.onProgress?.(segments.length, segments.length);
  const severity = { ...DEFAULT_SEVERITY, ...options.severity };
  return findings
    .sort((a, b) => a.at.order - b.at.order || RULES.indexOf(a.rule) - RULES.indexOf(b.rule))
    .map((f) => toViolation(f, severity[f.rule]));
}

export function toViolation(f: Finding, severity: Severity): Violation {
  const { at } = f;
  const v: Violation = {
    segment: at.id, entry: f.entry, rule: f.rule, severity, message: f.message,
    src: at.segment.src.text, tgt: at.segment.tgt?.text ?? null,
  };
  if (at.file !== undefined) v.file = at.file;
  if (at.line !== undefined) v.line = at.line;
  if (f.side) v.side = f.side;
  if (f.found !== undefined) v.found = f.found;
  if (f.expected) v.expected = f.expected;
  return v;
}
