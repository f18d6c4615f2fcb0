// Loads tandem's modules as `npx tandem` runs them: the compiled JavaScript in dist/ (which `npm ci`
// builds: scripts/build.ts) when it was built from these very sources, else the TypeScript sources
// through tsx. An edit needs no build step; it only starts slower until the next build (on Node 20
// tsx's loader hooks run on a thread of their own: about 0.6 s of a command's start).
// TANDEM_FROM_SOURCE=1 takes the sources in any case.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

// On one core V8's optimising compiler runs on the same core as tandem: a short batch spent about as
// long compiling as working, much of it on code that is hot only while warming up (the glossary's
// YAML parser, say). With one core available (a container's quota, `taskset`), a function must run
// about eight times as long as V8's default before it is optimised: in alternating one-core runs of
// `npm run bench` the compiler thread's CPU fell from 1.6-1.9 s to 0.7-1.0 s and end to end went from
// 4.9-5.6 s to 4.2-4.8 s. With two cores or more the compiler has a core of its own, and waiting
// only delays the optimised code (the two-core batch was 5-10% slower with it): left as it is.
if (availableParallelism() === 1) setFlagsFromString('--interrupt-budget=1000000');

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
