// A baseline: the JSON report of an earlier run whose findings are known and accepted, so CI can be
// switched on for a large existing corpus and fail only on new violations. A segment finding matches
// by rule, file, document and translation, unit, entry and what was found (not by line or message,
// which move); a glossary-lint finding by rule, file, lint code, entry and what the lint names (its
// params). Reports written before violations named their documents, or before lint findings carried
// their params, are matched as they were then (lint findings by code and message).
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { t } from '../i18n/index.ts';
import { InputError } from './input.ts';
import type { Violation } from './types.ts';

type Keyed = Pick<Violation, 'rule' | 'file' | 'doc' | 'tgtDoc' | 'segment' | 'entry' | 'found' | 'code' | 'params' | 'message'>;

const join = (...parts: Array<string | null | undefined>) => parts.map((p) => p ?? '').join('\u0000');
/** Params in a fixed order, so the key does not depend on how a report's JSON was written. */
const paramsKey = (params: Record<string, string>) => JSON.stringify(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The key without the documents: what a report of an earlier tandem gave (`file` already absolute). */
const placeOf = (v: Keyed, file: string) => join(v.rule, file, v.segment, v.entry, v.found);
const keyOf = (v: Keyed, file: string) => join(placeOf(v, file), v.doc, v.tgtDoc);
/** Lint findings: segment, entry and found were all null before, so one accepted finding hid every other. */
const lintKeyOf = (v: Keyed, file: string) => join(v.rule, file, v.code, v.entry, paramsKey(v.params ?? {}));
/** A lint finding of a report written before params: its code and message are all that tells it apart. */
const oldLintKeyOf = (v: Keyed, file: string) => join(v.rule, file, v.code, v.message);

/** Accepted findings by their keys, each kind in a set of its own. */
export interface Baseline { keys: Set<string>; places: Set<string>; lint: Set<string>; oldLint: Set<string> }

/**
 * The absolute paths a baseline's recorded path may stand for. Reports record paths as given on the
 * command line, relative to the folder that run started in, which the report does not say: that is
 * taken to be the working directory, or the baseline's own folder, or any folder above it (CI writes
 * the baseline from the repository root and keeps it somewhere under it).
 */
export function candidatePaths(recorded: string | undefined, baselinePath: string): string[] {
  if (!recorded) return [''];
  if (isAbsolute(recorded)) return [resolve(recorded)];
  const bases = [process.cwd()];
  for (let folder = dirname(resolve(baselinePath)); ; folder = dirname(folder)) {
    bases.push(folder);
    if (dirname(folder) === folder) break;
  }
  return [...new Set(bases.map((base) => resolve(base, recorded)))];
}

function parseReport(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // The parser's message quotes the offending text, newlines and all: one line is promised.
    const reason = (error as Error).message.replace(/\s+/g, ' ').trim();
    throw new InputError(t('check:error.badBaseline', { file: path, reason }));
  }
}

export async function readBaseline(path: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ? t(`check:error.reason.${code}`, { defaultValue: code }) : (error as Error).message;
    throw new InputError(t('check:error.unreadableBaseline', { file: path, reason }));
  }
  const violations = (parseReport(text, path) as { violations?: unknown })?.violations;
  if (!Array.isArray(violations)) throw new InputError(t('check:error.badBaseline', { file: path, reason: t('check:error.noViolations') }));
  const baseline: Baseline = { keys: new Set(), places: new Set(), lint: new Set(), oldLint: new Set() };
  for (const v of violations as Violation[]) {
    for (const file of candidatePaths(v.file, path)) {
      if (v.rule === 'glossary-lint') {
        if (v.params) baseline.lint.add(lintKeyOf(v, file)); else baseline.oldLint.add(oldLintKeyOf(v, file));
      } else if (v.doc === undefined && v.tgtDoc === undefined) baseline.places.add(placeOf(v, file));
      else baseline.keys.add(keyOf(v, file));
    }
  }
  return baseline;
}

/** The violations that are not in the baseline (this run's paths are relative to the working directory). */
export function withoutBaseline(violations: Violation[], baseline: Baseline): Violation[] {
  return violations.filter((v) => {
    const file = v.file ? resolve(v.file) : '';
    if (v.rule === 'glossary-lint') return !baseline.lint.has(lintKeyOf(v, file)) && !baseline.oldLint.has(oldLintKeyOf(v, file));
    return !baseline.keys.has(keyOf(v, file)) && !baseline.places.has(placeOf(v, file));
  });
}
