// The rule engine: one pass over the batch (each text matched once), then the batch-wide
// consistency rule. Pure: segments and a glossary in, violations out, in reading order.
import type { Matcher } from '../glossary/index.ts';
import type { Glossary, Lang } from '../types.ts';
import { deprecatedTerms } from './rules/deprecated-term.ts';
import { observeRenderings, trackConsistency, type Observation } from './rules/inconsistent-term.ts';
import { missingTargetTerms } from './rules/missing-target-term.ts';
import { wrongLanguage } from './rules/wrong-language.ts';
import { indexGlossary, matchSegment, primaryLang, type GlossaryIndex } from './terms.ts';
import { DEFAULT_SEVERITY, RULES, type CheckedSegment, type Finding, type RuleId, type Severity, type Violation } from './types.ts';

export interface CheckOptions {
  /** Rules to run (default: all). */
  rules?: RuleId[];
  /** Severity per rule, over DEFAULT_SEVERITY. */
  severity?: Partial<Record<RuleId, Severity>>;
  /** Called now and then with the number of segments done, for a progress line. */
  onProgress?: (done: number, total: number) => void;
}

/** What the per-segment rules need, built once per batch. */
interface SegmentContext {
  enabled: Set<RuleId>;
  index: GlossaryIndex;
  matcher: Matcher;
  batchLanguages: Set<Lang>;
}

/** Every language declared in the batch: wrong-language weighs them all. */
function batchLanguagesOf(segments: CheckedSegment[]): Set<Lang> {
  const langs = new Set<Lang>();
  for (const { segment } of segments) {
    langs.add(primaryLang(segment.src.lang));
    if (segment.tgt) langs.add(primaryLang(segment.tgt.lang));
  }
  langs.delete('und');
  return langs;
}

/** The per-segment rules on one segment: its findings, and what it tells the consistency rule. */
function checkOne(at: CheckedSegment, ctx: SegmentContext): { findings: Finding[]; observations: Observation[] } {
  const { enabled, index } = ctx;
  const terms = matchSegment(at.segment, ctx.matcher);
  // A target in the wrong language is reported as such; judging its terms against the declared
  // language would only restate that finding.
  const findings = enabled.has('wrong-language') ? wrongLanguage(at, terms, ctx) : [];
  const judgeTarget = findings.length === 0;
  if (judgeTarget && enabled.has('missing-target-term')) findings.push(...missingTargetTerms(at, terms, index));
  if (enabled.has('deprecated-term')) findings.push(...deprecatedTerms(at, terms, index, judgeTarget ? ['src', 'tgt'] : ['src']));
  const observations = judgeTarget && enabled.has('inconsistent-term') && at.segment.tgt ? observeRenderings(terms, index) : [];
  return { findings, observations };
}

/** The per-segment rules over the segments in reading order, then the batch-wide consistency rule. */
export function checkSegments(segments: CheckedSegment[], glossary: Glossary, matcher: Matcher, options: CheckOptions = {}): Violation[] {
  const enabled = new Set(options.rules ?? RULES);
  const ctx: SegmentContext = { enabled, index: indexGlossary(glossary), matcher, batchLanguages: batchLanguagesOf(segments) };
  const consistency = enabled.has('inconsistent-term') ? trackConsistency() : undefined;
  const findings: Finding[] = [];
  segments.forEach((at, i) => {
    const one = checkOne(at, ctx);
    findings.push(...one.findings);
    if (one.observations.length) consistency?.record(at, one.observations);
    if (options.onProgress && (i + 1) % 1000 === 0) options.onProgress(i + 1, segments.length);
  });
  options.onProgress?.(segments.length, segments.length);
  if (consistency) findings.push(...consistency.violations());
  // Findings in reading order, rules in their listed order, as violations with severities.
  const levels = { ...DEFAULT_SEVERITY, ...options.severity };
  return findings
    .sort((a, b) => a.at.order - b.at.order || RULES.indexOf(a.rule) - RULES.indexOf(b.rule))
    .map((f) => toViolation(f, levels[f.rule]));
}

export function toViolation(f: Finding, severity: Severity): Violation {
  const { at } = f;
  const v: Violation = {
    segment: at.id, entry: f.entry, rule: f.rule, severity, message: f.message,
    src: at.segment.src.text, tgt: at.segment.tgt?.text ?? null,
  };
  // A reader names a segment's document by the file itself when the file does not say (a TMX without
  // x-doc props): that is no document, and the file is in the violation already.
  if (at.segment.doc && at.segment.doc !== at.file) v.doc = at.segment.doc;
  if (at.segment.tgtDoc) v.tgtDoc = at.segment.tgtDoc;
  if (at.file !== undefined) v.file = at.file;
  if (at.line !== undefined) v.line = at.line;
  if (f.side) v.side = f.side;
  if (f.found !== undefined) v.found = f.found;
  if (f.expected) v.expected = f.expected;
  return v;
}
