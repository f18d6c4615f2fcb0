// Sets of anchor ids, as marks in one array per purpose that a new round forgets at once: which ids a
// unit or a side has, and the units cut down to the ids both sides share (what the programme compares).
import type { Unit } from './features.ts';
import { grow } from './wordtable.ts';

/**
 * A mark per id, forgotten all at once by starting a new round rather than by clearing: sets of ids
 * are made per unit and per alignment, and an array as long as the largest id cleared each time
 * would cost more than the sets.
 */
export class RoundMarks {
  private marks = new Int32Array(1024);
  round = 0;
  next(): number {
    if (this.round > 0x7ffffff0) { this.marks.fill(0); this.round = 0; }
    return ++this.round;
  }
  get(id: number): number { return id < this.marks.length ? this.marks[id] : 0; }
  /** The marks by id (ids past its end are unmarked); replaced when set() grows it. */
  get values(): Int32Array { return this.marks; }
  set(id: number, round: number): void {
    if (id >= this.marks.length) this.marks = grow(this.marks, id);
    this.marks[id] = round;
  }
}

/**
 * The units with only the anchor ids that occur on the other side too: the others can never be
 * shared, and the programme's work grows with the ids it compares. Lengths and `keys` (the
 * similarity's denominator) are kept, so every score stays the same. `inTgt`, the target ids when
 * the caller has marked them already (and made no set since), saves marking them again.
 */
export function sharedOnly(src: readonly Unit[], tgt: readonly Unit[], inTgt: IdSet = new IdSet(tgt)): { src: Unit[]; tgt: Unit[] } {
  const tgtRound = inTgt.markedWith(), inBoth = marks.next();
  for (const u of src) for (const id of u.ids) if (marks.get(id) >= tgtRound) marks.set(id, inBoth);
  return { src: keepMarked(src, inBoth), tgt: keepMarked(tgt, inBoth) };
}

// The ids keepMarked keeps of one unit, gathered in one pass before they are copied out.
let kept = new Int32Array(256);

/** The units with only their ids marked `round`. */
function keepMarked(units: readonly Unit[], round: number): Unit[] {
  const out = new Array<Unit>(units.length);
  for (let k = 0; k < units.length; k++) {
    const u = units[k], all = u.ids;
    if (all.length > kept.length) kept = grow(kept, all.length);
    let n = 0;
    for (let e = 0; e < all.length; e++) if (marks.get(all[e]) === round) kept[n++] = all[e];
    if (n === all.length) { out[k] = u; continue; }
    const ids = new Array<number>(n);
    for (let e = 0; e < n; e++) ids[e] = kept[e];
    out[k] = { len: u.len, ids, keys: u.keys };
  }
  return out;
}

/** The ids some units have. Sets share one array of marks: a set is valid until the next is made. */
export class IdSet {
  private readonly round: number;
  constructor(units: readonly Unit[]) { this.round = markIds(units); }
  has(id: number): boolean {
    return marks.get(id) === this.markedWith();
  }
  /** The marks by id (ids past its end are unmarked): loops testing many ids read them directly. */
  marksById(): Int32Array { this.markedWith(); return marks.values; }
  /** The round its ids are marked with (sharedOnly reads the marks of a set made already). */
  markedWith(): number {
    if (this.round !== marks.round) throw new Error('IdSet used after a newer one was made');
    return this.round;
  }
}

const marks = new RoundMarks();

/** Marks the units' ids with a new round, returned. */
function markIds(units: readonly Unit[]): number {
  const round = marks.next();
  for (const u of units) for (const id of u.ids) marks.set(id, round);
  return round;
}
