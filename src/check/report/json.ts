// The JSON report: {"violations": [...], "summary": {...}}, for scripts and dashboards.
import type { CheckResult } from '../types.ts';

export function toJsonReport(result: CheckResult): string {
  return JSON.stringify({ violations: result.violations, summary: result.summary }, null, 2) + '\n';
}
