// A content-addressed disk cache of engine answers: the key is a hash of everything that decides the
// answer (protocol, endpoint, model, languages, prompt, text), so a rerun of a job costs nothing and
// a changed setting never returns a stale answer. API keys are never part of the key or the file.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Cache {
  get(key: unknown): Promise<string | undefined>;
  set(key: unknown, value: string): Promise<void>;
  readonly hits: number;
}

export const cacheKey = (key: unknown) => createHash('sha256').update(JSON.stringify(key)).digest('hex');

export function diskCache(dir: string | undefined): Cache {
  let hits = 0;
  const path = (hash: string) => join(dir!, hash.slice(0, 2), `${hash}.json`);
  return {
    get hits() { return hits; },
    async get(key) {
      if (!dir) return undefined;
      try {
        const value = (JSON.parse(await readFile(path(cacheKey(key)), 'utf8')) as { value: string }).value;
        hits++;
        return value;
      } catch {
        return undefined; // missing or damaged entries are simply asked again
      }
    },
    async set(key, value) {
      if (!dir) return;
      const hash = cacheKey(key), file = path(hash);
      await mkdir(join(dir, hash.slice(0, 2)), { recursive: true });
      const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(temp, JSON.stringify({ value }));
      await rename(temp, file);
    },
  };
}
