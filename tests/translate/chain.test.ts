import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentsToJsonl, segmentsToTmx } from '../../src/export/index.ts';
import { createMatcher, loadGlossaries } from '../../src/glossary/index.ts';
import { chainProviders, createProviderChain, engineProvider, fillTargets, glossaryProvider, protectTerms, ProviderConfigError, restoreTerms, type Engine } from '../../src/translate/index.ts';
import type { Glossary, Segment, TermStatus } from '../../src/types.ts';

const term = (text: string, lang: string, status: TermStatus = 'preferred', extra: object = {}) => ({ text, lang, status, ...extra });
const glossary: Glossary = { sources: [], entries: [
  { id: 'tikhanovskaya', type: 'person', terms: [term('Tikhanovskaya', 'en'), term('Tsikhanouskaya', 'en', 'deprecated'), term('Тихановская', 'ru'), term('Тихановська', 'uk')] },
  { id: 'minsk', type: 'place', terms: [term('Minsk', 'en'), term('Минск', 'ru'), term('Мінськ', 'uk')] },
  { id: 'grodno', type: 'place', terms: [term('Grodno', 'en'), term('Hrodna', 'en', 'admitted'), term('Гродно', 'ru', 'preferred', { indeclinable: true })] },
] };
const terms = { glossary, matcher: createMatcher(glossary) };

const seg = (id: string, src: string, tgt: string | null, origin?: Segment['origin']): Segment => ({
  doc: 'd', id, src: { lang: 'en', text: src }, tgt: tgt === null ? null : { lang: 'ru', text: tgt }, terms: [], score: tgt ? 0.9 : null, ...(origin ? { origin } : {}) });

let dir: string;
beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'tandem-chain-')); });
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('glossary placeholders', () => {
  it('survive a round trip through an engine that moves them, with the case pattern kept', () => {
    const parts = protectTerms('TIKHANOVSKAYA left Minsk for Vilnius, see https://tut.by/a.', { src: 'en', tgt: 'ru' }, { terms });
    const slots = parts.filter((p) => typeof p !== 'string');
    expect(slots.map((s) => typeof s !== 'string' && s.surface)).toEqual(['TIKHANOVSKAYA', 'Minsk', 'https://tut.by/a']);
    // An "engine" that reorders the sentence around the placeholders.
    const restored = restoreTerms('⟦2⟧ покинула ⟦1⟧ ради Вильнюса, см. ⟦3⟧.', slots as never, /⟦(\d+)⟧/g);
    expect(restored.text).toBe('Минск покинула ТИХАНОВСКАЯ ради Вильнюса, см. https://tut.by/a.');
    expect(restored.warnings).toEqual([]);
  });

  it('reports a placeholder the engine lost instead of hiding it', () => {
    const parts = protectTerms('Tikhanovskaya spoke in Minsk.', { src: 'en', tgt: 'ru' }, { terms });
    const restored = restoreTerms('⟦1⟧ выступила.', parts.filter((p) => typeof p !== 'string') as never, /⟦(\d+)⟧/g);
    expect(restored.text).toBe('Тихановская выступила.');
    expect(restored.warnings).toEqual(['term-lost']);
  });

  it('uses the preferred form for deprecated spellings and flags inflected mentions for an inflecting target', () => {
    const parts = protectTerms('Tsikhanouskaya met Hrodna officials.', { src: 'en', tgt: 'ru' }, { terms });
    expect(parts.filter((p) => typeof p !== 'string').map((p) => typeof p !== 'string' && p.form)).toEqual(['Тихановская', 'Гродно']);
    // Russian inflected mentions are recognised by the glossary matcher; a placeholder cannot carry
    // the case, so the inflected one is flagged and the nominative one is not.
    const ru = protectTerms('Тихановская выступила в Минске.', { src: 'ru', tgt: 'uk' }, { terms });
    expect(ru.filter((p) => typeof p !== 'string').map((p) => typeof p !== 'string' && [p.surface, p.form, p.needsForm]))
      .toEqual([['Тихановская', 'Тихановська', false], ['Минске', 'Мінськ', true]]);
  });
});

describe('glossary provider', () => {
  it('pre-translates terms only, marked as glossary drafts, and has nothing for term-free text', async () => {
    const [a, b] = await glossaryProvider(terms).translate([
      { id: '1', text: 'Tikhanovskaya returned to Minsk.', srcLang: 'en', tgtLang: 'ru' },
      { id: '2', text: 'Nothing to see here.', srcLang: 'en', tgtLang: 'ru' }]);
    expect(a).toMatchObject({ text: 'Тихановская returned to Минск.', origin: 'glossary', score: 0 });
    expect(a!.detail!.terms).toEqual([{ entry: 'tikhanovskaya', source: 'Tikhanovskaya', target: 'Тихановская' }, { entry: 'minsk', source: 'Minsk', target: 'Минск' }]);
    expect(b).toBeNull();
  });

  it('gives a surname for a surname and a full name for a full name, as the source mention has it', async () => {
    // The shipped glossary lists Лукашенко and Александр Лукашенко, but only the full name Мария Колесникова.
    const shipped = await loadGlossaries([new URL('../../glossaries/belarus-2020.yaml', import.meta.url).pathname]);
    const [a, b] = await glossaryProvider({ glossary: shipped, matcher: createMatcher(shipped) }).translate([
      { id: '1', text: 'Lukashenka met Kalesnikava in Minsk.', srcLang: 'en', tgtLang: 'ru' },
      { id: '2', text: 'Aliaksandr Lukashenka met Sviatlana Tsikhanouskaya.', srcLang: 'en', tgtLang: 'ru' }]);
    expect(a!.text).toBe('Лукашенко met Колесникова in Минск.');
    expect(b!.text).toBe('Александр Лукашенко met Светлана Тихановская.');
  });
});

describe('provider chain', () => {
  it('reads memories from TMX and segments.jsonl, never recycling machine targets', async () => {
    await writeFile(join(dir, 'old.tmx'), segmentsToTmx([seg('1', 'The election took place on 9 August.', 'Выборы прошли 9 августа.')], { srcLang: 'en', tgtLang: 'ru' }));
    await writeFile(join(dir, 'segments.jsonl'), segmentsToJsonl([
      seg('2', 'Thousands of people came out into the streets.', 'Тысячи людей вышли на улицы.'),
      seg('3', 'The weather was cold and windy all week.', 'Погода всю неделю была плохая.', 'mt')]));
    const chain = await createProviderChain([{ type: 'tm', memories: ['*.tmx', 'segments.jsonl'], minMatch: 70 }, { type: 'glossary' }], { baseDir: dir, glossary });
    const out = await chain.translate([
      { id: 'a', text: 'The election took place on 10 August.', srcLang: 'en', tgtLang: 'ru' },
      { id: 'b', text: 'Thousands of people came out into the streets.', srcLang: 'en', tgtLang: 'ru' },
      { id: 'c', text: 'The weather was cold and windy all week.', srcLang: 'en', tgtLang: 'ru' },
      { id: 'd', text: 'Tikhanovskaya was in Minsk.', srcLang: 'en', tgtLang: 'ru' }]);
    expect(out[0]).toMatchObject({ text: 'Выборы прошли 10 августа.', origin: 'tm', detail: { provider: 'tm', match: 99 } });
    expect(out[1]).toMatchObject({ text: 'Тысячи людей вышли на улицы.', origin: 'tm', score: 1 });
    expect(out[2]).toBeNull();
    expect(out[3]).toMatchObject({ origin: 'glossary', text: 'Тихановская was in Минск.' });
  });

  it('substitutes a differing glossary term in a TM match', async () => {
    const chain = await createProviderChain([{ type: 'tm', memories: ['segments.jsonl'] }], { baseDir: dir, glossary });
    await writeFile(join(dir, 'segments.jsonl'), segmentsToJsonl([seg('1', 'Protesters gathered in the centre of Minsk on Sunday.', 'В воскресенье протестующие собрались в центре Минска.')]));
    const fresh = await createProviderChain([{ type: 'tm', memories: ['segments.jsonl'] }], { baseDir: dir, glossary });
    const [r] = await fresh.translate([{ id: 'a', text: 'Protesters gathered in the centre of Grodno on Sunday.', srcLang: 'en', tgtLang: 'ru' }]);
    expect(r!.text).toBe('В воскресенье протестующие собрались в центре Гродно.');
    expect(r!.detail).toMatchObject({ match: 99, substitutions: [{ kind: 'term', from: 'Минска', to: 'Гродно', entry: 'grodno' }] });
    void chain;
  });

  it('checks filled targets with tandem check rules and records what is wrong', async () => {
    await writeFile(join(dir, 'loose.jsonl'), segmentsToJsonl([seg('1', 'The meeting in Minsk was long.', 'Встреча была долгой.')]));
    const chain = await createProviderChain([{ type: 'tm', memories: ['loose.jsonl'] }], { baseDir: dir, glossary });
    const [r] = await chain.translate([{ id: 'a', text: 'The meeting in Minsk was long.', srcLang: 'en', tgtLang: 'ru' }]);
    expect(r!.text).toBe('Встреча была долгой.');
    expect(r!.detail!.check).toEqual([expect.objectContaining({ rule: 'missing-target-term', entry: 'minsk' })]);
  });

  it('asks the next provider only for what the previous one left', async () => {
    const seen: string[][] = [];
    const engine: Engine = { name: 'echo', format: 'text', async supports() { return true; },
      async translate(texts) { seen.push(texts); return texts.map((t) => ({ text: t.toUpperCase() })); } };
    const chain = chainProviders([glossaryProvider(terms), engineProvider(engine)]);
    const out = await chain.translate([{ id: '1', text: 'In Minsk.', srcLang: 'en', tgtLang: 'ru' }, { id: '2', text: 'Plain words.', srcLang: 'en', tgtLang: 'ru' }]);
    expect(out.map((r) => r!.origin)).toEqual(['glossary', 'mt']);
    expect(seen).toEqual([['Plain words.']]);
  });

  it('rejects unknown providers and bad settings with a one-line reason', async () => {
    await expect(createProviderChain([{ type: 'babelfish' }])).rejects.toThrow(/unknown translation provider 'babelfish'/);
    await expect(createProviderChain([{ type: 'tm', memories: ['missing.tmx'] }], { baseDir: dir })).rejects.toThrow(/missing.tmx: no such file/);
    await expect(createProviderChain([{ type: 'tm', memories: [], minMatch: 120 }], { baseDir: dir })).rejects.toThrow(/'minMatch' must be a number from 1 to 100/);
    await writeFile(join(dir, 'broken.tmx'), '<?xml version="1.0"?>\n<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>x</seg></tuv>\n</body></tmx>');
    const broken = createProviderChain([{ type: 'tm', memories: ['broken.tmx'] }], { baseDir: dir });
    await expect(broken).rejects.toThrow(ProviderConfigError);
    await expect(broken).rejects.toThrow(/broken\.tmx/);
  });
});

describe('fillTargets', () => {
  it('fills only empty targets and marks where each came from', async () => {
    const chain = await createProviderChain([{ type: 'glossary' }], { glossary });
    const segments = [seg('1', 'Minsk is big.', 'Минск большой.'), seg('2', 'Tikhanovskaya spoke.', null), seg('3', 'No terms.', null)];
    const out = await fillTargets(segments, chain, { tgtLang: 'ru', matcher: terms.matcher });
    expect(out[0]).toBe(segments[0]);
    expect(out[1]).toMatchObject({ tgt: { lang: 'ru', text: 'Тихановская spoke.' }, origin: 'glossary', originDetail: { provider: 'glossary' } });
    expect(out[1].terms.some((t) => t.side === 'tgt' && t.entry === 'tikhanovskaya')).toBe(true);
    expect(out[2].tgt).toBeNull();
  });
});

describe('provider settings schema', () => {
  it('accepts the documented settings and rejects typos, so a job file fails before anything runs', async () => {
    const { Ajv } = await import('ajv');
    const { providersSchema } = await import('../../src/translate/index.ts');
    const validate = new Ajv({ allErrors: true }).compile(providersSchema);
    expect(validate([{ type: 'tm', memories: ['m/*.tmx'], minMatch: 80 }, { type: 'apertium', modes: { 'be-ru': 'bel-rus' } },
      { type: 'http', protocol: 'deepl', requestsPerInterval: 2, intervalMs: 1000, cache: false }, { type: 'glossary' }, { type: 'none' }])).toBe(true);
    expect(validate([{ type: 'tm', memory: 'm.tmx' }])).toBe(false);
    expect(validate([{ type: 'http', protocol: 'google' }])).toBe(false);
    expect(validate([{ type: 'apertium', timeoutMs: 'soon' }])).toBe(false);
    expect(validate([{ type: 'babel' }])).toBe(false);
  });
});
