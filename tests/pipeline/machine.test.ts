// The per-document machine in process: stages in order, failures with a reason, transient errors
// retried with backoff, snapshots that survive JSON and resume where they stopped.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActor } from 'xstate';
import { afterAll, describe, expect, it } from 'vitest';
import { createMatcher, loadGlossaries } from '../../src/glossary/index.ts';
import { noTranslation, type TranslationProvider } from '../../src/translate/index.ts';
import { compactSnapshot, createDocumentMachine, expandSnapshot, isTransient, type DocOutput, type MachineInput, type StageDeps } from '../../src/pipeline/index.ts';
import { DEFAULT_LIMITS } from '../../src/documents/index.ts';
import { REPO } from './helpers.ts';
import { emitStage } from '../../src/pipeline/stages.ts';
import type { DocContext } from '../../src/pipeline/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'tandem-machine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const doc = join(dir, 'story.txt');
writeFileSync(doc, 'Workers of the Minsk Tractor Works went on strike on Friday. They marched to the city centre.\n\n' +
  'Svetlana Tikhanovskaya left for Lithuania. The strikers support her.\n');
const glossary = await loadGlossaries([join(REPO, 'glossaries', 'belarus-2020.yaml')]);
const deps = (provider: TranslationProvider = noTranslation): StageDeps => ({ glossary, matcher: createMatcher(glossary), provider });
const input = (path = doc, attempts = 3): MachineInput => ({
  task: { src: { id: 'story.txt', path, fingerprint: 'x' } },
  settings: { languages: ['en', 'ru', 'uk', 'be'], pairs: [{ src: 'en', tgt: 'ru' }], limits: DEFAULT_LIMITS,
    retries: { attempts, backoffMs: 5 }, lowConfidence: 0.5 },
});

function run(machine: ReturnType<typeof createDocumentMachine>, options: Parameters<typeof createActor>[1], onStage?: (stage: string, persisted: unknown) => boolean) {
  return new Promise<{ output: DocOutput; stages: string[] }>((resolve) => {
    const actor = createActor(machine, options as never);
    const stages: string[] = [];
    actor.subscribe((s) => {
      const top = String(s.value);
      if (stages.at(-1) !== top) {
        stages.push(top);
        if (onStage?.(top, JSON.parse(JSON.stringify(actor.getPersistedSnapshot())))) { actor.stop(); resolve({ output: undefined as never, stages }); }
      }
      if (s.status === 'done') resolve({ output: s.output as DocOutput, stages });
    });
    actor.start();
  });
}

describe('document machine', () => {
  it('goes through every stage and ends with segments', async () => {
    const { output, stages } = await run(createDocumentMachine(deps()), { input: input() });
    expect(stages).toEqual(['read', 'segment', 'detect', 'normalise', 'align', 'translate', 'emit', 'done']);
    expect(output.status).toBe('done');
    expect(output.srcLang).toBe('en');
    expect(output.tgtLang).toBe('ru');
    expect(output.segments.map((s) => s.id)).toEqual(['0.0', '0.1', '1.0', '1.1']);
    expect(output.segments.every((s) => s.tgt === null)).toBe(true);
    expect(output.segments[2].terms.some((t) => t.entry && t.side === 'src')).toBe(true);
    expect(JSON.parse(JSON.stringify(output))).toEqual(output);
  });

  it('fails a bad document with its reason instead of throwing', async () => {
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const { output, stages } = await run(createDocumentMachine(deps()), { input: input(empty) });
    expect(stages).toEqual(['read', 'failed']);
    expect(output).toMatchObject({ status: 'failed', failure: { stage: 'read', code: 'empty' }, segments: [] });
  });

  it('retries a transient failure with backoff, then succeeds', async () => {
    let calls = 0;
    const flaky: TranslationProvider = {
      name: 'flaky',
      async translate(requests) {
        if (++calls < 3) throw Object.assign(new Error('429 Too Many Requests'), { status: 429 });
        return requests.map((r) => ({ text: `[${r.tgtLang}] ${r.text}`, origin: 'mt' as const, score: 0.5 }));
      },
    };
    const { output } = await run(createDocumentMachine(deps(flaky)), { input: input() });
    expect(calls).toBe(3);
    expect(output.status).toBe('done');
    expect(output.segments[0]).toMatchObject({ origin: 'mt', tgt: { lang: 'ru' }, score: 0.5 });
    expect(output.counts.translated).toBe(4);
  });

  it('counts as translated only what a provider filled, not a target sentence added by the translator', async () => {
    const ru = join(dir, 'story.ru.txt');
    writeFileSync(ru, 'Рабочие Минского тракторного завода в пятницу объявили забастовку. Они прошли маршем к центру города.\n\n' +
      'Светлана Тихановская уехала в Литву. Забастовщики её поддерживают. Примечание переводчика: завод выпускает тракторы «Беларус».\n');
    const paired: MachineInput = { ...input(), task: { ...input().task, tgt: { id: 'story.ru.txt', path: ru, fingerprint: 'y' }, pair: { src: 'en', tgt: 'ru' } } };
    const { output } = await run(createDocumentMachine(deps()), { input: paired });
    expect(output.segments.some((s) => s.id.startsWith('tgt:') && s.tgt)).toBe(true); // the translator's note
    expect(output.counts).toMatchObject({ aligned: 4, translated: 0 });
  });

  it('gives up after the configured attempts and fails with the reason', async () => {
    let calls = 0;
    const down: TranslationProvider = { name: 'down', async translate() { calls++; throw Object.assign(new Error('service unavailable'), { status: 503 }); } };
    const { output } = await run(createDocumentMachine(deps(down)), { input: input(doc, 2) });
    expect(calls).toBe(2);
    expect(output).toMatchObject({ status: 'failed', failure: { stage: 'translate', code: 'stageFailed' } });
    expect(output.failure!.message).toContain('service unavailable');
  });

  it('does not retry errors that are not transient', () => {
    expect(isTransient(Object.assign(new Error('x'), { code: 'EBUSY' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { status: 502 }))).toBe(true);
    expect(isTransient(Object.assign(new Error('x'), { status: 400 }))).toBe(false);
    expect(isTransient(new TypeError('bug'))).toBe(false);
  });

  it('resumes from a JSON snapshot taken between stages and ends with the same output', async () => {
    const machine = createDocumentMachine(deps());
    const whole = await run(machine, { input: input() });
    let saved: unknown;
    await run(machine, { input: input() }, (stage, persisted) => { if (stage === 'normalise') { saved = persisted; return true; } return false; });
    expect((saved as { value: string }).value).toBe('normalise');
    // As the batch stores it: compacted (the stage input is the context), through JSON, expanded.
    const stored = JSON.parse(JSON.stringify(compactSnapshot(saved)));
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(saved).length * 0.7);
    const resumed = await run(machine, { snapshot: expandSnapshot(stored) } as never);
    expect(resumed.stages).toEqual(['normalise', 'align', 'translate', 'emit', 'done']);
    expect({ ...resumed.output, timeMs: 0, stageMs: {} }).toEqual({ ...whole.output, timeMs: 0, stageMs: {} });
    expect(Object.keys(resumed.output.stageMs)).toEqual(['read', 'segment', 'detect', 'normalise', 'align', 'translate', 'emit']);
  });

  it('emit refuses malformed or duplicate segments from earlier stages', () => {
    const ctx = { input: input(), attempt: 0, times: {}, summary: { paragraphs: 1, srcLang: 'en', tgtLang: 'ru', languages: { en: 5 } } };
    const good = { doc: 'story.txt', id: '0.0', src: { lang: 'en', text: 'Hello.' }, tgt: null, terms: [], score: null };
    expect(emitStage({ ...ctx, segments: [good] } as DocContext).result).toMatchObject({ status: 'done', counts: { segments: 1 } });
    expect(() => emitStage({ ...ctx, segments: [good, good] } as DocContext)).toThrow(/duplicate segment id/);
    expect(() => emitStage({ ...ctx, segments: [{ ...good, src: { lang: 'en' } }] } as unknown as DocContext)).toThrow(/'src' must be/);
  });
});
