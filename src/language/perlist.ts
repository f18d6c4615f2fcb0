// What a candidate list needs (alphabet masks, which models to ask), worked out once per list rather
// than once per unit. Callers keep one candidate list per job, so the array itself is looked up
// first; an equal list in a fresh array finds the same value by its joined codes.
import type { Lang } from '../types.ts';

export function perCandidateList<T>(build: (languages: Lang[]) => T): (languages: Lang[]) => T {
  const byKey = new Map<string, T>();
  const byList = new WeakMap<Lang[], T>();
  // The list asked for last and its value: nearly every call asks for the job's one list again, and
  // comparing the array is cheaper than a WeakMap lookup, several of which are made per sentence.
  let lastList: Lang[] | undefined;
  let lastValue: T | undefined;
  return (languages) => {
    if (languages === lastList) return lastValue as T;
    // One lookup, not has() then get(). No build returns undefined.
    let known = byList.get(languages);
    if (known === undefined) {
      const key = languages.join(',');
      if (byKey.has(key)) known = byKey.get(key) as T;
      else byKey.set(key, (known = build(languages)));
      byList.set(languages, known);
    }
    lastList = languages;
    lastValue = known;
    return known;
  };
}
