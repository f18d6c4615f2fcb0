// A baseline: the JSON report of an earlier run whose findings are known and accepted, so CI can be
// switched on for a large existing corpus and fail only on new violations. A finding matches the
// baseline by rule, file, document and translation, unit, entry and what was found (not by line or
// message, which move). Reports written before violations named their documents are matched without.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { t } from '../i18n/index.ts';
import { InputError } from './input.ts';
import type { Violation } from './types.ts';

type Keyed = Pick<Violation, 'rule' | 'file' | 'doc' | 'tgtDoc' | 'segment' | 'entry' | 'found'>;

/** The key without the documents: what a report of an earlier tandem gave. */
const placeOf = (v: Keyed) => [v.rule, v.file ? resolve(v.file) : '', v.segment ?? '', v.entry ?? '', v.found ?? ''].join('\u0000');
const keyOf = (v: Keyed) => [placeOf(v), v.doc ?? '', v.tgtDoc ?? ''].join('\u0000');

/** Accepted findings: by full key, and by place for those of a report that named no documents. */
export interface Baseline { keys: Set<string>; places: Set<string> }

export async function readBaseline(path: string): Promise<Baseline> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(t('check:error.badBaseline', { file: path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
  const violations = (parsed as { violations?: unknown })?.violations;
  if (!Array.isArray(violations)) throw new InputError(t('check:error.badBaseline', { file: path, reason: 'no "violations" array' }));
  const baseline: Baseline = { keys: new Set(), places: new Set() };
  for (const v of violations as Violation[]) {
    if (v.doc === undefined && v.tgtDoc === undefined) baseline.places.add(placeOf(v)); else baseline.keys.add(keyOf(v));
  }
  return baseline;
}

/** The violations that are not in the baseline. */
export function withoutBaseline(violations: Violation[], baseline: Baseline): Violation[] {
  return violations.filter((v) => !baseline.keys.has(keyOf(v)) && !baseline.places.has(placeOf(v)));
}
