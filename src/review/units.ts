// A segment side as a list of sentences ("units"), so that a reviewer can split, merge and move
// sentences between beads, and the side can be joined back into a SegmentSide without losing the
// glossary matches or the normalisation record (both are re-based onto each unit's own text).
import type { Change, Lang, SegmentSide, TermMatch } from '../types.ts';

export interface Unit {
  /** The document sentence id ("3.1"), when known. */
  sid?: string;
  text: string;
  /**
   * What followed the sentence in its segment (whitespace, or '' where a sentence ends with no
   * space: "Стоп!Хватит."), restored exactly when units are joined again. Absent on a side's last
   * sentence: nothing followed it, so one space joins it to a sentence moved or merged after it.
   */
  sep?: string;
  /** Text before normalisation, only when normalisation changed this sentence. */
  original?: string;
  /** Normalisation edits, offsets into `original`. */
  changes?: Change[];
  /** Glossary matches, offsets into `text`. */
  terms: TermMatch[];
  /**
   * Further document sentence ids this unit stands for, and `joined` on the units that stand for none:
   * a side whose sentences no longer count as its ids did (an edit that wrote two sentences as one,
   * or one as two) keeps every id, on its first unit, so the bead still pairs the document's sentences.
   */
  moreSids?: string[];
  joined?: true;
}

/**
 * Attaches sentence ids to units: one each when they count alike, else all on the first unit (the
 * others `joined`), never dropped: an edit changes the text, not the sentences the bead pairs.
 */
function attachIds(units: Unit[], ids: string[]): Unit[] {
  if (!ids.length || !units.length) return units;
  if (ids.length === units.length) { units.forEach((u, k) => { u.sid = ids[k]; }); return units; }
  units[0].sid = ids[0];
  if (ids.length > 1) units[0].moreSids = ids.slice(1);
  for (let k = 1; k < units.length; k++) units[k].joined = true;
  return units;
}

interface Range { start: number; end: number; sep: string }

const segmenters = new Map<Lang, Intl.Segmenter>();

/** One segmenter per language: building one costs far more than segmenting a sentence. */
function segmenterFor(lang: Lang): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang === 'und' ? undefined : lang, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' }); // a tag Intl rejects
    }
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/** Sentence ranges of a text. Intl.Segmenter, because segments are already house-style sentences. */
export function sentenceRanges(text: string, lang: Lang): Range[] {
  const ranges: Range[] = [];
  const segmenter = segmenterFor(lang);
  for (const piece of segmenter.segment(text)) {
    const trimmed = piece.segment.replace(/\s+$/u, '');
    if (!trimmed.trim()) {
      if (ranges.length) ranges[ranges.length - 1].sep += piece.segment;
      continue;
    }
    const start = piece.index;
    // ICU breaks after "!»" or "?"" even when the sentence goes on in lower case (a quotation).
    const last = ranges[ranges.length - 1];
    if (last && /^\p{Ll}/u.test(trimmed)) {
      last.end = start + trimmed.length;
      last.sep = piece.segment.slice(trimmed.length);
      continue;
    }
    ranges.push({ start, end: start + trimmed.length, sep: piece.segment.slice(trimmed.length) });
  }
  return ranges;
}

/**
 * Splits a side into units. A side that joins exactly one document sentence stays one unit whatever
 * Intl.Segmenter thinks (the pipeline's segmenter knows abbreviations better); otherwise the
 * sentence ids are attached when their count matches the segmenter's.
 */
export function sideToUnits(side: SegmentSide, terms: TermMatch[], sids: string[] = []): Unit[] {
  const text = side.text;
  const ranges = sids.length === 1 || !text.trim() ? [{ start: 0, end: text.length, sep: '' }] : sentenceRanges(text, side.lang);
  if (!ranges.length) ranges.push({ start: 0, end: text.length, sep: '' });
  const placed = placeTerms(text, terms);
  const normalised = changePositions(side.changes ?? []);
  return attachIds(ranges.map((r, k) => {
    const unit: Unit = {
      text: text.slice(r.start, r.end), ...(k === ranges.length - 1 ? {} : { sep: r.sep }),
      terms: placed.filter((m) => m.start >= r.start && m.start < r.end)
        .map((m) => ({ ...m, start: m.start - r.start, end: Math.min(m.end, r.end) - r.start })),
    };
    const mine = normalised.filter((c) => c.nStart >= r.start && c.nStart < r.end);
    if (side.original !== undefined && mine.length) {
      const oStart = toOriginal(r.start, normalised), oEnd = toOriginal(r.end, normalised);
      unit.original = side.original.slice(oStart, oEnd);
      unit.changes = mine.map(({ nStart: _n, ...c }) => ({ ...c, start: c.start - oStart, end: c.end - oStart }));
    }
    return unit;
  }), sids);
}

/** Joins units back into a side: text, original and changes, and the matches re-based. */
export function unitsToSide(units: Unit[], lang: Lang): { side: SegmentSide; terms: TermMatch[]; sids: string[] } {
  let text = '', original = '';
  const changes: Change[] = [], terms: TermMatch[] = [];
  const anyChanges = units.some((u) => u.changes?.length);
  units.forEach((u, k) => {
    const sep = k === units.length - 1 ? '' : u.sep ?? ' ';
    for (const m of u.terms) terms.push({ ...m, start: m.start + text.length, end: m.end + text.length });
    for (const c of u.changes ?? []) changes.push({ ...c, start: c.start + original.length, end: c.end + original.length });
    text += u.text + sep;
    original += (u.original ?? u.text) + sep;
  });
  const side: SegmentSide = { lang, text };
  if (anyChanges) Object.assign(side, { original, changes });
  return { side, terms, sids: sidsOf(units) };
}

/** The document sentence ids units stand for, in order; none when some unit's are unknown. */
function sidsOf(units: Unit[]): string[] {
  if (!units.every((u) => u.sid !== undefined || u.joined) || !units.some((u) => u.sid !== undefined)) return [];
  return units.flatMap((u) => (u.sid === undefined ? [] : [u.sid, ...(u.moreSids ?? [])]));
}

/** Units of a text typed by a reviewer: no matches or normalisation record, and the ids it had (attachIds). */
export function textToUnits(text: string, lang: Lang, previous: Unit[] = []): Unit[] {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const ranges = sentenceRanges(trimmed, lang);
  const units: Unit[] = ranges.map((r, k) => ({ text: trimmed.slice(r.start, r.end), ...(k === ranges.length - 1 ? {} : { sep: r.sep }), terms: [] }));
  return attachIds(units, sidsOf(previous));
}

/** Keeps matches whose offsets point at their surface; re-finds the ones that do not (or drops them). */
function placeTerms(text: string, terms: TermMatch[]): TermMatch[] {
  const out: TermMatch[] = [];
  for (const m of terms) {
    if (text.slice(m.start, m.end) === m.surface) { out.push(m); continue; }
    const at = m.surface ? text.indexOf(m.surface) : -1;
    if (at >= 0) out.push({ ...m, start: at, end: at + m.surface.length });
  }
  return out;
}

type Placed = Change & { nStart: number };

/** Where each change (offsets in the original) sits in the normalised text. */
function changePositions(changes: Change[]): Placed[] {
  let delta = 0;
  return [...changes].sort((a, b) => a.start - b.start).map((c) => {
    const placed = { ...c, nStart: c.start + delta };
    delta += c.after.length - (c.end - c.start);
    return placed;
  });
}

/** Maps an offset in the normalised text to the original text. */
function toOriginal(pos: number, changes: Placed[]): number {
  let delta = 0;
  for (const c of changes) {
    const nEnd = c.nStart + c.after.length;
    if (nEnd <= pos) delta += c.after.length - (c.end - c.start);
    else if (c.nStart < pos) return c.end;
    else break;
  }
  return pos - delta;
}
