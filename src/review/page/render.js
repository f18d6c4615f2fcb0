// One bead as a row of the page. Pure DOM building from plain data; every piece of segment text
// goes in through textContent or text nodes (see text.js).
import { tr } from './i18n.js';
import { unitNodes } from './text.js';

// 'moved': paired across the order with a sentence the translator moved (align/moved.ts).
const REVIEW_FLAGS = ['low-confidence', 'non-1:1', 'unpaired', 'moved'];

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** True when the bead needs a look: a pipeline flag, a check finding or a term problem. */
export function isFlagged(bead, violations) {
  return bead.flags.some((f) => REVIEW_FLAGS.includes(f)) || bead.termProblems.length > 0 || (violations?.length ?? 0) > 0;
}

/** Hover text of a glossary match: the entry and its preferred forms in every language. */
export function describeTerm(match, glossary) {
  const entry = glossary[match.entry];
  const lines = [tr('term.entry', { entry: match.entry, status: tr(`status.${match.status}`) })];
  if (entry?.note) lines.push(entry.note);
  const preferred = (entry?.terms ?? []).filter((term) => term.status === 'preferred');
  if (preferred.length) lines.push(tr('term.preferred', { forms: preferred.map((term) => `${term.text} (${term.lang})`).join(', ') }));
  if (match.surface !== match.term) lines.push(tr('term.recognised', { term: match.term, via: match.via }));
  return lines.join('\n');
}

const describeChange = (change) => tr('norm.change', { before: change.before, after: change.after, entry: change.entry });

function badge(className, text, title) {
  const node = el('span', `badge ${className}`, text);
  if (title) node.title = title;
  return node;
}

function meta(bead, index, violations) {
  const box = el('div', 'meta');
  const num = el('span', 'num', `#${index + 1} `);
  const id = el('span', 'sid', bead.id);
  id.title = tr('badge.segment');
  num.append(id);
  box.append(num);
  if (bead.score !== null && bead.score !== undefined) {
    const level = bead.score >= 0.7 ? 'good' : bead.score >= 0.4 ? 'fair' : 'poor';
    box.append(badge(`score score-${level}`, bead.score.toFixed(2), tr('badge.score')));
  }
  if (bead.tgt.length) {
    const origin = bead.origin ?? 'aligned';
    box.append(badge(`origin origin-${origin}`, tr(`origin.${origin}`), tr('badge.origin')));
  }
  box.append(badge('shape', `${bead.src.length}:${bead.tgt.length}`, tr('badge.shape')));
  for (const flag of bead.flags) {
    // Flag names such as 'non-1:1' are keyed with '-' for ':' (i18next reads ':' as a namespace).
    const key = `flag.${flag.replace(/[^\w-]/g, '-')}`;
    box.append(badge(`flag flag-${flag.replace(/[^\w-]/g, '-')}`, tr(key) === key ? flag : tr(key)));
  }
  if (bead.edited) box.append(badge('flag flag-edited', tr('flag.edited')));
  if (violations.length) box.append(badge('flag flag-check', tr('flag.check', { count: violations.length })));
  const state = el('span', `state ${bead.confirmed ? 'confirmed' : 'open'}`, bead.confirmed ? `✓ ${tr('state.confirmed')}` : tr('state.open'));
  box.append(state);
  return box;
}

/** A side's sentences; in split mode with cut buttons between them (the chosen one marked). */
function side(bead, which, view, glossary) {
  const lang = which === 'src' ? bead.srcLang : bead.tgtLang;
  const cell = el('div', `side ${which}`);
  cell.lang = lang ?? '';
  const head = el('div', 'side-head');
  head.append(badge('lang', (lang ?? '?').toUpperCase()));
  cell.append(head);
  if (view.mode === 'edit' && which === 'tgt') {
    const area = el('textarea', 'editor');
    area.value = bead.tgt.map((u, k) => u.text + (k < bead.tgt.length - 1 ? u.sep ?? ' ' : '')).join('');
    area.setAttribute('aria-label', tr('edit.label'));
    cell.append(area);
    const buttons = el('div', 'edit-buttons');
    buttons.append(button('save', tr('edit.save')), button('cancel', tr('edit.cancel')));
    cell.append(buttons);
    return cell;
  }
  const text = el('div', 'text');
  const units = bead[which];
  if (!units.length) text.append(el('span', 'empty', tr('side.empty')));
  units.forEach((unit, k) => {
    if (view.mode === 'split') text.append(cut(which, k, view.cut));
    const span = el('span', 'unit');
    span.dataset.unit = String(k);
    span.append(...unitNodes(unit, (m) => describeTerm(m, glossary), describeChange));
    text.append(span, document.createTextNode(k < units.length - 1 ? unit.sep ?? ' ' : ''));
  });
  if (view.mode === 'split') text.append(cut(which, units.length, view.cut));
  cell.append(text);
  const originals = units.filter((u) => u.original !== undefined);
  if (originals.length) {
    const before = el('div', 'original');
    before.append(el('span', 'original-label', tr('norm.original')), document.createTextNode(' ' + originals.map((u) => u.original).join(' … ')));
    cell.append(before);
  }
  return cell;
}

function cut(which, at, chosen) {
  const node = button('cut', '✂');
  node.dataset.side = which;
  node.dataset.at = String(at);
  node.title = tr('split.here');
  if (chosen?.[which] === at) node.classList.add('active');
  return node;
}

function button(action, label) {
  const node = el('button', `act act-${action}`, label);
  node.type = 'button';
  node.dataset.action = action;
  return node;
}

const ACTIONS = [
  ['confirm', 'c'], ['merge', 'm'], ['split', 's'], ['edit', 'e'], ['term', 't'],
  ['src-up', 'Alt+Shift+↑'], ['src-down', 'Alt+Shift+↓'], ['tgt-up', 'Alt+↑'], ['tgt-down', 'Alt+↓'],
];

function actions(bead, view) {
  const bar = el('div', 'actions');
  if (view.mode === 'split') {
    bar.append(el('span', 'hint', tr('split.hint')), button('split-apply', tr('split.apply')), button('cancel', tr('edit.cancel')));
    return bar;
  }
  for (const [action, key] of ACTIONS) {
    const label = action === 'confirm' && bead.confirmed ? tr('action.unconfirm') : tr(`action.${action}`);
    const node = button(action, label);
    node.title = `${label} (${key})`;
    bar.append(node);
  }
  return bar;
}

function termForm(bead, glossary) {
  const form = el('div', 'term-form');
  const entries = [...new Set([...bead.src, ...bead.tgt].flatMap((u) => u.terms.map((m) => m.entry)))];
  const select = el('select', 'term-entry');
  select.setAttribute('aria-label', tr('termForm.entry'));
  for (const id of entries.length ? entries : Object.keys(glossary)) {
    const option = el('option', '', id);
    option.value = id;
    select.append(option);
  }
  const note = el('input', 'term-note');
  note.type = 'text';
  note.placeholder = tr('termForm.note');
  form.append(el('span', 'hint', tr('termForm.title')), select, note, button('term-apply', tr('termForm.flag')), button('cancel', tr('edit.cancel')));
  return form;
}

function findings(bead, violations) {
  const list = el('ul', 'findings');
  for (const v of violations) {
    const item = el('li', `finding severity-${v.severity === 'error' ? 'error' : 'warning'}`);
    item.append(el('span', 'rule', v.rule), document.createTextNode(' ' + (v.message ?? '')));
    list.append(item);
  }
  for (const p of bead.termProblems) {
    const item = el('li', 'finding term-problem');
    item.append(el('span', 'rule', tr('termForm.problem', { entry: p.entry })), document.createTextNode(p.note ? ' ' + p.note : ''));
    const remove = button('term-remove', '×');
    remove.dataset.entry = p.entry;
    remove.title = tr('termForm.remove');
    item.append(remove);
    list.append(item);
  }
  return list;
}

/** The document's name (and its translation's) over its first row on a page. */
function docHead(bead) {
  const head = el('div', 'doc-head');
  head.title = tr('badge.document');
  head.append(el('span', 'doc-name', bead.doc));
  if (bead.tgtDoc) head.append(' → ', el('span', 'doc-name', bead.tgtDoc));
  return head;
}

/**
 * The row of one bead. `view` = {current, mode: null|'split'|'edit'|'term', cut: {src, tgt}, docHead}:
 * docHead for the first row of a document on the page, so an editor always sees which document a
 * bead is in (and why a merge across the boundary is refused).
 */
export function renderRow(bead, index, view, glossary, violations = []) {
  const row = el('div', 'row');
  row.dataset.segmentId = bead.id;
  row.dataset.doc = bead.doc;
  row.dataset.key = bead.key;
  row.dataset.index = String(index);
  row.setAttribute('role', 'listitem');
  if (bead.confirmed) row.classList.add('confirmed');
  if (isFlagged(bead, violations)) row.classList.add('flagged');
  if (bead.flags.includes('low-confidence')) row.classList.add('low');
  if (bead.src.length !== 1 || bead.tgt.length !== 1) row.classList.add('non11');
  if (view.current) row.classList.add('current');
  if (view.docHead) row.append(docHead(bead));
  row.append(meta(bead, index, violations), side(bead, 'src', view, glossary), side(bead, 'tgt', view, glossary));
  if (violations.length || bead.termProblems.length) row.append(findings(bead, violations));
  if (view.current && view.mode === 'term') row.append(termForm(bead, glossary));
  if (view.current && view.mode !== 'edit' && view.mode !== 'term') row.append(actions(bead, view));
  return row;
}
