// glossary-lint: the glossary stage's own lint, reported as check violations so one CI step covers
// both the glossaries and the output checked against them.
import type { Severity, Violation } from './types.ts';

export async function lintGlossaries(_paths: string[], _severity: Severity): Promise<Violation[]> {
  // TODO(H6): call src/glossary's lint once it lands (issue 4: `tandem glossary lint`).
  return [];
}
