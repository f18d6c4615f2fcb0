// Segment text as DOM nodes: glossary terms and normalisation edits marked up. Text is hostile
// input: it only ever reaches the page through text nodes and textContent, never through markup.

/** Where each normalisation change sits in the unit's (normalised) text. */
export function changeRanges(changes) {
  let delta = 0;
  return [...(changes ?? [])].sort((a, b) => a.start - b.start).map((c) => {
    const start = c.start + delta;
    delta += c.after.length - (c.end - c.start);
    return { start, end: start + c.after.length, change: c };
  });
}

/**
 * Builds the nodes of one sentence: plain runs, <mark>s for glossary terms (with their entry on
 * hover) and, for normalisation, the replaced text struck through before the new text.
 */
export function unitNodes(unit, describeTerm, describeChange) {
  const text = unit.text;
  const terms = (unit.terms ?? []).filter((m) => m.start >= 0 && m.end <= text.length && m.start < m.end);
  const changes = changeRanges(unit.changes);
  const cuts = new Set([0, text.length]);
  for (const r of [...terms, ...changes]) { cuts.add(r.start); cuts.add(r.end); }
  const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
  const nodes = [];
  for (const c of changes) if (c.start === c.end) nodes.push({ at: c.start, node: deleted(c.change, describeChange) });
  const out = [];
  for (let k = 0; k < points.length - 1; k++) {
    const [a, b] = [points[k], points[k + 1]];
    for (const c of changes) if (c.start === a && c.end > a) out.push(deleted(c.change, describeChange));
    for (const n of nodes) if (n.at === a) out.push(n.node);
    let node = document.createTextNode(text.slice(a, b));
    const change = changes.find((c) => c.start <= a && b <= c.end);
    if (change) node = wrap('ins', node, 'norm', describeChange(change.change));
    // A family plural ("the Tsikhanouskis") is one mention of several entries: all are described.
    const covering = terms.filter((m) => m.start <= a && b <= m.end);
    if (covering.length) {
      const term = covering[0];
      node = wrap('mark', node, `term term-${term.status}`, covering.map(describeTerm).join('\n\n'));
      node.dataset.entry = term.entry;
    }
    out.push(node);
  }
  for (const n of nodes) if (n.at === text.length && text.length > 0) out.push(n.node);
  if (!text.length) for (const n of nodes) out.push(n.node);
  return out;
}

function deleted(change, describeChange) {
  const del = document.createElement('del');
  del.className = 'norm';
  del.textContent = change.before;
  del.title = describeChange(change);
  return del;
}

function wrap(tag, child, className, title) {
  const el = document.createElement(tag);
  el.className = className;
  if (title) el.title = title;
  el.append(child);
  return el;
}
