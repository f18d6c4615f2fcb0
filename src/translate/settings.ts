// Reading a provider's job-file settings: typed values, defaults, and one-line errors that name the
// provider and the setting (the job schema catches most mistakes first; this guards direct callers).
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { t } from '../i18n/index.ts';
import { ProviderConfigError, type ProviderConfig, type ProviderContext } from './provider.ts';

// Messages live in the translate namespace's locale files, so --lang ru reports settings in Russian.
function fail(config: ProviderConfig, key: string, message: string, values: Record<string, unknown> = {}): never {
  throw new ProviderConfigError(t(`translate:${message}`, { type: config.type, key, ...values }));
}

export function stringSetting(config: ProviderConfig, key: string, fallback?: string): string | undefined {
  const v = config[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !v) fail(config, key, 'settingString');
  return v;
}

export function numberSetting(config: ProviderConfig, key: string, fallback: number, min: number, max: number): number {
  const v = config[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail(config, key, 'settingNumber', { min, max });
  return v;
}

export function listSetting(config: ProviderConfig, key: string): string[] {
  const v = config[key];
  if (v === undefined) return [];
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) fail(config, key, 'settingList');
  return list as string[];
}

/**
 * A file a setting names: `path` to read it by, `name` to record in output (a memory entry's ref),
 * as the job named it: relative to the job's folder, or absolute where the job wrote an absolute path,
 * so that output does not depend on where the job lives on a machine.
 */
export interface NamedFile { path: string; name: string }

/**
 * Expands globs relative to the job's folder; a literal path that does not exist is an error. A glob
 * that matches nothing is only a warning: a job may name outputs it has not written yet
 * (the outputs of all its documents, on its first run), but a typo must not pass in silence.
 */
export async function resolveFiles(config: ProviderConfig, key: string, context: ProviderContext): Promise<NamedFile[]> {
  const cwd = context.baseDir ?? process.cwd();
  const files: NamedFile[] = [];
  for (const pattern of listSetting(config, key)) {
    const found = await glob(pattern, { cwd, absolute: true, expandDirectories: false });
    if (!found.length && !/[*?[{]/.test(pattern)) throw new ProviderConfigError(t('translate:noSuchFile', { type: config.type, file: pattern }));
    if (!found.length) warn(context, t('translate:noGlobMatch', { type: config.type, pattern }));
    const named = isAbsolute(pattern) ? (path: string) => path : (path: string) => relative(cwd, path).split(sep).join('/');
    files.push(...found.sort().map((path) => ({ path, name: named(path) })));
  }
  return files;
}

function warn(context: ProviderContext, message: string): void {
  if (context.warn) context.warn(message);
  else process.stderr.write(message + '\n');
}

export const resolvePath = (path: string, context: ProviderContext) => (isAbsolute(path) ? path : resolve(context.baseDir ?? process.cwd(), path));
