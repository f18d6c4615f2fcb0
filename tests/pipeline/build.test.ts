// The compiled copy of tandem (dist/, scripts/build.ts) in a copy of the repository: `tandem` runs it
// only while it was built from the sources as they are, and it writes the same outputs as the sources.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, REPO } from './helpers.ts';

const copy = mkdtempSync(join(tmpdir(), 'tandem-build-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));
for (const part of ['bin', 'src', 'scripts', 'glossaries', 'pipeline', 'seeds', 'package.json', 'package-lock.json']) {
  cpSync(join(REPO, part), join(copy, part), { recursive: true });
}
symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));

const node = (args: string[], env: Record<string, string> = {}) =>
  execFileSync(process.execPath, args, { cwd: copy, encoding: 'utf8', env: { ...process.env, TANDEM_FROM_SOURCE: '', ...env } });
const compiled = () => node(['--input-type=module', '-e',
  "console.log(await (await import('./bin/modules.js')).compiledCode())"]).trim();

describe('the compiled copy', () => {
  it('is run while it matches the sources, writes what they write, and gives way to an edit', () => {
    expect(compiled()).toBe('false'); // nothing built yet
    node(['--import', 'tsx', 'scripts/build.ts']);
    expect(compiled()).toBe('true');
    expect(node(['--input-type=module', '-e', "console.log(await (await import('./bin/modules.js')).compiledCode())"],
      { TANDEM_FROM_SOURCE: '1' }).trim()).toBe('false');

    node(['bin/tandem.js', 'run', 'pipeline/default.job.yaml', '--out', 'out/compiled', '-q']);
    node(['bin/tandem.js', 'run', 'pipeline/default.job.yaml', '--out', 'out/sources', '-q'], { TANDEM_FROM_SOURCE: '1' });
    const files = listFiles(join(copy, 'out/compiled'));
    expect(files).toContain('segments.jsonl');
    expect(listFiles(join(copy, 'out/sources'))).toEqual(files);
    for (const file of files.filter((f) => f !== 'report.json')) {
      expect(readFileSync(join(copy, 'out/compiled', file), 'utf8'), file).toBe(readFileSync(join(copy, 'out/sources', file), 'utf8'));
    }

    // An edit of the sources after the build: the sources run, edit and all, until the next build.
    const main = join(copy, 'src/cli/main.ts');
    writeFileSync(main, readFileSync(main, 'utf8').replace('`tandem ${', '`tandem (edited) ${'));
    expect(compiled()).toBe('false');
    expect(node(['bin/tandem.js', '--version'])).toMatch(/^tandem \(edited\) /);
    node(['--import', 'tsx', 'scripts/build.ts']);
    expect(compiled()).toBe('true');
    expect(node(['bin/tandem.js', '--version'])).toMatch(/^tandem \(edited\) /);
  }, 120_000);
});
