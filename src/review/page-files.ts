// The page's files, read once at start-up into a map from URL path to content. The server answers
// only paths that are keys of this map, so no request path is ever joined to a file-system path.
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PageFile { type: string; body: Buffer }

// Through the repository's src/, so that the compiled copy in dist/ (scripts/build.ts) serves the same files.
export const PAGE_DIR = fileURLToPath(new URL('../../src/review/page', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export async function loadPageFiles(dir: string = PAGE_DIR): Promise<Map<string, PageFile>> {
  const files = new Map<string, PageFile>();
  for (const name of await readdir(dir)) {
    const type = TYPES[extname(name)];
    if (type && /^[\w-]+\.\w+$/.test(name)) files.set(`/${name}`, { type, body: await readFile(join(dir, name)) });
  }
  return files;
}
