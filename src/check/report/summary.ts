// Counts for the end of a report and for the exit code.
import { atLeast, type Severity, type Summary, type Violation } from '../types.ts';

export interface BatchFacts { files: number; segments: number; glossaries: number; entries: number }

export function summarize(violations: Violation[], facts: BatchFacts, failOn: Severity): Summary {
  const byRule: Summary['byRule'] = {};
  let errors = 0;
  let warnings = 0;
  for (const v of violations) {
    byRule[v.rule] = (byRule[v.rule] ?? 0) + 1;
    if (v.severity === 'error') errors++;
    else warnings++;
  }
  return {
    ...facts, violations: violations.length, errors, warnings, byRule, failOn,
    failed: violations.some((v) => atLeast(v.severity, failOn)),
  };
}
