// What tandem's results depend on besides a job's documents and settings: its own code and the
// exact versions of the packages it uses (language models, stemmers, dictionaries). A batch saved by
// other code is not resumed: a `git pull` or `npm update` between a run and its resume mixed two
// versions' results in one output, and the version in package.json is not bumped for every change.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

let fingerprint: string | undefined;

/** tandem's own fingerprint (see fingerprintOf), worked out once a process. */
export function codeFingerprint(): string {
  return (fingerprint ??= fingerprintOf(REPO));
}

/** A hash of `root`'s src/ (every file, by path and content) and package-lock.json. */
export function fingerprintOf(root: string): string {
  const hash = createHash('sha1');
  const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of [...files, join(root, 'package-lock.json')]) {
    let bytes: Buffer;
    try { bytes = readFileSync(file); } catch { continue; } // an installed copy may have no lock file
    hash.update(relative(root, file)).update('\0').update(bytes).update('\0');
  }
  return hash.digest('hex');
}
