// `npm run build` (run by `prepare`, so by every `npm ci`): compiles src/ to plain JavaScript in
// dist/, for bin/tandem.js to start without tsx. On Node 20 tsx's loader hooks run on a thread of
// their own, and every module waits for a round trip to it: about 0.6 s of a command's start.
// dist/BUILD records the sources' fingerprint, and bin/tandem.js takes dist/ only when the sources
// still have it, so an edit never runs stale code and needs no build step (it runs through tsx until
// the next build).
//
// esbuild, not tsc: it compiles the whole tree in a fraction of a second (tsc takes 8 s without
// checking types). The modules that are loaded by name (bin/modules.js tandemModule: the CLI, each
// stage's index, the fingerprint) are bundled with the packages they import, and the code they
// share is split into chunks that each loads once. Resolving and loading some 160 modules of ours
// and as many of the packages' one by one cost `tandem run` about 0.4 s of its start on one core.
// Code loaded lazily (a command, eld, apertium) stays in chunks of its own, loaded when needed.
// Every output file sits two folders deep, as the sources do, so the paths modules read files by
// (`new URL('../../src/...', import.meta.url)`) hold in both.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { fingerprintOf } from '../src/pipeline/fingerprint.ts';

const REPO = resolve(import.meta.dirname, '..');
const SRC = join(REPO, 'src');
const DIST = join(REPO, 'dist');

/** The modules bin/modules.js may be asked for: the CLI, the fingerprint, and every stage's index. */
function entryPoints(): Record<string, string> {
  const entries: Record<string, string> = { 'cli/main': join(SRC, 'cli/main.ts'), 'pipeline/fingerprint': join(SRC, 'pipeline/fingerprint.ts') };
  for (const stage of readdirSync(SRC, { withFileTypes: true })) {
    const index = join(SRC, stage.name, 'index.ts');
    if (stage.isDirectory() && existsSync(index)) entries[`${stage.name}/index`] = index;
  }
  return entries;
}

/** Bundles src/ into dist/ and returns the number of files written; dist/BUILD is written last. */
async function buildDist(): Promise<number> {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  const result = await build({
    entryPoints: entryPoints(), outdir: DIST, chunkNames: 'chunks/[name]-[hash]', bundle: true, splitting: true,
    platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning', metafile: true,
    // Bundled CommonJS packages call require() for Node's own modules, which an ES module lacks.
    banner: { js: "import { createRequire as __tandemRequire } from 'node:module'; const require = __tandemRequire(import.meta.url);" },
  });
  // Written last: a build that stopped halfway has no BUILD, and bin/tandem.js keeps to the sources.
  writeFileSync(join(DIST, 'BUILD'), fingerprintOf(REPO));
  return Object.keys(result.metafile.outputs).length;
}

try {
  console.log(`dist/: ${await buildDist()} files (entry modules and shared chunks)`);
} catch (error) {
  // tandem still runs, from its sources through tsx: a failed build costs start-up time, not the install.
  rmSync(DIST, { recursive: true, force: true });
  console.warn(`tandem: dist/ not built (${(error as Error).message.split('\n')[0]}); running from the sources`);
}
