// The review model: a job's segments as editable beads, and the reviewer's operations on them as
// pure functions. Every operation returns a patch (replace `remove` at `start` by `insert`); the
// inverse patch undoes it, so undo/redo are splices and the page gets the same patch to apply.
import type { Lang, Origin, Segment, TermMatch } from '../types.ts';
import { documentKeys } from '../export/index.ts';
import { sideToUnits, textToUnits, unitsToSide, type Unit } from './units.ts';

export interface TermProblem { entry: string; note: string }

export interface ReviewBead {
  /** Unique in the job: `${doc}#${id}`. */
  key: string;
  doc: string;
  id: string;
  tgtDoc?: string;
  srcLang: Lang;
  /** The target language, also for a bead that has no target yet (so a reviewer can write one). */
  tgtLang: Lang | null;
  src: Unit[];
  tgt: Unit[];
  score: number | null;
  /** The pipeline's flags (low-confidence, non-1:1, unpaired, ...), kept up to date on edits. */
  flags: string[];
  origin?: Origin;
  originDetail?: Record<string, unknown>;
  confirmed: boolean;
  /** The reviewer rewrote the target text. */
  edited: boolean;
  /** Split, merged or had sentences moved: no longer the pipeline's bead. */
  restructured: boolean;
  termProblems: TermProblem[];
}

export type ReviewOp =
  | { type: 'confirm'; key: string; value: boolean }
  | { type: 'edit'; key: string; text: string }
  | { type: 'merge'; key: string }
  | { type: 'split'; key: string; src: number; tgt: number }
  | { type: 'move'; key: string; side: 'src' | 'tgt'; dir: 'prev' | 'next' }
  | { type: 'flagTerm'; key: string; entry: string; note: string; value: boolean };

export interface Patch { start: number; remove: ReviewBead[]; insert: ReviewBead[] }

/** A reviewer's request that cannot be carried out (merge of the last bead, unknown key, ...). */
export class ReviewError extends Error {
  constructor(readonly code: string, message: string = code) { super(message); }
}

export const segmentKey = (s: { doc: string; id: string }): string => `${s.doc}#${s.id}`;

export function segmentToBead(segment: Segment, fallbackTgtLang: Lang | null = null): ReviewBead {
  const terms = segment.terms ?? [];
  const strip = ({ side: _side, ...m }: Segment['terms'][number]) => m;
  return {
    key: segmentKey(segment), doc: segment.doc, id: segment.id, tgtDoc: segment.tgtDoc,
    srcLang: segment.src.lang, tgtLang: segment.tgt?.lang ?? fallbackTgtLang,
    src: sideToUnits(segment.src, terms.filter((m) => m.side === 'src').map(strip), segment.srcSentences),
    tgt: segment.tgt ? sideToUnits(segment.tgt, terms.filter((m) => m.side === 'tgt').map(strip), segment.tgtSentences) : [],
    score: segment.score, flags: [...(segment.flags ?? [])], origin: segment.origin,
    originDetail: segment.originDetail, confirmed: false, edited: false, restructured: false, termProblems: [],
  };
}

/**
 * Beads of a job's segments. A segment without a target gets the target language its document pairs
 * with: the one its other segments have, else `docTgtLang` (the pipeline's direction, from
 * report.json, by documentKey), else the one other documents in its source language have, so a
 * reviewer can write one. (A document: an original with the translation it is paired with, so an
 * original paired with Russian and Ukrainian translations is two.)
 */
export function segmentsToBeads(segments: Segment[], docTgtLang: ReadonlyMap<string, Lang> = new Map()): ReviewBead[] {
  const tgtLangOf = new Map<string, Lang>();
  const bySrcLang = new Map<Lang, Map<Lang, number>>();
  const docs = documentKeys(segments);
  for (const [k, s] of segments.entries()) {
    if (!s.tgt) continue;
    if (!tgtLangOf.has(docs[k])) tgtLangOf.set(docs[k], s.tgt.lang);
    const counts = bySrcLang.get(s.src.lang) ?? new Map<Lang, number>();
    counts.set(s.tgt.lang, (counts.get(s.tgt.lang) ?? 0) + 1);
    bySrcLang.set(s.src.lang, counts);
  }
  // Each source language's most common other target language, worked out once, not per segment.
  const usual = new Map<Lang, Lang | undefined>();
  for (const [lang, counts] of bySrcLang) usual.set(lang, [...counts].sort((a, b) => b[1] - a[1]).find(([tgt]) => tgt !== lang)?.[0]);
  const seen = new Set<string>();
  return segments.map((s, k) => {
    const bead = segmentToBead(s, tgtLangOf.get(docs[k]) ?? docTgtLang.get(docs[k]) ?? usual.get(s.src.lang) ?? null);
    // A hand-made file may repeat an id; the key must still name one bead.
    for (let n = 2; seen.has(bead.key); n++) bead.key = `${segmentKey(s)}~${n}`;
    seen.add(bead.key);
    return bead;
  });
}

/** What operations may use besides the beads. */
export interface PlanEnv {
  /** Glossary matches in a text (the job's glossary); edited target text is matched again with it. */
  matchTerms?: (text: string, lang: Lang) => TermMatch[];
}

/** Works out an operation on the beads as a patch; throws ReviewError when it cannot be done. */
export function planOp(beads: readonly ReviewBead[], op: ReviewOp, env: PlanEnv = {}): Patch {
  const at = beads.findIndex((b) => b.key === op.key);
  if (at < 0) throw new ReviewError('unknownSegment', `unknown segment ${op.key}`);
  const bead = beads[at];
  switch (op.type) {
    case 'confirm':
      return replace(at, [bead], [{ ...bead, confirmed: Boolean(op.value) }]);
    case 'edit': {
      if (!bead.tgtLang) throw new ReviewError('noTargetLanguage');
      const lang = bead.tgtLang;
      const tgt = textToUnits(String(op.text), lang, bead.tgt).map((u) => ({ ...u, terms: env.matchTerms?.(u.text, lang) ?? [] }));
      return replace(at, [bead], [{ ...bead, tgt, flags: editedFlags(bead, tgt), edited: true, origin: 'human', originDetail: undefined }]);
    }
    case 'merge': {
      const next = beads[at + 1];
      if (!next || !sameDocument(bead, next)) throw new ReviewError('cannotMerge');
      return replace(at, [bead, next], [merged(bead, next)]);
    }
    case 'split': {
      const n = op.src, m = op.tgt;
      if (!Number.isInteger(n) || !Number.isInteger(m) || n < 0 || m < 0 || n > bead.src.length || m > bead.tgt.length
        || n + m === 0 || n + m === bead.src.length + bead.tgt.length) throw new ReviewError('cannotSplit');
      const first = refresh({ ...bead, src: bead.src.slice(0, n), tgt: bead.tgt.slice(0, m), restructured: true, confirmed: false });
      const second = refresh({ ...bead, id: freeId(beads, bead), src: bead.src.slice(n), tgt: bead.tgt.slice(m),
        restructured: true, confirmed: false, termProblems: [] });
      second.key = segmentKey(second);
      return replace(at, [bead], [first, second]);
    }
    case 'move':
      return move(beads, at, op.side, op.dir);
    case 'flagTerm': {
      const others = bead.termProblems.filter((p) => p.entry !== op.entry);
      const termProblems = op.value ? [...others, { entry: String(op.entry), note: String(op.note ?? '') }] : others;
      return replace(at, [bead], [{ ...bead, termProblems }]);
    }
    default:
      throw new ReviewError('unknownOperation', `unknown operation ${(op as { type?: unknown }).type}`);
  }
}

export function applyPatch(beads: ReviewBead[], patch: Patch): void {
  beads.splice(patch.start, patch.remove.length, ...patch.insert);
}

export const inversePatch = (p: Patch): Patch => ({ start: p.start, remove: p.insert, insert: p.remove });

/** Moves the first sentence of a side to the previous bead, or the last one to the next bead. */
function move(beads: readonly ReviewBead[], at: number, side: 'src' | 'tgt', dir: 'prev' | 'next'): Patch {
  const bead = beads[at];
  const otherAt = dir === 'prev' ? at - 1 : at + 1;
  const other = beads[otherAt];
  if (!other || !sameDocument(bead, other) || !bead[side].length) throw new ReviewError('cannotMove');
  if (side === 'tgt' && !other.tgtLang) throw new ReviewError('cannotMove');
  const moving = dir === 'prev' ? bead[side][0] : bead[side][bead[side].length - 1];
  const rest = dir === 'prev' ? bead[side].slice(1) : bead[side].slice(0, -1);
  const received = dir === 'prev' ? [...other[side], moving] : [moving, ...other[side]];
  const from = refresh({ ...bead, [side]: rest, restructured: true, confirmed: false });
  const to = refresh({ ...other, [side]: received, restructured: true, confirmed: false });
  const keep = from.src.length + from.tgt.length > 0 ? [from] : [];
  return dir === 'prev' ? replace(at - 1, [other, bead], [to, ...keep]) : replace(at, [bead, other], [...keep, to]);
}

function merged(a: ReviewBead, b: ReviewBead): ReviewBead {
  const machine = [a, b].find((x) => x.origin && x.origin !== 'aligned' && x.origin !== 'human');
  const origin = a.edited || b.edited ? 'human' : machine ? machine.origin : a.origin ?? b.origin;
  const scores = [a.score, b.score].filter((s): s is number => s !== null);
  return refresh({
    ...a, src: [...a.src, ...b.src], tgt: [...a.tgt, ...b.tgt], tgtLang: a.tgtLang ?? b.tgtLang,
    score: scores.length ? Math.min(...scores) : null, origin, originDetail: machine?.originDetail ?? a.originDetail,
    flags: [...new Set([...a.flags, ...b.flags])], edited: a.edited || b.edited, restructured: true, confirmed: false,
    termProblems: [...a.termProblems, ...b.termProblems.filter((p) => !a.termProblems.some((q) => q.entry === p.entry))],
  });
}

/** Keeps the shape flags true to the bead after an edit. */
function refresh(bead: ReviewBead): ReviewBead {
  const flags = bead.flags.filter((f) => f !== 'non-1:1' && f !== 'unpaired');
  if (!bead.tgt.length) flags.push('unpaired');
  else if (bead.src.length !== 1 || bead.tgt.length !== 1) flags.push('non-1:1');
  return { ...bead, flags };
}

/**
 * The shape flags after an edit. New text pairs the same sentences as the old, however many
 * sentences the reviewer's wording has, so a bead's shape changes only when its target is emptied
 * or first written (then its target counts as one sentence).
 */
function editedFlags(bead: ReviewBead, tgt: Unit[]): string[] {
  if (bead.tgt.length && tgt.length) return bead.flags;
  const flags = bead.flags.filter((f) => f !== 'non-1:1' && f !== 'unpaired');
  if (!tgt.length) flags.push('unpaired');
  else if (bead.src.length !== 1) flags.push('non-1:1');
  return flags;
}

function sameDocument(a: ReviewBead, b: ReviewBead): boolean {
  return a.doc === b.doc && (a.tgtDoc ?? null) === (b.tgtDoc ?? null);
}

/** A new id for the second half of a split: `<id>+1`, `<id>+2`, ... not yet used in its document. */
function freeId(beads: readonly ReviewBead[], bead: ReviewBead): string {
  const base = bead.id.replace(/\+\d+$/, '');
  const taken = new Set(beads.filter((b) => b.doc === bead.doc).map((b) => b.id));
  for (let k = 1; ; k++) if (!taken.has(`${base}+${k}`)) return `${base}+${k}`;
}

function replace(start: number, remove: ReviewBead[], insert: ReviewBead[]): Patch {
  return { start, remove, insert };
}

/** What a reviewer decided on a segment, kept in segments.jsonl after apply-review. */
export interface ReviewRecord { confirmed: boolean; edited: boolean; restructured: boolean; termProblems?: TermProblem[] }

export type ReviewedSegment = Segment & { review?: ReviewRecord };

/**
 * The bead as a segments.jsonl line; untouched beads give back their pipeline segment unchanged.
 * `reviewed` is what the writers read (XLIFF state "reviewed", TMX x-reviewed).
 */
export function beadToSegment(bead: ReviewBead, pristine?: Segment): ReviewedSegment {
  const reviewFlags = bead.termProblems.length ? ['term-problem'] : [];
  const review = bead.confirmed || bead.termProblems.length || bead.edited || bead.restructured
    ? { ...(bead.confirmed ? { reviewed: true } : {}), review: { confirmed: bead.confirmed, edited: bead.edited, restructured: bead.restructured,
      ...(bead.termProblems.length ? { termProblems: bead.termProblems } : {}) } } : {};
  if (pristine && !bead.edited && !bead.restructured) {
    const flags = [...new Set([...(pristine.flags ?? []), ...reviewFlags])];
    return { ...pristine, ...(flags.length ? { flags } : {}), ...review };
  }
  const src = unitsToSide(bead.src, bead.srcLang);
  const tgt = bead.tgt.length && bead.tgtLang ? unitsToSide(bead.tgt, bead.tgtLang) : null;
  const segment: Segment = {
    doc: bead.doc, id: bead.id, src: src.side, tgt: tgt?.side ?? null,
    terms: [...src.terms.map((m) => ({ ...m, side: 'src' as const })), ...(tgt?.terms ?? []).map((m) => ({ ...m, side: 'tgt' as const }))],
    score: tgt ? bead.score : null,
  };
  if (bead.tgtDoc !== undefined) segment.tgtDoc = bead.tgtDoc;
  if (src.sids.length) segment.srcSentences = src.sids;
  if (tgt?.sids.length) segment.tgtSentences = tgt.sids;
  const flags = [...new Set([...bead.flags, ...reviewFlags])];
  if (flags.length) segment.flags = flags;
  if (tgt && bead.origin) segment.origin = bead.origin;
  if (tgt && bead.originDetail) segment.originDetail = bead.originDetail;
  return { ...segment, ...review };
}
