// Plain data of `tandem check`: what a rule reports and what a report is made from.
import type { Segment } from '../types.ts';

export type RuleId =
  | 'missing-target-term'
  | 'deprecated-term'
  | 'inconsistent-term'
  | 'wrong-language'
  | 'glossary-lint';

export type Severity = 'error' | 'warning';

/** Every rule, in the order reports list them. */
export const RULES: RuleId[] = ['missing-target-term', 'deprecated-term', 'inconsistent-term', 'wrong-language', 'glossary-lint'];

/** Default severities: what breaks the glossary fails CI; the consistency heuristic only warns. */
export const DEFAULT_SEVERITY: Record<RuleId, Severity> = {
  'missing-target-term': 'error',
  'deprecated-term': 'error',
  'inconsistent-term': 'warning',
  'wrong-language': 'error',
  'glossary-lint': 'error',
};

export interface Violation {
  /** TMX tuid, XLIFF "unit/segment" id or JSONL id; null for findings about a glossary. */
  segment: string | null;
  /** Glossary entry id, when the finding is about one. */
  entry: string | null;
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Source and target text of the segment (null for glossary findings). */
  src: string | null;
  tgt: string | null;
  /**
   * The segment's document and its translation, when the file names them (segments.jsonl holds a
   * whole job, whose every document has a segment "0.0"; an original may have two translations).
   */
  doc?: string;
  tgtDoc?: string;
  /** File the segment (or glossary) came from, and its 1-based line there when known. */
  file?: string;
  line?: number;
  /** Which side a term finding is about. */
  side?: 'src' | 'tgt';
  /** The text found (a deprecated variant, an inconsistent rendering, a detected language, ...). */
  found?: string;
  /** What was expected instead (preferred/admitted target terms, the dominant rendering, ...). */
  expected?: string[];
  /** Lint code of H4's glossary lint (duplicate-id, conflation, ...), for glossary-lint findings. */
  code?: string;
  /** What a glossary-lint finding names (ids, terms, languages), for baselines; see glossary's LintProblem. */
  params?: Record<string, string>;
}

/** What a segment rule reports; the engine adds severity, ids, texts and location. */
export interface Finding {
  at: CheckedSegment;
  entry: string | null;
  rule: RuleId;
  message: string;
  side?: 'src' | 'tgt';
  found?: string;
  expected?: string[];
}

/** A segment as checked: the shared Segment plus where it was read from. */
export interface CheckedSegment {
  segment: Segment;
  /** Report id (see Violation.segment). */
  id: string;
  file?: string;
  line?: number;
  /** Position in the batch, for reporting in reading order. */
  order: number;
}

export interface Summary {
  files: number;
  segments: number;
  glossaries: number;
  entries: number;
  violations: number;
  errors: number;
  warnings: number;
  byRule: Partial<Record<RuleId, number>>;
  failOn: Severity;
  /** True when some violation is at or above failOn (the exit code is then 1). */
  failed: boolean;
}

export interface CheckResult {
  violations: Violation[];
  summary: Summary;
}

export const SEVERITY_RANK: Record<Severity, number> = { warning: 1, error: 2 };

/** True when `severity` is at or above the threshold. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold];
}
