// The 'apertium' provider: Apertium's command line, offline, for the pairs installed on the machine
// (Debian: apertium-bel-rus gives bel-rus and rus-bel). Many segments go through one process as an
// HTML document (one <p> per segment), so Apertium keeps our placeholders as inline tags and we pay
// its start-up once per chunk instead of once per sentence.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../types.ts';
import { t } from '../i18n/index.ts';
import { engineProvider, type Engine, type EngineResult } from './engine.ts';
import { ProviderConfigError, type ProviderConfig, type ProviderContext, type TranslationProvider } from './provider.ts';
import { numberSetting, stringSetting } from './settings.ts';
import type { TermContext } from './tm/match.ts';

// ISO 639-1 -> the 639-3 codes Apertium's pair names use.
const ISO3: Record<string, string> = { be: 'bel', ru: 'rus', uk: 'ukr', en: 'eng', es: 'spa', ca: 'cat', fr: 'fra', pt: 'por',
  it: 'ita', de: 'deu', pl: 'pol', cs: 'ces', sk: 'slk', gl: 'glg', eu: 'eus', oc: 'oci', ro: 'ron', kk: 'kaz', tt: 'tat', nb: 'nob', nn: 'nno', sv: 'swe', da: 'dan' };

export interface ApertiumOptions { command?: string; timeoutMs?: number; chunkChars?: number; modes?: Record<string, string> }

function run(command: string, args: string[], input: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [], err: Buffer[] = [];
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(t('translate:runTimeout', { command: `${command} ${args.join(' ')}`, ms: timeoutMs }))); }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', (e) => { clearTimeout(timer); reject(new Error(t('translate:runFailed', { command, reason: e.message }))); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(t('translate:runExit', { command: `${command} ${args.join(' ')}`, code, reason: Buffer.concat(err).toString('utf8').trim().split('\n')[0] })));
    });
    child.stdin.on('error', () => { /* reported through 'close' */ });
    child.stdin.end(input);
  });
}

const installedModes = new Map<string, Promise<string[]>>();

/** Installed translation directions, e.g. ['bel-rus', 'rus-bel']; empty when Apertium is missing. Asked once per command. */
export function apertiumModes(command = 'apertium'): Promise<string[]> {
  let modes = installedModes.get(command);
  if (!modes) {
    modes = run(command, ['-l'], '', 30_000).then((out) => out.split('\n').map((l) => l.trim()).filter(Boolean), () => []);
    installedModes.set(command, modes);
  }
  return modes;
}

/** Apertium marks unknown words with '*', and '#'/'@' for generation/transfer gaps: we report them and drop the marks. */
function cleanMarks(text: string): { text: string; unknown: string[] } {
  const unknown: string[] = [];
  const cleaned = text.replace(/(?<![\p{L}\p{N}])([*#@])(\p{L}[\p{L}\p{M}\p{N}'’-]*)/gu, (_all, mark: string, word: string) => {
    if (mark === '*') unknown.push(word);
    return word;
  });
  return { text: cleaned, unknown };
}

export function apertiumEngine(options: ApertiumOptions = {}): Engine {
  const command = options.command ?? 'apertium';
  const timeoutMs = options.timeoutMs ?? 120_000, chunkChars = options.chunkChars ?? 50_000;
  async function modeFor(src: Lang, tgt: Lang): Promise<string | undefined> {
    const key = `${src}-${tgt}`.toLowerCase();
    if (options.modes?.[key]) return options.modes[key];
    const modes = await apertiumModes(command);
    const [s, t] = [src.split('-')[0].toLowerCase(), tgt.split('-')[0].toLowerCase()];
    return [`${ISO3[s] ?? s}-${ISO3[t] ?? t}`, `${s}-${t}`].find((m) => modes.includes(m));
  }
  async function translateChunk(texts: string[], mode: string): Promise<Array<EngineResult | null>> {
    const doc = texts.map((t, i) => `<p id="s${i}">${t.replace(/\n/g, ' ')}</p>\n`).join('');
    // The apertium script reads /dev/stdin, which cannot be opened when stdin is a Node socket
    // pair: hand it a file instead.
    const dir = await mkdtemp(join(tmpdir(), 'tandem-apertium-'));
    let out: string;
    try {
      await writeFile(join(dir, 'in.html'), doc);
      out = await run(command, ['-f', 'html-noent', mode, join(dir, 'in.html')], '', timeoutMs);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const results: Array<EngineResult | null> = texts.map(() => null);
    for (const m of out.matchAll(/<p id="s(\d+)">([\s\S]*?)<\/p>/g)) {
      const { text, unknown } = cleanMarks(m[2]);
      const words = (text.match(/\p{L}+/gu) ?? []).length || 1;
      results[Number(m[1])] = { text, score: Math.max(0, 1 - unknown.length / words),
        detail: { engine: `apertium ${mode}`, ...(unknown.length ? { unknownWords: unknown } : {}) } };
    }
    return results;
  }
  /**
   * translateChunk, and the segments it left without a translation again in halves: some Apertium
   * modes drop their whole output on one word (Debian's ukr-rus, whose tagger data is Russian's, on
   * «лист»), and every other segment of the chunk came back empty with it. Each half costs one
   * process start, so a chunk with one such word takes about twice its size's logarithm of them.
   */
  async function translateIsolating(texts: string[], mode: string): Promise<Array<EngineResult | null>> {
    const results = await translateChunk(texts, mode);
    const missing = results.flatMap((r, k) => (r === null && texts[k].trim() ? [k] : []));
    if (texts.length < 2 || !missing.length) return results;
    const half = Math.ceil(missing.length / 2);
    for (const part of missing.length > 1 ? [missing.slice(0, half), missing.slice(half)] : []) {
      const again = await translateIsolating(part.map((k) => texts[k]), mode);
      part.forEach((k, n) => { results[k] = again[n]; });
    }
    return results;
  }
  return {
    name: 'apertium',
    format: 'html',
    verbatim: /[*#@~]/u,
    inflectsTerms: true,
    async supports(src, tgt) { return (await modeFor(src, tgt)) !== undefined; },
    async translate(texts, src, tgt) {
      const mode = (await modeFor(src, tgt))!;
      const results: Array<EngineResult | null> = [];
      for (let start = 0; start < texts.length;) {
        let end = start, size = 0;
        while (end < texts.length && (end === start || size + texts[end].length < chunkChars)) size += texts[end++].length;
        results.push(...(await translateIsolating(texts.slice(start, end), mode)));
        start = end;
      }
      return results;
    },
  };
}

export async function createApertiumProvider(config: ProviderConfig, context: ProviderContext, terms?: TermContext): Promise<TranslationProvider> {
  const command = stringSetting(config, 'command', 'apertium')!;
  const modes = config.modes as Record<string, string> | undefined;
  if (modes !== undefined && (typeof modes !== 'object' || Object.values(modes).some((m) => typeof m !== 'string'))) {
    throw new ProviderConfigError(t('translate:apertiumModes'));
  }
  if (!(await apertiumModes(command)).length) {
    throw new ProviderConfigError(t('translate:apertiumNoPairs', { command }));
  }
  void context;
  return engineProvider(apertiumEngine({ command, modes, timeoutMs: numberSetting(config, 'timeoutMs', 120_000, 1000, 3_600_000) }), terms);
}
