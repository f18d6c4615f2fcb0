// vitest's globalSetup: the whole run's temporary files (test fixtures, outputs, the CLI runs the
// tests start) go into one folder of their own, removed when the run ends. Tests make their folders
// with os.tmpdir(), which reads TMPDIR; left in the system's /tmp, every `npm test` left some fifty
// folders behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'tandem-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  return () => {
    if (before === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = before;
    rmSync(folder, { recursive: true, force: true });
  };
}
