// Evaluation measures of the Vecalign and Bertalign papers, and the gold format they use
// (one bead per line, "[0, 1]:[2]", empty brackets for a sentence without counterpart).

export interface Scores { precision: number; recall: number; f1: number; predicted: number; gold: number; correct: number }

type Pairing = { src: number[]; tgt: number[] };

/** Parses "[i, ...]:[j, ...]" lines; throws with the line number on anything else. */
export function parseGold(text: string): Pairing[] {
  return text.split('\n').flatMap((line, k) => {
    if (!line.trim()) return [];
    const m = /^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*$/.exec(line);
    if (!m) throw new Error(`line ${k + 1}: not a "[i]:[j]" bead: ${line.slice(0, 60)}`);
    const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean).map(Number);
    return [{ src: list(m[1]), tgt: list(m[2]) }];
  });
}

export function formatGold(beads: Pairing[]): string {
  return beads.map((b) => `[${b.src.join(', ')}]:[${b.tgt.join(', ')}]\n`).join('');
}

/** Strict precision/recall/F1: exact matches among beads with both sides non-empty. */
export function strictScores(predicted: Pairing[], gold: Pairing[]): Scores {
  const key = (b: Pairing) => `${b.src.join(',')}:${b.tgt.join(',')}`;
  const paired = (beads: Pairing[]) => beads.filter((b) => b.src.length && b.tgt.length);
  const goldKeys = new Set(paired(gold).map(key));
  const pred = paired(predicted);
  const correct = pred.filter((b) => goldKeys.has(key(b))).length;
  return ratios(correct, pred.length, goldKeys.size);
}

/** Sums correct/predicted/gold over several documents (micro average). */
export function sumScores(parts: Scores[]): Scores {
  return ratios(parts.reduce((a, s) => a + s.correct, 0), parts.reduce((a, s) => a + s.predicted, 0), parts.reduce((a, s) => a + s.gold, 0));
}

function ratios(correct: number, predicted: number, gold: number): Scores {
  const precision = predicted ? correct / predicted : 0, recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predicted, gold, correct };
}
