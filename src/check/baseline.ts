// A baseline: the JSON report of an earlier run whose findings are known and accepted, so CI can be
// switched on for a large existing corpus and fail only on new violations. A finding matches the
// baseline by rule, file, unit, entry and what was found (not by line or message, which move).
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { t } from '../i18n/index.ts';
import { InputError } from './input.ts';
import type { Violation } from './types.ts';

const keyOf = (v: Pick<Violation, 'rule' | 'file' | 'segment' | 'entry' | 'found'>) =>
  [v.rule, v.file ? resolve(v.file) : '', v.segment ?? '', v.entry ?? '', v.found ?? ''].join('\u0000');

export async function readBaseline(path: string): Promise<Set<string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new InputError(t('check:error.badBaseline', { file: path, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message }));
  }
  const violations = (parsed as { violations?: unknown })?.violations;
  if (!Array.isArray(violations)) throw new InputError(t('check:error.badBaseline', { file: path, reason: 'no "violations" array' }));
  return new Set(violations.map((v) => keyOf(v as Violation)));
}

/** The violations that are not in the baseline. */
export function withoutBaseline(violations: Violation[], baseline: Set<string>): Violation[] {
  return violations.filter((v) => !baseline.has(keyOf(v)));
}
