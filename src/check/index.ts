// `tandem check`: glossary rules over aligned segments, with text, JSON, SARIF and JUnit reports.
// See docs/check.md.
export { checkSegments, type CheckOptions } from './engine.ts';
export { runCheck, type RunOptions, type RunOutcome, type ReportFormat } from './run.ts';
export { readSegmentFiles, parseSegmentFile, InputError } from './input.ts';
export { glossaryLintViolations } from './lint.ts';
export { summarize } from './report/summary.ts';
export { toJsonReport } from './report/json.ts';
export { toSarif, toSarifReport } from './report/sarif.ts';
export { toJunit } from './report/junit.ts';
export { toText } from './report/text.ts';
export {
  RULES, DEFAULT_SEVERITY, atLeast,
  type RuleId, type Severity, type Violation, type CheckedSegment, type CheckResult, type Summary,
} from './types.ts';
