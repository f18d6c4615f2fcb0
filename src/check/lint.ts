// glossary-lint: the glossary stage's own lint (duplicate ids, shared variants, deprecated terms that
// are another entry's preferred term, missing languages, conflatable terms), reported as check
// violations so that one CI step covers both the glossaries and the output checked against them.
import { readFile } from 'node:fs/promises';
import { lintGlossaries } from '../glossary/index.ts';
import type { Violation } from './types.ts';

export async function glossaryLintViolations(paths: string[]): Promise<Violation[]> {
  const files = await Promise.all(paths.map(async (path) => ({ path, text: await readFile(path, 'utf8') })));
  return lintGlossaries(files).problems.map((p) => {
    const v: Violation = { segment: null, entry: null, rule: 'glossary-lint', severity: p.severity, message: p.message, src: null, tgt: null, file: p.file, code: p.code };
    if (p.line !== undefined) v.line = p.line;
    return v;
  });
}
