// Validates XML with xmllint against the specs in ../shared/specs. Fails loudly when xmllint is
// missing (CI installs libxml2-utils): a validation test that silently skips proves nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SPECS = resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared', 'specs');
export const TMX_DTD = join(SPECS, 'tmx', 'tmx14.dtd');
export const XLIFF_XSD = join(SPECS, 'xliff', 'driver.xsd');

function requireXmllint(): void {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'pipe' });
  } catch {
    throw new Error('xmllint is not installed: apt-get install -y libxml2-utils (XML output cannot be validated without it)');
  }
}

/** Runs xmllint on the XML text; returns '' when valid, else xmllint's complaint. */
export function xmllint(xml: string, kind: 'tmx' | 'xliff'): string {
  requireXmllint();
  const dir = mkdtempSync(join(tmpdir(), 'tandem-xmllint-'));
  try {
    const file = join(dir, kind === 'tmx' ? 'out.tmx' : 'out.xlf');
    writeFileSync(file, xml);
    const args = kind === 'tmx' ? ['--noout', '--nonet', '--dtdvalid', TMX_DTD, file] : ['--noout', '--nonet', '--schema', XLIFF_XSD, file];
    const run = spawnSync('xmllint', args, { encoding: 'utf8' });
    return run.status === 0 ? '' : `${run.stderr}${run.stdout}`.trim() || `xmllint exited with ${run.status}`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
