// Reading a provider's job-file settings: typed values, defaults, and one-line errors that name the
// provider and the setting (the job schema catches most mistakes first; this guards direct callers).
import { isAbsolute, resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { ProviderConfigError, type ProviderConfig, type ProviderContext } from './provider.ts';

function fail(config: ProviderConfig, key: string, wanted: string): never {
  throw new ProviderConfigError(`translate provider '${config.type}': '${key}' must be ${wanted}`);
}

export function stringSetting(config: ProviderConfig, key: string, fallback?: string): string | undefined {
  const v = config[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'string' || !v) fail(config, key, 'a non-empty string');
  return v;
}

export function numberSetting(config: ProviderConfig, key: string, fallback: number, min: number, max: number): number {
  const v = config[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) fail(config, key, `a number from ${min} to ${max}`);
  return v;
}

export function listSetting(config: ProviderConfig, key: string): string[] {
  const v = config[key];
  if (v === undefined) return [];
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) fail(config, key, 'a string or a list of strings');
  return list as string[];
}

/** Expands globs relative to the job's folder; a literal path that does not exist is an error. */
export async function resolveFiles(config: ProviderConfig, key: string, context: ProviderContext): Promise<string[]> {
  const cwd = context.baseDir ?? process.cwd();
  const files: string[] = [];
  for (const pattern of listSetting(config, key)) {
    const found = await glob(pattern, { cwd, absolute: true, expandDirectories: false });
    if (!found.length && !/[*?[{]/.test(pattern)) throw new ProviderConfigError(`translate provider '${config.type}': ${pattern}: no such file`);
    files.push(...found.sort());
  }
  return files;
}

export const resolvePath = (path: string, context: ProviderContext) => (isAbsolute(path) ? path : resolve(context.baseDir ?? process.cwd(), path));
