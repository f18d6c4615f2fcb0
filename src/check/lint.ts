// glossary-lint: the glossary stage's own lint (duplicate ids, shared variants, deprecated terms that
// are another entry's preferred term, missing languages, conflatable terms), reported as check
// violations so that one CI step covers both the glossaries and the output checked against them.
import { readFile } from 'node:fs/promises';
import { lintGlossaries, type CompiledMatcher, type GlossaryFile } from '../glossary/index.ts';
import type { Violation } from './types.ts';

/** What the run has already made of the glossaries, so the lint does not parse or compile them again. */
export interface LintReuse {
  /** The glossary files as loaded (the same paths, in order). */
  files?: GlossaryFile[];
  /** A matcher compiled (with default options) from those files' entries in order. */
  matcher?: CompiledMatcher;
}

export async function glossaryLintViolations(paths: string[], reuse: LintReuse = {}): Promise<Violation[]> {
  const files = reuse.files ?? await Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
  return lintGlossaries(files, { patterns: reuse.matcher?.patterns }).problems.map((p) => {
    const v: Violation = { segment: null, entry: p.entry ?? null, rule: 'glossary-lint', severity: p.severity, message: p.message, src: null, tgt: null, file: p.file, code: p.code };
    if (p.line !== undefined) v.line = p.line;
    if (p.params) v.params = p.params;
    return v;
  });
}
