// The whole `tandem check` run as one function (glossaries and files in, rendered report out), so the
// CLI stays a thin shell and tests can drive a run without spawning processes.
import { createMatcher, GlossaryError, loadGlossaryFiles, mergeGlossaryFiles, type CompiledMatcher, type GlossaryFile } from '../glossary/index.ts';
import { checkSegments } from './engine.ts';
import { expandInputs, InputError, readSegmentFiles } from './input.ts';
import { readBaseline, withoutBaseline } from './baseline.ts';
import { glossaryLintViolations } from './lint.ts';
import { toJsonReport } from './report/json.ts';
import { toJunit } from './report/junit.ts';
import { toSarifReport } from './report/sarif.ts';
import { summarize } from './report/summary.ts';
import { toText } from './report/text.ts';
import { t } from '../i18n/index.ts';
import { RULES, type CheckResult, type RuleId, type Severity, type Violation } from './types.ts';

export type ReportFormat = 'text' | 'json' | 'sarif' | 'junit';

export interface RunOptions {
  glossaries: string[];
  files: string[];
  format: ReportFormat;
  failOn: Severity;
  rules?: RuleId[];
  color?: boolean;
  toolVersion?: string;
  /** Base directory of SARIF's relative URIs (default: the working directory). */
  root?: string;
  onProgress?: (done: number, total: number) => void;
  /** JSON report of an earlier run: its findings are not reported again. */
  baseline?: string;
}

export interface RunOutcome { result: CheckResult; report: string; failed: boolean }

async function loadGlossaryFilesOrFail(paths: string[]): Promise<GlossaryFile[]> {
  try {
    return await loadGlossaryFiles(paths);
  } catch (error) {
    if (error instanceof GlossaryError) throw new InputError(t('check:error.badGlossary', { message: error.message }));
    throw error;
  }
}

export async function runCheck(options: RunOptions): Promise<RunOutcome> {
  const rules = options.rules ?? RULES;
  // Each glossary is read and parsed once: the rules use the merged glossary, the lint each file.
  const glossaryFiles = await loadGlossaryFilesOrFail(options.glossaries);
  const glossary = mergeGlossaryFiles(glossaryFiles);
  const baseline = options.baseline ? await readBaseline(options.baseline) : undefined;
  // A folder stands for the segment files in it (a job's output folder: its segments.jsonl).
  const files = await expandInputs(options.files);
  const segments = await readSegmentFiles(files);
  const segmentRules = rules.filter((r) => r !== 'glossary-lint');
  // One matcher serves the rules and the lint (whose costliest part is compiling the same patterns).
  let matcher: CompiledMatcher | undefined;
  const compiled = () => (matcher ??= createMatcher(glossary));
  const lint = rules.includes('glossary-lint')
    ? await glossaryLintViolations(options.glossaries, { files: glossaryFiles, matcher: compiled() }) : [];
  const found = segments.length && segmentRules.length
    ? checkSegments(segments, glossary, compiled(), { rules: segmentRules, onProgress: options.onProgress }) : [];
  const all = [...lint, ...found];
  const violations = baseline ? withoutBaseline(all, baseline) : all;
  const summary = summarize(violations, {
    files: files.length, segments: segments.length, glossaries: options.glossaries.length, entries: glossary.entries.length,
  }, options.failOn);
  const result: CheckResult = { violations, summary };
  const segmentsPerFile = new Map<string, number>();
  for (const s of segments) if (s.file) segmentsPerFile.set(s.file, (segmentsPerFile.get(s.file) ?? 0) + 1);
  const report = options.format === 'json' ? toJsonReport(result)
    : options.format === 'sarif' ? toSarifReport(result, { toolVersion: options.toolVersion ?? '0.0.0', root: options.root })
      : options.format === 'junit' ? toJunit(result, { files: [...options.glossaries, ...files], segmentsPerFile, glossaries: options.glossaries })
        : toText(result, { color: options.color ?? false });
  return { result, report, failed: summary.failed };
}
