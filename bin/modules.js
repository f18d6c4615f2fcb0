// Loads tandem's modules as `npx tandem` runs them: the compiled JavaScript in dist/ (which `npm ci`
// builds: scripts/build.ts) when it was built from these very sources, else the TypeScript sources
// through tsx. An edit needs no build step; it only starts slower until the next build (on Node 20
// tsx's loader hooks run on a thread of their own: about 0.6 s of a command's start).
// TANDEM_FROM_SOURCE=1 takes the sources in any case.
import { readFileSync } from 'node:fs';

let compiled;

/** Whether dist/ holds these sources compiled; when not, tsx is registered to load the sources. */
function useCompiled() {
  compiled ??= builtFromSources().then(async (fresh) => {
    if (!fresh) (await import('tsx/esm/api')).register();
    return fresh;
  });
  return compiled;
}

/** dist/BUILD holds the fingerprint of src/ and package-lock.json it was built from (a few ms to check). */
async function builtFromSources() {
  if (process.env.TANDEM_FROM_SOURCE === '1') return false;
  let built;
  try { built = readFileSync(new URL('../dist/BUILD', import.meta.url), 'utf8'); } catch { return false; }
  const { codeFingerprint } = await import('../dist/pipeline/fingerprint.js');
  return codeFingerprint() === built;
}

/**
 * The module `src/<name>.ts`, compiled or not: 'cli/main', 'pipeline/fingerprint' or a stage's index
 * ('pipeline/index', 'align/index', ...), the entry points dist/ is built with (scripts/build.ts).
 */
export async function tandemModule(name) {
  if (await useCompiled()) return import(`../dist/${name}.js`);
  return import(`../src/${name}.ts`);
}

/** Whether tandemModule loads compiled code (for the benchmark's figures). */
export { useCompiled as compiledCode };
