// `tandem check` findings for the review page, through the check stage's public API: the same
// rules CI runs, shown inline on the beads they concern.
import { checkSegments } from '../check/index.ts';
import { createMatcher, type Matcher } from '../glossary/index.ts';
import type { Glossary } from '../types.ts';
import type { Checker, Finding } from './context.ts';
import { segmentKey } from './model.ts';

const matchers = new WeakMap<Glossary, Matcher>();

/** The glossary's matcher, compiled once (compiling all forms of every term is the slow part). */
export function termMatcher(glossary: Glossary): Matcher {
  let matcher = matchers.get(glossary);
  if (!matcher) matchers.set(glossary, matcher = createMatcher(glossary));
  return matcher;
}

export function createChecker(): Checker {
  return (segments, glossary) => {
    const matcher = termMatcher(glossary);
    const checked = segments.map((segment, order) => ({ segment, id: segmentKey(segment), order }));
    const out = new Map<string, Finding[]>();
    for (const v of checkSegments(checked, glossary, matcher)) {
      if (v.segment === null) continue;
      const list = out.get(v.segment) ?? [];
      list.push({ rule: v.rule, severity: v.severity, message: v.message, entry: v.entry });
      out.set(v.segment, list);
    }
    return out;
  };
}
