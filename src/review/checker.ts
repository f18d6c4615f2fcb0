// `tandem check` findings for the review page, through the check stage's public API. The check
// stage is built alongside this one, so it is looked up at run time: without it the page simply
// shows no findings (and the command says so once).
import { createMatcher, type Matcher } from '../glossary/index.ts';
import type { Glossary, Segment } from '../types.ts';
import type { Checker, Finding } from './context.ts';

interface CheckModule {
  checkSegments?: (segments: Array<{ segment: Segment; id: string; order: number }>, glossary: Glossary, matcher: Matcher) =>
    Array<Finding & { segment: string | null }>;
}

// A variable specifier keeps the type checker from requiring the module to exist already.
const CHECK_MODULE = '../check/index.ts';

export async function loadChecker(): Promise<Checker | null> {
  const mod = await import(CHECK_MODULE).catch(() => null) as CheckModule | null;
  const check = mod?.checkSegments;
  if (typeof check !== 'function') return null;
  const matchers = new WeakMap<Glossary, Matcher>();
  return (segments, glossary) => {
    let matcher = matchers.get(glossary);
    if (!matcher) matchers.set(glossary, matcher = createMatcher(glossary));
    const checked = segments.map((segment, order) => ({ segment, id: `${segment.doc}#${segment.id}`, order }));
    const out = new Map<string, Finding[]>();
    for (const v of check(checked, glossary, matcher)) {
      if (v.segment === null) continue;
      const list = out.get(v.segment) ?? [];
      list.push({ rule: v.rule, severity: v.severity, message: v.message, entry: v.entry });
      out.set(v.segment, list);
    }
    return out;
  };
}
