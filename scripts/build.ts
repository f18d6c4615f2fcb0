// `npm run build` (run by `prepare`, so by every `npm ci`): compiles src/ to plain JavaScript in
// dist/, one file for one file at the same depth, for bin/tandem.js to start without tsx. On Node 20
// tsx's loader hooks run on a thread of their own, and every module waits for a round trip to it:
// about 0.6 s of a command's start. dist/BUILD records the sources' fingerprint, and bin/tandem.js
// takes dist/ only when the sources still have it, so an edit never runs stale code and needs no
// build step (it runs through tsx until the next build).
//
// esbuild, not tsc: it compiles the whole tree in a fraction of a second (tsc takes 8 s without
// checking types). Each file is its own entry point, its imports of other modules left as imports,
// with `.ts` made `.js`; a data file it imports (the job schema) is compiled into it.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { fingerprintOf } from '../src/pipeline/fingerprint.ts';

const REPO = resolve(import.meta.dirname, '..');
const SRC = join(REPO, 'src');
const DIST = join(REPO, 'dist');

/** Imports of other modules stay imports, of their compiled `.js` files. */
const keepImports: Plugin = {
  name: 'keep-module-imports',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.ts$/ }, ({ path }) => ({ path: path.slice(0, -3) + '.js', external: true }));
  },
};

/** Compiles src/ into dist/ and returns the number of modules; dist/BUILD is written last. */
async function buildDist(): Promise<number> {
  const entryPoints = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });
  await build({
    entryPoints, outdir: DIST, outbase: SRC, bundle: true, platform: 'node', format: 'esm', target: 'node20',
    packages: 'external', plugins: [keepImports], logLevel: 'warning',
  });
  // Written last: a build that stopped halfway has no BUILD, and bin/tandem.js keeps to the sources.
  writeFileSync(join(DIST, 'BUILD'), fingerprintOf(REPO));
  return entryPoints.length;
}

try {
  console.log(`dist/: ${await buildDist()} modules compiled`);
} catch (error) {
  // tandem still runs, from its sources through tsx: a failed build costs start-up time, not the install.
  rmSync(DIST, { recursive: true, force: true });
  console.warn(`tandem: dist/ not built (${(error as Error).message.split('\n')[0]}); running from the sources`);
}
