// What a candidate list needs (alphabet masks, which models to ask), worked out once per list rather
// than once per unit. Callers keep one candidate list per job, so the array itself is looked up
// first; an equal list in a fresh array finds the same value by its joined codes.
import type { Lang } from '../types.ts';

export function perCandidateList<T>(build: (languages: Lang[]) => T): (languages: Lang[]) => T {
  const byKey = new Map<string, T>();
  const byList = new WeakMap<Lang[], T>();
  return (languages) => {
    // One lookup, not has() then get(): this runs several times per sentence. No build returns undefined.
    const known = byList.get(languages);
    if (known !== undefined) return known;
    const key = languages.join(',');
    let value: T;
    if (byKey.has(key)) value = byKey.get(key) as T;
    else byKey.set(key, (value = build(languages)));
    byList.set(languages, value);
    return value;
  };
}
