import { describe, expect, it } from 'vitest';
import { applyChanges } from '../../src/glossary/index.ts';
import {
  applyPatch, beadToSegment, inversePatch, jobPairs, planOp, segmentsToBeads, sideToUnits, unitsToSide, ReviewError,
  type ReviewBead, type ReviewOp,
} from '../../src/review/index.ts';
import type { Segment } from '../../src/types.ts';
import { hostileSegments, seedSegments } from './fixture.ts';

function run(segments: Segment[], ...ops: ReviewOp[]): ReviewBead[] {
  const beads = segmentsToBeads(segments);
  for (const op of ops) applyPatch(beads, planOp(beads, op));
  return beads;
}

/** Every match points at its surface and every change reproduces the text from the original. */
function expectConsistent(segment: Segment): void {
  for (const m of segment.terms) {
    const side = m.side === 'src' ? segment.src : segment.tgt!;
    expect(side.text.slice(m.start, m.end)).toBe(m.surface);
  }
  for (const side of [segment.src, segment.tgt]) {
    if (!side?.changes) continue;
    for (const c of side.changes) expect(side.original!.slice(c.start, c.end)).toBe(c.before);
    expect(applyChanges(side.original!, side.changes)).toBe(side.text);
  }
}

describe('review model', () => {
  const segments = [...seedSegments(), ...hostileSegments()];

  it('gives untouched segments back exactly as the pipeline wrote them', () => {
    const beads = segmentsToBeads(segments);
    beads.forEach((b, k) => expect(beadToSegment(b, segments[k])).toEqual(segments[k]));
  });

  it('moves a target sentence into the next bead, leaving two 1:1 beads', () => {
    const beads = run(segments, { type: 'move', key: 'seed.en.txt#3', side: 'tgt', dir: 'next' });
    const [a, b] = [beadToSegment(beads[3]), beadToSegment(beads[4])];
    expect(a.tgt!.text).toBe(segments[3].tgt!.text.split(/(?<=\.) /)[0]);
    expect(b.tgt!.text).toMatch(/^Она уехала в Литву/);
    expect(a.flags ?? []).not.toContain('non-1:1');
    expect(b.flags ?? []).not.toContain('unpaired');
    expect(b.tgtSentences).toEqual(['3.t1']);
    // The source's normalisation record and the matches survive the restructuring.
    expectConsistent(a);
    expect(a.src.original).toContain('Tsikhanouskaya');
    expect(a.terms.filter((m) => m.side === 'tgt').map((m) => m.surface)).toEqual(['Светлана Тихановская']);
  });

  it('splits a 2:2 bead into two 1:1 beads with a fresh id, and merging them back restores the text', () => {
    const split = run(segments, { type: 'split', key: 'seed.en.txt#2', src: 1, tgt: 1 });
    expect(split.map((b) => b.id).slice(2, 4)).toEqual(['2', '2+1']);
    const [a, b] = [beadToSegment(split[2]), beadToSegment(split[3])];
    expect(a.src.text).toMatch(/^A last-minute blunder/);
    expect(b.src.text).toMatch(/^Hundreds of workers at state enterprises/);
    expect(b.tgt!.text).toMatch(/^Сотни рабочих государственных/);
    expect([a.srcSentences, b.srcSentences]).toEqual([['2.s0'], ['2.s1']]);
    expectConsistent(a);
    expectConsistent(b);
    const merged = run(segments, { type: 'split', key: 'seed.en.txt#2', src: 1, tgt: 1 }, { type: 'merge', key: 'seed.en.txt#2' });
    const back = beadToSegment(merged[2]);
    expect([back.src.text, back.tgt!.text, back.terms]).toEqual([segments[2].src.text, segments[2].tgt!.text, segments[2].terms]);
  });

  it('merges a caption split in two, and refuses to merge across documents or split into nothing', () => {
    const beads = run(segments, { type: 'merge', key: 'seed.en.txt#10' });
    expect(beadToSegment(beads[10]).src.text).toBe('Гродно. Так выглядят сотрудники предприятия «Гродноазот», которые вышли на забастовку.');
    expect(beads).toHaveLength(segments.length - 1);
    const last = segmentsToBeads(segments);
    expect(() => planOp(last, { type: 'merge', key: 'seed.en.txt#11' })).toThrow(ReviewError);
    expect(() => planOp(last, { type: 'split', key: 'seed.en.txt#0', src: 1, tgt: 1 })).toThrow(ReviewError);
    expect(() => planOp(last, { type: 'move', key: 'seed.en.txt#0', side: 'src', dir: 'prev' })).toThrow(ReviewError);
  });

  it('marks an edited target as human work and drops its stale matches', () => {
    const beads = run(segments, { type: 'edit', key: 'seed.en.txt#8', text: '  В пятницу днём они вышли с завода. Кричали «Уходи!»  ' },
      { type: 'confirm', key: 'seed.en.txt#8', value: true });
    const s = beadToSegment(beads[8], segments[8]);
    expect(s.tgt!.text).toBe('В пятницу днём они вышли с завода. Кричали «Уходи!»');
    expect(s.origin).toBe('human');
    expect(s.originDetail).toBeUndefined();
    expect(s.terms.every((m) => m.side === 'src')).toBe(true);
    expect(s.reviewed).toBe(true);
    expect(s.review).toMatchObject({ confirmed: true, edited: true });
  });

  it('writes an edited target exactly as typed, even where sentences meet with no space', () => {
    for (const text of ['Стоп!Хватит.', 'Конец ]]> и <![CDATA[ x ]]>.', 'Итак:\x85Дальше.', 'Правка с \r\n CRLF и\rодиночным CR.', 'Да?Нет. Он ушёл.Потом.']) {
      const beads = run(segments, { type: 'edit', key: 'seed.en.txt#0', text: `  ${text}\n` });
      expect(beadToSegment(beads[0], segments[0]).tgt!.text).toBe(text);
    }
  });

  it('keeps a bead\'s shape flags on an edit, which changes its text and not the sentences it pairs', () => {
    const beads = run(segments, { type: 'edit', key: 'seed.en.txt#0', text: 'Стоп! Хватит. Уходи.' },
      { type: 'edit', key: 'seed.en.txt#7', text: 'Премьер приехал, но рабочие ушли.' });
    expect(beads[0].tgt.length).toBeGreaterThan(1);
    expect(beadToSegment(beads[0], segments[0]).flags).toBeUndefined();
    expect(beadToSegment(beads[7], segments[7]).flags).toEqual(segments[7].flags);
    const emptied = run(segments, { type: 'edit', key: 'seed.en.txt#0', text: '  ' });
    expect(beadToSegment(emptied[0], segments[0])).toMatchObject({ tgt: null, flags: ['unpaired'] });
  });

  it('keeps the document sentences an edited target pairs, whatever number of sentences it is typed in', () => {
    const side = (text: string) => ({ lang: 'ru', text });
    const one: Segment = { doc: 'p.en.txt', id: '2.0', src: { lang: 'en', text: 'The parcel weighs 25 kg and costs 40 euros.' },
      tgt: side('Посылка весит 25 кг и стоит 40 евро.'), terms: [], score: 0.9, srcSentences: ['2.0'], tgtSentences: ['2.0'] };
    const two: Segment = { ...one, id: '3.0', tgt: side('Она пришла. Она ушла.'), srcSentences: ['3.0'], tgtSentences: ['3.0', '3.1'] };
    const beads = run([one, two], { type: 'edit', key: 'p.en.txt#2.0', text: 'Посылка весит 25 кг. Она стоит 40 евро.' },
      { type: 'edit', key: 'p.en.txt#3.0', text: 'Она пришла и ушла.' });
    expect(beadToSegment(beads[0], one).tgtSentences).toEqual(['2.0']);
    expect(beadToSegment(beads[1], two).tgtSentences).toEqual(['3.0', '3.1']);
    // Read back from the written segment, and edited again, the ids stay.
    const again = run([beadToSegment(beads[0], one)], { type: 'edit', key: 'p.en.txt#2.0', text: 'Посылка весит 25 кг. Стоит 40 евро. Доставка бесплатно.' });
    expect(beadToSegment(again[0]).tgtSentences).toEqual(['2.0']);
  });

  it('joins sentences that met with no space the same way after a split and a merge', () => {
    const side = (text: string) => ({ lang: 'ru', text });
    const joined: Segment = { doc: 'a.en.txt', id: '0', src: side('Stop! Enough.'), tgt: side('Стоп!Хватит.'), terms: [], score: 0.9,
      srcSentences: ['0.0', '0.1'], tgtSentences: ['0.0', '0.1'] };
    const beads = run([joined], { type: 'split', key: 'a.en.txt#0', src: 1, tgt: 1 }, { type: 'merge', key: 'a.en.txt#0' });
    expect(beadToSegment(beads[0]).tgt!.text).toBe('Стоп!Хватит.');
  });

  it('undoes any operation exactly through its inverse patch', () => {
    const ops: ReviewOp[] = [
      { type: 'split', key: 'seed.en.txt#2', src: 1, tgt: 1 },
      { type: 'move', key: 'seed.en.txt#4', side: 'src', dir: 'prev' },
      { type: 'move', key: 'seed.en.txt#3', side: 'tgt', dir: 'next' },
      { type: 'flagTerm', key: 'seed.en.txt#0', entry: 'lukashenko', note: 'full name wanted', value: true },
    ];
    const beads = segmentsToBeads(segments);
    const before = structuredClone(beads);
    const patches = ops.map((op) => { const p = planOp(beads, op); applyPatch(beads, p); return p; });
    // Moving the only sentence of the 1:0 bead 4 up empties it: the bead disappears.
    expect(beads.some((b) => b.key === 'seed.en.txt#4')).toBe(false);
    for (const p of patches.reverse()) applyPatch(beads, inversePatch(p));
    expect(beads).toEqual(before);
  });

  it('re-bases normalisation changes onto each sentence and joins them back', () => {
    const original = 'Lukashenka spoke. Then Tsikhanouskaya answered Lukashenka.';
    const changes = [
      { start: 0, end: 10, before: 'Lukashenka', after: 'Lukashenko', entry: 'l', reason: 'deprecated' },
      { start: 23, end: 37, before: 'Tsikhanouskaya', after: 'Tikhanovskaya', entry: 't', reason: 'deprecated' },
      { start: 47, end: 57, before: 'Lukashenka', after: 'Lukashenko', entry: 'l', reason: 'deprecated' },
    ];
    const text = applyChanges(original, changes);
    const units = sideToUnits({ lang: 'en', text, original, changes }, []);
    expect(units.map((u) => u.text)).toEqual(['Lukashenko spoke.', 'Then Tikhanovskaya answered Lukashenko.']);
    expect(units[1].original).toBe('Then Tsikhanouskaya answered Lukashenka.');
    expect(units[1].changes!.map((c) => [c.start, c.before])).toEqual([[5, 'Tsikhanouskaya'], [29, 'Lukashenka']]);
    expect(unitsToSide(units, 'en').side).toEqual({ lang: 'en', text, original, changes });
  });

  it('does not cut an edited sentence after a quoted exclamation that goes on in lower case', () => {
    const beads = run(segments, { type: 'edit', key: 'seed.en.txt#8', text: 'Они кричали «Жыве Беларусь!» и «Уходи!», обращаясь к нему. Потом ушли.' });
    expect(beads[8].tgt.map((u) => u.text)).toEqual(['Они кричали «Жыве Беларусь!» и «Уходи!», обращаясь к нему.', 'Потом ушли.']);
  });

  it('takes the job pairs from its TMX names and each document main direction, not from quotations', () => {
    const quoted = segments.filter((s) => s.doc === 'seed.en.txt').map((s) => (s.id === '10' ? { ...s, src: { ...s.src, lang: 'ru' } } : s));
    expect(jobPairs([], quoted)).toEqual([{ srcLang: 'en', tgtLang: 'ru' }]);
    const be = { ...segments[0], doc: 'b.txt', src: { lang: 'be', text: 'Прывітанне.' }, tgt: { lang: 'ru', text: 'Привет.' } };
    expect(jobPairs(['ru-en.tmx', 'notes.txt'], [...quoted, be])).toEqual([{ srcLang: 'ru', tgtLang: 'en' }, { srcLang: 'be', tgtLang: 'ru' }]);
  });

  it('gives a sentence its translator left out the language of its own translation, where an original has two', () => {
    const side = (lang: string, text: string) => ({ lang, text });
    const pair = (tgtDoc: string, lang: string, id: string, tgt: string | null): Segment => ({ doc: 'strike.txt', tgtDoc, id,
      src: side('en', `Sentence ${id}.`), tgt: tgt === null ? null : side(lang, tgt), terms: [], score: tgt === null ? null : 0.9 });
    const beads = segmentsToBeads([
      pair('strike.ru.txt', 'ru', '0', 'Предложение.'), pair('strike.ru.txt', 'ru', '1', null),
      pair('strike.uk.txt', 'uk', '0', 'Речення.'), pair('strike.uk.txt', 'uk', '1', null),
    ]);
    expect(beads.map((b) => [b.key, b.tgtDoc, b.tgtLang])).toEqual([['strike.txt#0', 'strike.ru.txt', 'ru'], ['strike.txt#1', 'strike.ru.txt', 'ru'],
      ['strike.txt#0~2', 'strike.uk.txt', 'uk'], ['strike.txt#1~2', 'strike.uk.txt', 'uk']]);
  });

  it('lets a reviewer translate a document that has no target yet, in the language its peers pair with', () => {
    const unpaired: Segment = { doc: 'other.en.txt', id: '0', src: { lang: 'en', text: 'Workers went on strike.' }, tgt: null, terms: [], score: null, flags: ['unpaired'] };
    const beads = run([...segments, unpaired], { type: 'edit', key: 'other.en.txt#0', text: 'Рабочие объявили забастовку.' });
    const s = beadToSegment(beads[beads.length - 1]);
    expect(s.tgt).toEqual({ lang: 'ru', text: 'Рабочие объявили забастовку.' });
    expect([s.origin, s.flags ?? []]).toEqual(['human', []]);
    expect(() => planOp(segmentsToBeads([unpaired]), { type: 'edit', key: 'other.en.txt#0', text: 'x' })).toThrow(ReviewError);
  });
});
